package app.kith.exchange;

import app.kith.account.AccountService;
import app.kith.account.Profile;
import app.kith.contact.Circle;
import app.kith.contact.CircleService;
import app.kith.contact.Contact;
import app.kith.contact.ContactBulk;
import app.kith.interaction.InteractionService;
import app.kith.interaction.Kind;
import app.kith.shared.Dates;
import app.kith.storage.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports a file all or nothing: every row is checked (a bad row fails the whole file with its line), matched
 * against the user's contacts and written in one transaction, or, on a dry run, only counted. A big vCard or
 * LinkedIn file is matched and written a part at a time while its next parts are read; its errors are told as if it
 * had been read first.
 */
public final class ImportService {
    /** The longest note kept from an imported message. */
    private static final int NOTE = 500;
    /** A LinkedIn file of more characters than this (a few thousand rows) is read on a thread of its own, in parts of {@link #PART} rows. */
    private static final int STREAM_FROM = 200_000;
    private static final int PART = 2000;

    private final Database database;
    private final ContactBulk bulk;
    private final CircleService circles;
    private final InteractionService interactions;
    private final AccountService accounts;
    private final Clock clock;

    public ImportService(Database database, ContactBulk bulk, CircleService circles, InteractionService interactions,
                         AccountService accounts, Clock clock) {
        this.database = database;
        this.accounts = accounts;
        this.bulk = bulk;
        this.circles = circles;
        this.interactions = interactions;
        this.clock = clock;
    }

    /**
     * {@code circle}: a circle every imported contact joins, or null; {@code dryRun}: count, write nothing;
     * {@code badRows}: whether a bad row fails the file (the default) or is left out with why.
     */
    public record Options(String circle, boolean dryRun, BadRows badRows) {
        public static final Options NONE = new Options(null, false, BadRows.FAIL);

        public Options(String circle, boolean dryRun) {
            this(circle, dryRun, BadRows.FAIL);
        }
    }

    /**
     * Hears how far an import has got: {@code done} of {@code total} rows in a {@code phase} ("checking", "saving");
     * and its end, in the transaction that writes it ({@link #ending}).
     */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (phase, done, total) -> { };

        void update(String phase, long done, long total);

