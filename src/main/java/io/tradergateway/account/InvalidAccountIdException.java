package io.tradergateway.account;

/** An account id that is not shaped like an IB account code (400). */
public class InvalidAccountIdException extends RuntimeException {

    InvalidAccountIdException(String value) {
        super("'" + abbreviate(value) + "' is not an IB account code (a letter, then letters and digits, 2..32"
                + " characters, e.g. DU1234567)");
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        String printable = value.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
