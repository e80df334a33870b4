package io.tradergateway.tws.wire;

/** A message that answers (or fails) one request, identified by the request id the client chose. */
public interface RequestScoped {

    int reqId();
}
