package io.tradergateway.tws.wire;

/**
 * marketDataType (id 58): version, reqId, marketDataType (1 live, 2 frozen, 3 delayed, 4 delayed-frozen): the
 * kind of data a line now carries, sent when the line starts and whenever it switches (ibapi 10.4x decoder.py:
 * the EWrapper.marketDataType signature).
 */
public record MarketDataType(int reqId, int marketDataType) implements ServerMessage, RequestScoped {

    public static final int ID = 58;
    private static final int VERSION = 1;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(reqId).add(marketDataType);
    }

    static MarketDataType read(FieldReader f, int serverVersion) {
        f.skip(); // version
        return new MarketDataType(f.readInt(), f.readInt());
    }
}
