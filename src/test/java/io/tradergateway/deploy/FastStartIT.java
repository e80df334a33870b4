package io.tradergateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's one command for the fast start outside a container, replayed on the jar the build made (failsafe runs
 * it after package) with this JVM: {@code deploy/fast-start.sh --prepare} trains through readiness and first
 * requests and writes the cache for this JDK (CDS archive before 25, AOT cache from 25), without touching the
 * caller's data directory; then {@code deploy/fast-start.sh} starts the app with that cache, the JVM told to
 * refuse to start rather than ignore a cache that does not fit.
 */
class FastStartIT {

    private static final Path BUILT_JAR = Path.of("target", "trader-gateway.jar");

    @TempDir
    Path work;

    @Test
    void trainsThroughReadinessAndStartsWithTheCache() throws Exception {
        Path jar = work.resolve("trader-gateway.jar");
        Files.copy(BUILT_JAR, jar);
        Path dir = work.resolve("fast-start"); // given as a relative path, as the script's default is
        int feature = Runtime.version().feature();
        String mustUseCache = feature >= 25 ? "-XX:AOTMode=on" : "-Xshare:on";
        Map<String, String> env = Map.of(
                "JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "JAR", jar.toString(),
                "FAST_START_DIR", "fast-start");

        ProcessBuilder prepare = new ProcessBuilder("bash", "deploy/fast-start.sh", "--prepare")
                .redirectErrorStream(true)
                .directory(work.toFile());
        prepare.command()
                .set(1, Path.of("deploy", "fast-start.sh").toAbsolutePath().toString());
        prepare.environment().putAll(env);
        Process training = prepare.start();
        String output = new String(training.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(training.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(training.exitValue()).as(output).isZero();
        assertThat(output).contains("fast-start: trained through readiness and 18 requests");
        String cache = feature >= 25 ? "app-jdk" + feature + ".aot" : "app-jdk" + feature + ".jsa";
        assertThat(dir.resolve(cache)).isRegularFile();
        assertThat(dir.resolve("training-data")).as("the training run's store").isDirectory();
        assertThat(work.resolve("data"))
                .as("the caller's data directory is left alone")
                .doesNotExist();

        ProcessBuilder start = new ProcessBuilder(List.of(
                        prepare.command().get(1),
                        "--spring.profiles.active=sim",
                        "--server.port=0",
                        "--gateway.ib-status.enabled=false",
                        "--gateway.data-dir=" + work.resolve("data")))
                .redirectErrorStream(true)
                .directory(work.toFile());
        start.environment().putAll(env);
        start.environment().put("JAVA_TOOL_OPTIONS", mustUseCache);
        Process app = start.start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder log = new StringBuilder();
            String line;
            boolean started = false;
            while (!started && (line = out.readLine()) != null) { // ends when the process exits
                log.append(line).append('\n');
                started = line.contains("Started GatewayApplication");
            }
            assertThat(started)
                    .as("started with the cache (" + mustUseCache + "):\n" + log)
                    .isTrue();
        } finally {
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    /**
     * A training run whose JVM crashes while it writes the cache (JDK 17's dynamic dump did, intermittently) is retried
     * once, and a cut cache is never left where a later start would map it (a cut CDS archive crashes that JVM too).
     * The JVM here is the real one behind a wrapper that, for the training run only, writes part of a cache and dies
     * of SIGSEGV.
     */
    @Test
    void aCrashedTrainingIsRetriedOnceAndLeavesNoCache() throws Exception {
        Path jar = work.resolve("trader-gateway.jar");
        Files.copy(BUILT_JAR, jar);
        Path crashing = work.resolve("crashing-java");
        Files.writeString(crashing, """
                #!/usr/bin/env bash
                for a in "$@"; do
                  case "$a" in -XX:ArchiveClassesAtExit=*|-XX:AOTCacheOutput=*)
                    head -c 4096 /dev/zero > "${a#*=}"
                    echo "# A fatal error has been detected by the Java Runtime Environment:"
                    kill -SEGV $$ ;;
                  esac
                done
                exec "$REAL_JAVA" "$@"
                """);
        assertThat(crashing.toFile().setExecutable(true)).isTrue();
        ProcessBuilder prepare = new ProcessBuilder(
                        "bash",
                        Path.of("deploy", "fast-start.sh").toAbsolutePath().toString(),
                        "--prepare")
                .redirectErrorStream(true)
                .directory(work.toFile());
        prepare.environment()
                .putAll(Map.of(
                        "JAVA", crashing.toString(),
                        "REAL_JAVA",
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                        "JAR", jar.toString(),
                        "FAST_START_DIR", "fast-start"));
        Process training = prepare.start();
        String output = new String(training.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(training.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(training.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("fast-start: retrying the training once").contains("fast-start: training failed");
        try (var files = Files.list(work.resolve("fast-start"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("no cache, whole or cut, under any name")
                    .noneMatch(name -> name.contains(".jsa") || name.contains(".aot"))
                    .contains("trader-gateway.jar");
        }
    }
}
