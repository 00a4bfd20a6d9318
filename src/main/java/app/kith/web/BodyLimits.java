package app.kith.web;

import app.kith.shared.Quoted;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/**
 * What a request body may be: a form, urlencoded and at most {@link WebServer#MAX_BODY_BYTES}; a file, on the Import
 * page alone and at most {@link ImportPages#MAX_REQUEST_BYTES}. Refused before anything reads or keeps it (the CSRF
 * check would), and read to its end first, so that the answer reaches the sender.
 */
final class BodyLimits {
    /**
     * How much of a refused body is read and thrown away so that its sender sees the answer: a server that closes the
     * connection while the sender is still writing makes the sender's system drop the answer ("connection reset").
     * Past this, the connection is closed unread.
     */
    static final long MAX_DISCARDED_BYTES = 256L * 1024 * 1024;

    private BodyLimits() {
    }

    /** Answers 413 to a body whose declared length is over the limit of its page. */
    static void refuseOversize(Context ctx, Sessions sessions) {
        if (ctx.method() != HandlerType.POST) {
            return;
        }
        if (ctx.contentLength() > (ctx.path().equals("/import") ? ImportPages.MAX_REQUEST_BYTES : WebServer.MAX_BODY_BYTES)) {
            sessions.load(ctx); // for the error page's way back
            discardRest(ctx);
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), tooLarge(ctx));
        }
    }

    /**
     * What a body over its page's limit is told: the same whether its length was declared (refused above) or it came
     * in chunks and the limit was met while reading it (Javalin's refusal, said in these words by {@link ErrorPages}).
     */
    static String tooLarge(Context ctx) {
        return ctx.path().equals("/import") ? ImportPages.TOO_LARGE
                : "the form is larger than 1 MiB, the most a page takes: shorten its longest field and send it again";
    }

    /**
     * Answers 415 to a form sent as a file (multipart) anywhere but the Import page, and to a body that is no form at all
     * (text, JSON, or no type with something in it): read as a form, a text/plain body, which a page elsewhere may send
     * without asking, would be taken as one.
     */
    static void refuseOtherBodies(Context ctx, Sessions sessions) {
        if (ctx.isMultipartFormData() && !ctx.path().equals("/import")) {
            refuse(ctx, sessions, "only the Import page takes files: send this form as the page does (urlencoded)");
        }
        if (ctx.method() == HandlerType.POST && !ctx.isMultipartFormData() && !ctx.isFormUrlencoded()
                && (ctx.contentType() != null || hasBody(ctx))) {
            refuse(ctx, sessions, "Kith's pages send forms (application/x-www-form-urlencoded), and this request's body is"
                    + " not one: send the form from its page");
        }
        String charset = ctx.method() == HandlerType.POST ? charset(ctx) : null;
        if (charset != null && !readable(charset)) {
            refuse(ctx, sessions, "this form's character set" + (charset.isBlank() ? " has no name" : ", " + Quoted.of(charset)
                    + ", is not one Kith can read") + ": send it in UTF-8, as Kith's pages do");
        }
    }

    /** The charset a request's Content-Type names, if any (null on a request that cannot say). */
    private static String charset(Context ctx) {
        try {
            return ctx.req().getCharacterEncoding();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static boolean readable(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {
            return false; // no charset's name at all ("", or with a quote)
        }
    }

    /** Whether the request says it carries a body: a length over 0, or chunks (no length: -1, as with none at all). */
    private static boolean hasBody(Context ctx) {
        return ctx.contentLength() > 0 || ctx.contentLength() < 0 && ctx.header("Transfer-Encoding") != null;
    }

    private static void refuse(Context ctx, Sessions sessions, String message) {
        sessions.load(ctx); // for the error page's way back
        discardRest(ctx);
        throw new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(), message);
    }

    /**
     * Reads and drops what is left of the request body, up to {@link #MAX_DISCARDED_BYTES} in all; a body declared
     * larger than that is left unread (the connection then closes). Errors are ignored: the request is refused anyway.
     */
    static void discardRest(Context ctx) {
        if (ctx.contentLength() > MAX_DISCARDED_BYTES) {
            return;
        }
        byte[] buffer = new byte[64 * 1024];
        long left = MAX_DISCARDED_BYTES;
        try {
            InputStream in = ctx.req().getInputStream();
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // The sender went away or the stream was already given up on: nothing more to do.
        }
    }
}
