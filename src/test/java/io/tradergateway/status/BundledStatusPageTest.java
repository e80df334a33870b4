package io.tradergateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

/**
 * The simulator demo reads a status page bundled with the gateway, so that offline it is not DOWN for IB's page
 * it cannot reach; the page is read like a fetched one and judged by the same parser.
 */
class BundledStatusPageTest {

    private final MutableClock clock = new MutableClock(TestSetup.WEDNESDAY_MORNING);

    @Test
    void theSimProfilePointsAtTheBundledPageAndItReadsAsNormalOperations() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        yaml.load("sim", new ClassPathResource("application-sim.yml"))
                .forEach(environment.getPropertySources()::addFirst);
        // the operator's ./application.yml outranks every packaged file, the sim profile's included: the demo,
        // run from the repository root, must still read the bundled page
        yaml.load("operator", new FileSystemResource("application.yml"))
                .forEach(environment.getPropertySources()::addFirst);
        ConfigurationPropertySources.attach(environment);
        URI url =
                Binder.get(environment).bind("gateway.ib-status.url", URI.class).get();
        assertThat(url.toString()).endsWith("sim/ib-status.html");

        IbStatusService service =
                TestSetup.service(TestSetup.settings(url, TestSetup.INTEREST), clock, TraderCheck.of(null));
        service.refresh();

        IbStatusReport report = service.report();
        assertThat(report.status()).isEqualTo("UP");
        assertThat(report.detail()).contains("no relevant problems");
    }

    @Test
    void aClasspathUrlIsAcceptedAndAMissingPageIsAFailedScrapeNotAnError() {
        IbStatusService service = TestSetup.service(
                TestSetup.settings(URI.create("classpath:sim/no-such-page.html"), TestSetup.INTEREST),
                clock,
                TraderCheck.of(null));
        service.refresh();

        IbStatusReport report = service.report();
        assertThat(report.status()).isEqualTo("UNKNOWN");
        assertThat(report.detail()).contains("no bundled status page");
    }

    @Test
    void otherSchemesAreStillRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TestSetup.settings(URI.create("ftp://example.com/status"), TestSetup.INTEREST))
                .hasMessageContaining("http(s) URL or a classpath: page");
    }
}
