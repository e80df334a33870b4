package io.tradergateway.stream;

/**
 * What feeds one topic: either pushed (quotes, PnL: the source calls its publisher on every change) or polled
 * (positions, portfolio, status: the hub compares {@link #current()} with what it last sent every poll interval).
 */
interface TopicSource extends AutoCloseable {

    /** The topic's value now, for a snapshot (a JSON-serializable object). */
    Object current();

    /** Whether the hub polls {@link #current()} for changes. */
    default boolean polled() {
        return false;
    }

    @Override
    default void close() {}
}
