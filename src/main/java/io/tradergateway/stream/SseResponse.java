package io.tradergateway.stream;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * A {@code text/event-stream} response in the servlet's asynchronous, non-blocking mode (no timeout: it lives until
 * the stream ends or the client leaves), written by a {@link StreamWriter}: the container's write listener says when
 * the response takes bytes again, its async listener when the response ended without us.
 */
final class SseResponse implements StreamWriter.Output, WriteListener, AsyncListener {

    private final AsyncContext async;
    private final ServletOutputStream out;
    private StreamWriter writer;

    private SseResponse(AsyncContext async, ServletOutputStream out) {
        this.async = async;
        this.out = out;
    }

    /** Starts the response and its writer; the first write comes when the container says it may. */
    static void start(
            HttpServletRequest request,
            HttpServletResponse response,
            ClientStream client,
            Executor writers,
            Clock clock,
            Runnable onClosed)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(0);
        SseResponse sse = new SseResponse(async, response.getOutputStream());
        sse.writer = new StreamWriter(client, sse, writers, clock, onClosed);
        async.addListener(sse);
        sse.out.setWriteListener(sse);
    }

    @Override
    public boolean ready() {
        return out.isReady();
    }

    @Override
    public void write(byte[] bytes, int length) throws IOException {
        out.write(bytes, 0, length);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void complete() {
        async.complete();
    }

    @Override
    public void onWritePossible() {
        writer.writable();
    }

    @Override
    public void onError(Throwable t) {
        writer.gone();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        writer.gone();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        writer.gone();
    }

    @Override
    public void onError(AsyncEvent event) {
        writer.gone();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
