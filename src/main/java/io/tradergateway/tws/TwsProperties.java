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
 * @param clientId API client id, unique per TWS session (env GATEWAY_TWS_CLIENT_ID)
 * @param connectTimeout TCP connect timeout
 * @param handshakeTimeout time allowed for the version exchange and for nextValidId + managedAccounts
 * @param reconnectInitialDelay first reconnect delay; doubles per failed attempt
 * @param reconnectMaxDelay cap of the reconnect delay
 * @param maxMessageBytes largest message accepted from TWS
 */
@Validated
@ConfigurationProperties("gateway.tws")
public record TwsProperties(
        @NotBlank @DefaultValue("127.0.0.1") String host,
        @Min(1) @Max(65535) @DefaultValue("7497") int port,
        @Min(0) @DefaultValue("17") int clientId,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("10s") Duration handshakeTimeout,
        @NotNull @DefaultValue("1s") Duration reconnectInitialDelay,
        @NotNull @DefaultValue("30s") Duration reconnectMaxDelay,
        @Min(1024) @DefaultValue("16777215") int maxMessageBytes) {}
