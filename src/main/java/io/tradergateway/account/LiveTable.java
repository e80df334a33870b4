package io.tradergateway.account;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table kept live from a TWS stream (positions, summary values, one account's portfolio), with the
 * bookkeeping that makes a re-sync safe: when the stream is (re)started, rows go to a fresh pending table and
 * replace the served table only when TWS says the download is complete. Until then readers keep getting the
 * previous rows, flagged stale and resyncing, and never a mix of old and new rows. Thread-safe.
 *
 * <p>A snapshot is made once per change and handed to every reader until the next change: reads outnumber
 * updates by far, and a reader can tell by identity that nothing changed (the positions endpoint serialises its
 * answer once per snapshot).
 *
 * @param <K> row key (e.g. account + conId)
 * @param <V> row
 */
final class LiveTable<K, V> {

    /** What a reader gets: an immutable copy of the rows and the state they are in. */
    record Snapshot<V>(List<V> rows, Instant asOf, boolean synced, boolean stale, boolean resyncing) {}

    private final Clock clock;
    private Map<K, V> live = new LinkedHashMap<>();
    private Map<K, V> pending;
    private Instant asOf;
    private boolean synced;
    private boolean streaming;
    /** The snapshot of the current state; null after any change, made again by the next reader. */
    private Snapshot<V> current;

    LiveTable(Clock clock) {
        this.clock = clock;
    }

    /** The stream was (re)sent to TWS: collect a fresh download. */
    synchronized void restart() {
        current = null;
        pending = new LinkedHashMap<>();
        streaming = true;
    }

    synchronized void put(K key, V row) {
        current = null;
        if (pending != null) {
            pending.put(key, row);
        } else {
            live.put(key, row);
            asOf = clock.instant();
        }
    }

    synchronized void remove(K key) {
        current = null;
        if (pending != null) {
            pending.remove(key);
        } else if (live.remove(key) != null) {
            asOf = clock.instant();
        }
    }

    /** TWS finished the download (positionEnd, accountSummaryEnd, accountDownloadEnd). */
    synchronized void commit() {
        current = null;
        if (pending != null) {
            live = pending;
            pending = null;
        }
        synced = true;
        asOf = clock.instant();
    }

    /** The socket is gone: updates stopped and a partial download is dropped (a new one starts on reconnect). */
    synchronized void interrupted() {
        current = null;
        streaming = false;
        pending = null;
    }

    /** Updates paused without losing the stream (1100: TWS lost IB's servers); a download in progress is kept. */
    synchronized void paused() {
        current = null;
        streaming = false;
    }

    /** Updates flow again without a new download (1102: connectivity restored, data maintained). */
    synchronized void resumed() {
        current = null;
        if (synced || pending != null) {
            streaming = true;
        }
    }

    /** TWS says the data is current as of now (accountUpdateTime) without changing a row. */
    synchronized void touch() {
        current = null;
        if (pending == null && synced) {
            asOf = clock.instant();
        }
    }

    synchronized boolean streaming() {
        return streaming && pending == null;
    }

    synchronized Snapshot<V> snapshot() {
        if (current == null) {
            boolean resyncing = pending != null;
            current = new Snapshot<>(List.copyOf(live.values()), asOf, synced, !streaming || resyncing, resyncing);
        }
        return current;
    }
}
