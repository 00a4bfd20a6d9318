package app.kith.web;

import app.kith.account.AccountService;
import app.kith.account.Profile;
import app.kith.storage.Database;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * Today, the page opened most often, as last sent to a session, sent again as it is while nothing it is made of has
 * changed: nothing committed to the database since, by this process or another (a CLI command, an import); the same
 * profile, as this process knows it; the same day for the user; the same session (the page carries its CSRF token).
 * Only where the database tells cheaply whether anything was committed (SQLite; see {@link Database#commitMark}). A
 * request with a query, from htmx, or asking for a fresh page ({@code Cache-Control: no-cache}, as a browser's hard
 * reload sends) is rendered anew. A page is kept gzipped too for browsers that accept it, so that sending it again
 * costs no compression. Pages opened once each (a contact's) are not kept: keeping them would only churn the heap.
 */
final class PageCache {
    /** The most bytes kept; past that all are let go at once (Today with 50 due is about 80 KB). */
    static final int MAX_BYTES = 16 << 20;

    private final Database database;
    private final AccountService accounts;
    private final Templates templates;
    private final Clock clock;
    private final Map<Key, Page> pages = new ConcurrentHashMap<>();
    private final AtomicLong sentAgain = new AtomicLong();
    private final AtomicLong gzipped = new AtomicLong();
    /** The bytes of the pages kept; guarded by {@code this}. */
    private long bytes;

    PageCache(Database database, AccountService accounts, Templates templates, Clock clock) {
        this.database = database;
        this.accounts = accounts;
        this.templates = templates;
        this.clock = clock;
    }

    /** A session's page at an address. */
    private record Key(long userId, String csrfToken, String path) {
    }

    /**
     * A page as sent, with what it was made of: the commit mark taken before anything was read, the profile, the day;
     * and gzipped, once a browser that accepts it asked (null before).
     */
    private record Page(long commits, Profile profile, LocalDate day, byte[] html, byte[] gzipped) {
        int size() {
            return html.length + (gzipped == null ? 0 : gzipped.length);
        }
    }

    /**
     * Sends the signed-in user's page from {@code template}: as kept, if nothing it is made of changed since, else
     * rendered from the model that {@code model} makes of the user's profile and day (it reads the rest itself, and
     * may throw, as for an unknown id) and kept. The page is made with the very profile and day it is kept with.
     */
    void send(Context ctx, String template, BiFunction<Profile, LocalDate, Object> model) {
        long userId = Sessions.userId(ctx);
        OptionalLong commits = keepable(ctx) ? database.commitMark() : OptionalLong.empty();
        // Read after the mark, as everything the page shows: a change in between leaves the page marked older than
        // it is, so it is made again at the next visit, never the other way round.
        Profile profile = commits.isEmpty() ? accounts.profile(userId) : accounts.profile(userId, commits);
        LocalDate day = profile.today(clock);
        if (commits.isEmpty()) {
            templates.render(ctx, template, model.apply(profile, day));
            return;
        }
        Key key = new Key(userId, Sessions.csrfToken(ctx), ctx.path());
        Page kept = pages.get(key);
        // The profile is compared as well as the commit mark, though AccountService now trusts a remembered profile only
        // while the mark holds: a second guard, should that trust ever be in time again (as it is on PostgreSQL).
        boolean gzip = Gzipped.accepted(ctx);
        if (kept != null && kept.commits() == commits.getAsLong() && kept.profile().equals(profile) && kept.day().equals(day)) {
            if (gzip) {
                templates.sendGzipped(ctx, kept.gzipped() != null ? kept.gzipped() : gzipped(key, kept));
            } else {
                templates.send(ctx, kept.html());
            }
            sentAgain.incrementAndGet();
            return;
        }
        // Gzipped here rather than as it is sent, so that a browser's next visit gets the same bytes without that work.
        byte[] html = templates.bytesOf(template, model.apply(profile, day));
        Page page = new Page(commits.getAsLong(), profile, day, html, gzip ? gzip(html) : null);
        if (gzip) {
            templates.sendGzipped(ctx, page.gzipped());
        } else {
            templates.send(ctx, html);
        }
        keep(key, page);
    }

    /** A kept page gzipped, kept so in its place unless it was replaced meanwhile. */
    private byte[] gzipped(Key key, Page kept) {
        Page withGzipped = new Page(kept.commits(), kept.profile(), kept.day(), kept.html(), gzip(kept.html()));
        synchronized (this) {
            if (pages.replace(key, kept, withGzipped)) {
                bytes += withGzipped.gzipped().length;
                capAt(key, withGzipped);
            }
        }
        return withGzipped.gzipped();
    }

    /**
     * Lets go of a user's pages as their sessions end: the session's with its CSRF token (a sign-out), or all of the
     * user's if the token is null (a new password ends every session). No request could be sent them any more; they
     * would only wait in memory for the cap.
     */
    synchronized void forget(long userId, String csrfToken) {
        pages.entrySet().removeIf(kept -> {
            Key key = kept.getKey();
            boolean gone = key.userId() == userId && (csrfToken == null || key.csrfToken().equals(csrfToken));
            if (gone) {
                bytes -= kept.getValue().size();
            }
            return gone;
        });
    }

    /** How many pages are kept (for tests). */
    int kept() {
        return pages.size();
    }

    private byte[] gzip(byte[] html) {
        gzipped.incrementAndGet();
        return Gzipped.of(html);
    }

    /** The bytes of the pages kept, plain and gzipped (for tests). */
    synchronized long bytes() {
        return bytes;
    }

    /** How many pages were gzipped to be kept (for tests). */
    long gzipped() {
        return gzipped.get();
    }

    /** How many pages were sent again as kept. */
    long sentAgain() {
        return sentAgain.get();
    }

    /** Keeps a page in place of the session's last; past {@link #MAX_BYTES} lets all others go. Only on a miss. */
    private synchronized void keep(Key key, Page page) {
        Page replaced = pages.put(key, page);
        bytes += page.size() - (replaced == null ? 0 : replaced.size());
        capAt(key, page);
    }

    /** Past {@link #MAX_BYTES}, lets go of every page but {@code page}, just kept for {@code key}; guarded by {@code this}. */
    private void capAt(Key key, Page page) {
        if (bytes > MAX_BYTES) {
            pages.clear();
            pages.put(key, page);
            bytes = page.size();
        }
    }

    /** Whether a page sent for this request may be sent again: a plain navigation to it. */
    private static boolean keepable(Context ctx) {
        return ctx.queryString() == null && ctx.header("HX-Request") == null && !asksFresh(ctx.header("Cache-Control"))
                && !asksFresh(ctx.header("Pragma"));
    }

    private static boolean asksFresh(String directives) {
        return directives != null && directives.toLowerCase(Locale.ROOT).contains("no-cache");
    }
}
