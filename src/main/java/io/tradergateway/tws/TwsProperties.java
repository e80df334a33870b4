package io.tradergateway.tws;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * {@code gateway.tws.*}: where TWS / IB Gateway listens and how patiently to talk to it. Ports: 7497 paper
 * TWS, 7496 live TWS, 4002 paper IB Gateway, 4001 live IB Gateway.
 *
 * @param host TWS host (env GATEWAY_TWS_HOST)
 * @param port TWS API port (env GATEWAY_TWS_PORT)
 * @param clientId first API client id to use (env GATEWAY_TWS_CLIENT_ID)
 * @param clientIdCount how many ids, from clientId up, to try when TWS says 326 (id in use)
 * @param connectTimeout TCP connect timeout
 * @param handshakeTimeout time allowed for the version exchange and for nextValidId + managedAccounts
 * @param reconnectInitialDelay first reconnect delay; doubles per failed attempt
 * @param reconnectMaxDelay cap of the reconnect delay
 * @param requestTimeout default deadline of a request to TWS
 * @param maxPendingRequests requests allowed in flight at once; more are refused at once
 * @param idleTimeout silence after which a heartbeat (reqCurrentTime) is sent
 * @param heartbeatTimeout time the heartbeat may take before the connection is declared dead
 * @param housekeepingInterval how often deadlines and the heartbeat are checked
 * @param maxMessageBytes largest message accepted from TWS
 * @param maxMessagesPerSecond messages sent to TWS per second at most (IB allows 50; error 100 beyond)
 */
@ConfigurationProperties("gateway.tws")
public record TwsProperties(
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("7497") int port,
        @DefaultValue("17") int clientId,
        @DefaultValue("8") int clientIdCount,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration handshakeTimeout,
        @DefaultValue("1s") Duration reconnectInitialDelay,
        @DefaultValue("30s") Duration reconnectMaxDelay,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("100") int maxPendingRequests,
        @DefaultValue("30s") Duration idleTimeout,
        @DefaultValue("10s") Duration heartbeatTimeout,
        @DefaultValue("250ms") Duration housekeepingInterval,
        @DefaultValue("16777215") int maxMessageBytes,
        @DefaultValue("45") int maxMessagesPerSecond) {

    public TwsProperties {
        Assert.hasText(host, "gateway.tws.host must not be blank");
        Assert.isTrue(port >= 1 && port <= 65_535, () -> "gateway.tws.port must be 1 to 65535, not " + port);
        Assert.isTrue(clientId >= 0, () -> "gateway.tws.client-id must be at least 0, not " + clientId);
        Assert.isTrue(
                clientIdCount >= 1 && clientIdCount <= 32,
                () -> "gateway.tws.client-id-count must be 1 to 32, not " + clientIdCount);
        Assert.notNull(connectTimeout, "gateway.tws.connect-timeout is required");
        Assert.notNull(handshakeTimeout, "gateway.tws.handshake-timeout is required");
        Assert.notNull(reconnectInitialDelay, "gateway.tws.reconnect-initial-delay is required");
        Assert.notNull(reconnectMaxDelay, "gateway.tws.reconnect-max-delay is required");
        Assert.notNull(requestTimeout, "gateway.tws.request-timeout is required");
        Assert.isTrue(
                maxPendingRequests >= 1,
                () -> "gateway.tws.max-pending-requests must be at least 1, not " + maxPendingRequests);
        Assert.notNull(idleTimeout, "gateway.tws.idle-timeout is required");
        Assert.notNull(heartbeatTimeout, "gateway.tws.heartbeat-timeout is required");
        Assert.notNull(housekeepingInterval, "gateway.tws.housekeeping-interval is required");
        Assert.isTrue(
                maxMessageBytes >= 1024,
                () -> "gateway.tws.max-message-bytes must be at least 1024, not " + maxMessageBytes);
        Assert.isTrue(
                maxMessagesPerSecond >= 1 && maxMessagesPerSecond <= 50,
                () -> "gateway.tws.max-messages-per-second must be 1 to 50, not " + maxMessagesPerSecond);
    }

    /** Defaults for everything but where to connect (tests and tools). */
    public static TwsProperties of(String host, int port, int clientId) {
        return new TwsProperties(
                host,
                port,
                clientId,
                8,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                100,
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                Duration.ofMillis(250),
                0xFFFFFF,
                45);
    }

    public TwsProperties withReconnect(Duration initial, Duration max) {
        return new TwsProperties(
                host,
                port,
                clientId,
                clientIdCount,
                connectTimeout,
                handshakeTimeout,
                initial,
                max,
                requestTimeout,
                maxPendingRequests,
                idleTimeout,
                heartbeatTimeout,
                housekeepingInterval,
                maxMessageBytes,
                maxMessagesPerSecond);
    }

    public TwsProperties withHeartbeat(Duration idle, Duration timeout) {
        return new TwsProperties(
                host,
                port,
                clientId,
                clientIdCount,
                connectTimeout,
                handshakeTimeout,
                reconnectInitialDelay,
                reconnectMaxDelay,
                requestTimeout,
                maxPendingRequests,
                idle,
                timeout,
                housekeepingInterval,
                maxMessageBytes,
                maxMessagesPerSecond);
    }

    public TwsProperties withMaxPendingRequests(int max) {
        return new TwsProperties(
                host,
                port,
                clientId,
                clientIdCount,
                connectTimeout,
                handshakeTimeout,
                reconnectInitialDelay,
                reconnectMaxDelay,
                requestTimeout,
                max,
                idleTimeout,
                heartbeatTimeout,
                housekeepingInterval,
                maxMessageBytes,
                maxMessagesPerSecond);
    }

    public TwsProperties withMaxMessagesPerSecond(int max) {
        return new TwsProperties(
                host,
                port,
                clientId,
                clientIdCount,
                connectTimeout,
                handshakeTimeout,
                reconnectInitialDelay,
                reconnectMaxDelay,
                requestTimeout,
                maxPendingRequests,
                idleTimeout,
                heartbeatTimeout,
                housekeepingInterval,
                maxMessageBytes,
                max);
    }

    /** The id tried after {@code current} when it is refused: the next in the range, wrapping. */
    public int nextClientId(int current) {
        int offset = Math.floorMod(current - clientId + 1, clientIdCount);
        return clientId + offset;
    }
}