        /**
         * The import wrote everything and is about to commit, on {@code handle}: what is written here commits with
         * it, or not at all (a job's record of its end). Not called for a dry run, which writes nothing.
         */
        default void ending(Handle handle, ImportSummary summary) {
        }
    }

    public ImportSummary run(long userId, ImportFormat format, byte[] content, Options options, Progress progress) {
        return run(userId, format, content, options, progress, ZipArchive.MAX_UNPACKED);
    }

    /** As above, a file taken out of a zip archive holding at most {@code mostUnpacked} bytes (a server's uploads). */
    ImportSummary run(long userId, ImportFormat format, byte[] content, Options options, Progress progress, long mostUnpacked) {
        return run(userId, read(format, content, clock, progress, options.badRows(), mostUnpacked), options, progress);
    }

    /**
     * A file read and checked, before the database is looked at: its contacts as Kith would store them (a big vCard
     * file a part at a time, still being read when the import starts matching and writing it), or its LinkedIn
     * messages.
     */
    public static final class Read {
        private final ReadParts parts;
        private final LinkedInMessages.Read messages;

        private Read(ReadParts parts, LinkedInMessages.Read messages) {
            this.parts = parts;
            this.messages = messages;
        }
    }

    /**
     * The part of an import that needs no database: the file taken out of a zip archive if it is one, decoded, parsed, and every row checked (the first bad
     * row fails it, or each is left out with why, as {@code bad} says), with {@code clock} telling a date in the future. The CLI does it while the database opens. A
     * big vCard file is only cut into parts here, each read and checked on a core of its own from now on; a big
     * LinkedIn file is read and checked a part at a time on a thread of its own, from now on too.
     */
    public static Read read(ImportFormat format, byte[] content, Clock clock, Progress progress, BadRows bad) {
        return read(format, content, clock, progress, bad, ZipArchive.MAX_UNPACKED);
    }

    private static Read read(ImportFormat format, byte[] content, Clock clock, Progress progress, BadRows bad, long mostUnpacked) {
        // Taken out of an archive once: a zip inside it is no file to import, and is not unpacked in turn.
        String text = TextFile.decode(ZipArchive.unpacked(format, content, mostUnpacked, ZipArchive.MAX_UNPACKED), format == ImportFormat.VCARD);
        if (format == ImportFormat.LINKEDIN_MESSAGES) {
            return new Read(null, LinkedInMessages.read(text, bad));
        }
        if (format == ImportFormat.VCARD) {
            VCardImport.Parts vcards = VCardImport.parts(text, bad);
            if (vcards.pieces().size() > 1) {
                return new Read(ReadParts.inParallel(VCardImport.FORMAT, vcards.pieces(), vcards.cards(),
                        rows -> format.parse(text, rows), clock, bad), null);
            }
        }
        if (format == ImportFormat.LINKEDIN && text.length() > STREAM_FROM) {
            return new Read(ReadParts.inTurn(LinkedInConnections.FORMAT, parts -> LinkedInConnections.parse(text, PART, parts, bad),
                    CsvRows.lines(text), rows -> format.parse(text, rows), clock, bad), null);
        }
        return new Read(ReadParts.of(rows -> format.parse(text, rows), clock, progress, bad), null);
    }

    /** Matches a file that was read against the user's contacts and writes it, all or nothing. */
    public ImportSummary run(long userId, Read read, Options options, Progress progress) {
        if (read.messages != null) {
            return messages(userId, read.messages, options, progress);
        }
        ReadParts parts = read.parts;
        try {
            return contacts(userId, parts, options, progress);
        } catch (ReadParts.Failed e) {
            // A part met a bad row, or a cut one reader would not have made: the file read as one tells the error.
            return contacts(userId, parts.whole(), options, progress);
        } catch (RuntimeException e) {
            // As when the whole file was read before the database was looked at, a bad file is the first thing told.
            if (parts.anyFailed()) {
                parts.whole();
            }
            throw e;
        } finally {
            parts.cancel();
        }
    }

    /**
     * Matches the file's rows a part at a time, in order, and writes the new contacts of each part while the next
     * parts are read; a contact that a later row changes after it was written is updated at the end.
     */
    private ImportSummary contacts(long userId, ReadParts parts, Options options, Progress progress) {
        // New contacts are added, and job changes dated, on the user's date (their profile's time zone), as by hand.
        LocalDate today = accounts.profile(userId).today(clock);
        return inTransaction(userId, options.dryRun(), handle -> {
            Circle circle = options.circle() == null || options.circle().isBlank() ? null : circles.get(handle, userId, options.circle());
            ContactBulk.Existing existing = bulk.existing(handle, userId);
            ImportPlan plan = new ImportPlan(existing.contacts(), bulk.withPhoto(handle, userId), existing.jobSources(),
                    existing.leftJobs(), circle == null ? null : circle.id(), today, parts.format(), parts.expectedRows());
            List<Skip> skipped = new ArrayList<>();
            int seen = 0;
            try (ContactBulk.Insert insert = bulk.inserting(handle, userId, today)) {
                ReadParts.Part part;
                for (int p = 0; (part = parts.part(p)) != null; p++) {
                    for (int i = 0; i < part.rows().size(); i++) {
                        plan.add(part.rows().get(i), part.keys().get(i));
                    }
                    skipped.addAll(part.skipped());
                    seen += part.rows().size() + part.skipped().size();
                    progress.update("checking", seen, parts.rowsAbout(seen));
                    // Each part's new contacts are written as it comes, while the next parts are read: where each falls
                    // due does not depend on how many more there will be. The first write prepares the insert for as
                    // many new contacts as the file will give if the rest of it is like the part read so far.
                    if (!options.dryRun()) {
                        plan.wrote(insert.write(plan.unwritten(), parts.newAbout(plan.addedCount(), seen)));
                    }
                }
                if (!options.dryRun()) {
                    progress.update("saving", seen - skipped.size(), seen - skipped.size());
                    insert.finish();
                    bulk.update(handle, userId, plan.patches());
                }
            }
            return ending(handle, options, progress, new ImportSummary(parts.format(), options.dryRun(), seen, plan.addedCount(),
                    plan.mergedCount(), plan.unchangedCount(), List.copyOf(skipped), plan.careerMoves(), 0,
                    circle == null ? plan.addedCount() : 0));
        });
    }

    /**
     * Each day of a conversation with people among the user's contacts becomes one {@code message} interaction
     * with them, keyed by conversation and day so that a second import adds nothing. The user is the person
     * found in the most conversations; the others are matched by profile URL, else by a name only one contact has.
     */
    private ImportSummary messages(long userId, LinkedInMessages.Read read, Options options, Progress progress) {
        List<LinkedInMessages.Message> messages = read.messages();
        return inTransaction(userId, options.dryRun(), handle -> {
            List<Contact> contacts = bulk.all(handle, userId);
            Map<String, Long> byProfile = new HashMap<>();
            Map<String, Long> byName = new HashMap<>();
            Set<String> ambiguous = new LinkedHashSet<>();
            for (Contact contact : contacts) {
                String profile = MatchKeys.linkedin(contact.linkedinUrl());
                if (profile != null) {
                    byProfile.putIfAbsent(profile, contact.id());
                }
                String name = MatchKeys.name(contact.name());
                if (byName.putIfAbsent(name, contact.id()) != null) {
                    ambiguous.add(name);
                }
            }
            Set<String> contactKeys = new HashSet<>(byProfile.keySet());
            contactKeys.addAll(byName.keySet());
            String self = self(messages, contactKeys);
            ambiguous.forEach(byName::remove);
            // A day's grace for time zones, as for a touch logged by hand; later than that is a clock gone wrong.
            LocalDate latest = Dates.latestAnywhere(clock);
            // Dated where the user lives, as Today counts days; the key keeps LinkedIn's own (UTC) day, as before.
            Profile me = accounts.profile(userId);
            ZoneId zone = me.zone() != null ? me.zone() : clock.getZone();
            List<Skip> leftOut = new ArrayList<>(read.refused());

            Map<String, Skip> unknown = new LinkedHashMap<>();
            Map<String, Integer> unknownCount = new HashMap<>();
            Map<String, List<Sent>> byConversation = new LinkedHashMap<>();
            int done = 0;
            for (LinkedInMessages.Message message : messages) {
                if (message.isDraft()) {
                    leftOut.add(new Skip(message.line(), "a draft, never sent"));
                    continue;
                }
                LocalDate on = message.on(zone);
                if (on.isAfter(latest)) {
                    leftOut.add(new Skip(message.line(), "a message dated " + on + ", in the future"));
                    continue;
                }
                Set<Long> with = new LinkedHashSet<>();
                for (LinkedInMessages.Person person : message.people()) {
                    String key = personKey(person);
                    if (key.isEmpty() || key.equals(self)) {
                        continue;
                    }
                    String profile = MatchKeys.linkedin(person.profileUrl());
                    Long id = profile != null ? byProfile.get(profile) : null;
                    if (id == null) {
                        id = byName.get(MatchKeys.name(person.name()));
                    }
                    if (id != null) {
                        with.add(id);
                    } else {
                        String who = person.name().isBlank() ? person.profileUrl() : person.name();
                        unknownCount.merge(who, 1, Integer::sum);
                        unknown.putIfAbsent(who, new Skip(message.line(), who));
                    }
                }
                if (!with.isEmpty()) {
                    byConversation.computeIfAbsent(message.conversationId(), c -> new ArrayList<>()).add(new Sent(message, on, with));
                }
                if (++done % 1000 == 0) {
                    progress.update("checking", done, messages.size());
                }
            }
            Set<String> known = interactions.importedKeys(handle, userId, "linkedin:");
            List<InteractionService.Imported> touches = new ArrayList<>();
            List<InteractionService.Imported> fresh = new ArrayList<>();
            List<String> alsoKnown = new ArrayList<>();
            for (List<Sent> conversation : byConversation.values()) {
                for (List<Sent> day : touchDays(conversation)) {
                    // Known by LinkedIn's own (UTC) day of its earliest message; a touch one of whose days was imported
                    // (or deleted) before is not imported again, wherever the user lived then.
                    Set<String> keys = new LinkedHashSet<>();
                    Set<Long> with = new LinkedHashSet<>();
                    day.forEach(sent -> {
                        keys.add("linkedin:" + sent.message().conversationId() + ":" + sent.message().utcDay());
                        with.addAll(sent.with());
                    });
                    LocalDate on = day.stream().map(Sent::on).max(LocalDate::compareTo).orElseThrow();
                    Sent first = day.stream().min(Comparator.comparingLong(sent -> sent.message().line())).orElseThrow();
                    InteractionService.Imported touch = new InteractionService.Imported(keys.iterator().next(), on, Kind.MESSAGE,
                            note(first.message()), with);
                    touches.add(touch);
                    if (keys.stream().noneMatch(known::contains)) {
                        fresh.add(touch);
                        keys.stream().skip(1).forEach(alsoKnown::add);
                    }
                }
            }
            if (!options.dryRun()) {
                progress.update("saving", messages.size(), messages.size());
                interactions.addImported(handle, userId, fresh);
                // The touch's other LinkedIn days are known too: from another time zone they may fall apart.
                interactions.keepImportKeys(handle, userId, alsoKnown);
            }
            List<Skip> skipped = new ArrayList<>(leftOut);
            unknown.forEach((who, skip) -> skipped.add(new Skip(skip.line(), unknownCount.get(who) + " message(s) with " + who
                    + ", who is not among your contacts (import Connections.csv first, or add them)")));
            skipped.sort(Comparator.comparingLong(Skip::line));
            return ending(handle, options, progress, new ImportSummary(LinkedInMessages.FORMAT, options.dryRun(),
                    messages.size() + read.refused().size(), 0, 0, touches.size() - fresh.size(), skipped, 0, fresh.size(), 0));
        });
    }

    /** Tells {@code progress} that the import ends with {@code summary}, in its transaction (unless a dry run); returns it. */
    private static ImportSummary ending(Handle handle, Options options, Progress progress, ImportSummary summary) {
        if (!options.dryRun()) {
            progress.ending(handle, summary);
        }
        return summary;
    }

    /** A message of a conversation with contacts in it, on the user's day. */
    private record Sent(LinkedInMessages.Message message, LocalDate on, Set<Long> with) {
    }

    /**
     * A conversation's messages as touches. Each of LinkedIn's (UTC) days is one touch, known by that day, as it
     * always was; two such days in a row whose messages were all sent on one day of the user's are one touch too
     * (two messages either side of midnight UTC on one evening). So each UTC day is in one touch alone, and a touch
     * holds at most two.
     */
    private static List<List<Sent>> touchDays(List<Sent> conversation) {
        List<Sent> inOrder = new ArrayList<>(conversation);
        inOrder.sort(Comparator.comparing((Sent sent) -> sent.message().utcDay())
                .thenComparing(sent -> sent.message().at(), Comparator.nullsFirst(Comparator.naturalOrder())));
        Map<LocalDate, List<Sent>> utcDays = inOrder.stream()
                .collect(Collectors.groupingBy(sent -> sent.message().utcDay(), LinkedHashMap::new, Collectors.toList()));
        List<List<Sent>> days = new ArrayList<>();
        boolean lastMerged = false;
        for (List<Sent> utcDay : utcDays.values()) {
            List<Sent> last = days.isEmpty() ? null : days.get(days.size() - 1);
            LocalDate userDay = oneUserDay(utcDay);
            if (last != null && !lastMerged && userDay != null && userDay.equals(oneUserDay(last))
                    && last.get(0).message().utcDay().plusDays(1).equals(utcDay.get(0).message().utcDay())) {
                last.addAll(utcDay);
                lastMerged = true;
            } else {
                days.add(new ArrayList<>(utcDay));
                lastMerged = false;
            }
        }
        return days;
    }

    /** The user's day all these messages were sent on, or null when they were sent on more than one. */
    private static LocalDate oneUserDay(List<Sent> sent) {
        LocalDate day = sent.get(0).on();
        return sent.stream().allMatch(s -> s.on().equals(day)) ? day : null;
    }

    /**
     * The person in the most conversations: the one whose export it is. In a tie (a single conversation), the one
     * who is not among the contacts: the export's owner is not their own contact.
     */
    private static String self(List<LinkedInMessages.Message> messages, Set<String> contactKeys) {
        Map<String, Set<String>> conversations = new HashMap<>();
        for (LinkedInMessages.Message message : messages) {
            for (LinkedInMessages.Person person : message.people()) {
                String key = personKey(person);
                if (!key.isEmpty()) {
                    conversations.computeIfAbsent(key, k -> new HashSet<>()).add(message.conversationId());
                }
            }
        }
        return conversations.entrySet().stream()
                .max(Map.Entry.<String, Set<String>>comparingByValue((a, b) -> Integer.compare(a.size(), b.size()))
                        .thenComparing(entry -> !contactKeys.contains(entry.getKey()))
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse("");
    }

    private static String personKey(LinkedInMessages.Person person) {
        String profile = MatchKeys.linkedin(person.profileUrl());
        return profile != null ? profile : MatchKeys.name(person.name());
    }

    private static String note(LinkedInMessages.Message message) {
        String text = message.content().isBlank() ? message.subject() : message.content();
        String flat = text.replaceAll("\\s+", " ").strip();
        String note = flat.length() > NOTE ? flat.substring(0, NOTE - 1) + "…" : flat;
        return note.isEmpty() ? "LinkedIn message" : "LinkedIn: " + note;
    }

    /** A dry run reads; an import reads the user's contacts and writes from them, never beside another import. */
    private <T> T inTransaction(long userId, boolean dryRun, HandleCallback<T, RuntimeException> work) {
        return dryRun ? database.withHandle(work) : database.inUserTransaction(userId, work);
    }
}
