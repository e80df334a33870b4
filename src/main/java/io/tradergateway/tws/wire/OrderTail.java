package io.tradergateway.tws.wire;

/**
 * The parts of openOrder and completedOrder that the gateway does not use but must step over or write at IB's
 * defaults (ibapi 10.41 orderdecoder.py), including the groups whose length depends on their content.
 */
final class OrderTail {

    static final int AUTO_CANCEL_PARENT = 162;
    static final int PEGBEST_PEGMID_OFFSETS = 170;
    static final int BOND_ACCRUED_INTEREST = 185;
    static final int CME_TAGGING_IN_OPEN_ORDER = 193;
    static final int SUBMITTER = 198;

    private OrderTail() {}

    static void skip(FieldReader f, int count) {
        for (int i = 0; i < count; i++) {
            f.skip();
        }
    }

    /** decodeVolOrderParams: volatility .. referencePriceType, with the delta-neutral group when it is present. */
    static void skipVolatility(FieldReader f, boolean openOrderAttributes) {
        skip(f, 2);
        String deltaNeutralOrderType = f.readString();
        f.skip();
        if (!deltaNeutralOrderType.isEmpty()) {
            skip(f, openOrderAttributes ? 4 : 1); // conId (+ settling firm, clearing account, clearing intent)
            skip(f, openOrderAttributes ? 4 : 3); // (open/close +) short sale, slot, designated location
        }
        skip(f, 2);
    }

    /** Combo legs through solicited (openOrder: with optOutSmartRouting). */
    static void skipCombosScaleHedge(FieldReader f, boolean openOrder) {
        f.skip(); // comboLegsDescrip
        skip(f, f.readInt() * 8);
        skip(f, f.readInt());
        skip(f, f.readInt() * 2);
        skip(f, 2); // scaleInitLevelSize, scaleSubsLevelSize
        double increment = f.readDoubleMax();
        if (increment != MessageWriter.UNSET_DOUBLE && increment > 0) {
            skip(f, 7);
        }
        if (!f.readString().isEmpty()) {
            f.skip(); // hedgeParam
        }
        if (openOrder) {
            f.skip(); // optOutSmartRouting
        }
        skip(f, 3); // clearingAccount, clearingIntent, notHeld
        if (f.readBool()) {
            skip(f, 3); // delta-neutral contract
        }
        if (!f.readString().isEmpty()) {
            skip(f, f.readInt() * 2); // algo params
        }
        f.skip(); // solicited
    }

    /** completedOrder's fields from server version 170 on, at IB's defaults. */
    static void writeCompletedTailFrom170(MessageWriter w, int sv) {
        if (sv >= PEGBEST_PEGMID_OFFSETS) {
            w.add("").add("").add("").add("").add(""); // minTradeQty .. midOffsetAtHalf
        }
        if (sv >= PlaceOrder.CUSTOMER_ACCOUNT) {
            w.add("");
        }
        if (sv >= PlaceOrder.PROFESSIONAL_CUSTOMER) {
            w.add(false);
        }
        if (sv >= SUBMITTER) {
            w.add("");
        }
    }
}
