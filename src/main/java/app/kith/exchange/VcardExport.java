package app.kith.exchange;

import app.kith.contact.Birthday;
import app.kith.exchange.UserExport.ContactEntry;
import app.kith.shared.CjkText;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.ImageType;
import ezvcard.property.Address;
import ezvcard.property.Categories;
import ezvcard.property.Photo;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.util.PartialDate;

import java.util.ArrayList;
import java.util.List;

/** Writes contacts as vCard 4.0 with ez-vcard, with the fields address books read: names, ways to reach, job, birthday. */
final class VcardExport {
    private VcardExport() {
    }

    static String write(UserExport export) {
        List<VCard> cards = new ArrayList<>(export.contacts().size());
        for (ContactEntry contact : export.contacts()) {
            cards.add(card(contact));
        }
        return Ezvcard.write(cards).version(VCardVersion.V4_0).prodId(false).go();
    }

    static VCard card(ContactEntry contact) {
        VCard card = new VCard();
        card.setFormattedName(contact.name());
        card.setStructuredName(structuredName(contact.name()));
        contact.emails().forEach(card::addEmail);
        contact.phones().forEach(card::addTelephoneNumber);
        if (contact.company() != null) {
            card.setOrganization(contact.company());
        }
        if (contact.title() != null) {
            card.addTitle(contact.title());
        }
        if (contact.notes() != null) {
            card.addNote(contact.notes());
        }
        if (contact.linkedinUrl() != null) {
            card.addUrl(contact.linkedinUrl());
            RawProperty social = card.addExtendedProperty("X-SOCIALPROFILE", contact.linkedinUrl());
            social.getParameters().setType("linkedin");
        }
        Birthday birthday = Birthday.parse(contact.birthday());
        if (birthday != null) {
            card.setBirthday(birthday.year() != null
                    ? new ezvcard.property.Birthday(birthday.day().atYear(birthday.year()))
                    : new ezvcard.property.Birthday(PartialDate.builder()
                            .month(birthday.day().getMonthValue()).date(birthday.day().getDayOfMonth()).build()));
        }
        if (contact.city() != null || contact.country() != null) {
            Address address = new Address();
            address.setLocality(contact.city());
            address.setCountry(contact.country());
            card.addAddress(address);
        }
        if (!contact.tags().isEmpty()) {
            Categories categories = new Categories();
            categories.getValues().addAll(contact.tags());
            card.setCategories(categories);
        }
        if (contact.photo() != null && contact.photo().data() != null) {
            String mediaType = contact.photo().mediaType();
            ImageType type = ImageType.find(null, mediaType, null);
            card.addPhoto(new Photo(contact.photo().data(), type != null ? type : ImageType.get(null, mediaType, null)));
        }
        return card;
    }

    /**
     * N from the full name: the last word as the family name, the words before it as given names; in Chinese,
     * Japanese or Korean script, written family name first, the first word as the family name ("金 智恩").
     */
    static StructuredName structuredName(String fullName) {
        StructuredName name = new StructuredName();
        String trimmed = fullName.strip();
        int space = trimmed.lastIndexOf(' ');
        if (space < 0) {
            name.setGiven(trimmed);
        } else if (CjkText.allCjk(trimmed)) {
            int first = trimmed.indexOf(' ');
            name.setFamily(trimmed.substring(0, first));
            name.setGiven(trimmed.substring(first + 1).strip());
        } else {
            name.setGiven(trimmed.substring(0, space).strip());
            name.setFamily(trimmed.substring(space + 1));
        }
        return name;
    }
}
