package io.tradergateway.sim;

import io.tradergateway.tws.wire.PortfolioValue;
import io.tradergateway.tws.wire.Position;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's book: what each account holds, valued the way TWS reports it. The first account holds
 * long stocks, an ETF, a future, an option and a forex position; the second a short stock, a short forex
 * position and longs; further accounts repeat these two books.
 *
 * <p>IB conventions kept here: average cost is per contract (average price x multiplier), market value is
 * position x price x multiplier, unrealized PnL is market value - position x average cost.
 */
final class SimPortfolio {

    /** One holding; {@code averagePrice} is per unit (before the multiplier). */
    record Holding(SimContract contract, BigDecimal position, BigDecimal averagePrice, BigDecimal realizedPnl) {

        BigDecimal multiplier() {
            String text = contract.multiplier();
            return text == null || text.isBlank() ? BigDecimal.ONE : new BigDecimal(text);
        }

        BigDecimal averageCost() {
            return averagePrice.multiply(multiplier());
        }

        BigDecimal marketValue(BigDecimal price) {
            return position.multiply(price).multiply(multiplier());
        }
    }

    private final Map<String, Map<Integer, Holding>> books = new LinkedHashMap<>();

    SimPortfolio(List<String> accounts) {
        for (int i = 0; i < accounts.size(); i++) {
            Map<Integer, Holding> book = new LinkedHashMap<>();
            if (i % 2 == 0) {
                put(book, 265598, "100", "150.25", "125.50"); // AAPL
                put(book, 272093, "50", "380.10", "0"); // MSFT
                put(book, 756733, "20", "520.40", "0"); // SPY (ETF)
                put(book, 900000001, "2", "5550.25", "0"); // ES future
                put(book, 900000002, "5", "10.20", "0"); // AAPL option
                put(book, 12087792, "25000", "1.0712", "0"); // EUR.USD
            } else {
                put(book, 272093, "-30", "415.50", "-210.00"); // MSFT short
                put(book, 756733, "100", "545.10", "0"); // SPY (ETF)
                put(book, 12087792, "-10000", "1.0950", "0"); // EUR.USD short
                put(book, 265598, "40", "172.30", "0"); // AAPL
            }
            books.put(accounts.get(i), book);
        }
    }

    private static void put(Map<Integer, Holding> book, int conId, String position, String price, String realized) {
        SimContract contract = SimContracts.byConId(conId)
                .orElseThrow(() -> new IllegalStateException("no contract " + conId + " in SimContracts"));
        book.put(
                conId,
                new Holding(contract, new BigDecimal(position), new BigDecimal(price), new BigDecimal(realized)));
    }

    synchronized List<String> accounts() {
        return List.copyOf(books.keySet());
    }

    synchronized List<Holding> holdings(String account) {
        return List.copyOf(books.getOrDefault(account, Map.of()).values());
    }

    /**
     * Sets a holding (a fill, as far as the book is concerned). A zero position removes the holding; the
     * returned holding (with position 0) is what TWS reports once for a closed position.
     */
    synchronized Holding set(String account, int conId, BigDecimal position, BigDecimal averagePrice) {
        Map<Integer, Holding> book = books.get(account);
        if (book == null) {
            throw new IllegalArgumentException("unknown account " + account);
        }
        SimContract contract =
                SimContracts.byConId(conId).orElseThrow(() -> new IllegalArgumentException("unknown conId " + conId));
        Holding previous = book.get(conId);
        BigDecimal realized = previous == null ? BigDecimal.ZERO : previous.realizedPnl();
        Holding holding = new Holding(contract, position, averagePrice, realized);
        if (position.signum() == 0) {
            book.remove(conId);
        } else {
            book.put(conId, holding);
        }
        return holding;
    }

    static Position position(String account, Holding holding) {
        SimContract c = holding.contract();
        return new Position(
                account, c.toWire(), holding.position(), holding.averageCost().doubleValue());
    }

    static PortfolioValue value(String account, Holding holding, BigDecimal price) {
        SimContract c = holding.contract();
        BigDecimal marketValue = holding.marketValue(price);
        BigDecimal unrealized = marketValue.subtract(holding.position().multiply(holding.averageCost()));
        return new PortfolioValue(
                c.toWire(),
                holding.position(),
                price.doubleValue(),
                marketValue.doubleValue(),
                holding.averageCost().doubleValue(),
                unrealized.doubleValue(),
                holding.realizedPnl().doubleValue(),
                account);
    }

    /** Every holding of {@code account} valued at {@code prices}' {@code step}. */
    List<PortfolioValue> values(String account, SimPrices prices, long step) {
        List<PortfolioValue> rows = new ArrayList<>();
        for (Holding holding : holdings(account)) {
            rows.add(value(account, holding, prices.price(holding.contract(), step)));
        }
        return rows;
    }

    /** The book of one account as reqPositions reports it. */
    List<io.tradergateway.tws.wire.Position> positions(String account) {
        return holdings(account).stream().map(h -> position(account, h)).toList();
    }
}
