package app.kith.exchange;

import app.kith.Kith;
import app.kith.account.ProfileChanges;
import app.kith.account.WorkHours;
import app.kith.contact.Birthday;
import app.kith.contact.Cadence;
import app.kith.contact.CareerMove;
import app.kith.contact.ContactBulk;
import app.kith.contact.ContactChanges;
import app.kith.contact.Photo;
import app.kith.interaction.InteractionService;
import app.kith.interaction.Kind;
import app.kith.shared.Weekdays;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** A small invented network with every field Kith stores filled in somewhere, for export and restore tests. */
final class ExportFixture {
    static final String NOTES = "Met at the \"Lisbon, 2024\" meetup; likes: tea, chess\nSecond line; with ümlauts, 日本語 and an emoji 🎉";
    static final byte[] PHOTO = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 1, 2, 3, 4, (byte) 0xff};

    private ExportFixture() {
    }

    /** Fills the user's account; returns the id of the richest contact. */
    static long fill(Kith kith, long userId) {
        kith.accounts().updateProfile(userId, new ProfileChanges("Ada Example", "Lisbon", "Portugal", ZoneId.of("Europe/Lisbon"),
                WorkHours.parse("08:30-17:00"), 7, false, Weekdays.parse("mon,tue,wed,thu,sat")));
        long zoe = kith.contacts().add(userId, ContactChanges.builder()
                .name("Zoë Ångström-Núñez")
                .emails(List.of("zoe@example.com", "z.angstrom@example.org"))
                .phones(List.of("+33 1 23 45 67 89", "020 7946 0958"))
                .company("Fjord Labs, Inc.")
                .title("Head of Data; EMEA")
                .city("Paris")
                .country("France")
                .timezone("Europe/Paris")
                .linkedinUrl("https://www.linkedin.com/in/zoe-example")
                .metHow("a conference")
                .metOn(LocalDate.of(2024, 3, 15))
                .notes(NOTES)
                .strengths("data, teaching")
                .birthday(new Birthday(1990, MonthDay.of(3, 15)))
                .circles(List.of("Mentors", "Past teams"))
                .tags(List.of("=1+1", "@sum", "mentor"))
                .every(Cadence.parse("2w"))
                .days("weekdays")
                .build()).id();
        long grace = kith.contacts().add(userId, ContactChanges.builder().name("Grace Example").circles(List.of("Role models"))
                .phones(List.of("+1 555 0100")).build()).id();
        long cy = kith.contacts().add(userId, ContactChanges.builder().name("Cy").city("Lisbon").build()).id();
        kith.contacts().snooze(userId, grace, LocalDate.of(2026, 5, 1));
        kith.contacts().away(userId, cy, LocalDate.of(2026, 6, 1));
        kith.contacts().archive(userId, cy, true);

        kith.database().useTransaction(handle -> {
            ContactBulk.Draft draft = kith.bulk().checked(new ContactBulk.Draft("Émile Photo", List.of("emile@example.com"), List.of(),
                    "Old Co", "Engineer", "Porto", "Portugal", null, null, "LinkedIn", null,
                    new Birthday(null, MonthDay.of(12, 24)), new Photo("image/png", PHOTO), List.of("Photographer")));
            long emile = kith.bulk().insert(handle, userId, List.of(new ContactBulk.NewContact(draft, List.of(), 0.375, "LinkedIn connections"))).get(0);
            ContactBulk.Draft moved = new ContactBulk.Draft(draft.name(), draft.emails(), draft.phones(), "New Co", "Lead",
                    draft.city(), draft.country(), draft.linkedinUrl(), draft.metOn(), draft.metHow(), draft.notes(),
                    draft.birthday(), draft.photo(), draft.tags());
            kith.bulk().update(handle, userId, List.of(new ContactBulk.Patch(emile, moved, List.of(), List.of(), List.of(), List.of(),
                    null, new CareerMove(LocalDate.of(2026, 2, 1), "Old Co", "Engineer", "New Co", "Lead", "linkedin"), 1, 0, "LinkedIn connections")));
            kith.interactions().addImported(handle, userId, List.of(new InteractionService.Imported(
                    "linkedin:conv-1:2026-01-05", LocalDate.of(2026, 1, 5), Kind.MESSAGE, "LinkedIn: hello", new java.util.HashSet<>(Set.of(emile)))));
        });
        kith.interactions().log(userId, List.of(zoe, grace), Kind.COFFEE, LocalDate.of(2026, 2, 20), "Talked about \"pipelines\", hiring; next: intro");
        kith.interactions().log(userId, List.of(zoe), Kind.SOCIAL, LocalDate.of(2026, 2, 21), null);
        // An imported message deleted by the user: its key is kept, so that importing the file again adds nothing.
        kith.database().useTransaction(handle -> kith.interactions().addImported(handle, userId, List.of(new InteractionService.Imported(
                "linkedin:conv-2:2026-01-06", LocalDate.of(2026, 1, 6), Kind.MESSAGE, "LinkedIn: wrong thread", new java.util.HashSet<>(Set.of(zoe))))));
        long wrong = kith.interactions().timeline(userId, zoe).stream().filter(i -> "LinkedIn: wrong thread".equals(i.note()))
                .findFirst().orElseThrow().id();
        kith.interactions().delete(userId, wrong);
        return zoe;
    }
}
