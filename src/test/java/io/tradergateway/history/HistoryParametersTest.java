package io.tradergateway.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradergateway.web.InvalidParameterException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The history parameters, parsed once at the edge: each violation names its parameter and its stable type. */
class HistoryParametersTest {

    private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static HistoryParameters parse(String bar, String duration, String start, String end, String what) {
        return HistoryParameters.parse(bar, duration, start, end, what, null, CLOCK);
    }

    private static InvalidHistoryParameterException invalid(Runnable parse) {
        try {
            parse.run();
        } catch (InvalidHistoryParameterException e) {
            return e;
        }
        throw new AssertionError("expected an invalid parameter");
    }

    @Test
    void durationRequestEndingNowWithRegularHoursByDefault() {
        HistoryParameters p = parse("1 min", "1 D", null, null, "TRADES");
        assertThat(p.barSize()).isEqualTo(BarSize.parse("1 min"));
        assertThat(p.duration()).isEqualTo(HistoryDuration.parse("1 D"));
        assertThat(p.start()).isNull();
        assertThat(p.end()).isNull();
        assertThat(p.useRth()).isTrue();
    }

    @Test
    void rangeRequestKeepsStartAndEnd() {
        HistoryParameters p = parse("1 hour", null, "2026-03-01T09:30:00-05:00", "2026-03-02T12:00:00Z", "MIDPOINT");
        assertThat(p.duration()).isNull();
        assertThat(p.start()).isEqualTo(Instant.parse("2026-03-01T14:30:00Z"));
        assertThat(p.end()).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
        assertThat(p.whatToShow()).isEqualTo(WhatToShow.MIDPOINT);
    }

    @Test
    void barSizeOutsideTheStepSizeTableForTheDurationIsRefusedWithTheAllowedOnes() {
        InvalidHistoryParameterException e = invalid(() -> parse("1 secs", "1 D", null, null, "TRADES"));
        assertThat(e.parameter()).isEqualTo("barSize");
        assertThat(e.type()).isEqualTo(HistoryProblems.INVALID_BAR_SIZE);
        assertThat(e.allowed()).contains("1 min", "1 day").doesNotContain("1 secs");
    }

    @Test
    void endInTheFutureDurationWithStartAndNeitherAreRefused() {
        assertThat(invalid(() -> parse("1 min", "1 D", null, "2026-03-03T00:00:00Z", "TRADES"))
                        .parameter())
                .isEqualTo("end");
        assertThat(invalid(() -> parse("1 min", "1 D", "2026-03-01T00:00:00Z", null, "TRADES"))
                        .type())
                .isEqualTo(HistoryProblems.INVALID_RANGE);
        assertThat(invalid(() -> parse("1 min", null, null, null, "TRADES")).type())
                .isEqualTo(HistoryProblems.INVALID_DURATION);
    }

    @Test
    void startMustBeBeforeEndAndAnIsoDateTimeWithZone() {
        assertThat(invalid(() -> parse("1 min", null, "2026-03-02T12:00:00Z", "2026-03-02T11:00:00Z", "TRADES"))
                        .parameter())
                .isEqualTo("start");
        InvalidHistoryParameterException e = invalid(() -> parse("1 min", null, "yesterday<b>", null, "TRADES"));
        assertThat(e.getMessage()).contains("'yesterday?b?'").doesNotContain("<b>");
    }

    @Test
    void adjustedLastIsOnlyAllowedEndingNow() {
        assertThat(parse("1 day", "1 Y", null, null, "ADJUSTED_LAST").whatToShow())
                .isEqualTo(WhatToShow.ADJUSTED_LAST);
        assertThat(invalid(() -> parse("1 day", "1 Y", null, "2026-03-01T00:00:00Z", "ADJUSTED_LAST"))
                        .parameter())
                .isEqualTo("whatToShow");
    }

    @Test
    void useRthAcceptsTheUsualSpellingsOnly() {
        assertThat(HistoryParameters.parse("1 min", "1 D", null, null, "TRADES", "no", CLOCK)
                        .useRth())
                .isFalse();
        assertThatThrownBy(() -> HistoryParameters.parse("1 min", "1 D", null, null, "TRADES", "maybe", CLOCK))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("useRth"));
    }
}
