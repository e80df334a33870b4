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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@code text/event-stream} response in the servlet's asynchronous, non-blocking mode (no timeout: it lives until
 * the stream ends or the client leaves), written by a {@link StreamWriter}: the container's write listener says when
 * the response takes bytes again, its async listener when the response ended without us.
 *
 * <p>The writer runs on pool threads, the container's calls on its own threads. A write that fails (the client left)
 * makes Tomcat mark the request's processor as failed from inside that write, while a container thread may already
 * be ending the same request and handing its processor to the next connection: the late mark then failed a
 * brand-new stream (a 500, or a body cut before its first event). So every use of the response holds {@link #lock},
 * and the container's end-of-request calls take it too and mark the response {@link #done} before they return: no
 * writer call reaches Tomcat after the request is over. This is the guard Spring MVC puts around its own async
 * responses; its lock is not engaged here because the async mode is started here, not by Spring.
 */
final class SseResponse implements StreamWriter.Output, WriteListener, AsyncListener {

    private static final long CALLBACK_WAIT_MS = 1000; // a writer call is non-blocking: microseconds, not this

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean done; // set under lock (or after the wait for it ran out)
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
        lock.lock();
        try {
            return !done && out.isReady();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void write(byte[] bytes, int length) throws IOException {
        lock.lock();
        try {
            usable();
            out.write(bytes, 0, length);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void flush() throws IOException {
        lock.lock();
        try {
            usable();
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void complete() {
        lock.lock();
        try {
            if (!done) {
                done = true;
                async.complete();
            }
        } finally {
            lock.unlock();
        }
    }

    private void usable() throws IOException {
        if (done) {
            throw new IOException("the response has ended");
        }
    }

    /**
     * A container call that ends the request: waits for a writer call in progress, then lets none through. With
     * {@code complete}, completes the response here (on an error, so that no error dispatch follows).
     */
    private void end(boolean complete) {
        boolean locked = false;
        try {
            locked = lock.tryLock(CALLBACK_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (!done) {
                done = true;
                if (complete) {
                    try {
                        async.complete();
                    } catch (IllegalStateException e) {
                        // completed already
                    }
                }
            }
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    @Override
    public void onWritePossible() {
        writer.writable();
    }

    @Override
    public void onError(Throwable t) {
        end(true);
        writer.gone();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        end(false);
        writer.gone();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        end(true);
        writer.gone();
    }

    @Override
    public void onError(AsyncEvent event) {
        end(true);
        writer.gone();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
