package io.tradergateway.status;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * {@code gateway.ib-status.*}: IB's public system-status page, how to fetch it, and what the operator trades.
 *
 * @param enabled scrape the page on a schedule; false = never fetch it, and {@code ibStatus} stays UNKNOWN
 *     unless TRADER_CHECK turns the check off (env GATEWAY_IB_STATUS_ENABLED)
 * @param url the status page (env GATEWAY_IB_STATUS_URL); {@code classpath:...} reads a page bundled with the
 *     gateway (the simulator demo's default)
 * @param exchanges exchanges of interest, e.g. NYSE, NASDAQ; empty = every exchange outage matters
 *     (env GATEWAY_IB_STATUS_EXCHANGES, comma-separated)
 * @param ignoredExchanges exchanges whose outages never matter (env GATEWAY_IB_STATUS_IGNORED_EXCHANGES)
 * @param refreshInterval pause between two scrapes
 * @param connectTimeout TCP + TLS connect timeout
 * @param readTimeout time allowed from sending the request to having the whole body
 * @param maxBodySize a larger answer is refused, not parsed
 * @param maxAge the last good scrape is trusted this long while newer scrapes fail; then UNKNOWN
 * @param userAgent sent with every fetch; IB may refuse clients that do not look like a browser
 * @param maintenanceWindows IB's server resets; absent = {@link MaintenanceWindow#northAmerica()}, empty = none
 */
@ConfigurationProperties("gateway.ib-status")
public record IbStatusProperties(
        @DefaultValue("true") boolean enabled,

        @DefaultValue("https://www.interactivebrokers.com/en/software/systemStatus.php")
        URI url,

        @DefaultValue List<String> exchanges,
        @DefaultValue List<String> ignoredExchanges,
        @DefaultValue("60s") Duration refreshInterval,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("2MB") DataSize maxBodySize,
        @DefaultValue("10m") Duration maxAge,
        @DefaultValue(DEFAULT_USER_AGENT) String userAgent,
        List<MaintenanceWindow> maintenanceWindows) {

    static final String DEFAULT_USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

    public IbStatusProperties {
        Assert.notNull(url, "gateway.ib-status.url is required");
        Assert.notNull(refreshInterval, "gateway.ib-status.refresh-interval is required");
        Assert.notNull(connectTimeout, "gateway.ib-status.connect-timeout is required");
        Assert.notNull(readTimeout, "gateway.ib-status.read-timeout is required");
        Assert.notNull(maxBodySize, "gateway.ib-status.max-body-size is required");
        Assert.notNull(maxAge, "gateway.ib-status.max-age is required");
        Assert.hasText(userAgent, "gateway.ib-status.user-agent must not be blank");
        exchanges = normalise(exchanges);
        ignoredExchanges = normalise(ignoredExchanges);
        maintenanceWindows =
                maintenanceWindows == null ? MaintenanceWindow.northAmerica() : List.copyOf(maintenanceWindows);
        if (!("https".equalsIgnoreCase(url.getScheme())
                || "http".equalsIgnoreCase(url.getScheme())
                || StatusPageFetcher.isBundled(url))) {
            throw new IllegalArgumentException(
                    "gateway.ib-status.url must be an http(s) URL or a classpath: page, not " + url);
        }
        requirePositive("refresh-interval", refreshInterval);
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("read-timeout", readTimeout);
        requirePositive("max-age", maxAge);
        if (maxBodySize.toBytes() < 1024) {
            throw new IllegalArgumentException("gateway.ib-status.max-body-size must be at least 1KB");
        }
    }

    /** Defaults, as bound from an empty configuration (for tests and tools). */
    static IbStatusProperties defaults() {
        return new IbStatusProperties(
                true,
                URI.create("https://www.interactivebrokers.com/en/software/systemStatus.php"),
                List.of(),
                List.of(),
                Duration.ofSeconds(60),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                DataSize.ofMegabytes(2),
                Duration.ofMinutes(10),
                DEFAULT_USER_AGENT,
                null);
    }

    private static List<String> normalise(List<String> names) {
        return names == null
                ? List.of()
                : names.stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .map(s -> s.toUpperCase(Locale.ROOT))
                        .distinct()
                        .toList();
    }

    private static void requirePositive(String key, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("gateway.ib-status." + key + " must be positive, not " + value);
        }
    }
}
