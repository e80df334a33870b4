package io.tradergateway.marketdata;

/**
 * IB's market data types (reqMarketDataType / marketDataType): 1 live, 2 frozen (the last live values after the
 * close), 3 delayed (about 15 minutes late, free), 4 delayed-frozen. TWS sends live data where the client is
 * entitled to it even when delayed is asked for, so asking for a delayed kind is a fallback, never a downgrade.
 */
public enum MarketDataKind {
    LIVE(1, "live"),
    FROZEN(2, "frozen"),
    DELAYED(3, "delayed"),
    DELAYED_FROZEN(4, "delayed-frozen");

    private final int code;
    private final String label;

    MarketDataKind(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean delayed() {
        return this == DELAYED || this == DELAYED_FROZEN;
    }

    /** What to ask for when live data is refused: delayed, or delayed-frozen for frozen. */
    MarketDataKind delayedCounterpart() {
        return this == FROZEN || this == DELAYED_FROZEN ? DELAYED_FROZEN : DELAYED;
    }

    static MarketDataKind of(int code) {
        for (MarketDataKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        return LIVE;
    }
}
