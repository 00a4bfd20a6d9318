package app.kith.exchange;

import app.kith.contact.Birthday;
import app.kith.contact.CareerMove;
import app.kith.contact.Contact;
import app.kith.contact.ContactBulk;
import app.kith.contact.ContactBulk.Draft;
import app.kith.contact.Photo;
import app.kith.shared.PlainText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what an import does with each row, without writing: a row matching a contact (by email, then
 * LinkedIn profile, then full name) fills in what that contact lacks and never overwrites what is there,
 * except a changed company or title, which moves the old job into the career history; any other row adds
 * a contact. Rows of one file that match each other become one contact.
 *
 * <p>A job is changed only by the source it came from (a later LinkedIn export changes the job the earlier one
 * gave), or by LinkedIn, where people keep their job current, when another import gave it. A job the user typed,
 * and one LinkedIn gave, are never changed by an address book's card, which is often years old.
 */
final class ImportPlan {
    private final Map<String, Target> byEmail;
    private final Map<String, Target> byLinkedin;
    private final Map<String, Target> byName;
    /** Contacts whose name an earlier import wrote given name first in CJK script, by {@link MatchKeys#familyFirst}. */
    private final Map<String, Target> byNameFamilyFirst = new HashMap<>();
    private final List<Target> added;
    private final List<Target> existing;
    private final Long circleId;
    private final LocalDate today;
    private final String source;
    private int merged;
    private int unchanged;
    /** How many of the added contacts were written. */
    private int written;

    /** A contact the import ends with: one already there, or one it adds. */
    private static final class Target {
        final Contact before;
        /** The row a new contact comes from: what it stores, unless a later row of the file changed it. */
        final Draft row;
        String name;
        String company;
        String title;
        String city;
        String country;
        String linkedin;
        LocalDate metOn;
        String metHow;
        String notes;
        Birthday birthday;
        /** A new contact's lists are its row's own (unmodifiable) until a later row of the file adds to them. */
        List<String> emails;
        List<String> phones;
        List<String> tags;
        private boolean listsOwned;
        boolean hasPhoto;
        Photo photo;
        CareerMove move;
        /** The import the company and title come from; null if the user typed them (or there are none). */
        String jobSource;
        /** The job a contact left last, as its latest career move tells it: a row giving it is from an older file. */
        final String leftJob;
        /** Whether a row of this import matched it already. */
        boolean matched;
        boolean changed;
        /** A new contact once written: its id, and what of its lists and picture was written. */
        long id = -1;
        int emailsWritten;
        int phonesWritten;
        int tagsWritten;
        boolean photoWritten;
        /** A new contact a later row changed after it was written. */
        boolean changedSinceWritten;

        Target(Contact before, boolean hasPhoto, String jobSource, String leftJob) {
            this.before = before;
            this.jobSource = jobSource;
            this.leftJob = leftJob;
            this.row = null;
            this.name = before.name();
            this.company = before.company();
            this.title = before.title();
            this.city = before.city();
            this.country = before.country();
            this.linkedin = before.linkedinUrl();
            this.metOn = before.metOn();
            this.metHow = before.metHow();
            this.notes = before.notes();
            this.birthday = before.birthday();
            this.emails = new ArrayList<>(before.emails());
            this.phones = new ArrayList<>(before.phones());
            this.tags = new ArrayList<>(before.tags());
            this.listsOwned = true;
            this.hasPhoto = hasPhoto;
        }

        Target(Draft draft, String source) {
            this.before = null;
            this.leftJob = null;
            this.jobSource = draft.company() != null || draft.title() != null ? source : null;
            this.row = draft;
            this.name = draft.name();
            this.company = draft.company();
            this.title = draft.title();
            this.city = draft.city();
            this.country = draft.country();
            this.linkedin = draft.linkedinUrl();
            this.metOn = draft.metOn();
            this.metHow = draft.metHow();
            this.notes = draft.notes();
            this.birthday = draft.birthday();
            this.emails = draft.emails();
            this.phones = draft.phones();
            this.tags = draft.tags();
            this.photo = draft.photo();
            this.hasPhoto = draft.photo() != null;
        }

