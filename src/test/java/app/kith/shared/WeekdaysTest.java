package app.kith.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeekdaysTest {

    @Test
    void shortDayNamesParse() {
        Weekdays days = Weekdays.parse("mon,tue");
        assertThat(days.days()).containsExactlyInAnyOrder(MONDAY, TUESDAY);
        assertThat(days.text()).isEqualTo("mon,tue");
    }

    @Test
    void fullNamesAndMixedCaseParse() {
        assertThat(Weekdays.parse("Monday, FRIDAY").days()).containsExactlyInAnyOrder(MONDAY, FRIDAY);
        assertThat(Weekdays.parse("tues,thurs").days()).containsExactlyInAnyOrder(TUESDAY, THURSDAY);
    }

    @Test
    void weekdaysMeansMondayToFriday() {
        Weekdays weekdays = Weekdays.parse("weekdays");
        assertThat(weekdays.days()).containsExactlyInAnyOrder(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
        assertThat(weekdays.accepts(SATURDAY)).isFalse();
        assertThat(weekdays.accepts(SUNDAY)).isFalse();
        assertThat(weekdays.text()).isEqualTo("mon,tue,wed,thu,fri");
    }

    @Test
    void weekendsMeansSaturdayAndSunday() {
        assertThat(Weekdays.parse("Weekends").days()).containsExactlyInAnyOrder(SATURDAY, SUNDAY);
    }

    @Test
    void aliasesCombineWithSingleDays() {
        assertThat(Weekdays.parse("weekdays,sat").days()).hasSize(6).doesNotContain(SUNDAY);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "any", " ANY "})
    void blankOrAnyMeansEveryDay(String text) {
        Weekdays days = Weekdays.parse(text);
        assertThat(days).isEqualTo(Weekdays.ANY);
        assertThat(days.any()).isTrue();
        assertThat(days.text()).isNull();
        for (DayOfWeek day : DayOfWeek.values()) {
            assertThat(days.accepts(day)).as("accepts %s", day).isTrue();
        }
    }

    @Test
    void onlyTheChosenDaysAreAccepted() {
        Weekdays thursdays = Weekdays.parse("thu");
        assertThat(thursdays.any()).isFalse();
        assertThat(thursdays.accepts(THURSDAY)).isTrue();
        assertThat(thursdays.accepts(WEDNESDAY)).isFalse();
        assertThat(thursdays.accepts(FRIDAY)).isFalse();
    }

    @Test
    void textListsDaysInWeekOrderOnceEach() {
        assertThat(Weekdays.parse("fri,mon,fri,wednesday").text()).isEqualTo("mon,wed,fri");
    }

    @Test
    void aTrailingCommaIsHarmless() {
        assertThat(Weekdays.parse("mon,").text()).isEqualTo("mon");
    }

    @Test
    void textParsesBackToTheSameDays() {
        Weekdays days = Weekdays.parse("sun,tue,sat");
        assertThat(Weekdays.parse(days.text())).isEqualTo(days);
        assertThat(Weekdays.parse(Weekdays.ANY.text())).isEqualTo(Weekdays.ANY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"funday", "mo", "mon;tue", "mon,,tue", "1", "mon,xyz", "weds"})
    void unknownDaysAreRejectedWithTheNamesToUse(String text) {
        assertThatThrownBy(() -> Weekdays.parse(text))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("is not a day of the week")
                .hasMessageContaining("use mon,tue,wed,thu,fri,sat,sun");
    }

    @Test
    void aListIsNamedOnlyWhenItHoldsMoreThanTheWordRefused() {
        assertThatThrownBy(() -> Weekdays.parse("Funday"))
                .hasMessage("'funday' is not a day of the week: use mon,tue,wed,thu,fri,sat,sun");
        assertThatThrownBy(() -> Weekdays.parse("mon,funday"))
                .hasMessage("'funday' in 'mon,funday' is not a day of the week: use mon,tue,wed,thu,fri,sat,sun");
    }

    @Test
    void theRejectedWordIsNamed() {
        assertThatThrownBy(() -> Weekdays.parse("mon, Funday"))
                .hasMessageStartingWith("'funday' in 'mon, Funday'");
    }

    @Test
    void changingTheGivenSetLaterDoesNotChangeTheDays() {
        Set<DayOfWeek> chosen = EnumSet.of(MONDAY);
        Weekdays days = new Weekdays(chosen);
        chosen.add(FRIDAY);
        assertThat(days.accepts(FRIDAY)).isFalse();
    }

    @Test
    void theDaysCannotBeChangedFromOutside() {
        assertThatThrownBy(() -> Weekdays.ANY.days().add(MONDAY)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Weekdays.ANY.accepts(SUNDAY)).isTrue();
        assertThatThrownBy(() -> Weekdays.parse("mon").days().add(FRIDAY))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBlankIsRefusedAsWorkingDaysWhereAnyIsSaidForEveryDay() {
        assertThat(Weekdays.parseWorking("any")).isEqualTo(Weekdays.ANY);
        assertThat(Weekdays.parseWorking("mon,tue")).isEqualTo(Weekdays.parse("tue,mon"));
        assertThatThrownBy(() -> Weekdays.parseWorking("  ")).isInstanceOf(ValidationException.class)
                .hasMessage("no working days given: give the days you work, such as mon,tue,wed,thu,fri, or any for every day");
        assertThatThrownBy(() -> Weekdays.parse(",")).hasMessage("',' names no day of the week: use mon,tue,wed,thu,fri,sat,sun, or any for every day");
    }

    @Test
    void isWrittenForPeopleAndGivenAsAnyForEveryDay() {
        Weekdays some = Weekdays.parse("sun,mon,wed");
        assertThat(some.written()).isEqualTo("Mon, Wed and Sun");
        assertThat(some.given()).isEqualTo("mon,wed,sun");
        assertThat(Weekdays.parse("sat").written()).isEqualTo("Sat");
        assertThat(Weekdays.ANY.written()).isNull();
        assertThat(Weekdays.ANY.given()).isEqualTo("any");
        assertThat(Weekdays.parse("weekends,tue").days()).containsExactly(TUESDAY, SATURDAY, SUNDAY);
    }

    @Test
    void daysAsStoredAreReadWithoutFailingOnOnesNoDoorOfKithWrites() {
        assertThat(Weekdays.stored("mon,fri", Weekdays.ANY)).isEqualTo(Weekdays.parse("mon,fri"));
        assertThat(Weekdays.stored(null, Weekdays.MONDAY_TO_FRIDAY)).isEqualTo(Weekdays.ANY);
        assertThat(Weekdays.stored("mon;fri", Weekdays.MONDAY_TO_FRIDAY)).isEqualTo(Weekdays.MONDAY_TO_FRIDAY);
        assertThat(Weekdays.stored("someday", Weekdays.ANY)).isEqualTo(Weekdays.ANY);
    }
}
