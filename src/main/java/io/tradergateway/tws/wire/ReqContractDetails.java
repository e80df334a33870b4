package io.tradergateway.tws.wire;

/**
 * reqContractDetails (id 9, version 8). For server versions 157..200: reqId, conId, symbol, secType,
 * lastTradeDateOrContractMonth, strike, right, multiplier, exchange, primaryExchange, currency, localSymbol,
 * tradingClass, includeExpired, secIdType, secId, then issuerId from 176 (ibapi client.py reqContractDetails;
 * scmhub/ibapi client.go ReqContractDetails; rust-ibapi v2.10.0 fixture at 172 in src/client/async.rs).
 */
public record ReqContractDetails(
        int reqId,
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
        String tradingClass,
        boolean includeExpired,
        String secIdType,
        String secId,
        String issuerId)
        implements ClientRequest, RequestScoped {

    public static final int ID = 9;
    private static final int VERSION = 8;
    /** MIN_SERVER_VER_BOND_ISSUERID */
    static final int ISSUER_ID = 176;

    /** A lookup by description (conId 0) or by conId (description blank). */
    public static ReqContractDetails of(
            int reqId,
            int conId,
            String symbol,
            String secType,
            String expiry,
            double strike,
            String right,
            String exchange,
            String currency) {
        return new ReqContractDetails(
                reqId,
                conId,
                nz(symbol),
                nz(secType),
                nz(expiry),
                strike,
                nz(right),
                "",
                nz(exchange),
                "",
                nz(currency),
                "",
                "",
                false,
                "",
                "",
                "");
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID)
                .add(VERSION)
                .add(reqId)
                .add(conId)
                .add(symbol)
                .add(secType)
                .add(lastTradeDateOrContractMonth)
                .addMax(strike) // unset (UNSET_DOUBLE): an empty field, as IB 10.41 sends it
                .add(right)
                .add(multiplier)
                .add(exchange)
                .add(primaryExchange)
                .add(currency)
                .add(localSymbol)
                .add(tradingClass)
                .add(includeExpired)
                .add(secIdType)
                .add(secId);
        if (serverVersion >= ISSUER_ID) {
            writer.add(issuerId);
        }
    }

    static ReqContractDetails read(FieldReader f, int serverVersion) {
        f.skip(); // version
        return new ReqContractDetails(
                f.readInt(),
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
                f.readString(),
                f.readBool(),
                f.readString(),
                f.readString(),
                serverVersion >= ISSUER_ID && f.hasMore() ? f.readString() : "");
    }
}
