package io.tradergateway.support;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Follows a Server-Sent Events stream over real HTTP as curl -N would: reads the body as it arrives and splits it
 * into events (id, event, data) and comments, by the SSE rules (fields up to a blank line).
 */
public final class SseClient implements AutoCloseable {

    /** One event, or a comment (type "comment", its text in data). */
    public record Event(String id, String type, String data) {}

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int status;
    private final String errorBody;
    private final InputStream body;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private volatile boolean ended;
    private volatile String endedBy = "the body is still open";

    private SseClient(int status, String errorBody, InputStream body) {
        this.status = status;
        this.errorBody = errorBody;
        this.body = body;
    }

    public static SseClient open(int port, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream")
                .GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<InputStream> response =
                    CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                try (InputStream in = response.body()) {
                    in.transferTo(got);
                    return new SseClient(response.statusCode(), got.toString(StandardCharsets.UTF_8), null);
                } catch (IOException e) {
                    throw new AssertionError(
                            "status " + response.statusCode() + " and a body cut short: "
                                    + got.toString(StandardCharsets.UTF_8),
                            e);
                }
            }
            SseClient client = new SseClient(200, null, response.body());
            Thread reader = new Thread(client::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
            return client;
        } catch (IOException e) {
            throw new AssertionError("stream request failed: " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public int status() {
        return status;
    }

    public String errorBody() {
        return errorBody;
    }

    /** Whether the server ended the body. */
    public boolean ended() {
        return ended;
    }

    /** The next event or comment, failing after {@code timeout}. */
    public Event next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError(
                        "no event within " + timeout.toMillis() + " ms (" + endedBy + "); seen so far: " + seen);
            }
            seen.add(event);
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Skips events until one matches, failing after {@code timeout}. */
    public Event await(Duration timeout, Predicate<Event> wanted) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = next(Duration.ofNanos(Math.max(1, left)));
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    /**
     * Skips events until one matches, running {@code meanwhile} (e.g. moving a test clock) before each wait of
     * {@code every}, failing after {@code timeout}: for events that come only once time has moved far enough.
     */
    public Event await(Duration timeout, Duration every, Runnable meanwhile, Predicate<Event> wanted) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            meanwhile.run();
            long until = System.nanoTime() + every.toNanos();
            try {
                for (Event event = events.poll(every.toMillis(), TimeUnit.MILLISECONDS);
                        event != null;
                        event = events.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    seen.add(event);
                    if (wanted.test(event)) {
                        return event;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError(
                "no matching event within " + timeout.toMillis() + " ms (" + endedBy + "); seen so far: " + seen);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String type = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (type != null || data.length() > 0) {
                        events.add(new Event(id, type == null ? "message" : type, data.toString()));
                    }
                    id = null;
                    type = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, "comment", line.substring(1).trim()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
            endedBy = "the server ended the body";
        } catch (IOException e) {
            endedBy = "the body failed: " + e; // closed by the test, or the server cut it
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() {
        try {
            if (body != null) {
                body.close();
            }
        } catch (IOException e) {
            // already closed
        }
    }
}
