package io.tradergateway.tws.wire;

/**
 * reqMarketDataType (id 59, version 1): version, marketDataType (1 live, 2 frozen, 3 delayed, 4 delayed-frozen).
 * It sets the type for every later reqMktData of this client; TWS still sends live data where the client is
 * entitled to it and says which type each line gets with marketDataType (58) (ibapi 10.4x client.py
 * reqMarketDataType; rust-ibapi v1.2.0 src/market_data.rs "59|1|3|").
 */
public record ReqMarketDataType(int marketDataType) implements ClientRequest {

    public static final int ID = 59;
    private static final int VERSION = 1;

    public ReqMarketDataType {
        if (marketDataType < 1 || marketDataType > 4) {
            throw new IllegalArgumentException("market data type must be 1..4, got " + marketDataType);
        }
    }

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(marketDataType);
    }

    static ReqMarketDataType read(FieldReader f, int serverVersion) {
        f.skip(); // version
        return new ReqMarketDataType(f.readInt());
    }
}
