package io.tradergateway.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of order intents (written before anything is sent to TWS) and the append-only audit trail.
 * Implemented on the gateway's database ({@link JdbcOrderJournal}).
 */
public interface OrderJournal {

    /** One order intent and the last state the gateway knew of it. */
    record Entry(
            String key,
            String bodyHash,
            String body,
            String parentKey,
            String account,
            int orderId,
            long permId,
            String status,
            BigDecimal filled,
            double avgPrice,
            long createdAt) {}

    /** The intent under {@code key}, if any. */
    Optional<Entry> find(String key);

    /**
     * Records new intents in one transaction; false (and nothing written) when the first key exists already,
     * which is how two concurrent requests with the same key end with one order.
     */
    boolean create(List<Entry> entries);

    /** The state last seen at TWS. */
    void update(String key, int orderId, long permId, String status, BigDecimal filled, double avgPrice);

    /** Every intent recorded since {@code sinceMillis} (a restart loads them back). */
    List<Entry> since(long sinceMillis);

    /** The highest order id ever recorded (order ids are never reused). */
    int highestOrderId();

    void audit(String principal, String command, String key, Integer orderId, String detail, String outcome);
}
