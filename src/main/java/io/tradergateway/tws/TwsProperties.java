package io.tradergateway.tws;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("gateway.tws")
public record TwsProperties(
        @NotBlank @DefaultValue("127.0.0.1") String host,
        @Min(1) @Max(65535) @DefaultValue("7497") int port,
        @Min(0) @DefaultValue("17") int clientId,
        @Min(1) @Max(32) @DefaultValue("8") int clientIdCount,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("10s") Duration handshakeTimeout,
        @NotNull @DefaultValue("1s") Duration reconnectInitialDelay,
        @NotNull @DefaultValue("30s") Duration reconnectMaxDelay,
        @NotNull @DefaultValue("30s") Duration requestTimeout,
        @Min(1) @DefaultValue("100") int maxPendingRequests,
        @NotNull @DefaultValue("30s") Duration idleTimeout,
        @NotNull @DefaultValue("10s") Duration heartbeatTimeout,
        @NotNull @DefaultValue("250ms") Duration housekeepingInterval,
        @Min(1024) @DefaultValue("16777215") int maxMessageBytes,
        @Min(1) @Max(50) @DefaultValue("45") int maxMessagesPerSecond) {

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
