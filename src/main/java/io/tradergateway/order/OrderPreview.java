package io.tradergateway.order;

import io.tradergateway.tws.TwsClient;
import io.tradergateway.tws.wire.ErrorMessage;
import io.tradergateway.tws.wire.OpenOrder;
import io.tradergateway.tws.wire.PlaceOrder;
import java.util.concurrent.CompletableFuture;

/** IB's what-if order: placeOrder with whatIf set, answered by an openOrder with margin and commission figures. */
public class OrderPreview {

    private final TwsClient tws;
    private final OrderGuards guards;
    private final OrderJournal journal;
    private final TradingProperties settings;
    private final Awaits awaits;
    private final Object sending;

    OrderPreview(
            TwsClient tws,
            OrderGuards guards,
            OrderJournal journal,
            TradingProperties settings,
            Awaits awaits,
            Object sending) {
        this.awaits = awaits;
        this.tws = tws;
        this.guards = guards;
        this.journal = journal;
        this.settings = settings;
        this.sending = sending;
    }

    /** TWS's commission and margin figures for the order; nothing is placed. */
    public OpenOrder preview(OrderRequest request, String who) {
        OrderPlan plan = OrderPlan.of("preview", request);
        guards.account(plan.legs().get(0).order().account());
        guards.limits(plan);
        CompletableFuture<OpenOrder> answer = new CompletableFuture<>();
        int id;
        synchronized (sending) { // order ids reach TWS in increasing order
            id = tws.allocateOrderId(m -> {
                if (m instanceof OpenOrder open && open.order().whatIf()) {
                    answer.complete(open);
                } else if (m instanceof ErrorMessage e && e.code() != 399) {
                    answer.completeExceptionally(OrderException.fromIb(e.code(), e.message()));
                }
            });
            tws.send(new PlaceOrder(
                    id, plan.contract(), plan.legs().get(0).order().withWhatIf(true)));
        }
        try {
            OpenOrder open = awaits.await(answer, settings.ackTimeout(), "what-if");
            journal.audit(
                    who,
                    "preview",
                    null,
                    id,
                    plan.canonical(),
                    "commission " + open.state().commission());
            return open;
        } finally {
            tws.releaseOrderId(id);
        }
    }
}
