package io.tradergateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.status.MaintenanceSchedule.Maintenance;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaintenanceWindowTest {

    private final MaintenanceSchedule northAmerica = new MaintenanceSchedule(MaintenanceWindow.northAmerica());

    @Test
    void dailyResetFollowsNewYorkTimeInSummerAndWinter() {
        // 2026-05-06 is a Wednesday; EDT = UTC-4: 00:15-01:45 ET = 04:15-05:45 UTC
        assertThat(northAmerica.at(Instant.parse("2026-05-06T04:14:59Z")).active())
                .isFalse();
        Maintenance summer = northAmerica.at(Instant.parse("2026-05-06T04:15:00Z"));
        assertThat(summer.now().name()).isEqualTo("daily reset (North America)");
        assertThat(summer.now().end()).isEqualTo(Instant.parse("2026-05-06T05:45:00Z"));
        assertThat(northAmerica.at(Instant.parse("2026-05-06T05:45:00Z")).active())
                .isFalse();
        // 2026-01-14 is a Wednesday; EST = UTC-5
        assertThat(northAmerica.at(Instant.parse("2026-01-14T05:30:00Z")).now().start())
                .isEqualTo(Instant.parse("2026-01-14T05:15:00Z"));
        assertThat(northAmerica.at(Instant.parse("2026-01-14T04:30:00Z")).active())
                .isFalse();
    }

    @Test
    void weekendMaintenanceSpansMidnightFridayToSaturday() {
        // Friday 2026-05-08 23:30 ET and Saturday 02:59 ET are inside; Saturday 03:00 ET is not
        Maintenance friday = northAmerica.at(Instant.parse("2026-05-09T03:30:00Z"));
        assertThat(friday.now().name()).isEqualTo("weekend maintenance");
        assertThat(friday.now().end()).isEqualTo(Instant.parse("2026-05-09T07:00:00Z"));
        assertThat(northAmerica.at(Instant.parse("2026-05-09T06:59:00Z")).now().name())
                .isEqualTo("weekend maintenance");
        assertThat(northAmerica.at(Instant.parse("2026-05-09T07:00:00Z")).active())
                .isFalse();
    }

    @Test
    void noDailyResetStartsOnSaturday() {
        // Saturday 2026-05-09 00:15 ET lies in the weekend window, Sunday 00:15 ET (Saturday night) resets
        assertThat(northAmerica.at(Instant.parse("2026-05-10T04:30:00Z")).now().name())
                .isEqualTo("daily reset (North America)");
        Maintenance saturdayNoon = northAmerica.at(Instant.parse("2026-05-09T16:00:00Z"));
        assertThat(saturdayNoon.active()).isFalse();
        assertThat(saturdayNoon.next().start()).isEqualTo(Instant.parse("2026-05-10T04:15:00Z"));
    }

    @Test
    void nextIsTheSoonestUpcomingWindow() {
        Maintenance wednesdayAfternoon = northAmerica.at(Instant.parse("2026-05-06T18:00:00Z"));

        assertThat(wednesdayAfternoon.now()).isNull();
        assertThat(wednesdayAfternoon.next().name()).isEqualTo("daily reset (North America)");
        assertThat(wednesdayAfternoon.next().start()).isEqualTo(Instant.parse("2026-05-07T04:15:00Z"));
        assertThat(northAmerica.at(Instant.parse("2026-05-08T18:00:00Z")).next().name())
                .isEqualTo("weekend maintenance");
    }

    @Test
    void noWindowsMeansNeverInMaintenance() {
        Maintenance none = new MaintenanceSchedule(List.of()).at(Instant.parse("2026-05-06T04:30:00Z"));

        assertThat(none.now()).isNull();
        assertThat(none.next()).isNull();
    }
}
