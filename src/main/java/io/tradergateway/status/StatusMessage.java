package io.tradergateway.status;

import java.util.List;

/**
 * One message row of the status page.
 *
 * @param section the section's title, e.g. "Exchange Availability"
 * @param colour the state colour as found on the page (normalised), null if the row had none
 * @param title the message's {@code <strong>} title, null if it had none
 * @param text the message without its title and message id
 * @param messageId IB's "[Mesg Id: N]", null if absent
 * @param created the created time as the page prints it, null if absent
 * @param updated the updated time as the page prints it, null if absent
 * @param exchanges exchanges the title or text names, upper case
 */
public record StatusMessage(
        String section,
        Severity severity,
        String colour,
        String title,
        String text,
        Long messageId,
        String created,
        String updated,
        List<String> exchanges) {

    public StatusMessage {
        exchanges = List.copyOf(exchanges);
    }

    /** Title, or the start of the text: what a person needs to recognise the message. */
    String headline() {
        String line = title != null && !title.isBlank() ? title : text;
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
