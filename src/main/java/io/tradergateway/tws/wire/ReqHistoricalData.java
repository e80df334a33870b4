package io.tradergateway.tws.wire;

/**
 * reqHistoricalData (id 20). The version field (6) is sent only below MIN_SERVER_VER_SYNT_REALTIME_BARS (124), so
 * never in 157..200. Fields: reqId, the contract (conId, symbol, secType, lastTradeDateOrContractMonth, strike,
 * right, multiplier, exchange, primaryExchange, currency, localSymbol, tradingClass), includeExpired, endDateTime,
 * barSizeSetting, durationStr, useRTH, whatToShow, formatDate, [combo legs if secType is BAG], keepUpToDate (124+)
 * and chartOptions as one field (70+). Note bar size comes before duration (ibapi client.py reqHistoricalData;
 * scmhub/ibapi client.go ReqHistoricalData).
 *
 * <p>This gateway never sends BAG contracts; reading one skips its legs (count, then conId, ratio, action,
 * exchange per leg).
 *
 * The contract fields are read and written by {@link Contract} (request layout).
 *
 * @param endDateTime "yyyyMMdd HH:mm:ss UTC", or empty for "now"
 * @param formatDate 1 = "yyyyMMdd  HH:mm:ss" bar times, 2 = epoch seconds
 */
public record ReqHistoricalData(
        int reqId,
        Contract contract,
        boolean includeExpired,
        String endDateTime,
        String barSize,
        String duration,
        boolean useRth,
        String whatToShow,
        int formatDate,
        boolean keepUpToDate,
        String chartOptions)
        implements ClientRequest, RequestScoped, ContractMessage {

    public static final int ID = 20;

    /** A request by conId and exchange (the rest of the contract left blank: the conId identifies it). */
    public static ReqHistoricalData byConId(
            int reqId,
            int conId,
            String exchange,
            String endDateTime,
            String barSize,
            String duration,
            boolean useRth,
            String whatToShow) {
        return new ReqHistoricalData(
                reqId,
                new Contract(conId, "", "", "", MessageWriter.UNSET_DOUBLE, "", "", exchange, "", "", "", ""),
                false,
                endDateTime,
                barSize,
                duration,
                useRth,
                whatToShow,
                2,
                false,
                "");
    }

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(reqId);
        contract.writeRequest(writer);
        writer.add(includeExpired)
                .add(endDateTime)
                .add(barSize)
                .add(duration)
                .add(useRth)
                .add(whatToShow)
                .add(formatDate)
                .add(keepUpToDate)
                .add(chartOptions);
    }

    static ReqHistoricalData read(FieldReader f, int serverVersion) {
        int reqId = f.readInt();
        Contract contract = Contract.readRequest(f);
        boolean includeExpired = f.readBool();
        String end = f.readString();
        String barSize = f.readString();
        String duration = f.readString();
        boolean useRth = f.readBool();
        String whatToShow = f.readString();
        int formatDate = f.readInt();
        if (contract.secType().equals("BAG")) {
            int legs = f.readInt();
            for (int i = 0; i < legs * 4; i++) {
                f.skip();
            }
        }
        return new ReqHistoricalData(
                reqId,
                contract,
                includeExpired,
                end,
                barSize,
                duration,
                useRth,
                whatToShow,
                formatDate,
                f.readBool(),
                f.readString());
    }
}
