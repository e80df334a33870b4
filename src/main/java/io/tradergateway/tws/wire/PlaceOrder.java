package io.tradergateway.tws.wire;

/**
 * placeOrder (id 3). From server version 145 (MIN_SERVER_VER_ORDER_CONTAINER) there is no message version. The
 * full field list of ibapi 10.41 client.py placeOrder for server versions 157..200, for an order that is not a
 * combo (BAG), delta-neutral, scale, hedge, algo, pegged or conditional: orderId, the contract (request layout +
 * secIdType, secId), action .. hidden, the deprecated sharesAllocation, discretionaryAmt .. faPercentage, faProfile
 * (below 177, MIN_SERVER_VER_FA_PROFILE_DESUPPORT), modelCode .. usePriceMgmtAlgo; the tail is gated at 158
 * (duration), 160 (postToAts), 162 (autoCancelParent), 166 (advancedErrorOverride), 169 (manualOrderTime), 183
 * (customerAccount), 184 (professionalCustomer), 187..189 (the RFQ fields IB added at 187 and removed at 190),
 * 189 (includeOvernight), 192 (manualOrderIndicator) and 199 (imbalanceOnly).
 *
 * <p>IB's client writes some unset numbers with make_field (not make_field_handle_empty), so they travel as
 * Python prints them: {@link #PY_UNSET_DOUBLE} (triggerPrice, lmtPriceOffset, adjusted stop / stop limit /
 * trailing amount, cashQty) and {@link #PY_UNSET_INT} (duration, postToAts, manualOrderIndicator).
 */
public record PlaceOrder(int orderId, Contract contract, Order order) implements ClientRequest, OrderScoped {

    public static final int ID = 3;
    /** str(sys.float_info.max) in Python: IB's UNSET_DOUBLE written with make_field. */
    public static final String PY_UNSET_DOUBLE = "1.7976931348623157e+308";
    /** str(2**31 - 1): IB's UNSET_INTEGER written with make_field. */
    public static final String PY_UNSET_INT = "2147483647";

    static final int DURATION = 158;
    static final int POST_TO_ATS = 160;
    static final int ADVANCED_ORDER_REJECT = 166;
    static final int FA_PROFILE_DESUPPORT = 177;
    static final int CUSTOMER_ACCOUNT = 183;
    static final int PROFESSIONAL_CUSTOMER = 184;
    static final int RFQ_FIELDS = 187;
    static final int INCLUDE_OVERNIGHT = 189;
    static final int UNDO_RFQ_FIELDS = 190;
    static final int CME_TAGGING_FIELDS = 192;
    static final int IMBALANCE_ONLY = 199;

