package io.tradergateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.tradergateway.support.Eventually;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The wiring: TRADER_CHECK values, property binding, and the scheduled refresh's thread. */
class IbStatusConfigurationTest {

    private final FixtureServer server = new FixtureServer().on("/status", FixtureServer.fixture("system-outage.html"));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Infrastructure.class, IbStatusConfiguration.class)
            .withPropertyValues(
                    "gateway.ib-status.enabled=false",
                    "gateway.ib-status.url=" + server.uri("/status"),
                    "gateway.ib-status.exchanges=NYSE,NASDAQ");

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Configuration(proxyBeanMethods = false)
    static class Infrastructure {

        @Bean
        Clock clock() {
            return new MutableClock(TestSetup.WEDNESDAY_MORNING);
        }

        @Bean
        CircuitBreakerRegistry circuitBreakerRegistry() {
            return CircuitBreakerRegistry.ofDefaults();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"False", "false", "FALSE", "0", "no", "No", "NO", " no "})
    void traderCheckOffValuesDisableTheCheckVisibly(String value) {
        runner.withPropertyValues("TRADER_CHECK=" + value).run(context -> {
            assertThat(context.getBean(TraderCheck.class).enabled()).isFalse();
            context.getBean(IbStatusService.class).refresh(); // the page is red
            var health = context.getBean(IbStatusHealthIndicator.class).health();
            assertThat(health.getStatus().getCode()).isEqualTo("UP");
            assertThat(health.getDetails())
                    .containsEntry("checkEnabled", false)
                    .containsEntry("traderCheck", "TRADER_CHECK=" + value.trim()); // property values are trimmed
            assertThat(health.getDetails().get("detail")).asString().contains("disabled by TRADER_CHECK");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"True", "true", "1", "yes", "off", "nope", "falsey", ""})
    void anyOtherValueLeavesTheCheckOn(String value) {
        runner.withPropertyValues("TRADER_CHECK=" + value).run(context -> {
            assertThat(context.getBean(TraderCheck.class).enabled()).isTrue();
            context.getBean(IbStatusService.class).refresh();
            assertThat(context.getBean(IbStatusHealthIndicator.class)
                            .health()
                            .getStatus()
                            .getCode())
                    .isEqualTo("DOWN");
        });
    }

    @Test
    void anAbsentVariableLeavesTheCheckOn() {
        runner.run(context -> {
            assertThat(context.getBean(TraderCheck.class)).isEqualTo(new TraderCheck(true, null));
            context.getBean(IbStatusService.class).refresh();
            assertThat(context.getBean(IbStatusHealthIndicator.class)
                            .health()
                            .getStatus()
                            .getCode())
                    .isEqualTo("DOWN");
        });
    }

    @Test
    void theRealEnvironmentVariableIsRead() {
        runner.withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource("test-env", Map.of("TRADER_CHECK", "no"))))
                .run(context -> assertThat(context.getBean(TraderCheck.class)).isEqualTo(new TraderCheck(false, "no")));
    }

    @Test
    void maintenanceWindowsDefaultToNorthAmericaAndBindFromConfiguration() {
        runner.run(
                context -> assertThat(context.getBean(IbStatusProperties.class).maintenanceWindows())
                        .isEqualTo(MaintenanceWindow.northAmerica()));
        runner.withPropertyValues(
                        "gateway.ib-status.maintenance-windows[0].name=Europe daily reset",
                        "gateway.ib-status.maintenance-windows[0].zone=Europe/Zurich",
                        "gateway.ib-status.maintenance-windows[0].days=MONDAY,TUESDAY",
                        "gateway.ib-status.maintenance-windows[0].start=06:25",
                        "gateway.ib-status.maintenance-windows[0].end=07:45")
                .run(context -> assertThat(
                                context.getBean(IbStatusProperties.class).maintenanceWindows())
                        .containsExactly(new MaintenanceWindow(
                                "Europe daily reset",
                                ZoneId.of("Europe/Zurich"),
                                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
                                LocalTime.of(6, 25),
                                LocalTime.of(7, 45))));
        runner.withPropertyValues("gateway.ib-status.maintenance-windows=")
                .run(context -> assertThat(
                                context.getBean(IbStatusProperties.class).maintenanceWindows())
                        .isEmpty());
    }

    @Test
    void invalidSettingsStopStartUp() {
        runner.withPropertyValues("gateway.ib-status.url=ftp://example.com/status")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("gateway.ib-status.read-timeout=0s")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("gateway.ib-status.maintenance-windows[0].name=no days")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void withTheScheduleOffNothingIsFetched() {
        Set<Thread> before = threadsNamed("ib-status-");
        runner.run(context -> {
            assertThat(context.getBean(IbStatusRefresher.class).isRunning()).isFalse();
            Set<Thread> started = threadsNamed("ib-status-");
            started.removeAll(before);
            assertThat(started).as("no scrape thread").isEmpty();
            assertThat(context.getBean(IbStatusService.class).report().detail())
                    .contains("gateway.ib-status.enabled=false");
        });
        assertThat(server.requests()).isZero();
    }

    @Test
    void theScheduleScrapesAtOnceInTheBackgroundAndItsThreadsEndWithTheContext() {
        // Other test contexts (cached, still running, e.g. the console's with a scraped fixture page) may own
        // ib-status threads of their own: only the threads this context started must end with it.
        Set<Thread> before = threadsNamed("ib-status-");
        Set<Thread> started = new HashSet<>();
        runner.withPropertyValues("gateway.ib-status.enabled=true").run(context -> {
            assertThat(context.getBean(IbStatusRefresher.class).isRunning()).isTrue();
            IbStatusService service = context.getBean(IbStatusService.class);
            Eventually.await(
                    "the first scrape",
                    Duration.ofSeconds(10),
                    () -> "DOWN".equals(service.report().status()));
            started.addAll(threadsNamed("ib-status-"));
            started.removeAll(before);
            assertThat(started).isNotEmpty();
        });
        Eventually.await(
                "ib-status threads to end",
                Duration.ofSeconds(5),
                () -> started.stream().noneMatch(Thread::isAlive));
    }

    private static Set<Thread> threadsNamed(String prefix) {
        Set<Thread> named = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && thread.getName().startsWith(prefix)) {
                named.add(thread);
            }
        }
        return named;
    }
}
