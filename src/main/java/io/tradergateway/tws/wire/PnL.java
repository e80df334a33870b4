package io.tradergateway.tws.wire;

/**
 * pnl (id 94, no version field): reqId, dailyPnL, unrealizedPnL (UNREALIZED_PNL 129+), realizedPnL (REALIZED_PNL
 * 135+), so all three in 157..200 (ibapi 10.4x decoder.py processPnLMsg; rust-ibapi v1.2.0
 * src/accounts/decoders/tests.rs "94\09000\00.1\00.2\00.3\0"). TWS sends Double.MAX_VALUE for a value it does
 * not have; readers see {@link MessageWriter#UNSET_DOUBLE}.
 */
public record PnL(int reqId, double daily, double unrealized, double realized) implements ServerMessage, RequestScoped {

    public static final int ID = 94;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(reqId).add(daily).add(unrealized).add(realized);
    }

    static PnL read(FieldReader f, int serverVersion) {
        return new PnL(f.readInt(), f.readDoubleMax(), f.readDoubleMax(), f.readDoubleMax());
    }
}
