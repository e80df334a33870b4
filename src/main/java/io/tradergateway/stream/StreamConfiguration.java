package io.tradergateway.stream;

import io.tradergateway.account.AccountService;
import io.tradergateway.contract.ContractService;
import io.tradergateway.marketdata.MarketDataService;
import io.tradergateway.marketdata.PnlService;
import io.tradergateway.order.OrderReads;
import io.tradergateway.order.OrderService;
import io.tradergateway.tws.TwsClient;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds {@code gateway.stream.*}; one daemon thread (`stream-poll`) compares polled topics and sends heartbeats, a
 * small shared pool (`sse-writer-N`, gateway.stream.writer-threads) writes every stream.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamProperties.class)
class StreamConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService streamPoller() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stream-poll");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService streamWriters(StreamProperties settings) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(settings.writerThreads(), r -> {
            Thread t = new Thread(r, "sse-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    StreamHub streamHub(
            StreamProperties settings,
            MarketDataService marketData,
            PnlService pnl,
            ContractService contracts,
            AccountService accounts,
            TwsClient tws,
            OrderService orderService,
            OrderReads orderReads,
            JsonMapper json,
            Clock clock,
            ScheduledExecutorService streamPoller) {
        OrderTopics orders = new OrderTopics(orderReads);
        orderService.addListener(orders);
        TopicSources sources = new TopicSources(marketData, pnl, contracts, accounts, tws, orders);
        return new StreamHub(settings, sources, json, clock, streamPoller);
    }
}
