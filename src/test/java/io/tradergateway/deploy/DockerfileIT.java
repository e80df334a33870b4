package io.tradergateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Dockerfile cannot be built here (no Docker engine), so this replays what it does with the jar the
 * build just made (failsafe runs it after package): the jar it extracts is the one the build produces, its
 * extract command works, every layer it copies exists, the layers assembled as in /app start the app with
 * the image's environment, the AOT-cache training step writes the cache the entrypoint starts with (on a JDK 25,
 * the image's runtime), and it runs as non-root on the port the app listens on.
 */
class DockerfileIT {

    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Path BUILT_JAR = Path.of("target", "trader-gateway.jar");

    @TempDir
    Path work;

    @Test
    void extractsTheJarTheBuildProducesAndEveryCopiedLayerExists() throws Exception {
        List<String> extract = tokens(line("RUN java -Djarmode=tools"));
        String jar = extract.get(extract.indexOf("-jar") + 1);
        assertThat(Path.of(jar)).as("the jar the Dockerfile extracts").isEqualTo(BUILT_JAR);
        assertThat(BUILT_JAR).as("made by ./mvnw package").isRegularFile();

        Files.createDirectories(work.resolve("target"));
        Files.copy(BUILT_JAR, work.resolve(jar));
        List<String> command = new ArrayList<>(extract.subList(1, extract.size()));
        command.set(0, javaBinary());
        Process process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        String buildDir = buildWorkdir();
        List<String> copies = lines("COPY --from=build ");
        assertThat(copies).hasSize(4);
        for (String copy : copies) {
            String source = tokens(copy).get(2);
            assertThat(source).startsWith(buildDir + "/");
            assertThat(work.resolve(source.substring(buildDir.length() + 1)))
                    .as(copy)
                    .isDirectory();
        }
    }

    @Test
    void theAssembledLayersStartTheAppWithTheImageEnvironment() throws Exception {
        Path app = assembleApp();
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        // the entrypoint without its AOT-cache option, which this JVM may not know: the layout itself must start
        jsonArray(line("ENTRYPOINT")).stream()
                .skip(1)
                .filter(arg -> !arg.startsWith("-XX:AOT"))
                .forEach(command::add);
        command.addAll(List.of("--spring.profiles.active=sim", "--server.port=0"));
        String log = startAndStop(command, app, imageEnvironment());
        assertThat(log).contains("-XX:MaxRAMPercentage=75"); // JAVA_TOOL_OPTIONS reached the JVM
    }

