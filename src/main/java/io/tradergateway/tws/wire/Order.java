package io.tradergateway.tws.wire;

import java.math.BigDecimal;

/**
 * The order fields the gateway sets and reads (ibapi 10.41 order.py names). Every other field of IB's Order
 * travels at IB's default value ({@link PlaceOrder}, {@link OpenOrder}).
 *
 * @param lmtPrice {@link MessageWriter#UNSET_DOUBLE} when not set (an empty field on the wire)
 * @param auxPrice stop price, or trailing amount for TRAIL; {@link MessageWriter#UNSET_DOUBLE} when not set
 * @param trailingPercent {@link MessageWriter#UNSET_DOUBLE} when not set
 * @param trailStopPrice {@link MessageWriter#UNSET_DOUBLE} when not set
 * @param ocaType 0 none, 1 cancel with block, 2 reduce with block, 3 reduce non-block
 * @param orderRef the gateway's idempotency key travels here
 */
public record Order(
        String action,
        BigDecimal totalQuantity,
        String orderType,
        double lmtPrice,
        double auxPrice,
        String tif,
        String ocaGroup,
        int ocaType,
        String account,
        String orderRef,
        boolean transmit,
        int parentId,
        boolean outsideRth,
        String goodTillDate,
        double trailStopPrice,
        double trailingPercent,
        boolean whatIf) {

    public static final double UNSET = MessageWriter.UNSET_DOUBLE;

    public Order {
        action = nz(action);
        orderType = nz(orderType);
        tif = nz(tif);
        ocaGroup = nz(ocaGroup);
        account = nz(account);
        orderRef = nz(orderRef);
        goodTillDate = nz(goodTillDate);
        totalQuantity = totalQuantity == null ? BigDecimal.ZERO : totalQuantity;
    }

    /** A transmitted order of {@code type} with no prices set. */
    public static Order of(String action, BigDecimal quantity, String type) {
        return new Order(
                action, quantity, type, UNSET, UNSET, "DAY", "", 0, "", "", true, 0, false, "", UNSET, UNSET, false);
    }

    public Order withPrices(double lmt, double aux) {
        return new Order(
                action,
                totalQuantity,
                orderType,
                lmt,
                aux,
                tif,
                ocaGroup,
                ocaType,
                account,
                orderRef,
                transmit,
                parentId,
                outsideRth,
                goodTillDate,
                trailStopPrice,
                trailingPercent,
                whatIf);
    }

    public Order withRouting(
            String newAccount, String newOrderRef, String newTif, String newGoodTillDate, boolean rth) {
        return new Order(
                action,
                totalQuantity,
                orderType,
                lmtPrice,
                auxPrice,
                newTif,
                ocaGroup,
                ocaType,
                newAccount,
                newOrderRef,
                transmit,
                parentId,
                rth,
                newGoodTillDate,
                trailStopPrice,
                trailingPercent,
                whatIf);
    }

    public Order withLink(int newParentId, String newOcaGroup, int newOcaType, boolean newTransmit) {
        return new Order(
                action,
                totalQuantity,
                orderType,
                lmtPrice,
                auxPrice,
                tif,
                newOcaGroup,
                newOcaType,
                account,
                orderRef,
                newTransmit,
                newParentId,
                outsideRth,
                goodTillDate,
                trailStopPrice,
                trailingPercent,
                whatIf);
    }

    public Order withTrailingPercent(double percent) {
        return new Order(
                action,
                totalQuantity,
                orderType,
                lmtPrice,
                auxPrice,
                tif,
                ocaGroup,
                ocaType,
                account,
                orderRef,
                transmit,
                parentId,
                outsideRth,
                goodTillDate,
                trailStopPrice,
                percent,
                whatIf);
    }

    public Order withQuantity(BigDecimal quantity) {
        return new Order(
                action,
                quantity,
                orderType,
                lmtPrice,
                auxPrice,
                tif,
                ocaGroup,
                ocaType,
                account,
                orderRef,
                transmit,
                parentId,
                outsideRth,
                goodTillDate,
                trailStopPrice,
                trailingPercent,
                whatIf);
    }

    public Order withWhatIf(boolean preview) {
        return new Order(
                action,
                totalQuantity,
                orderType,
                lmtPrice,
                auxPrice,
                tif,
                ocaGroup,
                ocaType,
                account,
                orderRef,
                transmit,
                parentId,
                outsideRth,
                goodTillDate,
                trailStopPrice,
                trailingPercent,
                preview);
    }

    /** The terms every order message starts with: action .. account (ocaType travels elsewhere). */
    void writeTerms(MessageWriter w) {
        w.add(action).add(totalQuantity).add(orderType).addMax(lmtPrice).addMax(auxPrice);
        w.add(tif).add(ocaGroup).add(account);
    }

    static Order readTerms(FieldReader f) {
        return new Order(
                f.readString(),
                f.readDecimal(),
                f.readString(),
                f.readDoubleMax(),
                f.readDoubleMax(),
                f.readString(),
                f.readString(),
                0,
                f.readString(),
                "",
                true,
                0,
                false,
                "",
                UNSET,
                UNSET,
                false);
    }

    /** These terms with the fields that follow them in a message. */
    Order rest(
            String ref,
            boolean send,
            int parent,
            boolean rth,
            String gtd,
            int oca,
            double stop,
            double pct,
            boolean preview) {
        return new Order(
                action,
                totalQuantity,
                orderType,
                lmtPrice,
                auxPrice,
                tif,
                ocaGroup,
                oca,
                account,
                ref,
                send,
                parent,
                rth,
                gtd,
                stop,
                pct,
                preview);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
