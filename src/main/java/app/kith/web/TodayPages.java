package app.kith.web;

import app.kith.agenda.Agenda;
import app.kith.agenda.AgendaService;
import app.kith.contact.Cadence;
import app.kith.contact.Contact;
import app.kith.contact.ContactService;
import app.kith.interaction.Interaction;
import app.kith.interaction.InteractionService;
import app.kith.interaction.Kind;
import app.kith.shared.Dates;
import app.kith.shared.NotFoundException;
import app.kith.shared.ValidationException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Today (the home page): whom to reach out to, with one-tap logging and snoozing that need no page reload. */
final class TodayPages {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final int WEEK_AHEAD = 7;
    /** How many of those due in the week ahead are named: enough for a glance, not a wall of names. */
    private static final int AHEAD_SHOWN = 20;
    /** The most ids a page's {@code shown} field is read for: more than any day shows (the daily limit is at most 100). */
    private static final int MAX_SHOWN = 1_000;
    static final List<String> KINDS = Arrays.stream(Kind.values()).map(Kind::word).toList();

    private final AgendaService agenda;
    private final ContactService contacts;
    private final InteractionService interactions;
    private final Templates templates;
    private final KindOptions kindOptions;
    private final PageCache pages;

    TodayPages(AgendaService agenda, ContactService contacts, InteractionService interactions, Templates templates, PageCache pages) {
        this.agenda = agenda;
        this.contacts = contacts;
        this.interactions = interactions;
        this.templates = templates;
        this.kindOptions = new KindOptions(templates);
        this.pages = pages;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/", this::today);
        routes.post("/contacts/{id}/touches", this::logTouch);
        routes.post("/contacts/{id}/snooze", this::snooze);
        routes.post("/contacts/{id}/touches/{interaction}/undo", this::undoTouch);
        routes.post("/contacts/{id}/snooze/undo", this::undoSnooze);
    }

    private void today(Context ctx) {
        pages.send(ctx, "today/today.jte", (profile, today) -> {
            long userId = Sessions.userId(ctx);
            Agenda day = agenda.day(userId, today, profile);
            return new TodayPage(Layout.of(ctx, "Today", "today"), DAY.format(today), day, kindOptions,
                    weekAhead(userId, day), notice(ctx, userId));
        });
    }

    /**
     * After a touch or a snooze sent as a plain form: what was done and its Undo, from the ids in the address (never
     * words from it), as the page answers an htmx request in place. An address edited by hand, someone else's ids, or
     * a change undone since say nothing.
     */
    private DoneNotice notice(Context ctx, long userId) {
        String done = ctx.queryParam("done");
        if (done == null) {
            return null;
        }
        try {
            long contactId = Long.parseLong(String.valueOf(ctx.queryParam("contact")));
            if (done.equals("logged")) {
                // On their timeline, so one of the user's contacts, and named in it: the rest of the contact is not read.
                Interaction logged = interactions.onTimeline(userId, contactId, Long.parseLong(String.valueOf(ctx.queryParam("interaction"))));
                String name = logged.with().stream().filter(person -> person.id() == contactId).findFirst().orElseThrow().name();
                return new DoneNotice("Logged " + logged.kind().word() + " with " + name + ".", undoTouch(contactId, logged.id()));
            }
            Contact contact = contacts.get(userId, contactId);
            LocalDate through = Params.date(ctx.queryParam("through"), null);
            // Only the snooze made: one changed since (in another tab, by a command) is not said to be this one.
            if (done.equals("snoozed") && contact.snoozedUntil() != null && (through == null || through.equals(contact.snoozedUntil()))) {
                String until = ctx.queryParam("until");
                return new DoneNotice("Snoozed " + contact.name() + " " + Dates.through(contact.snoozedUntil()) + ".",
                        undoSnooze(contact.id(), contact.snoozedUntil(), until == null ? null : LocalDate.parse(until)));
            }
        } catch (NumberFormatException | NotFoundException | DateTimeParseException | ValidationException e) {
            // Nothing to say.
        }
        return null;
    }

