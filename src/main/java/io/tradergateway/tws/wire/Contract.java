package io.tradergateway.tws.wire;

/**
 * The contract fields that travel together in every message that names a contract, with the one reader and
 * writer of each layout TWS uses (ibapi 10.41 client.py / decoder.py; the same for server versions 157..200):
 *
 * <ul>
 *   <li>{@link #writeRequest} / {@link #readRequest}: what a client sends (reqHistoricalData, reqContractDetails,
 *       and later reqMktData and placeOrder): conId, symbol, secType, lastTradeDateOrContractMonth, strike (empty
 *       when unset), right, multiplier, exchange, primaryExchange, currency, localSymbol, tradingClass;
 *   <li>{@link #writeHeld} / {@link #readHeld}: what TWS sends about a holding (position, portfolioValue):
 *       conId, symbol, secType, lastTradeDateOrContractMonth, strike, right, multiplier, one exchange field
 *       (position: exchange; portfolioValue: primaryExchange), currency, localSymbol, tradingClass; older
 *       message versions leave out multiplier + exchange (portfolioValue below 7) or tradingClass.
 * </ul>
 *
 * contractData and bondContractData interleave the contract with their own fields in IB's order; they expose the
 * value through {@link ContractDetails#contract()}.
 *
 * @param strike {@link MessageWriter#UNSET_DOUBLE} when not given (a request leaves it empty)
 */
public record Contract(
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
        String tradingClass) {

    /** Which exchange a holding message carries in its one exchange field. */
    public enum HeldExchange {
        /** position: the exchange. */
        EXCHANGE,
        /** portfolioValue: the primary exchange. */
        PRIMARY
    }

    public Contract {
        symbol = nz(symbol);
        secType = nz(secType);
        lastTradeDateOrContractMonth = nz(lastTradeDateOrContractMonth);
        right = nz(right);
        multiplier = nz(multiplier);
        exchange = nz(exchange);
        primaryExchange = nz(primaryExchange);
        currency = nz(currency);
        localSymbol = nz(localSymbol);
        tradingClass = nz(tradingClass);
    }

    /** The part a holding message carries: its one exchange field kept, the other blank. */
    Contract held(HeldExchange which) {
        return which == HeldExchange.EXCHANGE
                ? new Contract(
                        conId,
                        symbol,
                        secType,
                        lastTradeDateOrContractMonth,
                        strike,
                        right,
                        multiplier,
                        exchange,
                        "",
                        currency,
                        localSymbol,
                        tradingClass)
                : new Contract(
                        conId,
                        symbol,
                        secType,
                        lastTradeDateOrContractMonth,
                        strike,
                        right,
                        multiplier,
                        "",
                        primaryExchange,
                        currency,
                        localSymbol,
                        tradingClass);
    }

    void writeRequest(MessageWriter w) {
        w.add(conId)
                .add(symbol)
                .add(secType)
                .add(lastTradeDateOrContractMonth)
                .addMax(strike) // unset: an empty field, as IB 10.41 sends it
                .add(right)
                .add(multiplier)
                .add(exchange)
                .add(primaryExchange)
                .add(currency)
                .add(localSymbol)
                .add(tradingClass);
    }

    static Contract readRequest(FieldReader f) {
        return new Contract(
                f.readInt(),
                f.readString(),
                f.readString(),
                f.readString(),
                f.readDoubleMax(),
                f.readString(),
                f.readString(),
                f.readString(),
                f.readString(),
                f.readString(),
                f.readString(),
                f.readString());
    }

    /** The holding layout at the newest message version (all fields present). */
    void writeHeld(MessageWriter w, HeldExchange which) {
        w.add(conId)
                .add(symbol)
                .add(secType)
                .add(lastTradeDateOrContractMonth)
                .add(strike)
                .add(right)
                .add(multiplier)
                .add(which == HeldExchange.EXCHANGE ? exchange : primaryExchange)
                .add(currency)
                .add(localSymbol)
                .add(tradingClass);
    }

    /**
     * @param multiplierAndExchange whether this message version carries multiplier and the exchange field
     * @param tradingClass whether it carries tradingClass
     */
    static Contract readHeld(FieldReader f, HeldExchange which, boolean multiplierAndExchange, boolean tradingClass) {
        int conId = f.readInt();
        String symbol = f.readString();
        String secType = f.readString();
        String expiry = f.readString();
        double strike = f.readDouble();
        String right = f.readString();
        String multiplier = "";
        String exchange = "";
        if (multiplierAndExchange) {
            multiplier = f.readString();
            exchange = f.readString();
        }
        String currency = f.readString();
        String localSymbol = f.readString();
        String trading = tradingClass ? f.readString() : "";
        return which == HeldExchange.EXCHANGE
                ? new Contract(
                        conId,
                        symbol,
                        secType,
                        expiry,
                        strike,
                        right,
                        multiplier,
                        exchange,
                        "",
                        currency,
                        localSymbol,
                        trading)
                : new Contract(
                        conId,
                        symbol,
                        secType,
                        expiry,
                        strike,
                        right,
                        multiplier,
                        "",
                        exchange,
                        currency,
                        localSymbol,
                        trading);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
