package app.kith.web;

import app.kith.shared.KithException;
import app.kith.shared.NotFoundException;
import app.kith.shared.PlainText;
import app.kith.shared.ValidationException;
import app.kith.storage.DatabaseFailures;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.EndpointNotFound;
import io.javalin.router.JavalinDefaultRoutingApi;
import jakarta.servlet.ServletException;
import org.eclipse.jetty.io.EofException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps every error to one clear message: a small page for browsers, JSON for API and htmx callers; never a stack trace. */
final class ErrorPages {
    private final Templates templates;
    private final Sessions sessions;

    ErrorPages(Templates templates, Sessions sessions) {
        this.templates = templates;
        this.sessions = sessions;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.exception(NotFoundException.class, (e, ctx) -> {
            if (!signedOutMeanwhile(ctx)) {
                show(ctx, HttpStatus.NOT_FOUND, e.getMessage());
            }
        });
        routes.exception(ValidationException.class, (e, ctx) -> show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage()));
        routes.exception(KithException.class, (e, ctx) -> show(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
        routes.exception(EndpointNotFound.class, (e, ctx) -> show(ctx, HttpStatus.NOT_FOUND, "there is no page at " + ctx.path()));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
                // Ours says what to do; Javalin's, for a body sent in chunks that passed the limit, says only "Content Too Large".
                BodyLimits.discardRest(ctx);
                show(ctx, HttpStatus.CONTENT_TOO_LARGE, BodyLimits.tooLarge(ctx));
            } else if (e.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.getCode()) {
                String allowed = String.join(", ", e.getDetails().values()).replaceAll("[\\[\\]]", "");
                ctx.header("Allow", allowed);
                // Every page takes HEAD as it takes GET (PageRoutes): not worth saying to someone who sent a form.
                String said = allowed.replace(", HEAD", "").replace("HEAD, ", "").replace(", ", " or ");
                show(ctx, HttpStatus.METHOD_NOT_ALLOWED, "the page at " + ctx.path() + " takes " + said + ", not " + ctx.method()
                        + ": open it from a link, or send the form on its page");
            } else {
                show(ctx, HttpStatus.forStatus(e.getStatus()), e.getMessage());
            }
        });
        routes.exception(ServletException.class, (e, ctx) -> {
            // An upload is read (by the CSRF check, or the page) only as far as its limits; past them Jetty gives up.
            if (refusedFor(e, "size exceeded")) {
                BodyLimits.discardRest(ctx);
                show(ctx, HttpStatus.CONTENT_TOO_LARGE, ImportPages.TOO_LARGE);
            } else if (refusedFor(e, "Form is larger than max length")) {
                // Jetty's limit on a form's fields (200,000 bytes), which in an upload holds for every part but the file.
                BodyLimits.discardRest(ctx);
                show(ctx, HttpStatus.CONTENT_TOO_LARGE, ImportPages.FIELDS_TOO_LARGE);
            } else {
                show(ctx, HttpStatus.BAD_REQUEST, "the form could not be read: reload the page and send it again");
            }
        });
        routes.exception(Exception.class, (e, ctx) -> {
            // A browser that went away (a closed tab, a stopped load) can be sent nothing, and is no error of ours.
            if (clientGone(e) || signedOutMeanwhile(ctx)) {
                return;
            }
            // The database's own trouble (a full disk, a read-only file) is said as such: the user may fix it.
            Optional<String> database = DatabaseFailures.explain(e);
            if (database.isPresent()) {
                show(ctx, HttpStatus.SERVICE_UNAVAILABLE, database.get() + "; nothing was changed");
            } else {
                // The page says nothing of it; whoever runs the server is told what failed and where, in one line.
                System.err.println("kith: " + ctx.method() + " " + ctx.path() + " answered 500: " + summary(e));
                show(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "something went wrong on our side; nothing was changed");
            }
        });
        // These run after any answer with the status, also one of ours that already says what is wrong.
        routes.error(404, ctx -> {
            if (!answered(ctx)) {
                show(ctx, HttpStatus.NOT_FOUND, "there is no page at " + ctx.path());
            }
        });
        routes.error(413, ctx -> {
            if (!answered(ctx)) {
                show(ctx, HttpStatus.CONTENT_TOO_LARGE, "the request is too large");
            }
        });
    }

    /** Whether the error is the client's connection closed while the answer was written (Jetty's EofException). */
    private static boolean clientGone(Throwable error) {
        return causes(error).stream().anyMatch(EofException.class::isInstance);
    }

    /** The error and its causes, outermost first. */
    private static List<Throwable> causes(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = error; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    /** An error as one line: each cause's type and message, and the place in Kith's code it came from. */
    static String summary(Throwable error) {
        StringBuilder line = new StringBuilder();
        StackTraceElement ours = null;
        for (Throwable cause : causes(error)) {
            line.append(line.isEmpty() ? "" : "; caused by ").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                line.append(": ").append(PlainText.oneLine(cause.getMessage()));
            }
            for (StackTraceElement frame : cause.getStackTrace()) {
                if (ours == null && frame.getClassName().startsWith("app.kith.")) {
                    ours = frame;
                }
            }
        }
        return ours == null ? line.toString() : line + " (at " + ours.getClassName() + "." + ours.getMethodName() + ":" + ours.getLineNumber() + ")";
    }

    /**
     * Answers as to a signed-out browser, and says so, when the request failed because its session had just ended
     * elsewhere (its account removed by another process): not a 404 or a 500 for what is no fault of the page.
     */
    private boolean signedOutMeanwhile(Context ctx) {
        if (!sessions.endedMeanwhile(ctx)) {
            return false;
        }
        sessions.end(ctx);
        show(ctx, HttpStatus.UNAUTHORIZED, "you were signed out meanwhile (the session ended, or the account was removed): sign in again");
        return true;
    }

    /** Whether the request has its answer: a page rendered (written straight out) or a result such as JSON. */
    private static boolean answered(Context ctx) {
        return Templates.rendered(ctx) || (ctx.result() != null && !ctx.result().isEmpty());
    }

    /**
     * Whether Jetty refused a multipart body for passing one of its limits, told by the words of its message: "size
     * exceeded" for the file or request size set in the multipart config, "Form is larger than max length" for the
     * fields besides the file.
     */
    private static boolean refusedFor(Throwable error, String words) {
        for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof IllegalStateException && cause.getMessage() != null && cause.getMessage().contains(words)) {
                return true;
            }
        }
        return false;
    }

    private void show(Context ctx, HttpStatus status, String message) {
        ctx.status(status);
        if (wantsJson(ctx)) {
            ctx.json(Map.of("error", message, "status", status.getCode()));
            return;
        }
        // Said as a sentence, as a form's errors are ("There is no contact with id 12."); JSON keeps the service's words.
        // Signed in, in the app's frame, with the menu to go on from.
        ErrorPage page = new ErrorPage(status.getCode(), status.getMessage(), FieldError.sentence(message),
                Sessions.current(ctx).isPresent() ? Layout.of(ctx, status.getMessage(), "") : null);
        if (ctx.header("HX-Request") != null) {
            // Not in place of what the request was for (a Today entry, the search results): in the page's message
            // area, which a later answer that succeeds empties again.
            ctx.header("HX-Retarget", "#htmx-error");
            ctx.header("HX-Reswap", "innerHTML");
            templates.render(ctx, "errorFragment.jte", page);
        } else {
            templates.render(ctx, "error.jte", page);
        }
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return ctx.path().startsWith("/api/") || (accept != null && accept.contains("application/json") && !accept.contains("text/html"));
    }
}
