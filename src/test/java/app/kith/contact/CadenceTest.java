package app.kith.contact;

import app.kith.shared.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CadenceTest {

    @Test
    void daysWeeksMonthsAndYearsParseFromTheShortForm() {
        assertThat(Cadence.parse("30d").period()).isEqualTo(Period.ofDays(30));
        assertThat(Cadence.parse("6w").period()).isEqualTo(Period.ofWeeks(6));
        assertThat(Cadence.parse("3m").period()).isEqualTo(Period.ofMonths(3));
        assertThat(Cadence.parse("1y").period()).isEqualTo(Period.ofYears(1));
    }

    @Test
    void theShortFormIgnoresCaseAndSpaces() {
        assertThat(Cadence.parse(" 6W ")).isEqualTo(Cadence.parse("6w"));
        assertThat(Cadence.parse("3 m")).isEqualTo(Cadence.parse("3m"));
    }

    @Test
    void theUnitMayBeWrittenOut() {
        assertThat(Cadence.parse("2 weeks")).isEqualTo(Cadence.parse("2w"));
        assertThat(Cadence.parse("1 Month")).isEqualTo(Cadence.parse("1m"));
        assertThat(Cadence.parse("3 months")).isEqualTo(Cadence.parse("3m"));
        assertThat(Cadence.parse("10 days")).isEqualTo(Cadence.parse("10d"));
        assertThat(Cadence.parse("1 year")).isEqualTo(Cadence.parse("1y"));
        assertThat(Cadence.parse("2yrs")).isEqualTo(Cadence.parse("2y"));
        assertThatThrownBy(() -> Cadence.parse("2 weekz")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Cadence.parse("2 minutes")).isInstanceOf(ValidationException.class);
    }

    @Test
    void isoPeriodsAreAcceptedInEitherCase() {
        assertThat(Cadence.parse("P6W")).isEqualTo(Cadence.parse("6w"));
        assertThat(Cadence.parse("p1y2m").period()).isEqualTo(Period.of(1, 2, 0));
    }

    @Test
    void sixWeeksAndFortyTwoDaysAreTheSameCadence() {
        assertThat(Cadence.parse("6w")).isEqualTo(Cadence.parse("42d"));
    }

    @Test
    void monthsBeyondAYearAreNormalised() {
        assertThat(Cadence.parse("12m")).isEqualTo(Cadence.parse("1y"));
        assertThat(Cadence.parse("14m").period()).isEqualTo(Period.of(1, 2, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0d", "0w", "0m", "0y", "P0D", "P0Y0M0D", "0000000d"})
    void zeroLengthIsRejected(String text) {
        assertThatThrownBy(() -> Cadence.parse(text))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(text)
                .hasMessageContaining("longer than zero days");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P-3D", "P-1M", "P-1Y-1D"})
    void negativePeriodsAreRejected(String text) {
        assertThatThrownBy(() -> Cadence.parse(text))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("longer than zero days");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1M-40D", "P1Y-1D"})
    void aPartBelowZeroIsRejectedAsSuch(String text) {
        assertThatThrownBy(() -> Cadence.parse(text))
                .isInstanceOf(ValidationException.class)
                .hasMessage("'" + text + "' is not a usable duration: give it without a part below zero (P11M29D, not P1Y-1D)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-3d", "abc", "6x", "1.5m", "30 dayz", "d", "monthly", "PT1H"})
    void malformedTextIsRejectedWithTheFormsToUse(String text) {
        assertThatThrownBy(() -> Cadence.parse(text))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("use 30d, 6w, 3m, 1y or an ISO-8601 period such as P6W");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingTextIsRejectedWithTheFormsToUse(String text) {
        assertThatThrownBy(() -> Cadence.parse(text))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("use 30d, 6w, 3m, 1y");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11y", "121m", "3661d", "523w", "P10Y1M", "P9Y400D", "P10Y3000D", "P2147483647D",
            "P2147483647Y2147483647M", "12345d", "1000000y", "99999999999999999999d", "P999999999W", "P1W2147483647D"})
    void moreThanTenYearsIsRejected(String text) {
        assertThatThrownBy(() -> Cadence.parse(text))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at most 10 years (3660 days)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10y", "120m", "3660d", "522w", "P9Y11M", "0000000030d"})
    void upToTenYearsIsAccepted(String text) {
        assertThat(Cadence.parse(text).approximateDays()).isLessThanOrEqualTo(3660);
    }

    @Test
    void theConstructorRejectsAZeroOrNegativePeriod() {
        assertThatThrownBy(() -> new Cadence(Period.ZERO)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Cadence(Period.ofDays(-1))).isInstanceOf(ValidationException.class);
    }

    @Test
    void aMonthAfterTheThirtyFirstOfJanuaryIsTheLastDayOfFebruary() {
        Cadence monthly = Cadence.parse("1m");
        assertThat(monthly.after(LocalDate.of(2026, 1, 31))).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(monthly.after(LocalDate.of(2028, 1, 31))).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void monthEndsAreClampedToShorterMonths() {
        assertThat(Cadence.parse("1m").after(LocalDate.of(2026, 3, 31))).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(Cadence.parse("3m").after(LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(Cadence.parse("6m").after(LocalDate.of(2027, 8, 31))).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void aYearAfterALeapDayIsTheTwentyEighthOfFebruary() {
        assertThat(Cadence.parse("1y").after(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2029, 2, 28));
    }

    @Test
    void weeksAndDaysCrossMonthAndYearEnds() {
        assertThat(Cadence.parse("6w").after(LocalDate.of(2026, 12, 1))).isEqualTo(LocalDate.of(2027, 1, 12));
        assertThat(Cadence.parse("30d").after(LocalDate.of(2028, 2, 1))).isEqualTo(LocalDate.of(2028, 3, 2));
    }

    @Test
    void approximateDaysCountMonthsAtTheirAverageLength() {
        assertThat(Cadence.parse("30d").approximateDays()).isEqualTo(30.0);
        assertThat(Cadence.parse("6w").approximateDays()).isEqualTo(42.0);
        assertThat(Cadence.parse("1m").approximateDays()).isCloseTo(30.436875, within(1e-9));
        assertThat(Cadence.parse("1y").approximateDays()).isCloseTo(365.2425, within(1e-9));
        assertThat(Cadence.parse("P1M10D").approximateDays()).isCloseTo(40.436875, within(1e-9));
    }

    @Test
    void cadencesCompareByTheirApproximateLength() {
        Cadence thirtyDays = Cadence.parse("30d");
        Cadence oneMonth = Cadence.parse("1m");
        Cadence fiveWeeks = Cadence.parse("5w");
        Cadence oneYear = Cadence.parse("1y");
        assertThat(thirtyDays).isLessThan(oneMonth);
        assertThat(oneMonth).isLessThan(fiveWeeks);
        assertThat(fiveWeeks).isLessThan(oneYear);
        assertThat(Cadence.parse("12m").compareTo(oneYear)).isZero();
    }

    @Test
    void isoTextRoundTrips() {
        Cadence sixWeeks = Cadence.parse("6w");
        assertThat(sixWeeks.iso()).isEqualTo("P42D");
        assertThat(sixWeeks).hasToString("P42D");
        assertThat(Cadence.ofIso(sixWeeks.iso())).isEqualTo(sixWeeks);
        assertThat(Cadence.ofIso("P1Y2M").iso()).isEqualTo("P1Y2M");
    }

    @Test
    void noStoredCadenceMeansNoCadence() {
        assertThat(Cadence.ofIso(null)).isNull();
    }

    @Test
    void describeUsesWordsPeopleSay() {
        assertThat(Cadence.parse("1d").describe()).isEqualTo("1 day");
        assertThat(Cadence.parse("10d").describe()).isEqualTo("10 days");
        assertThat(Cadence.parse("14d").describe()).isEqualTo("2 weeks");
        assertThat(Cadence.parse("6w").describe()).isEqualTo("6 weeks");
        assertThat(Cadence.parse("1w").describe()).isEqualTo("1 week");
        assertThat(Cadence.parse("1m").describe()).isEqualTo("1 month");
        assertThat(Cadence.parse("3m").describe()).isEqualTo("3 months");
        assertThat(Cadence.parse("1y").describe()).isEqualTo("1 year");
        assertThat(Cadence.parse("14m").describe()).isEqualTo("1 year 2 months");
        assertThat(Cadence.parse("P1M14D").describe()).isEqualTo("1 month 2 weeks");
        assertThat(Cadence.parse("P2Y1M3D").describe()).isEqualTo("2 years 1 month 3 days");
    }
}
