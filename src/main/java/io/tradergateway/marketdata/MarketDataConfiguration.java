package io.tradergateway.marketdata;

import io.tradergateway.tws.TwsClient;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Binds {@code gateway.market-data.*}; one daemon thread (`market-data`) for linger, stale checks and re-requests, one
 * (`quote-publisher-1`) that sends each line's coalesced quotes to its watchers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MarketDataProperties.class)
class MarketDataConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService marketDataWorker() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "market-data");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService quotePublisher() {
        CustomizableThreadFactory thread = new CustomizableThreadFactory("quote-publisher-");
        thread.setDaemon(true);
        return Executors.newSingleThreadExecutor(thread);
    }

    @Bean
    PnlService pnlService(TwsClient tws, Clock clock, MarketDataProperties settings) {
        return new PnlService(tws, clock, settings.maxLines());
    }

    @Bean
    MarketDataService marketDataService(
            TwsClient tws,
            MarketDataProperties settings,
            Clock clock,
            ScheduledExecutorService marketDataWorker,
            ExecutorService quotePublisher) {
        return new MarketDataService(tws, settings, clock, marketDataWorker, quotePublisher);
    }
}
