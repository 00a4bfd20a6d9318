package app.kith.demo;

import app.kith.Kith;
import app.kith.account.ProfileChanges;
import app.kith.account.WorkHours;
import app.kith.contact.Cadence;
import app.kith.contact.Contact;
import app.kith.contact.ContactChanges;
import app.kith.contact.ContactFilter;
import app.kith.interaction.Kind;
import app.kith.shared.KithException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** A small invented network (every name and detail made up) that shows a newcomer what Kith does. */
public final class DemoNetwork {
    /** The demo user's city: those who live there are met in person, the others by video, call or in writing. */
    private static final String HOME = "Berlin";
    private static final Kind[] NEAR = {Kind.COFFEE, Kind.COFFEE, Kind.MEAL, Kind.MEETING, Kind.MESSAGE, Kind.CALL, Kind.SOCIAL};
    private static final Kind[] FAR = {Kind.VIDEO, Kind.VIDEO, Kind.CALL, Kind.EMAIL, Kind.MESSAGE, Kind.SOCIAL};

    private record Person(String name, String circle, String company, String title, String city, String country,
                          String zone, String tag, String met, int daysSinceLastTouch) {
    }

    private static final List<Person> PEOPLE = List.of(
            new Person("Mara Lindqvist", "Mentors", "Northwind Labs", "VP Engineering", "Berlin", "DE", "Europe/Berlin", "leadership", "At a leadership workshop", 41),
            new Person("Tobias Reyes", "Mentors", "Fieldstone", "CTO", "Lisbon", "PT", "Europe/Lisbon", "architecture", "Introduced by Mara", 12),
            new Person("Priya Raman", "Current team", "Kestrel Systems", "Staff Engineer", "Berlin", "DE", "Europe/Berlin", "databases", "On the same team since 2024", 50),
            new Person("Jonas Weber", "Current team", "Kestrel Systems", "Product Manager", "Berlin", "DE", "Europe/Berlin", "product", "Joined the team the same month", 9),
            new Person("Lea Hoffmann", "Current team", "Kestrel Systems", "Designer", "Hamburg", "DE", "Europe/Berlin", "design", "Paired on the onboarding redesign", 20),
            new Person("Samuel Okafor", "Past teams", "Bluebird Analytics", "Engineering Manager", "London", "GB", "Europe/London", "hiring", "Worked together at Bluebird", 120),
            new Person("Elena Petrova", "Past teams", "Harbor Cloud", "Principal Engineer", "Amsterdam", "NL", "Europe/Amsterdam", "distributed systems", "Worked together at Bluebird", 70),
            new Person("Dmitri Ivanov", "Past teams", "Quartz Data", "Data Scientist", "Berlin", "DE", "Europe/Berlin", "machine learning", "Worked together at Bluebird", 95),
            new Person("Hannah Schmidt", "Past teams", "Lumen Health", "Tech Lead", "Munich", "DE", "Europe/Berlin", "healthcare", "First job, at neighbouring desks", 30),
            new Person("Kenji Watanabe", "Events & conferences", "Sakura Robotics", "Research Engineer", "Tokyo", "JP", "Asia/Tokyo", "robotics", "At a robotics meetup in Tokyo", 150),
            new Person("Aisha Bello", "Events & conferences", "Open Grid", "Developer Advocate", "Berlin", "DE", "Europe/Berlin", "community", "On the same panel at a developer conference", 60),
            new Person("Carlos Mendes", "Events & conferences", "Tidewater", "Founder", "San Francisco", "US", "America/Los_Angeles", "startups", "At a conference dinner in Lisbon", 200),
            new Person("Ingrid Nilsen", "Events & conferences", "Fjord Security", "Security Engineer", "Oslo", "NO", "Europe/Oslo", "security", "At a security conference in Oslo", 40),
            new Person("Olivia Grant", "Role models", "Meridian", "CEO", "New York", "US", "America/New_York", "leadership", "After her keynote at a product summit", 100),
            new Person("Rafael Costa", "Role models", "Atlas Foundation", "Open-source maintainer", "Porto", "PT", "Europe/Lisbon", "open source", "When they reviewed my first open-source patch", 170),
            new Person("Nadia Haddad", "Mentors", "Cedar Partners", "Partner", "Paris", "FR", "Europe/Paris", "strategy", "Mentoring programme", 5),
            new Person("Felix Braun", "Current team", "Kestrel Systems", "SRE", "Berlin", "DE", "Europe/Berlin", "operations", "On-call together", 3),
            new Person("Mei Liu", "Past teams", "Bluebird Analytics", "Engineer", "Toronto", "CA", "America/Toronto", "frontend", "Worked together at Bluebird", 65),
            new Person("Omar Farouk", "Events & conferences", "Dune Labs", "ML Engineer", "Dubai", "AE", "Asia/Dubai", "machine learning", "At a hackathon, same table", 90),
            new Person("Sofia Rossi", "Role models", "Vela Studio", "Design Director", "Milan", "IT", "Europe/Rome", "design", "Through her writing on design systems", 30));

