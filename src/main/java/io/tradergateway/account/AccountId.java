package io.tradergateway.account;

import java.util.regex.Pattern;

/**
 * An IB account code (DU1234567, U1234567, F1234567): a letter, then letters and digits, at most 32 characters.
 * Parsed once at the edge; a malformed code is a 400 before anything else looks at it.
 */
public record AccountId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z][A-Za-z0-9]{1,31}");

    public AccountId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidAccountIdException(value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
