package io.tradergateway.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.security.*}.
 *
 * @param apiKeys keys accepted in the {@code X-API-Key} header for {@code /api/**} and {@code /sim/**}; empty
 *     means no key is required (env GATEWAY_SECURITY_API_KEYS, comma-separated). Never logged.
 * @param allowRemoteWithoutApiKey start even when bound to a non-loopback address without keys, for a gateway
 *     behind a proxy that authenticates callers itself (env GATEWAY_SECURITY_ALLOW_REMOTE_WITHOUT_API_KEY)
 */
@ConfigurationProperties("gateway.security")
public record SecurityProperties(
        @DefaultValue List<String> apiKeys,
        @DefaultValue("false") boolean allowRemoteWithoutApiKey) {

    public SecurityProperties {
        apiKeys = apiKeys == null
                ? List.of()
                : apiKeys.stream()
                        .filter(k -> k != null && !k.isBlank())
                        .map(String::trim)
                        .toList();
    }

    public boolean keysRequired() {
        return !apiKeys.isEmpty();
    }

    @Override
    public String toString() {
        return "SecurityProperties[apiKeys=" + apiKeys.size() + " configured, allowRemoteWithoutApiKey="
                + allowRemoteWithoutApiKey + "]";
    }
}
