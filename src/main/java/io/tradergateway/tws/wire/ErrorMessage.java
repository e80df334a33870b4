package io.tradergateway.tws.wire;

/**
 * error (id 4). Fields: version (2; dropped from {@link ServerVersions#ERROR_TIME}), reqId (-1 when the
 * notice is about the connection, not a request), errorCode, errorString, then advancedOrderRejectJson from
 * {@link ServerVersions#ADVANCED_ORDER_REJECT} and errorTime (epoch millis) from
 * {@link ServerVersions#ERROR_TIME} (ibapi decoder.py processErrorMsg). TWS escapes non-ASCII text in the
 * message and the JSON as {@code \}{@code uXXXX}; both are unescaped here ({@link UnicodeEscapes}).
 */
public record ErrorMessage(int reqId, int code, String message, String advancedOrderRejectJson, long errorTimeMillis)
        implements ServerMessage, RequestScoped {

    public static final int ID = 4;
    private static final int VERSION = 2;
    public static final int NO_REQUEST = -1;

    public ErrorMessage {
        message = message == null ? "" : message;
        advancedOrderRejectJson = advancedOrderRejectJson == null ? "" : advancedOrderRejectJson;
    }

    public static ErrorMessage of(int reqId, int code, String message) {
        return new ErrorMessage(reqId, code, message, "", 0);
    }

    public boolean isConnectionNotice() {
        return reqId == NO_REQUEST;
    }

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID);
        if (serverVersion < ServerVersions.ERROR_TIME) {
            writer.add(VERSION);
        }
        writer.add(reqId).add(code).add(UnicodeEscapes.encode(message));
        if (serverVersion >= ServerVersions.ADVANCED_ORDER_REJECT) {
            writer.add(UnicodeEscapes.encode(advancedOrderRejectJson));
        }
        if (serverVersion >= ServerVersions.ERROR_TIME) {
            writer.add(errorTimeMillis);
        }
    }

    static ErrorMessage read(FieldReader fields, int serverVersion) {
        if (serverVersion < ServerVersions.ERROR_TIME) {
            fields.skip(); // version
        }
        int reqId = fields.readInt();
        int code = fields.readInt();
        String message = UnicodeEscapes.decode(fields.readString());
        String reject = serverVersion >= ServerVersions.ADVANCED_ORDER_REJECT && fields.hasMore()
                ? UnicodeEscapes.decode(fields.readString())
                : "";
        long time = serverVersion >= ServerVersions.ERROR_TIME && fields.hasMore() ? fields.readLong() : 0;
        return new ErrorMessage(reqId, code, message, reject, time);
    }
}
