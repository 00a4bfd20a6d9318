package app.kith.web;

import app.kith.account.Account;
import app.kith.account.AccountService;
import app.kith.account.DailyLimit;
import app.kith.account.LoginThrottle;
import app.kith.account.ProfileChanges;
import app.kith.account.Session;
import app.kith.account.WorkHours;
import app.kith.exchange.ExportFormat;
import app.kith.exchange.ExportService;
import app.kith.shared.KithException;
import app.kith.shared.NotFoundException;
import app.kith.shared.Quoted;
import app.kith.shared.TimeZones;
import app.kith.shared.ValidationException;
import app.kith.shared.Weekdays;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Settings: the user's profile (where they live, their working day, their daily limit), their password, and downloads of their data. */
final class SettingsPages {
    private static final Map<String, String> NOTICES = Map.of(
            "profile", "Your profile is saved.",
            "password", "Your password is changed; every other device has been signed out.");

    private final AccountService accounts;
    private final LoginThrottle throttle;
    private final Clients clients;
    private final Sessions sessions;
    private final Templates templates;
    private final PageCache pages;
    private final ExportService exports;

    SettingsPages(AccountService accounts, LoginThrottle throttle, Clients clients, Sessions sessions, Templates templates,
                  ExportService exports, PageCache pages) {
        this.pages = pages;
        this.exports = exports;
        this.accounts = accounts;
        this.throttle = throttle;
        this.clients = clients;
        this.sessions = sessions;
        this.templates = templates;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/settings", ctx -> {
            long userId = Sessions.userId(ctx);
            String saved = ctx.queryParam("saved");
            show(ctx, ProfileForm.of(accounts.profile(userId)), PasswordForm.BLANK, saved == null ? null : NOTICES.get(saved));
        });
        routes.post("/settings/profile", this::saveProfile);
        routes.post("/settings/password", this::changePassword);
        // A refused form is shown at the address it was sent to; going back or forward there asks for the page.
        routes.get("/settings/profile", ctx -> ctx.redirect("/settings", HttpStatus.SEE_OTHER));
        routes.get("/settings/password", ctx -> ctx.redirect("/settings", HttpStatus.SEE_OTHER));
        routes.get("/settings/export/{format}", this::download);
    }

    static final String TOO_BIG = "the export is too big for the memory this server was given: export with the kith export"
            + " command (kith export json --out kith.json), or start the server with more memory (KITH_JAVA_OPTS=-Xmx2g)";

    private void download(Context ctx) {
        ExportFormat format;
        try {
            format = ExportFormat.of(ctx.pathParam("format"));
        } catch (ValidationException e) {
            throw new NotFoundException(e.getMessage());
        }
        byte[] content;
        try {
            content = format.asFile(exports.export(Sessions.userId(ctx), format));
        } catch (OutOfMemoryError e) {
            // What the export held is unreachable again by now, so there is memory enough to say so.
            System.err.println("kith: an export (" + format.word() + ") ran out of memory");
            throw new KithException(TOO_BIG);
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + format.fileName() + "\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(format.contentType()).result(content);
    }

    private void saveProfile(Context ctx) {
        long userId = Sessions.userId(ctx);
        String name = field(ctx, "name");
        String city = field(ctx, "city");
        String country = field(ctx, "country");
        String zoneText = field(ctx, "zone");
        String hoursText = field(ctx, "workHours");
        // The days ticked, or typed as a list by a client of its own (mon,tue); null from a form from before working
        // days were asked, which leaves them as they are. The form sends an empty value too, so none ticked is told so.
        List<String> daysGiven = ctx.formParams("workDays");
        String daysText = daysGiven.isEmpty() ? null
                : daysGiven.stream().filter(day -> !day.isBlank()).collect(Collectors.joining(","));
        String limitText = field(ctx, "dailyLimit");
        ZoneId zone = null;
        String zoneError = null;
        try {
            zone = TimeZones.parse(zoneText);
        } catch (ValidationException e) {
            zoneError = FieldError.sentence(e.getMessage());
        }
        WorkHours workHours = null;
        String hoursError = null;
        try {
            workHours = WorkHours.parse(hoursText);
        } catch (ValidationException e) {
            hoursError = FieldError.sentence(e.getMessage());
        }
        Weekdays workDays = null;
        String daysError = null;
        if (daysText != null && daysText.isEmpty()) {
            daysError = "No working day ticked: tick the days you work.";
        } else if (daysText != null) {
            try {
                workDays = Weekdays.parseWorking(daysText);
            } catch (ValidationException e) {
                daysError = FieldError.sentence(e.getMessage());
            }
        }
        Integer dailyLimit = null;
        String limitError = null;
        try {
            dailyLimit = DailyLimit.parse(limitText);
        } catch (ValidationException e) {
            limitError = FieldError.sentence(e.getMessage());
        }
        String nameError = tooLong("name", name);
        String cityError = tooLong("city", city);
        String countryError = tooLong("country", country);
        String formError = null;
        if (nameError == null && cityError == null && countryError == null && zoneError == null && hoursError == null
                && daysError == null && limitError == null) {
            try {
                accounts.updateProfile(userId, new ProfileChanges(name, city, country, zone, workHours, dailyLimit, zone == null, workDays));
                ctx.redirect("/settings?saved=profile", HttpStatus.SEE_OTHER);
                return;
            } catch (ValidationException e) {
                formError = FieldError.sentence(e.getMessage());
            }
        }
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        // A form without the field shows the days kept, so that sending it again (now with the field) keeps them.
        String daysShown = daysText != null ? daysText : accounts.profile(userId).workDays().given();
        show(ctx, new ProfileForm(name, city, country, zoneText, hoursText, daysShown, limitText, nameError,
                        cityError, countryError, zoneError, hoursError, daysError, limitError, formError),
                PasswordForm.BLANK, null);
    }

    /** The error beside a profile field longer than the profile keeps (one line, as it will be saved), or null. */
    private static String tooLong(String field, String value) {
        return FieldError.refusal(() -> AccountService.profileText(value, field));
    }

    private void changePassword(Context ctx) {
        long userId = Sessions.userId(ctx);
        Account account = accounts.get(userId);
        String current = field(ctx, "current");
        String password = field(ctx, "password");
        String confirm = field(ctx, "confirm");
        // The current password is guessable from a stolen session, so wrong tries count as failed sign-ins.
        LoginThrottle.Attempt attempt = throttle.begin(account.username(), clients.address(ctx));
        if (attempt.lockedFor().isPresent()) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            // Said as the sign-in page says it: the failures may be another account's, from the same address.
            showPassword(ctx, userId, new PasswordForm("Too many failed sign-ins or wrong passwords: try again in "
                    + LoginThrottle.minutesText(attempt.lockedFor().get()) + ".", null, null));
            return;
        }
        // Every field in error is said at once, each beside its own.
        String currentError = null;
        if (accounts.authenticate(account.username(), current).filter(found -> found.id() == userId).isEmpty()) {
            currentError = "That is not your current password.";
        } else {
            throttle.succeeded(attempt);
        }
        String passwordError = FieldError.refusal(() -> AccountService.checkPassword(password));
        String confirmError = password.equals(confirm) ? null : "The two new passwords differ: type the same one twice.";
        if (currentError != null || passwordError != null || confirmError != null) {
            showPassword(ctx, userId, new PasswordForm(currentError, passwordError, confirmError));
            return;
        }
        try {
            accounts.setPassword(userId, password);
        } catch (ValidationException e) {
            showPassword(ctx, userId, new PasswordForm(null, FieldError.sentence(e.getMessage()), null));
            return;
        }
        // Setting the password ended every session, this one too: this browser gets a fresh one and stays signed in.
        pages.forget(userId, null);
        boolean remember = Sessions.current(ctx).map(Session::remember).orElse(false);
        sessions.start(ctx, userId, remember);
        ctx.redirect("/settings?saved=password", HttpStatus.SEE_OTHER);
    }

    private void showPassword(Context ctx, long userId, PasswordForm form) {
        if (ctx.status() != HttpStatus.TOO_MANY_REQUESTS) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        show(ctx, ProfileForm.of(accounts.profile(userId)), form, null);
    }

    private void show(Context ctx, ProfileForm profile, PasswordForm password, String notice) {
        templates.render(ctx, "settings/settings.jte", new SettingsPage(Layout.of(ctx, "Settings", "settings"),
                accounts.get(Sessions.userId(ctx)).username(), profile, password, notice));
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
