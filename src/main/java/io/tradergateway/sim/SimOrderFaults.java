package io.tradergateway.sim;

import java.time.Duration;
import java.util.Map;

/**
 * The order desk's fault controls, each armed for the next command only: refuse the next placeOrder or cancelOrder
 * with an IB code, drop the socket around the next placeOrder's acknowledgement, acknowledge the next order late
 * (on the simulator's clock), let the next cancel arrive too late, or let the next order's id be taken already.
 */
public final class SimOrderFaults {

    private SimOrderRules.Rejection rejectNext;
    private SimOrderRules.Rejection rejectNextCancel;
    private SimOrders.Drop dropNext = SimOrders.Drop.NONE;
    private boolean fillOnNextCancel;
    private Duration delayNextAck;
    private int idsTaken;
    private int takenUpTo;

    /** The next placeOrder is refused with this IB code and text (e.g. 201 "Order rejected - reason:..."). */
    public synchronized void rejectNext(int code, String text) {
        rejectNext = new SimOrderRules.Rejection(code, text);
    }

    /** The next cancelOrder is refused with this IB code and text (e.g. 10147 for an order TWS does not know). */
    public synchronized void rejectNextCancel(int code, String text) {
        rejectNextCancel = new SimOrderRules.Rejection(code, text);
    }

    /** The socket of the next placeOrder is closed before or after TWS acknowledged it (the order stays). */
    public synchronized void dropNext(SimOrders.Drop drop) {
        dropNext = drop;
    }

    /** The next cancel arrives too late: the order is PendingCancel, then fills completely. */
    public synchronized void fillOnNextCancel() {
        fillOnNextCancel = true;
    }

    /** The next new order is acknowledged (openOrder, orderStatus) only once the simulator's clock moved by this. */
    public synchronized void delayNextAck(Duration delay) {
        delayNextAck = delay;
    }

    /**
     * The next placeOrder's id and the {@code count - 1} after it were already used under this client id (by another
     * application, or orders placed before a restart of the gateway that lost track): TWS refuses it with 103, and
     * its nextValidId moves past them.
     */
    public synchronized void idsTakenElsewhere(int count) {
        idsTaken = count;
    }

    /**
     * The highest id the client has used ({@code highestId} by client id), as a placeOrder of {@code orderId} finds
     * it: with the ids taken elsewhere added when that fault is armed (then they stay used).
     */
    synchronized int used(Map<Integer, Integer> highestId, int clientId, int orderId) {
        int upTo = idsTaken > 0 ? orderId + idsTaken - 1 : 0;
        idsTaken = 0;
        takenUpTo = Math.max(takenUpTo, upTo);
        return highestId.merge(clientId, upTo, Math::max);
    }

    /** The highest id ever taken elsewhere (nextValidId stays above it). */
    synchronized int takenUpTo() {
        return takenUpTo;
    }

    synchronized SimOrderRules.Rejection takeRejection() {
        SimOrderRules.Rejection r = rejectNext;
        rejectNext = null;
        return r;
    }

    synchronized SimOrderRules.Rejection takeCancelRejection() {
        SimOrderRules.Rejection r = rejectNextCancel;
        rejectNextCancel = null;
        return r;
    }

    synchronized SimOrders.Drop takeDrop() {
        SimOrders.Drop d = dropNext;
        dropNext = SimOrders.Drop.NONE;
        return d;
    }

    synchronized boolean takeFillOnCancel() {
        boolean f = fillOnNextCancel;
        fillOnNextCancel = false;
        return f;
    }

    synchronized Duration takeAckDelay() {
        Duration d = delayNextAck;
        delayNextAck = null;
        return d;
    }
}
