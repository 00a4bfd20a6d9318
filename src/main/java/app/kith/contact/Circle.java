package app.kith.contact;

/** A type of contact with a default cadence, such as Mentors every month; a contact may be in several. */
public record Circle(long id, String name, Cadence cadence, int members) {
}
