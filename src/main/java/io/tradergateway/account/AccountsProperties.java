package io.tradergateway.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * {@code gateway.accounts.*}: how the portfolio stream (reqAccountUpdates, one account at a time at TWS) is
 * shared between several accounts.
 *
 * @param portfolioDwell how long the portfolio stream stays on one account (after its download) before it
 *     moves to the next, when the session manages several accounts
 * @param focusCheckInterval how often the rotation is checked (real time; the dwell is measured on the clock)
 */
@ConfigurationProperties("gateway.accounts")
public record AccountsProperties(
        @DefaultValue("60s") Duration portfolioDwell,
        @DefaultValue("250ms") Duration focusCheckInterval) {
    public AccountsProperties {
        Assert.notNull(portfolioDwell, "gateway.accounts.portfolio-dwell is required");
        Assert.notNull(focusCheckInterval, "gateway.accounts.focus-check-interval is required");
    }
}
