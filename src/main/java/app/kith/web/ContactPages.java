package app.kith.web;

import app.kith.account.Profile;
import app.kith.agenda.AgendaService;
import app.kith.contact.CircleChoice;
import app.kith.contact.CircleService;
import app.kith.contact.Contact;
import app.kith.contact.ContactService;
import app.kith.contact.Refusals;
import app.kith.interaction.Interaction;
import app.kith.interaction.InteractionService;
import app.kith.interaction.Kind;
import app.kith.shared.Dates;
import app.kith.shared.ValidationException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The contact pages: the searchable list, adding a contact, and a contact's page with its timeline and forms. */
final class ContactPages {
    static final int PAGE_SIZE = 50;
    /** What a contact's page says after a form sent there succeeded ({@code ?done=...}); fixed words, never echoed input. */
    private static final Map<String, String> NOTICES = Map.of(
            "added", "Added.", "saved", "Saved.", "logged", "Logged.", "snoozed", "Snoozed.", "away", "Noted: they are away.",
            "forgotten", "Deleted from the timeline; the last touch and next due date were worked out again.",
            "unsnoozed", "No longer snoozed.", "back", "Noted: they are back.",
            "archived", "Archived: they are off your agenda until you unarchive them.", "unarchived", "Unarchived: back on your agenda.");

    private final ContactService contacts;
    private final CircleService circles;
    private final InteractionService interactions;
    private final AgendaService agenda;
    private final Templates templates;

    ContactPages(ContactService contacts, CircleService circles, InteractionService interactions, AgendaService agenda,
                 Templates templates) {
        this.contacts = contacts;
        this.circles = circles;
        this.interactions = interactions;
        this.agenda = agenda;
        this.templates = templates;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/contacts", this::list);
        routes.get("/contacts/new", this::newForm);
        routes.post("/contacts/new", this::create);
        routes.get("/contacts/{id}", this::show);
        routes.post("/contacts/{id}", this::edit);
        routes.post("/contacts/{id}/log", this::log);
        routes.post("/contacts/{id}/away", this::away);
        routes.post("/contacts/{id}/archive", this::archive);
        routes.get("/contacts/{id}/delete", this::confirmDelete);
        routes.post("/contacts/{id}/delete", this::delete);
        routes.get("/contacts/{id}/interactions/{interaction}/delete", this::confirmForget);
        routes.post("/contacts/{id}/interactions/{interaction}/delete", this::forget);
        routes.post("/contacts/{id}/snooze/end", this::endSnooze);
        routes.post("/contacts/{id}/away/end", this::back);
        // A refused touch or away date is shown at the address it was sent to; going back or forward there asks
        // for the contact's page.
        routes.get("/contacts/{id}/log", this::toPage);
        routes.get("/contacts/{id}/away", this::toPage);
    }

    /** When a search of current contacts finds nobody: how many archived ones it would find, to say so. */
    private int archivedMatches(long userId, ContactListFilters filters, ContactService.Page page, LocalDate today) {
        return page.total() > 0 ? 0 : contacts.archivedMatches(userId, filters.search(), today);
    }

    private void list(Context ctx) {
        long userId = Sessions.userId(ctx);
        ContactListFilters filters = ContactListFilters.read(ctx);
        String pageText = ctx.queryParam("page");
        int number = pageText != null && pageText.matches("0*[1-9]\\d{0,5}") ? Integer.parseInt(pageText) : 1;
        // "Due" as on Today: on or before the date in the user's time zone.
        LocalDate today = agenda.todayFor(userId);
        ContactService.Page page = contacts.search(userId, filters.search(), (number - 1) * PAGE_SIZE, PAGE_SIZE, today);
        List<ContactRow> rows = page.contacts().stream().map(contact -> row(contact, today)).toList();
        // htmx asks for the results alone as the user types; a history restore needs the whole page.
        boolean resultsOnly = Params.wantsPart(ctx);
        ContactListPage model = new ContactListPage(Layout.of(ctx, "Contacts", "contacts"), filters, rows, page.total(),
                page.number(), page.pages(), page.hasPrevious() ? filters.url(Math.min(number - 1, page.pages())) : null,
                page.hasNext() ? filters.url(number + 1) : null,
                resultsOnly ? List.of() : circles.choices(userId).stream().map(CircleChoice::name).toList(),
                resultsOnly ? List.of() : contacts.cities(userId),
                "deleted".equals(ctx.queryParam("done")) ? "Deleted, with the interactions they alone took part in." : null,
                archivedMatches(userId, filters, page, today));
        templates.render(ctx, resultsOnly ? "contact/resultsFragment.jte" : "contact/list.jte", model);
    }

