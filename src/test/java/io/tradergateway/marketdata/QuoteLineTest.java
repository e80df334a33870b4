package io.tradergateway.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.MutableClock;
import io.tradergateway.tws.wire.ServerMessage;
import io.tradergateway.tws.wire.TickPrice;
import io.tradergateway.tws.wire.TickSize;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A line's watchers get quotes, not ticks: the messages of one price change (bid, ask, sizes, last) become one quote
 * with all of them, a tick after the publisher took the book asks for another quote (none is lost), and stale flips
 * go the same way. The publisher is a queue of tasks the test runs; the clock is moved by hand.
 */
class QuoteLineTest {

    private static final int CON_ID = 265598;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T15:00:00Z"));
    private final ArrayDeque<Runnable> publisher = new ArrayDeque<>();
    private final List<Quote> quotes = new ArrayList<>();
    private final QuoteLine line =
            new QuoteLine(CON_ID, "SMART", TradingSessions.ALWAYS, (l, error, problem) -> {}, clock, publisher::add);
    private final Consumer<ServerMessage> tws = line.subscription().onMessage();

    {
        line.add(new QuoteListener() {
            @Override
            public void onQuote(Quote quote) {
                quotes.add(quote);
            }

            @Override
            public void onFailure(MarketDataException failure) {}
        });
    }

    private void publisherRuns() {
        while (!publisher.isEmpty()) {
            publisher.poll().run();
        }
    }

    private static TickPrice price(int tickType, double price) {
        return new TickPrice(1, tickType, price, BigDecimal.ONE, 0);
    }

    @Test
    void theMessagesOfOnePriceChangeBecomeOneQuoteWithAllOfThem() {
        tws.accept(price(1, 189.50)); // bid
        tws.accept(new TickSize(1, 0, new BigDecimal("300"))); // bid size
        tws.accept(price(2, 189.52)); // ask
        tws.accept(new TickSize(1, 3, new BigDecimal("400"))); // ask size
        tws.accept(price(4, 189.51)); // last
        assertThat(publisher).as("one quote asked for, five messages").hasSize(1);
        publisherRuns();
        assertThat(quotes).hasSize(1);
        Quote quote = quotes.get(0);
        assertThat(quote.bid()).isEqualTo(189.50);
        assertThat(quote.bidSize()).isEqualByComparingTo("300");
        assertThat(quote.ask()).isEqualTo(189.52);
        assertThat(quote.askSize()).isEqualByComparingTo("400");
        assertThat(quote.last()).isEqualTo(189.51);
    }

    @Test
    void aTickAfterThePublisherTookTheBookAsksForAnotherQuote() {
        tws.accept(price(1, 189.50));
        publisherRuns();
        tws.accept(price(1, 189.55));
        publisherRuns();
        assertThat(quotes).extracting(Quote::bid).containsExactly(189.50, 189.55);
    }

    @Test
    void aMessageThatChangesNothingAsksForNoQuote() {
        tws.accept(price(1, -1)); // TWS: no bid
        assertThat(publisher).isEmpty();
    }

    @Test
    void aLineGoingStaleAndLiveAgainIsOneQuoteEach() {
        tws.accept(price(1, 189.50));
        publisherRuns();
        clock.advance(Duration.ofSeconds(31));
        assertThat(line.checkStale(clock.instant(), Duration.ofSeconds(30))).isTrue();
        publisherRuns();
        tws.accept(price(1, 189.60));
        publisherRuns();
        assertThat(quotes).extracting(Quote::stale).containsExactly(false, true, false);
    }
}
