package io.tradergateway.status;

import io.tradergateway.status.MaintenanceWindow.Occurrence;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** All configured maintenance windows: which one is running now, which one comes next. */
final class MaintenanceSchedule {

    private final List<MaintenanceWindow> windows;

    MaintenanceSchedule(List<MaintenanceWindow> windows) {
        this.windows = List.copyOf(windows);
    }

    Maintenance at(Instant now) {
        Occurrence current = windows.stream()
                .map(w -> w.occurrenceAt(now))
                .flatMap(Optional::stream)
                .min(Comparator.comparing(Occurrence::start))
                .orElse(null);
        Occurrence next = windows.stream()
                .map(w -> w.nextAfter(now))
                .flatMap(Optional::stream)
                .min(Comparator.comparing(Occurrence::start))
                .orElse(null);
        return new Maintenance(current, next);
    }

    /**
     * Maintenance as seen at one instant.
     *
     * @param now the window running now, null if none
     * @param next the next window to start, null if none is configured
     */
    public record Maintenance(Occurrence now, Occurrence next) {

        boolean active() {
            return now != null;
        }
    }
}
