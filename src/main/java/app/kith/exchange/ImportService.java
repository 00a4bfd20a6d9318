package app.kith.exchange;

import app.kith.contact.Circle;
import app.kith.contact.CircleService;
import app.kith.contact.Contact;
import app.kith.contact.ContactBulk;
import app.kith.interaction.InteractionService;
import app.kith.interaction.Kind;
import app.kith.shared.ValidationException;
import app.kith.storage.Database;
import org.jdbi.v3.core.HandleCallback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Imports a file all or nothing: it is read and every row checked first (a bad row fails the whole file with
 * its line), then matched against the user's contacts and written in one transaction, or, on a dry run, only
 * counted.
 */
public final class ImportService {
    /** The longest note kept from an imported message. */
    private static final int NOTE = 500;
    /** Rows are checked in slices of this many, and on every core from this many rows on. */
    private static final int SLICE = 1000;
    private static final int PARALLEL_FROM = 4000;

    private final Database database;
    private final ContactBulk bulk;
    private final CircleService circles;
    private final InteractionService interactions;
    private final Clock clock;

    public ImportService(Database database, ContactBulk bulk, CircleService circles, InteractionService interactions, Clock clock) {
        this.database = database;
        this.bulk = bulk;
        this.circles = circles;
        this.interactions = interactions;
        this.clock = clock;
    }

    /** {@code circle}: a circle every imported contact joins, or null; {@code dryRun}: count, write nothing. */
    public record Options(String circle, boolean dryRun) {
        public static final Options NONE = new Options(null, false);
    }

    /** Hears how far an import has got: {@code done} of {@code total} rows in a {@code phase} ("checking", "saving"). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (phase, done, total) -> { };

        void update(String phase, long done, long total);
    }

    public ImportSummary run(long userId, ImportFormat format, byte[] content, Options options, Progress progress) {
        return run(userId, read(format, content, clock, progress), options, progress);
    }

    /**
     * A file read and checked, before the database is looked at: its contacts as Kith would store them, or its
     * LinkedIn messages.
     */
    public static final class Read {
        private final Parsed parsed;
        private final List<ContactBulk.Draft> rows;
        /** Each row's match keys, in the same order. */
        private final List<ImportPlan.Keys> keys;
        private final List<LinkedInMessages.Message> messages;

        private Read(Parsed parsed, List<ContactBulk.Draft> rows, List<ImportPlan.Keys> keys, List<LinkedInMessages.Message> messages) {
            this.parsed = parsed;
            this.rows = rows;
            this.keys = keys;
            this.messages = messages;
        }
    }

    /**
     * The part of an import that needs no database: the file decoded, parsed, and every row checked (the first bad
     * row fails it), with {@code clock} telling a date in the future. The CLI does it while the database opens.
     */
    public static Read read(ImportFormat format, byte[] content, Clock clock, Progress progress) {
        String text = TextFile.decode(content);
        if (format == ImportFormat.LINKEDIN_MESSAGES) {
            return new Read(null, null, null, LinkedInMessages.parse(text));
        }
        Parsed parsed = format.parse(text);
        return checked(parsed, clock, progress);
    }

