package io.tradergateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusPageParserTest {

    private final StatusPageParser parser = new StatusPageParser(new ExchangeNames(List.of("NYSE", "NASDAQ")));

    private StatusPage parse(String fixture) {
        return parser.parse(FixtureServer.read(fixture), null, "https://www.interactivebrokers.com/");
    }

    @Test
    void readsEverySectionAndMessageOfAMultiSectionPage() {
        StatusPage page = parse("multi-section.html");

        assertThat(page.problems()).isEmpty();
        assertThat(page.updated()).isEqualTo("2026/05/06 10:42:17 EDT");
        assertThat(page.sections())
                .containsExactly("System Status", "System Availability", "Exchange Availability", "Trading Operations");
        assertThat(page.messages())
                .extracting(StatusMessage::section, StatusMessage::severity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("System Availability", Severity.NORMAL),
                        org.assertj.core.groups.Tuple.tuple("Exchange Availability", Severity.OUTAGE),
                        org.assertj.core.groups.Tuple.tuple("Exchange Availability", Severity.MAINTENANCE),
                        org.assertj.core.groups.Tuple.tuple("Exchange Availability", Severity.RESOLVED),
                        org.assertj.core.groups.Tuple.tuple("Trading Operations", Severity.INFORMATION));

        StatusMessage moex = page.messages().get(1);
        assertThat(moex.title()).isEqualTo("To MOEX Traders:");
        assertThat(moex.text())
                .isEqualTo("MOEX trading has resumed, but it is not available to IBKR clients at this time.");
        assertThat(moex.messageId()).isEqualTo(791L);
        assertThat(moex.colour()).isEqualTo("#cc3333");
        assertThat(moex.created()).isEqualTo("2026/05/06 03:10 EDT");
        assertThat(moex.updated()).isEqualTo("2026/05/06 07:45 EDT");
        assertThat(moex.exchanges()).containsExactly("MOEX");

        assertThat(page.messages().get(2).exchanges()).containsExactly("NASDAQ");
        assertThat(page.messages().get(3).exchanges()).containsExactly("NYSE ARCA", "NYSE");
        assertThat(page.messages().get(4).messageId()).isEqualTo(1175L);
        assertThat(page.messages().get(4).updated()).isNull();
        assertThat(page.messages().get(0).title()).isNull();
        assertThat(page.messages().get(0).messageId()).isNull();
    }

    @Test
    void noProblemsReportedMeansNoMessagesAndNoProblems() {
        StatusPage page = parse("no-problems.html");

        assertThat(page.recognised()).isTrue();
        assertThat(page.messages()).isEmpty();
        assertThat(page.problems()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "system-outage.html, OUTAGE, '#cc3333'",
        "maintenance.html, MAINTENANCE, '#ffcc00'",
        "information.html, INFORMATION, '#99cccc'",
        "normal-operations.html, NORMAL, '#66cc33'",
        "resolved.html, RESOLVED, '#999999'",
        "unknown-colour.html, UNKNOWN, '#3366ff'",
        "bgcolor-outage.html, OUTAGE, '#cc3333'",
        "bgcolor-resolved.html, RESOLVED, '#999999'"
    })
    void readsTheStateFromTheColourInEitherAttributeStyle(String fixture, Severity severity, String colour) {
        StatusPage page = parse(fixture);

        assertThat(page.messages()).hasSize(1);
        assertThat(page.messages().get(0).severity()).isEqualTo(severity);
        assertThat(page.messages().get(0).colour()).isEqualTo(colour);
    }

    @Test
    void olderBgcolorPagesKeepTitleIdAndTimes() {
        StatusMessage message = parse("bgcolor-outage.html").messages().get(0);

        assertThat(message.title()).isEqualTo("Market Data");
        assertThat(message.text()).isEqualTo("Market data delays for some clients.");
        assertThat(message.messageId()).isEqualTo(640L);
        assertThat(message.created()).isEqualTo("2019/03/11 09:31 ET");
        assertThat(message.updated()).isEqualTo("2019/03/11 09:55 ET");
    }

    @Test
    void aMissingRequiredSectionIsAProblem() {
        StatusPage page = parse("missing-section.html");

        assertThat(page.recognised()).isTrue();
        assertThat(page.problems()).containsExactly("section 'System Availability' is missing from the page");
    }

    @Test
    void sectionsWhoseRowsChangedShapeAreProblems() {
        StatusPage page = parse("changed-layout.html");

        assertThat(page.messages()).isEmpty();
        assertThat(page.problems())
                .containsExactly(
                        "section 'System Availability' has neither message rows nor 'No problems reported'",
                        "section 'Exchange Availability' has neither message rows nor 'No problems reported'");
    }

    @Test
    void garbageAndEmptyBodiesAreNotRecognisedAndDoNotThrow() {
        assertThat(parse("garbage.html").recognised()).isFalse();
        assertThat(parse("garbage.html").problems()).singleElement().asString().contains("no table.TableOutline");
        StatusPage empty = parser.parse(new byte[0], null, "https://x/");
        assertThat(empty.recognised()).isFalse();
        StatusPage binary = parser.parse(new byte[] {0, (byte) 0xff, 0x13, 0x37, (byte) 0x80}, "UTF-8", "https://x/");
        assertThat(binary.recognised()).isFalse();
    }

    @Test
    void anUnknownCharsetNameFallsBackToDetection() {
        StatusPage page = parser.parse(FixtureServer.read("no-problems.html"), "x-no-such-charset", "https://x/");

        assertThat(page.recognised()).isTrue();
    }

    @Test
    void aRowWithoutCellsIsAnUnknownMessageNotAnException() {
        String html = "<table class='TableOutline'><tr><td class='CellTitle'>System Availability</td></tr>"
                + "<tr class='odd'><td>Only one cell about NYSE</td></tr></table>";

        StatusPage page = parser.parse(html.getBytes(StandardCharsets.UTF_8), null, "https://x/");

        assertThat(page.messages()).singleElement().satisfies(m -> {
            assertThat(m.severity()).isEqualTo(Severity.UNKNOWN);
            assertThat(m.exchanges()).containsExactly("NYSE");
        });
    }
}
