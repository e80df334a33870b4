package io.tradergateway.tws.wire;

/**
 * reqExecutions (id 7, version 3): reqId and the filter: clientId (0: all), acctCode, time ("yyyyMMdd-HH:mm:ss",
 * executions after it), symbol, secType, exchange, side; from 200 (MIN_SERVER_VER_PARAMETRIZED_DAYS_OF_EXECUTIONS)
 * lastNDays (unset: 2147483647) and the number of specific dates (0) (ibapi 10.41 client.py reqExecutions).
 * Answered by execDetails with this reqId (and their commission reports), then execDetailsEnd.
 */
public record ReqExecutions(int reqId, int clientId, String account, String time, String symbol)
        implements ClientRequest, RequestScoped {

    public static final int ID = 7;
    static final int PARAMETRIZED_DAYS = 200;

    public ReqExecutions {
        account = account == null ? "" : account;
        time = time == null ? "" : time;
        symbol = symbol == null ? "" : symbol;
    }

    @Override
    public void writeTo(MessageWriter w, int sv) {
        w.add(ID)
                .add(3)
                .add(reqId)
                .add(clientId)
                .add(account)
                .add(time)
                .add(symbol)
                .add("")
                .add("")
                .add("");
        if (sv >= PARAMETRIZED_DAYS) {
            w.add(PlaceOrder.PY_UNSET_INT).add(0);
        }
    }

    static ReqExecutions read(FieldReader f, int sv) {
        f.skip(); // version
        ReqExecutions request =
                new ReqExecutions(f.readInt(), f.readInt(), f.readString(), f.readString(), f.readString());
        OrderTail.skip(f, 3);
        if (sv >= PARAMETRIZED_DAYS) {
            f.skip();
            OrderTail.skip(f, f.readInt());
        }
        return request;
    }
}
