package io.tradergateway.tws.wire;

import java.math.BigDecimal;

/**
 * tickSize (id 2): version, reqId, tickType, size (IB Decimal) (ibapi 10.4x decoder.py processTickSizeMsg;
 * rust-ibapi v1.2.0 src/market_data/realtime/tests/market_data_tests.rs "2|2|9001|0|150|").
 *
 * @param size null when unset
 */
public record TickSize(int reqId, int tickType, BigDecimal size) implements ServerMessage, RequestScoped {

    public static final int ID = 2;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(TickPrice.VERSION).add(reqId).add(tickType).add(size);
    }

    static TickSize read(FieldReader f, int serverVersion) {
        f.skip(); // version
        return new TickSize(f.readInt(), f.readInt(), f.readDecimal());
    }
}
