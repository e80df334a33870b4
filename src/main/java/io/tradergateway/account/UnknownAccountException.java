package io.tradergateway.account;

import io.tradergateway.web.ProblemException;
import io.tradergateway.web.ProblemTypes;
import java.net.URI;
import org.springframework.http.HttpStatus;

/** 404 {@code unknown-account}: a well-formed account id that the TWS session does not manage. */
public class UnknownAccountException extends ProblemException {

    static final URI TYPE = ProblemTypes.of("unknown-account");

    UnknownAccountException(AccountId account) {
        super(
                HttpStatus.NOT_FOUND,
                TYPE,
                "Unknown account",
                "account " + account + " is not managed by this TWS session");
    }
}
