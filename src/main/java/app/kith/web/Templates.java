package app.kith.web;

import gg.jte.TemplateEngine;
import io.javalin.http.Context;
import io.javalin.http.Header;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Renders the jte templates precompiled into the jar (src/main/jte), escaping HTML by context. */
final class Templates {
    /** Said in the header too, not only in the page's meta tag: the bytes are UTF-8 whatever the page is. */
    private static final String HTML = "text/html; charset=utf-8";
    /** Set on a request once a page was written for it: straight to the output stream, so not in its result. */
    private static final String RENDERED = "kith.rendered";
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(gg.jte.ContentType.Html);
    /** The size of each template's last page: the next one starts in an array that big, not in one grown to it. */
    private final Map<String, Integer> lastLengths = new ConcurrentHashMap<>();

    /**
     * Renders a page or fragment template with its one model record and sends it as HTML. Rendered straight to
     * UTF-8: the templates' static text is precompiled to bytes, so only the values are encoded per request.
     */
    void render(Context ctx, String template, Object model) {
        HtmlOutput output = output(template, model);
        // Written in one piece once whole (an error while rendering still gets its own page), straight from the
        // page's array: a result of bytes would be copied once more, then again through a buffer in small writes.
        send(ctx, output.bytesInPlace(), output.length());
    }

    /** A page's bytes, to be sent ({@link #send(Context, byte[])}) and sent again. */
    byte[] bytesOf(String template, Object model) {
        return output(template, model).bytes();
    }

    /** Sends a page rendered before, as HTML. */
    void send(Context ctx, byte[] html) {
        send(ctx, html, html.length);
    }

    /**
     * Sends a page rendered and gzipped before ({@link Gzipped}), as gzipped HTML: said so in Content-Encoding, which
     * keeps the server from compressing it again.
     */
    void sendGzipped(Context ctx, byte[] gzipped) {
        ctx.header(Header.CONTENT_ENCODING, Gzipped.ENCODING);
        ctx.header(Header.VARY, Header.ACCEPT_ENCODING);
        send(ctx, gzipped, gzipped.length);
    }

    private HtmlOutput output(String template, Object model) {
        HtmlOutput output = new HtmlOutput(lastLengths.getOrDefault(template, 0) + 1024);
        engine.render(template, model, output);
        lastLengths.put(template, output.length());
        return output;
    }

    private static void send(Context ctx, byte[] html, int length) {
        ctx.contentType(HTML);
        ctx.attribute(RENDERED, Boolean.TRUE);
        try {
            ctx.outputStream().write(html, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a page or fragment was rendered for this request (see {@link #render}). */
    static boolean rendered(Context ctx) {
        return ctx.attribute(RENDERED) != null;
    }

    /** A template rendered once, as its UTF-8: for a part of pages that is always the same ({@link KindOptions}). */
    byte[] bytes(String template, Object model) {
        HtmlOutput output = new HtmlOutput(1024);
        engine.render(template, model, output);
        return output.bytes();
    }
}
