package app.kith.exchange;

import app.kith.contact.Birthday;
import app.kith.contact.ContactBulk;
import app.kith.contact.Photo;
import app.kith.contact.Regions;
import app.kith.shared.ValidationException;
import com.github.mangstadt.vinnie.io.Warning;
import ezvcard.VCard;
import ezvcard.VCardDataType;
import ezvcard.VCardVersion;
import ezvcard.io.ParseWarning;
import ezvcard.io.text.VCardReader;
import ezvcard.parameter.VCardParameters;
import ezvcard.property.Address;
import ezvcard.property.Categories;
import ezvcard.property.DateOrTimeProperty;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Note;
import ezvcard.property.Organization;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Title;
import ezvcard.property.Url;
import ezvcard.util.PartialDate;

import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A vCard file (2.1, 3.0 or 4.0; one card or thousands) as Apple Contacts, iCloud, Google and Outlook write
 * them, read with ez-vcard: a card per contact, its line being that of its {@code BEGIN:VCARD}.
 */
public final class VCardImport {
    static final String FORMAT = "vCard";
    /** Google puts every contact in this group; as a tag it would say nothing. */
    private static final String GOOGLE_ALL_CONTACTS = "myContacts";
    /** How ez-vcard quotes the line a warning is about. */
    private static final Pattern ENTIRE_LINE = Pattern.compile("The entire line is: \"(.*)\"$", Pattern.DOTALL);
    /** A big file is read in parts of at least this many cards, on every core. */
    static final int PART = 2000;

    private VCardImport() {
    }

    public static Parsed parse(String text) {
        return parse(text, BadRows.FAIL);
    }

    /** Reads the file; a bad card fails it, or is left out with why, as {@code bad} says. */
    public static Parsed parse(String text, BadRows bad) {
        return parse(text, Runtime.getRuntime().availableProcessors(), bad);
    }

    /**
     * The file cut into parts of about {@link #PART} cards each (one part for a smaller file), each read when asked,
     * with a reader of its own: in order, they hold what one reader from the top reads, unless one of them fails (a
     * bad card, or a cut a single reader would not have made), in which case {@link #parse(String)} tells the error.
     * A file with no card, or one cut short, fails here.
     */
    static Parts parts(String text, BadRows bad) {
        List<VCardLines.Start> starts = VCardLines.cardStarts(text);
        List<Integer> bounds = bounds(starts, Integer.MAX_VALUE);
        List<Supplier<Parsed>> parts = new ArrayList<>(bounds.size() - 1);
        for (int i = 0; i < bounds.size() - 1; i++) {
            int from = bounds.get(i);
            int to = bounds.get(i + 1);
            parts.add(() -> {
                Part part = read(text, starts, from, to, bad);
                return new Parsed(FORMAT, part.rows(), part.skipped());
            });
        }
        return new Parts(parts, starts.size());
    }

    /** A file's parts, in order, and how many cards they hold in all. */
    record Parts(List<Supplier<Parsed>> pieces, int cards) {
    }

    /** Reads the file in at most {@code most} parts at once. */
    static Parsed parse(String text, int most, BadRows bad) {
        List<VCardLines.Start> starts = VCardLines.cardStarts(text);
        List<Integer> bounds = bounds(starts, most);
        if (bounds.size() > 2) {
            try {
                List<Part> parts = IntStream.range(0, bounds.size() - 1).parallel()
                        .mapToObj(i -> read(text, starts, bounds.get(i), bounds.get(i + 1), bad))
                        .toList();
                List<ImportRow> rows = new ArrayList<>(starts.size());
                List<Skip> skipped = new ArrayList<>();
                for (Part part : parts) {
                    rows.addAll(part.rows());
                    skipped.addAll(part.skipped());
                }
                return new Parsed(FORMAT, rows, skipped);
            } catch (ImportException | MisreadPart e) {
                // The error, or a split a single reader would not have made, is worked out again from the top, as one reader meets it.
            }
        }
        Part whole = read(text, starts, 0, starts.size(), bad);
        return new Parsed(FORMAT, whole.rows(), whole.skipped());
    }

    /**
     * Where the file is cut into parts read in parallel, as indexes into {@code starts} (the first 0, the last its
     * size): about equal runs of cards, each part but the first starting at a card a fresh reader can start at.
     */
    private static List<Integer> bounds(List<VCardLines.Start> starts, int most) {
        int count = Math.min(most, starts.size() / PART);
        List<Integer> bounds = new ArrayList<>();
        bounds.add(0);
        for (int part = 1; part < count; part++) {
            int at = Math.max(bounds.get(bounds.size() - 1) + 1, (int) ((long) starts.size() * part / count));
            while (at < starts.size() && !starts.get(at).clean()) {
                at++;
            }
            if (at < starts.size()) {
                bounds.add(at);
            }
        }
        bounds.add(starts.size());
        return bounds;
    }

