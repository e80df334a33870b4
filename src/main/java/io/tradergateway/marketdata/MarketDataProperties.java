package io.tradergateway.marketdata;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * {@code gateway.market-data.*}.
 *
 * @param maxLines simultaneous market-data lines the gateway opens at TWS (IB's default allowance is 100); one line
 *     per contract however many clients watch it
 * @param marketDataType what to ask TWS for: LIVE, FROZEN, DELAYED or DELAYED_FROZEN
 * @param delayedFallback when TWS refuses live data (354, 10089, 10197), ask for delayed data instead and say so
 * @param linger how long a line nobody watches any more stays open (a client that polls or reconnects finds it
 *     warm); measured on the clock
 * @param staleAfter a line with no tick for this long is reported stale (events, /api/v1/status)
 * @param staleDuring when silence counts: LIQUID_HOURS (the regular session TWS gives in the contract's details,
 *     its trading hours when it gives none), TRADING_HOURS (including extended hours) or ALWAYS; when the contract's
 *     hours are not known for the day, silence always counts
 * @param checkInterval how often lingering and stale lines are checked (real time; the rules use the clock)
 * @param quoteWait how long GET /api/v1/quotes waits for a new line's first bid, ask and last
 * @param maxContractsPerRequest how many contracts one GET /api/v1/quotes may name
 */
@ConfigurationProperties("gateway.market-data")
public record MarketDataProperties(
        @DefaultValue("100") int maxLines,
        @DefaultValue("LIVE") MarketDataKind marketDataType,
        @DefaultValue("true") boolean delayedFallback,
        @DefaultValue("10s") Duration linger,
        @DefaultValue("30s") Duration staleAfter,
        @DefaultValue("LIQUID_HOURS") StaleDuring staleDuring,
        @DefaultValue("250ms") Duration checkInterval,
        @DefaultValue("3s") Duration quoteWait,
        @DefaultValue("20") int maxContractsPerRequest) {

    public MarketDataProperties {
        Assert.isTrue(
                maxLines >= 1 && maxLines <= 10_000,
                () -> "gateway.market-data.max-lines must be 1 to 10000, not " + maxLines);
        Assert.notNull(marketDataType, "gateway.market-data.market-data-type is required");
        Assert.notNull(linger, "gateway.market-data.linger is required");
        Assert.notNull(staleAfter, "gateway.market-data.stale-after is required");
        Assert.notNull(staleDuring, "gateway.market-data.stale-during is required");
        Assert.notNull(checkInterval, "gateway.market-data.check-interval is required");
        Assert.notNull(quoteWait, "gateway.market-data.quote-wait is required");
        Assert.isTrue(
                maxContractsPerRequest >= 1 && maxContractsPerRequest <= 100,
                () -> "gateway.market-data.max-contracts-per-request must be 1 to 100, not " + maxContractsPerRequest);
    }

    /** When a silent line counts as stale. */
    public enum StaleDuring {
        LIQUID_HOURS,
        TRADING_HOURS,
        ALWAYS
    }
}
