package io.tradergateway.tws.wire;

/** A tag/value pair as IB sends lists of them (secIdList, ineligibility reasons, options). */
public record TagValue(String tag, String value) {}
