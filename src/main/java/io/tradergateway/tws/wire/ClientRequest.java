package io.tradergateway.tws.wire;

/** A message an API client sends to TWS. */
public interface ClientRequest extends WireMessage {}
