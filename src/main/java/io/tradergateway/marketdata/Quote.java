package io.tradergateway.marketdata;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Top of book for one contract as the gateway last heard it. Values TWS has not sent yet are absent.
 *
 * @param marketDataType what TWS says the line carries now (its marketDataType message)
 * @param valueTypes for each value, the kind of data it came as (a delayed tick id is delayed whatever the line)
 * @param fallback why the data is not what was asked for (e.g. delayed because live data is not subscribed)
 * @param stale true when no tick arrived for gateway.market-data.stale-after
 * @param lastTickAt when the gateway last heard a tick for this contract
 */
public record Quote(
        @Schema(example = "265598") int conId,
        @Schema(example = "189.50") Double bid,
        @Schema(example = "300") BigDecimal bidSize,
        @Schema(example = "189.52") Double ask,
        @Schema(example = "400") BigDecimal askSize,
        @Schema(example = "189.51") Double last,
        @Schema(example = "100") BigDecimal lastSize,
        @Schema(example = "1200345") BigDecimal volume,
        Double high,
        Double low,
        Double close,

        @Schema(description = "epoch seconds of the last trade, as TWS sends it")
        String lastTradeTime,

        @Schema(allowableValues = {"live", "frozen", "delayed", "delayed-frozen"})
        String marketDataType,

        Map<String, String> valueTypes,

        @Schema(example = "delayed: live market data is not subscribed (IB 10089)")
        String fallback,

        boolean stale,
        Instant lastTickAt) {

    /** Whether bid, ask and last are known with their sizes (TWS sends each size right after its price). */
    public boolean complete() {
        return bid != null && ask != null && last != null && bidSize != null && askSize != null && lastSize != null;
    }
}
