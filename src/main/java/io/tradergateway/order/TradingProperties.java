package io.tradergateway.order;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gateway.trading.*}: trading is off unless {@code enabled}; paper accounts (IB's D... ids) only, unless
 * {@code allow-live} is true AND the account is in {@code live-accounts}; per-order limits checked before anything
 * reaches TWS.
 *
 * @param maxQuantity largest quantity of one order
 * @param maxNotional largest quantity x price x multiplier of one order (price: the limit, else the last known)
 * @param ackTimeout how long a POST waits for TWS's acknowledgement before answering 202 with the order's state
 */
@ConfigurationProperties("gateway.trading")
public record TradingProperties(
        boolean enabled,
        boolean allowLive,
        List<String> liveAccounts,
        BigDecimal maxQuantity,
        BigDecimal maxNotional,
        Set<String> orderTypes,
        Set<String> secTypes,
        Duration ackTimeout) {

    public TradingProperties {
        liveAccounts = liveAccounts == null ? List.of() : List.copyOf(liveAccounts);
        maxQuantity = maxQuantity == null ? new BigDecimal("10000") : maxQuantity;
        maxNotional = maxNotional == null ? new BigDecimal("1000000") : maxNotional;
        orderTypes = orderTypes == null || orderTypes.isEmpty() ? OrderRequest.TYPES : Set.copyOf(orderTypes);
        secTypes = secTypes == null || secTypes.isEmpty() ? Set.of("STK", "FUT", "OPT", "CASH") : Set.copyOf(secTypes);
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(10) : ackTimeout;
    }
}
