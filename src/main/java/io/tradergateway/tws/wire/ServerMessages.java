package io.tradergateway.tws.wire;

/** Decoders for everything TWS sends that this gateway understands (the client side of the table). */
public final class ServerMessages {

    public static final MessageCodec<ServerMessage> CODEC = MessageCodec.builder(ServerMessage.class)
            .add(ErrorMessage.ID, ErrorMessage::read)
            .add(NextValidId.ID, NextValidId::read)
            .add(ManagedAccounts.ID, ManagedAccounts::read)
            .add(CurrentTime.ID, CurrentTime::read)
            .add(ContractData.ID, ContractData::read)
            .add(BondContractData.ID, BondContractData::read)
            .add(ContractDataEnd.ID, ContractDataEnd::read)
            .add(PositionEnd.ID, PositionEnd::read)
            .add(AccountSummary.ID, AccountSummary::read)
            .add(AccountSummaryEnd.ID, AccountSummaryEnd::read)
            // accounts (issue 4)
            .add(Position.ID, Position::read)
            .add(PortfolioValue.ID, PortfolioValue::read)
            .add(AccountValue.ID, AccountValue::read)
            .add(AccountUpdateTime.ID, AccountUpdateTime::read)
            .add(AccountDownloadEnd.ID, AccountDownloadEnd::read)
            // historical bars (issue 5)
            .add(HistoricalData.ID, HistoricalData::read)
            .add(HistoricalDataEnd.ID, HistoricalDataEnd::read)
            .add(HistoricalDataUpdate.ID, HistoricalDataUpdate::read)
            // market data and PnL (issue 13)
            .add(TickPrice.ID, TickPrice::read)
            .add(TickSize.ID, TickSize::read)
            .add(TickString.ID, TickString::read)
            .add(TickGeneric.ID, TickGeneric::read)
            .add(TickSnapshotEnd.ID, TickSnapshotEnd::read)
            .add(MarketDataType.ID, MarketDataType::read)
            .add(TickReqParams.ID, TickReqParams::read)
            .add(PnL.ID, PnL::read)
            .add(PnLSingle.ID, PnLSingle::read)
            // orders (issue 12)
            .add(OrderStatus.ID, OrderStatus::read)
            .add(OpenOrder.ID, OpenOrder::read)
            .add(OpenOrderEnd.ID, OpenOrderEnd::read)
            .add(ExecDetails.ID, ExecDetails::read)
            .add(ExecDetailsEnd.ID, ExecDetailsEnd::read)
            .add(CommissionReport.ID, CommissionReport::read)
            .add(CompletedOrder.ID, CompletedOrder::read)
            .add(CompletedOrdersEnd.ID, CompletedOrdersEnd::read)
            .build();

    private ServerMessages() {}
}
