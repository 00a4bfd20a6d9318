package app.kith.exchange;

import app.kith.shared.PlainText;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * LinkedIn's {@code messages.csv} from its data export: one message per row, with the conversation it belongs
 * to, who sent it and to whom (names and profile URLs), and when.
 */
public final class LinkedInMessages {
    static final String FORMAT = "LinkedIn messages";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT); // 30 Feb is refused, not read as 28 Feb
    private static final List<String> ZONES = List.of("UTC", "GMT", "Z");

    /** A person on one side of a message: a name and, when LinkedIn gives it, their profile URL. */
    public record Person(String name, String profileUrl) {
    }

    /**
     * One message, with the line it is on. LinkedIn writes its time in UTC: {@code utcDay} is that day as written (part
     * of the key that tells a message already imported), {@code at} the instant, null when the file gives a day alone.
     */
    public record Message(long line, String conversationId, String conversationTitle, Person from, List<Person> to,
                          LocalDate utcDay, Instant at, String subject, String content) {
        /** A draft the user never sent: kept as a row, to be counted and left out with why, never a touch. */
        static Message draft(long line) {
            return new Message(line, "", "", new Person("", ""), List.of(), null, null, "", "");
        }

        public boolean isDraft() {
            return utcDay == null;
        }

        /** The day it was sent where the user lives (the day a touch logged by hand would have). */
        public LocalDate on(ZoneId zone) {
            return at == null ? utcDay : LocalDate.ofInstant(at, zone);
        }

        List<Person> people() {
            List<Person> all = new ArrayList<>(to);
            all.add(0, from);
            return all;
        }
    }

    private LinkedInMessages() {
    }

    /** The messages of a file and the rows left out as bad ({@link BadRows#SKIP}), with why. */
    record Read(List<Message> messages, List<Skip> refused) {
    }

    public static List<Message> parse(String text) {
        return read(text, BadRows.FAIL).messages();
    }

    /** Reads the file; a bad row fails it, or is left out with why, as {@code bad} says. */
    static Read read(String text, BadRows bad) {
        List<CsvRows.Row> rows = CsvRows.read(text);
        int header = CsvRows.header(rows, "conversation id", "from", "date");
        if (header < 0) {
            throw new ImportException("no header 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,...' found:"
                    + " give the messages.csv of LinkedIn's data export");
        }
        List<String> names = rows.get(header).names();
        int conversation = names.indexOf("conversation id");
        int title = names.indexOf("conversation title");
        int from = names.indexOf("from");
        int fromUrl = names.indexOf("sender profile url");
        int to = names.indexOf("to");
        int toUrls = names.indexOf("recipient profile urls");
        int date = names.indexOf("date");
        int subject = names.indexOf("subject");
        int content = names.indexOf("content");
        int draft = names.indexOf("is message draft");

        List<Message> messages = new ArrayList<>();
        List<Skip> refused = new ArrayList<>();
        for (CsvRows.Row row : rows.subList(header + 1, rows.size())) {
            if (row.blank()) {
                continue;
            }
            try {
                row.requireWidth(names.size());
            } catch (ImportException e) {
                refused.add(bad.skip(e, row.line()));
                continue;
            }
            if (row.cell(draft).equalsIgnoreCase("yes") || row.cell(draft).equalsIgnoreCase("true")) {
                messages.add(Message.draft(row.line()));
                continue;
            }
            List<String> recipients = split(row.cell(to), ",");
            List<String> recipientUrls = split(row.cell(toUrls), "[,\\s]+");
            List<Person> people = new ArrayList<>();
            for (int i = 0; i < Math.max(recipients.size(), recipientUrls.size()); i++) {
                people.add(new Person(i < recipients.size() ? recipients.get(i) : "", i < recipientUrls.size() ? recipientUrls.get(i) : ""));
            }
            Instant at;
            try {
                at = time(row.line(), row.cell(date));
            } catch (ImportException e) {
                refused.add(bad.skip(e, row.line()));
                continue;
            }
            // The conversation's id is part of the key an imported touch is kept by: without control characters,
            // as no stored text holds one (PostgreSQL can hold no NUL).
            messages.add(new Message(row.line(), PlainText.withoutControls(row.cell(conversation)), row.cell(title),
                    new Person(row.cell(from), row.cell(fromUrl)), people,
                    at == null ? LocalDate.parse(utcStamp(row.cell(date))) : LocalDate.ofInstant(at, ZoneOffset.UTC), at,
                    row.cell(subject), row.cell(content)));
        }
        return new Read(messages, refused);
    }

    /** The instant a message was sent, or null when the file gives its day alone (then checked here as a date). */
    private static Instant time(long line, String text) {
        String stamp = utcStamp(text);
        try {
            if (stamp.length() == 10) {
                LocalDate.parse(stamp);
                return null;
            }
            return LocalDateTime.parse(stamp.length() > 19 ? stamp.substring(0, 19) : stamp, STAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
            throw new ImportException(line, "'" + shown + "' under DATE is not a time like 2024-03-15 10:22:33 UTC");
        }
    }

    /** The time as written, without its UTC (GMT, Z) mark. */
    private static String utcStamp(String text) {
        // Not a regex: \s*(UTC|GMT|Z)$ takes time quadratic in a long run of blanks.
        for (String zone : ZONES) {
            if (text.endsWith(zone)) {
                return text.substring(0, text.length() - zone.length()).stripTrailing();
            }
        }
        return text;
    }


    private static List<String> split(String text, String separator) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
