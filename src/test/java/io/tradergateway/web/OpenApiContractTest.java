package io.tradergateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Http;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code openapi/openapi.yaml} is the committed contract: it must be exactly what the running app serves
 * (profile sim, so simulator-only operations are in it too). An intended API change is committed by running
 * {@link #REGENERATE}, which makes this test write the file instead of comparing it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("sim")
class OpenApiContractTest {

    static final Path CONTRACT = Path.of("openapi", "openapi.yaml");
    static final String WRITE_PROPERTY = "openapi.write";
    static final String REGENERATE = "./mvnw -B test -Dtest=OpenApiContractTest -D" + WRITE_PROPERTY + "=true";

    @LocalServerPort
    int port;

    @Test
    void committedContractIsWhatTheRunningAppServes() throws IOException {
        HttpResponse<String> response = Http.patient(port).get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        String served = normalize(toYaml(response.body()));

        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.createDirectories(CONTRACT.getParent());
            Files.writeString(CONTRACT, served, StandardCharsets.UTF_8);
            System.out.println("wrote " + CONTRACT.toAbsolutePath() + "; review the diff and commit it");
            return;
        }
        String committed = Files.exists(CONTRACT) ? normalize(Files.readString(CONTRACT)) : "";
        if (!served.equals(committed)) {
            throw new AssertionError(CONTRACT + " differs from the spec the running app serves. "
                    + firstDifference(committed, served)
                    + "\nIf the API change is intended, regenerate the contract and commit it:\n    "
                    + REGENERATE + "\n");
        }
    }

    /**
     * The JSON document as block YAML. Not springdoc's own /v3/api-docs.yaml: that leaves strings such as
     * "202612" unquoted, so YAML readers (and the linter) see numbers where the schema says string.
     */
    static String toYaml(String json) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setSplitLines(false);
        Object document = new Yaml().load(json); // JSON is YAML; key order is kept
        return new Yaml(options).dump(document);
    }

    private static String normalize(String yaml) {
        String unix = yaml.replace("\r\n", "\n");
        return unix.endsWith("\n") ? unix : unix + "\n";
    }

    static String firstDifference(String committed, String served) {
        List<String> a = committed.lines().toList();
        List<String> b = served.lines().toList();
        int line = 0;
        while (line < a.size() && line < b.size() && a.get(line).equals(b.get(line))) {
            line++;
        }
        return "First difference at line " + (line + 1) + ":\n  committed: "
                + (line < a.size() ? a.get(line) : "<end of file>") + "\n  served:    "
                + (line < b.size() ? b.get(line) : "<end of file>");
    }
}
