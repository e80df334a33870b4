package io.tradergateway.status;

import java.net.URI;

/**
 * A status page as it came over the wire.
 *
 * @param uri where it was finally fetched from (after same-site redirects)
 * @param charset from the Content-Type header, null to let the parser detect it
 */
record FetchedPage(URI uri, byte[] body, String charset) {}
