package io.tradergateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.yaml.snakeyaml.Yaml;

/**
 * The manifests in deploy/k8s against the app: every probe of the gateway container points at a port the
 * container declares, that port is the app's HTTP port, and the path answers 200 on the running app; the
 * Service targets a declared port; every secret reference names a key of the example Secret.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("sim")
class KubernetesManifestTest {

    private static final Path MANIFESTS = Path.of("deploy", "k8s");
    private static final String GATEWAY_CONTAINER = "gateway";

    @LocalServerPort
    int port;

    @Autowired
    TwsConnectionManager connection;

    @Test
    void everyProbePathAndPortOfTheGatewayExistsInTheApp() {
        Map<String, Object> container = gatewayContainer();
        Map<String, Integer> ports = containerPorts(container);
        int appPort = Manifests.appHttpPort();
        assertThat(ports).containsValue(appPort);

        List<String> probes = new ArrayList<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Map<String, Object> httpGet =
                    Manifests.map(Manifests.map(container.get(probe)).get("httpGet"));
            assertThat(httpGet).as(probe + " of the gateway container").isNotEmpty();
            Object probePort = httpGet.get("port");
            Integer number = probePort instanceof Integer n ? n : ports.get(String.valueOf(probePort));
            assertThat(number).as(probe + " port " + probePort).isEqualTo(appPort);
            probes.add((String) httpGet.get("path"));
        }
        assertThat(probes).contains("/livez", "/readyz");

        Eventually.await(
                "TWS session READY", Duration.ofSeconds(15), () -> connection.state() == ConnectionState.READY);
        Http http = new Http(port);
        for (String path : probes) {
            assertThat(http.get(path).statusCode()).as("GET " + path).isEqualTo(200);
        }
    }

    @Test
    void theServiceTargetsAPortTheGatewayDeclares() {
        Map<String, Integer> ports = containerPorts(gatewayContainer());
        List<Map<String, Object>> services = Manifests.ofKind("Service");
        assertThat(services).isNotEmpty();
        for (Map<String, Object> service : services) {
            for (Object p : Manifests.list(Manifests.map(service.get("spec")).get("ports"))) {
                Object target = Manifests.map(p).get("targetPort");
                assertThat(target instanceof Integer n ? ports.containsValue(n) : ports.containsKey(target))
                        .as("Service targetPort " + target)
                        .isTrue();
            }
        }
    }

    @Test
    void everySecretReferenceNamesAKeyOfTheExampleSecret() {
        Map<String, Map<String, Object>> secrets = new java.util.HashMap<>();
        for (Map<String, Object> secret : Manifests.ofKind("Secret")) {
            Map<String, Object> data = Manifests.map(secret.get("stringData"));
            secrets.put((String) Manifests.map(secret.get("metadata")).get("name"), data);
        }
        List<Map<String, Object>> references = new ArrayList<>();
        for (Map<String, Object> container : Manifests.containers()) {
            for (Object e : Manifests.list(container.get("env"))) {
                Map<String, Object> from = Manifests.map(Manifests.map(e).get("valueFrom"));
                if (from.containsKey("secretKeyRef")) {
                    references.add(Manifests.map(from.get("secretKeyRef")));
                }
            }
        }
        assertThat(references).isNotEmpty();
        for (Map<String, Object> ref : references) {
            assertThat(secrets).as("Secret " + ref.get("name")).containsKey((String) ref.get("name"));
            assertThat(secrets.get(ref.get("name"))).as("key " + ref.get("key")).containsKey((String) ref.get("key"));
        }
    }

    private static Map<String, Object> gatewayContainer() {
        return Manifests.containers().stream()
                .filter(c -> GATEWAY_CONTAINER.equals(c.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container named " + GATEWAY_CONTAINER + " in " + MANIFESTS));
    }

    private static Map<String, Integer> containerPorts(Map<String, Object> container) {
        Map<String, Integer> ports = new java.util.HashMap<>();
        for (Object p : Manifests.list(container.get("ports"))) {
            Map<String, Object> port = Manifests.map(p);
            ports.put(String.valueOf(port.get("name")), (Integer) port.get("containerPort"));
        }
        return ports;
    }

    /** Untyped access to the YAML documents of deploy/k8s. */
    static final class Manifests {
        // package-private: DockerfileIT reads the app port the same way

        private Manifests() {}

        static List<Map<String, Object>> documents() {
            List<Map<String, Object>> documents = new ArrayList<>();
            try (Stream<Path> files = Files.list(MANIFESTS)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                        .sorted()
                        .toList()) {
                    try (Reader reader = Files.newBufferedReader(file)) {
                        for (Object document : new Yaml().loadAll(reader)) {
                            if (document != null) {
                                documents.add(map(document));
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new AssertionError("cannot read " + MANIFESTS, e);
            }
            return documents;
        }

        static List<Map<String, Object>> ofKind(String kind) {
            return documents().stream().filter(d -> kind.equals(d.get("kind"))).toList();
        }

        static List<Map<String, Object>> containers() {
            List<Map<String, Object>> containers = new ArrayList<>();
            for (Map<String, Object> deployment : ofKind("Deployment")) {
                Map<String, Object> podSpec =
                        map(map(map(deployment.get("spec")).get("template")).get("spec"));
                list(podSpec.get("containers")).forEach(c -> containers.add(map(c)));
            }
            return containers;
        }

        /** server.port of the app's built-in defaults: what the image listens on. */
        static int appHttpPort() {
            try (Reader reader = Files.newBufferedReader(Path.of("src", "main", "resources", "application.yml"))) {
                Map<String, Object> yaml = map(new Yaml().load(reader));
                return (Integer) map(yaml.get("server")).get("port");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> map(Object value) {
            return value == null ? Map.of() : (Map<String, Object>) value;
        }

        @SuppressWarnings("unchecked")
        static List<Object> list(Object value) {
            return value == null ? List.of() : (List<Object>) value;
        }
    }
}
