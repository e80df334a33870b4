package io.tradergateway.tws;

import io.tradergateway.tws.wire.ClientHello;
import io.tradergateway.tws.wire.ClientRequest;
import io.tradergateway.tws.wire.FrameInput;
import io.tradergateway.tws.wire.ProtocolException;
import io.tradergateway.tws.wire.ServerHello;
import io.tradergateway.tws.wire.ServerMessage;
import io.tradergateway.tws.wire.ServerMessages;
import io.tradergateway.tws.wire.ServerVersions;
import io.tradergateway.tws.wire.StartApi;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One socket's life with TWS: the version handshake and startApi (blocking, on the caller's thread), then a
 * single reader thread that decodes frames and hands them on. It never reconnects; the manager decides that.
 */
final class TwsConnection implements AutoCloseable {

    private final Socket socket;
    private final FrameInput frames;
    private final ServerHello hello;
    private final Object writeLock = new Object();
    private final MessagePacer pacer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Thread reader;

    private TwsConnection(Socket socket, FrameInput frames, ServerHello hello, MessagePacer pacer) {
        this.pacer = pacer;
        this.socket = socket;
        this.frames = frames;
        this.hello = hello;
    }

    /** Connects, agrees a server version and sends startApi. Throws and leaves nothing open on failure. */
    static TwsConnection open(TwsEndpoint endpoint, int clientId, TwsProperties settings, MessagePacer pacer)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), millis(settings.connectTimeout()));
            socket.setSoTimeout(millis(settings.handshakeTimeout()));
            OutputStream out = socket.getOutputStream();
            out.write(new ClientHello(ServerVersions.MIN_SUPPORTED, ServerVersions.MAX_SUPPORTED, "").toBytes());
            out.flush();
            FrameInput frames = new FrameInput(socket.getInputStream(), settings.maxMessageBytes());
            ServerHello hello = ServerHello.read(frames.next());
            if (hello.serverVersion() < ServerVersions.MIN_SUPPORTED
                    || hello.serverVersion() > ServerVersions.MAX_SUPPORTED) {
                throw new ProtocolException("TWS chose server version " + hello.serverVersion()
                        + ", outside the range we offered (" + ServerVersions.MIN_SUPPORTED + ".."
                        + ServerVersions.MAX_SUPPORTED + "); upgrade TWS / IB Gateway");
            }
            socket.setSoTimeout(0);
            TwsConnection connection = new TwsConnection(socket, frames, hello, pacer);
            connection.send(new StartApi(clientId, ""));
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    int serverVersion() {
        return hello.serverVersion();
    }

    String connectionTime() {
        return hello.connectionTime();
    }

    /**
     * Starts the reader thread. {@code onClosed} runs exactly once, on the reader thread, when the stream ends
     * for any reason (EOF, I/O error, protocol error, {@link #close()}).
     */
    void startReading(String threadName, Consumer<ServerMessage> onMessage, Consumer<Exception> onClosed) {
        reader = new Thread(() -> readLoop(onMessage, onClosed), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop(Consumer<ServerMessage> onMessage, Consumer<Exception> onClosed) {
        Exception cause;
        try {
            while (true) {
                onMessage.accept(ServerMessages.CODEC.decode(frames.next(), hello.serverVersion()));
            }
        } catch (IOException | RuntimeException e) {
            cause = e;
        }
        close();
        onClosed.accept(cause);
    }

    void send(ClientRequest request) throws IOException {
        byte[] frame = request.toFrame(hello.serverVersion());
        pacer.acquire(); // IB: at most 50 messages per second from one client
        synchronized (writeLock) {
            OutputStream out = socket.getOutputStream();
            out.write(frame);
            out.flush();
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** Closes and waits for the reader thread to end. */
    void closeAndJoin(Duration timeout) throws InterruptedException {
        close();
        Thread thread = reader;
        if (thread != null && thread != Thread.currentThread()) {
            thread.join(Math.max(1, timeout.toMillis()));
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }
}
