package app.kith.contact;

/** A circle as a contact's form offers it: its name and cadence, with no count of its members (which costs a scan). */
public record CircleChoice(long id, String name, Cadence cadence) {
}
