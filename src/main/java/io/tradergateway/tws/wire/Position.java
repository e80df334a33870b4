package io.tradergateway.tws.wire;

import java.math.BigDecimal;

/**
 * position (id 61, version 3): one position of one account, sent after reqPositions and again whenever it
 * changes. Fields: version, account, conId, symbol, secType, lastTradeDateOrContractMonth, strike, right,
 * multiplier, exchange, currency, localSymbol, tradingClass (version 2+), position (IB Decimal), avgCost
 * (version 3+) (ibapi decoder.py processPositionDataMsg; rust-ibapi v2.10.0 fixture
 * "61\03\0DU1234567\076792991\0TSLA\0STK\0\00.0\0\0\0NASDAQ\0USD\0TSLA\0NMS\0500\0196.77\0" in
 * src/accounts/common/decoders.rs). avgCost includes the multiplier (cost per contract, not per unit). The
 * contract is read and written by {@link Contract} (holding layout, exchange field).
 */
public record Position(String account, Contract contract, BigDecimal position, double averageCost)
        implements ServerMessage, ContractMessage {

    public static final int ID = 61;
    private static final int VERSION = 3;

    public Position {
        contract = contract.held(Contract.HeldExchange.EXCHANGE); // what the message carries of it
    }

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(account);
        contract.writeHeld(writer, Contract.HeldExchange.EXCHANGE);
        writer.add(position).add(averageCost);
    }

    static Position read(FieldReader fields, int serverVersion) {
        int version = fields.readInt();
        String account = fields.readString();
        Contract contract = Contract.readHeld(fields, Contract.HeldExchange.EXCHANGE, true, version >= 2);
        BigDecimal position = fields.readDecimal();
        double averageCost = version >= 3 ? fields.readDouble() : 0;
        return new Position(account, contract, position == null ? BigDecimal.ZERO : position, averageCost);
    }
}
