package io.tradergateway.support;

import io.tradergateway.GatewayApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole gateway (simulator mode, random port) started in this JVM on a given database, and stopped again: what
 * a restart does to the store, without a child process. Tests that need {@code kill -9} use a child JVM instead.
 */
public final class GatewayRun implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private GatewayRun(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static GatewayRun start(TestDatabase db, String... extraProperties) {
        List<String> args = new ArrayList<>(
                List.of("--server.port=0", "--gateway.simulator.port=0", "--gateway.ib-status.enabled=false"));
        for (Map.Entry<String, String> p : db.springProperties().entrySet()) {
            args.add("--" + p.getKey() + "=" + p.getValue());
        }
        for (String p : extraProperties) {
            args.add("--" + p);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("sim")
                .run(args.toArray(String[]::new));
        return new GatewayRun(context);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public Http http() {
        return new Http(port());
    }

    @Override
    public void close() {
        context.close();
    }
}
