package io.tradergateway.tws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradergateway.tws.wire.AccountSummary;
import io.tradergateway.tws.wire.AccountSummaryEnd;
import io.tradergateway.tws.wire.CurrentTime;
import io.tradergateway.tws.wire.ErrorMessage;
import io.tradergateway.tws.wire.ReqCurrentTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Requests in flight, routed through the one table, without sockets or threads. */
class RequestRegistryTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private final InboundRouter router = new InboundRouter();
    private final IdRanges.RequestIds ids = new IdRanges.RequestIds();
    private final RequestRegistry registry = new RequestRegistry(3, ids::next, router);

    private static TwsRequest<List<AccountSummary>> summary() {
        return AccountSummaryRequests.accountSummary(Duration.ofSeconds(5));
    }

    @Test
    void answersCompleteTheRequestAndFreeItsReqId() throws Exception {
        RequestRegistry.Pending<List<AccountSummary>> pending = registry.register(summary(), NOW);
        AccountSummary row = new AccountSummary(pending.reqId, "DU1", "NetLiquidation", "10", "USD");
        router.route(row);
        assertThat(pending.future).isNotDone();
        router.route(new AccountSummaryEnd(pending.reqId));

        assertThat(pending.future.get()).containsExactly(row);
        assertThat(registry.size()).isZero();
        assertThat(router.route(new AccountSummaryEnd(pending.reqId))).isFalse(); // late: nobody owns it
    }

    @Test
    void warningForARequestIsIgnoredAndAFailureFailsIt() {
        RequestRegistry.Pending<List<AccountSummary>> pending = registry.register(summary(), NOW);
        router.route(ErrorMessage.of(pending.reqId, 2106, "HMDS data farm connection is OK:ushmds"));
        assertThat(pending.future).isNotDone();

        router.route(ErrorMessage.of(pending.reqId, 321, "Error validating request"));
        assertThatThrownBy(pending.future::get)
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        TwsRequestException.class, e -> assertThat(e.code()).isEqualTo(321));
        assertThat(registry.size()).isZero();
    }

    @Test
    void fullRegistryRefusesAtOnce() {
        registry.register(summary(), NOW);
        registry.register(summary(), NOW);
        registry.register(summary(), NOW);
        assertThatThrownBy(() -> registry.register(summary(), NOW)).isInstanceOf(TwsBusyException.class);
    }

    @Test
    void expiredEntriesAreHandedBackAndUnrouted() {
        RequestRegistry.Pending<List<AccountSummary>> pending = registry.register(summary(), NOW);
        assertThat(registry.expire(NOW.plusSeconds(4))).isEmpty();
        assertThat(registry.expire(NOW.plusSeconds(5))).containsExactly(pending);
        assertThat(registry.size()).isZero();
        assertThat(router.route(new AccountSummaryEnd(pending.reqId))).isFalse();
    }

    @Test
    void answersWithoutIdGoFirstInFirstOut() throws Exception {
        TwsRequest<CurrentTime> time =
                TwsRequest.answeredBy("time", new ReqCurrentTime(), CurrentTime.class, Duration.ofSeconds(1));
        CompletableFuture<CurrentTime> first = registry.register(time, NOW).future;
        CompletableFuture<CurrentTime> second = registry.register(time, NOW).future;
        router.route(new CurrentTime(1));
        assertThat(first.get().epochSeconds()).isEqualTo(1);
        assertThat(second).isNotDone();
        router.route(new CurrentTime(2));
        assertThat(second.get().epochSeconds()).isEqualTo(2);
    }

    @Test
    void lostConnectionFailsReadsButLeavesOrdersOutcomeUnknown() {
        RequestRegistry.Pending<List<AccountSummary>> read = registry.register(summary(), NOW);
        RequestRegistry.Pending<List<AccountSummary>> order =
                registry.register(summary().as(RequestKind.ORDER), NOW);
        registry.failAll(p -> p.spec.kind().outcomeUnknownOnLoss()
                ? new TwsOutcomeUnknownException(p.spec.name(), "lost")
                : new TwsUnavailableException("lost", ConnectionState.DISCONNECTED, Duration.ofSeconds(1)));

        assertThatThrownBy(read.future::get).cause().isInstanceOf(TwsUnavailableException.class);
        assertThatThrownBy(order.future::get).cause().isInstanceOf(TwsOutcomeUnknownException.class);
        assertThat(RequestKind.READ.cancelOnTimeout()).isTrue();
        assertThat(RequestKind.ORDER.cancelOnTimeout()).isFalse();
    }
}
