package io.tradergateway.order;

import io.tradergateway.contract.ContractService;
import io.tradergateway.tws.TwsClient;
import io.tradergateway.tws.wire.CommissionReport;
import io.tradergateway.tws.wire.CompletedOrder;
import io.tradergateway.tws.wire.ExecDetails;
import io.tradergateway.tws.wire.OpenOrder;
import io.tradergateway.tws.wire.OrderStatus;
import io.tradergateway.tws.wire.PortfolioValue;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the order feature: journal on the gateway's database, the book fed by TWS, service, reads, reconciler. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TradingProperties.class)
class OrderConfiguration {

    /** One lock for every command that takes a new order id: TWS wants a client's ids in increasing order. */
    private final Object sending = new Object();

    @Bean
    @DependsOnDatabaseInitialization // the tables come from Flyway
    OrderJournal orderJournal(DataSource dataSource, Clock clock) {
        return new JdbcOrderJournal(dataSource, clock);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService orderWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "order-worker");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean(destroyMethod = "close")
    Awaits orderAwaits(Clock clock) {
        return new Awaits(clock);
    }

    @Bean
    OrderGuards orderGuards(TradingProperties settings, ContractService contracts) {
        return new OrderGuards(settings, conId -> contracts.byConId(conId).secType());
    }

    @Bean
    OrderBook orderBook(Clock clock, OrderJournal journal, ExecutorService orderWorker) {
        return new OrderBook(clock, journal, orderWorker);
    }

    @Bean
    OrderReads orderReads(TwsClient tws, OrderBook book) {
        return new OrderReads(tws, book);
    }

    @Bean
    OrderService orderService(
            TwsClient tws,
            OrderJournal journal,
            OrderBook book,
            OrderGuards guards,
            TradingProperties settings,
            Clock clock,
            OrderReads reads,
            ExecutorService orderWorker,
            Awaits awaits) {
        tws.share(OpenOrder.class, book::onOpenOrder);
        tws.share(OrderStatus.class, book::onStatus);
        tws.share(ExecDetails.class, e -> {
            book.fills.onExecution(e);
            guards.lastPrice(e.conId(), e.execution().price(), e.multiplier());
        });
        tws.share(CommissionReport.class, book.fills::onCommission);
        tws.share(CompletedOrder.class, book::onCompleted);
        tws.share(PortfolioValue.class, p -> guards.lastPrice(p.conId(), p.marketPrice(), p.multiplier()));
        OrderReconciler reconciler = new OrderReconciler(book, reads, journal, orderWorker, clock);
        reconciler.restore();
        tws.addListener(reconciler);
        return new OrderService(tws, journal, book, guards, settings, clock, awaits, sending);
    }

    @Bean
    OrderPreview orderPreview(
            TwsClient tws, OrderGuards guards, OrderJournal journal, TradingProperties settings, Awaits awaits) {
        return new OrderPreview(tws, guards, journal, settings, awaits, sending);
    }
}
