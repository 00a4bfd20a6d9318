package app.kith.web;

import app.kith.contact.ContactService;

/** The model of the page that asks before deleting a contact, saying what goes with them and what stays. */
public record DeletePage(Layout layout, ContactService.Deletion deletion) {

    /** The interactions they alone took part in, which go with them (", and the 3 interactions ..."), or "" if none. */
    public String alone() {
        int count = deletion.interactionsDeleted();
        return count == 0 ? "" : count == 1 ? ", and the one interaction they alone took part in"
                : ", and the " + count + " interactions they alone took part in";
    }

    /** The interactions shared with others, which stay: "2 interactions shared with others stay". */
    public String kept() {
        int count = deletion.interactionsKept();
        return count == 1 ? "One interaction shared with others stays" : count + " interactions shared with others stay";
    }
}
