package app.kith.account;

import app.kith.shared.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkHoursTest {

    @Test
    void aRangeOfTwoTimesParses() {
        WorkHours hours = WorkHours.parse("09:00-18:00");
        assertThat(hours.start()).isEqualTo(LocalTime.of(9, 0));
        assertThat(hours.end()).isEqualTo(LocalTime.of(18, 0));
    }

    @Test
    void aSingleDigitHourIsAccepted() {
        assertThat(WorkHours.parse("9:00-17:30"))
                .isEqualTo(new WorkHours(LocalTime.of(9, 0), LocalTime.of(17, 30)));
        assertThat(WorkHours.parse("7:45-9:15"))
                .isEqualTo(new WorkHours(LocalTime.of(7, 45), LocalTime.of(9, 15)));
    }

    @Test
    void aWholeHourMayBeWrittenAlone() {
        assertThat(WorkHours.parse("9-17")).isEqualTo(new WorkHours(LocalTime.of(9, 0), LocalTime.of(17, 0)));
        // Written so, a range that would run overnight is far more often a twelve-hour clock's day: asked to be written out.
        assertThatThrownBy(() -> WorkHours.parse("9-5")).isInstanceOf(ValidationException.class)
                .hasMessage("'9-5' would run overnight, from 09:00 to 05:00 the next day: hours are on a 24-hour clock"
                        + " (9-17 is 09:00-17:00); write a night shift out, such as 22:00-06:00");
        assertThatThrownBy(() -> WorkHours.parse("22-06:00")).isInstanceOf(ValidationException.class);
        assertThat(WorkHours.parse("22:00-06:00").overnight()).isTrue();
        assertThat(WorkHours.parse("8-17:30")).isEqualTo(new WorkHours(LocalTime.of(8, 0), LocalTime.of(17, 30)));
        assertThat(WorkHours.parse("8-00:00")).isEqualTo(WorkHours.parse("08:00-00:00"));
        assertThatThrownBy(() -> WorkHours.parse("8-24")).isInstanceOf(ValidationException.class)
                .hasMessage("'8-24' ends at 24:00, which is not an hour of the day: end at 00:00, midnight, instead");
    }

    @Test
    void spacesAroundTheTimesAreIgnored() {
        assertThat(WorkHours.parse("  08:30 - 16:00 "))
                .isEqualTo(new WorkHours(LocalTime.of(8, 30), LocalTime.of(16, 0)));
    }

    @Test
    void theDefaultIsNineToSix() {
        assertThat(WorkHours.DEFAULT).isEqualTo(WorkHours.parse("09:00-18:00"));
    }

    @Test
    void printedHoursParseBack() {
        WorkHours hours = WorkHours.parse("9:00-17:30");
        assertThat(hours).hasToString("09:00-17:30");
        assertThat(WorkHours.parse(hours.toString())).isEqualTo(hours);
    }

    @ParameterizedTest
    @ValueSource(strings = {"09:00-09:00", "0:00-00:00", "23:59-23:59"})
    void hoursThatStartAndEndAtTheSameTimeAreRejected(String text) {
        assertThatThrownBy(() -> WorkHours.parse(text))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("start and end at the same time")
                .hasMessageContaining("22:00-06:00");
    }

    @Test
    void hoursThatEndBeforeTheyStartRunOvernight() {
        WorkHours night = WorkHours.parse("22:00-6:00");
        assertThat(night).isEqualTo(new WorkHours(LocalTime.of(22, 0), LocalTime.of(6, 0)));
        assertThat(night.overnight()).isTrue();
        assertThat(WorkHours.parse(night.toString())).isEqualTo(night);
        assertThat(WorkHours.parse("18:00-00:00").overnight()).as("to midnight").isTrue();
        assertThat(WorkHours.parse("00:00-23:59").overnight()).isFalse();
        assertThat(WorkHours.DEFAULT.overnight()).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "09:00", "9", "9-", "9-5pm", "123-17", "nine to five", "09:00-18:00-20:00", "25:00-26:00", "09:60-18:00",
            "09.00-18.00", "09:00 to 18:00", "-18:00"})
    void malformedHoursAreRejectedWithTheFormToUse(String text) {
        assertThatThrownBy(() -> WorkHours.parse(text))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(text == null ? "''" : "'" + text + "'")
                .hasMessageContaining("use HH:MM-HH:MM, such as 09:00-18:00");
    }

    @Test
    void hoursThatRunToMidnightAreToldToEndAtMidnight() {
        // 00:00, which ends the day from any start but its own: a whole day ends at 23:59.
        assertThatThrownBy(() -> WorkHours.parse("08:00 - 24:00"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("'08:00 - 24:00' ends at 24:00, which is not an hour of the day: end at 00:00, midnight, instead");
        assertThat(WorkHours.parse("08:00-00:00").overnight()).isTrue();
        assertThatThrownBy(() -> WorkHours.parse("00:00-24:00"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("'00:00-24:00' ends at 24:00, which is not an hour of the day: end at 23:59 instead");
        assertThat(WorkHours.parse("00:00-23:59").end()).isEqualTo(LocalTime.of(23, 59));
    }

    @Test
    void theConstructorRejectsAnEmptyDay() {
        LocalTime nine = LocalTime.of(9, 0);
        assertThatThrownBy(() -> new WorkHours(nine, nine))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("09:00-09:00");
    }
}
