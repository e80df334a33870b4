package io.tradergateway.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one {@link ClientStream} on the shared writer pool (gateway.stream.writer-threads), never blocking a pool
 * thread: it runs only when something waits and the response can take bytes, writes everything waiting as one
 * batch of pre-rendered frames (one write, one flush), and when the response cannot take more ({@link
 * Output#ready()} false: a client that reads slowly or not at all) it stops until the container says the response
 * is writable again. Meanwhile that client's quotes conflate and its other events queue up to the bound (then the
 * final {@code end} slow-client event); a client that never reads again is ended by the container's write timeout.
 */
final class StreamWriter implements Runnable {

    /** The response: non-blocking, as a servlet output stream with a write listener is. */
    interface Output {
        /** Whether bytes may be written now; when false, the container calls {@link #writable} once they may. */
        boolean ready();

        void write(byte[] bytes, int length) throws IOException;

        void flush() throws IOException;

        /** Ends the response (not called when the container ended it already). */
        void complete();
    }

    private static final Logger log = LoggerFactory.getLogger(StreamWriter.class);
    private static final byte[] HEARTBEAT = ":heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final ThreadLocal<byte[][]> BUFFER = ThreadLocal.withInitial(() -> new byte[][] {new byte[8192]});

    private final ClientStream client;
    private final Output out;
    private final Executor writers;
    private final Clock clock;
    private final Runnable onClosed;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean stalled = true; // until the container first says the response is writable
    private volatile boolean started; // the container has called once: the request's dispatch is over
    private volatile boolean gone;
    private boolean unflushed = true; // the headers go first

    StreamWriter(ClientStream client, Output out, Executor writers, Clock clock, Runnable onClosed) {
        this.client = client;
        this.out = out;
        this.writers = writers;
        this.clock = clock;
        this.onClosed = onClosed;
        client.onPending(this::schedule);
        client.onCheck(this::recheck);
    }

    /**
     * On every check of the clock: a stream with something waiting and no run scheduled asks the response again,
     * stalled or not, so a container callback that never came (a lost wake-up) delays it by one check at most. Not
     * before the container's first call: until then the request's own dispatch may still be running, and a write
     * from another thread in that window made Tomcat fail the new stream (a 500 through its error page).
     */
    void recheck() {
        if (started && !closed.get() && !scheduled.get() && client.hasWork() && scheduled.compareAndSet(false, true)) {
            try {
                writers.execute(this);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
            }
        }
    }

    /** The container says the response takes bytes again. */
    void writable() {
        started = true;
        stalled = false;
        schedule();
    }

    /** The container ended the response: nothing more can be written. */
    void gone() {
        gone = true;
        close();
    }

    private void schedule() {
        if (!stalled && !closed.get() && scheduled.compareAndSet(false, true)) {
            try {
                writers.execute(this);
            } catch (RejectedExecutionException e) { // the pool is shut down: the gateway is stopping
                scheduled.set(false);
                close();
            }
        }
    }

    @Override
    public void run() {
        try {
            writeWhatWaits();
        } catch (IOException e) {
            close(); // the client went away
        } catch (RuntimeException e) {
            if (!gone) { // not the container having ended the response under us: a fault worth seeing
                log.warn("stream writer failed; the stream ends", e);
            }
            close();
        } finally {
            scheduled.set(false);
        }
        if (!stalled && !closed.get() && (unflushed || client.hasWork())) {
            schedule(); // something came while this run was finishing
        }
    }

    private void writeWhatWaits() throws IOException {
        while (!closed.get()) {
            stalled = true; // set before asking: the container's callback may come at once
            if (!out.ready()) {
                return;
            }
            stalled = false;
            if (unflushed) {
                out.flush();
                unflushed = false;
                if (!client.hasWork()) {
                    return; // no need to ask the response again
                }
                continue;
            }
            ClientStream.Batch batch = client.drain(clock.instant());
            if (!batch.events().isEmpty()) {
                write(batch);
            } else if (batch.heartbeat()) {
                out.write(HEARTBEAT, HEARTBEAT.length);
                unflushed = true;
            } else {
                if (batch.ended()) {
                    close();
                }
                return;
            }
        }
    }

    /** The batch's frames in one buffer (per pool thread, reused), one write. */
    private void write(ClientStream.Batch batch) throws IOException {
        int length = 0;
        for (StreamEvent event : batch.events()) {
            length += event.frame().length;
        }
        byte[][] holder = BUFFER.get();
        if (holder[0].length < length) {
            holder[0] = new byte[Math.max(length, holder[0].length * 2)];
        }
        byte[] buffer = holder[0];
        int at = 0;
        for (StreamEvent event : batch.events()) {
            byte[] frame = event.frame();
            System.arraycopy(frame, 0, buffer, at, frame.length);
            at += frame.length;
        }
        out.write(buffer, length);
        unflushed = true;
        if (buffer.length > 1 << 20) {
            holder[0] = Arrays.copyOf(buffer, 8192); // a rare huge batch is not kept
        }
    }

    /** Once: the stream ends, the response is completed (unless the container ended it), the hub is told. */
    private void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        client.end(null, true);
        if (!gone) {
            try {
                out.complete();
            } catch (RuntimeException e) {
                // the response ended between the check and the call: nothing is left to complete
            }
        }
        onClosed.run();
    }
}
