package app.kith.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** Renders the jte templates precompiled into the jar (src/main/jte), escaping HTML by context. */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders a page or fragment template with its one model record and sends it as HTML. */
    void render(Context ctx, String template, Object model) {
        StringOutput output = new StringOutput();
        engine.render(template, model, output);
        ctx.html(output.toString());
    }
}
