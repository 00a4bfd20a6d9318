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
import java.util.Random;

/** A small invented network (every name and detail made up) that shows a newcomer what Kith does. */
public final class DemoNetwork {
    private static final Kind[] TOUCHES = {Kind.COFFEE, Kind.VIDEO, Kind.MESSAGE, Kind.EMAIL, Kind.CALL, Kind.MEAL, Kind.SOCIAL};

    private record Person(String name, String circle, String company, String title, String city, String country,
                          String zone, String tag, String met, int daysSinceLastTouch) {
    }

    private static final List<Person> PEOPLE = List.of(
            new Person("Mara Lindqvist", "Mentors", "Northwind Labs", "VP Engineering", "Berlin", "DE", "Europe/Berlin", "leadership", "A leadership workshop", 41),
            new Person("Tobias Reyes", "Mentors", "Fieldstone", "CTO", "Lisbon", "PT", "Europe/Lisbon", "architecture", "Introduced by Mara", 12),
            new Person("Priya Raman", "Current team", "Kestrel Systems", "Staff Engineer", "Berlin", "DE", "Europe/Berlin", "databases", "Same team since 2024", 50),
            new Person("Jonas Weber", "Current team", "Kestrel Systems", "Product Manager", "Berlin", "DE", "Europe/Berlin", "product", "Same team", 9),
            new Person("Lea Hoffmann", "Current team", "Kestrel Systems", "Designer", "Hamburg", "DE", "Europe/Berlin", "design", "Same team", 20),
            new Person("Samuel Okafor", "Past teams", "Bluebird Analytics", "Engineering Manager", "London", "GB", "Europe/London", "hiring", "Worked together at Bluebird", 120),
            new Person("Elena Petrova", "Past teams", "Harbor Cloud", "Principal Engineer", "Amsterdam", "NL", "Europe/Amsterdam", "distributed systems", "Worked together at Bluebird", 70),
            new Person("Dmitri Ivanov", "Past teams", "Quartz Data", "Data Scientist", "Berlin", "DE", "Europe/Berlin", "machine learning", "Worked together at Bluebird", 95),
            new Person("Hannah Schmidt", "Past teams", "Lumen Health", "Tech Lead", "Munich", "DE", "Europe/Berlin", "healthcare", "First job, same desk row", 30),
            new Person("Kenji Watanabe", "Events & conferences", "Sakura Robotics", "Research Engineer", "Tokyo", "JP", "Asia/Tokyo", "robotics", "Met at a robotics meetup", 150),
            new Person("Aisha Bello", "Events & conferences", "Open Grid", "Developer Advocate", "Berlin", "DE", "Europe/Berlin", "community", "Spoke on the same panel", 60),
            new Person("Carlos Mendes", "Events & conferences", "Tidewater", "Founder", "San Francisco", "US", "America/Los_Angeles", "startups", "Met at a conference dinner", 200),
            new Person("Ingrid Nilsen", "Events & conferences", "Fjord Security", "Security Engineer", "Oslo", "NO", "Europe/Oslo", "security", "Met at a security conference", 40),
            new Person("Olivia Grant", "Role models", "Meridian", "CEO", "New York", "US", "America/New_York", "leadership", "Heard her keynote", 100),
            new Person("Rafael Costa", "Role models", "Atlas Foundation", "Open-source maintainer", "Porto", "PT", "Europe/Lisbon", "open source", "Reviewed my first patch", 170),
            new Person("Nadia Haddad", "Mentors", "Cedar Partners", "Partner", "Paris", "FR", "Europe/Paris", "strategy", "Mentoring programme", 5),
            new Person("Felix Braun", "Current team", "Kestrel Systems", "SRE", "Berlin", "DE", "Europe/Berlin", "operations", "Same team", 3),
            new Person("Grace Liu", "Past teams", "Bluebird Analytics", "Engineer", "Toronto", "CA", "America/Toronto", "frontend", "Worked together at Bluebird", 65),
            new Person("Omar Farouk", "Events & conferences", "Dune Labs", "ML Engineer", "Dubai", "AE", "Asia/Dubai", "machine learning", "Met at a hackathon", 90),
            new Person("Sofia Rossi", "Role models", "Vela Studio", "Design Director", "Milan", "IT", "Europe/Rome", "design", "Follows her writing", 30));

    private static final String[] NOTES = {
            "Talked about their new project", "Swapped notes on hiring", "They asked for an intro to a designer",
            "Catching up after the holidays", "Shared an article on databases", "Discussed a possible collaboration"};

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
            Contact contact = kith.contacts().add(userId, ContactChanges.builder()
                    .name(person.name()).company(person.company()).title(person.title()).city(person.city())
                    .country(person.country()).timezone(person.zone()).circles(List.of(person.circle()))
                    .tags(List.of(person.tag())).metHow(person.met()).metOn(today.minusDays(400 + random.nextInt(400)))
                    .emails(List.of(person.name().toLowerCase().replace(' ', '.') + "@example.com"))
                    .build(), today);
            // A year of interactions, ending with the last touch the story above gives.
            LocalDate day = today.minusDays(365);
            LocalDate last = today.minusDays(person.daysSinceLastTouch());
            while (day.isBefore(last)) {
                Kind kind = TOUCHES[random.nextInt(TOUCHES.length)];
                kith.interactions().log(userId, List.of(contact.id()), kind, day, NOTES[random.nextInt(NOTES.length)], today);
                day = day.plusDays(25 + random.nextInt(70));
            }
            kith.interactions().log(userId, List.of(contact.id()), Kind.COFFEE, last, NOTES[random.nextInt(NOTES.length)], today);
        }
        Contact far = kith.contacts().resolve(userId, "Kenji Watanabe");
        kith.contacts().edit(userId, far.id(), ContactChanges.builder().every(Cadence.parse("2m"))
                .notes("Lives far away: a video call in the early morning works for both.").build(), false, today);
        return PEOPLE.size();
    }
}
