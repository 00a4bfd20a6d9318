package app.kith.web;

import app.kith.contact.Cadence;
import app.kith.contact.Circle;
import app.kith.contact.CircleService;
import app.kith.shared.ValidationException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.util.Map;

/** The Circles page: list, add, rename, re-time and remove the user's circles (removing one keeps its members). */
final class CirclePages {
    private final CircleService circles;
    private final Templates templates;

    CirclePages(CircleService circles, Templates templates) {
        this.circles = circles;
        this.templates = templates;
    }

    /** What the page says after a change succeeded ({@code ?done=...}); fixed words, never echoed input. */
    private static final Map<String, String> NOTICES = Map.of(
            "added", "Circle added.", "saved", "Saved.",
            "removed", "Circle removed; its members stay in your contacts.");

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/circles", ctx -> show(ctx, CircleForm.blank(), null, notice(ctx), leftUntracked(ctx) != null));
        routes.post("/circles", this::add);
        routes.post("/circles/{id}/edit", this::edit);
        // A refused edit is shown at the address it was sent to; going back or forward there asks for the page.
        routes.get("/circles/{id}/edit", ctx -> {
            Circle circle = circles.get(Sessions.userId(ctx), Params.id(ctx, "circle"));
            ctx.redirect("/circles#circle-" + circle.id(), HttpStatus.SEE_OTHER);
        });
        routes.get("/circles/{id}/remove", this::confirmRemove);
        routes.post("/circles/{id}/remove", this::remove);
    }

    private void add(Context ctx) {
        long userId = Sessions.userId(ctx);
        String name = field(ctx, "name");
        String cadenceText = field(ctx, "cadence");
        String cadenceError = null;
        String nameError = null;
        Cadence cadence = null;
        try {
            cadence = Cadence.parse(cadenceText);
        } catch (ValidationException e) {
            cadenceError = FieldError.sentence(e.getMessage());
            nameError = nameError(userId, name, 0);
        }
        if (cadence != null) {
            try {
                Circle added = circles.add(userId, name, cadence);
                ctx.redirect("/circles?done=added#circle-" + added.id(), HttpStatus.SEE_OTHER);
                return;
            } catch (ValidationException e) {
                nameError = FieldError.sentence(e.getMessage());
            }
        }
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        show(ctx, new CircleForm(0, name, cadenceText, nameError, cadenceError), null, null);
    }

    private void edit(Context ctx) {
        long userId = Sessions.userId(ctx);
        Circle circle = circles.get(userId, Params.id(ctx, "circle"));
        String name = field(ctx, "name");
        String cadenceText = field(ctx, "cadence");
        Cadence cadence;
        try {
            cadence = Cadence.parse(cadenceText);
        } catch (ValidationException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            show(ctx, CircleForm.blank(), new CircleForm(circle.id(), name, cadenceText, nameError(userId, name, circle.id()),
                    FieldError.sentence(e.getMessage())), null);
            return;
        }
        try {
            // An unchanged cadence is passed as none, so saving a rename does not reschedule the members.
            circles.edit(userId, circle.id(), name, cadence.equals(circle.cadence()) ? null : cadence);
        } catch (ValidationException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            show(ctx, CircleForm.blank(), new CircleForm(circle.id(), name, cadenceText, FieldError.sentence(e.getMessage()), null), null);
            return;
        }
        ctx.redirect("/circles?done=saved#circle-" + circle.id(), HttpStatus.SEE_OTHER);
    }

    /**
     * What is wrong with a circle's name as typed (its form, or another circle's having it), said beside it with a bad
     * cadence's error; null if nothing is.
     */
    private String nameError(long userId, String name, long circleId) {
        return FieldError.refusal(() -> circles.checkName(userId, name, circleId));
    }

    private void confirmRemove(Context ctx) {
        Circle circle = circles.get(Sessions.userId(ctx), Params.id(ctx, "circle"));
        templates.render(ctx, "circle/remove.jte", new CircleRemovePage(Layout.of(ctx, "Remove " + circle.name(), "circles"), circle));
    }

    private void remove(Context ctx) {
        int untracked = circles.remove(Sessions.userId(ctx), Params.id(ctx, "circle")).untracked();
        ctx.redirect("/circles?done=removed" + (untracked == 0 ? "" : "&untracked=" + untracked), HttpStatus.SEE_OTHER);
    }

    /** What the page says after a change, from the address: a removal may add how many members it left untracked. */
    private static String notice(Context ctx) {
        String notice = NOTICES.get(String.valueOf(ctx.queryParam("done")));
        String untracked = leftUntracked(ctx);
        if (notice == null || untracked == null) {
            return notice;
        }
        return notice + " " + (untracked.equals("1") ? "1 of them is" : untracked + " of them are") + " now untracked (in no other "
                + "circle, with no cadence of their own): put them in another circle or give them a cadence.";
    }

    /** How many members a removal the address tells of left untracked ("2"); null when it tells of none. */
    private static String leftUntracked(Context ctx) {
        String untracked = ctx.queryParam("untracked");
        boolean told = "removed".equals(ctx.queryParam("done")) && untracked != null && untracked.matches("[1-9][0-9]{0,6}");
        return told ? untracked : null;
    }

    private void show(Context ctx, CircleForm add, CircleForm edit, String notice) {
        show(ctx, add, edit, notice, false);
    }

    private void show(Context ctx, CircleForm add, CircleForm edit, String notice, boolean untracked) {
        templates.render(ctx, "circle/circles.jte",
                new CirclesPage(Layout.of(ctx, "Circles", "circles"), circles.list(Sessions.userId(ctx)), add, edit, notice, untracked));
    }


    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
