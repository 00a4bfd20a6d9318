package app.kith.exchange;

import app.kith.contact.Birthday;
import app.kith.contact.ContactBulk;
import app.kith.contact.Regions;
import app.kith.shared.Quoted;
import app.kith.shared.ValidationException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The address-book CSV files of Google Contacts (the current export and the older one), of Outlook, and Kith's
 * own ({@code kith export csv}), told apart by their header row: names, emails, phones, job, city, birthday, notes,
 * labels and a LinkedIn page, and from Kith's own also when and how you met.
 */
public final class ContactsCsv {
    static final String GOOGLE = "Google Contacts CSV";
    static final String OUTLOOK = "Outlook CSV";
    static final String KITH = "Kith CSV";
    /**
     * Google puts several values of one field in one cell, joined with {@code " ::: "}; the values are stripped
     * after, as {@code \s*:::\s*} would take time quadratic in a long run of blanks.
     */
    private static final Pattern GOOGLE_VALUES = Pattern.compile(":::", Pattern.LITERAL);
    private static final Pattern GOOGLE_NUMBERED = Pattern.compile("(e-mail|phone|address|website|organization) (\\d{1,6}) - (.+)");
    private static final Pattern OUTLOOK_EMAIL = Pattern.compile("e-mail(?: (\\d+))? address");
    private static final Pattern OUTLOOK_DATE = Pattern.compile("(\\d{1,4})[./-](\\d{1,2})[./-](\\d{1,4})\\.?");
    private static final List<String> GOOGLE_ONLY = List.of("given name", "family name", "group membership", "labels",
            "file as", "phonetic first name", "organization name");
    private static final List<String> OUTLOOK_ONLY = List.of("e-mail address", "job title", "business phone", "mobile phone",
            "home phone", "business city");
    /**
     * Columns of Kith's own export that no other format has: a header with all of them is Kith's, whatever other
     * columns it has or lacks (a column deleted in a spreadsheet is read as empty).
     */
    private static final List<String> KITH_ONLY = List.of("name", "emails", "phones", "how we met");
    /** The columns of Kith's own CSV that an import reads, as a sheet of one's own may name them too. */
    private static final List<String> SHEET_COLUMNS = List.of("Name", "Emails", "Phones", "Company", "Title", "City", "Country",
            "LinkedIn", "Met on", "How we met", "Birthday", "Tags", "Notes");
    private static final Set<String> SHEET_KEYS = SHEET_COLUMNS.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    /** Other names a sheet of one's own may give those columns (none of them Google's or Outlook's own). */
    private static final Map<String, String> SHEET_NAMES = Map.of("email", "emails", "e-mail", "emails", "phone", "phones",
            "tag", "tags", "note", "notes", "full name", "name");
    /** Outlook's phones that are the person's own, most useful first (not faxes, pagers or an assistant's). */
    private static final List<String> OUTLOOK_PHONES = List.of("primary phone", "mobile phone", "business phone",
            "business phone 2", "home phone", "home phone 2", "car phone", "other phone");

    private ContactsCsv() {
    }

    /**
     * Whose CSV a header (its names lower-cased) is: "Kith", "Google Contacts" or "Outlook" (in English or another
     * language) by the columns only that one has; null if none.
     */
    static String which(List<String> names) {
        if (names.containsAll(KITH_ONLY)) {
            return "Kith";
        }
        if (names.stream().anyMatch(name -> GOOGLE_ONLY.contains(name) || GOOGLE_NUMBERED.matcher(name).matches())) {
            return "Google Contacts";
        }
        return names.stream().anyMatch(OUTLOOK_ONLY::contains) || OutlookColumns.english(names).isPresent() ? "Outlook" : null;
    }

    /** A {@link #which} as a file is named in a message: "a Google Contacts CSV", "an Outlook CSV", "Kith's own CSV". */
    static String named(String which) {
        return switch (which) {
            case "Kith" -> "Kith's own CSV";
            case "Outlook" -> "an Outlook CSV";
            default -> "a " + which + " CSV";
        };
    }

    /** The header row: the column of each name (lower case), for cells looked up by name. */
    private record Header(List<String> names, Map<String, Integer> columns, Map<String, List<Integer>> numbers) {
        static Header of(CsvRows.Row row) {
            return of(row.cells().stream().map(cell -> cell.strip().toLowerCase(Locale.ROOT)).toList());
        }

