package io.tradergateway.support;

import io.tradergateway.tws.wire.ClientHello;
import io.tradergateway.tws.wire.ClientRequest;
import io.tradergateway.tws.wire.FrameInput;
import io.tradergateway.tws.wire.ServerHello;
import io.tradergateway.tws.wire.ServerMessage;
import io.tradergateway.tws.wire.ServerMessages;
import io.tradergateway.tws.wire.StartApi;
import java.io.IOException;
import java.net.Socket;

/**
 * A bare protocol client for tests that need to see exactly what a server sends: no state machine, no
 * threads, one blocking read at a time.
 */
public final class RawTwsClient implements AutoCloseable {

    private final Socket socket;
    private final FrameInput frames;
    private ServerHello hello;

    public RawTwsClient(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(5_000);
        frames = new FrameInput(socket.getInputStream(), 1 << 24);
    }

    /** A client past the handshake (server versions 157..200) and startApi with this client id. */
    public static RawTwsClient started(String host, int port, int clientId) throws IOException {
        RawTwsClient client = new RawTwsClient(host, port);
        client.handshake(157, 200);
        client.startApi(clientId);
        return client;
    }

    public ServerHello handshake(int min, int max) throws IOException {
        socket.getOutputStream().write(new ClientHello(min, max, "").toBytes());
        hello = ServerHello.read(frames.next());
        return hello;
    }

    public void startApi(int clientId) throws IOException {
        send(new StartApi(clientId, ""));
    }

    public void send(ClientRequest request) throws IOException {
        socket.getOutputStream().write(request.toFrame(hello.serverVersion()));
    }

    /** The next raw payload (fields with NULs). */
    public byte[] nextPayload() throws IOException {
        return frames.next();
    }

    public ServerMessage next() throws IOException {
        return ServerMessages.CODEC.decode(frames.next(), hello.serverVersion());
    }

    /** Reads until a message of the given type arrives. */
    public <T extends ServerMessage> T next(Class<T> type) throws IOException {
        while (true) {
            ServerMessage message = next();
            if (type.isInstance(message)) {
                return type.cast(message);
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
