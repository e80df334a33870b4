package io.tradergateway.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document springdoc generates from the controllers, completed here so every operation tells
 * a client everything: the API-key scheme, and each error as a ProblemDetail with an example. The result is
 * committed as {@code openapi/openapi.yaml}; a test fails when the running app drifts from it.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String API_KEY_SCHEME = "apiKey";

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Trader Gateway API")
                        // The API's version, not the build's: the contract must not drift with every release.
                        .version("v1")
                        .description("""
                                REST gateway in front of Interactive Brokers' TWS / IB Gateway. Every response \
                                carries `X-Broker: tws` or `X-Broker: simulator`, so simulated data is never \
                                mistaken for real data. Errors are `application/problem+json` with a stable `type`. \
                                Operations under `/sim` exist only in simulator mode (profile `sim`)."""))
                // Relative, so "Try it out" calls whichever host served the document (and the spec never
                // contains the random port of the app that generated it).
                .servers(List.of(new Server().url("/").description("this gateway")))
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY_SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name(ApiKeyFilter.HEADER)
                                        .description("One of the keys in gateway.security.api-keys "
                                                + "(GATEWAY_SECURITY_API_KEYS). Needed for /api/** and "
                                                + "/sim/** when keys are configured.")));
    }

    @Bean
    GlobalOpenApiCustomizer problemResponsesCustomizer() {
        return new ProblemResponsesCustomizer();
    }
}
