package io.tradergateway.contract;

import io.tradergateway.web.InvalidParameterException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** IB's security types that can be looked up one contract at a time (combos, BAG, are not). */
public enum SecType {
    STK,
    OPT,
    FUT,
    CASH,
    IND,
    FOP,
    WAR,
    BOND,
    CFD,
    CMDTY,
    FUND,
    CRYPTO;

    public static final String ALLOWED = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

    public static SecType parse(String parameter, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(
                    parameter, parameter + " '" + abbreviate(value) + "' is not one of " + ALLOWED);
        }
    }

    /** Whether expiry/strike/right describe the contract (derivatives). */
    public boolean isDerivative() {
        return this == OPT || this == FUT || this == FOP || this == WAR;
    }

    /** The value as it may be shown back to a client: short, and without markup or control characters. */
    static String abbreviate(String value) {
        String shown = value.length() <= 32 ? value : value.substring(0, 32) + "...";
        return shown.replaceAll("[^A-Za-z0-9 .,:/+_-]", "?");
    }
}
