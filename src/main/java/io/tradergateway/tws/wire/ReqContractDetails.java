package io.tradergateway.tws.wire;

/**
 * reqContractDetails (id 9, version 8). For server versions 157..200: reqId, conId, symbol, secType,
 * lastTradeDateOrContractMonth, strike, right, multiplier, exchange, primaryExchange, currency, localSymbol,
 * tradingClass, includeExpired, secIdType, secId, then issuerId from 176 (ibapi client.py reqContractDetails;
 * scmhub/ibapi client.go ReqContractDetails; rust-ibapi v2.10.0 fixture at 172 in src/client/async.rs). The
 * contract fields are read and written by {@link Contract} (request layout).
 */
public record ReqContractDetails(
        int reqId, Contract contract, boolean includeExpired, String secIdType, String secId, String issuerId)
        implements ClientRequest, RequestScoped, ContractMessage {

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
                new Contract(conId, symbol, secType, expiry, strike, right, "", exchange, "", currency, "", ""),
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
        writer.add(ID).add(VERSION).add(reqId);
        contract.writeRequest(writer);
        writer.add(includeExpired).add(secIdType).add(secId);
        if (serverVersion >= ISSUER_ID) {
            writer.add(issuerId);
        }
    }

    static ReqContractDetails read(FieldReader f, int serverVersion) {
        f.skip(); // version
        return new ReqContractDetails(
                f.readInt(),
                Contract.readRequest(f),
                f.readBool(),
                f.readString(),
                f.readString(),
                serverVersion >= ISSUER_ID && f.hasMore() ? f.readString() : "");
    }
}
