package io.tradergateway.sim;

import io.tradergateway.tws.wire.ClientRequest;
import io.tradergateway.tws.wire.PnL;
import io.tradergateway.tws.wire.PnLSingle;
import io.tradergateway.tws.wire.ReqPnL;
import io.tradergateway.tws.wire.ReqPnLSingle;
import io.tradergateway.tws.wire.ServerMessage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * PnL of the simulator's own book at a price step: unrealized = market value - position x average cost (as in
 * the portfolio rows), realized from the holding, daily = the move since the previous price step. An account or
 * position the book does not have gets zeros, as TWS sends for a flat position.
 */
final class SimPnl {

    private final SimPortfolio book;
    private final SimPrices prices;

    SimPnl(SimPortfolio book, SimPrices prices) {
        this.book = book;
        this.prices = prices;
    }

    long step(Instant at) {
        return prices.step(at);
    }

    List<ServerMessage> answer(ClientRequest request, Instant at) {
        long step = prices.step(at);
        if (request instanceof ReqPnL account) {
            double daily = 0;
            double unrealized = 0;
            double realized = 0;
            for (SimPortfolio.Holding holding : book.holdings(account.account())) {
                Values v = values(holding, step);
                daily += v.daily();
                unrealized += v.unrealized();
                realized += v.realized();
            }
            return List.of(new PnL(account.reqId(), round(daily), round(unrealized), round(realized)));
        }
        ReqPnLSingle single = (ReqPnLSingle) request;
        for (SimPortfolio.Holding holding : book.holdings(single.account())) {
            if (holding.contract().conId() == single.conId()) {
                Values v = values(holding, step);
                return List.of(new PnLSingle(
                        single.reqId(),
                        holding.position(),
                        round(v.daily()),
                        round(v.unrealized()),
                        round(v.realized()),
                        round(v.value())));
            }
        }
        return List.of(new PnLSingle(single.reqId(), BigDecimal.ZERO, 0, 0, 0, 0));
    }

    private record Values(double daily, double unrealized, double realized, double value) {}

    private Values values(SimPortfolio.Holding holding, long step) {
        BigDecimal price = prices.price(holding.contract(), step);
        BigDecimal previous = prices.price(holding.contract(), step - 1);
        BigDecimal value = holding.marketValue(price);
        BigDecimal unrealized = value.subtract(holding.position().multiply(holding.averageCost()));
        BigDecimal daily = value.subtract(holding.marketValue(previous));
        return new Values(
                daily.doubleValue(),
                unrealized.doubleValue(),
                holding.realizedPnl().doubleValue(),
                value.doubleValue());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
