package io.tradergateway.status;

/** What IB's status page says about the things this gateway trades, most severe first. */
public enum IbStatusState {
    /** A relevant problem or outage is reported. */
    OUTAGE,
    /** A maintenance window is running, or the page reports relevant scheduled maintenance. */
    MAINTENANCE,
    /** No usable page (never fetched, failing for too long, or a layout we cannot read). */
    UNKNOWN,
    /** No relevant problem reported. */
    OK
}
