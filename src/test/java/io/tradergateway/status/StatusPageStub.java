package io.tradergateway.status;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.test.context.DynamicPropertyRegistry;

/** IB's status page for full-application tests: one fixture server per test class, page switched per test. */
public final class StatusPageStub implements AutoCloseable {

    private final FixtureServer server = new FixtureServer();
    private final AtomicReference<FixtureServer.Answer> page =
            new AtomicReference<>(FixtureServer.fixture("no-problems.html"));

    public StatusPageStub() {
        server.on("/status", exchange -> page.get().send(exchange));
    }

    /** Points the app at this page, with fixed exchanges and no maintenance windows (tests run at any hour). */
    void register(DynamicPropertyRegistry registry) {
        register(registry, false);
    }

    /** As {@link #register(DynamicPropertyRegistry)}; with scheduled scrapes the app reads the page by itself. */
    public void register(DynamicPropertyRegistry registry, boolean scheduledScrapes) {
        registry.add("gateway.ib-status.url", () -> server.uri("/status").toString());
        registry.add("gateway.ib-status.exchanges", () -> "NYSE,NASDAQ,ARCA,CME");
        registry.add("gateway.ib-status.maintenance-windows", () -> "");
        registry.add("gateway.ib-status.enabled", () -> String.valueOf(scheduledScrapes));
    }

    public void serve(String fixture) {
        page.set(FixtureServer.fixture(fixture));
    }

    @Override
    public void close() {
        server.close();
    }
}
