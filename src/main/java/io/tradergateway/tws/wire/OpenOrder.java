package io.tradergateway.tws.wire;

/**
 * openOrder (id 5): an order's terms and state, sent after placeOrder, on reqOpenOrders / reqAllOpenOrders and
 * when the order changes. From server version 145 there is no message version. Layout of ibapi 10.41 decoder.py
 * processOpenOrder + orderdecoder.py for server versions 157..200: orderId, the contract (conId, symbol, secType,
 * lastTradeDateOrContractMonth, strike, right, multiplier, exchange, currency, localSymbol, tradingClass: no
 * primaryExchange), the order fields, then whatIf + {@link OrderState}, then the tail gated at 162, 170, 183, 184,
 * 185, 189, 193, 198 and 199 ({@link OrderTail}).
 *
 * <p>The reader takes what the gateway uses up to the warning text, handling the optional groups before it
 * (delta-neutral, combo legs, smart-combo params, scale, hedge, algo params), then reads the whole rest of the message
 * ({@link OpenOrderTail}: pegged-order fields, conditions, adjusted order, ...), so any order TWS reports parses and
 * nothing is left unread.
 */
public record OpenOrder(
        int orderId, Contract contract, Order order, int clientId, long permId, OrderState state, OpenOrderTail tail)
        implements ServerMessage, OrderScoped {

    public static final int ID = 5;

    public OpenOrder {
        tail = tail == null ? OpenOrderTail.DEFAULTS : tail;
    }

    /** An open order with IB's defaults after the warning text. */
    public OpenOrder(int orderId, Contract contract, Order order, int clientId, long permId, OrderState state) {
        this(orderId, contract, order, clientId, permId, state, OpenOrderTail.DEFAULTS);
    }

    @Override
    public void writeTo(MessageWriter w, int sv) {
        Order o = order;
        w.add(ID).add(orderId);
        writeContract(contract, w);
        o.writeTerms(w);
        w.add("").add(0).add(o.orderRef());
        w.add(clientId).add(permId).add(o.outsideRth()).add(false).add(0).add(""); // hidden, discretionary, goodAfter
        w.add("").add("").add("").add(""); // sharesAllocation, faGroup, faMethod, faPercentage
        if (sv < PlaceOrder.FA_PROFILE_DESUPPORT) {
            w.add("");
        }
        w.add("").add(o.goodTillDate()).add("").add("").add(""); // modelCode, gtd, rule80A, percentOffset, firm
        w.add(0).add("").add(-1).add(0); // shortSaleSlot, designatedLocation, exemptCode, auctionStrategy
        w.add("").add("").add("").add("").add("").add(""); // startingPrice .. stockRangeUpper, displaySize
        w.add(false).add(false).add(false).add("").add(o.ocaType()); // block, sweep, allOrNone, minQty
        w.add(false).add(false).add("").add(o.parentId()).add(0); // eTradeOnly, firmQuoteOnly, nbbo, triggerMethod
        w.add("").add(0).add("").add("").add(false).add(0); // volatility .. referencePriceType
        w.addMax(o.trailStopPrice()).addMax(o.trailingPercent()).add("").add(""); // basisPoints(+type)
        w.add("").add(0).add(0).add(0); // comboLegsDescrip, comboLegs, orderComboLegs, smartComboRoutingParams
        w.add("").add("").add("").add(""); // scaleInit/Subs/PriceIncrement, hedgeType
        w.add(false).add("").add("").add(false).add(false).add("").add(false); // optOut .. algoStrategy, solicited
        w.add(o.whatIf());
        state.write(w, sv);
        tail.write(w, sv, o.orderType());
    }

    static OpenOrder read(FieldReader f, int sv) {
        int orderId = f.readInt();
        Contract contract = readContract(f);
        Order terms = Order.readTerms(f);
        OrderTail.skip(f, 2);
        String orderRef = f.readString();
        int clientId = f.readInt();
        long permId = f.readLong();
        boolean outsideRth = f.readBool();
        OrderTail.skip(f, sv < PlaceOrder.FA_PROFILE_DESUPPORT ? 9 : 8);
        String gtd = f.readString();
        OrderTail.skip(f, 17);
        int ocaType = f.readInt();
        OrderTail.skip(f, 3);
        int parentId = f.readInt();
        f.skip(); // triggerMethod
        OrderTail.skipVolatility(f, true);
        double trailStop = f.readDoubleMax();
        double trailPct = f.readDoubleMax();
        OrderTail.skip(f, 2); // basisPoints
        OrderTail.skipCombosScaleHedge(f, true);
        boolean whatIf = f.readBool();
        OrderState state = OrderState.read(f, sv);
        OpenOrderTail tail = OpenOrderTail.read(f, sv, terms.orderType());
        Order order = terms.rest(orderRef, true, parentId, outsideRth, gtd, ocaType, trailStop, trailPct, whatIf);
        return new OpenOrder(orderId, contract, order, clientId, permId, state, tail);
    }

    /** The contract as openOrder / completedOrder carry it (no primaryExchange). */
    static void writeContract(Contract c, MessageWriter w) {
        w.add(c.conId()).add(c.symbol()).add(c.secType()).add(c.lastTradeDateOrContractMonth());
        w.add(c.strike() == MessageWriter.UNSET_DOUBLE ? 0 : c.strike());
        w.add(c.right()).add(c.multiplier()).add(c.exchange()).add(c.currency()).add(c.localSymbol());
        w.add(c.tradingClass());
    }

    static Contract readContract(FieldReader f) {
        int conId = f.readInt();
        String symbol = f.readString();
        String secType = f.readString();
        String expiry = f.readString();
        double strike = f.readDouble();
        String right = f.readString();
        String multiplier = f.readString();
        String exchange = f.readString();
        String currency = f.readString();
        String local = f.readString();
        String tradingClass = f.readString();
        return new Contract(
                conId, symbol, secType, expiry, strike, right, multiplier, exchange, "", currency, local, tradingClass);
    }
}
