package io.tradergateway.history;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.tradergateway.contract.ContractService;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bulk jobs on db-scheduler, wired by hand (its Spring Boot starter targets Boot 3): one task, "history-job-part",
 * one instance per contract of a job, in db-scheduler's one table on the store's database. Why db-scheduler: that
 * one table needs no schema of its own beyond Flyway's migration, a part is picked by one replica only (optimistic
 * locking on the row), and a replica that stops heart-beating (kill -9) has its parts revived on a live one; it
 * is a library, not a home-made loop. Spring Batch would bring nine tables and a job model far larger than
 * "fetch these chunks"; JobRunr's free edition lacks rate limiting.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HistoryJobsProperties.class)
class HistoryJobsConfiguration {

    static final String TASK = "history-job-part";

    @Bean
    HistoryJobStore historyJobStore(DataSource dataSource) {
        return new HistoryJobStore(dataSource);
    }

    @Bean
    HistoryJobRunner historyJobRunner(
            HistoryJobStore jobs,
            BarStore store,
            HistoryService history,
            ContractService contracts,
            HistoryProperties settings,
            Clock clock) {
        return new HistoryJobRunner(jobs, store, history, contracts, settings, clock);
    }

    @Bean
    OneTimeTask<Void> historyJobTask(HistoryJobRunner runner, HistoryJobsProperties settings) {
        return Tasks.oneTime(TASK)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(settings.retryAfter()))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    String id = instance.getId();
                    int dash = id.lastIndexOf('-');
                    runner.run(
                            id.substring(0, dash),
                            Integer.parseInt(id.substring(dash + 1)),
                            () -> context.getSchedulerState().isShuttingDown());
                });
    }

    @Bean
    HistoryJobScheduler historyJobScheduler(
            DataSource dataSource, OneTimeTask<Void> historyJobTask, HistoryJobsProperties settings) {
        // a new Scheduler per start: a stopped one cannot start again (a paused test context restarts its beans)
        return new HistoryJobScheduler(
                () -> Scheduler.create(dataSource, historyJobTask)
                        .schedulerName(new SchedulerName.Fixed(
                                "gateway-" + UUID.randomUUID().toString().substring(0, 8)))
                        .threads(settings.threads())
                        .pollingInterval(settings.pollingInterval())
                        .heartbeatInterval(settings.heartbeat())
                        .missedHeartbeatsLimit(settings.missedHeartbeats())
                        .enableImmediateExecution()
                        .shutdownMaxWait(Duration.ofSeconds(5))
                        .build(),
                SchedulerClient.Builder.create(dataSource, historyJobTask).build(),
                historyJobTask,
                settings.enabled());
    }

    @Bean
    HistoryJobs historyJobs(
            HistoryJobStore jobs,
            BarStore store,
            ContractService contracts,
            HistoryJobScheduler scheduler,
            HistoryProperties settings,
            Clock clock) {
        return new HistoryJobs(jobs, store, contracts, scheduler, settings.pacing(), clock);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService historyJobEvents() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "history-job-events");
            t.setDaemon(true);
            return t;
        });
    }

    /** db-scheduler's scheduler as a lifecycle bean: started with the context, stopped before the datasource. */
    static final class HistoryJobScheduler implements SmartLifecycle, HistoryJobs.Scheduling {
        private final Supplier<Scheduler> factory;
        private final SchedulerClient client;
        private final OneTimeTask<Void> task;
        private final boolean enabled;
        private volatile Scheduler scheduler;
        private volatile boolean running;

        HistoryJobScheduler(
                Supplier<Scheduler> factory, SchedulerClient client, OneTimeTask<Void> task, boolean enabled) {
            this.factory = factory;
            this.client = client;
            this.task = task;
            this.enabled = enabled;
        }

        /** The running scheduler (a new execution starts at once) or, stopped or disabled, the plain client. */
        private SchedulerClient current() {
            Scheduler s = scheduler;
            return s != null ? s : client;
        }

        @Override
        public void schedule(String partId) {
            current().scheduleIfNotExists(task.instance(partId), java.time.Instant.now());
        }

        @Override
        public void cancel(String partId) {
            try {
                current().cancel(new TaskInstance<>(TASK, partId));
            } catch (RuntimeException e) {
                // running or done already: the runner sees the job's cancelled flag between chunks
            }
        }

        @Override
        public synchronized void start() {
            if (enabled && scheduler == null) {
                scheduler = factory.get();
                scheduler.start();
            }
            running = true;
        }

        @Override
        public synchronized void stop() {
            Scheduler s = scheduler;
            scheduler = null;
            if (s != null) {
                s.stop();
            }
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
