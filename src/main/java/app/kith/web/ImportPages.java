package app.kith.web;

import app.kith.contact.CircleChoice;
import app.kith.contact.CircleService;
import app.kith.exchange.ImportFormat;
import app.kith.exchange.ImportJobs;
import app.kith.exchange.ImportService;
import app.kith.shared.ValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** The Import page: upload a file, then follow its import, which runs in the background, to its summary. */
final class ImportPages {
    /** The largest file the page takes; larger uploads are answered 413 and not kept. */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** The whole request: the file plus the form's few small fields and the multipart framing. */
    static final long MAX_REQUEST_BYTES = MAX_FILE_BYTES + 64 * 1024;

    /**
     * How much of a refused upload is read and thrown away so that its sender sees the 413 page: a server that closes the
     * connection while the sender is still writing makes the sender's system drop the answer ("connection reset").
     * Past this, the connection is closed unread.
     */
    static final long MAX_DISCARDED_BYTES = 256L * 1024 * 1024;

    /** What a file over the limit is told, whether its size was declared or found while reading it. */
    static final String TOO_LARGE = "the file is larger than 20 MB, the most the Import page takes: split it in two,"
            + " or import it with the kith import command";

    private final ImportJobs jobs;
    private final CircleService circles;
    private final Templates templates;

    ImportPages(ImportJobs jobs, CircleService circles, Templates templates) {
        this.jobs = jobs;
        this.circles = circles;
        this.templates = templates;
    }

    /**
     * Answers 413 to an upload whose declared length is over the limit, before anything keeps it (the CSRF check
     * would); the body is read and thrown away so that the answer reaches the sender.
     */
    static void refuseOversize(Context ctx, Sessions sessions) {
        if (ctx.method() == HandlerType.POST && ctx.contentLength() > MAX_REQUEST_BYTES) {
            sessions.load(ctx); // for the error page's way back
            discardRest(ctx);
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), TOO_LARGE);
        }
    }

    /**
     * Answers 415 to a form sent as a file (multipart) anywhere but the Import page: every other form comes
     * urlencoded, at most 1 MiB (maxRequestSize), and is refused before anything reads it (the CSRF check would).
     */
    static void refuseFilesElsewhere(Context ctx, Sessions sessions) {
        if (ctx.isMultipartFormData() && !ctx.path().equals("/import")) {
            sessions.load(ctx); // for the error page's way back
            discardRest(ctx);
            throw new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                    "only the Import page takes files: send this form as the page does (urlencoded)");
        }
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

    void register(RoutesConfig routes) {
        routes.get("/import", ctx -> show(ctx, ImportForm.blank()));
        routes.post("/import", this::upload);
        routes.get("/import/{id}", this::job);
    }

    private void upload(Context ctx) {
        long userId = Sessions.userId(ctx);
        String formatWord = field(ctx, "format");
        String circle = field(ctx, "circle").strip();
        boolean dryRun = ctx.formParam("dryRun") != null;
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
                throw new ValidationException("the file " + file.filename() + " is empty: choose the exported file itself");
            }
            long id = jobs.start(userId, format, shortName(file.filename()), content, new ImportService.Options(circle, dryRun));
            ctx.redirect("/import/" + id, HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            show(ctx, new ImportForm(formatWord, circle, dryRun, FieldError.sentence(e.getMessage())));
        }
    }

    private void job(Context ctx) {
        ImportJobFragment fragment = new ImportJobFragment(jobs.get(Sessions.userId(ctx), Params.id(ctx, "import")));
        if (ctx.header("HX-Request") != null) {
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
        String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1).strip();
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
