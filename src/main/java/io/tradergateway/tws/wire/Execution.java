package io.tradergateway.tws.wire;

import java.math.BigDecimal;

/**
 * One fill as execDetails reports it (ibapi 10.41 execution.py): execId (a correction keeps the stem and changes
 * the last part), time, account, exchange, side (BOT / SLD), shares, price, permId, clientId, cumulative quantity
 * and average price of the order so far, the order's orderRef, and lastLiquidity.
 */
public record Execution(
        String execId,
        String time,
        String account,
        String exchange,
        String side,
        BigDecimal shares,
        double price,
        long permId,
        int clientId,
        BigDecimal cumQty,
        double avgPrice,
        String orderRef,
        int lastLiquidity) {

    /** The execId without its last dot-separated part: a correction shares it with the fill it corrects. */
    public String stem() {
        int dot = execId.lastIndexOf('.');
        return dot > 0 ? execId.substring(0, dot) : execId;
    }
}
