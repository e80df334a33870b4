package io.tradergateway.tws.wire;

/**
 * reqMktData (id 1, version 11): a top-of-book stream (or one snapshot) for a contract. Fields for server versions
 * 157..200 (every gate below 157): version, reqId, the contract in the request layout (conId, symbol, secType,
 * lastTradeDateOrContractMonth, strike (empty when unset), right, multiplier, exchange, primaryExchange, currency,
 * localSymbol, tradingClass), [combo legs for BAG], deltaNeutral flag (0: none; 1 + conId, delta, price),
 * genericTickList, snapshot, regulatorySnapshot (REQ_SMART_COMPONENTS 114+), mktDataOptions as one empty field
 * (LINKING 70+) (ibapi 10.4x client.py reqMktData, thewebbs/ims ibapi/client.py). This gateway never sends BAG or
 * delta-neutral contracts; reading one fails loudly rather than misreading the fields after it.
 *
 * @param genericTicks comma-separated generic tick ids, e.g. "233,236" (empty for the default set)
 * @param snapshot one set of values, then tickSnapshotEnd, and TWS ends the line by itself
 */
public record ReqMktData(
        int reqId, Contract contract, String genericTicks, boolean snapshot, boolean regulatorySnapshot)
        implements ClientRequest, RequestScoped, ContractMessage {

    public static final int ID = 1;
    private static final int VERSION = 11;

    public ReqMktData {
        genericTicks = genericTicks == null ? "" : genericTicks;
    }

    /** A request by conId and exchange (the conId identifies the contract; the rest stays blank). */
    public static ReqMktData byConId(int reqId, int conId, String exchange, String genericTicks, boolean snapshot) {
        return new ReqMktData(
                reqId,
                new Contract(conId, "", "", "", MessageWriter.UNSET_DOUBLE, "", "", exchange, "", "", "", ""),
                genericTicks,
                snapshot,
                false);
    }

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(reqId);
        contract.writeRequest(writer);
        writer.add(false) // no delta-neutral contract
                .add(genericTicks)
                .add(snapshot)
                .add(regulatorySnapshot)
                .add(""); // mktDataOptions: "internal use only", always empty
    }

    static ReqMktData read(FieldReader f, int serverVersion) {
        f.skip(); // version
        int reqId = f.readInt();
        Contract contract = Contract.readRequest(f);
        if (contract.secType().equals("BAG")) {
            throw new ProtocolException("reqMktData for BAG contracts is not supported");
        }
        if (f.readBool()) {
            throw new ProtocolException("reqMktData with a delta-neutral contract is not supported");
        }
        String generic = f.readString();
        boolean snapshot = f.readBool();
        boolean regulatory = f.readBool();
        f.skip(); // mktDataOptions
        return new ReqMktData(reqId, contract, generic, snapshot, regulatory);
    }
}
