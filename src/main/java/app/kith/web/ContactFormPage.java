package app.kith.web;

import app.kith.contact.CircleChoice;

import java.util.List;

/** The model of the page that adds a contact: the form as typed, the user's circles, and why it was refused if it was. */
public record ContactFormPage(Layout layout, ContactForm form, List<CircleChoice> circles, FieldError error) {
}