    private void logTouch(Context ctx) {
        long userId = Sessions.userId(ctx);
        long contactId = Params.id(ctx);
        // Their name is all a touch says of them: the rest of the contact is not read.
        String name = contacts.name(userId, contactId);
        Kind kind = Kind.parse(ctx.formParam("kind"));
        String note = ctx.formParam("note");
        LocalDate today = agenda.todayFor(userId);
        LocalDate on = Params.date(ctx.formParam("on"), today);
        Set<Long> shown = shownBefore(ctx, userId, today);
        Interaction touch = interactions.log(userId, List.of(contactId), kind, on, note, today);
        // A like or a comment is kept on the timeline but is no touch: why they stay due is said with it.
        String logged = "Logged " + kind.word() + " with " + name + (kind.touch() ? "." : "; a like or a comment does not count as being in touch.");
        done(ctx, logged, contactId, today, shown,
                undoTouch(contactId, touch.id()), "/?done=logged&contact=" + contactId + "&interaction=" + touch.id());
    }

    private void snooze(Context ctx) {
        long userId = Sessions.userId(ctx);
        Contact contact = contacts.get(userId, Params.id(ctx));
        Cadence duration = Cadence.parse(ctx.formParam("for"));
        LocalDate today = agenda.todayFor(userId);
        LocalDate through = duration.after(today).minusDays(1);
        Set<Long> shown = shownBefore(ctx, userId, today);
        // A snooze this one replaces, still running: the Undo puts it back rather than ending both.
        LocalDate replaced = contact.snoozedUntil() != null && !contact.snoozedUntil().isBefore(today) ? contact.snoozedUntil() : null;
        contacts.snooze(userId, contact.id(), through, today);
        done(ctx, "Snoozed " + contact.name() + " " + Dates.through(through) + ".", contact.id(), today, shown,
                undoSnooze(contact.id(), through, replaced),
                "/?done=snoozed&contact=" + contact.id() + "&through=" + through + (replaced == null ? "" : "&until=" + replaced));
    }

    /** The address that takes back a touch logged on Today. */
    private static String undoTouch(long contactId, long interactionId) {
        return "/contacts/" + contactId + "/touches/" + interactionId + "/undo";
    }

    /**
     * The address that undoes the snooze made through {@code through}: it ends it, or puts back the one it replaced
     * (through {@code replaced}).
     */
    private static String undoSnooze(long contactId, LocalDate through, LocalDate replaced) {
        return "/contacts/" + contactId + "/snooze/undo?through=" + through + (replaced == null ? "" : "&until=" + replaced);
    }

    /**
     * Undo of a touch logged on Today: it goes from the timeline, and the contact's place on the page says so, with
     * their entry under it when that makes them due again; the rest of the page follows as after any change. Other
     * entries' messages, and their Undo, stay (a plain form reloaded the page, and they went).
     */
    private void undoTouch(Context ctx) {
        long userId = Sessions.userId(ctx);
        Contact contact = contacts.get(userId, Params.id(ctx));
        Interaction touch = interactions.onTimeline(userId, contact.id(), Params.id(ctx, "interaction", "interaction"));
        LocalDate today = agenda.todayFor(userId);
        Set<Long> shown = shownBefore(ctx, userId, today);
        interactions.deleteFromTimeline(userId, contact.id(), touch.id());
        done(ctx, "Took back the " + touch.kind().word() + " with " + contact.name() + ".", contact.id(), today, shown, null,
                "/#entry-" + contact.id());
    }

    /**
     * Undo of a snooze made on Today ({@code through}, its last day): it ends, or the one it replaced comes back
     * ({@code until}, its last day). A snooze changed since (snoozed again in another tab or by a command, or ended)
     * stays as it is, and the page says so: the Undo was of another.
     */
    private void undoSnooze(Context ctx) {
        long userId = Sessions.userId(ctx);
        Contact contact = contacts.get(userId, Params.id(ctx));
        LocalDate today = agenda.todayFor(userId);
        LocalDate made = Params.date(ctx.queryParam("through"), null);
        LocalDate replaced = Params.date(ctx.queryParam("until"), null);
        Set<Long> shown = shownBefore(ctx, userId, today);
        if (made != null && !made.equals(contact.snoozedUntil())) {
            String now = contact.snoozedUntil() == null || contact.snoozedUntil().isBefore(today) ? "it has ended"
                    : "it stays, " + Dates.through(contact.snoozedUntil());
            done(ctx, "The snooze of " + contact.name() + " was changed since: " + now + ".", contact.id(), today, shown, null,
                    "/#entry-" + contact.id());
            return;
        }
        if (replaced != null && !replaced.isBefore(today)) {
            contacts.snooze(userId, contact.id(), replaced, today);
        } else {
            contacts.endSnooze(userId, contact.id(), today);
        }
        done(ctx, "Took back the snooze of " + contact.name() + ".", contact.id(), today, shown, null, "/#entry-" + contact.id());
    }

