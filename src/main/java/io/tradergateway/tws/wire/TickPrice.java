package io.tradergateway.tws.wire;

import java.math.BigDecimal;

/**
 * tickPrice (id 1): version, reqId, tickType, price, size (IB Decimal; empty when unset), attrMask (bit 0
 * canAutoExecute, bit 1 pastLimit (109+), bit 2 preOpen (132+); all gates below 157) (ibapi 10.4x decoder.py
 * processTickPriceMsg; rust-ibapi v1.2.0 src/market_data/realtime/decoders/tests.rs "1\02\09000\01\0185.50\0100\07\0").
 * IB's decoders skip the version; TWS 10.x sends 6, so the simulator does too. The size belongs to the matching
 * size tick (bid 1 -> bid size 0, ask 2 -> 3, last 4 -> 5; delayed 66 -> 69, 67 -> 70, 68 -> 71).
 *
 * @param size null when unset
 */
public record TickPrice(int reqId, int tickType, double price, BigDecimal size, int attributes)
        implements ServerMessage, RequestScoped {

    public static final int ID = 1;
    static final int VERSION = 6;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID)
                .add(VERSION)
                .add(reqId)
                .add(tickType)
                .add(price)
                .add(size)
                .add(attributes);
    }

    static TickPrice read(FieldReader f, int serverVersion) {
        f.skip(); // version
        return new TickPrice(f.readInt(), f.readInt(), f.readDouble(), f.readDecimal(), f.readInt());
    }
}
