package app.kith.web;

import app.kith.contact.CircleChoice;
import app.kith.contact.Contact;
import app.kith.contact.ContactService.Alike;
import app.kith.interaction.Interaction;
import app.kith.shared.Dates;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The model of a contact's page: who they are, when they are due, the timeline of interactions, and its forms
 * (edit, log a touch, away) as typed, with why one was refused if it was; {@code today} in the user's time zone,
 * the latest day a touch can be logged on, and the day a snooze or an away date is over after; {@code alike}, the
 * contacts an edit would make this one look like (it was not saved: the form asks first).
 */
public record ContactPage(Layout layout, Contact contact, String due, boolean dueNow, String cadence,
                          List<Interaction> timeline, ContactForm form, TouchForm touch, String awayUntil,
                          List<CircleChoice> circles, List<String> kinds, FieldError error, String notice,
                          LocalDate today, List<Alike> alike, ZoneId placeZone) {

    /** This page's address, where its forms come back to. */
    public String self() {
        return "/contacts/" + contact.id();
    }

    /** The LinkedIn profile as a link, only if it is a web address (the service checks new ones; old data may differ). */
    public String linkedinHref() {
        String url = contact.linkedinUrl();
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }

    /** How long the snooze holds ("through Thu 28 Jan 2027", "for good"); null once it is over. */
    public String snoozedThrough() {
        return through(contact.snoozedThrough(today));
    }

    /** How long they are away; null once they are back. */
    public String awayThrough() {
        return through(contact.awayThrough(today));
    }

    private static String through(LocalDate last) {
        return last == null ? null : Dates.through(last);
    }

    /** Whether the edit form opens by itself: when it was refused and comes back as typed. */
    public boolean editing() {
        String field = error.field();
        return !alike.isEmpty() || error.any() && (field == null || !(field.startsWith("touch") || field.equals("awayUntil")));
    }
}
