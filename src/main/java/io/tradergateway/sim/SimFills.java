package io.tradergateway.sim;

import io.tradergateway.tws.wire.CommissionReport;
import io.tradergateway.tws.wire.CompletedOrder;
import io.tradergateway.tws.wire.ExecDetails;
import io.tradergateway.tws.wire.ExecDetailsEnd;
import io.tradergateway.tws.wire.Execution;
import io.tradergateway.tws.wire.MessageWriter;
import io.tradergateway.tws.wire.Order;
import io.tradergateway.tws.wire.OrderState;
import io.tradergateway.tws.wire.ReqExecutions;
import io.tradergateway.tws.wire.ServerMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Fills at the simulator's desk: each fill is an execution (execDetails) with its commission report, kept for
 * reqExecutions, and moves the account's position (so positions and portfolio stay consistent with the fills).
 * Commission: USD 0.005 per share, at least 1.00 (IB's fixed pricing, rounded). A correction replaces an
 * execution with the same execId stem and the next suffix, as TWS reports a busted or corrected trade.
 */
final class SimFills {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");
    private static final DateTimeFormatter FILTER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss");

    /** Where a fill moves the position (the simulator's setPosition, which also streams the change). */
    interface PositionSink {
        void set(String account, int conId, BigDecimal quantity, BigDecimal averagePrice);
    }

    /** Where a fill moves cash (the account values): paid or received, gross position value change, commission. */
    interface CashSink {
        void moved(String account, BigDecimal cash, BigDecimal gross, BigDecimal commission);
    }

    record Fill(ExecDetails details, CommissionReport commission, java.time.Instant at) {}

    private final Clock clock;
    private final SimPortfolio portfolio;
    private final PositionSink positions;
    private final CashSink cash;
    private final List<Fill> fills = new ArrayList<>(); // guarded by the desk's lock
    private int nextExec = 1;

    SimFills(Clock clock, SimPortfolio portfolio, PositionSink positions, CashSink cash) {
        this.cash = cash;
        this.clock = clock;
        this.portfolio = portfolio;
        this.positions = positions;
    }

    String stamp() {
        return TIME.format(clock.instant().atZone(ZoneOffset.UTC)) + " UTC";
    }

    void fill(SimOrder o, BigDecimal quantity, double price, BiConsumer<SimOrder, ServerMessage[]> send) {
        o.fill(quantity, price);
        if (o.done()) {
            o.completedTime = stamp();
        }
        String execId = String.format("%08x.%08x.01.01", o.permId, nextExec++);
        Execution e = new Execution(
                execId,
                stamp(),
                o.order.account(),
                o.contract.primaryExchange(),
                o.buy() ? "BOT" : "SLD",
                quantity,
                price,
                o.permId,
                o.clientId,
                o.filled,
                o.avgFillPrice,
                o.order.orderRef(),
                1);
        ExecDetails details = new ExecDetails(-1, o.orderId, o.contract.toWire(), e);
        double commission = round(Math.max(1.0, quantity.doubleValue() * 0.005));
        double realized = move(o, quantity, price, commission);
        CommissionReport report =
                new CommissionReport(execId, commission, "USD", realized, MessageWriter.UNSET_DOUBLE, 0);
        fills.add(new Fill(details, report, clock.instant()));
        send.accept(o, new ServerMessage[] {details, o.openOrder(), o.orderStatus(), report});
    }

    /**
     * Moves the position and the cash (the trade's value and the commission; the gross position value by the change
     * of the absolute position at the fill price); returns the realized PnL of the part that closed (unset when it
     * only opened).
     */
    private double move(SimOrder o, BigDecimal quantity, double price, double commission) {
        BigDecimal signed = o.buy() ? quantity : quantity.negate();
        SimPortfolio.Holding held = portfolio.holdings(o.order.account()).stream()
                .filter(h -> h.contract().conId() == o.contract.conId())
                .findFirst()
                .orElse(null);
        BigDecimal before = held == null ? BigDecimal.ZERO : held.position();
        BigDecimal after = before.add(signed);
        BigDecimal px = BigDecimal.valueOf(price);
        double realized = MessageWriter.UNSET_DOUBLE;
        BigDecimal average = held == null ? BigDecimal.ZERO : held.averagePrice();
        BigDecimal multiplier =
                o.contract.multiplier().isBlank() ? BigDecimal.ONE : new BigDecimal(o.contract.multiplier());
        if (before.signum() != 0 && before.signum() != signed.signum()) {
            BigDecimal closed = before.abs().min(quantity);
            realized = px.subtract(average)
                    .multiply(closed)
                    .multiply(multiplier)
                    .multiply(BigDecimal.valueOf(before.signum()))
                    .doubleValue();
            if (after.signum() != before.signum()) {
                average = px; // flipped: the rest opened at this price
            }
        } else if (after.signum() != 0) {
            average = average.multiply(before.abs())
                    .add(px.multiply(quantity))
                    .divide(after.abs(), 6, RoundingMode.HALF_UP);
        }
        positions.set(o.order.account(), o.contract.conId(), after, after.signum() == 0 ? BigDecimal.ZERO : average);
        cash.moved(
                o.order.account(),
                signed.multiply(px).multiply(multiplier).negate(),
                after.abs().subtract(before.abs()).multiply(px).multiply(multiplier),
                BigDecimal.valueOf(commission));
        return realized;
    }

    CompletedOrder completed(SimOrder o) {
        return new CompletedOrder(
                o.contract.toWire(),
                o.order,
                o.permId,
                o.status,
                o.filled,
                0,
                o.completedTime,
                o.status.equals("Cancelled") ? "Cancelled by Trader" : o.status);
    }

    /** What-if: commission and margin changes of the order at the current price (25% initial, 20% maintenance). */
    OrderState whatIf(Order order, SimContract contract) {
        BigDecimal multiplier =
                contract.multiplier().isBlank() ? BigDecimal.ONE : new BigDecimal(contract.multiplier());
        double notional = order.totalQuantity().multiply(multiplier).doubleValue() * contract.basePrice();
        double commission = round(Math.max(1.0, order.totalQuantity().doubleValue() * 0.005));
        String init = money(notional * 0.25);
        String maint = money(notional * 0.20);
        String equity = money(1_000_000 - commission);
        return new OrderState(
                "PreSubmitted",
                "0.00",
                "0.00",
                "1000000.00",
                init,
                maint,
                money(-commission),
                init,
                maint,
                equity,
                commission,
                commission,
                commission,
                "USD",
                "",
                "");
    }

    /** Answers reqExecutions: the fills matching the filter, each with its commission report, then the end. */
    void replay(SimSession session, ReqExecutions filter) throws IOException {
        for (Fill fill : fills) {
            Execution e = fill.details().execution();
            boolean after = filter.time().isBlank()
                    || FILTER_TIME.format(fill.at().atZone(ZoneOffset.UTC)).compareTo(filter.time()) >= 0;
            if ((filter.clientId() == 0 || filter.clientId() == e.clientId())
                    && (filter.account().isBlank() || filter.account().equals(e.account()))
                    && (filter.symbol().isBlank()
                            || filter.symbol().equalsIgnoreCase(fill.details().symbol()))
                    && after) {
                ExecDetails d = fill.details();
                session.send(new ExecDetails(filter.reqId(), d.orderId(), d.contract(), e));
                session.send(fill.commission());
            }
        }
        session.send(new ExecDetailsEnd(filter.reqId()));
    }

    /** Corrects the last fill's price: same execId stem, next suffix; returns the new execution, or null. */
    Fill correctLast(double price) {
        if (fills.isEmpty()) {
            return null;
        }
        Fill last = fills.remove(fills.size() - 1);
        Execution e = last.details().execution();
        String suffix = e.execId().substring(e.execId().lastIndexOf('.') + 1);
        String execId = e.stem() + "." + String.format("%02d", Integer.parseInt(suffix) + 1);
        Execution corrected = new Execution(
                execId,
                e.time(),
                e.account(),
                e.exchange(),
                e.side(),
                e.shares(),
                price,
                e.permId(),
                e.clientId(),
                e.cumQty(),
                price,
                e.orderRef(),
                e.lastLiquidity());
        ExecDetails details =
                new ExecDetails(-1, last.details().orderId(), last.details().contract(), corrected);
        CommissionReport c = last.commission();
        Fill fill = new Fill(
                details,
                new CommissionReport(execId, c.commission(), c.currency(), c.realizedPnl(), c.yield(), 0),
                last.at());
        fills.add(fill);
        return fill;
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private static String money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
