package io.tradergateway.status;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs {@link IbStatusService#refresh()} on its own single thread: once right after start-up (so start-up
 * never waits for IB's web site) and then with a fixed delay. The thread is private, not the application's
 * task scheduler, and is stopped with the context: an in-flight fetch is interrupted. With scraping off
 * ({@code gateway.ib-status.enabled=false}) it starts no thread and fetches nothing.
 */
final class IbStatusRefresher implements SmartLifecycle {

    private final IbStatusService service;
    private final boolean enabled;
    private final Duration interval;
    private ThreadPoolTaskScheduler scheduler;

    IbStatusRefresher(IbStatusService service, boolean enabled, Duration interval) {
        this.service = service;
        this.enabled = enabled;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null || !enabled) {
            return;
        }
        ThreadPoolTaskScheduler threads = new ThreadPoolTaskScheduler();
        threads.setThreadNamePrefix("ib-status-");
        threads.setDaemon(true);
        threads.setWaitForTasksToCompleteOnShutdown(false);
        threads.setAwaitTerminationMillis(2_000);
        threads.initialize();
        threads.scheduleWithFixedDelay(service::refresh, threads.getClock().instant(), interval);
        scheduler = threads;
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
