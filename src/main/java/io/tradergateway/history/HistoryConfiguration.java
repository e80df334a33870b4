package io.tradergateway.history;

import io.tradergateway.contract.ContractService;
import io.tradergateway.tws.TwsClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * History's own threads, apart from the web server's and the TWS reader's: a {@code history-pacer} timer that
 * sends queued requests when their slot comes, and {@code history-stream-*} threads that write responses. Plain
 * executors, not lifecycle beans: they hold no connection, so a paused test context needs nothing restarted.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HistoryProperties.class)
class HistoryConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService historyPacerTimer() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "history-pacer");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService historyStreams(HistoryProperties settings) {
        AtomicInteger counter = new AtomicInteger();
        // one thread per download at most, never queued: the bulkhead already bounds how many there are
        return new ThreadPoolExecutor(
                0, settings.maxConcurrentRequests(), 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "history-stream-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    @Bean
    HistoryPacer historyPacer(HistoryProperties settings, Clock clock, ScheduledExecutorService historyPacerTimer) {
        return new HistoryPacer(settings.pacing(), clock, new TimerWaker(historyPacerTimer, clock));
    }

    /** {@code history.pacer.queued}: requests waiting for their pacing slot (dashboards, the isolation benchmark). */
    @Bean
    io.micrometer.core.instrument.binder.MeterBinder historyPacerMetrics(HistoryPacer pacer) {
        return registry -> io.micrometer.core.instrument.Gauge.builder(
                        "history.pacer.queued", pacer, HistoryPacer::queued)
                .description("history requests waiting for a pacing slot")
                .register(registry);
    }

    @Bean
    HistoryBulkhead historyBulkhead(HistoryProperties settings) {
        return new HistoryBulkhead(settings.maxConcurrentRequests());
    }

    @Bean
    HistoryService historyService(
            TwsClient tws, ContractService contracts, HistoryProperties settings, HistoryPacer pacer, Clock clock) {
        return new HistoryService(tws, contracts, settings, pacer, clock);
    }

    @Bean
    BarStore barStore(javax.sql.DataSource dataSource) {
        return new BarStore(dataSource);
    }

    /** Writes answers to the store in order, off the response's path; a full queue drops (the range stays a gap). */
    @Bean(destroyMethod = "shutdown")
    ExecutorService historyStoreWriter() {
        return new ThreadPoolExecutor(
                1, 1, 0, TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(1024), r -> {
                    Thread t = new Thread(r, "history-store-writer");
                    t.setDaemon(true);
                    return t;
                });
    }

    @Bean
    StoredHistory storedHistory(
            BarStore barStore,
            ExecutorService historyStoreWriter,
            HistoryProperties settings,
            @org.springframework.beans.factory.annotation.Value("${gateway.history.store-answers:true}")
                    boolean storeAnswers) {
        return new StoredHistory(barStore, historyStoreWriter, storeAnswers, settings.storeQueueMaxBars());
    }

    /** Wakes the pacer on a timer thread, keeping only the earliest wake-up pending. */
    static final class TimerWaker implements HistoryPacer.Waker {
        private final ScheduledExecutorService timer;
        private final Clock clock;
        private Instant pending;

        TimerWaker(ScheduledExecutorService timer, Clock clock) {
            this.timer = timer;
            this.clock = clock;
        }

        @Override
        public synchronized void wakeAt(Instant when, Runnable pump) {
            if (pending != null && !pending.isAfter(when)) {
                return;
            }
            pending = when;
            long micros = Math.max(0, Duration.between(clock.instant(), when).toNanos() / 1000);
            try {
                timer.schedule(
                        () -> {
                            synchronized (this) {
                                if (when.equals(pending)) {
                                    pending = null;
                                }
                            }
                            pump.run();
                        },
                        micros,
                        TimeUnit.MICROSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                pending = null; // shutting down
            }
        }
    }
}
