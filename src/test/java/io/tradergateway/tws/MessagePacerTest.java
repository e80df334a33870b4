package io.tradergateway.tws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MessagePacerTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(5 * SECOND);
    private final List<Long> waits = new ArrayList<>();
    private final MessagePacer pacer = new MessagePacer(45, now::get, nanos -> {
        waits.add(nanos);
        now.addAndGet(nanos); // the fake sleep moves the fake clock
    });

    @Test
    void aBurstUpToTheRatePassesAtOnceAndTheNextWaitsForTheWindow() {
        for (int i = 0; i < 45; i++) {
            pacer.acquire();
        }
        assertThat(waits).isEmpty();
        now.addAndGet(300_000_000L);
        pacer.acquire();
        assertThat(waits).containsExactly(MessagePacer.WINDOW - 300_000_000L); // a window after the first
    }

    @Test
    void noWindowEverHoldsMoreThanTheRate() {
        List<Long> sentAt = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            if (i % 7 == 0) {
                now.addAndGet(13_000_000L); // callers arrive unevenly
            }
            pacer.acquire();
            sentAt.add(now.get());
        }
        for (int i = 0; i + 45 < sentAt.size(); i++) {
            assertThat(sentAt.get(i + 45) - sentAt.get(i))
                    .as("messages %d and %d", i, i + 45)
                    .isGreaterThanOrEqualTo(MessagePacer.WINDOW);
        }
    }

    @Test
    void idleTimeLetsAFullBurstThroughAgain() {
        for (int i = 0; i < 45; i++) {
            pacer.acquire();
        }
        now.addAndGet(10 * SECOND);
        for (int i = 0; i < 45; i++) {
            pacer.acquire();
        }
        assertThat(waits).isEmpty();
    }
}
