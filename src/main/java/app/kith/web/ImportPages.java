package app.kith.web;

import app.kith.contact.CircleChoice;
import app.kith.contact.CircleService;
import app.kith.exchange.BadRows;
import app.kith.exchange.ImportFormat;
import app.kith.exchange.ImportJobs;
import app.kith.exchange.ImportService;
import app.kith.shared.ValidationException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** The Import page: upload a file, then follow its import, which runs in the background, to its summary. */
final class ImportPages {
    /** The largest file the page takes; larger uploads are answered 413 and not kept. */
    static final long MAX_FILE_BYTES = ImportJobs.MAX_FILE_BYTES;
    /** The whole request: the file plus the form's few small fields and the multipart framing. */
    static final long MAX_REQUEST_BYTES = MAX_FILE_BYTES + 64 * 1024;

    /** What a file over the limit is told, whether its size was declared or found while reading it. */
    static final String TOO_LARGE = "the file is larger than 20 MB, the most the Import page takes: split it in two,"
            + " or import it with the kith import command";
    /** What an upload is told whose fields besides the file (the format, the circle) pass Jetty's limit on a form's. */
    static final String FIELDS_TOO_LARGE = "the form's fields besides the file are larger than the Import page takes (the"
            + " format and circle are a word each): reload the page, choose from its lists and send it again";

    private final ImportJobs jobs;
    private final CircleService circles;
    private final Templates templates;

    ImportPages(ImportJobs jobs, CircleService circles, Templates templates) {
        this.jobs = jobs;
        this.circles = circles;
        this.templates = templates;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/import", ctx -> show(ctx, ImportForm.asked(ctx.queryParam("format"), ctx.queryParam("skipBadRows"))));
        routes.post("/import", this::upload);
        routes.get("/import/{id}", this::job);
    }

    private void upload(Context ctx) {
        long userId = Sessions.userId(ctx);
        String formatWord = field(ctx, "format");
        String circle = field(ctx, "circle").strip();
        boolean dryRun = ctx.formParam("dryRun") != null;
        boolean skipBadRows = ctx.formParam("skipBadRows") != null;
        UploadedFile file = ctx.uploadedFile("file");
        try {
            ImportFormat format = ImportFormat.of(formatWord);
            if (!circle.isEmpty() && circleNames(userId).stream().noneMatch(circle::equalsIgnoreCase)) {
                throw new ValidationException("there is no circle named '" + circle + "': choose one of the list, or none");
            }
            if (file == null || file.filename() == null || file.filename().isBlank()) {
                throw new ValidationException("no file was chosen: choose the exported file to import");
            }
            byte[] content = read(file);
            if (content.length == 0) {
                throw new ValidationException("the file " + shortName(file.filename()) + " is empty: choose the exported file itself");
            }
            long id = jobs.start(userId, format, shortName(file.filename()), content, new ImportService.Options(circle, dryRun,
                    skipBadRows ? BadRows.SKIP : BadRows.FAIL));
            ctx.redirect("/import/" + id, HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            show(ctx, new ImportForm(formatWord, circle, dryRun, skipBadRows, FieldError.sentence(e.getMessage())));
        }
    }

    private void job(Context ctx) {
        boolean polled = ctx.header("HX-Request") != null;
        ImportJobFragment fragment = new ImportJobFragment(jobs.get(Sessions.userId(ctx), Params.id(ctx, "import")), polled);
        if (polled) {
            templates.render(ctx, "exchange/jobFragment.jte", fragment);
        } else {
            templates.render(ctx, "exchange/job.jte", new ImportJobPage(Layout.of(ctx, fragment.job().fileName(), "import"), fragment));
        }
    }

    private void show(Context ctx, ImportForm form) {
        long userId = Sessions.userId(ctx);
        templates.render(ctx, "exchange/import.jte", new ImportPage(Layout.of(ctx, "Import", "import"),
                Arrays.asList(ImportFormat.values()), circleNames(userId), form, jobs.recent(userId)));
    }

    private List<String> circleNames(long userId) {
        return circles.choices(userId).stream().map(CircleChoice::name).toList();
    }

    private static byte[] read(UploadedFile file) {
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's own name, without a folder (some browsers send the whole path), at most 200 characters. */
    static String shortName(String filename) {
        // A browser sends a quote in a file's name as %22, and a line break as %0D or %0A (the HTML standard's form
        // encoding), shown as a space; nothing else in the name is encoded, so a name that holds %22 itself is shown
        // with a quote (the two cannot be told apart).
        String sent = filename.replace("%22", "\"").replace("%0D%0A", " ").replace("%0D", " ").replace("%0A", " ");
        String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty()) {
            return "the uploaded file";
        }
        return name.length() > 200 ? name.substring(0, 199) + "…" : name;
    }


    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
