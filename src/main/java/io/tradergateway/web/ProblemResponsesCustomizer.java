package io.tradergateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Gives every operation under {@code /api} and {@code /sim} the API-key requirement and the errors any of
 * them can answer (401, 406, 500), and every error response a ProblemDetail example. Done once here rather
 * than on each controller, so a new endpoint is documented completely without repeating itself.
 */
final class ProblemResponsesCustomizer implements GlobalOpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "ProblemDetail";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;

    /** status -> (type slug, title, detail) of the example body. */
    private static final Map<String, List<String>> EXAMPLES = Map.of(
            "400", List.of("invalid-parameter", "Bad Request", "a parameter is missing or has a value not allowed"),
            "401", List.of("api-key-required", "API key required", "the API key in X-API-Key is not accepted"),
            "404", List.of("not-found", "Not Found", "no such resource"),
            "406", List.of("not-acceptable", "Not Acceptable", "Acceptable representations: [application/json]."),
            "429", List.of("pacing-limited", "Too Many Requests", "IB's pacing rules allow this request later"),
            "500",
                    List.of(
                            "internal-error",
                            "Internal error",
                            "the gateway failed to handle this request; the cause is in its log"),
            "502", List.of("tws-request-failed", "TWS failed the request", "TWS error 10225: Bust event occurred"),
            "503", List.of("tws-unavailable", "TWS unavailable", "not connected to TWS; retry later"),
            "504", List.of("tws-timeout", "TWS did not answer in time", "no answer from TWS within 30 s"));

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
        if (openApi.getTags() != null) {
            openApi.getTags().sort(Comparator.comparing(Tag::getName)); // stable order for the drift test
        }
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths()
                .forEach((path, item) -> item.readOperations().forEach(operation -> {
                    boolean protectedPath = path.startsWith("/api/") || path.startsWith("/sim/");
                    if (protectedPath) {
                        operation.setSecurity(
                                List.of(new SecurityRequirement().addList(OpenApiConfiguration.API_KEY_SCHEME)));
                        ApiResponses responses = operation.getResponses();
                        responses.putIfAbsent(
                                "401", new ApiResponse().description("no API key, or a key not accepted"));
                        responses.putIfAbsent(
                                "406",
                                new ApiResponse()
                                        .description("the Accept header allows no representation this operation has"));
                        responses.putIfAbsent(
                                "500",
                                new ApiResponse()
                                        .description(
                                                "unexpected failure; the cause is in the gateway's log, never in the body"));
                    }
                    stringExamplesStayStrings(operation);
                    completeErrors(concretePath(path, operation), operation);
                }));
    }

    /** springdoc parses an example such as "202612" or "true" into a number or boolean, which a string parameter cannot hold. */
    private static void stringExamplesStayStrings(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            boolean stringTyped = parameter.getSchema() != null
                    && ("string".equals(parameter.getSchema().getType())
                            || (parameter.getSchema().getTypes() != null
                                    && parameter.getSchema().getTypes().contains("string")));
            Object example = parameter.getExample();
            if (stringTyped && example instanceof Number number) {
                parameter.setExample(number.toString());
            } else if (stringTyped && example instanceof JsonNode node && (node.isNumber() || node.isBoolean())) {
                parameter.setExample(node.asText());
            } else if (stringTyped && example instanceof Boolean flag) {
                parameter.setExample(flag.toString());
            }
        }
    }

    /** The path with each {parameter} replaced by its example, as a real request's instance would be. */
    private static String concretePath(String path, Operation operation) {
        String concrete = path;
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if ("path".equals(parameter.getIn()) && parameter.getExample() != null) {
                    concrete = concrete.replace(
                            "{" + parameter.getName() + "}",
                            parameter.getExample().toString());
                }
            }
        }
        return concrete.replaceAll("\\{[^}]*}", "x");
    }

    /** Errors (4xx, 5xx) become ProblemDetails; an example a controller gave itself is kept. */
    private static void completeErrors(String path, Operation operation) {
        operation.getResponses().forEach((status, response) -> {
            if (!status.startsWith("4") && !status.startsWith("5")) {
                return;
            }
            MediaType given =
                    response.getContent() == null ? null : response.getContent().get(PROBLEM_JSON);
            boolean hasExample = given != null && (given.getExample() != null || given.getExamples() != null);
            if (!hasExample) {
                MediaType media =
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)).example(example(status, path));
                response.setContent(new Content().addMediaType(PROBLEM_JSON, media));
            }
            if (status.equals("503") || status.equals("429")) {
                response.addHeaderObject(
                        "Retry-After",
                        new Header()
                                .description("seconds after which a retry may succeed")
                                .schema(new IntegerSchema().example(5)));
            }
        });
    }

    private static Map<String, Object> example(String status, String path) {
        List<String> text = EXAMPLES.getOrDefault(status, EXAMPLES.get(status.startsWith("5") ? "500" : "400"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemTypes.of(text.get(0)).toString());
        body.put("title", text.get(1));
        body.put("status", Integer.parseInt(status));
        body.put("detail", text.get(2));
        body.put("instance", path);
        return body;
    }

    /** ProblemDetail as it is serialized (RFC 9457), not as the Java class looks to a schema generator. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details. Switch on `type`; `detail` is for people and may change. "
                        + "Some problems add members, e.g. `connectionState` on tws-unavailable.")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri")
                                .description("stable machine-readable problem type")
                                .example(ProblemTypes.TWS_UNAVAILABLE.toString()))
                .addProperty(
                        "title",
                        new StringSchema()
                                .description("short summary of the type")
                                .example("TWS unavailable"))
                .addProperty(
                        "status",
                        new IntegerSchema().description("the HTTP status").example(503))
                .addProperty(
                        "detail",
                        new StringSchema()
                                .description("what happened, for people")
                                .example("not connected to TWS; retry later"))
                .addProperty(
                        "instance",
                        new StringSchema()
                                .format("uri-reference")
                                .description("the request path")
                                .example("/api/v1/accounts"))
                .required(List.of("type", "title", "status"))
                .additionalProperties(true);
    }
}
