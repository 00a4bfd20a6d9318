package app.kith.exchange;

import java.time.LocalDate;
import java.time.LocalDateTime;
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

    /** One message, with the line it is on. */
    public record Message(long line, String conversationId, String conversationTitle, Person from, List<Person> to,
                          LocalDate on, String subject, String content) {
        List<Person> people() {
            List<Person> all = new ArrayList<>(to);
            all.add(0, from);
            return all;
        }
    }

    private LinkedInMessages() {
    }

    public static List<Message> parse(String text) {
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
        for (CsvRows.Row row : rows.subList(header + 1, rows.size())) {
            if (row.blank()) {
                continue;
            }
            row.requireWidth(names.size());
            if (row.cell(draft).equalsIgnoreCase("yes") || row.cell(draft).equalsIgnoreCase("true")) {
                continue;
            }
            List<String> recipients = split(row.cell(to), ",");
            List<String> recipientUrls = split(row.cell(toUrls), "[,\\s]+");
            List<Person> people = new ArrayList<>();
            for (int i = 0; i < Math.max(recipients.size(), recipientUrls.size()); i++) {
                people.add(new Person(i < recipients.size() ? recipients.get(i) : "", i < recipientUrls.size() ? recipientUrls.get(i) : ""));
            }
            messages.add(new Message(row.line(), row.cell(conversation), row.cell(title),
                    new Person(row.cell(from), row.cell(fromUrl)), people, day(row.line(), row.cell(date)),
                    row.cell(subject), row.cell(content)));
        }
        return messages;
    }

    private static LocalDate day(long line, String text) {
        String stamp = text;
        // Not a regex: \s*(UTC|GMT|Z)$ takes time quadratic in a long run of blanks.
        for (String zone : ZONES) {
            if (stamp.endsWith(zone)) {
                stamp = stamp.substring(0, stamp.length() - zone.length()).stripTrailing();
                break;
            }
        }
        try {
            if (stamp.length() == 10) {
                return LocalDate.parse(stamp);
            }
            return LocalDateTime.parse(stamp.length() > 19 ? stamp.substring(0, 19) : stamp, STAMP).atOffset(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
            throw new ImportException(line, "'" + shown + "' under DATE is not a time like 2024-03-15 10:22:33 UTC");
        }
    }


    private static List<String> split(String text, String separator) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
