package io.tradergateway.tws;

import java.util.EnumSet;
import java.util.Set;

/**
 * The connection's states and what each event does to them, with no threads, locks, sockets or clocks: the
 * lifecycle bean feeds it events and carries out the effects it returns, so every transition can be tested
 * on its own.
 *
 * <pre>
 * DISCONNECTED -connecting-> CONNECTING -connected-> SYNCING -nextValidId + accounts-> READY
 * READY -1100-> DEGRADED -1102-> READY;  READY/DEGRADED -1101-> READY (+ resubscribe)
 * any -closed-> DISCONNECTED (+ reconnect; + rotate client id when closed before synced)
 * </pre>
 *
 * Not thread-safe: its owner serialises calls.
 */
final class SessionStateMachine {

    /** What the owner must do after a transition. */
    enum Effect {
        /** Re-send every subscription: the session (re)reached READY, or TWS lost the data (1101). */
        RESUBSCRIBE,
        /** Schedule the next connect attempt. */
        RECONNECT,
        /** Use the next client id: TWS refused this one (326) or closed before the session synced. */
        ROTATE_CLIENT_ID,
        /** The session just synced: reset the backoff, drop the sync deadline. */
        SYNCED,
        /** Settle every request in flight: the socket they went out on is gone. */
        FAIL_PENDING
    }

    /** One step: where the state went and what to do about it. */
    record Transition(ConnectionState from, ConnectionState to, Set<Effect> effects) {

        boolean changed() {
            return from != to;
        }

        boolean has(Effect effect) {
            return effects.contains(effect);
        }
    }

    private ConnectionState state = ConnectionState.DISCONNECTED;
    private boolean running;
    private boolean gotNextValidId;
    private boolean gotAccounts;
    private boolean everReady;
    private long reconnects;

    ConnectionState state() {
        return state;
    }

    /** Sessions established after the first one. */
    long reconnects() {
        return reconnects;
    }

    Transition started() {
        running = true;
        return to(state);
    }

    /** The owner shuts down: no reconnect follows. */
    Transition stopped() {
        running = false;
        return to(ConnectionState.DISCONNECTED, Effect.FAIL_PENDING);
    }

    Transition connecting() {
        return to(ConnectionState.CONNECTING);
    }

    Transition connectFailed() {
        return running ? to(ConnectionState.DISCONNECTED, Effect.RECONNECT) : to(ConnectionState.DISCONNECTED);
    }

    /** Socket open and versions agreed: wait for nextValidId and managedAccounts. */
    Transition connected() {
        gotNextValidId = false;
        gotAccounts = false;
        return to(ConnectionState.SYNCING);
    }

    Transition nextValidId() {
        gotNextValidId = true;
        return maybeReady();
    }

    Transition accounts(boolean any) {
        gotAccounts = any;
        return maybeReady();
    }

    /** IB's connectivity codes: 1100 lost, 1101 restored with data lost, 1102 restored with data kept. */
    Transition connectivity(int code) {
        return switch (code) {
            case IbCode.CONNECTIVITY_LOST -> state == ConnectionState.READY ? to(ConnectionState.DEGRADED) : to(state);
            case IbCode.RESTORED_DATA_MAINTAINED ->
                state == ConnectionState.DEGRADED ? to(ConnectionState.READY) : to(state);
            case IbCode.RESTORED_DATA_LOST ->
                state.isUsable() ? to(ConnectionState.READY, Effect.RESUBSCRIBE) : to(state);
            default -> to(state);
        };
    }

    /** The socket closed (EOF, error, or closed by us after a silent heartbeat or sync deadline). */
    Transition closed() {
        boolean neverSynced = state == ConnectionState.SYNCING;
        if (!running) {
            return to(ConnectionState.DISCONNECTED, Effect.FAIL_PENDING);
        }
        return neverSynced
                ? to(ConnectionState.DISCONNECTED, Effect.FAIL_PENDING, Effect.ROTATE_CLIENT_ID, Effect.RECONNECT)
                : to(ConnectionState.DISCONNECTED, Effect.FAIL_PENDING, Effect.RECONNECT);
    }

    private Transition maybeReady() {
        if (state != ConnectionState.SYNCING || !gotNextValidId || !gotAccounts) {
            return to(state);
        }
        if (everReady) {
            reconnects++;
        }
        everReady = true;
        return to(ConnectionState.READY, Effect.SYNCED, Effect.RESUBSCRIBE);
    }

    private Transition to(ConnectionState next, Effect... effects) {
        ConnectionState from = state;
        state = next;
        Set<Effect> set = EnumSet.noneOf(Effect.class);
        set.addAll(java.util.Arrays.asList(effects));
        return new Transition(from, next, set);
    }
}
