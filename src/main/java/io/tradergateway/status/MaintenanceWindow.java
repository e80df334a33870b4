package io.tradergateway.status;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.util.Assert;

/**
 * A recurring window in which IB resets or maintains its servers, in the window's own time zone (so daylight
 * saving is followed). It starts on each of {@code days} at {@code start}; an {@code end} not after
 * {@code start} falls on the next day (Friday 23:00 to Saturday 03:00).
 */
public record MaintenanceWindow(String name, ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    public MaintenanceWindow {
        Assert.hasText(name, "gateway.ib-status.maintenance-windows[].name must not be blank");
        Assert.notNull(zone, "gateway.ib-status.maintenance-windows[].zone is required");
        Assert.notEmpty(days, "gateway.ib-status.maintenance-windows[].days must name at least one day");
        Assert.notNull(start, "gateway.ib-status.maintenance-windows[].start is required");
        Assert.notNull(end, "gateway.ib-status.maintenance-windows[].end is required");
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /**
     * IB's published North American schedule (system status page, read 2026): daily reset Sunday to Friday
     * 00:15-01:45 ET; weekend maintenance Friday 23:00 ET to Saturday 03:00 ET.
     */
    static List<MaintenanceWindow> northAmerica() {
        ZoneId eastern = ZoneId.of("America/New_York");
        return List.of(
                new MaintenanceWindow(
                        "daily reset (North America)",
                        eastern,
                        EnumSet.complementOf(EnumSet.of(DayOfWeek.SATURDAY)),
                        LocalTime.of(0, 15),
                        LocalTime.of(1, 45)),
                new MaintenanceWindow(
                        "weekend maintenance",
                        eastern,
                        EnumSet.of(DayOfWeek.FRIDAY),
                        LocalTime.of(23, 0),
                        LocalTime.of(3, 0)));
    }

    /** The occurrence that contains {@code instant}, if any. */
    Optional<Occurrence> occurrenceAt(Instant instant) {
        LocalDate today = LocalDate.ofInstant(instant, zone);
        // an occurrence that started yesterday may still be running (it can span midnight)
        for (LocalDate day = today.minusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            Optional<Occurrence> occurrence = occurrenceStartingOn(day);
            if (occurrence.isPresent() && occurrence.get().contains(instant)) {
                return occurrence;
            }
        }
        return Optional.empty();
    }

    /** The first occurrence that starts after {@code instant}. */
    Optional<Occurrence> nextAfter(Instant instant) {
        LocalDate today = LocalDate.ofInstant(instant, zone);
        for (LocalDate day = today; day.isBefore(today.plusDays(8)); day = day.plusDays(1)) {
            Optional<Occurrence> occurrence = occurrenceStartingOn(day);
            if (occurrence.isPresent() && occurrence.get().start().isAfter(instant)) {
                return occurrence;
            }
        }
        return Optional.empty();
    }

    private Optional<Occurrence> occurrenceStartingOn(LocalDate day) {
        if (!days.contains(day.getDayOfWeek())) {
            return Optional.empty();
        }
        LocalDate endDay = end.isAfter(start) ? day : day.plusDays(1);
        Instant from = ZonedDateTime.of(day, start, zone).toInstant();
        Instant to = ZonedDateTime.of(endDay, end, zone).toInstant();
        return Optional.of(new Occurrence(name, from, to));
    }

    /** One concrete occurrence of a window. */
    public record Occurrence(String name, Instant start, Instant end) {

        boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }
}
