package io.tradergateway.sim;

import io.tradergateway.tws.wire.ClientHello;
import io.tradergateway.tws.wire.ClientRequest;
import io.tradergateway.tws.wire.ClientRequests;
import io.tradergateway.tws.wire.ContractData;
import io.tradergateway.tws.wire.ContractDataEnd;
import io.tradergateway.tws.wire.CurrentTime;
import io.tradergateway.tws.wire.ErrorCodes;
import io.tradergateway.tws.wire.ErrorMessage;
import io.tradergateway.tws.wire.FrameInput;
import io.tradergateway.tws.wire.ManagedAccounts;
import io.tradergateway.tws.wire.NextValidId;
import io.tradergateway.tws.wire.ProtocolException;
import io.tradergateway.tws.wire.ReqContractDetails;
import io.tradergateway.tws.wire.ReqCurrentTime;
import io.tradergateway.tws.wire.ReqHistoricalData;
import io.tradergateway.tws.wire.ReqIds;
import io.tradergateway.tws.wire.ReqManagedAccounts;
import io.tradergateway.tws.wire.ServerHello;
import io.tradergateway.tws.wire.ServerMessage;
import io.tradergateway.tws.wire.StartApi;
import io.tradergateway.tws.wire.UnknownMessage;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One client connection to the simulator, from handshake to close, on its own thread. */
final class SimSession implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SimSession.class);
    private static final DateTimeFormatter CONNECTION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss 'UTC'");
    /** Requests are small; a client that sends more than this is broken. */
    private static final int MAX_REQUEST_FRAME = 1 << 20;

    private final TwsSimulator simulator;
    private final Socket socket;
    private final Object writeLock = new Object();
    private final SimRateMeter rate = new SimRateMeter();
    private volatile int clientId = Integer.MIN_VALUE;
    private volatile int serverVersion;

    SimSession(TwsSimulator simulator, Socket socket) {
        this.simulator = simulator;
        this.socket = socket;
    }

    int clientId() {
        return clientId;
    }

    @Override
    public void run() {
        try (socket) {
            InputStream in = socket.getInputStream();
            FrameInput frames = new FrameInput(in, MAX_REQUEST_FRAME);
            if (!handshake(in, frames)) {
                return;
            }
            while (!socket.isClosed()) {
                ClientRequest request = ClientRequests.CODEC.decode(frames.next(), serverVersion);
                simulator.record(clientId == Integer.MIN_VALUE ? -1 : clientId, request);
                int lastSecond = rate.record(System.nanoTime());
                if (lastSecond > SimRateMeter.MAX_PER_SECOND) {
                    simulator.rateViolation();
                    notice(
                            ErrorCodes.MAX_RATE_EXCEEDED,
                            "Max rate of messages per second has been exceeded:max=" + SimRateMeter.MAX_PER_SECOND
                                    + " rec=" + lastSecond + " (1)");
                }
                if (simulator.faults().blackholed()) {
                    continue; // a hung TWS: the socket is up, nothing comes back
                }
                java.time.Duration delay = simulator.faults().delay();
                if (delay.isZero()) {
                    if (!handle(request)) {
                        return;
                    }
                } else {
                    // a slow TWS still reads; only its answers come late
                    simulator.later(delay, () -> handleLater(request));
                }
            }
        } catch (EOFException | java.net.SocketException e) {
            log.debug("simulator client {} left: {}", clientId, e.getMessage());
        } catch (ProtocolException e) {
            log.warn("simulator closing client {}: protocol error: {}", clientId, e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.warn("simulator closing client {}: {}", clientId, e.toString());
        } finally {
            simulator.ended(this);
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing simulator session", e);
        }
    }

    /** "API\0", the client's version range, our choice of version and the connection time. */
    private boolean handshake(InputStream in, FrameInput frames) throws IOException {
        byte[] prefix = new byte[ClientHello.PREFIX.length];
        new DataInputStream(in).readFully(prefix);
        if (!Arrays.equals(prefix, ClientHello.PREFIX)) {
            log.warn("simulator: client did not start with API\\0; closing");
            return false;
        }
        ClientHello hello = ClientHello.parse(frames.next());
        while (simulator.faults().blackholed()) {
            frames.next(); // swallow everything until the client gives up and closes
        }
        SimulatorSettings settings = simulator.settings();
        int negotiated = Math.min(settings.maxServerVersion(), hello.maxVersion());
        if (negotiated < settings.minServerVersion() || negotiated < hello.minVersion()) {
            log.warn(
                    "simulator: no common server version with client range {}..{} (we serve {}..{}); closing",
                    hello.minVersion(),
                    hello.maxVersion(),
                    settings.minServerVersion(),
                    settings.maxServerVersion());
            return false;
        }
        serverVersion = negotiated;
        String now = ZonedDateTime.ofInstant(simulator.clock().instant(), java.time.ZoneOffset.UTC)
                .format(CONNECTION_TIME);
        send(new ServerHello(negotiated, now));
        return true;
    }

    /** Returns false when the session must end. */
    private boolean handle(ClientRequest request) throws IOException {
        if (request instanceof StartApi start) {
            return startApi(start);
        }
        if (clientId == Integer.MIN_VALUE) {
            log.debug("simulator: ignoring {} before startApi", request);
            return true;
        }
        if (request instanceof ReqIds ids) {
            send(new NextValidId(simulator.sessions().allocateOrderIds(ids.numIds())));
        } else if (request instanceof ReqCurrentTime) {
            send(new CurrentTime(simulator.clock().instant().getEpochSecond()));
        } else if (request instanceof ReqManagedAccounts) {
            send(new ManagedAccounts(simulator.settings().accounts()));
        } else if (request instanceof ReqContractDetails details) {
            contractDetails(details);
        } else if (request instanceof ReqHistoricalData history) {
            simulator.history().answer(this, history, serverVersion); // issue 5: bars, pacing enforced
        } else if (simulator.marketData().handle(this, request)) {
            log.trace("simulator: client {} market data request {}", clientId, request);
        } else if (simulator.orders().handle(this, request)) {
            if (request instanceof io.tradergateway.tws.wire.PlaceOrder place) {
                simulator
                        .sessions()
                        .orderIdUsed(Math.max(
                                place.orderId(), simulator.orders().faults().takenUpTo()));
            }
        } else if (simulator.accountStreams().handle(this, request)) {
            log.trace("simulator: client {} account stream request {}", clientId, request);
        } else if (request instanceof UnknownMessage unknown) {
            log.debug("simulator: client {} sent unsupported message {}", clientId, unknown.messageId());
        }
        return true;
    }

    private void contractDetails(ReqContractDetails request) throws IOException {
        List<ContractData> answers = SimContractDesk.answer(request);
        if (answers.isEmpty()) {
            error(request.reqId(), SimContractDesk.NO_SECURITY_DEFINITION, SimContractDesk.NO_SECURITY_TEXT);
            return;
        }
        for (ContractData answer : answers) {
            send(answer);
        }
        send(new ContractDataEnd(request.reqId()));
    }

    private boolean startApi(StartApi start) throws IOException {
        if (clientId != Integer.MIN_VALUE) {
            return true; // TWS ignores a repeated startApi
        }
        if (!simulator.claimClientId(start.clientId(), this)) {
            // What TWS does: error 326 addressed to no request, then it drops the socket.
            notice(
                    ErrorCodes.CLIENT_ID_IN_USE,
                    "Unable to connect as the client id is already in use. Retry with a unique client id.");
            return false;
        }
        clientId = start.clientId();
        send(new ManagedAccounts(simulator.settings().accounts()));
        send(new NextValidId(simulator.sessions().peekNextOrderId()));
        notice(ErrorCodes.MARKET_FARM_OK, "Market data farm connection is OK:usfarm");
        notice(ErrorCodes.HMDS_FARM_OK, "HMDS data farm connection is OK:ushmds");
        notice(ErrorCodes.SECDEF_FARM_OK, "Sec-def data farm connection is OK:secdefnj");
        return true;
    }

    /** An error message addressed to no request, stamped with the simulator's clock. */
    void notice(int code, String text) throws IOException {
        error(ErrorMessage.NO_REQUEST, code, text);
    }

    void error(int reqId, int code, String text) throws IOException {
        send(new ErrorMessage(reqId, code, text, "", simulator.clock().millis()));
    }

    private void handleLater(ClientRequest request) {
        try {
            if (!handle(request)) {
                close();
            }
        } catch (IOException | RuntimeException e) {
            close();
        }
    }

    void send(ServerMessage message) throws IOException {
        sendFrame(message.toFrame(serverVersion));
    }

    private void send(ServerHello hello) throws IOException {
        sendFrame(hello.toFrame(serverVersion));
    }

    private void sendFrame(byte[] frame) throws IOException {
        synchronized (writeLock) {
            OutputStream out = socket.getOutputStream();
            out.write(frame);
            out.flush();
        }
    }
}
