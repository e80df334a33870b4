package io.tradergateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The re-sync bookkeeping behind every account endpoint's stale / resyncing flags. */
class LiveTableTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T15:00:00Z"));
    private final LiveTable<String, String> table = new LiveTable<>(clock);

    @Test
    void nothingIsSyncedBeforeTheFirstDownloadEnds() {
        table.restart();
        table.put("a", "1");
        LiveTable.Snapshot<String> snapshot = table.snapshot();
        assertThat(snapshot.synced()).isFalse();
        assertThat(snapshot.rows()).isEmpty();
        assertThat(snapshot.resyncing()).isTrue();
    }

    @Test
    void aResyncServesThePreviousRowsFlaggedUntilTheNewDownloadIsComplete() {
        table.restart();
        table.put("a", "1");
        table.put("b", "2");
        table.commit();
        Instant firstSync = clock.instant();

        table.interrupted();
        assertThat(table.snapshot().stale()).isTrue();
        assertThat(table.snapshot().resyncing()).isFalse();
        assertThat(table.snapshot().rows()).containsExactly("1", "2");

        clock.advance(Duration.ofSeconds(3));
        table.restart();
        table.put("a", "1b"); // b is gone at TWS
        LiveTable.Snapshot<String> during = table.snapshot();
        assertThat(during.rows()).containsExactly("1", "2");
        assertThat(during.stale()).isTrue();
        assertThat(during.resyncing()).isTrue();
        assertThat(during.asOf()).isEqualTo(firstSync);

        table.commit();
        LiveTable.Snapshot<String> after = table.snapshot();
        assertThat(after.rows()).containsExactly("1b");
        assertThat(after.stale()).isFalse();
        assertThat(after.resyncing()).isFalse();
        assertThat(after.asOf()).isAfter(firstSync);
    }

    @Test
    void updatesAfterTheDownloadApplyAtOnceWithANewerAsOf() {
        table.restart();
        table.put("a", "1");
        table.commit();
        Instant synced = table.snapshot().asOf();
        clock.advance(Duration.ofSeconds(5));
        table.put("a", "2");
        table.remove("missing");
        assertThat(table.snapshot().rows()).containsExactly("2");
        assertThat(table.snapshot().asOf()).isAfter(synced);
    }

    @Test
    void connectivityLossPausesAndDataMaintainedResumesWithoutADownload() {
        table.restart();
        table.put("a", "1");
        table.commit();
        table.paused();
        assertThat(table.snapshot().stale()).isTrue();
        table.resumed();
        assertThat(table.snapshot().stale()).isFalse();
        assertThat(table.snapshot().rows()).containsExactly("1");
    }

    @Test
    void readersShareOneSnapshotUntilSomethingChanges() {
        table.restart();
        table.put("a", "1");
        table.commit();
        LiveTable.Snapshot<String> first = table.snapshot();
        assertThat(table.snapshot()).isSameAs(first);

        table.put("b", "2");
        LiveTable.Snapshot<String> afterPut = table.snapshot();
        assertThat(afterPut).isNotSameAs(first);
        assertThat(afterPut.rows()).containsExactly("1", "2");
        assertThat(first.rows()).containsExactly("1");

        table.paused();
        assertThat(table.snapshot()).isNotSameAs(afterPut);
        assertThat(table.snapshot().stale()).isTrue();
        LiveTable.Snapshot<String> paused = table.snapshot();
        table.resumed();
        assertThat(table.snapshot()).isNotSameAs(paused);
        assertThat(table.snapshot().stale()).isFalse();

        LiveTable.Snapshot<String> beforeTouch = table.snapshot();
        clock.advance(Duration.ofSeconds(1));
        table.touch();
        assertThat(table.snapshot().asOf()).isAfter(beforeTouch.asOf());
    }
}
