package io.tradergateway.history;

import io.tradergateway.tws.ResponseHandler;
import io.tradergateway.tws.wire.HistoricalData;
import io.tradergateway.tws.wire.HistoricalDataEnd;
import io.tradergateway.tws.wire.ServerMessage;
import io.tradergateway.tws.wire.ServerVersions;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects one historical answer: from server version 196 the bars are followed by historicalDataEnd (108); below
 * it the bars message is the whole answer (ibapi decoder.py: the client itself fires historicalDataEnd then).
 */
final class BarsCollector implements ResponseHandler<List<HistoricalData.Bar>> {

    private final int serverVersion;
    private final List<HistoricalData.Bar> bars = new ArrayList<>();

    BarsCollector(int serverVersion) {
        this.serverVersion = serverVersion;
    }

    @Override
    public boolean accept(ServerMessage message) {
        if (message instanceof HistoricalData data) {
            bars.addAll(data.bars());
            return serverVersion < ServerVersions.HISTORICAL_DATA_END;
        }
        return message instanceof HistoricalDataEnd;
    }

    @Override
    public List<HistoricalData.Bar> result() {
        return bars;
    }
}
