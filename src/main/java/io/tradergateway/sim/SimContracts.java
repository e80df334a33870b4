package io.tradergateway.sim;

import java.util.List;
import java.util.Optional;

/**
 * The simulator's instrument catalogue: a few stocks, an ETF, a forex pair, a future and an option, enough to
 * exercise every contract shape the gateway handles. conIds are IB's real ones for the stocks (public
 * knowledge, handy when comparing with a real TWS); the rest are made up.
 */
public final class SimContracts {

    public static final List<SimContract> ALL = List.of(
            new SimContract(
                    265598,
                    "AAPL",
                    "STK",
                    "",
                    0,
                    "",
                    "",
                    "SMART",
                    "NASDAQ",
                    "USD",
                    "AAPL",
                    "NMS",
                    "APPLE INC",
                    0.01,
                    "US/Eastern",
                    190.0),
            new SimContract(
                    272093,
                    "MSFT",
                    "STK",
                    "",
                    0,
                    "",
                    "",
                    "SMART",
                    "NASDAQ",
                    "USD",
                    "MSFT",
                    "NMS",
                    "MICROSOFT CORP",
                    0.01,
                    "US/Eastern",
                    410.0),
            new SimContract(
                    756733,
                    "SPY",
                    "STK",
                    "",
                    0,
                    "",
                    "",
                    "SMART",
                    "ARCA",
                    "USD",
                    "SPY",
                    "SPY",
                    "SPDR S&P 500 ETF TRUST",
                    0.01,
                    "US/Eastern",
                    560.0),
            new SimContract(
                    12087792,
                    "EUR",
                    "CASH",
                    "",
                    0,
                    "",
                    "",
                    "IDEALPRO",
                    "",
                    "USD",
                    "EUR.USD",
                    "EUR.USD",
                    "European Monetary Union Euro",
                    0.00005,
                    "US/Eastern",
                    1.08),
            new SimContract(
                    900000001,
                    "ES",
                    "FUT",
                    "20261218",
                    0,
                    "",
                    "50",
                    "CME",
                    "",
                    "USD",
                    "ESZ6",
                    "ES",
                    "E-mini S&P 500",
                    0.25,
                    "US/Central",
                    5600.0),
            new SimContract(
                    900000002,
                    "AAPL",
                    "OPT",
                    "20261218",
                    200,
                    "C",
                    "100",
                    "SMART",
                    "",
                    "USD",
                    "AAPL  261218C00200000",
                    "AAPL",
                    "APPLE INC",
                    0.01,
                    "US/Eastern",
                    12.5));

    private SimContracts() {}

    private static final String TZ = "US/Eastern";

    /** conIds of the synthetic stocks: {@code SYNTHETIC_BASE + 1 .. SYNTHETIC_BASE + SYNTHETIC_COUNT}. */
    public static final int SYNTHETIC_BASE = 700_000_000;

    /** Synthetic stocks SIM0001..SIM1000 for load tests (many contracts ticking at once); not in {@link #ALL}. */
    public static final int SYNTHETIC_COUNT = 1_000;

    public static Optional<SimContract> byConId(int conId) {
        if (conId > SYNTHETIC_BASE && conId <= SYNTHETIC_BASE + SYNTHETIC_COUNT) {
            return Optional.of(synthetic(conId - SYNTHETIC_BASE));
        }
        return ALL.stream().filter(c -> c.conId() == conId).findFirst();
    }

    /** Synthetic stock number {@code n} (1-based): symbol SIM0001.., a NASDAQ stock priced 10 + n (its long name is its symbol). */
    static SimContract synthetic(int n) {
        String s = "SIM%04d".formatted(n);
        return new SimContract(
                SYNTHETIC_BASE + n, s, "STK", "", 0, "", "", "SMART", "NASDAQ", "USD", s, "NMS", s, 0.01, TZ, 10.0 + n);
    }

    /**
     * Contracts matching a description the way TWS matches reqContractDetails: every field that is given
     * must match (exchange SMART matches any), blank fields match anything.
     */
    public static List<SimContract> matching(
            String symbol,
            String secType,
            String exchange,
            String currency,
            String expiry,
            double strike,
            String right) {
        return ALL.stream()
                .filter(c -> blank(symbol) || c.symbol().equalsIgnoreCase(symbol))
                .filter(c -> blank(secType) || c.secType().equalsIgnoreCase(secType))
                .filter(c -> blank(exchange)
                        || exchange.equalsIgnoreCase("SMART")
                        || c.exchange().equalsIgnoreCase(exchange)
                        || c.primaryExchange().equalsIgnoreCase(exchange))
                .filter(c -> blank(currency) || c.currency().equalsIgnoreCase(currency))
                .filter(c -> blank(expiry) || c.lastTradeDateOrContractMonth().startsWith(expiry))
                .filter(c -> strike == 0 || strike == Double.MAX_VALUE || c.strike() == strike)
                .filter(c -> blank(right) || c.right().equalsIgnoreCase(right.substring(0, 1)))
                .toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