    @Override
    public void writeTo(MessageWriter w, int sv) {
        Order o = order;
        w.add(ID).add(orderId);
        contract.writeRequest(w);
        w.add("").add(""); // secIdType, secId
        o.writeTerms(w);
        w.add("").add(0); // openClose, origin (customer)
        w.add(o.orderRef()).add(o.transmit()).add(o.parentId());
        w.add(false).add(false).add(0).add(0).add(o.outsideRth()).add(false); // block, sweep, display, trigger, hidden
        w.add("").add(0).add("").add(o.goodTillDate()); // sharesAllocation, discretionaryAmt, goodAfterTime
        w.add("").add("").add(""); // faGroup, faMethod, faPercentage
        if (sv < FA_PROFILE_DESUPPORT) {
            w.add(""); // faProfile
        }
        w.add("").add(0).add("").add(-1).add(o.ocaType()); // modelCode, shortSaleSlot, designatedLocation, exemptCode
        w.add("").add("").add(false).add("").add(""); // rule80A, settlingFirm, allOrNone, minQty, percentOffset
        w.add(false).add(false).add(""); // eTradeOnly, firmQuoteOnly, nbboPriceCap (deprecated)
        w.add(0).add("").add("").add("").add("").add(""); // auctionStrategy, startingPrice .. stockRangeUpper
        w.add(false).add("").add("").add("").add(""); // overridePercentageConstraints, volatility(+type), deltaNeutral*
        w.add(false).add("").addMax(o.trailStopPrice()).addMax(o.trailingPercent()); // continuousUpdate, refPriceType
        w.add("").add("").add(""); // scaleInitLevelSize, scaleSubsLevelSize, scalePriceIncrement
        w.add("").add("").add(""); // scaleTable, activeStartTime, activeStopTime
        w.add("").add(false).add("").add(""); // hedgeType, optOutSmartRouting, clearingAccount, clearingIntent
        w.add(false).add(false).add("").add(""); // notHeld, deltaNeutralContract, algoStrategy, algoId
        w.add(o.whatIf()).add("").add(false).add(false).add(false); // miscOptions, solicited, randomizeSize/Price
        w.add(0).add(""); // conditions, adjustedOrderType
        for (int i = 0; i < 5; i++) {
            w.add(PY_UNSET_DOUBLE); // triggerPrice, lmtPriceOffset, adjustedStop, adjustedStopLimit, adjustedTrailing
        }
        w.add(0).add("").add("").add(""); // adjustableTrailingUnit, extOperator, softDollarTier name + value
        w.add(PY_UNSET_DOUBLE).add("").add("").add("").add(""); // cashQty, mifid2 decision maker/algo, execution x2
        w.add(false).add(false).add(false).add(""); // dontUseAutoPriceForHedge, isOmsContainer, dPeg, usePriceMgmtAlgo
        if (sv >= DURATION) {
            w.add(PY_UNSET_INT);
        }
        if (sv >= POST_TO_ATS) {
            w.add(PY_UNSET_INT);
        }
        if (sv >= OrderTail.AUTO_CANCEL_PARENT) {
            w.add(false);
        }
        if (sv >= ADVANCED_ORDER_REJECT) {
            w.add(""); // advancedErrorOverride
        }
        if (sv >= CancelOrder.MANUAL_ORDER_TIME) {
            w.add(""); // manualOrderTime
        }
        if (sv >= OrderTail.PEGBEST_PEGMID_OFFSETS && "IBKRATS".equals(contract.exchange())) {
            w.add(""); // minTradeQty
        }
        if (sv >= CUSTOMER_ACCOUNT) {
            w.add("");
        }
        if (sv >= PROFESSIONAL_CUSTOMER) {
            w.add(false);
        }
        if (sv >= RFQ_FIELDS && sv < UNDO_RFQ_FIELDS) {
            w.add("").add(PY_UNSET_INT);
        }
        if (sv >= INCLUDE_OVERNIGHT) {
            w.add(false);
        }
        if (sv >= CME_TAGGING_FIELDS) {
            w.add(PY_UNSET_INT);
        }
        if (sv >= IMBALANCE_ONLY) {
            w.add(false);
        }
    }

    /** The simulator's side: reads the fields this gateway sets and steps over the rest, in the same order. */
    static PlaceOrder read(FieldReader f, int sv) {
        int orderId = f.readInt();
        Contract contract = Contract.readRequest(f);
        skip(f, 2);
        Order terms = Order.readTerms(f);
        skip(f, 2);
        String orderRef = f.readString();
        boolean transmit = f.readBool();
        int parentId = f.readInt();
        skip(f, 4);
        boolean outsideRth = f.readBool();
        skip(f, 4);
        String gtd = f.readString();
        skip(f, sv < FA_PROFILE_DESUPPORT ? 4 : 3);
        skip(f, 4);
        int ocaType = f.readInt();
        skip(f, 21);
        double trailStop = f.readDoubleMax();
        double trailPct = f.readDoubleMax();
        skip(f, 14);
        boolean whatIf = f.readBool();
        Order order = terms.rest(orderRef, transmit, parentId, outsideRth, gtd, ocaType, trailStop, trailPct, whatIf);
        return new PlaceOrder(orderId, contract, order); // the rest is IB's defaults, not read
    }

    private static void skip(FieldReader f, int count) {
        for (int i = 0; i < count; i++) {
            f.skip();
        }
    }
}
