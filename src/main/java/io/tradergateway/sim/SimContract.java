package io.tradergateway.sim;

import io.tradergateway.tws.wire.Contract;

/**
 * One instrument the simulator knows. Values follow IB's conventions (secType STK/OPT/FUT/CASH, expiry as
 * yyyyMMdd, right C/P, multiplier as text); {@code basePrice} seeds the simulator's deterministic prices.
 */
public record SimContract(
        int conId,
        String symbol,
        String secType,
        String lastTradeDateOrContractMonth,
        double strike,
        String right,
        String multiplier,
        String exchange,
        String primaryExchange,
        String currency,
        String localSymbol,
        String tradingClass,
        String longName,
        double minTick,
        String timeZoneId,
        double basePrice) {

    /** The contract as it travels on the wire. */
    Contract toWire() {
        return new Contract(
                conId,
                symbol,
                secType,
                lastTradeDateOrContractMonth,
                strike,
                right,
                multiplier,
                exchange,
                primaryExchange,
                currency,
                localSymbol,
                tradingClass);
    }
}
