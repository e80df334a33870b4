package io.tradergateway.tws.wire;

import java.math.BigDecimal;

/**
 * position (id 61, version 3): one position of one account, sent after reqPositions and again whenever it
 * changes. Fields: version, account, conId, symbol, secType, lastTradeDateOrContractMonth, strike, right,
 * multiplier, exchange, currency, localSymbol, tradingClass (version 2+), position (IB Decimal), avgCost
 * (version 3+) (ibapi decoder.py processPositionDataMsg; rust-ibapi v2.10.0 fixture
 * "61\03\0DU1234567\076792991\0TSLA\0STK\0\00.0\0\0\0NASDAQ\0USD\0TSLA\0NMS\0500\0196.77\0" in
 * src/accounts/common/decoders.rs). avgCost includes the multiplier (cost per contract, not per unit).
 */
public record Position(
        String account,
        int conId,
        String symbol,
        String secType,
        String lastTradeDateOrContractMonth,
        double strike,
        String right,
        String multiplier,
        String exchange,
        String currency,
        String localSymbol,
        String tradingClass,
        BigDecimal position,
        double averageCost)
        implements ServerMessage {

    public static final int ID = 61;
    private static final int VERSION = 3;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID)
                .add(VERSION)
                .add(account)
                .add(conId)
                .add(symbol)
                .add(secType)
                .add(lastTradeDateOrContractMonth)
                .add(strike)
                .add(right)
                .add(multiplier)
                .add(exchange)
                .add(currency)
                .add(localSymbol)
                .add(tradingClass)
                .add(position)
                .add(averageCost);
    }

    static Position read(FieldReader fields, int serverVersion) {
        int version = fields.readInt();
        String account = fields.readString();
        int conId = fields.readInt();
        String symbol = fields.readString();
        String secType = fields.readString();
        String expiry = fields.readString();
        double strike = fields.readDouble();
        String right = fields.readString();
        String multiplier = fields.readString();
        String exchange = fields.readString();
        String currency = fields.readString();
        String localSymbol = fields.readString();
        String tradingClass = version >= 2 ? fields.readString() : "";
        BigDecimal position = fields.readDecimal();
        double averageCost = version >= 3 ? fields.readDouble() : 0;
        return new Position(
                account,
                conId,
                symbol,
                secType,
                expiry,
                strike,
                right,
                multiplier,
                exchange,
                currency,
                localSymbol,
                tradingClass,
                position == null ? BigDecimal.ZERO : position,
                averageCost);
    }
}
