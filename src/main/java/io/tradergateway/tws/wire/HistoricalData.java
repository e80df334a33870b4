package io.tradergateway.tws.wire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * historicalData (id 17): reqId, then startDateStr and endDateStr only below
 * {@link ServerVersions#HISTORICAL_DATA_END} (196; from there a separate {@link HistoricalDataEnd} carries them),
 * itemCount, then per bar: date, open, high, low, close, volume (Decimal), wap (Decimal), barCount. The leading
 * version field and the per-bar "hasGaps" string exist only below 124, never in 157..200 (ibapi decoder.py
 * processHistoricalDataMsg; scmhub/ibapi decoder.go; rust-ibapi v2.10.0 fixture in
 * src/market_data/historical/common/decoders.rs).
 *
 * @param start the range start as TWS prints it (empty from 196)
 * @param end the range end as TWS prints it (empty from 196)
 */
public record HistoricalData(int reqId, String start, String end, List<Bar> bars)
        implements ServerMessage, RequestScoped {

    public static final int ID = 17;

    /**
     * One bar as TWS sends it.
     *
     * @param date epoch seconds (formatDate 2, intraday), "yyyyMMdd" (daily and longer) or "yyyyMMdd  HH:mm:ss"
     * @param volume null when TWS sends none
     * @param wap null when TWS sends none
     */
    public record Bar(
            String date,
            double open,
            double high,
            double low,
            double close,
            BigDecimal volume,
            BigDecimal wap,
            int barCount) {}

    public HistoricalData {
        start = Objects.requireNonNullElse(start, "");
        end = Objects.requireNonNullElse(end, "");
        bars = List.copyOf(bars);
    }

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(reqId);
        if (serverVersion < ServerVersions.HISTORICAL_DATA_END) {
            writer.add(start).add(end);
        }
        writer.add(bars.size());
        for (Bar bar : bars) {
            writer.add(bar.date())
                    .add(bar.open())
                    .add(bar.high())
                    .add(bar.low())
                    .add(bar.close())
                    .add(bar.volume())
                    .add(bar.wap())
                    .add(bar.barCount());
        }
    }

    static HistoricalData read(FieldReader f, int serverVersion) {
        int reqId = f.readInt();
        String start = "";
        String end = "";
        if (serverVersion < ServerVersions.HISTORICAL_DATA_END) {
            start = f.readString();
            end = f.readString();
        }
        int count = f.readInt();
        if (count < 0) {
            throw new ProtocolException("negative bar count " + count);
        }
        List<Bar> bars = new ArrayList<>(Math.min(count, 100_000));
        for (int i = 0; i < count; i++) {
            bars.add(new Bar(
                    f.readString(),
                    f.readDouble(),
                    f.readDouble(),
                    f.readDouble(),
                    f.readDouble(),
                    f.readDecimal(),
                    f.readDecimal(),
                    f.readInt()));
        }
        return new HistoricalData(reqId, start, end, bars);
    }
}
