package io.tradergateway.account;

import io.tradergateway.tws.TwsConnectionManager;
import io.tradergateway.tws.TwsStatus;
import org.springframework.stereotype.Service;

/** Accounts come from the session's managedAccounts message, held in memory: no TWS round trip per read. */
@Service
public class AccountService {

    private final TwsConnectionManager connection;

    public AccountService(TwsConnectionManager connection) {
        this.connection = connection;
    }

    /** Throws {@link io.tradergateway.tws.TwsUnavailableException} while the session is not synced. */
    public AccountsResponse accounts() {
        var codes = connection.managedAccounts();
        TwsStatus status = connection.status();
        return new AccountsResponse(codes.stream().map(Account::new).toList(), status.connectedSince());
    }
}
