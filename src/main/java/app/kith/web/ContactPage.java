package app.kith.web;

import app.kith.contact.CircleChoice;
import app.kith.contact.Contact;
import app.kith.interaction.Interaction;

import java.util.List;

/**
 * The model of a contact's page: who they are, when they are due, the timeline of interactions, and its forms
 * (edit, log a touch, away) as typed, with why one was refused if it was; {@code today} in the user's time zone,
 * the latest day a touch can be logged on.
 */
public record ContactPage(Layout layout, Contact contact, String due, boolean dueNow, String cadence,
                          List<Interaction> timeline, ContactForm form, TouchForm touch, String awayUntil,
                          List<CircleChoice> circles, List<String> kinds, FieldError error, String notice,
                          String today) {

    /** This page's address, where its forms come back to. */
    public String self() {
        return "/contacts/" + contact.id();
    }

    /** The LinkedIn profile as a link, only if it is a web address (the service checks new ones; old data may differ). */
    public String linkedinHref() {
        String url = contact.linkedinUrl();
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }

    /** Whether the edit form opens by itself: when it was refused and comes back as typed. */
    public boolean editing() {
        String field = error.field();
        return error.any() && (field == null || !(field.startsWith("touch") || field.equals("awayUntil")));
    }
}
