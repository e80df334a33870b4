package io.tradergateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradergateway.GatewayApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ExposureGuardTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(ExposureConfiguration.class);

    @Test
    void loopbackWithoutKeysStarts() {
        for (String loopback : new String[] {"127.0.0.1", "::1", "localhost"}) {
            runner.withPropertyValues("server.address=" + loopback)
                    .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ExposureGuard.class));
        }
    }

    @Test
    void everyInterfaceWithoutKeysIsRefusedWithTheWayOut() {
        for (String exposed : new String[] {"0.0.0.0", "::", "192.0.2.10"}) {
            runner.withPropertyValues("server.address=" + exposed)
                    .run(context -> assertThat(context)
                            .hasFailed()
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining("refusing to start")
                            .hasMessageContaining("GATEWAY_SECURITY_API_KEYS")
                            .hasMessageContaining(ExposureGuard.OVERRIDE_PROPERTY));
        }
    }

    @Test
    void unsetAddressMeansEveryInterfaceAndIsRefused() {
        runner.run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("every interface"));
    }

    @Test
    void keysOrTheExplicitOverrideAllowANonLoopbackAddress() {
        runner.withPropertyValues("server.address=0.0.0.0", "gateway.security.api-keys=k1")
                .run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("server.address=0.0.0.0", ExposureGuard.OVERRIDE_PROPERTY + "=true")
                .run(context -> assertThat(context).hasNotFailed());
    }

    /** The guard is wired into the real application, and fails it before the port is opened. */
    @Test
    void theApplicationRefusesToStartOnEveryInterfaceWithoutKeys() {
        // Command-line arguments, as an operator would pass them: they override application.yml.
        SpringApplicationBuilder app = new SpringApplicationBuilder(GatewayApplication.class);
        assertThatThrownBy(() -> app.run("--server.address=0.0.0.0", "--server.port=0", "--spring.main.banner-mode=off")
                        .close())
                .rootCause()
                .hasMessageContaining("refusing to start")
                .hasMessageContaining("0.0.0.0");
    }
}
