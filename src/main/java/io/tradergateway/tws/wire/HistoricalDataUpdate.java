package io.tradergateway.tws.wire;

import java.math.BigDecimal;

/**
 * historicalDataUpdate (id 90), the keepUpToDate stream: reqId, barCount, date, open, CLOSE, HIGH, LOW, wap
 * (Decimal), volume (Decimal), no version field. The order follows IB's own clients (ibapi decoder.py
 * processHistoricalDataUpdateMsg, scmhub/ibapi decoder.go); rust-ibapi v2.10.0 reads open, high, low, close
 * instead, which disagrees with IB, so it is not followed. Decoded so that a stray update is recognised; the
 * gateway itself never asks for keepUpToDate.
 */
public record HistoricalDataUpdate(
        int reqId,
        int barCount,
        String date,
        double open,
        double close,
        double high,
        double low,
        BigDecimal wap,
        BigDecimal volume)
        implements ServerMessage, RequestScoped {

    public static final int ID = 90;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID)
                .add(reqId)
                .add(barCount)
                .add(date)
                .add(open)
                .add(close)
                .add(high)
                .add(low)
                .add(wap)
                .add(volume);
    }

    static HistoricalDataUpdate read(FieldReader f, int serverVersion) {
        return new HistoricalDataUpdate(
                f.readInt(),
                f.readInt(),
                f.readString(),
                f.readDouble(),
                f.readDouble(),
                f.readDouble(),
                f.readDouble(),
                f.readDecimal(),
                f.readDecimal());
    }
}
