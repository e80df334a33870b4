package io.tradergateway.tws;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.tws.wire.AccountSummary;
import io.tradergateway.tws.wire.ErrorMessage;
import io.tradergateway.tws.wire.NextValidId;
import io.tradergateway.tws.wire.PositionEnd;
import io.tradergateway.tws.wire.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one routing table: each message to its owner only, by request id, order id, answer type or shared type. */
class InboundRouterTest {

    private final InboundRouter router = new InboundRouter();

    @Test
    void orderIdErrorGoesToTheOrdersOwnerNotToARequestWithTheSameNumber() {
        List<ServerMessage> order = new ArrayList<>();
        List<ServerMessage> request = new ArrayList<>();
        int number = 7;
        router.bindOrder(number, order::add);
        router.bindRequest(number, request::add); // even if a request were (wrongly) bound under that number

        ErrorMessage rejected = ErrorMessage.of(number, 201, "Order rejected - reason: no trading permissions");
        assertThat(router.route(rejected)).isTrue();

        assertThat(order).containsExactly(rejected);
        assertThat(request).isEmpty();
    }

    @Test
    void requestIdsNeverFallInTheOrderRangeSoOrdersAndRequestsCannotCollide() {
        IdRanges.RequestIds ids = new IdRanges.RequestIds();
        int first = ids.next();
        assertThat(first).isEqualTo(IdRanges.FIRST_REQUEST_ID);
        assertThat(IdRanges.isOrderId(first)).isFalse();
        assertThat(IdRanges.isRequestId(ids.next())).isTrue();
        assertThat(IdRanges.isOrderId(42)).isTrue();
        assertThat(IdRanges.isRequestId(42)).isFalse();
    }

    @Test
    void requestErrorGoesToItsRequestAndNotToAnOrder() {
        List<ServerMessage> order = new ArrayList<>();
        List<ServerMessage> request = new ArrayList<>();
        int reqId = new IdRanges.RequestIds().next();
        router.bindOrder(1, order::add);
        router.bindRequest(reqId, request::add);

        ErrorMessage failed = ErrorMessage.of(reqId, 200, "No security definition has been found");
        router.route(failed);

        assertThat(request).containsExactly(failed);
        assertThat(order).isEmpty();
    }

    @Test
    void messageReachesItsSubscriptionWithoutTouchingUnrelatedOnes() {
        IdRanges.RequestIds ids = new IdRanges.RequestIds();
        AtomicInteger unrelatedCalls = new AtomicInteger();
        for (int i = 0; i < 1_000; i++) {
            router.bindRequest(ids.next(), m -> unrelatedCalls.incrementAndGet());
        }
        int target = ids.next();
        List<ServerMessage> received = new ArrayList<>();
        router.bindRequest(target, received::add);

        AccountSummary row = new AccountSummary(target, "DU1111111", "NetLiquidation", "100.00", "USD");
        router.route(row);

        assertThat(received).containsExactly(row);
        assertThat(unrelatedCalls).hasValue(0);
    }

    @Test
    void sharedTypeGoesOnlyToItsConsumersAndTapsSeeEverything() {
        List<ServerMessage> positionEnds = new ArrayList<>();
        List<ServerMessage> otherType = new ArrayList<>();
        List<ServerMessage> tapped = new ArrayList<>();
        router.share(PositionEnd.class, positionEnds::add);
        router.share(NextValidId.class, otherType::add);
        router.addTap(new TwsListener() {
            @Override
            public void onMessage(ServerMessage message) {
                tapped.add(message);
            }
        });

        PositionEnd end = new PositionEnd();
        assertThat(router.route(end)).isFalse(); // no owner by id: shared only

        assertThat(positionEnds).containsExactly(end);
        assertThat(otherType).isEmpty();
        assertThat(tapped).containsExactly(end);
    }

    @Test
    void unboundRequestNoLongerReceivesAndAFailingOwnerDoesNotStopDelivery() {
        int reqId = new IdRanges.RequestIds().next();
        List<ServerMessage> late = new ArrayList<>();
        java.util.function.Consumer<ServerMessage> owner = late::add;
        router.bindRequest(reqId, owner);
        router.unbindRequest(reqId, owner);
        assertThat(router.route(ErrorMessage.of(reqId, 162, "late"))).isFalse();
        assertThat(late).isEmpty();

        List<ServerMessage> shared = new ArrayList<>();
        router.bindRequest(reqId, m -> {
            throw new IllegalStateException("feature bug");
        });
        router.share(AccountSummary.class, shared::add);
        router.route(new AccountSummary(reqId, "DU1", "NetLiquidation", "1", "USD"));
        assertThat(shared).hasSize(1);
    }
}