    /** To the contact's page: someone else's contact is not found, as on every route that takes an id. */
    private void toPage(Context ctx) {
        Contact contact = contacts.get(Sessions.userId(ctx), Params.id(ctx));
        ctx.redirect("/contacts/" + contact.id(), HttpStatus.SEE_OTHER);
    }

    private void newForm(Context ctx) {
        newPage(ctx, ContactForm.empty(), FieldError.NONE, List.of());
    }

    /** Adds the contact; one with the name or an email address of a contact already there is asked about first. */
    private void create(Context ctx) {
        long userId = Sessions.userId(ctx);
        ContactForm form = readForm(ctx);
        try {
            Contact added = contacts.add(userId, form.toNew(), agenda.todayFor(userId), "yes".equals(ctx.formParam("anyway")));
            ctx.redirect("/contacts/" + added.id() + "?done=added", HttpStatus.SEE_OTHER);
        } catch (ContactService.AlreadyThere e) {
            newPage(ctx, form, FieldError.NONE, e.alike());
        } catch (ValidationException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            newPage(ctx, form, FieldError.of(e), List.of());
        }
    }

    private void newPage(Context ctx, ContactForm form, FieldError error, List<ContactService.Alike> alike) {
        templates.render(ctx, "contact/new.jte", new ContactFormPage(Layout.of(ctx, "Add a contact", "contacts"), form,
                circles.choices(Sessions.userId(ctx)), error, alike));
    }

    private void show(Context ctx) {
        Contact contact = contacts.get(Sessions.userId(ctx), Params.id(ctx));
        String notice = NOTICES.get(String.valueOf(ctx.queryParam("done")));
        page(ctx, contact, ContactForm.of(contact), newTouch(ctx, contact), "", FieldError.NONE, notice);
    }

    private void edit(Context ctx) {
        long userId = Sessions.userId(ctx);
        Contact contact = contacts.get(userId, Params.id(ctx));
        ContactForm form = readForm(ctx);
        try {
            contacts.edit(userId, contact.id(), form.toEdit(contact), form.forgetsMetOn(), agenda.todayFor(userId),
                    "yes".equals(ctx.formParam("anyway")));
            ctx.redirect("/contacts/" + contact.id() + "?done=saved", HttpStatus.SEE_OTHER);
        } catch (ContactService.AlreadyThere e) {
            // Asked, as adding them would be: the form as typed, with who they would look like and a button to save anyway.
            page(ctx, contact, form, newTouch(ctx, contact), "", FieldError.NONE, null, e.alike());
        } catch (ValidationException e) {
            refused(ctx, contact, form, newTouch(ctx, contact), "", FieldError.of(e));
        }
    }

