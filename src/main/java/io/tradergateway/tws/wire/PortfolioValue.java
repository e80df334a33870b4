package io.tradergateway.tws.wire;

import java.math.BigDecimal;

/**
 * portfolioValue (id 7, version 8): one holding of the account chosen with reqAccountUpdates, valued by TWS.
 * Fields: version, conId, symbol, secType, lastTradeDateOrContractMonth, strike, right, multiplier and
 * primaryExchange (version 7+), currency, localSymbol, tradingClass (version 8+), position (IB Decimal),
 * marketPrice, marketValue, averageCost, unrealizedPNL, realizedPNL, accountName (ibapi decoder.py
 * processPortfolioValueMsg; rust-ibapi v2.10.0 fixture "7\08\012345\0AAPL\0STK\020230101\0150.0\0\0\0NASDAQ\0USD\0
 * AAPL\0NMS\0100\0155.0\015500.0\0150.0\0500.0\00.0\0DU1234567\0"). Note: primaryExchange, not exchange. An unset
 * PnL arrives as Double.MAX_VALUE. The contract is read and written by {@link Contract} (holding layout, primary
 * exchange field).
 */
public record PortfolioValue(
        Contract contract,
        BigDecimal position,
        double marketPrice,
        double marketValue,
        double averageCost,
        double unrealizedPnl,
        double realizedPnl,
        String account)
        implements ServerMessage, ContractMessage {

    public static final int ID = 7;
    private static final int VERSION = 8;

    public PortfolioValue {
        contract = contract.held(Contract.HeldExchange.PRIMARY); // what the message carries of it
    }

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION);
        contract.writeHeld(writer, Contract.HeldExchange.PRIMARY);
        writer.add(position)
                .add(marketPrice)
                .add(marketValue)
                .add(averageCost)
                .add(unrealizedPnl)
                .add(realizedPnl)
                .add(account);
    }

    static PortfolioValue read(FieldReader fields, int serverVersion) {
        int version = fields.readInt();
        Contract contract = Contract.readHeld(fields, Contract.HeldExchange.PRIMARY, version >= 7, version >= 8);
        BigDecimal position = fields.readDecimal();
        return new PortfolioValue(
                contract,
                position == null ? BigDecimal.ZERO : position,
                fields.readDouble(),
                fields.readDouble(),
                fields.readDouble(),
                fields.readDouble(),
                fields.readDouble(),
                fields.readString());
    }
}
