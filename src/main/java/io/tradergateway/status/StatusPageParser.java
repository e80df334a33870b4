package io.tradergateway.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads IB's status page into a {@link StatusPage}. Layout (from public scrapers of the page): each section is
 * a {@code table.TableOutline} titled by a {@code td.CellTitle}; after a header row come message rows
 * {@code tr.odd}/{@code tr.even} whose first cell ({@code td.centeritem}) carries the state as a colour,
 * either {@code style="background-color:#..."} or an older {@code bgcolor}; the message cell may start with
 * a {@code <strong>} title and end with "[Mesg Id: N]"; the last cell holds created/updated times.
 *
 * <p>Never throws: whatever does not fit the layout becomes a problem or an UNKNOWN message, so a changed
 * page can only make the status UNKNOWN, never UP by accident.
 */
final class StatusPageParser {

    /** Sections whose absence means the page changed: without them no outage could ever be seen. */
    static final List<String> REQUIRED_SECTIONS = List.of("System Availability", "Exchange Availability");

    static final String SYSTEM_SECTION = "System Availability";

    private static final Pattern MESSAGE_ID =
            Pattern.compile("\\[\\s*Mesg\\s*Id\\s*:?\\s*(\\d+)\\s*]", Pattern.CASE_INSENSITIVE);
    private static final Pattern BACKGROUND =
            Pattern.compile("background(?:-color)?\\s*:\\s*([^;]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern UPDATED = Pattern.compile("Updated\\s*:\\s*(.+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BREAK = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final String NO_PROBLEMS = "no problems reported";

    private final ExchangeNames exchanges;

    StatusPageParser(ExchangeNames exchanges) {
        this.exchanges = exchanges;
    }

    StatusPage parse(byte[] body, String charset, String baseUri) {
        try {
            return parse(Jsoup.parse(new ByteArrayInputStream(body), charset, baseUri));
        } catch (IOException | RuntimeException e) {
            if (charset != null) {
                return parse(body, null, baseUri); // an unknown charset name: let Jsoup detect it
            }
            return new StatusPage(null, List.of(), List.of(), List.of("the body could not be read as HTML"));
        }
    }

    StatusPage parse(Document document) {
        List<String> sections = new ArrayList<>();
        List<StatusMessage> messages = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Element table : document.select("table.TableOutline")) {
            Element titleCell = table.selectFirst("td.CellTitle");
            String title = titleCell == null ? "" : titleCell.text().trim();
            if (title.isEmpty()) {
                problems.add("a table.TableOutline section has no td.CellTitle title");
                title = "(untitled section " + (sections.size() + 1) + ")";
            }
            sections.add(title);
            readSection(table, title, messages, problems);
        }
        if (sections.isEmpty()) {
            problems.add("no table.TableOutline section found: not IB's status page, or its layout changed");
        } else {
            for (String required : REQUIRED_SECTIONS) {
                if (sections.stream().noneMatch(required::equalsIgnoreCase)) {
                    problems.add("section '" + required + "' is missing from the page");
                }
            }
        }
        return new StatusPage(updated(document), sections, messages, problems);
    }

    private void readSection(Element table, String title, List<StatusMessage> messages, List<String> problems) {
        List<Element> rows = table.select("tr.odd, tr.even").stream()
                .filter(row -> row.closest("table.TableOutline") == table)
                .toList();
        boolean saysNoProblems = table.text().toLowerCase(Locale.ROOT).contains(NO_PROBLEMS);
        boolean isStatusHeader = UPDATED.matcher(table.text()).find();
        for (Element row : rows) {
            if (row.text().toLowerCase(Locale.ROOT).contains(NO_PROBLEMS)) {
                continue;
            }
            messages.add(readRow(row, title));
        }
        if (rows.isEmpty() && !saysNoProblems && !isStatusHeader) {
            problems.add("section '" + title + "' has neither message rows nor 'No problems reported'");
        }
    }

    private StatusMessage readRow(Element row, String section) {
        List<Element> cells =
                row.children().stream().filter(e -> e.normalName().equals("td")).toList();
        if (cells.size() < 2) {
            String text = row.text().trim();
            return new StatusMessage(
                    section,
                    Severity.UNKNOWN,
                    null,
                    null,
                    text.isEmpty() ? "(a message row without cells)" : text,
                    null,
                    null,
                    null,
                    exchanges.mentionedIn(text));
        }
        String colour = colour(cells.get(0));
        Element body = cells.get(1);
        Element strong = body.selectFirst("strong, b");
        String title = strong == null ? null : strong.text().trim();
        String full = body.text().trim();
        Long messageId = null;
        Matcher id = MESSAGE_ID.matcher(full);
        if (id.find()) {
            messageId = Long.valueOf(id.group(1));
            full = (full.substring(0, id.start()) + full.substring(id.end())).trim();
        }
        String text = title != null && !title.isEmpty() && full.startsWith(title)
                ? full.substring(title.length()).trim()
                : full;
        List<String> times = cells.size() >= 3 ? lines(cells.get(cells.size() - 1)) : List.of();
        return new StatusMessage(
                section,
                Severity.ofColour(colour),
                colour,
                title == null || title.isEmpty() ? null : title,
                text,
                messageId,
                times.isEmpty() ? null : times.get(0),
                times.size() < 2 ? null : times.get(1),
                exchanges.mentionedIn((title == null ? "" : title + " ") + text));
    }

    /** The state colour: inline style first (current page), then the older bgcolor attribute. */
    private static String colour(Element cell) {
        Matcher style = BACKGROUND.matcher(cell.attr("style"));
        if (style.find()) {
            return Severity.normalise(style.group(1));
        }
        String bgcolor = cell.attr("bgcolor");
        return bgcolor.isBlank() ? null : Severity.normalise(bgcolor);
    }

    private static List<String> lines(Element cell) {
        return Arrays.stream(BREAK.split(cell.html()))
                .map(part -> Jsoup.parseBodyFragment(part).text().trim())
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String updated(Document document) {
        for (Element element :
                document.select("table.TableOutline td, table.TableOutline span, table.TableOutline div")) {
            Matcher matcher = UPDATED.matcher(element.ownText());
            if (matcher.find() && element.closest("tr.odd, tr.even") == null) {
                return matcher.group(1).trim();
            }
        }
        return null;
    }
}
