package io.tradergateway.tws.wire;

/** A message TWS sends to an API client. */
public interface ServerMessage extends WireMessage {}
