package app.kith.web;

import app.kith.contact.CircleChoice;
import app.kith.contact.ContactService.Alike;

import java.util.List;

/**
 * The model of the page that adds a contact: the form as typed, the user's circles, why it was refused if it was,
 * and the contacts already there that it looks like (then the page asks before adding).
 */
public record ContactFormPage(Layout layout, ContactForm form, List<CircleChoice> circles, FieldError error, List<Alike> alike) {
}
