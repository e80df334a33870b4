package io.tradergateway.status;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The verdict on one parsed page: relevant messages decide it, the others are reported for information.
 *
 * @param relevant messages that set the state (relevant outages, maintenance, unreadable rows)
 * @param irrelevant every other message: irrelevant outages, information, normal and resolved rows
 */
record Assessment(IbStatusState state, String detail, List<StatusMessage> relevant, List<StatusMessage> irrelevant) {

    static Assessment of(StatusPage page, Relevance relevance) {
        List<StatusMessage> relevant = new ArrayList<>();
        List<StatusMessage> irrelevant = new ArrayList<>();
        for (StatusMessage message : page.messages()) {
            if (message.severity().mayBlockTrading() && relevance.isRelevant(message)) {
                relevant.add(message);
            } else {
                irrelevant.add(message);
            }
        }
        List<StatusMessage> outages = only(relevant, Severity.OUTAGE);
        List<StatusMessage> maintenance = only(relevant, Severity.MAINTENANCE);
        List<StatusMessage> unreadable = only(relevant, Severity.UNKNOWN);
        String others = irrelevant.isEmpty() ? "" : " (" + irrelevant.size() + " other message(s) not relevant)";
        if (!outages.isEmpty()) {
            return new Assessment(
                    IbStatusState.OUTAGE, "relevant outage: " + headlines(outages) + others, relevant, irrelevant);
        }
        if (!maintenance.isEmpty()) {
            return new Assessment(
                    IbStatusState.MAINTENANCE,
                    "scheduled maintenance: " + headlines(maintenance) + others,
                    relevant,
                    irrelevant);
        }
        if (!unreadable.isEmpty() || !page.problems().isEmpty()) {
            List<String> reasons = new ArrayList<>(page.problems());
            unreadable.forEach(m -> reasons.add("message '" + m.headline() + "' in " + m.section()
                    + (m.colour() == null ? " has no state colour" : " has an unknown state colour " + m.colour())));
            return new Assessment(
                    IbStatusState.UNKNOWN,
                    "the page cannot be fully read: " + String.join("; ", reasons),
                    relevant,
                    irrelevant);
        }
        return new Assessment(IbStatusState.OK, "no relevant problems reported" + others, relevant, irrelevant);
    }

    private static List<StatusMessage> only(List<StatusMessage> messages, Severity severity) {
        return messages.stream().filter(m -> m.severity() == severity).toList();
    }

    private static String headlines(List<StatusMessage> messages) {
        return messages.stream().map(StatusMessage::headline).collect(Collectors.joining("; "));
    }
}
