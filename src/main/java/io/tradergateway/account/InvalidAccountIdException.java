package io.tradergateway.account;

import io.tradergateway.web.ProblemException;
import io.tradergateway.web.ProblemTypes;
import java.net.URI;
import org.springframework.http.HttpStatus;

/** 400 {@code invalid-account-id}: an account id that is not shaped like an IB account code. */
public class InvalidAccountIdException extends ProblemException {

    static final URI TYPE = ProblemTypes.of("invalid-account-id");

    InvalidAccountIdException(String value) {
        super(
                HttpStatus.BAD_REQUEST,
                TYPE,
                "Invalid account id",
                "'" + abbreviate(value) + "' is not an IB account code (a letter, then letters and digits, 2..32"
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
