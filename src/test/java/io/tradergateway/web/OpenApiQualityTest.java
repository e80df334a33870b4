package io.tradergateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the issue asks of every operation, checked on the committed contract (which the drift test keeps
 * equal to the app): a summary, described parameters with allowed values and examples, errors as ProblemDetail
 * with an example, and the API-key requirement on /api and /sim. Fails for a new endpoint that lacks them.
 */
class OpenApiQualityTest {

    private final ContractOperations contract = ContractOperations.load();

    @Test
    @SuppressWarnings("unchecked")
    void declaresTheApiKeySchemeInTheXApiKeyHeader() {
        Map<String, Object> components = (Map<String, Object>) contract.spec().get("components");
        Map<String, Object> schemes = (Map<String, Object>) components.get("securitySchemes");
        assertThat((Map<String, Object>) schemes.get(OpenApiConfiguration.API_KEY_SCHEME))
                .containsEntry("type", "apiKey")
                .containsEntry("in", "header")
                .containsEntry("name", "X-API-Key");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsDocumentedCompletely() {
        List<String> gaps = new ArrayList<>();
        for (var path : contract.paths()) {
            for (String method : path.methods()) {
                String op = method.toUpperCase() + " " + path.path();
                Map<String, Object> operation =
                        (Map<String, Object>) path.item().get(method);
                if (isBlank(operation.get("summary"))) {
                    gaps.add(op + ": no summary");
                }
                for (Object p : (List<Object>) operation.getOrDefault("parameters", List.of())) {
                    Map<String, Object> parameter = (Map<String, Object>) p;
                    String name = op + " parameter " + parameter.get("name");
                    Map<String, Object> schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
                    if (isBlank(parameter.get("description"))) {
                        gaps.add(name + ": no description");
                    }
                    if (parameter.get("example") == null
                            && parameter.get("examples") == null
                            && schema.get("example") == null
                            && schema.get("examples") == null) {
                        gaps.add(name + ": no example");
                    }
                    boolean constrained = schema.containsKey("enum")
                            || schema.containsKey("pattern")
                            || schema.containsKey("minimum")
                            || schema.containsKey("maximum")
                            || schema.containsKey("format")
                            || "boolean".equals(schema.get("type"));
                    if (!constrained) {
                        gaps.add(name + ": allowed values not stated (enum, pattern, range or format)");
                    }
                }
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                if (responses.keySet().stream().noneMatch(s -> s.startsWith("4"))) {
                    gaps.add(op + ": no 4xx response");
                }
                responses.forEach((status, r) -> {
                    if (status.startsWith("2") || status.equals("304")) {
                        return; // 304 Not Modified has no body by definition
                    }
                    Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) r).get("content");
                    Map<String, Object> problem = content == null
                            ? null
                            : (Map<String, Object>) content.get(ProblemResponsesCustomizer.PROBLEM_JSON);
                    if (problem == null
                            || !String.valueOf(problem.get("schema")).contains("ProblemDetail")
                            || (problem.get("example") == null && problem.get("examples") == null)) {
                        gaps.add(op + " " + status + ": not a ProblemDetail with an example");
                    }
                });
                boolean needsKey =
                        path.path().startsWith("/api/") || path.path().startsWith("/sim/");
                if (needsKey
                        && !String.valueOf(operation.get("security")).contains(OpenApiConfiguration.API_KEY_SCHEME)) {
                    gaps.add(op + ": API-key requirement not declared");
                }
            }
        }
        assertThat(gaps)
                .as("operations missing documentation in openapi/openapi.yaml")
                .isEmpty();
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
