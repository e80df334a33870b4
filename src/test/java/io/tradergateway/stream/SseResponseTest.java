package io.tradergateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.MutableClock;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The response's guard against the container ending a request while a pool thread writes it: the container's
 * end-of-request calls wait for a write in progress, complete the response on an error (no error dispatch), and
 * after them no writer call reaches the container's stream. The servlet objects are hand-made fakes and mocks; the
 * real-socket behaviour is in StreamIntegrationTest.
 */
class SseResponseTest {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final CountDownLatch writeMayFinish = new CountDownLatch(1);
    private volatile boolean blockWrites;
    private WriteListener writeListener;
    private AsyncListener asyncListener;

    /** The container's stream: records each call, and a write can be held until the test lets it finish. */
    private final ServletOutputStream out = new ServletOutputStream() {
        @Override
        public boolean isReady() {
            calls.add("isReady");
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            writeListener = listener;
        }

        @Override
        public void write(int b) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            calls.add("write");
            if (blockWrites) {
                try {
                    writeMayFinish.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                calls.add("write-end");
            }
        }

        @Override
        public void flush() {
            calls.add("flush");
        }
    };

    private StreamWriter.Output start() throws IOException {
        AsyncContext async = mock(AsyncContext.class);
        doAnswer(i -> calls.add("complete")).when(async).complete();
        doAnswer(i -> asyncListener = i.getArgument(0)).when(async).addListener(any(AsyncListener.class));
        HttpServletRequest request = mock(HttpServletRequest.class);
        HttpServletResponse response = mock(HttpServletResponse.class);
        when(request.startAsync(request, response)).thenReturn(async);
        when(response.getOutputStream()).thenReturn(out);
        ClientStream client = new ClientStream("k", Set.of("quotes:1"), 3);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T15:00:00Z"));
        SseResponse.start(request, response, client, Runnable::run, clock, () -> calls.add("hub-told"));
        return (StreamWriter.Output) writeListener;
    }

    @Test
    void anErrorCompletesTheResponseOnceAndNoWriterCallReachesTheContainerAfterIt() throws IOException {
        StreamWriter.Output output = start();
        asyncListener.onError(new AsyncEvent(null, new IOException("Broken pipe")));
        assertThat(calls).containsExactly("complete", "hub-told");
        assertThat(output.ready()).isFalse();
        assertThatThrownBy(() -> output.write(new byte[1], 1)).isInstanceOf(IOException.class);
        assertThatThrownBy(output::flush).isInstanceOf(IOException.class);
        output.complete();
        asyncListener.onComplete(new AsyncEvent(null));
        assertThat(calls).as("nothing after the error").containsExactly("complete", "hub-told");
    }

    @Test
    void theContainersEndOfRequestWaitsForAWriteInProgress() throws Exception {
        StreamWriter.Output output = start();
        blockWrites = true;
        Thread writerThread = new Thread(() -> {
            try {
                output.write(new byte[1], 1);
            } catch (IOException e) {
                calls.add("write-failed");
            }
        });
        writerThread.start();
        Eventually.await("the write started", Duration.ofSeconds(10), () -> calls.contains("write"));
        Thread containerThread = new Thread(() -> writeListener.onError(new IOException("Broken pipe")));
        containerThread.start();
        Eventually.await(
                "the container's call waits",
                Duration.ofSeconds(10),
                () -> containerThread.getState() == Thread.State.TIMED_WAITING
                        || containerThread.getState() == Thread.State.TERMINATED);
        writeMayFinish.countDown();
        writerThread.join(10_000);
        containerThread.join(10_000);
        assertThat(calls).containsSubsequence("write", "write-end", "complete");
    }
}
