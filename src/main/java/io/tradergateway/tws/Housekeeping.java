package io.tradergateway.tws;

import io.tradergateway.tws.TwsStatus.TwsError;
import io.tradergateway.tws.wire.CurrentTime;
import io.tradergateway.tws.wire.ReqCurrentTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deadlines and heartbeat, run every {@code housekeepingInterval} (or directly by tests with a hand-moved
 * clock). Expired requests are failed, and cancelled at TWS where their {@link RequestKind} allows; after
 * {@code idleTimeout} of silence a reqCurrentTime goes out, and if it is not answered within
 * {@code heartbeatTimeout} the session is dropped (and rebuilt by the reconnect).
 */
final class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final TwsProperties settings;
    private final Clock clock;
    private final RequestRegistry requests;
    private final SessionKeeper keeper;
    private final TwsClient client;

    Housekeeping(
            TwsProperties settings, Clock clock, RequestRegistry requests, SessionKeeper keeper, TwsClient client) {
        this.settings = settings;
        this.clock = clock;
        this.requests = requests;
        this.keeper = keeper;
        this.client = client;
    }

    void runSafely() {
        try {
            run();
        } catch (RuntimeException e) {
            log.error("TWS housekeeping failed", e);
        }
    }

    void run() {
        Instant now = clock.instant();
        expireDeadlines(now);
        heartbeat(now);
    }

    private void expireDeadlines(Instant now) {
        for (RequestRegistry.Pending<?> expired : requests.expire(now)) {
            TwsRequest<?> spec = expired.spec;
            if (!spec.kind().cancelOnTimeout()) {
                expired.fail(new TwsOutcomeUnknownException(
                        spec.name(), "no answer within " + spec.timeout().toMillis() + " ms"));
                continue;
            }
            if (spec.cancel() != null) {
                keeper.sendIfUsable(spec.cancel().apply(expired.reqId));
            }
            expired.fail(new TwsTimeoutException(spec.name(), spec.timeout()));
        }
    }

    private void heartbeat(Instant now) {
        TwsSession session = keeper.usableSession();
        if (session == null || Duration.between(session.lastInbound(), now).compareTo(settings.idleTimeout()) < 0) {
            return; // SYNCING has its own deadline
        }
        if (!session.startHeartbeat()) {
            return;
        }
        try {
            client.request(TwsRequest.answeredBy(
                            "heartbeat", new ReqCurrentTime(), CurrentTime.class, settings.heartbeatTimeout()))
                    .whenComplete((answer, failure) -> heartbeatDone(session, failure));
        } catch (RuntimeException e) {
            session.heartbeatDone(); // not sent (busy or just disconnected): try again next round
        }
    }

    private void heartbeatDone(TwsSession session, Throwable failure) {
        session.heartbeatDone();
        if (failure instanceof TwsTimeoutException) {
            String why = "TWS stopped answering (no reply to a heartbeat within "
                    + settings.heartbeatTimeout().toMillis() + " ms); reconnecting";
            TwsError error = new TwsError(0, why, clock.instant());
            boolean current = keeper.locked(() -> {
                if (session != keeper.session()) {
                    return false;
                }
                keeper.lastError(error);
                return true;
            });
            if (current) {
                log.warn("{}", why);
                session.drop(error);
            }
        }
    }
}
