package io.tradergateway.tws.wire;

/** cancelMktData (id 2, version 2): version, reqId (ibapi 10.4x client.py cancelMktData; thewebbs/ims). */
public record CancelMktData(int reqId) implements ClientRequest, RequestScoped {

    public static final int ID = 2;
    private static final int VERSION = 2;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(reqId);
    }

    static CancelMktData read(FieldReader f, int serverVersion) {
        f.skip(); // version
        return new CancelMktData(f.readInt());
    }
}