        /** Lists this target may add to. */
        void ownLists() {
            if (!listsOwned) {
                emails = new ArrayList<>(emails);
                phones = new ArrayList<>(phones);
                tags = new ArrayList<>(tags);
                listsOwned = true;
            }
        }

        Draft draft() {
            if (row != null && !changed) {
                return row;
            }
            return new Draft(name, emails, phones, company, title, city, country, linkedin, metOn, metHow, notes, birthday,
                    before == null ? photo : null, tags);
        }
    }

    /**
     * @param contacts   the user's contacts before the import
     * @param withPhoto  which of them have a picture
     * @param jobSources which import gave each of them its job, for those an import gave it
     * @param leftJobs   the job each left last, as {@link ContactBulk#jobKey} gives it
     * @param circleId   the circle the new contacts join, or null (a contact you already had stays in its circles)
     * @param rows       how many rows will be added, to size the indexes once
     */
    ImportPlan(List<Contact> contacts, Set<Long> withPhoto, Map<Long, String> jobSources, Map<Long, String> leftJobs,
               Long circleId, LocalDate today, String source, int rows) {
        int capacity = (int) ((contacts.size() + rows) / 0.75f) + 1;
        this.byEmail = new HashMap<>(capacity);
        this.byLinkedin = new HashMap<>(capacity);
        this.byName = new HashMap<>(capacity);
        this.added = new ArrayList<>(rows);
        this.existing = new ArrayList<>(contacts.size());
        this.circleId = circleId;
        this.today = today;
        this.source = source;
        for (Contact contact : contacts) {
            Target target = new Target(contact, withPhoto.contains(contact.id()), jobSources.get(contact.id()),
                    leftJobs.get(contact.id()));
            existing.add(target);
            index(target);
        }
    }

    private void index(Target target) {
        for (String email : target.emails) {
            byEmail.putIfAbsent(MatchKeys.email(email), target);
        }
        String profile = MatchKeys.linkedin(target.linkedin);
        if (profile != null) {
            byLinkedin.putIfAbsent(profile, target);
        }
        String name = MatchKeys.name(target.name);
        if (!name.isEmpty()) {
            byName.putIfAbsent(name, target);
        }
        String familyFirst = MatchKeys.familyFirst(target.name);
        if (familyFirst != null) {
            byNameFamilyFirst.putIfAbsent(familyFirst, target);
        }
    }

    /** A checked row's match keys: its emails, its LinkedIn profile (or null) and its name, as {@link MatchKeys} makes them. */
    record Keys(List<String> emails, String profile, String name) {
    }

    /** The keys of a checked row, worked out apart from the plan (an import does it for every row on every core). */
    static Keys keys(Draft row) {
        List<String> emails = new ArrayList<>(row.emails().size());
        for (String email : row.emails()) {
            emails.add(MatchKeys.email(email));
        }
        return new Keys(emails, MatchKeys.linkedin(row.linkedinUrl()), MatchKeys.name(row.name()));
    }

    /** Takes one checked row: adds a contact, or merges it into the one it matches. */
    void add(Draft row) {
        add(row, keys(row));
    }

    /** {@link #add(Draft)} with the row's keys already worked out. */
    void add(Draft row, Keys keys) {
        List<String> emails = keys.emails();
        String profile = keys.profile();
        String name = keys.name();
        Target match = match(emails, profile, name);
        if (match == null) {
            Target target = new Target(row, source);
            added.add(target);
            // A new contact is indexed under the row's own keys: the same ones index(target) would work out again.
            emails.forEach(email -> byEmail.putIfAbsent(email, target));
            if (profile != null) {
                byLinkedin.putIfAbsent(profile, target);
            }
            if (!name.isEmpty()) {
                byName.putIfAbsent(name, target);
            }
            return;
        }
        if (merge(match, row)) {
            merged++;
            index(match);
        } else {
            unchanged++;
        }
    }

