package app.kith.cli;

import app.kith.contact.Birthday;
import app.kith.contact.Cadence;
import app.kith.contact.ContactChanges;
import app.kith.shared.ValidationException;
import picocli.CommandLine.Option;

import java.util.List;

/** The contact fields {@code add} and {@code edit} share; on {@code edit}, an empty value ("") clears a field. */
final class ContactOptions {
    @Option(names = "--email", paramLabel = "EMAIL", converter = Converters.EmailText.class, description = "An email address (repeatable).")
    List<String> emails = List.of();
    @Option(names = "--phone", paramLabel = "PHONE", converter = Converters.PhoneText.class, description = "A phone number (repeatable).")
    List<String> phones = List.of();
    @Option(names = "--company", paramLabel = "COMPANY", description = "Where they work.")
    String company;
    @Option(names = "--title", paramLabel = "TITLE", description = "Their job title.")
    String title;
    @Option(names = "--city", paramLabel = "CITY", description = "Where they live; the same city as yours suggests meeting in person.")
    String city;
    @Option(names = "--country", paramLabel = "COUNTRY", description = "Their country: a code such as DE, or its name.")
    String country;
    @Option(names = "--timezone", paramLabel = "ZONE", converter = Converters.ZoneName.class, description = "IANA time zone, such as Europe/Berlin.")
    String timezone;
    @Option(names = "--linkedin", paramLabel = "URL", converter = Converters.LinkedinText.class, description = "Their LinkedIn profile's address.")
    String linkedin;
    @Option(names = "--circle", paramLabel = "NAME", description = "Put them in a circle (repeatable).")
    List<String> circles = List.of();
    @Option(names = "--tag", paramLabel = "TAG", description = "A topic: a field, a skill, an interest (repeatable).")
    List<String> tags = List.of();
    @Option(names = "--every", paramLabel = "DURATION", description = "Their own cadence: 30d, 6w, 3m, 1y or P6W.")
    Cadence every;
    @Option(names = "--met", paramLabel = "TEXT", description = "How you met.")
    String met;
    @Option(names = "--met-on", paramLabel = "DATE", description = "When you met: YYYY-MM-DD, today or yesterday.")
    Day metOn;
    @Option(names = "--note", paramLabel = "TEXT", description = "Notes: what they do, what they need.")
    String note;
    @Option(names = "--birthday", paramLabel = "DATE", converter = Converters.BirthdayText.class, description = "Their birthday: YYYY-MM-DD, or --MM-DD without the year (\"\" forgets it).")
    String birthday;
    @Option(names = "--strengths", paramLabel = "TEXT", description = "What you would say their best qualities are.")
    String strengths;
    @Option(names = "--days", paramLabel = "mon,tue,...", converter = Converters.DaysText.class, description = "Days of the week they accept being contacted.")
    String days;

    /** The changes asked for; a DATE word such as {@code today} is counted from the account's today. */
    ContactChanges.Builder changes(KithCommand root) {
        // "" clears a field of one value; a list's entries are taken off by name.
        if (emails != null && emails.stream().anyMatch(String::isBlank)) {
            throw new ValidationException("--email \"\" adds no address: to take one off, use kith edit CONTACT --remove-email ADDRESS");
        }
        if (phones != null && phones.stream().anyMatch(String::isBlank)) {
            throw new ValidationException("--phone \"\" adds no number: to take one off, use kith edit CONTACT --remove-phone NUMBER");
        }
        return ContactChanges.builder()
                .emails(emails).phones(phones).company(company).title(title).city(city).country(country)
                .timezone(timezone).linkedinUrl(linkedin).circles(circles).tags(tags).every(every).metHow(met)
                .metOn(root.date(metOn)).notes(note).strengths(strengths).days(days)
                .birthday(birthday == null || birthday.isBlank() ? null : Birthday.parse(birthday))
                .clearBirthday(birthday != null && birthday.isBlank());
    }
}
