package io.tradergateway.status;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.ib-status.*}: IB's public system-status page and the exchanges the operator trades.
 *
 * @param url the status page (env GATEWAY_IB_STATUS_URL)
 * @param exchanges exchanges of interest, e.g. NYSE, NASDAQ; empty = every exchange outage matters
 *     (env GATEWAY_IB_STATUS_EXCHANGES, comma-separated)
 */
@ConfigurationProperties("gateway.ib-status")
public record IbStatusProperties(
        @DefaultValue("https://www.interactivebrokers.com/en/software/systemStatus.php")
        URI url,

        @DefaultValue List<String> exchanges) {

    public IbStatusProperties {
        exchanges = exchanges == null
                ? List.of()
                : exchanges.stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .map(String::toUpperCase)
                        .toList();
    }
}
