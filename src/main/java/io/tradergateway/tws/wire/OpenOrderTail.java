package io.tradergateway.tws.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * What openOrder carries after the warning text, in the order and at the server versions of ibapi 10.41
 * decoder.py processOpenOrder / orderdecoder.py (decodeVolRandomizeFlags .. decodeImbalanceOnly): randomize flags,
 * the pegged-to-benchmark fields (only for PEG BENCH orders), the conditions, the adjusted (attached) order, the
 * soft-dollar tier, cash quantity, the flags of 141..162, the PEG BEST / PEG MID offsets (170), customer fields
 * (183, 184), bond accrued interest (185), overnight (189), CME tagging (193), submitter (198), imbalance-only
 * (199). Optional numbers are {@link MessageWriter#UNSET_DOUBLE} / {@link MessageWriter#UNSET_INT} when empty.
 */
public record OpenOrderTail(
        boolean randomizeSize,
        boolean randomizePrice,
        PegBench pegBench,
        List<Condition> conditions,
        boolean conditionsIgnoreRth,
        boolean conditionsCancelOrder,
        Adjusted adjusted,
        SoftDollarTier softDollarTier,
        double cashQty,
        boolean dontUseAutoPriceForHedge,
        boolean isOmsContainer,
        boolean discretionaryUpToLimitPrice,
        boolean usePriceMgmtAlgo,
        int duration,
        int postToAts,
        boolean autoCancelParent,
        PegOffsets pegOffsets,
        String customerAccount,
        boolean professionalCustomer,
        String bondAccruedInterest,
        boolean includeOvernight,
        String extOperator,
        int manualOrderIndicator,
        String submitter,
        boolean imbalanceOnly) {

    static final int UNSET_INT = MessageWriter.UNSET_INT;
    static final double UNSET = MessageWriter.UNSET_DOUBLE;

    /** A PEG BENCH order's benchmark (orderdecoder.py decodePegToBenchParams). */
    public record PegBench(
            int referenceContractId,
            boolean isPeggedChangeAmountDecrease,
            double peggedChangeAmount,
            double referenceChangeAmount,
            String referenceExchangeId) {}

    /**
     * One order condition (order_condition.py): its type (1 price, 3 time, 4 margin, 5 execution, 6 volume, 7
     * percent change), AND / OR with the next, and its fields after the connector, as text.
     */
    public record Condition(int type, boolean and, List<String> values) {
        public Condition {
            values = List.copyOf(values);
        }
    }

    /** The adjusted (attached) order and the stop / limit offsets (decodeAdjustedOrderParams). */
    public record Adjusted(
            String orderType,
            double triggerPrice,
            double trailStopPrice,
            double lmtPriceOffset,
            double stopPrice,
            double stopLimitPrice,
            double trailingAmount,
            int trailingUnit) {}

    public record SoftDollarTier(String name, String value, String displayName) {}

    /** PEG BEST / PEG MID attributes (decodePegBestPegMidOrderAttributes, server version 170). */
    public record PegOffsets(
            int minTradeQty,
            int minCompeteSize,
            double competeAgainstBestOffset,
            double midOffsetAtWhole,
            double midOffsetAtHalf) {}

    /** IB's defaults: nothing conditional, pegged, adjusted or soft-dollar. */
    public static final OpenOrderTail DEFAULTS = new OpenOrderTail(
            false,
            false,
            null,
            List.of(),
            false,
            false,
            new Adjusted("", UNSET, UNSET, UNSET, UNSET, UNSET, UNSET, 0),
            new SoftDollarTier("", "", ""),
            UNSET,
            false,
            false,
            false,
            false,
            UNSET_INT,
            UNSET_INT,
            false,
            new PegOffsets(UNSET_INT, UNSET_INT, UNSET, UNSET, UNSET),
            "",
            false,
            "",
            false,
            "",
            UNSET_INT,
            "",
            false);

    public OpenOrderTail {
        conditions = List.copyOf(conditions);
    }

    /** Fields per condition type after the connector (order_condition.py decode); an unknown type is malformed. */
    static int conditionFields(int type) {
        return switch (type) {
            case 1 -> 5; // price: isMore, price, conId, exchange, triggerMethod
            case 3, 4 -> 2; // time, margin: isMore, value
            case 5 -> 3; // execution: secType, exchange, symbol
            case 6, 7 -> 4; // volume, percent change: isMore, value, conId, exchange
            default -> throw new ProtocolException("unknown order condition type " + type);
        };
    }

    static List<Condition> readConditions(FieldReader f, int count) {
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int type = f.readInt();
            boolean and = f.readString().equals("a");
            List<String> values = new ArrayList<>();
            for (int v = conditionFields(type); v > 0; v--) {
                values.add(f.readString());
            }
            conditions.add(new Condition(type, and, values));
        }
        return conditions;
    }

    static OpenOrderTail read(FieldReader f, int sv, String orderType) {
        boolean randomizeSize = f.readBool();
        boolean randomizePrice = f.readBool();
        PegBench peg = isPegBench(orderType)
                ? new PegBench(f.readInt(), f.readBool(), f.readDouble(), f.readDouble(), f.readString())
                : null;
        List<Condition> conditions = readConditions(f, f.readInt());
        boolean ignoreRth = !conditions.isEmpty() && f.readBool();
        boolean cancelOrder = !conditions.isEmpty() && f.readBool();
        Adjusted adjusted = new Adjusted(
                f.readString(),
                f.readDoubleMax(),
                f.readDoubleMax(),
                f.readDoubleMax(),
                f.readDoubleMax(),
                f.readDoubleMax(),
                f.readDoubleMax(),
                f.readInt());
        SoftDollarTier tier = new SoftDollarTier(f.readString(), f.readString(), f.readString());
        double cashQty = f.readDoubleMax();
        boolean dontUseAuto = f.readBool();
        boolean oms = f.readBool();
        boolean upToLimit = f.readBool();
        boolean priceMgmt = f.readBool();
        int duration = sv >= PlaceOrder.DURATION ? f.readIntMax() : UNSET_INT;
        int postToAts = sv >= PlaceOrder.POST_TO_ATS ? f.readIntMax() : UNSET_INT;
        boolean autoCancelParent = sv >= OrderTail.AUTO_CANCEL_PARENT && f.readBool();
        PegOffsets offsets = sv >= OrderTail.PEGBEST_PEGMID_OFFSETS
                ? new PegOffsets(
                        f.readIntMax(), f.readIntMax(), f.readDoubleMax(), f.readDoubleMax(), f.readDoubleMax())
                : DEFAULTS.pegOffsets;
        String customerAccount = sv >= PlaceOrder.CUSTOMER_ACCOUNT ? f.readString() : "";
        boolean professional = sv >= PlaceOrder.PROFESSIONAL_CUSTOMER && f.readBool();
        String accrued = sv >= OrderTail.BOND_ACCRUED_INTEREST ? f.readString() : "";
        boolean overnight = sv >= PlaceOrder.INCLUDE_OVERNIGHT && f.readBool();
        String extOperator = sv >= OrderTail.CME_TAGGING_IN_OPEN_ORDER ? f.readString() : "";
        int manual = sv >= OrderTail.CME_TAGGING_IN_OPEN_ORDER ? f.readIntMax() : UNSET_INT;
        String submitter = sv >= OrderTail.SUBMITTER ? f.readString() : "";
        boolean imbalanceOnly = sv >= PlaceOrder.IMBALANCE_ONLY && f.readBool();
        return new OpenOrderTail(
                randomizeSize,
                randomizePrice,
                peg,
                conditions,
                ignoreRth,
                cancelOrder,
                adjusted,
                tier,
                cashQty,
                dontUseAuto,
                oms,
                upToLimit,
                priceMgmt,
                duration,
                postToAts,
                autoCancelParent,
                offsets,
                customerAccount,
                professional,
                accrued,
                overnight,
                extOperator,
                manual,
                submitter,
                imbalanceOnly);
    }

    void write(MessageWriter w, int sv, String orderType) {
        w.add(randomizeSize).add(randomizePrice);
        if (isPegBench(orderType)) {
            PegBench p = pegBench == null ? new PegBench(0, false, 0, 0, "") : pegBench;
            w.add(p.referenceContractId()).add(p.isPeggedChangeAmountDecrease());
            w.add(p.peggedChangeAmount()).add(p.referenceChangeAmount()).add(p.referenceExchangeId());
        }
        w.add(conditions.size());
        for (Condition c : conditions) {
            w.add(c.type()).add(c.and() ? "a" : "o");
            c.values().forEach(w::add);
        }
        if (!conditions.isEmpty()) {
            w.add(conditionsIgnoreRth).add(conditionsCancelOrder);
        }
        Adjusted a = adjusted;
        w.add(a.orderType()).addMax(a.triggerPrice()).addMax(a.trailStopPrice()).addMax(a.lmtPriceOffset());
        w.addMax(a.stopPrice())
                .addMax(a.stopLimitPrice())
                .addMax(a.trailingAmount())
                .add(a.trailingUnit());
        w.add(softDollarTier.name()).add(softDollarTier.value()).add(softDollarTier.displayName());
        w.addMax(cashQty).add(dontUseAutoPriceForHedge).add(isOmsContainer);
        w.add(discretionaryUpToLimitPrice).add(usePriceMgmtAlgo);
        if (sv >= PlaceOrder.DURATION) {
            w.addMax(duration);
        }
        if (sv >= PlaceOrder.POST_TO_ATS) {
            w.addMax(postToAts);
        }
        if (sv >= OrderTail.AUTO_CANCEL_PARENT) {
            w.add(autoCancelParent);
        }
        if (sv >= OrderTail.PEGBEST_PEGMID_OFFSETS) {
            PegOffsets o = pegOffsets;
            w.addMax(o.minTradeQty()).addMax(o.minCompeteSize()).addMax(o.competeAgainstBestOffset());
            w.addMax(o.midOffsetAtWhole()).addMax(o.midOffsetAtHalf());
        }
        writeFrom183(w, sv);
    }

    private void writeFrom183(MessageWriter w, int sv) {
        if (sv >= PlaceOrder.CUSTOMER_ACCOUNT) {
            w.add(customerAccount);
        }
        if (sv >= PlaceOrder.PROFESSIONAL_CUSTOMER) {
            w.add(professionalCustomer);
        }
        if (sv >= OrderTail.BOND_ACCRUED_INTEREST) {
            w.add(bondAccruedInterest);
        }
        if (sv >= PlaceOrder.INCLUDE_OVERNIGHT) {
            w.add(includeOvernight);
        }
        if (sv >= OrderTail.CME_TAGGING_IN_OPEN_ORDER) {
            w.add(extOperator).addMax(manualOrderIndicator);
        }
        if (sv >= OrderTail.SUBMITTER) {
            w.add(submitter);
        }
        if (sv >= PlaceOrder.IMBALANCE_ONLY) {
            w.add(imbalanceOnly);
        }
    }

    /** ibapi utils.py isPegBenchOrder. */
    static boolean isPegBench(String orderType) {
        return "PEG BENCH".equals(orderType) || "PEGBENCH".equals(orderType);
    }
}
