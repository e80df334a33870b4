package io.tradergateway.tws;

/** What the gateway talks to: a real TWS / IB Gateway, or the embedded simulator. */
public enum BrokerMode {
    TWS("tws"),
    SIMULATOR("simulator");

    private final String label;

    BrokerMode(String label) {
        this.label = label;
    }

    /** The lower-case name used in headers and JSON. */
    public String label() {
        return label;
    }
}
