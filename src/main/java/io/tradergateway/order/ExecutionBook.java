package io.tradergateway.order;

import io.tradergateway.tws.wire.CommissionReport;
import io.tradergateway.tws.wire.ExecDetails;
import io.tradergateway.tws.wire.Execution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Today's executions, by execId stem: a correction (same stem, new suffix) replaces the fill it corrects and a
 * replayed fill (reqExecutions after a reconnect) is not a new one. Commission reports join by execId, whichever
 * of the two arrives first. Each new, corrected or completed execution is told to the listeners once.
 */
final class ExecutionBook {

    private final Map<String, ExecutionView> executions = new LinkedHashMap<>(); // by stem, guarded by this
    private final Map<String, CommissionReport> commissions = new ConcurrentHashMap<>();
    private final List<OrderEvents> listeners = new CopyOnWriteArrayList<>();

    void addListener(OrderEvents listener) {
        listeners.add(listener);
    }

    void onExecution(ExecDetails m) {
        Execution e = m.execution();
        ExecutionView view;
        synchronized (this) {
            ExecutionView before = executions.get(e.stem());
            if (before != null && before.execId().equals(e.execId())) {
                return; // a replay of a fill already known
            }
            CommissionReport c = commissions.get(e.execId());
            view = new ExecutionView(
                    e.execId(),
                    m.orderId(),
                    e.permId(),
                    e.orderRef(),
                    e.account(),
                    m.conId(),
                    m.symbol(),
                    e.side(),
                    e.shares(),
                    e.price(),
                    e.time(),
                    c == null ? null : c.commission(),
                    c == null ? null : c.currency(),
                    c == null || !c.hasRealizedPnl() ? null : c.realizedPnl());
            executions.put(e.stem(), view);
        }
        listeners.forEach(l -> l.onExecution(view));
    }

    void onCommission(CommissionReport c) {
        commissions.put(c.execId(), c);
        ExecutionView joined = null;
        synchronized (this) {
            for (Map.Entry<String, ExecutionView> entry : executions.entrySet()) {
                ExecutionView e = entry.getValue();
                if (e.execId().equals(c.execId()) && e.commission() == null) {
                    joined = new ExecutionView(
                            e.execId(),
                            e.orderId(),
                            e.permId(),
                            e.orderRef(),
                            e.account(),
                            e.conId(),
                            e.symbol(),
                            e.side(),
                            e.shares(),
                            e.price(),
                            e.time(),
                            c.commission(),
                            c.currency(),
                            c.hasRealizedPnl() ? c.realizedPnl() : null);
                    entry.setValue(joined);
                }
            }
        }
        if (joined != null) {
            ExecutionView view = joined;
            listeners.forEach(l -> l.onExecution(view));
        }
    }

    synchronized List<ExecutionView> all() {
        return new ArrayList<>(executions.values());
    }
}
