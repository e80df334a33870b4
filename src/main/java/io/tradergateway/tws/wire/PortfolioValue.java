package io.tradergateway.tws.wire;

import java.math.BigDecimal;

/**
 * portfolioValue (id 7, version 8): one holding of the account chosen with reqAccountUpdates, valued by TWS.
 * Fields: version, conId, symbol, secType, lastTradeDateOrContractMonth, strike, right, multiplier and
 * primaryExchange (version 7+), currency, localSymbol, tradingClass (version 8+), position (IB Decimal),
 * marketPrice, marketValue, averageCost, unrealizedPNL, realizedPNL, accountName (ibapi decoder.py
 * processPortfolioValueMsg; rust-ibapi v2.10.0 fixture "7\08\012345\0AAPL\0STK\020230101\0150.0\0\0\0NASDAQ\0USD\0
 * AAPL\0NMS\0100\0155.0\015500.0\0150.0\0500.0\00.0\0DU1234567\0"). Note: primaryExchange, not exchange. An unset
 * PnL arrives as Double.MAX_VALUE.
 */
public record PortfolioValue(
        int conId,
        String symbol,
        String secType,
        String lastTradeDateOrContractMonth,
        double strike,
        String right,
        String multiplier,
        String primaryExchange,
        String currency,
        String localSymbol,
        String tradingClass,
        BigDecimal position,
        double marketPrice,
        double marketValue,
        double averageCost,
        double unrealizedPnl,
        double realizedPnl,
        String account)
        implements ServerMessage {

    public static final int ID = 7;
    private static final int VERSION = 8;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID)
                .add(VERSION)
                .add(conId)
                .add(symbol)
                .add(secType)
                .add(lastTradeDateOrContractMonth)
                .add(strike)
                .add(right)
                .add(multiplier)
                .add(primaryExchange)
                .add(currency)
                .add(localSymbol)
                .add(tradingClass)
                .add(position)
                .add(marketPrice)
                .add(marketValue)
                .add(averageCost)
                .add(unrealizedPnl)
                .add(realizedPnl)
                .add(account);
    }

    static PortfolioValue read(FieldReader fields, int serverVersion) {
        int version = fields.readInt();
        int conId = fields.readInt();
        String symbol = fields.readString();
        String secType = fields.readString();
        String expiry = fields.readString();
        double strike = fields.readDouble();
        String right = fields.readString();
        String multiplier = version >= 7 ? fields.readString() : "";
        String primaryExchange = version >= 7 ? fields.readString() : "";
        String currency = fields.readString();
        String localSymbol = fields.readString();
        String tradingClass = version >= 8 ? fields.readString() : "";
        BigDecimal position = fields.readDecimal();
        return new PortfolioValue(
                conId,
                symbol,
                secType,
                expiry,
                strike,
                right,
                multiplier,
                primaryExchange,
                currency,
                localSymbol,
                tradingClass,
                position == null ? BigDecimal.ZERO : position,
                fields.readDouble(),
                fields.readDouble(),
                fields.readDouble(),
                fields.readDouble(),
                fields.readDouble(),
                fields.readString());
    }
}
