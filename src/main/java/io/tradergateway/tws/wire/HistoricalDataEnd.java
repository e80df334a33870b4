package io.tradergateway.tws.wire;

/**
 * historicalDataEnd (id 108), sent by servers from {@link ServerVersions#HISTORICAL_DATA_END} (196) after the
 * bars: reqId, startDateStr, endDateStr, no version field (ibapi decoder.py processHistoricalDataEndMsg;
 * scmhub/ibapi decoder.go). Below 196 the range travels inside {@link HistoricalData} and the bars message
 * itself ends the answer.
 */
public record HistoricalDataEnd(int reqId, String start, String end) implements ServerMessage, RequestScoped {

    public static final int ID = 108;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(reqId).add(start).add(end);
    }

    static HistoricalDataEnd read(FieldReader f, int serverVersion) {
        return new HistoricalDataEnd(f.readInt(), f.readString(), f.readString());
    }
}
