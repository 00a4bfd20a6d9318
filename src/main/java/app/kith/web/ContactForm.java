package app.kith.web;

import app.kith.contact.Birthday;
import app.kith.contact.Cadence;
import app.kith.contact.Contact;
import app.kith.contact.ContactChanges;
import app.kith.contact.ContactService;
import app.kith.contact.MailAddresses;
import app.kith.contact.Refusals;
import app.kith.shared.PlainText;
import app.kith.shared.Weekdays;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contact form's fields exactly as typed, so a refused form comes back as it was sent. Lists are text:
 * emails one per line (or parted by commas), phones one per line, tags comma separated; circles are the names ticked; days are mon,tue,...
 */
public record ContactForm(String name, String emails, String phones, String company, String title, String city,
                          String country, String timezone, String linkedinUrl, String metHow, String metOn, String birthday, String notes,
                          String strengths, String tags, List<String> circles, String every, String days) {
    static ContactForm empty() {
        return new ContactForm("", "", "", "", "", "", "", "", "", "", "", "", "", "", "", List.of(), "", "");
    }

    /** The form filled in with a contact as stored. */
    static ContactForm of(Contact contact) {
        return new ContactForm(contact.name(), String.join("\n", contact.emails()), String.join("\n", contact.phones()),
                orEmpty(contact.company()), orEmpty(contact.title()), orEmpty(contact.city()), orEmpty(contact.country()),
                contact.zone() == null ? "" : contact.zone().getId(), orEmpty(contact.linkedinUrl()), orEmpty(contact.metHow()),
                contact.metOn() == null ? "" : contact.metOn().toString(), contact.birthday() == null ? "" : contact.birthday().text(),
                orEmpty(contact.notes()), orEmpty(contact.strengths()),
                String.join(", ", contact.tags()), contact.circles(),
                contact.ownCadence() == null ? "" : shortForm(contact.ownCadence()), orEmpty(contact.days().text()));
    }

    public boolean inCircle(String circle) {
        return circles.stream().anyMatch(circle::equalsIgnoreCase);
    }

    public boolean accepts(String day) {
        return Weekdays.lists(days, day);
    }

    /** The changes that add this form as a new contact; blank fields stay unset. */
    ContactChanges toNew() {
        Typed typed = typed(ContactForm.empty());
        return ContactChanges.builder()
                .name(name).emails(addresses(emails)).phones(lines(phones)).company(blankToNull(company))
                .title(blankToNull(title)).city(blankToNull(city)).country(blankToNull(country))
                .timezone(blankToNull(timezone)).linkedinUrl(blankToNull(linkedinUrl)).metHow(blankToNull(metHow))
                .metOn(typed.metOn()).birthday(typed.birthday()).notes(blankToNull(notes)).strengths(blankToNull(strengths))
                .tags(commaSeparated(tags)).circles(circles).every(typed.every()).days(blankToNull(days))
                .unreadable(typed.unreadable())
                .build();
    }

    /** The changes that make {@code current} what this form says: emptied fields are cleared, lists replaced. */
    ContactChanges toEdit(Contact current) {
        Typed typed = typed(of(current));
        Cadence cadence = typed.every();
        return ContactChanges.builder()
                .name(name)
                .emails(missingFrom(current.emails(), addresses(emails))).removeEmails(missingFrom(addresses(emails), current.emails()))
                .phones(missingFrom(current.phones(), lines(phones))).removePhones(missingFrom(lines(phones), current.phones()))
                .company(company).title(title).city(city).country(country).timezone(timezone).linkedinUrl(linkedinUrl)
                .metHow(metHow).metOn(typed.metOn()).birthday(typed.birthday()).clearBirthday(birthday.isBlank())
                .notes(notes).strengths(strengths)
                .tags(missingFrom(current.tags(), commaSeparated(tags))).removeTags(missingFrom(commaSeparated(tags), current.tags()))
                .circles(missingFrom(current.circles(), circles)).removeCircles(missingFrom(circles, current.circles()))
                .every(cadence).clearEvery(every.isBlank()).days(days)
                .unreadable(typed.unreadable())
                .build();
    }

    /** Whether the date you met was emptied (changes cannot say so: a null date leaves it as it is). */
    boolean forgetsMetOn() {
        return metOn.isBlank();
    }

    /** The fields the form itself reads (dates, a cadence); blank or unreadable ones are null, the latter in {@code unreadable}. */
    private record Typed(LocalDate metOn, Birthday birthday, Cadence every, Map<String, String> unreadable) {
    }

    /**
     * Reads the fields that are parsed here, before the service sees the form, and counts its lists (from
     * {@code before}, the form as the contact was). One that fails is not said alone: the service refuses it with
     * every other field in error, each in its place ({@link ContactChanges#unreadable}).
     */
    private Typed typed(ContactForm before) {
        Refusals refused = new Refusals();
        countLists(before, refused);
        LocalDate metOnDate = refused.read("metOn", () -> Params.date(metOn, null));
        Birthday birthdayValue = refused.read("birthday", () -> Birthday.parse(birthday));
        Cadence cadence = every.isBlank() ? null : refused.read("every", () -> Cadence.parse(every));
        return new Typed(metOnDate, birthdayValue, cadence, refused.all());
    }

    /** Cadences as people type them (6w, 3m, 1y, 30d); anything mixed stays ISO (P1Y2M), which parses back too. */
    static String shortForm(Cadence cadence) {
        Period period = cadence.period();
        int years = period.getYears();
        int months = period.getMonths();
        int days = period.getDays();
        if (years > 0 && months == 0 && days == 0) {
            return years + "y";
        }
        if (years == 0 && months > 0 && days == 0) {
            return months + "m";
        }
        if (years == 0 && months == 0) {
            return days % 7 == 0 ? days / 7 + "w" : days + "d";
        }
        return cadence.iso();
    }

    /**
     * The form's lists are what the contact will have: none may grow past its limit (from {@code before}, the form
     * as the contact was); the service sees only what changes.
     */
    private void countLists(ContactForm before, Refusals refused) {
        refused.check(() -> ContactService.Limit.EMAILS.check(addresses(before.emails).size(), addresses(emails).size()));
        refused.check(() -> ContactService.Limit.PHONES.check(lines(before.phones).size(), lines(phones).size()));
        refused.check(() -> ContactService.Limit.TAGS.check(commaSeparated(before.tags).size(), commaSeparated(tags).size()));
        refused.check(() -> ContactService.Limit.CIRCLES.check(before.circles.size(), circles.size()));
    }

    /** The values of {@code wanted} not already in {@code have}, ignoring case, each once; one pass over each. */
    private static List<String> missingFrom(List<String> have, List<String> wanted) {
        Set<String> seen = new HashSet<>();
        have.forEach(value -> seen.add(PlainText.caseKey(value)));
        List<String> missing = new ArrayList<>();
        for (String value : wanted) {
            if (seen.add(PlainText.caseKey(value))) {
                missing.add(value);
            }
        }
        return missing;
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("[\\r\\n]+")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /**
     * Email addresses one per line, or several on a line parted by commas or semicolons, with or without names, as mail
     * programs write them (see {@link MailAddresses#split}).
     */
    private static List<String> addresses(String text) {
        return lines(text).stream()
                .flatMap(line -> MailAddresses.split(line).stream())
                .toList();
    }

    private static List<String> commaSeparated(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
