package io.tradergateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ibc/config.ini keeps its safe defaults and explains them; ibc/start-ibc.sh keeps credentials private. */
class IbcTemplateTest {

    private static final Path CONFIG = Path.of("ibc", "config.ini");
    private static final Path START = Path.of("ibc", "start-ibc.sh");

    @TempDir
    Path work;

    @Test
    void templateHasSafeDefaultsAndNoCredentials() throws IOException {
        Map<String, String> settings = settings(Files.readAllLines(CONFIG));
        assertThat(settings)
                .containsEntry("IbLoginId", "")
                .containsEntry("IbPassword", "")
                .containsEntry("TradingMode", "paper")
                .containsEntry("AcceptIncomingConnectionAction", "reject")
                .containsEntry("ReadOnlyApi", "yes")
                .containsEntry("ExitAfterSecondFactorAuthenticationTimeout", "no")
                .containsEntry("CommandServerPort", "0");
        assertThat(settings.get("ExistingSessionDetectedAction"))
                .isIn("primary", "primaryoverride", "secondary", "manual");
        assertThat(settings.get("AutoRestartTime")).matches("(0?[1-9]|1[0-2]):[0-5]\\d (AM|PM)");
    }

    @Test
    void everySettingIsExplainedByTheCommentAboveIt() throws IOException {
        List<String> lines = Files.readAllLines(CONFIG);
        for (int i = 0; i < lines.size(); i++) {
            if (isSetting(lines.get(i))) {
                int above = i - 1;
                while (above >= 0 && isSetting(lines.get(above))) {
                    above--; // IbLoginId / IbPassword share one comment
                }
                assertThat(above >= 0 && lines.get(above).startsWith("#"))
                        .as("comment above " + lines.get(i))
                        .isTrue();
            }
        }
    }

    @Test
    void startScriptRefusesToRunWithoutCredentialsFromTheEnvironment() throws Exception {
        Result result = run(Map.of("TWS_VERSION", "1037", "IBC_PATH", work.toString()));
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("IB_LOGIN_ID is not set");
    }

    @Test
    void startScriptHandsCredentialsToIbcInAPrivateFileNeverOnTheCommandLine() throws Exception {
        Path ibc = work.resolve("ibc");
        Path seen = work.resolve("seen");
        Files.createDirectories(ibc.resolve("scripts"));
        Files.createDirectories(seen);
        // A stand-in for IBC's ibcstart.sh: records its arguments and the ini it was given.
        Path stub = ibc.resolve("scripts/ibcstart.sh");
        Files.writeString(stub, """
                #!/usr/bin/env bash
                printf '%s\\n' "$@" > "$SEEN/args"
                for a in "$@"; do case "$a" in --ibc-ini=*) ini="${a#--ibc-ini=}";; esac; done
                cp "$ini" "$SEEN/ini"; stat -c %a "$ini" > "$SEEN/mode"; echo "$ini" > "$SEEN/path"
                """);
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwx------"));
        String templateBefore = Files.readString(CONFIG);

        Result result = run(Map.of(
                "IB_LOGIN_ID",
                "someuser",
                "IB_PASSWORD",
                "s3cret-pass",
                "TWS_VERSION",
                "1037",
                "IBC_PATH",
                ibc.toString(),
                "IBC_LOG_PATH",
                work.resolve("logs").toString(),
                "SEEN",
                seen.toString()));

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(Files.readString(seen.resolve("args")))
                .contains("1037", "--gateway", "--ibc-ini=")
                .doesNotContain("someuser", "s3cret-pass");
        assertThat(Files.readString(seen.resolve("ini")))
                .contains("IbLoginId=someuser", "IbPassword=s3cret-pass", "AcceptIncomingConnectionAction=reject");
        assertThat(Files.readString(seen.resolve("mode")).trim()).isEqualTo("600");
        assertThat(Path.of(Files.readString(seen.resolve("path")).trim())).doesNotExist(); // removed on exit
        assertThat(result.output()).doesNotContain("s3cret-pass");
        assertThat(Files.readString(CONFIG)).isEqualTo(templateBefore);
    }

    private record Result(int exit, String output) {}

    private static Result run(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", START.toString(), "gateway").redirectErrorStream(true);
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("IB_") || k.startsWith("IBC_") || k.startsWith("TWS_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static boolean isSetting(String line) {
        return !line.isBlank() && !line.startsWith("#") && line.contains("=");
    }

    private static Map<String, String> settings(List<String> lines) {
        Map<String, String> settings = new LinkedHashMap<>();
        lines.stream().filter(IbcTemplateTest::isSetting).forEach(line -> {
            int eq = line.indexOf('=');
            settings.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        });
        return settings;
    }
}
