package io.tradergateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** IB's step-size table (IB-FACTS.md, from IB's historical data limitations page), row by row. */
class StepSizesTest {

    private static HistoryDuration d(String text) {
        return HistoryDuration.parse(text);
    }

    private static BarSize b(String text) {
        return BarSize.parse(text);
    }

    @Test
    void oneDayAllowsOneMinuteToOneDayBars() {
        assertThat(StepSizes.allowed(d("1 D"))).first().isEqualTo(b("1 min"));
        assertThat(StepSizes.allowed(d("1 D"))).last().isEqualTo(b("1 day"));
        assertThat(StepSizes.allowed(d("1 D"))).doesNotContain(b("30 secs"));
    }

    @Test
    void aDurationBetweenRowsTakesTheNextLargerRow() {
        // 3000 S lies between the 1800 S and 3600 S rows: the 3600 S minimum (5 secs) applies
        assertThat(StepSizes.allowed(d("3000 S"))).doesNotContain(b("1 secs")).contains(b("5 secs"));
    }

    @Test
    void aBarIsNeverLongerThanTheDuration() {
        assertThat(StepSizes.allowed(d("60 S"))).last().isEqualTo(b("1 min"));
        assertThat(StepSizes.allowed(d("1800 S"))).doesNotContain(b("1 hour"));
    }

    @Test
    void aboveOneYearOnlyDailyAndLongerBars() {
        assertThat(StepSizes.allowed(d("2 Y"))).first().isEqualTo(b("1 day"));
        assertThat(StepSizes.allowed(d("2 Y"))).doesNotContain(b("1 hour"));
    }

    @Test
    void largestRequestForABarSizeIsTheLongestRowThatAllowsIt() {
        assertThat(StepSizes.largestFor(b("1 secs"))).isEqualTo(d("1800 S"));
        assertThat(StepSizes.largestFor(b("5 secs"))).isEqualTo(d("3600 S"));
        assertThat(StepSizes.largestFor(b("1 min"))).isEqualTo(d("1 D"));
        assertThat(StepSizes.largestFor(b("1 day"))).isEqualTo(d("1 Y"));
    }
}
