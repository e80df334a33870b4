package io.tradergateway.tws;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.tws.SessionStateMachine.Effect;
import io.tradergateway.tws.SessionStateMachine.Transition;
import org.junit.jupiter.api.Test;

/** The session's transitions on their own: no threads, sockets or clocks. */
class SessionStateMachineTest {

    private final SessionStateMachine machine = new SessionStateMachine();

    private SessionStateMachine syncing() {
        machine.started();
        machine.connecting();
        machine.connected();
        return machine;
    }

    private SessionStateMachine ready() {
        syncing().nextValidId();
        machine.accounts(true);
        return machine;
    }

    @Test
    void becomesReadyOnlyWhenBothNextValidIdAndAccountsArrivedInEitherOrder() {
        syncing();
        Transition accounts = machine.accounts(true);
        assertThat(accounts.to()).isEqualTo(ConnectionState.SYNCING);
        assertThat(accounts.effects()).isEmpty();

        Transition ready = machine.nextValidId();
        assertThat(ready.from()).isEqualTo(ConnectionState.SYNCING);
        assertThat(ready.to()).isEqualTo(ConnectionState.READY);
        assertThat(ready.effects()).containsExactlyInAnyOrder(Effect.SYNCED, Effect.RESUBSCRIBE);
    }

    @Test
    void emptyAccountListDoesNotSync() {
        syncing().nextValidId();
        assertThat(machine.accounts(false).to()).isEqualTo(ConnectionState.SYNCING);
    }

    @Test
    void connectivityLostDegradesAndRestoredWithDataKeptReturnsToReadyWithoutResubscribing() {
        ready();
        Transition lost = machine.connectivity(IbCode.CONNECTIVITY_LOST);
        assertThat(lost.to()).isEqualTo(ConnectionState.DEGRADED);
        assertThat(lost.effects()).isEmpty();

        Transition kept = machine.connectivity(IbCode.RESTORED_DATA_MAINTAINED);
        assertThat(kept.to()).isEqualTo(ConnectionState.READY);
        assertThat(kept.effects()).isEmpty();
    }

    @Test
    void restoredWithDataLostResubscribesFromDegradedAndFromReady() {
        ready().connectivity(IbCode.CONNECTIVITY_LOST);
        Transition lostData = machine.connectivity(IbCode.RESTORED_DATA_LOST);
        assertThat(lostData.to()).isEqualTo(ConnectionState.READY);
        assertThat(lostData.effects()).containsExactly(Effect.RESUBSCRIBE);

        assertThat(machine.connectivity(IbCode.RESTORED_DATA_LOST).effects()).containsExactly(Effect.RESUBSCRIBE);
    }

    @Test
    void connectivityCodesOutsideASyncedSessionChangeNothing() {
        syncing();
        assertThat(machine.connectivity(IbCode.CONNECTIVITY_LOST).changed()).isFalse();
        assertThat(machine.connectivity(IbCode.RESTORED_DATA_LOST).effects()).isEmpty();
        assertThat(machine.state()).isEqualTo(ConnectionState.SYNCING);
    }

    @Test
    void closeBeforeSyncRotatesTheClientIdAndReconnects() {
        syncing();
        Transition closed = machine.closed();
        assertThat(closed.to()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(closed.effects())
                .containsExactlyInAnyOrder(Effect.FAIL_PENDING, Effect.ROTATE_CLIENT_ID, Effect.RECONNECT);
    }

    @Test
    void closeOfASyncedSessionReconnectsWithTheSameClientId() {
        ready();
        Transition closed = machine.closed();
        assertThat(closed.from()).isEqualTo(ConnectionState.READY);
        assertThat(closed.effects()).containsExactlyInAnyOrder(Effect.FAIL_PENDING, Effect.RECONNECT);
    }

    @Test
    void failedConnectAttemptSchedulesTheNextOne() {
        machine.started();
        machine.connecting();
        Transition failed = machine.connectFailed();
        assertThat(failed.from()).isEqualTo(ConnectionState.CONNECTING);
        assertThat(failed.to()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(failed.effects()).containsExactly(Effect.RECONNECT);
    }

    @Test
    void afterStopNothingReconnects() {
        ready();
        Transition stopped = machine.stopped();
        assertThat(stopped.to()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(stopped.effects()).containsExactly(Effect.FAIL_PENDING);
        assertThat(machine.closed().effects()).doesNotContain(Effect.RECONNECT, Effect.ROTATE_CLIENT_ID);
    }

    @Test
    void countsReconnectsFromTheSecondSyncedSession() {
        ready();
        assertThat(machine.reconnects()).isZero();
        machine.closed();
        machine.connecting();
        machine.connected();
        assertThat(machine.nextValidId().to()).isEqualTo(ConnectionState.SYNCING); // accounts of this session not yet
        machine.accounts(true);
        assertThat(machine.state()).isEqualTo(ConnectionState.READY);
        assertThat(machine.reconnects()).isEqualTo(1);
    }
}
