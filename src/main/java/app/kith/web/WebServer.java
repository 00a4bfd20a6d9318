package app.kith.web;

import app.kith.Kith;
import app.kith.shared.KithException;
import app.kith.shared.Quoted;
import app.kith.storage.Dialect;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.SizeUnit;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;

/** The web app: Javalin over the feature services, with its security rules, pages and static files. */
public final class WebServer implements AutoCloseable {
    /**
     * How long a stop waits for the requests in flight: an upload of 20 MiB at 1 MB/s finishes. Under the 30 s a
     * service manager commonly grants before it kills (Kubernetes; systemd grants 90 s).
     */
    public static final int STOP_SECONDS = 25;
    static final long MAX_BODY_BYTES = 1024 * 1024;
    /**
     * Gzip at zlib's fastest level: on Today (75 KB of HTML for 50 due) the default level 6 takes ~0.5 ms of CPU,
     * more than building the page, for 4.4 KB; level 1 takes a quarter of that for 5.3 KB.
     */
    static final int GZIP_LEVEL = 1;
    private static final String HTMX = "/META-INF/resources/webjars/htmx.org/2.0.8/dist/htmx.min.js";

    private final Javalin app;
    private final PageCache pages;

    private WebServer(Javalin app, PageCache pages) {
        this.app = app;
        this.pages = pages;
    }

    /** Builds the app and starts serving; port 0 picks a free port (see {@link #port()}). */
    public static WebServer start(Kith kith, WebConfig config, Clock clock) {
        // Imports an instance left unfinished when it stopped will never end: say so on their pages.
        kith.importJobs().markInterrupted();
        kith.passwords().prepare();
        Templates templates = new Templates();
        PageCache pages = new PageCache(kith.database(), kith.accounts(), templates, clock);
        Clients clients = new Clients(config.behindProxy());
        Sessions sessions = new Sessions(kith.sessions(), config.secureCookies(), clients);
        Security security = new Security(sessions);
        byte[] htmx = resource(HTMX);
        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.http.maxRequestSize = MAX_BODY_BYTES;
            // A page asked for with a method it does not take (a form sent to a page only shown) is told so, not "no page".
            javalin.http.prefer405over404 = true;
            javalin.http.compressionStrategy = new CompressionStrategy(null, new Gzip(GZIP_LEVEL));
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            // Uploads (the Import page) are written to a temporary file past 1 MiB; past 20 MiB they are refused.
            javalin.jetty.multipartConfig.maxFileSize(ImportPages.MAX_FILE_BYTES, SizeUnit.BYTES);
            javalin.jetty.multipartConfig.maxTotalRequestSize(ImportPages.MAX_REQUEST_BYTES, SizeUnit.BYTES);
            javalin.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            javalin.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_SECONDS * 1000L);
                server.setErrorHandler(new Security.JettyErrors());
            });
            if (kith.database().dialect() == Dialect.SQLITE) {
                javalin.jetty.threadPool = sqliteThreads();
            }
            javalin.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            javalin.routes.before(ctx -> Security.headers(ctx::header));
            // A file sent elsewhere, or a body that is no form, is told so (415) before its size is judged by a form's limit.
            javalin.routes.before(ctx -> BodyLimits.refuseOtherBodies(ctx, sessions));
            javalin.routes.before(ctx -> BodyLimits.refuseOversize(ctx, sessions));
            javalin.routes.before(security::check);
            PageRoutes routes = new PageRoutes(javalin.routes);
            routes.get("/healthz", ctx -> ctx.result("ok"));
            routes.get("/static/htmx.min.js", ctx -> {
                ctx.header("Cache-Control", "public, max-age=86400");
                ctx.contentType("text/javascript").result(htmx);
            });
            new ErrorPages(templates, sessions).register(routes);
            new AuthPages(kith.accounts(), kith.throttle(), clients, kith.setupLinks(), sessions, security, templates, pages)
                    .register(routes);
            new TodayPages(kith.agenda(), kith.contacts(), kith.interactions(), templates, pages).register(routes);
            new ContactPages(kith.contacts(), kith.circles(), kith.interactions(), kith.agenda(), templates).register(routes);
            new CirclePages(kith.circles(), templates).register(routes);
            new SettingsPages(kith.accounts(), kith.throttle(), clients, sessions, templates, kith.exports(), pages).register(routes);
            new ImportPages(kith.importJobs(), kith.circles(), templates).register(routes);
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            app.stop();
            throw cannotListen(config, e);
        }
        return new WebServer(app, pages);
    }

    /**
     * On SQLite a request's work is all on the CPU (the database is in the process), so the server works on two
     * requests per core at a time and the others wait their turn, first come first served: under load that gives
     * more pages a second and a shorter tail than many threads taking turns on two cores (and on eight pooled
     * connections). The pool also holds Jetty's acceptor and selector threads. On PostgreSQL, where a request waits
     * on the network, Jetty's own pool stays.
     */
    private static QueuedThreadPool sqliteThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        int jettysOwn = 2;
        QueuedThreadPool pool = new QueuedThreadPool(jettysOwn + 2 * cores, jettysOwn + 2 * cores);
        pool.setName("kith-web");
        return pool;
    }

    /** Why the server could not take its address, in a user's words: the port in use, or an address not of this machine. */
    private static KithException cannotListen(WebConfig config, RuntimeException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException) {
                return new KithException(Quoted.of(config.host()) + " is not a host name or address: give one of this machine's, "
                        + "such as 127.0.0.1 (this machine only) or 0.0.0.0 (every network)", error);
            }
            if (cause instanceof BindException bind) {
                String message = String.valueOf(bind.getMessage());
                if (message.contains("already in use")) {
                    return new KithException("port " + config.port() + " is in use (another Kith?): give another with --port, "
                            + "or --port 0 for a free one", error);
                }
                return new KithException("cannot listen on " + Quoted.of(config.host()) + ": " + message
                        + "; give one of this machine's addresses with --host, such as 127.0.0.1", error);
            }
        }
        return new KithException("the web server could not start: " + error.getMessage(), error);
    }

    private static byte[] resource(String path) {
        try (InputStream in = WebServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many pages are kept to be sent again (see {@link PageCache}). */
    int pagesKept() {
        return pages.kept();
    }

    /** How many pages were sent again as kept, not rendered (see {@link PageCache}). */
    long pagesSentAgain() {
        return pages.sentAgain();
    }

    /** How many kept pages were gzipped (see {@link PageCache}). */
    long pagesGzipped() {
        return pages.gzipped();
    }

    /** The bytes of the pages kept, plain and gzipped (for tests). */
    long pagesKeptBytes() {
        return pages.bytes();
    }

    public int port() {
        return app.port();
    }

    /** Stops taking requests, lets those in flight finish (up to {@link #STOP_SECONDS}), then stops. */
    @Override
    public void close() {
        app.stop();
    }
}
