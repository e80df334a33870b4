package io.tradergateway.status;

/** A scrape that produced no usable page. The message is shown to operators as is: keep it plain. */
class StatusPageFetchException extends Exception {

    StatusPageFetchException(String message) {
        super(message);
    }

    StatusPageFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