    /** What was talked about; {@code %s} is the person's field (their tag). */
    private static final String[] NOTES = {
            "Talked about their new project", "Swapped notes on hiring", "They asked for an intro to a designer",
            "Caught up on family and travel", "Sent them an article on %s", "Discussed a possible collaboration",
            "They are thinking of a move; offered to ask around", "Compared notes on %s", "Congratulated them on the launch",
            "Asked for their advice on a team reorganisation", "They mentioned an opening on their team", "Talked about a talk they are writing on %s",
            "Thanked them for the introduction", "Shared what we learnt from an outage"};
    /** A like, a comment or a share (social), which does not count as being in touch. */
    private static final String[] SOCIAL_NOTES = {
            "Liked their post on %s", "Commented on their conference talk", "Shared their article on %s",
            "Congratulated them on their work anniversary"};

    private DemoNetwork() {
    }

    /** Fills an account that has no contacts yet; returns how many contacts were added. */
    public static int fill(Kith kith, long userId) {
        if (!kith.contacts().list(userId, ContactFilter.ALL).isEmpty()
                || !kith.contacts().list(userId, new ContactFilter(null, null, null, false, true)).isEmpty()) {
            throw new KithException("this account already has contacts: give 'kith demo' a folder that does not exist yet, as in kith --data NEW_FOLDER demo");
        }
        kith.accounts().updateProfile(userId, new ProfileChanges("Demo User", "Berlin", "DE", ZoneId.of("Europe/Berlin"),
                WorkHours.DEFAULT, 5));
        // The demo's story is told from the user's date in Berlin (the profile's zone), as Today will show it.
        LocalDate today = kith.agenda().todayFor(userId);
        Random random = new Random(42);
        for (Person person : PEOPLE) {
            // Added to Kith the day they were met, a year or two ago: their history comes after.
            LocalDate met = today.minusDays(400 + random.nextInt(400));
            Contact contact = kith.contacts().add(userId, ContactChanges.builder()
                    .name(person.name()).company(person.company()).title(person.title()).city(person.city())
                    .country(person.country()).timezone(person.zone()).circles(List.of(person.circle()))
                    .tags(List.of(person.tag())).metHow(person.met()).metOn(met)
                    .emails(List.of(person.name().toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com"))
                    .build(), met);
            // A year of interactions, each person's from a day of their own, on working days but for a like or a
            // comment (social), in person with those in the user's city and at a distance with the others; ending
            // with the last touch the story above gives.
            Kind[] kinds = person.city().equals(HOME) ? NEAR : FAR;
            LocalDate day = today.minusDays(365 - random.nextInt(45));
            LocalDate last = today.minusDays(person.daysSinceLastTouch());
            while (day.isBefore(last)) {
                Kind kind = kinds[random.nextInt(kinds.length)];
                LocalDate on = kind == Kind.SOCIAL ? day : weekday(day);
                if (on.isBefore(last)) {
                    kith.interactions().log(userId, List.of(contact.id()), kind, on, note(person, kind, random), today);
                }
                day = day.plusDays(25 + random.nextInt(70));
            }
            kith.interactions().log(userId, List.of(contact.id()), kinds[0], last, note(person, kinds[0], random), today);
        }
        // The one far away: in Tokyo, on a cadence of their own, with a note on when to call.
        Contact far = kith.contacts().resolve(userId, "Kenji Watanabe");
        kith.contacts().edit(userId, far.id(), ContactChanges.builder().every(Cadence.parse("2m"))
                .notes("Lives far away: a video call in the early morning works for both.").build(), false, today);
        return PEOPLE.size();
    }

    /** The day, or the Monday after it if it falls on a weekend. */
    private static LocalDate weekday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    private static String note(Person person, Kind kind, Random random) {
        String[] notes = kind == Kind.SOCIAL ? SOCIAL_NOTES : NOTES;
        return notes[random.nextInt(notes.length)].replace("%s", person.tag());
    }
}
