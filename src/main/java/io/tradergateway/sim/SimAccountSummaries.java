package io.tradergateway.sim;

import io.tradergateway.tws.wire.AccountSummary;
import io.tradergateway.tws.wire.AccountSummaryEnd;
import io.tradergateway.tws.wire.CancelAccountSummary;
import io.tradergateway.tws.wire.ClientRequest;
import io.tradergateway.tws.wire.ReqAccountSummary;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * reqAccountSummary as TWS runs it: the requested tags of every account, accountSummaryEnd, then the values that
 * change (after a fill) until cancelAccountSummary.
 */
final class SimAccountSummaries {

    private final SimAccounts accounts;
    private final Map<SimSession, ReqAccountSummary> subscribers = new ConcurrentHashMap<>();

    SimAccountSummaries(SimAccounts accounts) {
        this.accounts = accounts;
    }

    boolean handle(SimSession session, ClientRequest request) throws IOException {
        if (request instanceof ReqAccountSummary summary) {
            subscribers.put(session, summary);
            for (String account : accounts.accounts()) {
                send(session, summary, account, accounts.summary(account, tags(summary)));
            }
            session.send(new AccountSummaryEnd(summary.reqId()));
            return true;
        }
        if (request instanceof CancelAccountSummary cancel) {
            subscribers.computeIfPresent(session, (s, r) -> r.reqId() == cancel.reqId() ? null : r);
            return true;
        }
        return false;
    }

    /** {@code account}'s values changed: each subscriber gets the tags it asked for. */
    void changed(String account, Map<String, String> values) {
        subscribers.forEach((session, request) -> {
            List<String> tags = tags(request);
            Map<String, String> wanted = tags.isEmpty() ? values : accounts.summary(account, tags);
            try {
                send(session, request, account, wanted);
            } catch (IOException e) {
                session.close();
            }
        });
    }

    void ended(SimSession session) {
        subscribers.remove(session);
    }

    private static void send(SimSession session, ReqAccountSummary request, String account, Map<String, String> values)
            throws IOException {
        for (var value : values.entrySet()) {
            String currency = value.getKey().equals("AccountType") ? "" : SimAccounts.CURRENCY;
            session.send(new AccountSummary(request.reqId(), account, value.getKey(), value.getValue(), currency));
        }
    }

    private static List<String> tags(ReqAccountSummary request) {
        return Arrays.stream(request.tags().split(","))
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .toList();
    }
}
