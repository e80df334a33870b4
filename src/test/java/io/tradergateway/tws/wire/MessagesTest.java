package io.tradergateway.tws.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Byte-exact expectations written from the protocol facts. Field orders: IB's Python client (ibapi
 * client.py / decoder.py, API 10.37) and scmhub/ibapi (Go) client.go / decoder.go; startApi also matches the
 * fixture "71\02\0100\0\0" of wboayue/rust-ibapi v2.10.0 src/client/common.rs.
 */
class MessagesTest {

    /** Payload bytes of a message, with NULs shown as '|'. */
    private static String fields(WireMessage message, int serverVersion) {
        byte[] frame = message.toFrame(serverVersion);
        int length =
                ((frame[0] & 0xFF) << 24) | ((frame[1] & 0xFF) << 16) | ((frame[2] & 0xFF) << 8) | (frame[3] & 0xFF);
        assertThat(length).as("length prefix").isEqualTo(frame.length - 4);
        return new String(frame, 4, frame.length - 4, StandardCharsets.UTF_8).replace('\0', '|');
    }

    private static byte[] payload(String pipes) {
        return pipes.replace('|', '\0').getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void clientHelloIsApiNulThenUnterminatedVersionRange() {
        byte[] bytes = new ClientHello(157, 200, "").toBytes();
        byte[] expected = {'A', 'P', 'I', 0, 0, 0, 0, 9, 'v', '1', '5', '7', '.', '.', '2', '0', '0'};
        assertThat(bytes).containsExactly(expected);
    }

    @Test
    void clientHelloCarriesConnectOptionsAfterOneSpaceAndParsesBack() {
        byte[] bytes = new ClientHello(100, 176, "+PACEAPI").toBytes();
        String text = new String(bytes, 8, bytes.length - 8, StandardCharsets.US_ASCII);
        assertThat(text).isEqualTo("v100..176 +PACEAPI");
        assertThat(ClientHello.parse(Arrays.copyOfRange(bytes, 8, bytes.length)))
                .isEqualTo(new ClientHello(100, 176, "+PACEAPI"));
    }

    @Test
    void clientHelloRejectsAnythingButAVersionRange() {
        assertThatThrownBy(() -> ClientHello.parse("GET / HTTP/1.1".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> ClientHello.parse("v200..100".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void serverHelloIsVersionAndConnectionTimeWithoutMessageId() {
        ServerHello hello = new ServerHello(176, "20261126 07:00:00 UTC");
        assertThat(fields(hello, 0)).isEqualTo("176|20261126 07:00:00 UTC|");
        assertThat(ServerHello.read(hello.payload(0))).isEqualTo(hello);
    }

    @Test
    void startApiSendsOptionalCapabilitiesFromVersion72() {
        assertThat(fields(new StartApi(100, ""), 176)).isEqualTo("71|2|100||");
        assertThat(fields(new StartApi(17, "cap"), 71)).isEqualTo("71|2|17|");
    }

    @Test
    void simpleRequestsMatchIbFieldOrder() {
        assertThat(fields(new ReqIds(1), 176)).isEqualTo("8|1|1|");
        assertThat(fields(new ReqCurrentTime(), 176)).isEqualTo("49|1|");
        assertThat(fields(new ReqManagedAccounts(), 176)).isEqualTo("17|1|");
    }

    @Test
    void simpleServerMessagesMatchIbFieldOrder() {
        assertThat(fields(new NextValidId(1), 176)).isEqualTo("9|1|1|");
        assertThat(fields(new ManagedAccounts(List.of("DU1111111", "DU2222222")), 176))
                .isEqualTo("15|1|DU1111111,DU2222222|");
        assertThat(fields(new CurrentTime(1_764_140_400L), 176)).isEqualTo("49|1|1764140400|");
    }

    @Test
    void errorMessageShapeFollowsTheNegotiatedVersion() {
        ErrorMessage error =
                new ErrorMessage(-1, 2104, "Market data farm connection is OK:usfarm", "", 1_764_140_400_123L);
        // before ADVANCED_ORDER_REJECT (166): version, reqId, code, text
        assertThat(fields(error, 165)).isEqualTo("4|2|-1|2104|Market data farm connection is OK:usfarm|");
        // 166..193: plus advancedOrderRejectJson
        assertThat(fields(error, 176)).isEqualTo("4|2|-1|2104|Market data farm connection is OK:usfarm||");
        // from ERROR_TIME (194): no version field, plus error time in epoch millis
        assertThat(fields(error, 194)).isEqualTo("4|-1|2104|Market data farm connection is OK:usfarm||1764140400123|");
    }

    @Test
    void managedAccountsToleratesTwsTrailingComma() {
        ServerMessage decoded = ServerMessages.CODEC.decode(payload("15|1|DU1111111,DU2222222,|"), 176);
        assertThat(decoded).isEqualTo(new ManagedAccounts(List.of("DU1111111", "DU2222222")));
    }

    @Test
    void everyServerMessageRoundTripsAtEveryGateBoundary() {
        List<ServerMessage> messages = List.of(
                new NextValidId(42),
                new ManagedAccounts(List.of("DU1111111")),
                new CurrentTime(1_764_140_400L),
                new ErrorMessage(7, 200, "No security definition has been found for the request", "{\"x\":1}", 99L));
        for (int version : new int[] {157, 165, 166, 176, 193, 194, 200}) {
            for (ServerMessage message : messages) {
                ServerMessage back = ServerMessages.CODEC.decode(message.payload(version), version);
                assertThat(back).as("%s at %d", message, version).isEqualTo(expectedAt(message, version));
            }
        }
    }

    /** Fields a version does not carry come back empty. */
    private static ServerMessage expectedAt(ServerMessage message, int version) {
        if (message instanceof ErrorMessage e) {
            return new ErrorMessage(
                    e.reqId(),
                    e.code(),
                    e.message(),
                    version >= ServerVersions.ADVANCED_ORDER_REJECT ? e.advancedOrderRejectJson() : "",
                    version >= ServerVersions.ERROR_TIME ? e.errorTimeMillis() : 0);
        }
        return message;
    }

    @Test
    void everyClientRequestRoundTrips() {
        List<ClientRequest> requests =
                List.of(new StartApi(17, ""), new ReqIds(3), new ReqCurrentTime(), new ReqManagedAccounts());
        for (ClientRequest request : requests) {
            assertThat(ClientRequests.CODEC.decode(request.payload(176), 176)).isEqualTo(request);
        }
    }

    @Test
    void unsetNumericFieldsSentAsEmptyStringsAreAccepted() {
        // Real clients send an unset int as an empty field; TWS reads it as 0.
        assertThat(ClientRequests.CODEC.decode(payload("8|1||"), 176)).isEqualTo(new ReqIds(0));
    }

    @Test
    void unknownMessageIdsAreKeptRawNotFatal() {
        ServerMessage decoded = ServerMessages.CODEC.decode(payload("999|1|a|b|"), 176);
        assertThat(decoded).isEqualTo(new UnknownMessage(999, List.of("1", "a", "b")));
    }

    @Test
    void truncatedMessageIsAProtocolErrorNamingTheMessage() {
        assertThatThrownBy(() -> ServerMessages.CODEC.decode(payload("4|2|-1|"), 176))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("message 4");
    }

    @Test
    void fieldsCannotSmuggleANul() {
        assertThatThrownBy(() -> new MessageWriter().add("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }
}
