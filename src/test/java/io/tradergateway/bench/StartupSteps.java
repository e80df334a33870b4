package io.tradergateway.bench;

import io.tradergateway.GatewayApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where start-up time goes: runs the gateway with Spring's buffering start-up recorder (what the {@code startup}
 * actuator endpoint would serve) and prints the slowest steps, bean instantiation measured without its
 * dependencies. Run from bench/run.sh ({@code ONLY=startup-steps}) with the app's arguments.
 */
public final class StartupSteps {

    private StartupSteps() {}

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(GatewayApplication.class);
        // the AOT-processed context (-Dspring.aot.enabled=true) is found by the main class's name
        app.setMainApplicationClass(GatewayApplication.class);
        BufferingApplicationStartup startup = new BufferingApplicationStartup(20_000);
        app.setApplicationStartup(startup);
        long t0 = System.nanoTime();
        ConfigurableApplicationContext context = app.run(args);
        long total = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        List<Row> rows = new ArrayList<>();
        for (StartupTimeline.TimelineEvent event : startup.getBufferedTimeline().getEvents()) {
            String name = event.getStartupStep().getName();
            StringBuilder tags = new StringBuilder();
            event.getStartupStep().getTags().forEach(t -> tags.append(' ').append(t.getValue()));
            rows.add(new Row(
                    event.getDuration().toMillis(),
                    name + tags,
                    event.getStartupStep().getParentId()));
        }
        // self time would need the tree; the top of the list by wall time is enough to find the culprits
        rows.sort(Comparator.comparingLong(Row::millis).reversed());
        System.out.println("startup total " + total + " ms; slowest steps (wall, including children):");
        rows.stream()
                .limit(Integer.getInteger("top", 40))
                .forEach(r -> System.out.printf("%6d ms  %s%n", r.millis(), r.what()));
        context.close();
    }

    private record Row(long millis, String what, Long parent) {}
}
