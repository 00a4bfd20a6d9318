package app.kith.cli;

import app.kith.account.DailyLimit;
import app.kith.account.WorkHours;
import app.kith.contact.Birthday;
import app.kith.contact.Cadence;
import app.kith.contact.ContactService;
import app.kith.exchange.ExportFormat;
import app.kith.exchange.ImportFormat;
import app.kith.interaction.Kind;
import app.kith.shared.Dates;
import app.kith.shared.KithException;
import app.kith.shared.PlainText;
import app.kith.shared.Quoted;
import app.kith.shared.TimeZones;
import app.kith.shared.ValidationException;
import app.kith.shared.Weekdays;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/** Turns command-line words into values; a malformed one is a usage error (exit 2) with one clear line. */
final class Converters {
    private Converters() {
    }

    static void register(CommandLine commandLine) {
        commandLine.registerConverter(Day.class, Converters::day);
        commandLine.registerConverter(Cadence.class, text -> {
            if (text.isBlank()) {
                throw new TypeConversionException("an empty cadence: give one such as 6w or 3m (on kith edit, --no-every drops their own)");
            }
            return checked(Cadence::parse).convert(text);
        });
        commandLine.registerConverter(Integer.class, Converters::wholeNumber);
        commandLine.registerConverter(int.class, Converters::wholeNumber);
        commandLine.registerConverter(Kind.class, checked(Kind::parse));
        commandLine.registerConverter(ZoneId.class, checked(TimeZones::parse));
        commandLine.registerConverter(WorkHours.class, checked(WorkHours::parse));
        commandLine.registerConverter(Weekdays.class, checked(Weekdays::parse));
        commandLine.registerConverter(ImportFormat.class, checked(ImportFormat::of));
        commandLine.registerConverter(ExportFormat.class, checked(ExportFormat::of));
        commandLine.registerConverter(Path.class, Converters::path);
    }

    /**
     * A file or folder's path: one Java cannot take (a NUL from an {@code @file} argument) is refused in our words, not
     * as "cannot convert ... to interface java.nio.file.Path".
     */
    static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("the path " + Quoted.of(text) + (text.indexOf('\0') >= 0
                    ? " holds a NUL character, which no file's name can: write the path without it"
                    : " cannot be a file's here (" + e.getReason() + "): write another"));
        }
    }

    /** A whole number, such as a daily limit: picocli's own converter says "is not an int". */
    static Integer wholeNumber(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException(Quoted.of(text) + " is not a whole number, such as 5");
        }
    }

    /** Checks a time zone name but keeps it as text, so that {@code --timezone ""} can clear a contact's zone. */
    static final class ZoneName implements ITypeConverter<String> {
        @Override
        public String convert(String text) throws Exception {
            return checked(TimeZones::parse).convert(text) == null ? "" : text.trim();
        }
    }

    /**
     * An account's name given with {@code --user}: a blank one is refused, not taken as the owner (a script's empty
     * {@code $NAME} would otherwise set the owner's password, or act on their data).
     */
    static final class AccountName implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            if (PlainText.withoutControls(text).isBlank()) {
                throw new TypeConversionException("--user needs an account's name; leave --user out to act as the owner");
            }
            return text;
        }
    }

    /** Checks a birthday but keeps it as text, so that {@code --birthday ""} can forget it. */
    static final class BirthdayText implements ITypeConverter<String> {
        @Override
        public String convert(String text) throws Exception {
            return checked(Birthday::typed).convert(text) == null ? "" : text.trim();
        }
    }

    /** The days someone works: {@code any} for every day, and a blank refused rather than taken as every day. */
    static final class WorkDays implements ITypeConverter<Weekdays> {
        @Override
        public Weekdays convert(String text) throws Exception {
            return checked(Weekdays::parseWorking).convert(text);
        }
    }

    /** A daily limit, from 1 to 100: one out of range is a usage error, as a malformed number is. */
    static final class DailyLimitNumber implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) throws Exception {
            return checked(DailyLimit::parse).convert(text);
        }
    }

    /**
     * Checks an email address, a phone number or a LinkedIn URL as typed, so that a malformed one is a usage error
     * (exit 2) as a malformed date is, and keeps it as text: the service reads it again, and "" clears a field on edit.
     */
    static final class EmailText implements ITypeConverter<String> {
        @Override
        public String convert(String text) throws Exception {
            return checkedText(text, ContactService::email);
        }
    }

    /** As {@link EmailText}, for a phone number. */
    static final class PhoneText implements ITypeConverter<String> {
        @Override
        public String convert(String text) throws Exception {
            return checkedText(text, ContactService::phone);
        }
    }

    /** As {@link EmailText}, for a LinkedIn profile URL. */
    static final class LinkedinText implements ITypeConverter<String> {
        @Override
        public String convert(String text) throws Exception {
            return checkedText(text, url -> ContactService.linkedin(url, null));
        }
    }

    /** Checks a list of weekdays but keeps it as text, so that {@code --days ""} can clear it. */
    static final class DaysText implements ITypeConverter<String> {
        @Override
        public String convert(String text) throws Exception {
            return checked(Weekdays::parse).convert(text).text() == null ? "" : text.trim();
        }
    }

    /**
     * {@code YYYY-MM-DD}, {@code today}, {@code yesterday} or {@code tomorrow} (for snoozing and being away); the
     * words are counted from the account's today when the command runs.
     */
    static Day day(String text) {
        String word = text.trim().toLowerCase(Locale.ROOT);
        if (word.equals("today")) {
            return Day.counted(0);
        }
        if (word.equals("yesterday")) {
            return Day.counted(-1);
        }
        if (word.equals("tomorrow")) {
            return Day.counted(1);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(word);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException(Quoted.of(text) + " is not a date: use YYYY-MM-DD, today, yesterday or tomorrow");
        }
        try {
            return Day.of(Dates.inRange(date, text.trim()));
        } catch (ValidationException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** The text as typed, once {@code check} took it; a blank one is not checked (it clears the field on edit). */
    private static String checkedText(String text, Function<String, ?> check) throws Exception {
        if (!text.isBlank()) {
            checked(check).convert(text);
        }
        return text;
    }

    private static <T> ITypeConverter<T> checked(Function<String, T> parser) {
        return text -> {
            try {
                return parser.apply(text);
            } catch (KithException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
    }
}