    private void log(Context ctx) {
        long userId = Sessions.userId(ctx);
        Contact contact = contacts.get(userId, Params.id(ctx));
        TouchForm touch = new TouchForm(param(ctx, "kind"), param(ctx, "on"), param(ctx, "note"));
        try {
            // Each field read and checked before anything is refused, so that every error shows at once beside its field.
            Refusals refused = new Refusals();
            Kind kind = refused.read("touchKind", () -> Kind.parse(touch.kind()));
            LocalDate today = agenda.todayFor(userId);
            LocalDate on = refused.read("touchOn", () -> Params.date(touch.on(), today));
            if (on != null) {
                refused.read("touchOn", () -> {
                    InteractionService.checkDay(on, today);
                    return on;
                });
            }
            refused.read("touchNote", () -> {
                InteractionService.checkNote(touch.note());
                return null;
            });
            refused.throwAny();
            interactions.log(userId, List.of(contact.id()), kind, on, touch.note(), today);
            ctx.redirect("/contacts/" + contact.id() + "?done=logged", HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            refused(ctx, contact, ContactForm.of(contact), touch, "", touchError(e));
        }
    }

    /** A log refused, beside its fields: the service names them as it knows them (its day and its note). */
    private static FieldError touchError(ValidationException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (e instanceof ContactService.InvalidFields several) {
            several.fields().forEach((field, message) -> fields.put(touchField(field), message));
        } else if (e instanceof ContactService.InvalidField one) {
            fields.put(touchField(one.field()), one.getMessage());
        } else {
            fields.put("touch", e.getMessage());
        }
        return FieldError.of(ContactService.InvalidFields.of(fields));
    }

    private static String touchField(String field) {
        return switch (field) {
            case "on" -> "touchOn";
            case "note" -> "touchNote";
            default -> field;
        };
    }

    private void away(Context ctx) {
        long userId = Sessions.userId(ctx);
        Contact contact = contacts.get(userId, Params.id(ctx));
        String until = param(ctx, "until");
        try {
            LocalDate date = Params.date(until, null);
            if (date == null) {
                throw new ValidationException("give the last day they are away: YYYY-MM-DD");
            }
            contacts.away(userId, contact.id(), date, agenda.todayFor(userId));
            ctx.redirect("/contacts/" + contact.id() + "?done=away", HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            refused(ctx, contact, ContactForm.of(contact), newTouch(ctx, contact), until, FieldError.on("awayUntil", e));
        }
    }

    private void archive(Context ctx) {
        long userId = Sessions.userId(ctx);
        Contact contact = contacts.get(userId, Params.id(ctx));
        String archive = param(ctx, "archive");
        if (!archive.equals("1") && !archive.equals("0")) {
            throw new ValidationException("say archive=1 to archive or archive=0 to unarchive");
        }
        contacts.archive(userId, contact.id(), archive.equals("1"));
        ctx.redirect("/contacts/" + contact.id() + "?done=" + (archive.equals("1") ? "archived" : "unarchived"), HttpStatus.SEE_OTHER);
    }

    /** Asks before deleting a contact, saying what goes with them and what stays. */
    private void confirmDelete(Context ctx) {
        ContactService.Deletion deletion = contacts.deletion(Sessions.userId(ctx), Params.id(ctx));
        templates.render(ctx, "contact/delete.jte", new DeletePage(Layout.of(ctx, "Delete " + deletion.contact().name(), "contacts"), deletion));
    }

    private void delete(Context ctx) {
        contacts.delete(Sessions.userId(ctx), Params.id(ctx));
        ctx.redirect("/contacts?done=deleted", HttpStatus.SEE_OTHER);
    }

    /**
     * Ends a snooze; as the Undo of a snooze that replaced another ({@code ?until=} that one's last day, still to come),
     * puts that one back instead.
     */
    private void endSnooze(Context ctx) {
        long userId = Sessions.userId(ctx);
        Contact contact = contacts.get(userId, Params.id(ctx));
        contacts.endSnooze(userId, contact.id(), agenda.todayFor(userId));
        ctx.redirect("/contacts/" + contact.id() + "?done=unsnoozed", HttpStatus.SEE_OTHER);
    }

    private void back(Context ctx) {
        long userId = Sessions.userId(ctx);
        Contact contact = contacts.endAway(userId, contacts.get(userId, Params.id(ctx)).id(), agenda.todayFor(userId));
        ctx.redirect("/contacts/" + contact.id() + "?done=back", HttpStatus.SEE_OTHER);
    }

    /** Asks before deleting an interaction: it cannot be brought back. */
    private void confirmForget(Context ctx) {
        long userId = Sessions.userId(ctx);
        Contact contact = contacts.get(userId, Params.id(ctx));
        Interaction interaction = interactions.onTimeline(userId, contact.id(), Params.id(ctx, "interaction", "interaction"));
        templates.render(ctx, "contact/forget.jte", new ForgetPage(Layout.of(ctx, "Delete a touch", "contacts"), contact, interaction));
    }

    /** Takes an interaction off the contact's timeline (a touch logged by mistake); for all who took part in it. */
    private void forget(Context ctx) {
        long userId = Sessions.userId(ctx);
        Contact contact = contacts.get(userId, Params.id(ctx));
        interactions.deleteFromTimeline(userId, contact.id(), Params.id(ctx, "interaction", "interaction"));
        ctx.redirect("/contacts/" + contact.id() + "?done=forgotten", HttpStatus.SEE_OTHER);
    }

    private void refused(Context ctx, Contact contact, ContactForm form, TouchForm touch, String awayUntil, FieldError error) {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        page(ctx, contact, form, touch, awayUntil, error, null);
    }

    private void page(Context ctx, Contact contact, ContactForm form, TouchForm touch, String awayUntil, FieldError error,
                      String notice) {
        page(ctx, contact, form, touch, awayUntil, error, notice, List.of());
    }

    private void page(Context ctx, Contact contact, ContactForm form, TouchForm touch, String awayUntil, FieldError error,
                      String notice, List<ContactService.Alike> alike) {
        long userId = Sessions.userId(ctx);
        Profile me = agenda.profileOf(userId);
        LocalDate today = agenda.today(me);
        ContactRow row = row(contact, today);
        TouchForm shownTouch = touch.on().isEmpty() ? new TouchForm(touch.kind(), today.toString(), touch.note()) : touch;
        String cadence = contact.cadence() == null ? "Untracked: in no circle, with no cadence of their own"
                : "Every " + contact.cadence().describe() + (contact.ownCadence() != null ? " (their own)" : " (from their circles)");
        templates.render(ctx, "contact/show.jte", new ContactPage(Layout.of(ctx, contact.name(), "contacts"), contact,
                row.due(), row.dueNow(), cadence, interactions.timeline(userId, contact.id()), form, shownTouch, awayUntil,
                circles.choices(userId), TodayPages.KINDS, error, notice, today, alike, contact.placeZone(me.country())));
    }

    /**
     * A fresh "log a touch" form: the kind Today suggests for the contact (coffee with someone in your city, a video
     * call with someone far away, else a message), on the day it is for the user (filled in when the page is made).
     */
    private TouchForm newTouch(Context ctx, Contact contact) {
        Kind suggested = KindOptions.kindFor(agenda.formatFor(Sessions.userId(ctx), contact.city(), contact.country()));
        return new TouchForm(suggested.word(), "", "");
    }

    static ContactRow row(Contact contact, LocalDate today) {
        String work = contact.title() == null ? contact.company()
                : contact.company() == null ? contact.title() : contact.title() + ", " + contact.company();
        String due;
        if (contact.archived()) {
            due = "archived";
        } else if (contact.dueOn() == null) {
            due = "untracked";
        } else if (contact.offForGood() != null) {
            due = "never, while " + contact.offForGood();
        } else if (contact.dueOn().isBefore(today)) {
            long days = ChronoUnit.DAYS.between(contact.dueOn(), today);
            due = days + (days == 1 ? " day overdue" : " days overdue");
        } else if (contact.dueOn().equals(today)) {
            due = "today";
        } else {
            // A date that waits for a snooze or an absence to end says so: the list would else look like any other.
            String waiting = contact.waitingFor(today);
            due = Dates.written(contact.dueOn()) + (waiting == null ? "" : " (" + waiting + ")");
        }
        return new ContactRow(contact.id(), contact.name(), String.join(", ", contact.circles()), work == null ? "" : work,
                contact.city() == null ? "" : contact.city(), due, contact.dueOn() != null && !contact.dueOn().isAfter(today));
    }

    private static ContactForm readForm(Context ctx) {
        return new ContactForm(param(ctx, "name"), param(ctx, "emails"), param(ctx, "phones"), param(ctx, "company"),
                param(ctx, "title"), param(ctx, "city"), param(ctx, "country"), param(ctx, "timezone"),
                param(ctx, "linkedinUrl"), param(ctx, "metHow"), param(ctx, "metOn"), param(ctx, "birthday"), param(ctx, "notes"),
                param(ctx, "strengths"), param(ctx, "tags"), ctx.formParams("circles"), param(ctx, "every"),
                String.join(",", ctx.formParams("days")));
    }

    private static String param(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
