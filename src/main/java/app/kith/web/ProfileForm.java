package app.kith.web;

import app.kith.account.Profile;
import app.kith.shared.Weekdays;

import java.util.Objects;
import java.util.stream.Stream;

/** The profile form on Settings: the values typed (or stored) and the error beside each checked field. */
public record ProfileForm(String name, String city, String country, String zone, String workHours, String workDays,
                          String dailyLimit, String nameError, String cityError, String countryError, String zoneError,
                          String workHoursError, String workDaysError, String dailyLimitError, String formError) {

    /** The form filled with what is stored. */
    static ProfileForm of(Profile profile) {
        return new ProfileForm(orEmpty(profile.name()), orEmpty(profile.city()), orEmpty(profile.country()),
                profile.zone() == null ? "" : profile.zone().getId(), profile.workHours().toString(), profile.workDays().given(),
                String.valueOf(profile.dailyLimit()), null, null, null, null, null, null, null, null);
    }

    /** Whether the working days show {@code day} (one of {@link Weekdays#WEEK}) ticked. */
    public boolean works(String day) {
        return workDays.trim().equalsIgnoreCase("any") || Weekdays.lists(workDays, day);
    }

    public boolean hasErrors() {
        return nameError != null || cityError != null || countryError != null || zoneError != null || workHoursError != null
                || workDaysError != null || dailyLimitError != null || formError != null;
    }

    /** What a refused form's summary points at: "the field", or "the 2 fields" when several were refused. */
    public String marked() {
        return FieldError.marked(Stream.of(nameError, cityError, countryError, zoneError, workHoursError, workDaysError,
                dailyLimitError).filter(Objects::nonNull).count());
    }

    /** The first field of the form with an error, in the form's order (its input takes the focus), or null. */
    public String firstInvalid() {
        return nameError != null ? "name" : cityError != null ? "city" : countryError != null ? "country"
                : zoneError != null ? "zone" : workHoursError != null ? "workHours" : workDaysError != null ? "workDays"
                : dailyLimitError != null ? "dailyLimit" : null;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
