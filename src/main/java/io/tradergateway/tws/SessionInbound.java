package io.tradergateway.tws;

import io.tradergateway.tws.IbCode.Category;
import io.tradergateway.tws.SessionStateMachine.Effect;
import io.tradergateway.tws.SessionStateMachine.Transition;
import io.tradergateway.tws.wire.ErrorMessage;
import io.tradergateway.tws.wire.ManagedAccounts;
import io.tradergateway.tws.wire.NextValidId;
import io.tradergateway.tws.wire.ServerMessage;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the session's reader thread does with each message: session events first (nextValidId seeds the order
 * ids, managedAccounts, connection codes go to the state machine; farm notices to the status), then the
 * subscriptions are re-sent if a transition asked for it, then the {@link InboundRouter} delivers the message
 * to its owner. Messages of an old session are dropped.
 */
final class SessionInbound {

    private static final Logger log = LoggerFactory.getLogger(SessionInbound.class);

    private final Clock clock;
    private final InboundRouter router;
    private final SubscriptionBook subscriptions;
    private SessionKeeper keeper;

    SessionInbound(Clock clock, InboundRouter router, SubscriptionBook subscriptions) {
        this.clock = clock;
        this.router = router;
        this.subscriptions = subscriptions;
    }

    void keeper(SessionKeeper keeper) {
        this.keeper = keeper;
    }

    void onMessage(TwsSession from, ServerMessage message) {
        if (!keeper.isCurrent(from)) {
            return;
        }
        from.heard(clock.instant());
        if (message instanceof ErrorMessage error) {
            onError(from, error);
        } else if (message instanceof NextValidId next) {
            from.orderIds().seed(next.orderId());
            event(from, SessionStateMachine::nextValidId);
        } else if (message instanceof ManagedAccounts accounts) {
            from.accounts(accounts.accounts());
            event(from, machine -> machine.accounts(!accounts.accounts().isEmpty()));
        }
        resubscribeIfDue(from);
        router.route(message);
    }

    private void event(TwsSession from, Function<SessionStateMachine, Transition> event) {
        Transition t = keeper.locked(() -> {
            if (from != keeper.session()) {
                return null;
            }
            Transition happened = event.apply(keeper.machine());
            keeper.apply(happened);
            return happened;
        });
        if (t != null && t.has(Effect.SYNCED)) {
            log.info("TWS session ready as client id {}: accounts {}", from.clientId(), from.accounts());
        }
    }

    private void onError(TwsSession from, ErrorMessage error) {
        IbCode code = IbCode.lookup(error.code());
        String farm = IbCode.farmState(error.code());
        if (farm != null) {
            int colon = error.message().lastIndexOf(':');
            from.farms().put(colon >= 0 ? error.message().substring(colon + 1).trim() : "farm", farm);
        }
        if (code.category() == Category.WARNING) {
            log.debug("TWS notice {}: {}", error.code(), error.message());
            return;
        }
        if (!error.isConnectionNotice() && code.category() == Category.REQUEST_FAILURE) {
            return; // the router takes it to the request or order it names
        }
        if (code.category() != Category.CONNECTION || !IbCode.isConnectivity(error.code())) {
            log.warn("TWS error {}: {}", error.code(), error.message());
        }
        event(from, machine -> {
            keeper.recordError(error.code(), error.message());
            return machine.connectivity(error.code());
        });
    }

    /** Re-sends every subscription when READY was (re)reached or TWS lost the data (1101); outside the lock. */
    private void resubscribeIfDue(TwsSession from) {
        boolean due = keeper.locked(() -> {
            if (from != keeper.session() || !from.resubscribeDue()) {
                return false;
            }
            from.resubscribeDue(false);
            return true;
        });
        if (!due) {
            return;
        }
        List<SubscriptionBook.Run> runs = subscriptions.restartAll();
        if (!runs.isEmpty()) {
            log.info("re-sending {} subscriptions to TWS", runs.size());
        }
        for (SubscriptionBook.Run run : runs) {
            SessionKeeper.trySend(from.connection(), run.start());
        }
    }
}
