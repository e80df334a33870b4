package io.tradergateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.sim.SimulatorSettings;
import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's one command for the fast start outside a container, replayed on the jar the build made (failsafe runs
 * it after package) with this JVM: {@code deploy/fast-start.sh --prepare} trains through readiness and first
 * requests and writes the cache for this JDK (CDS archive before 25, AOT cache from 25), without touching the
 * caller's data directory; then {@code deploy/fast-start.sh} starts the app with that cache, the JVM told to
 * refuse to start rather than ignore a cache that does not fit, and with Spring's AOT-processed context: in
 * simulator mode and in tws mode (against a simulator this test runs as the TWS), from the same jar.
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

        String script = prepare.command().get(1);
        Path data = work.resolve("data");
        // simulator mode, as trained: the AOT-processed context, the simulator's endpoints, and the shutdown
        // endpoint (its bean made for the training) neither exposed nor accessible in a normal start
        try (Started app =
                start(script, env, mustUseCache, "--spring.profiles.active=sim", "--gateway.data-dir=" + data)) {
            assertThat(app.log()).contains("Starting AOT-processed GatewayApplication");
            Http http = new Http(app.port());
            awaitReady(http);
            assertThat(http.get("/sim/stats").statusCode()).isEqualTo(200);
            assertThat(http.get("/api/v1/positions").headers().firstValue("X-Broker"))
                    .hasValue("simulator");
            assertThat(http.send("POST", "/actuator/shutdown").statusCode()).isEqualTo(404);
        }
        // tws mode from the same AOT-processed context: connects to the configured TWS (a simulator this test runs
        // as the peer), ready once that session is up, and the simulator's own endpoints are not there
        try (TwsSimulator tws = new TwsSimulator(SimulatorSettings.defaults(), Clock.systemUTC()).start();
                Started app = start(
                        script,
                        env,
                        mustUseCache,
                        "--gateway.tws.port=" + tws.port(),
                        "--gateway.data-dir=" + work.resolve("data-tws"))) {
            assertThat(app.log()).contains("Starting AOT-processed GatewayApplication");
            Http http = new Http(app.port());
            awaitReady(http);
            assertThat(tws.connectedClientIds()).isNotEmpty();
            assertThat(http.get("/api/v1/positions").headers().firstValue("X-Broker"))
                    .hasValue("tws");
            assertThat(http.get("/sim/stats").statusCode()).isEqualTo(404);
        }
    }

    private static void awaitReady(Http http) {
        Eventually.await(
                "readiness UP",
                Duration.ofSeconds(120),
                () -> http.get("/actuator/health/readiness").statusCode() == 200);
    }

    /** deploy/fast-start.sh with these app arguments, the JVM told to refuse a cache that does not fit. */
    private Started start(String script, Map<String, String> env, String mustUseCache, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(script, "--server.port=0", "--gateway.ib-status.enabled=false"));
        command.addAll(List.of(args));
        ProcessBuilder start =
                new ProcessBuilder(command).redirectErrorStream(true).directory(work.toFile());
        start.environment().putAll(env);
        start.environment().put("JAVA_TOOL_OPTIONS", mustUseCache);
        Process app = start.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder log = new StringBuilder();
        Integer port = null;
        boolean started = false;
        String line;
        while (!started && (line = out.readLine()) != null) { // ends when the process exits
            log.append(line).append('\n');
            Matcher tomcat = TOMCAT_PORT.matcher(line);
            if (tomcat.find()) {
                port = Integer.valueOf(tomcat.group(1));
            }
            started = line.contains("Started GatewayApplication");
        }
        Started result = new Started(app, log.toString(), port == null ? -1 : port);
        if (!started || port == null) {
            result.close();
            throw new AssertionError("not started with the cache (" + mustUseCache + "):\n" + log);
        }
        Thread drain = new Thread(() -> out.lines().forEach(ignored -> {})); // keeps the pipe from filling up
        drain.setDaemon(true);
        drain.start();
        return result;
    }

    private static final Pattern TOMCAT_PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private record Started(Process process, String log, int port) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(20, TimeUnit.SECONDS); // gone before its temp dir is deleted
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
