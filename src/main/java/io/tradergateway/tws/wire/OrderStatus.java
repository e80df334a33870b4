package io.tradergateway.tws.wire;

import java.math.BigDecimal;

/**
 * orderStatus (id 3). From server version 131 (MIN_SERVER_VER_MARKET_CAP_PRICE) no message version: orderId,
 * status, filled, remaining (IB Decimals), avgFillPrice, permId, parentId, lastFillPrice, clientId, whyHeld,
 * mktCapPrice (ibapi 10.41 decoder.py processOrderStatusMsg).
 */
public record OrderStatus(
        int orderId,
        String status,
        BigDecimal filled,
        BigDecimal remaining,
        double avgFillPrice,
        long permId,
        int parentId,
        double lastFillPrice,
        int clientId,
        String whyHeld,
        double mktCapPrice)
        implements ServerMessage, OrderScoped {

    public static final int ID = 3;

    public OrderStatus {
        status = status == null ? "" : status;
        whyHeld = whyHeld == null ? "" : whyHeld;
        filled = filled == null ? BigDecimal.ZERO : filled;
        remaining = remaining == null ? BigDecimal.ZERO : remaining;
    }

    @Override
    public void writeTo(MessageWriter w, int serverVersion) {
        w.add(ID).add(orderId).add(status).add(filled).add(remaining).add(avgFillPrice);
        w.add(permId)
                .add(parentId)
                .add(lastFillPrice)
                .add(clientId)
                .add(whyHeld)
                .add(mktCapPrice);
    }

    static OrderStatus read(FieldReader f, int serverVersion) {
        return new OrderStatus(
                f.readInt(),
                f.readString(),
                f.readDecimal(),
                f.readDecimal(),
                f.readDouble(),
                f.readLong(),
                f.readInt(),
                f.readDouble(),
                f.readInt(),
                f.readString(),
                f.readDouble());
    }
}
