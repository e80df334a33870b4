package io.tradergateway.tws.wire;

/** Decoders for the requests an API client sends (the server side of the table, used by the simulator). */
public final class ClientRequests {

    public static final MessageCodec<ClientRequest> CODEC = MessageCodec.builder(ClientRequest.class)
            .add(StartApi.ID, StartApi::read)
            .add(ReqIds.ID, ReqIds::read)
            .add(ReqManagedAccounts.ID, ReqManagedAccounts::read)
            .add(ReqCurrentTime.ID, ReqCurrentTime::read)
            .add(ReqContractDetails.ID, ReqContractDetails::read)
            .add(ReqPositions.ID, ReqPositions::read)
            .add(CancelPositions.ID, CancelPositions::read)
            .add(ReqAccountSummary.ID, ReqAccountSummary::read)
            .add(CancelAccountSummary.ID, CancelAccountSummary::read)
            .add(CancelHistoricalData.ID, CancelHistoricalData::read)
            // accounts (issue 4)
            .add(ReqAccountUpdates.ID, ReqAccountUpdates::read)
            .add(ReqHistoricalData.ID, ReqHistoricalData::read) // issue 5
            // market data and PnL (issue 13)
            .add(ReqMktData.ID, ReqMktData::read)
            .add(CancelMktData.ID, CancelMktData::read)
            .add(ReqMarketDataType.ID, ReqMarketDataType::read)
            .add(ReqPnL.ID, ReqPnL::read)
            .add(CancelPnL.ID, CancelPnL::read)
            .add(ReqPnLSingle.ID, ReqPnLSingle::read)
            .add(CancelPnLSingle.ID, CancelPnLSingle::read)
            // orders (issue 12)
            .add(PlaceOrder.ID, PlaceOrder::read)
            .add(CancelOrder.ID, CancelOrder::read)
            .add(ReqOpenOrders.ID, ReqOpenOrders::readOwn)
            .add(ReqOpenOrders.ALL_ID, ReqOpenOrders::readAll)
            .add(ReqExecutions.ID, ReqExecutions::read)
            .add(ReqGlobalCancel.ID, ReqGlobalCancel::read)
            .add(ReqCompletedOrders.ID, ReqCompletedOrders::read)
            .build();

    private ClientRequests() {}
}