    /** Matches a file that was read against the user's contacts and writes it, all or nothing. */
    public ImportSummary run(long userId, Read read, Options options, Progress progress) {
        if (read.messages != null) {
            return messages(userId, read.messages, options, progress);
        }
        Parsed parsed = read.parsed;
        List<ContactBulk.Draft> rows = read.rows;
        List<ImportPlan.Keys> keys = read.keys;
        return inTransaction(options.dryRun(), handle -> {
            Circle circle = options.circle() == null || options.circle().isBlank() ? null : circles.get(handle, userId, options.circle());
            ImportPlan plan = new ImportPlan(bulk.all(handle, userId), bulk.withPhoto(handle, userId),
                    circle == null ? null : circle.id(), LocalDate.now(clock), parsed.format(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                plan.add(rows.get(i), keys.get(i));
            }
            if (!options.dryRun()) {
                progress.update("saving", rows.size(), rows.size());
                bulk.insert(handle, userId, plan.newContacts());
                bulk.update(handle, userId, plan.patches());
            }
            return new ImportSummary(parsed.format(), options.dryRun(), parsed.rows().size() + parsed.skipped().size(),
                    plan.addedCount(), plan.mergedCount(), plan.unchangedCount(), parsed.skipped(), plan.careerMoves(), 0);
        });
    }

    /**
     * Every row as Kith would store it, with its match keys; the first bad row, by line, fails the import. A big
     * file is checked on every core, in slices whose results are then read in order.
     */
    private static Read checked(Parsed parsed, Clock clock, Progress progress) {
        List<ImportRow> rows = parsed.rows();
        int total = rows.size();
        Object[] results = new Object[total];
        ImportPlan.Keys[] keys = new ImportPlan.Keys[total];
        AtomicInteger done = new AtomicInteger();
        IntStream slices = IntStream.range(0, (total + SLICE - 1) / SLICE);
        (total >= PARALLEL_FROM ? slices.parallel() : slices).forEach(slice -> {
            for (int i = slice * SLICE; i < Math.min(total, (slice + 1) * SLICE); i++) {
                try {
                    ContactBulk.Draft draft = ContactBulk.checked(rows.get(i).draft(), clock);
                    results[i] = draft;
                    keys[i] = ImportPlan.keys(draft);
                } catch (ValidationException e) {
                    results[i] = new ImportException(rows.get(i).line(), e.getMessage());
                }
            }
            int checkedSoFar = done.addAndGet(Math.min(SLICE, total - slice * SLICE));
            synchronized (done) { // a listener hears one update at a time
                progress.update("checking", checkedSoFar, total);
            }
        });
        List<ContactBulk.Draft> checked = new ArrayList<>(total);
        for (Object result : results) {
            if (result instanceof ImportException failure) {
                throw failure;
            }
            checked.add((ContactBulk.Draft) result);
        }
        progress.update("checking", total, total);
        return new Read(parsed, checked, Arrays.asList(keys), null);
    }

    /**
     * Each day of a conversation with people among the user's contacts becomes one {@code message} interaction
     * with them, keyed by conversation and day so that a second import adds nothing. The user is the person
     * found in the most conversations; the others are matched by profile URL, else by a name only one contact has.
     */
    private ImportSummary messages(long userId, List<LinkedInMessages.Message> messages, Options options, Progress progress) {
        return inTransaction(options.dryRun(), handle -> {
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
            LocalDate latest = LocalDate.now(clock).plusDays(1);
            List<Skip> future = new ArrayList<>();

            Map<String, InteractionService.Imported> byKey = new LinkedHashMap<>();
            Map<String, Skip> unknown = new LinkedHashMap<>();
            Map<String, Integer> unknownCount = new HashMap<>();
            int done = 0;
            for (LinkedInMessages.Message message : messages) {
                if (message.on().isAfter(latest)) {
                    future.add(new Skip(message.line(), "a message dated " + message.on() + ", in the future"));
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
                    String key = "linkedin:" + message.conversationId() + ":" + message.on();
                    InteractionService.Imported before = byKey.get(key);
                    if (before == null) {
                        byKey.put(key, new InteractionService.Imported(key, message.on(), Kind.MESSAGE, note(message), with));
                    } else {
                        before.contactIds().addAll(with);
                    }
                }
                if (++done % 1000 == 0) {
                    progress.update("checking", done, messages.size());
                }
            }
            Set<String> known = interactions.importedKeys(handle, userId, "linkedin:");
            List<InteractionService.Imported> fresh = byKey.values().stream().filter(i -> !known.contains(i.sourceKey())).toList();
            if (!options.dryRun()) {
                progress.update("saving", messages.size(), messages.size());
                interactions.addImported(handle, userId, fresh);
            }
            List<Skip> skipped = new ArrayList<>(future);
            unknown.forEach((who, skip) -> skipped.add(new Skip(skip.line(), unknownCount.get(who) + " message(s) with " + who
                    + ", who is not among your contacts (import Connections.csv first, or add them)")));
            skipped.sort(Comparator.comparingLong(Skip::line));
            return new ImportSummary(LinkedInMessages.FORMAT, options.dryRun(), messages.size(), 0, 0,
                    byKey.size() - fresh.size(), skipped, 0, fresh.size());
        });
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

    private <T> T inTransaction(boolean dryRun, HandleCallback<T, RuntimeException> work) {
        return dryRun ? database.withHandle(work) : database.inTransaction(work);
    }
}
