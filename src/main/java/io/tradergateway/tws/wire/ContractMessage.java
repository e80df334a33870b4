package io.tradergateway.tws.wire;

/**
 * A message that names a contract: its fields are read through the one shared {@link Contract} value, so
 * callers can keep asking a message for its symbol or conId.
 */
public interface ContractMessage {

    Contract contract();

    default int conId() {
        return contract().conId();
    }

    default String symbol() {
        return contract().symbol();
    }

    default String secType() {
        return contract().secType();
    }

    default String lastTradeDateOrContractMonth() {
        return contract().lastTradeDateOrContractMonth();
    }

    default double strike() {
        return contract().strike();
    }

    default String right() {
        return contract().right();
    }

    default String multiplier() {
        return contract().multiplier();
    }

    default String exchange() {
        return contract().exchange();
    }

    default String primaryExchange() {
        return contract().primaryExchange();
    }

    default String currency() {
        return contract().currency();
    }

    default String localSymbol() {
        return contract().localSymbol();
    }

    default String tradingClass() {
        return contract().tradingClass();
    }
}