    /**
     * The image's AOT-cache step, replayed with a JDK 25 (the image's runtime): the training RUN line writes the
     * cache in /app, and the unchanged ENTRYPOINT starts with it. {@code -XX:AOTMode=on} makes the JVM refuse to
     * start rather than silently ignore a cache that does not match the jars or options.
     */
    @Test
    void theTrainingRunWritesTheAotCacheTheEntrypointStartsWith() throws Exception {
        Path jdk25 = jdk25();
        Assumptions.assumeTrue(
                jdk25 != null, "no JDK 25 found (set JAVA25_HOME): the AOT-cache training is not replayed");
        Path app = assembleApp();

        List<String> training = tokens(joinedLine("RUN java -XX:AOTCacheOutput="));
        List<String> trainingCommand = new ArrayList<>(training.subList(1, training.size()));
        trainingCommand.set(0, jdk25.toString());
        String cacheFile = training.stream()
                .filter(t -> t.startsWith("-XX:AOTCacheOutput="))
                .findFirst()
                .orElseThrow()
                .substring("-XX:AOTCacheOutput=".length());
        Process train = new ProcessBuilder(trainingCommand)
                .directory(app.toFile())
                .redirectErrorStream(true)
                .start();
        String trainingLog = new String(train.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(train.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(train.exitValue()).as(trainingLog).isZero();
        assertThat(app.resolve(cacheFile)).as(trainingLog).isRegularFile();

        List<String> entrypoint = new ArrayList<>(jsonArray(line("ENTRYPOINT")));
        assertThat(entrypoint).contains("-XX:AOTCache=" + cacheFile);
        entrypoint.set(0, jdk25.toString());
        entrypoint.addAll(List.of("--spring.profiles.active=sim", "--server.port=0"));
        Map<String, String> env = imageEnvironment();
        env.put("JAVA_TOOL_OPTIONS", env.get("JAVA_TOOL_OPTIONS") + " -XX:AOTMode=on");
        startAndStop(entrypoint, app, env);
    }

    /** The jar extracted as the Dockerfile's RUN line does, and its four layers copied into one /app. */
    private Path assembleApp() throws Exception {
        List<String> extract = tokens(line("RUN java -Djarmode=tools"));
        List<String> command = new ArrayList<>(extract.subList(1, extract.size()));
        command.set(0, javaBinary());
        command.set(command.indexOf("-jar") + 1, BUILT_JAR.toAbsolutePath().toString());
        Path extracted = work.resolve("extracted");
        command.set(command.indexOf("--destination") + 1, extracted.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Path app = work.resolve("app");
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            copyInto(extracted.resolve(layer), app); // what the four COPY lines do to /app
        }
        return app;
    }

    /** Starts the command in the assembled /app (with an API key: the image listens on every interface). */
    private static String startAndStop(List<String> command, Path app, Map<String, String> env) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("GATEWAY_SECURITY_API_KEYS", "docker-test-key");
        Process process = builder.start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder log = new StringBuilder();
            String line;
            boolean started = false;
            while (!started && (line = out.readLine()) != null) { // ends when the process exits
                log.append(line).append('\n');
                started = line.contains("Started GatewayApplication");
            }
            assertThat(started)
                    .as("app started from the layered layout:\n" + log)
                    .isTrue();
            return log.toString();
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(20, TimeUnit.SECONDS); // gone before its temp dir is deleted
            }
        }
    }

    /** A JDK 25 to replay the image's AOT-cache step: this JVM if it is one, else JAVA25_HOME or /usr/lib/jvm. */
    private static Path jdk25() throws IOException {
        if (Runtime.version().feature() >= 25) {
            return Path.of(javaBinary());
        }
        List<Path> homes = new ArrayList<>();
        String configured = System.getenv("JAVA25_HOME");
        if (configured != null && !configured.isBlank()) {
            homes.add(Path.of(configured));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> dirs = Files.list(jvms)) {
                dirs.filter(d -> d.getFileName().toString().contains("25"))
                        .sorted()
                        .forEach(homes::add);
            }
        }
        return homes.stream()
                .map(home -> home.resolve("bin").resolve("java"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
    }

    @Test
    void runsAsNonRootOnTheAppPortFromAJreBase() throws IOException {
        String user = tokens(line("USER ")).get(1);
        assertThat(user.split(":")[0]).isNotIn("root", "0");
        assertThat(Integer.parseInt(tokens(line("EXPOSE ")).get(1)))
                .isEqualTo(KubernetesManifestTest.Manifests.appHttpPort());
        List<String> froms = lines("FROM ");
        assertThat(froms.get(froms.size() - 1)).contains(":25-jre");
        assertThat(froms.get(0)).contains(":25-jdk").endsWith("AS build");
    }

    @Test
    void dockerignoreLetsInEverythingTheBuildStageCopiesFromTheContext() throws IOException {
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore"));
        assertThat(ignore).contains("*"); // everything else stays out (target/, node_modules/, .git, ...)
        for (String copy : lines("COPY ")) {
            if (copy.contains("--from=")) {
                continue;
            }
            List<String> parts = tokens(copy);
            for (String source : parts.subList(1, parts.size() - 1)) {
                assertThat(ignore).as(".dockerignore re-includes " + source).contains("!" + source);
            }
        }
    }

    private static Map<String, String> imageEnvironment() throws IOException {
        String text = Files.readString(DOCKERFILE).replace("\\\n", " ");
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : text.lines().filter(l -> l.startsWith("ENV ")).toList()) {
            Matcher m = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)").matcher(line.substring(4));
            while (m.find()) {
                env.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
            }
        }
        assertThat(env).containsKeys("SERVER_ADDRESS", "JAVA_TOOL_OPTIONS");
        return env;
    }

    private static String buildWorkdir() throws IOException {
        List<String> all = Files.readAllLines(DOCKERFILE);
        int buildStage = all.indexOf(lines("FROM ").get(0));
        return all.subList(buildStage, all.size()).stream()
                .filter(l -> l.startsWith("WORKDIR "))
                .findFirst()
                .map(l -> l.substring(8).trim())
                .orElseThrow();
    }

    private static String line(String prefix) throws IOException {
        List<String> matching = lines(prefix);
        assertThat(matching).as("Dockerfile lines starting with " + prefix).hasSize(1);
        return matching.get(0);
    }

    /** One instruction with its backslash continuations joined. */
    private static String joinedLine(String prefix) throws IOException {
        List<String> matching = Files.readString(DOCKERFILE)
                .replace("\\\n", " ")
                .lines()
                .filter(l -> l.startsWith(prefix))
                .toList();
        assertThat(matching)
                .as("Dockerfile instructions starting with " + prefix)
                .hasSize(1);
        return matching.get(0);
    }

    private static List<String> lines(String prefix) throws IOException {
        return Files.readAllLines(DOCKERFILE).stream()
                .filter(l -> l.startsWith(prefix))
                .toList();
    }

    private static List<String> tokens(String line) {
        return List.of(line.trim().split("\\s+"));
    }

    private static List<String> jsonArray(String line) {
        Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(line);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void copyInto(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
