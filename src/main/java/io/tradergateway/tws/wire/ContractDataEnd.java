package io.tradergateway.tws.wire;

/** contractDataEnd (id 52, version 1): reqId (ibapi decoder.py; rust-ibapi fixture "52\01\09000\0"). */
public record ContractDataEnd(int reqId) implements ServerMessage, RequestScoped {

    public static final int ID = 52;
    private static final int VERSION = 1;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(reqId);
    }

    static ContractDataEnd read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        return new ContractDataEnd(fields.readInt());
    }
}
