package app.kith.account;

/** A person using Kith; every contact, circle and interaction belongs to one. */
public record Account(long id, String username, boolean owner) {
}