    /**
     * Whom the page shows before a change made on it without a reload (htmx), to tell who moves up after it: as the
     * page says ({@code shown}, which each change brings up to date), else Today's agenda as it is now. The page's
     * word is also the truer: a change made elsewhere meanwhile (another tab, a command) moved up people it does not
     * show. Null for a plain form, which goes back to a whole page.
     */
    private Set<Long> shownBefore(Context ctx, long userId, LocalDate today) {
        if (ctx.header("HX-Request") == null) {
            return null;
        }
        Set<Long> said = Params.ids(ctx.formParam("shown"), MAX_SHOWN);
        return said != null ? said : ids(agenda.day(userId, today).due());
    }

    /** The ids of a list of entries, in its order, as the page's {@code shown} field holds them. */
    static Set<Long> ids(List<Agenda.Entry> entries) {
        return entries.stream().map(Agenda.Entry::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * What a one-tap change answers; {@code undo} is the address that takes the change back (null for an undo). A
     * plain form ({@code shown} null) goes back where it asks, else to {@code told}: Today, saying what was done.
     * From htmx, the entry's message; whoever is due now that the page does not show joins it, and whoever it shows
     * that is no longer due today leaves it.
     */
    private void done(Context ctx, String message, long contactId, LocalDate today, Set<Long> shown, String undo, String told) {
        if (shown == null) {
            String back = Params.safeBack(ctx, "/");
            ctx.redirect(back.equals("/") ? told : back, HttpStatus.SEE_OTHER);
            return;
        }
        Agenda after = agenda.day(Sessions.userId(ctx), today);
        // The contact's own entry stays where it is, as their message (or still due, under it): it is not sent again.
        List<Agenda.Entry> joining = after.due().stream().filter(entry -> entry.id() != contactId && !shown.contains(entry.id())).toList();
        Agenda.Entry stillDue = after.due().stream().filter(entry -> entry.id() == contactId).findFirst().orElse(null);
        // An undo replaces a message, not the entry: one the page still shows (a social touch left them due, or they
        // joined it again since) stays where it is, and is not sent twice.
        boolean entryShown = undo == null && stillDue != null && shown.contains(contactId);
        // Whoever the page shows and is no longer on Today leaves it: a change made elsewhere (another tab logged
        // them, or reached someone, which lowers what the day's limit leaves) would else keep them listed under a
        // count that leaves them out. The contact's own entry is what a touch or a snooze replaces; an undo replaces
        // their message, so an entry still under it (a social touch left them due) leaves as anyone's does.
        Set<Long> due = ids(after.due());
        List<Long> leaving = shown.stream().filter(id -> (id != contactId || undo == null) && !due.contains(id)).toList();
        Set<Long> nowShown = new LinkedHashSet<>(shown);
        nowShown.removeAll(leaving);
        if (stillDue == null) {
            nowShown.remove(contactId);
        } else {
            nowShown.add(contactId); // due again after an undo: their entry is back
        }
        nowShown.addAll(ids(joining));
        String said = stillDue == null ? message : message + (undo == null && !entryShown ? " They are due." : " They are still due.");
        templates.render(ctx, "today/doneFragment.jte", new DoneFragment(said,
                contactId, after, joining, leaving, entryShown ? null : stillDue, kindOptions, Security.pageToken(ctx), undo,
                weekAhead(Sessions.userId(ctx), after), Params.idList(nowShown)));
    }

    /**
     * Who comes due in the week after the day of {@code day}'s agenda: below it, and brought up to date after a
     * one-tap change. Whether nobody comes due at all is told from the agenda too: someone due today (listed or
     * waiting) is nobody {@link AgendaService#next} names.
     */
    private WeekAhead weekAhead(long userId, Agenda day) {
        LocalDate today = day.date();
        AgendaService.Ahead ahead = agenda.upcoming(userId, today, WEEK_AHEAD, AHEAD_SHOWN);
        AgendaService.Upcoming next = ahead.first().isEmpty() ? agenda.next(userId, today).orElse(null) : null;
        boolean dueToday = !day.due().isEmpty() || day.waiting() > 0;
        boolean nobodyComes = ahead.first().isEmpty() && next == null && !dueToday;
        return new WeekAhead(ahead, WeekAhead.days(today, WEEK_AHEAD), next, dueToday, day.waiting(), nobodyComes);
    }
}
