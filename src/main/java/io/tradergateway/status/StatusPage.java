package io.tradergateway.status;

import java.util.List;

/**
 * What the parser made of one status page.
 *
 * @param updated the page's own "Updated: ..." text, null if it has none
 * @param sections section titles in page order
 * @param messages every message row of every section
 * @param problems what did not match the expected layout; non-empty means the page cannot be fully trusted
 */
public record StatusPage(String updated, List<String> sections, List<StatusMessage> messages, List<String> problems) {

    public StatusPage {
        sections = List.copyOf(sections);
        messages = List.copyOf(messages);
        problems = List.copyOf(problems);
    }

    /** A page without a single section is not IB's status page at all (an error page, a captcha, garbage). */
    boolean recognised() {
        return !sections.isEmpty();
    }
}
