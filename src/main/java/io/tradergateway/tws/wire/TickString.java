package io.tradergateway.tws.wire;

/**
 * tickString (id 46): version, reqId, tickType, value, e.g. tick 45 (last timestamp, epoch seconds) (ibapi
 * 10.4x decoder.py: the EWrapper.tickString signature; rust-ibapi v1.2.0
 * src/market_data/realtime/tests/market_data_tests.rs "46|2|9001|45|2023-03-13 09:30:00|").
 */
public record TickString(int reqId, int tickType, String value) implements ServerMessage, RequestScoped {

    public static final int ID = 46;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(TickPrice.VERSION).add(reqId).add(tickType).add(value);
    }

    static TickString read(FieldReader f, int serverVersion) {
        f.skip(); // version
        return new TickString(f.readInt(), f.readInt(), f.readString());
    }
}
