package io.tradergateway.tws.wire;

/**
 * execDetails (id 11). From server version 136 (MIN_SERVER_VER_LAST_LIQUIDITY) no message version: reqId (-1
 * for a live fill, the reqExecutions id otherwise), orderId, the contract (openOrder layout), execId, time,
 * acctNumber, exchange, side, shares, price, permId, clientId, liquidation, cumQty, avgPrice, orderRef, evRule,
 * evMultiplier, modelCode, lastLiquidity, pendingPriceRevision (178+), submitter (198+) (ibapi 10.41 decoder.py
 * processExecutionDataMsg). Routed by reqId, so a live fill (reqId -1) reaches the consumers sharing the type.
 */
public record ExecDetails(int reqId, int orderId, Contract contract, Execution execution)
        implements ServerMessage, RequestScoped, ContractMessage {

    public static final int ID = 11;
    static final int PENDING_PRICE_REVISION = 178;

    @Override
    public void writeTo(MessageWriter w, int sv) {
        Execution e = execution;
        w.add(ID).add(reqId).add(orderId);
        OpenOrder.writeContract(contract, w);
        w.add(e.execId())
                .add(e.time())
                .add(e.account())
                .add(e.exchange())
                .add(e.side())
                .add(e.shares());
        w.add(e.price())
                .add(e.permId())
                .add(e.clientId())
                .add(0)
                .add(e.cumQty())
                .add(e.avgPrice());
        w.add(e.orderRef()).add("").add("").add("").add(e.lastLiquidity()); // evRule, evMultiplier, modelCode
        if (sv >= PENDING_PRICE_REVISION) {
            w.add(false);
        }
        if (sv >= OrderTail.SUBMITTER) {
            w.add("");
        }
    }

    static ExecDetails read(FieldReader f, int sv) {
        int reqId = f.readInt();
        int orderId = f.readInt();
        Contract contract = OpenOrder.readContract(f);
        String execId = f.readString();
        String time = f.readString();
        String account = f.readString();
        String exchange = f.readString();
        String side = f.readString();
        java.math.BigDecimal shares = f.readDecimal();
        double price = f.readDouble();
        long permId = f.readLong();
        int clientId = f.readInt();
        f.skip(); // liquidation
        java.math.BigDecimal cumQty = f.readDecimal();
        double avgPrice = f.readDouble();
        String orderRef = f.readString();
        OrderTail.skip(f, 3);
        int lastLiquidity = f.readInt();
        Execution execution = new Execution(
                execId,
                time,
                account,
                exchange,
                side,
                shares,
                price,
                permId,
                clientId,
                cumQty,
                avgPrice,
                orderRef,
                lastLiquidity);
        return new ExecDetails(reqId, orderId, contract, execution);
    }
}
