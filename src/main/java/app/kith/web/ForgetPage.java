package app.kith.web;

import app.kith.contact.Contact;
import app.kith.interaction.Interaction;

/** The model of the page that asks before deleting an interaction from a contact's timeline. */
public record ForgetPage(Layout layout, Contact contact, Interaction interaction) {

    /** The others who took part, by name, joined for a sentence ("" when the contact was alone). */
    public String others() {
        return String.join(", ", interaction.with().stream().filter(person -> person.id() != contact.id())
                .map(Interaction.Participant::name).toList());
    }
}
