package io.tradergateway.web;

import java.net.URI;

/**
 * The stable, machine-readable {@code type} of every problem this API returns. Clients switch on these; the
 * {@code detail} text is for people and may change.
 */
public final class ProblemTypes {

    private static final String PREFIX = "urn:trader-gateway:problem:";

    public static final URI TWS_UNAVAILABLE = of("tws-unavailable");
    public static final URI TWS_TIMEOUT = of("tws-timeout");
    public static final URI TWS_BUSY = of("tws-busy");
    public static final URI TWS_REQUEST_FAILED = of("tws-request-failed");
    public static final URI TWS_REQUEST_REJECTED = of("tws-request-rejected");
    public static final URI TWS_OUTCOME_UNKNOWN = of("tws-outcome-unknown");
    public static final URI API_KEY_REQUIRED = of("api-key-required");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI INVALID_PARAMETER = of("invalid-parameter");
    public static final URI INTERNAL_ERROR = of("internal-error");
    public static final URI STORE_UNAVAILABLE = of("store-unavailable");

    private ProblemTypes() {}

    public static URI of(String slug) {
        return URI.create(PREFIX + slug);
    }
}