    /** The cards of one part. */
    private record Part(List<ImportRow> rows, List<Skip> skipped) {
    }

    /** A part's reader found a card after its last one: the cut was not where a reader sees a card start. */
    private static final class MisreadPart extends RuntimeException {
        MisreadPart() {
            super(null, null, false, false);
        }
    }

    /**
     * Reads the cards {@code from} (inclusive) to {@code to} (exclusive) with a reader of their own, over the text
     * from the first one's {@code BEGIN:VCARD} (from the top for the first) to the next part's; ez-vcard's line
     * numbers are moved on by the lines before it.
     */
    private static Part read(String text, List<VCardLines.Start> starts, int from, int to, BadRows bad) {
        int begin = from == 0 ? 0 : starts.get(from).offset();
        int end = to == starts.size() ? text.length() : starts.get(to).offset();
        long linesBefore = from == 0 ? 0 : starts.get(from).line() - 1;
        List<ImportRow> rows = new ArrayList<>(to - from);
        List<Skip> skipped = new ArrayList<>();
        try (VCardReader reader = new VCardReader(new TextReader(text, begin, end), VCardVersion.V2_1)) {
            reader.registerScribe(new PhoneScribe());
            for (int i = from; i < to; i++) {
                long start = starts.get(i).line();
                VCard card = next(reader, start);
                if (card == null) {
                    checkWarnings(reader, start, linesBefore);
                    throw new ImportException(start, "ez-vcard found no card at this BEGIN:VCARD; correct the card or export the file again");
                }
                ContactBulk.Draft draft;
                try {
                    // A card read, if wrongly, leaves the reader at the next one: only the card is bad.
                    checkWarnings(reader, start, linesBefore);
                    draft = draft(card, start, reader.getWarnings(), linesBefore);
                } catch (ImportException e) {
                    skipped.add(bad.skip(e, start));
                    continue;
                } catch (RuntimeException e) {
                    skipped.add(bad.skip(unreadable(start, e), start));
                    continue;
                }
                if (draft == null) {
                    skipped.add(new Skip(start, "no name (the card has no FN, N or ORG)"));
                } else {
                    rows.add(new ImportRow(start, draft));
                }
            }
            if (to < starts.size() && reader.readNext() != null) {
                throw new MisreadPart();
            }
        } catch (IOException cannotHappenOnAString) {
            throw new ImportException("the file could not be read: " + cannotHappenOnAString.getMessage());
        }
        return new Part(rows, skipped);
    }

    /**
     * The characters {@code [from, end)} of a text, for a reader of its own: what {@code new VCardReader(String)}
     * reads through a {@link java.io.StringReader}, without copying the part out of the file's text first and
     * without the lock StringReader takes for every character (ez-vcard reads one character at a time).
     */
    private static final class TextReader extends Reader {
        private final String text;
        private final int end;
        private int at;

        TextReader(String text, int from, int end) {
            this.text = text;
            this.at = from;
            this.end = end;
        }

        @Override
        public int read() {
            return at < end ? text.charAt(at++) : -1;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (at >= end) {
                return -1;
            }
            int count = Math.min(length, end - at);
            text.getChars(at, at + count, buffer, offset);
            at += count;
            return count;
        }

        @Override
        public void close() {
        }
    }

    /** The next card; a failure of ez-vcard becomes an error on the card's line. */
    private static VCard next(VCardReader reader, long start) throws IOException {
        try {
            return reader.readNext();
        } catch (RuntimeException e) {
            throw unreadable(start, e);
        }
    }

    /** Fails on a warning of ez-vcard's about the card just read that means it would lose or garble a field. */
    private static void checkWarnings(VCardReader reader, long start, long linesBefore) {
        for (ParseWarning warning : reader.getWarnings()) {
            String problem = fatalProblem(warning);
            if (problem != null) {
                long line = warning.getLineNumber() == null ? start : warning.getLineNumber() + linesBefore;
                Matcher quoted = ENTIRE_LINE.matcher(warning.getMessage());
                String text = quoted.find() ? quoted.group(1) : "";
                String shown = text.length() > 80 ? text.substring(0, 79) + "…" : text;
                String what = problem + (shown.isEmpty() ? "" : ": \"" + shown + "\"") + "; correct or delete the line";
                throw new ImportException(line, "this line of the vCard starting at line " + start + " " + what, "line " + line + " of the file " + what);
            }
        }
    }

