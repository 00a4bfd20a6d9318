package app.kith.contact;

import app.kith.shared.ValidationException;
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

class ContactDaysTest {

    @Test
    void shortDayNamesParse() {
        ContactDays days = ContactDays.parse("mon,tue");
        assertThat(days.days()).containsExactlyInAnyOrder(MONDAY, TUESDAY);
        assertThat(days.text()).isEqualTo("mon,tue");
    }

    @Test
    void fullNamesAndMixedCaseParse() {
        assertThat(ContactDays.parse("Monday, FRIDAY").days()).containsExactlyInAnyOrder(MONDAY, FRIDAY);
        assertThat(ContactDays.parse("tues,thurs").days()).containsExactlyInAnyOrder(TUESDAY, THURSDAY);
    }

    @Test
    void weekdaysMeansMondayToFriday() {
        ContactDays weekdays = ContactDays.parse("weekdays");
        assertThat(weekdays.days()).containsExactlyInAnyOrder(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
        assertThat(weekdays.accepts(SATURDAY)).isFalse();
        assertThat(weekdays.accepts(SUNDAY)).isFalse();
        assertThat(weekdays.text()).isEqualTo("mon,tue,wed,thu,fri");
    }

    @Test
    void weekendsMeansSaturdayAndSunday() {
        assertThat(ContactDays.parse("Weekends").days()).containsExactlyInAnyOrder(SATURDAY, SUNDAY);
    }

    @Test
    void aliasesCombineWithSingleDays() {
        assertThat(ContactDays.parse("weekdays,sat").days()).hasSize(6).doesNotContain(SUNDAY);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "any", " ANY "})
    void blankOrAnyMeansEveryDay(String text) {
        ContactDays days = ContactDays.parse(text);
        assertThat(days).isEqualTo(ContactDays.ANY);
        assertThat(days.any()).isTrue();
        assertThat(days.text()).isNull();
        for (DayOfWeek day : DayOfWeek.values()) {
            assertThat(days.accepts(day)).as("accepts %s", day).isTrue();
        }
    }

    @Test
    void onlyTheChosenDaysAreAccepted() {
        ContactDays thursdays = ContactDays.parse("thu");
        assertThat(thursdays.any()).isFalse();
        assertThat(thursdays.accepts(THURSDAY)).isTrue();
        assertThat(thursdays.accepts(WEDNESDAY)).isFalse();
        assertThat(thursdays.accepts(FRIDAY)).isFalse();
    }

    @Test
    void textListsDaysInWeekOrderOnceEach() {
        assertThat(ContactDays.parse("fri,mon,fri,wednesday").text()).isEqualTo("mon,wed,fri");
    }

    @Test
    void aTrailingCommaIsHarmless() {
        assertThat(ContactDays.parse("mon,").text()).isEqualTo("mon");
    }

    @Test
    void textParsesBackToTheSameDays() {
        ContactDays days = ContactDays.parse("sun,tue,sat");
        assertThat(ContactDays.parse(days.text())).isEqualTo(days);
        assertThat(ContactDays.parse(ContactDays.ANY.text())).isEqualTo(ContactDays.ANY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"funday", "mo", "mon;tue", "mon,,tue", "1", "mon,xyz", "weds"})
    void unknownDaysAreRejectedWithTheNamesToUse(String text) {
        assertThatThrownBy(() -> ContactDays.parse(text))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("is not a day of the week")
                .hasMessageContaining("use mon,tue,wed,thu,fri,sat,sun");
    }

    @Test
    void aListIsNamedOnlyWhenItHoldsMoreThanTheWordRefused() {
        assertThatThrownBy(() -> ContactDays.parse("Funday"))
                .hasMessage("'funday' is not a day of the week: use mon,tue,wed,thu,fri,sat,sun");
        assertThatThrownBy(() -> ContactDays.parse("mon,funday"))
                .hasMessage("'funday' in 'mon,funday' is not a day of the week: use mon,tue,wed,thu,fri,sat,sun");
    }

    @Test
    void theRejectedWordIsNamed() {
        assertThatThrownBy(() -> ContactDays.parse("mon, Funday"))
                .hasMessageStartingWith("'funday' in 'mon, Funday'");
    }

    @Test
    void changingTheGivenSetLaterDoesNotChangeTheDays() {
        Set<DayOfWeek> chosen = EnumSet.of(MONDAY);
        ContactDays days = new ContactDays(chosen);
        chosen.add(FRIDAY);
        assertThat(days.accepts(FRIDAY)).isFalse();
    }

    @Test
    void theDaysCannotBeChangedFromOutside() {
        assertThatThrownBy(() -> ContactDays.ANY.days().add(MONDAY)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ContactDays.ANY.accepts(SUNDAY)).isTrue();
        assertThatThrownBy(() -> ContactDays.parse("mon").days().add(FRIDAY))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
