package io.tradergateway.account;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gateway.accounts.*}: how the portfolio stream (reqAccountUpdates, one account at a time at TWS) is
 * shared between several accounts.
 *
 * @param portfolioDwell how long the portfolio stream stays on one account (after its download) before it
 *     moves to the next, when the session manages several accounts
 * @param focusCheckInterval how often the rotation is checked (real time; the dwell is measured on the clock)
 */
@Validated
@ConfigurationProperties("gateway.accounts")
public record AccountsProperties(
        @NotNull @DefaultValue("60s") Duration portfolioDwell,
        @NotNull @DefaultValue("250ms") Duration focusCheckInterval) {}
