package io.tradergateway.history;

import io.tradergateway.contract.SecType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The kind of data in the bars. Which kinds exist per security type follows IB's "historical data types" table
 * (TWS API docs, historical bar data): forex and commodities have no trades, indices have only trades and
 * volatilities, ADJUSTED_LAST and the volatilities are for stocks (and indices). Asking TWS anyway costs a
 * paced request and ends in error 162/321, so the gateway refuses up front.
 */
public enum WhatToShow {
    TRADES,
    MIDPOINT,
    BID,
    ASK,
    BID_ASK,
    ADJUSTED_LAST,
    HISTORICAL_VOLATILITY,
    OPTION_IMPLIED_VOLATILITY;

    private static final Set<WhatToShow> QUOTES = EnumSet.of(MIDPOINT, BID, ASK, BID_ASK);

    public static WhatToShow parse(String text) {
        if (text == null || text.isBlank()) {
            return TRADES;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidHistoryParameterException(
                    "whatToShow",
                    HistoryProblems.INVALID_WHAT_TO_SHOW,
                    "whatToShow '" + HistoryParameters.shown(text) + "' is not one TWS knows",
                    Arrays.stream(values()).map(Enum::name).toList());
        }
    }

    /** The kinds IB serves for a security type. */
    public static List<WhatToShow> allowedFor(SecType secType) {
        Set<WhatToShow> allowed = switch (secType) {
            case STK -> EnumSet.allOf(WhatToShow.class);
            case CASH, CMDTY -> EnumSet.copyOf(QUOTES);
            case IND -> EnumSet.of(TRADES, HISTORICAL_VOLATILITY, OPTION_IMPLIED_VOLATILITY);
            default -> {
                Set<WhatToShow> s = EnumSet.copyOf(QUOTES);
                s.add(TRADES);
                yield s;
            }
        };
        return List.copyOf(allowed);
    }

    /** IB: "BID_ASK requests count twice" against the pacing limits. */
    int pacingWeight(int bidAskWeight) {
        return this == BID_ASK ? bidAskWeight : 1;
    }
}
