package app.kith.contact;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to set on a new contact or change on an existing one. A null field is left as it is; an empty
 * string clears a text field. Lists add (or, for the {@code remove*} lists, remove) entries. {@code unreadable}
 * holds fields the caller could not read into a value or refused itself (a form's date or cadence typed wrongly, a
 * form's list longer than a contact may have: field to why); the
 * service refuses them with its own refusals, each in its place, and saves nothing.
 */
public record ContactChanges(
        String name,
        List<String> addEmails,
        List<String> removeEmails,
        List<String> addPhones,
        List<String> removePhones,
        String company,
        String title,
        String city,
        String country,
        String timezone,
        String linkedinUrl,
        String metHow,
        LocalDate metOn,
        String notes,
        String strengths,
        Birthday birthday,
        boolean clearBirthday,
        List<String> addCircles,
        List<String> removeCircles,
        List<String> addTags,
        List<String> removeTags,
        Cadence every,
        boolean clearEvery,
        String days,
        Map<String, String> unreadable) {

    /** Changes that only name a contact, for tests and quick adds. */
    public static ContactChanges named(String name) {
        return builder().name(name).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds changes field by field; every list starts empty. */
    public static final class Builder {
        private String name;
        private List<String> addEmails = List.of();
        private List<String> removeEmails = List.of();
        private List<String> addPhones = List.of();
        private List<String> removePhones = List.of();
        private String company;
        private String title;
        private String city;
        private String country;
        private String timezone;
        private String linkedinUrl;
        private String metHow;
        private LocalDate metOn;
        private String notes;
        private String strengths;
        private Birthday birthday;
        private boolean clearBirthday;
        private List<String> addCircles = List.of();
        private List<String> removeCircles = List.of();
        private List<String> addTags = List.of();
        private List<String> removeTags = List.of();
        private Cadence every;
        private boolean clearEvery;
        private String days;
        private Map<String, String> unreadable = Map.of();

        public Builder name(String value) { name = value; return this; }
        public Builder emails(List<String> value) { addEmails = orEmpty(value); return this; }
        public Builder removeEmails(List<String> value) { removeEmails = orEmpty(value); return this; }
        public Builder phones(List<String> value) { addPhones = orEmpty(value); return this; }
        public Builder removePhones(List<String> value) { removePhones = orEmpty(value); return this; }
        public Builder company(String value) { company = value; return this; }
        public Builder title(String value) { title = value; return this; }
        public Builder city(String value) { city = value; return this; }
        public Builder country(String value) { country = value; return this; }
        public Builder timezone(String value) { timezone = value; return this; }
        public Builder linkedinUrl(String value) { linkedinUrl = value; return this; }
        public Builder metHow(String value) { metHow = value; return this; }
        public Builder metOn(LocalDate value) { metOn = value; return this; }
        public Builder notes(String value) { notes = value; return this; }
        public Builder strengths(String value) { strengths = value; return this; }
        public Builder birthday(Birthday value) { birthday = value; return this; }
        public Builder clearBirthday(boolean value) { clearBirthday = value; return this; }
        public Builder circles(List<String> value) { addCircles = orEmpty(value); return this; }
        public Builder removeCircles(List<String> value) { removeCircles = orEmpty(value); return this; }
        public Builder tags(List<String> value) { addTags = orEmpty(value); return this; }
        public Builder removeTags(List<String> value) { removeTags = orEmpty(value); return this; }
        public Builder every(Cadence value) { every = value; return this; }
        public Builder clearEvery(boolean value) { clearEvery = value; return this; }
        public Builder days(String value) { days = value; return this; }
        public Builder unreadable(Map<String, String> value) { unreadable = Collections.unmodifiableMap(new LinkedHashMap<>(value)); return this; }

        private static List<String> orEmpty(List<String> value) {
            return value == null ? List.of() : List.copyOf(value);
        }

        public ContactChanges build() {
            return new ContactChanges(name, addEmails, removeEmails, addPhones, removePhones, company, title, city,
                    country, timezone, linkedinUrl, metHow, metOn, notes, strengths, birthday, clearBirthday, addCircles, removeCircles,
                    addTags, removeTags, every, clearEvery, days, unreadable);
        }
    }
}
