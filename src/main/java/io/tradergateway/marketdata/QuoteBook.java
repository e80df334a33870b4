package io.tradergateway.marketdata;

import io.tradergateway.tws.wire.MarketDataType;
import io.tradergateway.tws.wire.ServerMessage;
import io.tradergateway.tws.wire.TickPrice;
import io.tradergateway.tws.wire.TickSize;
import io.tradergateway.tws.wire.TickString;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values of one line, from IB's tick ids (IB's "Available Tick Types": 0 bid size, 1 bid, 2 ask, 3 ask size,
 * 4 last, 5 last size, 6 high, 7 low, 8 volume, 9 close, 45 last timestamp; delayed 66-75 and 88 the same in that
 * order). Not thread-safe: the line calls it under its own lock.
 */
final class QuoteBook {

    private final int conId;
    private final Map<String, Double> prices = new TreeMap<>();
    private final Map<String, BigDecimal> sizes = new TreeMap<>();
    private final Map<String, String> valueTypes = new TreeMap<>();
    private String lastTradeTime;
    private MarketDataKind lineKind = MarketDataKind.LIVE;

    QuoteBook(int conId) {
        this.conId = conId;
    }

    /** Applies a message; true when it changed a value the quote shows. */
    boolean apply(ServerMessage message) {
        if (message instanceof TickPrice tick) {
            String name = priceName(tick.tickType());
            if (name == null || tick.price() <= 0) {
                return false; // -1 / 0: TWS has no value for it (e.g. no bid)
            }
            prices.put(name, tick.price());
            valueTypes.put(name, kindOf(tick.tickType()).label());
            return true;
        }
        if (message instanceof TickSize tick) {
            String name = sizeName(tick.tickType());
            if (name == null || tick.size() == null) {
                return false;
            }
            sizes.put(name, tick.size());
            valueTypes.put(name, kindOf(tick.tickType()).label());
            return true;
        }
        if (message instanceof TickString tick && (tick.tickType() == 45 || tick.tickType() == 88)) {
            lastTradeTime = tick.value();
            return true;
        }
        if (message instanceof MarketDataType type) {
            lineKind = MarketDataKind.of(type.marketDataType());
            return true;
        }
        return false;
    }

    MarketDataKind lineKind() {
        return lineKind;
    }

    Quote quote(String fallback, boolean stale, Instant lastTickAt) {
        return new Quote(
                conId,
                prices.get("bid"),
                sizes.get("bidSize"),
                prices.get("ask"),
                sizes.get("askSize"),
                prices.get("last"),
                sizes.get("lastSize"),
                sizes.get("volume"),
                prices.get("high"),
                prices.get("low"),
                prices.get("close"),
                lastTradeTime,
                lineKind.label(),
                Map.copyOf(valueTypes),
                fallback,
                stale,
                lastTickAt);
    }

    private MarketDataKind kindOf(int tickType) {
        if (tickType >= 66 && tickType <= 88) {
            return lineKind == MarketDataKind.DELAYED_FROZEN ? lineKind : MarketDataKind.DELAYED;
        }
        return lineKind.delayed() ? MarketDataKind.LIVE : lineKind; // live ids on a "delayed" line are live
    }

    private static String priceName(int tickType) {
        return switch (tickType) {
            case 1, 66 -> "bid";
            case 2, 67 -> "ask";
            case 4, 68 -> "last";
            case 6, 72 -> "high";
            case 7, 73 -> "low";
            case 9, 75 -> "close";
            default -> null;
        };
    }

    private static String sizeName(int tickType) {
        return switch (tickType) {
            case 0, 69 -> "bidSize";
            case 3, 70 -> "askSize";
            case 5, 71 -> "lastSize";
            case 8, 74 -> "volume";
            default -> null;
        };
    }
}
