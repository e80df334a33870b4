package io.tradergateway.status;

import java.util.List;

/**
 * Which messages matter to this gateway's trading. Rules (issue 6): anything in "System Availability" is
 * always relevant. Otherwise a message that names an exchange of interest is relevant; with no exchanges of
 * interest configured, every message is, except one that names only ignored exchanges. A message that names
 * no exchange at all outside "System Availability" is treated as relevant too: nothing shows it is about an
 * exchange we do not trade, and the check must never be UP by accident.
 */
final class Relevance {

    private final List<String> interest;
    private final List<String> ignored;

    Relevance(List<String> interest, List<String> ignored) {
        this.interest = List.copyOf(interest);
        this.ignored = List.copyOf(ignored);
    }

    boolean isRelevant(StatusMessage message) {
        if (StatusPageParser.SYSTEM_SECTION.equalsIgnoreCase(message.section())) {
            return true;
        }
        List<String> named = message.exchanges();
        if (named.isEmpty()) {
            return true;
        }
        if (!interest.isEmpty()) {
            return named.stream().anyMatch(interest::contains);
        }
        return !ignored.containsAll(named);
    }
}
