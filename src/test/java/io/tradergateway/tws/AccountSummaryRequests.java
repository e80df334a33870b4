package io.tradergateway.tws;

import io.tradergateway.tws.wire.AccountSummary;
import io.tradergateway.tws.wire.AccountSummaryEnd;
import io.tradergateway.tws.wire.CancelAccountSummary;
import io.tradergateway.tws.wire.ReqAccountSummary;
import io.tradergateway.tws.wire.ServerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A multi-message request for tests: the account summary, collected until accountSummaryEnd. */
final class AccountSummaryRequests {

    private AccountSummaryRequests() {}

    static TwsRequest<List<AccountSummary>> accountSummary(Duration timeout) {
        return TwsRequest.withReqId(
                "accountSummary",
                reqId -> new ReqAccountSummary(reqId, "All", "NetLiquidation"),
                CancelAccountSummary::new,
                Collector::new,
                timeout);
    }

    /** Collects rows until accountSummaryEnd. */
    private static final class Collector implements ResponseHandler<List<AccountSummary>> {
        private final List<AccountSummary> rows = new ArrayList<>();

        @Override
        public boolean accept(ServerMessage message) {
            if (message instanceof AccountSummary row) {
                rows.add(row);
            }
            return message instanceof AccountSummaryEnd;
        }

        @Override
        public List<AccountSummary> result() {
            return rows;
        }
    }
}