        /** A header of these names, in lower case. */
        static Header of(List<String> names) {
            Map<String, Integer> columns = new HashMap<>();
            Map<String, List<Integer>> numbers = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                columns.putIfAbsent(names.get(i), i);
                Matcher numbered = GOOGLE_NUMBERED.matcher(names.get(i));
                if (numbered.matches()) {
                    List<Integer> kind = numbers.computeIfAbsent(numbered.group(1), k -> new ArrayList<>());
                    int number = Integer.parseInt(numbered.group(2));
                    if (!kind.contains(number)) {
                        kind.add(number);
                    }
                }
            }
            numbers.values().forEach(Collections::sort);
            return new Header(names, columns, numbers);
        }

        /** The first non-blank cell among these columns, or "". */
        String cell(CsvRows.Row row, String... names) {
            return Arrays.stream(names).map(name -> row.cell(columns.getOrDefault(name, -1)))
                    .filter(value -> !value.isEmpty()).findFirst().orElse("");
        }

        /** The numbers N of Google's columns {@code KIND N - FIELD} (address 1 - city, address 2 - city ...), in order. */
        List<Integer> numbers(String kind) {
            return numbers.getOrDefault(kind, List.of());
        }

        /** The cells of Google's numbered columns (e-mail 1 - value, e-mail 2 - value ...), in number order. */
        Stream<String> numbered(CsvRows.Row row, String kind, String field) {
            return numbers(kind).stream().map(number -> cell(row, kind + " " + number + " - " + field));
        }
    }

    public static Parsed parse(String text) {
        return parse(text, BadRows.FAIL);
    }

    /** Reads the file; a bad row fails it, or is left out with why, as {@code bad} says. */
    public static Parsed parse(String text, BadRows bad) {
        // A byte-order mark is gone when the text comes through TextFile; not when it is given here directly.
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<CsvRows.Row> rows = CsvRows.read(content, CsvRows.separator(content));
        int first = 0;
        while (first < rows.size() && rows.get(first).blank()) {
            first++;
        }
        if (first == rows.size()) {
            throw new ImportException("the file is empty: export your contacts from Google Contacts, Outlook or Kith"
                    + " ('kith export csv') as CSV and give that file");
        }
        CsvRows.Row headerRow = rows.get(first);
        Header header = Header.of(headerRow);
        String which = which(header.names());
        // An Outlook in another language names its columns in it; one whose language leaves some in English is
        // taken for an English one by those.
        Optional<List<String>> translated = which == null || which.equals("Outlook")
                ? OutlookColumns.english(header.names()) : Optional.empty();
        if (translated.isPresent()) {
            header = Header.of(translated.get());
            which = which(header.names());
        }
        // A sheet of one's own (a Name column, and others of Kith's own CSV's) is read as Kith's own CSV.
        List<String> unread = List.of();
        boolean named = false;
        if (which == null) {
            // The header's names (lower case), as Kith's own CSV names them; the columns not among them, as written.
            List<String> asKith = header.names().stream().map(name -> SHEET_NAMES.getOrDefault(name, name)).toList();
            named = asKith.contains("name");
            unread = IntStream.range(0, asKith.size()).filter(i -> !asKith.get(i).isEmpty() && !SHEET_KEYS.contains(asKith.get(i)))
                    .mapToObj(i -> headerRow.cells().get(i).strip()).toList();
            if (named && unread.isEmpty()) {
                List<String> twice = asKith.stream().filter(name -> !name.isEmpty() && asKith.indexOf(name) != asKith.lastIndexOf(name))
                        .distinct().toList();
                if (!twice.isEmpty()) {
                    // Only one of the two would be read: the other's data would be left behind without a word.
                    throw new ImportException(headerRow.line(), "a sheet of your own is read by its columns, and two of them give "
                            + String.join(", ", twice) + " (Email and E-mail, or Phone twice): keep one of each, or put their"
                            + " values in one column, several parted by ' ::: '");
                }
                refuseUnnamedData(headerRow, asKith, rows.subList(first + 1, rows.size()));
                header = Header.of(asKith);
                which = "Kith";
            }
        }
        // Outlook writes a birthday as its language's short date: day first in all but English (15.03.1985, 15/03/1985).
        Integer birthdayColumn = header.columns().get("birthday");
        OutlookDates dates = new OutlookDates(translated.isPresent(),
                birthdayColumn == null ? "Birthday" : headerRow.cells().get(birthdayColumn).strip());
        boolean kith = "Kith".equals(which);
        boolean google = "Google Contacts".equals(which);
        boolean outlook = "Outlook".equals(which);
        if (!kith && !google && !outlook && headerRow.cells().get(0).strip().equalsIgnoreCase("BEGIN:VCARD")) {
            throw new ImportException(headerRow.line(), "this is a vCard file, not a CSV one: import it with 'kith import vcard'"
                    + " (on the Import page: vCard)");
        }
        if (!kith && !google && !outlook && named) {
            throw new ImportException(headerRow.line(), "a sheet of your own is read by its columns, and Kith reads no column named "
                    + named(unread) + ": give it a Name column and any of "
                    + String.join(", ", SHEET_COLUMNS.subList(1, SHEET_COLUMNS.size())) + " (or Email, Phone, Tag, Note);"
                    + " rename those columns or take them out");
        }
        if (!kith && !google && !outlook) {
            throw new ImportException(headerRow.line(), "the header " + Quoted.of(String.join(",", headerRow.cells()).strip())
                    + " is none of the CSV files Kith reads: Google Contacts CSV (contacts.google.com, Export, Google CSV),"
                    + " Outlook CSV (File, Open & Export, Import/Export, Export to a file, CSV; its columns named in English or in"
                    + " one of 31 other languages), Kith's own ('kith export csv', or Contacts as CSV on Settings), or a sheet"
                    + " of your own with a Name column; for LinkedIn's Connections.csv use 'kith import linkedin'"
                    + " (on the Import page: LinkedIn's Connections.csv)");
        }
        List<ImportRow> contacts = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        for (CsvRows.Row row : rows.subList(first + 1, rows.size())) {
            if (row.blank()) {
                continue;
            }
            ContactBulk.Draft draft;
            try {
                row.requireWidth(header.names().size());
                if (kith && kithCell(header, row, "archived").equalsIgnoreCase("yes")) {
                    // Taken in, they would be back on the agenda: an import cannot archive.
                    skipped.add(new Skip(row.line(), "archived in Kith (a JSON export and 'kith restore' keep archived contacts)"));
                    continue;
                }
                draft = kith ? kith(header, row) : google ? google(header, row) : outlook(header, row, dates);
            } catch (ImportException e) {
                skipped.add(bad.skip(e, row.line()));
                continue;
            }
            if (draft == null) {
                skipped.add(new Skip(row.line(), "no name, company or email"));
            } else {
                contacts.add(new ImportRow(row.line(), draft));
            }
        }
        return new Parsed(kith ? KITH : google ? GOOGLE : OUTLOOK, contacts, skipped);
    }

    /**
     * Refuses a sheet with a column its header gives no name but that holds values: passed over, they would be lost
     * without a word. An empty column without a name (a trailing comma) is no matter.
     */
    private static void refuseUnnamedData(CsvRows.Row headerRow, List<String> names, List<CsvRows.Row> rows) {
        for (int column = 0; column < names.size(); column++) {
            if (!names.get(column).isEmpty()) {
                continue;
            }
            for (CsvRows.Row row : rows) {
                // A row of another width is refused for that, with where to look (a stray quote, a comma unquoted).
                if (row.cells().size() != names.size()) {
                    continue;
                }
                String value = row.cells().get(column).strip();
                if (!value.isEmpty()) {
                    throw new ImportException(row.line(), "column " + (column + 1) + " (" + letters(column) + ") holds "
                            + Quoted.of(value) + " but has no name in the header on line " + headerRow.line()
                            + ": name it as one of Kith's columns (" + String.join(", ", SHEET_COLUMNS) + ") or take it out");
                }
            }
        }
    }

    /** A column's letters in a spreadsheet: A for the first, Z, AA, AB... */
    static String letters(int column) {
        StringBuilder letters = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    /**
     * A row of Kith's own export: what an imported contact can carry (its circles, time zone, cadence and history
     * come back only with a JSON export and 'kith restore'). The export put a quote before a cell a spreadsheet
     * would run as a formula (a phone "+44 ...", a birthday "--03-15"); it is taken off again.
     */
    private static ContactBulk.Draft kith(Header header, CsvRows.Row row) {
        List<String> emails = values(Stream.of(kithCell(header, row, "emails")));
        String company = kithCell(header, row, "company");
        String name = firstOf(kithCell(header, row, "name"), company, emails.isEmpty() ? "" : emails.get(0));
        if (name.isEmpty()) {
            return null;
        }
        String birthday = kithCell(header, row, "birthday");
        Birthday born;
        try {
            born = Birthday.parse(birthday);
        } catch (ValidationException e) {
            throw new ImportException(row.line(), "'" + birthday + "' under Birthday is not a date like 1985-03-15, or --03-15 without the year");
        }
        String met = kithCell(header, row, "met on");
        LocalDate metOn;
        try {
            metOn = met.isEmpty() ? null : LocalDate.parse(met);
        } catch (DateTimeException e) {
            throw new ImportException(row.line(), "'" + met + "' under Met on is not a date like 2024-03-15");
        }
        return new ContactBulk.Draft(name, emails, values(Stream.of(kithCell(header, row, "phones"))), company,
                kithCell(header, row, "title"), kithCell(header, row, "city"), kithCell(header, row, "country"),
                kithCell(header, row, "linkedin"), metOn, kithCell(header, row, "how we met"),
                kithCell(header, row, "notes"), born, null, values(Stream.of(kithCell(header, row, "tags"))));
    }

    /**
     * A cell of Kith's export as it was before the export quoted it against spreadsheet formulas. Only a quote the
     * export would have put there is taken off: an older export did not double a value's own leading quote.
     */
    private static String kithCell(Header header, CsvRows.Row row, String name) {
        String cell = header.cell(row, name);
        return cell.length() > 1 && CsvExport.neutralised(cell.substring(1)).equals(cell) ? cell.substring(1) : cell;
    }

    private static ContactBulk.Draft google(Header header, CsvRows.Row row) {
        List<String> emails = values(header.numbered(row, "e-mail", "value"));
        List<String> phones = values(header.numbered(row, "phone", "value"));
        String company = single(header.cell(row, "organization name", "organization 1 - name"));
        String person = PersonNames.joined(header.cell(row, "first name", "given name"), header.cell(row, "middle name", "additional name"),
                header.cell(row, "last name", "family name"));
        String name = firstOf(person, single(header.cell(row, "name")), single(header.cell(row, "nickname")), company,
                emails.isEmpty() ? "" : emails.get(0));
        if (name.isEmpty()) {
            return null;
        }
        String city = "";
        String country = "";
        for (int number : header.numbers("address")) {
            if (city.isEmpty() && country.isEmpty()) {
                country = single(header.cell(row, "address " + number + " - country"));
                city = Regions.cityIn(single(header.cell(row, "address " + number + " - city")),
                        single(header.cell(row, "address " + number + " - region")), country);
            }
        }
        String birthday = header.cell(row, "birthday");
        Birthday born;
        try {
            born = Birthday.parse(birthday);
        } catch (ValidationException e) {
            throw new ImportException(row.line(), "'" + birthday + "' under Birthday is not a date like 1985-03-15, or --03-15 without the year");
        }
        List<String> tags = values(Stream.of(header.cell(row, "labels", "group membership"))).stream()
                .filter(ContactsCsv::userLabel).toList();
        return new ContactBulk.Draft(name, emails, phones, company, single(header.cell(row, "organization title", "organization 1 - title")),
                city, country, linkedin(values(header.numbered(row, "website", "value"))),
                null, null, header.cell(row, "notes"), born, null, tags);
    }

    private static ContactBulk.Draft outlook(Header header, CsvRows.Row row, OutlookDates dates) {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < header.names().size(); i++) {
            Matcher column = OUTLOOK_EMAIL.matcher(header.names().get(i));
            String number = column.matches() && column.group(1) != null ? " " + column.group(1) : "";
            // An Exchange address (type EX) is a directory path such as /o=ExchangeLabs/..., not an email.
            if (column.matches() && !row.cell(i).isEmpty() && !header.cell(row, "e-mail" + number + " type").equalsIgnoreCase("EX")) {
                emails.add(row.cell(i));
            }
        }
        List<String> phones = OUTLOOK_PHONES.stream().map(phone -> header.cell(row, phone)).filter(phone -> !phone.isEmpty()).toList();
        String company = header.cell(row, "company");
        // Outlook's Title is an honorific (Dr., Ms.), kept out of the name as Google and LinkedIn leave it out.
        String person = PersonNames.joined(header.cell(row, "first name"), header.cell(row, "middle name"), header.cell(row, "last name"));
        String name = firstOf(person, company, emails.isEmpty() ? "" : emails.get(0));
        if (name.isEmpty()) {
            return null;
        }
        String city = "";
        String country = "";
        for (String place : List.of("business", "home", "other")) {
            if (city.isEmpty() && country.isEmpty()) {
                country = header.cell(row, place + " country/region", place + " country");
                city = Regions.cityIn(header.cell(row, place + " city"), header.cell(row, place + " state"), country);
            }
        }
        List<String> tags = Arrays.stream(header.cell(row, "categories").split("[;,]")).map(String::strip)
                .filter(tag -> !tag.isEmpty() && userLabel(tag)).toList();
        return new ContactBulk.Draft(name, emails, phones, company, header.cell(row, "job title"), city, country,
                linkedin(List.of(header.cell(row, "web page"), header.cell(row, "personal web page"))),
                null, null, header.cell(row, "notes"), outlookBirthday(row.line(), header.cell(row, "birthday"), dates), null, tags);
    }

    /** How an Outlook file writes dates: day first (in any language but English), and its birthday column's name. */
    private record OutlookDates(boolean dayFirst, String birthdayColumn) {
    }

    /**
     * Outlook writes a birthday as its language's short date: {@code 3/15/1985} in English (a first number over 12
     * means day first: 15/3/1985), {@code 15.03.1985} or {@code 15/03/1985} in most others, {@code 1985-03-15} or
     * {@code 1985.03.15.} in some; {@code 0/0/00} or {@code 1/1/4501} for none.
     */
    private static Birthday outlookBirthday(long line, String text, OutlookDates dates) {
        if (text.isEmpty()) {
            return null;
        }
        Matcher date = OUTLOOK_DATE.matcher(text);
        try {
            if (!date.matches()) {
                return Birthday.parse(text);
            }
            boolean yearFirst = date.group(1).length() == 4;
            String yearText = yearFirst ? date.group(1) : date.group(3);
            int first = Integer.parseInt(yearFirst ? date.group(2) : date.group(1));
            int second = Integer.parseInt(yearFirst ? date.group(3) : date.group(2));
            int month = yearFirst || !dates.dayFirst() ? first : second;
            int day = yearFirst || !dates.dayFirst() ? second : first;
            int year = Integer.parseInt(yearText);
            if (month == 0 || day == 0 || year == 4501) {
                // 0/0/00, and 1/1/4501 (the date Outlook keeps for "None"), are no birthday.
                return null;
            }
            if (yearText.length() != 4) {
                throw new DateTimeException("not a four-digit year");
            }
            return month > 12 && !yearFirst && !dates.dayFirst() ? Birthday.of(LocalDate.of(year, day, month))
                    : Birthday.of(LocalDate.of(year, month, day));
        } catch (DateTimeException | ValidationException e) {
            throw new ImportException(line, "'" + text + "' under " + dates.birthdayColumn() + " is not a date like "
                    + (dates.dayFirst() ? "15.03.1985 (day, month, four-digit year)" : "3/15/1985 (month, day, four-digit year)"));
        }
    }

    /** Columns' names as a message lists them: the first ten, then how many more, so that the message stays a line. */
    private static String named(List<String> columns) {
        int shown = Math.min(columns.size(), 10);
        return String.join(", ", columns.subList(0, shown).stream().map(Quoted::of).toList())
                + (columns.size() > shown ? " and " + (columns.size() - shown) + " more" : "");
    }

    /** Each cell's values, split where Google joined several with {@code :::}, blanks dropped. */
    private static List<String> values(Stream<String> cells) {
        return cells.flatMap(GOOGLE_VALUES::splitAsStream).map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    /** The first of a cell's values, for a field that holds one (a company, a city). */
    private static String single(String cell) {
        List<String> values = values(Stream.of(cell));
        return values.isEmpty() ? "" : values.get(0);
    }

    /** Google's system groups ({@code * myContacts}, {@code * starred}) are not the user's labels. */
    private static boolean userLabel(String label) {
        return !label.startsWith("*") && !label.equalsIgnoreCase("myContacts");
    }

    private static String linkedin(List<String> pages) {
        return pages.stream().filter(page -> page.toLowerCase(Locale.ROOT).contains("linkedin.com")).findFirst().orElse(null);
    }

    private static String firstOf(String... candidates) {
        return Arrays.stream(candidates).filter(candidate -> !candidate.isEmpty()).findFirst().orElse("");
    }
}