    private static ImportException unreadable(long start, RuntimeException e) {
        return new ImportException(start, "this vCard cannot be read (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); correct the card or export the file again");
    }

    /**
     * What is wrong when a warning of ez-vcard means the card would lose or garble a field, else null. Code 27
     * carries the warnings of its line reader (vinnie): a line with no colon, or quoted-printable that does not
     * decode, is fatal; an unknown VERSION or charset (ez-vcard uses its default) and a stray BEGIN or END of
     * another component are not. Every other code is ignorable: values of properties Kith does not keep (GEO, TZ,
     * KEY...), a tel: or URI value kept as text, a property that asked to be skipped. A BDAY it cannot parse
     * (code 5) is read again, and judged, in {@link #birthday(VCard, long, List)}.
     */
    private static String fatalProblem(ParseWarning warning) {
        if (warning.getCode() == null || warning.getCode() != 27 || warning.getMessage() == null) {
            return null;
        }
        String message = warning.getMessage();
        if (message.contains(Warning.MALFORMED_LINE.getMessage())) {
            return "is not a property (it has no colon)";
        }
        if (message.contains(Warning.QUOTED_PRINTABLE_ERROR.getMessage())) {
            return "holds quoted-printable text that does not decode";
        }
        return null;
    }

    /** The card's contact fields, or null when it has no name. */
    private static ContactBulk.Draft draft(VCard card, long start, List<ParseWarning> warnings, long linesBefore) {
        String company = null;
        for (Organization organization : card.getOrganizations()) {
            company = first(organization.getValues());
            if (company != null) {
                break;
            }
        }
        String name = name(card, company);
        if (name == null) {
            return null;
        }
        List<String> emails = new ArrayList<>(1);
        for (Email email : card.getEmails()) {
            if (present(email.getValue())) {
                emails.add(withoutMailto(email.getValue()));
            }
        }
        List<String> phones = new ArrayList<>(1);
        for (Telephone phone : card.getTelephoneNumbers()) {
            String number = phone.getText() != null ? phone.getText() : phone.getUri() == null ? null : phone.getUri().getNumber();
            if (present(number)) {
                phones.add(number);
            }
        }
        Address address = card.getAddresses().isEmpty() ? null : card.getAddresses().get(0);
        StringBuilder notes = new StringBuilder();
        for (Note note : card.getNotes()) {
            if (present(note.getValue())) {
                notes.append(notes.length() == 0 ? "" : "\n\n").append(note.getValue().strip());
            }
        }
        List<String> tags = new ArrayList<>();
        for (Categories categories : card.getCategoriesList()) {
            for (String tag : categories.getValues()) {
                if (present(tag) && !tag.strip().equalsIgnoreCase(GOOGLE_ALL_CONTACTS)) {
                    tags.add(tag.strip());
                }
            }
        }
        String title = null;
        for (Title candidate : card.getTitles()) {
            title = first(candidate.getValue());
            if (title != null) {
                break;
            }
        }
        Photo photo = null;
        for (ezvcard.property.Photo picture : card.getPhotos()) {
            photo = Thumbnail.of(picture.getData());
            if (photo != null) {
                break;
            }
        }
        return new ContactBulk.Draft(name, emails, phones, company, title,
                address == null ? null : Regions.cityIn(address.getLocality(), address.getRegion(), address.getCountry()),
                address == null ? null : address.getCountry(),
                linkedin(card), null, null, notes.length() == 0 ? null : notes.toString(),
                birthday(card, start, warnings, linesBefore), photo, tags);
    }

    /** FN; else the parts of N; else, for a company's card, its ORG. */
    private static String name(VCard card, String company) {
        for (FormattedName formatted : card.getFormattedNames()) {
            if (present(formatted.getValue())) {
                return formatted.getValue().strip();
            }
        }
        StructuredName parts = card.getStructuredName();
        if (parts != null) {
            String person = PersonNames.joined(Stream.of(Stream.of(parts.getGiven()), parts.getAdditionalNames().stream(),
                    Stream.of(parts.getFamily())).flatMap(s -> s).toArray(String[]::new));
            String joined = Stream.of(parts.getPrefixes().stream(), Stream.of(person), parts.getSuffixes().stream())
                    .flatMap(s -> s).filter(VCardImport::present).map(String::strip).collect(Collectors.joining(" "));
            if (!joined.isEmpty()) {
                return joined;
            }
        }
        return company;
    }

