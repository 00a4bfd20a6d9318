package app.kith.exchange;

import app.kith.contact.ContactBulk;

/** One contact read from an import file, with the line it starts on (from 1) for messages. */
public record ImportRow(long line, ContactBulk.Draft draft) {
}
