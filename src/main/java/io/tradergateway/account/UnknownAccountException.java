package io.tradergateway.account;

/** A well-formed account id that the TWS session does not manage (404). */
public class UnknownAccountException extends RuntimeException {

    UnknownAccountException(AccountId account) {
        super("account " + account + " is not managed by this TWS session");
    }
}
