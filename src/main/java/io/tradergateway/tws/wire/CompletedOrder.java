package io.tradergateway.tws.wire;

import java.math.BigDecimal;

/**
 * completedOrder (id 101, no message version, no orderId): an order that ended today (filled, cancelled,
 * inactive), answered to reqCompletedOrders. Layout of ibapi 10.41 decoder.py processCompletedOrderMsg for server
 * versions 157..200; the gateway finds its own orders by orderRef and permId. Gated: faProfile below 177, the
 * PEG BEST / PEG MID group from 170, customerAccount 183, professionalCustomer 184, submitter 198. A conditional
 * order's conditions are stepped over with {@link OpenOrderTail#readConditions} (order_condition.py's fields).
 */
public record CompletedOrder(
        Contract contract,
        Order order,
        long permId,
        String status,
        BigDecimal filledQuantity,
        long parentPermId,
        String completedTime,
        String completedStatus)
        implements ServerMessage, ContractMessage {

    public static final int ID = 101;

    public CompletedOrder {
        filledQuantity = filledQuantity == null ? BigDecimal.ZERO : filledQuantity;
        completedTime = completedTime == null ? "" : completedTime;
        completedStatus = completedStatus == null ? "" : completedStatus;
    }

    @Override
    public void writeTo(MessageWriter w, int sv) {
        Order o = order;
        w.add(ID);
        OpenOrder.writeContract(contract, w);
        o.writeTerms(w);
        w.add("").add(0).add(o.orderRef());
        w.add(permId)
                .add(o.outsideRth())
                .add(false)
                .add(0)
                .add("")
                .add("")
                .add("")
                .add("");
        if (sv < PlaceOrder.FA_PROFILE_DESUPPORT) {
            w.add("");
        }
        w.add("").add(o.goodTillDate()).add("").add("").add(""); // modelCode, gtd, rule80A, percentOffset, firm
        w.add(0).add("").add(-1); // shortSaleSlot, designatedLocation, exemptCode
        w.add("").add("").add("").add("").add("").add(""); // startingPrice .. stockRangeUpper, displaySize
        w.add(false).add(false).add("").add(o.ocaType()).add(0); // sweep, allOrNone, minQty, ocaType, trigger
        w.add("").add(0).add("").add("").add(false).add(0); // volatility .. referencePriceType
        w.addMax(o.trailStopPrice()).addMax(o.trailingPercent());
        w.add("").add(0).add(0).add(0).add("").add("").add("").add(""); // combos, scale, hedgeType
        w.add("").add("").add(false).add(false).add("").add(false); // clearing, notHeld, dn, algo, solicited
        w.add(status).add(false).add(false).add(0); // randomizeSize, randomizePrice, conditions
        w.addMax(o.trailStopPrice()).add("").add("").add(false).add(false); // lmtPriceOffset, cashQty, ...
        w.add("").add(filledQuantity).add(0).add(false).add("").add(false).add(false); // autoCancelDate .. toBbo
        w.add(parentPermId).add(completedTime).add(completedStatus);
        OrderTail.writeCompletedTailFrom170(w, sv);
    }

    static CompletedOrder read(FieldReader f, int sv) {
        Contract contract = OpenOrder.readContract(f);
        Order terms = Order.readTerms(f);
        OrderTail.skip(f, 2);
        String orderRef = f.readString();
        long permId = f.readLong();
        boolean outsideRth = f.readBool();
        OrderTail.skip(f, sv < PlaceOrder.FA_PROFILE_DESUPPORT ? 8 : 7);
        String gtd = f.readString();
        OrderTail.skip(f, 15);
        int ocaType = f.readInt();
        f.skip(); // triggerMethod
        OrderTail.skipVolatility(f, false);
        double trailStop = f.readDoubleMax();
        double trailPct = f.readDoubleMax();
        OrderTail.skipCombosScaleHedge(f, false);
        String status = f.readString();
        OrderTail.skip(f, 2);
        Order order = terms.rest(orderRef, true, 0, outsideRth, gtd, ocaType, trailStop, trailPct, false);
        if (OpenOrderTail.isPegBench(terms.orderType())) {
            OrderTail.skip(f, 5);
        }
        int conditions = f.readInt();
        if (conditions > 0) {
            OpenOrderTail.readConditions(f, conditions);
            OrderTail.skip(f, 2); // conditionsIgnoreRth, conditionsCancelOrder
        }
        OrderTail.skip(f, 6); // trailStopPrice, lmtPriceOffset, cashQty, dontUseAuto, isOms, autoCancelDate
        BigDecimal filled = f.readDecimal();
        OrderTail.skip(f, 5); // refFuturesConId, autoCancelParent, shareholder, imbalanceOnly, routeMarketableToBbo
        long parentPermId = f.readLong();
        return new CompletedOrder(
                contract, order, permId, status, filled, parentPermId, f.readString(), f.readString());
    }
}
