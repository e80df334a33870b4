package io.tradergateway.tws.wire;

/**
 * commissionReport (id 59, version 1): execId, commission, currency, realizedPNL, yield, yieldRedemptionDate
 * (ibapi 10.41 decoder.py processCommissionAndFeesReportMsg). It joins its execution by execId and may arrive
 * after it. TWS prints an unset double as Java does ({@link #UNSET_TEXT}); realized PnL is unset for an
 * opening fill.
 */
public record CommissionReport(
        String execId, double commission, String currency, double realizedPnl, double yield, int yieldRedemptionDate)
        implements ServerMessage {

    public static final int ID = 59;
    static final String UNSET_TEXT = "1.7976931348623157E308";

    @Override
    public void writeTo(MessageWriter w, int serverVersion) {
        w.add(ID).add(1).add(execId);
        number(w, commission).add(currency);
        number(number(w, realizedPnl), yield).add(yieldRedemptionDate);
    }

    private static MessageWriter number(MessageWriter w, double value) {
        return value == MessageWriter.UNSET_DOUBLE ? w.add(UNSET_TEXT) : w.add(value);
    }

    public boolean hasRealizedPnl() {
        return realizedPnl != MessageWriter.UNSET_DOUBLE;
    }

    static CommissionReport read(FieldReader f, int serverVersion) {
        f.skip(); // version
        return new CommissionReport(
                f.readString(), f.readDoubleMax(), f.readString(), f.readDoubleMax(), f.readDoubleMax(), f.readInt());
    }
}
