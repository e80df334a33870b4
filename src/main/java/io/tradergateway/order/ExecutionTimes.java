package io.tradergateway.order;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** execDetails times as TWS prints them: "yyyyMMdd HH:mm:ss" and a zone ("UTC", "US/Eastern"); UTC when absent. */
final class ExecutionTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");

    private ExecutionTimes() {}

    /** Whether {@code time} is before {@code since}; an unreadable time is never filtered out. */
    static boolean before(String time, Instant since) {
        try {
            String[] parts = time.trim().split("\\s+");
            LocalDateTime local = LocalDateTime.parse(parts[0] + " " + parts[1], FORMAT);
            ZoneId zone = parts.length > 2 ? ZoneId.of(parts[2]) : ZoneOffset.UTC;
            return local.atZone(zone).toInstant().isBefore(since);
        } catch (ArrayIndexOutOfBoundsException | java.time.DateTimeException e) {
            return false;
        }
    }
}
