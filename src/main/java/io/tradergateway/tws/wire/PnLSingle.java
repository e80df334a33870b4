package io.tradergateway.tws.wire;

import java.math.BigDecimal;

/**
 * pnlSingle (id 95, no version field): reqId, position (IB Decimal), dailyPnL, unrealizedPnL (129+), realizedPnL
 * (135+), value (ibapi 10.4x decoder.py processPnLSingleMsg; rust-ibapi v1.2.0 src/accounts/decoders/tests.rs
 * "95\09000\0100.0\00.1\00.2\00.3\00.4\0").
 */
public record PnLSingle(int reqId, BigDecimal position, double daily, double unrealized, double realized, double value)
        implements ServerMessage, RequestScoped {

    public static final int ID = 95;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID)
                .add(reqId)
                .add(position)
                .add(daily)
                .add(unrealized)
                .add(realized)
                .add(value);
    }

    static PnLSingle read(FieldReader f, int serverVersion) {
        return new PnLSingle(
                f.readInt(),
                f.readDecimal(),
                f.readDoubleMax(),
                f.readDoubleMax(),
                f.readDoubleMax(),
                f.readDoubleMax());
    }
}
