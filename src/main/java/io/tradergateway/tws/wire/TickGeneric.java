package io.tradergateway.tws.wire;

/**
 * tickGeneric (id 45): version, reqId, tickType, value (a double), e.g. tick 49 (halted) or 23 (historical
 * volatility) (ibapi 10.4x decoder.py: the EWrapper.tickGeneric signature; rust-ibapi v1.2.0
 * src/market_data/realtime/tests/market_data_tests.rs "45|2|9001|23|20.5|").
 */
public record TickGeneric(int reqId, int tickType, double value) implements ServerMessage, RequestScoped {

    public static final int ID = 45;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(TickPrice.VERSION).add(reqId).add(tickType).add(value);
    }

    static TickGeneric read(FieldReader f, int serverVersion) {
        f.skip(); // version
        return new TickGeneric(f.readInt(), f.readInt(), f.readDouble());
    }
}
