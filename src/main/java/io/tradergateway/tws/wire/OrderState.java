package io.tradergateway.tws.wire;

/**
 * What openOrder says about an order's state (ibapi 10.41 order_state.py): its status, the what-if margin
 * figures (text, as TWS sends them; empty when not a what-if), commission estimates
 * ({@link MessageWriter#UNSET_DOUBLE} when unknown), the reject reason (server version 195+) and IB's warning
 * text.
 */
public record OrderState(
        String status,
        String initMarginBefore,
        String maintMarginBefore,
        String equityWithLoanBefore,
        String initMarginChange,
        String maintMarginChange,
        String equityWithLoanChange,
        String initMarginAfter,
        String maintMarginAfter,
        String equityWithLoanAfter,
        double commission,
        double minCommission,
        double maxCommission,
        String commissionCurrency,
        String rejectReason,
        String warningText) {

    public OrderState {
        status = nz(status);
        initMarginBefore = nz(initMarginBefore);
        maintMarginBefore = nz(maintMarginBefore);
        equityWithLoanBefore = nz(equityWithLoanBefore);
        initMarginChange = nz(initMarginChange);
        maintMarginChange = nz(maintMarginChange);
        equityWithLoanChange = nz(equityWithLoanChange);
        initMarginAfter = nz(initMarginAfter);
        maintMarginAfter = nz(maintMarginAfter);
        equityWithLoanAfter = nz(equityWithLoanAfter);
        commissionCurrency = nz(commissionCurrency);
        rejectReason = nz(rejectReason);
        warningText = nz(warningText);
    }

    /** A state with only a status (no what-if figures). */
    public static OrderState of(String status) {
        double unset = MessageWriter.UNSET_DOUBLE;
        return new OrderState(status, "", "", "", "", "", "", "", "", "", unset, unset, unset, "", "", "");
    }

    /** MIN_SERVER_VER_FULL_ORDER_PREVIEW_FIELDS: margin currency, outside-RTH margins, reject reason, allocations. */
    static final int FULL_PREVIEW = 195;

    void write(MessageWriter w, int sv) {
        w.add(status).add(initMarginBefore).add(maintMarginBefore).add(equityWithLoanBefore);
        w.add(initMarginChange).add(maintMarginChange).add(equityWithLoanChange);
        w.add(initMarginAfter).add(maintMarginAfter).add(equityWithLoanAfter);
        w.addMax(commission).addMax(minCommission).addMax(maxCommission).add(commissionCurrency);
        if (sv >= FULL_PREVIEW) {
            w.add(""); // marginCurrency
            for (int i = 0; i < 9; i++) {
                w.add(""); // init/maint/equity-with-loan before/change/after outside RTH
            }
            w.add("").add(rejectReason).add(0); // suggestedSize, rejectReason, allocations
        }
        w.add(warningText);
    }

    static OrderState read(FieldReader f, int sv) {
        String status = f.readString();
        String[] margins = new String[9];
        for (int i = 0; i < margins.length; i++) {
            margins[i] = f.readString();
        }
        double commission = f.readDoubleMax();
        double min = f.readDoubleMax();
        double max = f.readDoubleMax();
        String currency = f.readString();
        String reject = "";
        if (sv >= FULL_PREVIEW) {
            for (int i = 0; i < 10; i++) {
                f.skip();
            }
            f.skip(); // suggestedSize
            reject = f.readString();
            int allocations = f.readInt();
            for (int i = 0; i < allocations * 7; i++) {
                f.skip();
            }
        }
        String warning = f.readString();
        return new OrderState(
                status,
                margins[0],
                margins[1],
                margins[2],
                margins[3],
                margins[4],
                margins[5],
                margins[6],
                margins[7],
                margins[8],
                commission,
                min,
                max,
                currency,
                reject,
                warning);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