    private Target match(List<String> emails, String profile, String name) {
        for (String email : emails) {
            Target target = byEmail.get(email);
            if (target != null) {
                return target;
            }
        }
        if (profile != null && byLinkedin.containsKey(profile)) {
            return byLinkedin.get(profile);
        }
        Target sameName = byName.get(name);
        if (sameName == null) {
            sameName = byNameFamilyFirst.get(name);
        }
        // Two LinkedIn profiles are two people, whatever their names: two John Smiths stay two contacts.
        if (sameName != null && profile != null && sameName.linkedin != null && !profile.equals(MatchKeys.linkedin(sameName.linkedin))) {
            return null;
        }
        return sameName;
    }

    /** Fills in what the target lacks from the row; true if anything changed. */
    private boolean merge(Target t, Draft row) {
        boolean changed = false;
        // Only the first row that matches a contact may change its job: two rows of one file matching one contact
        // (namesakes without an email) would otherwise move it from one's job to the other's at every import.
        boolean firstRow = !t.matched;
        t.matched = true;
        String newCompany = row.company() != null ? row.company() : t.company;
        // A new company makes the old title meaningless; the same company with a new title is a promotion.
        String newTitle = row.title() != null ? row.title() : differs(row.company(), t.company) ? null : t.title;
        // The job they just left comes from a file older than the one that moved them on: no news. (One they had
        // before that is news: people do go back to an old employer.)
        boolean pastJob = ContactBulk.jobKey(newCompany, newTitle).equals(t.leftJob);
        boolean jobChanged = t.before != null && firstRow && t.move == null && mayChangeJob(t.jobSource)
                && (differs(row.company(), t.company) || differs(row.title(), t.title))
                && (t.company != null || t.title != null) && !pastJob;
        if (jobChanged) {
            t.move = new CareerMove(today, t.company, t.title, newCompany, newTitle, source);
            t.company = newCompany;
            t.title = newTitle;
            t.jobSource = source;
            changed = true;
        } else if (!differs(row.company(), t.company) && !differs(row.title(), t.title)) {
            // The row's job is the contact's, or the contact has none: its missing half is filled in. A row that
            // names another job it may not change gives neither half (no title of one company under another's name).
            boolean hadJob = t.company != null || t.title != null;
            if (t.company == null && row.company() != null) { t.company = row.company(); changed = true; }
            if (t.title == null && row.title() != null) { t.title = row.title(); changed = true; }
            if (!hadJob && (t.company != null || t.title != null)) {
                t.jobSource = source;
            }
        }
        if (t.city == null && row.city() != null) { t.city = row.city(); changed = true; }
        if (t.country == null && row.country() != null) { t.country = row.country(); changed = true; }
        if (t.linkedin == null && row.linkedinUrl() != null) { t.linkedin = row.linkedinUrl(); changed = true; }
        if (t.metOn == null && row.metOn() != null) { t.metOn = row.metOn(); changed = true; }
        if (t.metHow == null && row.metHow() != null) { t.metHow = row.metHow(); changed = true; }
        if (t.notes == null && row.notes() != null) { t.notes = row.notes(); changed = true; }
        if (t.birthday == null && row.birthday() != null) { t.birthday = row.birthday(); changed = true; }
        t.ownLists();
        changed |= append(t.emails, row.emails());
        changed |= append(t.phones, row.phones());
        changed |= append(t.tags, row.tags());
        if (!t.hasPhoto && row.photo() != null) {
            t.photo = row.photo();
            t.hasPhoto = true;
            changed = true;
        }
        t.changed |= changed;
        t.changedSinceWritten |= changed && t.id >= 0;
        return changed;
    }

    /**
     * The job source of a job set before Kith kept where jobs come from (migration V8), unless a career move tells:
     * then any import changed any job, and still may change that one.
     */
    static final String EARLIER_IMPORT = "an earlier import";

    /** The names of the files that give contacts their jobs, as a contact's job source and a career move name them. */
    static final List<String> JOB_SOURCES = List.of(LinkedInConnections.FORMAT, VCardImport.FORMAT, ContactsCsv.GOOGLE,
            ContactsCsv.OUTLOOK, ContactsCsv.KITH, EARLIER_IMPORT);

