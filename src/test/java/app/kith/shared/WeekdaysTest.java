package app.kith.shared;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Days of the week as people name them, and as Kith stores and shows them. */
class WeekdaysTest {
    @Test
    void readsShortAndFullNamesAndTheTwoGroupsInAnyCaseAndOrder() {
        assertThat(Weekdays.parse("fri, Mon,WEDNESDAY").days())
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(Weekdays.parse("weekdays")).isEqualTo(Weekdays.MONDAY_TO_FRIDAY);
        assertThat(Weekdays.parse("weekends,tue").days())
                .containsExactly(DayOfWeek.TUESDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(Weekdays.parse("thur").days()).containsExactly(DayOfWeek.THURSDAY);
    }

    @Test
    void blankAndAnyMeanEveryDayForAContactButABlankIsRefusedAsWorkingDays() {
        assertThat(Weekdays.parse("")).isEqualTo(Weekdays.ANY);
        assertThat(Weekdays.parse(" Any ")).isEqualTo(Weekdays.ANY);
        assertThat(Weekdays.parse(null)).isEqualTo(Weekdays.ANY);
        assertThat(Weekdays.parseWorking("any")).isEqualTo(Weekdays.ANY);
        assertThat(Weekdays.parseWorking("mon,tue")).isEqualTo(Weekdays.parse("tue,mon"));
        assertThatThrownBy(() -> Weekdays.parseWorking("  ")).isInstanceOf(ValidationException.class)
                .hasMessage("no working days given: give the days you work, such as mon,tue,wed,thu,fri, or any for every day");
    }

    @Test
    void aWordThatIsNoDayIsRefusedNamingItAndTheListOnlyWhenItHoldsMore() {
        assertThatThrownBy(() -> Weekdays.parse("funday")).hasMessage("'funday' is not a day of the week: use mon,tue,wed,thu,fri,sat,sun");
        assertThatThrownBy(() -> Weekdays.parse("mon, fr")).hasMessage("'fr' in 'mon, fr' is not a day of the week: use mon,tue,wed,thu,fri,sat,sun");
        assertThatThrownBy(() -> Weekdays.parse(",")).hasMessage("',' names no day of the week: use mon,tue,wed,thu,fri,sat,sun, or any for every day");
    }

    @Test
    void isWrittenForPeopleStoredAsShortNamesAndGivenAsAnyForEveryDay() {
        Weekdays some = new Weekdays(EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY));
        assertThat(some.written()).isEqualTo("Mon, Wed and Sun");
        assertThat(some.text()).isEqualTo("mon,wed,sun");
        assertThat(some.given()).isEqualTo("mon,wed,sun");
        assertThat(Weekdays.parse(some.text())).isEqualTo(some);
        assertThat(Weekdays.parse("sat").written()).isEqualTo("Sat");
        assertThat(Weekdays.ANY.written()).isNull();
        assertThat(Weekdays.ANY.text()).isNull();
        assertThat(Weekdays.ANY.given()).isEqualTo("any");
        assertThat(some.accepts(DayOfWeek.WEDNESDAY)).isTrue();
        assertThat(some.accepts(DayOfWeek.TUESDAY)).isFalse();
        assertThat(Weekdays.ANY.accepts(DayOfWeek.TUESDAY)).isTrue();
    }

    @Test
    void theDaysCannotBeChangedThroughTheRecord() {
        EnumSet<DayOfWeek> given = EnumSet.of(DayOfWeek.MONDAY);
        Weekdays monday = new Weekdays(given);
        given.add(DayOfWeek.TUESDAY);
        assertThat(monday.days()).containsExactly(DayOfWeek.MONDAY);
        assertThatThrownBy(() -> Weekdays.ANY.days().add(DayOfWeek.MONDAY)).isInstanceOf(UnsupportedOperationException.class);
    }
}
