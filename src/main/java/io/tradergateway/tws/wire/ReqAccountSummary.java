package io.tradergateway.tws.wire;

/**
 * reqAccountSummary (id 62, version 1): reqId, group ("All" or an advisor group), tags (comma-separated, e.g.
 * "NetLiquidation,TotalCashValue"). Answered by accountSummary rows then accountSummaryEnd, then updates until
 * cancelled (ibapi client.py reqAccountSummary; rust-ibapi fixture "62\01\09000\0All\0NetLiquidation,...").
 */
public record ReqAccountSummary(int reqId, String group, String tags) implements ClientRequest, RequestScoped {

    public static final int ID = 62;
    private static final int VERSION = 1;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(reqId).add(group).add(tags);
    }

    static ReqAccountSummary read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        return new ReqAccountSummary(fields.readInt(), fields.readString(), fields.readString());
    }
}