    /** Whether this import may change a job that the import {@code jobSource} gave (null: the user typed it). */
    private boolean mayChangeJob(String jobSource) {
        return jobSource != null && (jobSource.equals(source) || jobSource.equals(EARLIER_IMPORT)
                || source.equals(LinkedInConnections.FORMAT));
    }

    private static boolean differs(String incoming, String current) {
        return incoming != null && current != null && !incoming.equalsIgnoreCase(current);
    }

    /** Adds to {@code values} those of {@code more} it lacks in any case; one pass, however long either list. */
    private static boolean append(List<String> values, List<String> more) {
        Set<String> present = new HashSet<>();
        values.forEach(value -> present.add(PlainText.caseKey(value)));
        boolean changed = false;
        for (String value : more) {
            if (present.add(PlainText.caseKey(value))) {
                values.add(value);
                changed = true;
            }
        }
        return changed;
    }

    int addedCount() {
        return added.size();
    }

    int mergedCount() {
        return merged;
    }

    int unchangedCount() {
        return unchanged;
    }

    int careerMoves() {
        return (int) existing.stream().filter(t -> t.move != null).count();
    }

    /**
     * The new contacts not written yet, in their order. Never touched, each gets its first due date spread over its
     * first cadence period (see {@link #spread}), so that a big import does not fall due on one day.
     */
    List<ContactBulk.NewContact> unwritten() {
        List<ContactBulk.NewContact> contacts = new ArrayList<>(added.size() - written);
        for (int i = written; i < added.size(); i++) {
            Target t = added.get(i);
            Draft draft = t.draft();
            t.emailsWritten = draft.emails().size();
            t.phonesWritten = draft.phones().size();
            t.tagsWritten = draft.tags().size();
            t.photoWritten = draft.photo() != null;
            contacts.add(new ContactBulk.NewContact(draft, circleIds(), spread(i), t.jobSource));
        }
        return contacts;
    }

    /** The ids the contacts {@link #unwritten} gave were written with, in order. */
    void wrote(List<Long> ids) {
        for (long id : ids) {
            added.get(written++).id = id;
        }
    }

    /** The circles new contacts join. */
    List<Long> circleIds() {
        return circleId == null ? List.of() : List.of(circleId);
    }

    /**
     * Where in its first cadence period the new contact at {@code place} (from 0) falls due, from 0 to 1: the
     * van der Corput sequence in base 2 from its second term (1/2, 1/4, 3/4, 1/8, 5/8, 3/8, 7/8, ...), whose first n
     * terms, for every n, are spread about evenly (any stretch of the period holds its share of them, give or take
     * log2(n) + 1). An import's new contacts thus share the period evenly without their number being known, so that
     * each is written with its final due date as the file is read.
     */
    static double spread(int place) {
        // The bits of place + 1 mirrored behind the binary point.
        return Integer.toUnsignedLong(Integer.reverse(place + 1)) / 0x1p32;
    }

    /**
     * What to change on contacts that were already there, and on new contacts that a later row of the file changed
     * after they were written.
     */
    List<ContactBulk.Patch> patches() {
        List<ContactBulk.Patch> patches = new ArrayList<>();
        for (Target t : existing) {
            if (!t.changed) {
                continue;
            }
            Contact b = t.before;
            patches.add(new ContactBulk.Patch(b.id(), t.draft(),
                    t.emails.subList(b.emails().size(), t.emails.size()),
                    t.phones.subList(b.phones().size(), t.phones.size()),
                    t.tags.subList(b.tags().size(), t.tags.size()),
                    List.of(),
                    t.photo, t.move, b.emails().size(), b.phones().size(), t.jobSource));
        }
        for (Target t : added) {
            if (t.changedSinceWritten) {
                patches.add(new ContactBulk.Patch(t.id, t.draft(),
                        t.emails.subList(t.emailsWritten, t.emails.size()),
                        t.phones.subList(t.phonesWritten, t.phones.size()),
                        t.tags.subList(t.tagsWritten, t.tags.size()),
                        List.of(),
                        t.photoWritten ? null : t.photo, null, t.emailsWritten, t.phonesWritten, t.jobSource));
            }
        }
        return patches;
    }
}