    /**
     * A LinkedIn profile: Apple's {@code X-SOCIALPROFILE;type=linkedin} (a URL, or {@code x-apple:USER} with
     * {@code x-user=USER}), vCard 4's {@code SOCIALPROFILE}, else a {@code URL} on linkedin.com (Google, Outlook).
     */
    private static String linkedin(VCard card) {
        for (RawProperty profile : card.getExtendedProperties()) {
            String property = profile.getPropertyName().toUpperCase(Locale.ROOT);
            if (!property.equals("X-SOCIALPROFILE") && !property.equals("SOCIALPROFILE")) {
                continue;
            }
            String value = profile.getValue() == null ? "" : profile.getValue().strip();
            if (MatchKeys.linkedin(value) != null) {
                return value;
            }
            VCardParameters parameters = profile.getParameters();
            boolean isLinkedin = Stream.concat(parameters.getTypes().stream(), parameters.get("SERVICE-TYPE").stream())
                    .anyMatch(type -> type.equalsIgnoreCase("linkedin"));
            String user = first(Stream.concat(parameters.get("X-USER").stream(), parameters.get("USERNAME").stream()));
            if (user == null && value.toLowerCase(Locale.ROOT).startsWith("x-apple:")) {
                user = value.substring("x-apple:".length());
            }
            if (isLinkedin && user != null && user.strip().matches("[\\w.%-]+")) {
                return "https://www.linkedin.com/in/" + user.strip();
            }
        }
        return card.getUrls().stream().map(Url::getValue).filter(VCardImport::present).map(String::strip)
                .filter(url -> MatchKeys.linkedin(url) != null).findFirst().orElse(null);
    }

    /**
     * BDAY as a date ({@code 1985-03-15}, {@code 19850315}), a year-less date ({@code --0315}, which ez-vcard
     * reads in 4.0 and leaves as text in 2.1 and 3.0), or Apple's year-less {@code 1604-03-15} marked with
     * {@code X-APPLE-OMIT-YEAR=1604}. A BDAY that is text by design (4.0 {@code VALUE=text}) or lacks a day is
     * left out; one that is no date at all fails the import.
     */
    private static Birthday birthday(VCard card, long start, List<ParseWarning> warnings, long linesBefore) {
        for (ezvcard.property.Birthday bday : card.getBirthdays()) {
            Birthday birthday = birthday(bday);
            if (birthday != null) {
                return birthday;
            }
        }
        for (RawProperty unparsed : card.getExtendedProperties("BDAY")) {
            String value = unparsed.getValue() == null ? "" : unparsed.getValue().strip();
            if (value.isEmpty() || unparsed.getDataType() == VCardDataType.TEXT) {
                continue;
            }
            try {
                return Birthday.parse(value);
            } catch (ValidationException e) {
                long line = warnings.stream().filter(w -> "BDAY".equalsIgnoreCase(w.getPropertyName()) && w.getLineNumber() != null)
                        .mapToLong(w -> w.getLineNumber() + linesBefore).findFirst().orElse(start);
                throw new ImportException(line, "'" + value + "' under BDAY is not a date: use 1985-03-15, or --03-15 without the year");
            }
        }
        return null;
    }

    private static Birthday birthday(DateOrTimeProperty bday) {
        try {
            if (bday.getDate() != null) {
                LocalDate date = date(bday.getDate());
                if (date == null) {
                    return null;
                }
                String omitted = bday.getParameter("X-APPLE-OMIT-YEAR");
                boolean noYear = omitted != null && omitted.strip().equals(Integer.toString(date.getYear()));
                return noYear ? new Birthday(null, MonthDay.from(date)) : Birthday.of(date);
            }
            PartialDate partial = bday.getPartialDate();
            if (partial != null && partial.getMonth() != null && partial.getDate() != null) {
                return new Birthday(partial.getYear(), MonthDay.of(partial.getMonth(), partial.getDate()));
            }
            return null;
        } catch (DateTimeException | ValidationException e) {
            return null;
        }
    }

    private static LocalDate date(Temporal temporal) {
        LocalDate date = temporal.query(TemporalQueries.localDate());
        if (date == null && temporal instanceof Instant instant) {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC);
        }
        return date;
    }

    private static String withoutMailto(String email) {
        String address = email.strip();
        return address.regionMatches(true, 0, "mailto:", 0, 7) ? address.substring(7) : address;
    }

    private static String first(Stream<String> values) {
        return values.filter(VCardImport::present).map(String::strip).findFirst().orElse(null);
    }

    /** The first value that is not blank, stripped; or null. */
    private static String first(List<String> values) {
        for (String value : values) {
            if (present(value)) {
                return value.strip();
            }
        }
        return null;
    }

    private static String first(String value) {
        return present(value) ? value.strip() : null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
