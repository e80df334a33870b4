package io.tradergateway.marketdata;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("gateway.market-data")
public record MarketDataProperties(
        @Min(1) @Max(10_000) @DefaultValue("100") int maxLines,
        @NotNull @DefaultValue("LIVE") MarketDataKind marketDataType,
        @DefaultValue("true") boolean delayedFallback,
        @NotNull @DefaultValue("10s") Duration linger,
        @NotNull @DefaultValue("30s") Duration staleAfter,
        @NotNull @DefaultValue("LIQUID_HOURS") StaleDuring staleDuring,
        @NotNull @DefaultValue("250ms") Duration checkInterval,
        @NotNull @DefaultValue("3s") Duration quoteWait,
        @Min(1) @Max(100) @DefaultValue("20") int maxContractsPerRequest) {

    /** When a silent line counts as stale. */
    public enum StaleDuring {
        LIQUID_HOURS,
        TRADING_HOURS,
        ALWAYS
    }
}
