package io.tradergateway.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for tests against the running app, as curl would see it. */
public final class Http {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final Duration timeout;

    public Http(int port) {
        this(port, Duration.ofSeconds(10));
    }

    private Http(int port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    /**
     * A client that waits up to 2 minutes for an answer: for what the app builds on its first request, such as
     * springdoc's /v3/api-docs (seconds on a loaded 2-core machine, beyond the usual 10 s in a full test run).
     */
    public static Http patient(int port) {
        return new Http(port, Duration.ofMinutes(2));
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, headers);
    }

    public HttpResponse<String> send(String method, String path, String... headers) {
        return send(method, path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    /** Sends a JSON body (Content-Type application/json). */
    public HttpResponse<String> sendJson(String method, String path, String json, String... headers) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Content-Type";
        all[headers.length + 1] = "application/json";
        return send(method, path, HttpRequest.BodyPublishers.ofString(json), all);
    }

    private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(timeout)
                .method(method, body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
