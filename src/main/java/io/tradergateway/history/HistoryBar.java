package io.tradergateway.history;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tradergateway.tws.wire.HistoricalData;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One bar as the API returns it. {@code time} is the bar's start. Volume and WAP are absent where TWS has none
 * (e.g. MIDPOINT bars report -1).
 */
public record HistoryBar(
        @Schema(example = "2026-01-02T14:30:00Z") Instant time,
        @Schema(example = "190.12") double open,
        @Schema(example = "190.55") double high,
        @Schema(example = "189.98") double low,
        @Schema(example = "190.40") double close,
        @Schema(example = "12034") BigDecimal volume,
        @Schema(example = "190.27") BigDecimal wap,
        @Schema(example = "311") int count) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");

    /**
     * Converts TWS's bar. With formatDate 2 intraday bars carry epoch seconds, while daily and longer bars carry
     * "yyyyMMdd" in the exchange's time zone (rust-ibapi v2.10.0 fixtures in
     * src/market_data/historical/common/decoders.rs show both); "yyyyMMdd  HH:mm:ss [zone]" is formatDate 1.
     */
    static HistoryBar of(HistoricalData.Bar bar, ZoneId exchangeZone) {
        return new HistoryBar(
                time(bar.date(), exchangeZone),
                bar.open(),
                bar.high(),
                bar.low(),
                bar.close(),
                canonical(bar.volume()),
                canonical(bar.wap()),
                bar.barCount());
    }

    /**
     * A decimal in its shortest plain form (199.0 -> 199, 12.50 -> 12.5), so that a bar reads the same whether it
     * comes from TWS or from the store (whose NUMERIC column keeps the value, not TWS's way of writing it).
     */
    static BigDecimal canonical(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static Instant time(String date, ZoneId zone) {
        String text = date.trim();
        if (text.length() == 8 && text.chars().allMatch(Character::isDigit)) {
            return LocalDate.parse(text, DAY).atStartOfDay(zone).toInstant();
        }
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochSecond(Long.parseLong(text));
        }
        String[] parts = text.split("\\s+");
        if (parts.length >= 2) {
            ZoneId at = parts.length >= 3 ? zoneOr(parts[2], zone) : zone;
            return LocalDateTime.parse(parts[0] + " " + parts[1], DAY_TIME)
                    .atZone(at)
                    .toInstant();
        }
        throw new IllegalArgumentException("unreadable bar time from TWS: " + date);
    }

    private static ZoneId zoneOr(String id, ZoneId fallback) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
