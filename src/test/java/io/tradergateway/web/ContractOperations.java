package io.tradergateway.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The operations of the committed contract, so the HTTP-surface tests cover every endpoint another engineer
 * adds without being edited (the drift test keeps the contract equal to the app).
 */
record ContractOperations(Map<String, Object> spec) {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** One path and the methods the contract declares for it. */
    record PathMethods(String path, Set<String> methods, Map<String, Object> item) {

        /** The path with each {parameter} replaced by its example (or "x"), callable as is. */
        String concrete() {
            Matcher m = PATH_PARAMETER.matcher(path);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(exampleOf(m.group(1))));
            }
            return m.appendTail(out).toString();
        }

        @SuppressWarnings("unchecked")
        private String exampleOf(String name) {
            for (String method : methods) {
                Map<String, Object> operation = (Map<String, Object>) item.get(method);
                for (Object p : (List<Object>) operation.getOrDefault("parameters", List.of())) {
                    Map<String, Object> parameter = (Map<String, Object>) p;
                    if (name.equals(parameter.get("name")) && parameter.get("example") != null) {
                        return parameter.get("example").toString();
                    }
                }
            }
            return "x";
        }
    }

    static ContractOperations load() {
        try (Reader reader = Files.newBufferedReader(OpenApiContractTest.CONTRACT)) {
            return new ContractOperations(new Yaml().load(reader));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + OpenApiContractTest.CONTRACT, e);
        }
    }

    @SuppressWarnings("unchecked")
    List<PathMethods> paths() {
        List<PathMethods> result = new ArrayList<>();
        ((Map<String, Object>) spec.get("paths")).forEach((path, item) -> {
            Map<String, Object> operations = (Map<String, Object>) item;
            Set<String> methods = Set.copyOf(
                    operations.keySet().stream().filter(METHODS::contains).toList());
            result.add(new PathMethods(path, methods, operations));
        });
        return result;
    }

    /** Paths whose only operation is GET: nothing is written there, so every other method must be 405. */
    List<PathMethods> readOnlyPaths() {
        return paths().stream().filter(p -> p.methods().equals(Set.of("get"))).toList();
    }
}
