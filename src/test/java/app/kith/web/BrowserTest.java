package app.kith.web;

import app.kith.Kith;
import app.kith.contact.Cadence;
import app.kith.contact.Contact;
import app.kith.contact.ContactChanges;
import app.kith.interaction.Kind;
import app.kith.shared.Weekdays;
import app.kith.storage.Dialect;
import app.kith.storage.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The web app in a real (headless) Chromium, at a desktop size and at a phone's: first sign-in through a setup
 * link, signing out and in, a due contact on Today logged through htmx without a page reload, the contact
 * search when those pages exist, and a LinkedIn import through the Import page. Screenshots of each step land in {@code target/screenshots/}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} (installed by {@code .ci/run}); never lets
 * Selenium Manager look for a driver or browser on the network.
 */
@Tag("browser")
class BrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String PASSWORD = "a long enough password";
    private static final String NAME = "Grace Hopper";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Quiet: Selenium warns that it has no DevTools bindings for this Chromium, which this test never uses. */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    enum Viewport {
        DESKTOP(1280, 900, false), PHONE(390, 844, true);

        final int width;
        final int height;
        final boolean mobile;

        Viewport(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }

        String prefix() {
            return name().toLowerCase();
        }
    }

    @BeforeAll
    static void browserIsInstalled() throws IOException {
        if (!Files.isExecutable(Path.of(CHROMEDRIVER)) || !Files.isExecutable(Path.of(CHROMIUM))) {
            fail("BrowserTest needs Debian's Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ", and one is missing: .ci/run installs them (apt-get install chromium chromium-driver)");
        }
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        // Selenium Manager must never go looking for a driver or browser: there may be no network at all.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
        System.setProperty("SE_OFFLINE", "true");
        Files.createDirectories(SCREENSHOTS);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Viewport.class)
    void firstSignInThenLogADueContactFromToday(Viewport viewport) throws IOException {
        long started = System.nanoTime();
        Clock clock = Clock.systemDefaultZone();
        Path profile = Files.createTempDirectory("kith-chromium");
        try (TestDatabase db = TestDatabase.create(Dialect.SQLITE)) {
            Kith kith = new Kith(db.database(), clock);
            long owner = kith.accounts().actingAccount(null, "ada").id();
            WebServer server = WebServer.start(kith, new WebConfig("127.0.0.1", 0, false), clock);
            WebDriver driver = null;
            try {
                driver = chromium(viewport, profile);
                Scenario scenario = new Scenario(viewport, driver, kith, owner, "http://127.0.0.1:" + server.port());
                try {
                    scenario.run();
                } catch (RuntimeException | AssertionError e) {
                    scenario.screenshot("failure");
                    throw e;
                }
            } finally {
                if (driver != null) {
                    driver.quit();
                }
                server.close();
                kith.close();
            }
        } finally {
            deleteTree(profile);
        }
        System.out.printf("BrowserTest %s: %d ms%n", viewport.prefix(), (System.nanoTime() - started) / 1_000_000);
    }

    /** axe-core's script, read once (from the axe-core jar, a test dependency). */
    private static final class Axe {
        static final String SOURCE = read();

        private static String read() {
            try (var in = BrowserTest.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new AssertionError("axe.min.js is not on the test class path (the axe-core test dependency)");
                }
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One run through the app in one browser window. */
    private static final class Scenario {
        final Viewport viewport;
        final WebDriver driver;
        final JavascriptExecutor js;
        final WebDriverWait wait;
        final Kith kith;
        final long owner;
        final String base;

        Scenario(Viewport viewport, WebDriver driver, Kith kith, long owner, String base) {
            this.viewport = viewport;
            this.driver = driver;
            this.js = (JavascriptExecutor) driver;
            this.wait = new WebDriverWait(driver, WAIT);
            this.kith = kith;
            this.owner = owner;
            this.base = base;
        }

        void run() {
            // The one-time setup link: choose a password and land on Today, signed in.
            driver.get(base + "/setup/" + kith.setupLinks().create(owner));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("password")));
            assertThat(js.executeScript("return [window.innerWidth, window.innerHeight]"))
                    .as("the viewport's CSS size").isEqualTo(List.of((long) viewport.width, (long) viewport.height));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Set a password for ada");
            driver.findElement(By.name("password")).sendKeys(PASSWORD);
            driver.findElement(By.name("confirm")).sendKeys(PASSWORD);
            assertNoSidewaysScroll("the setup page");
            screenshot("setup");
            accessible("setup");
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            awaitToday();
            assertThat(driver.getCurrentUrl()).isEqualTo(base + "/");
            assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Nobody is due today.");
            screenshot("today-empty");
            accessible("today-empty");

            // Sign out, then in again with the new password.
            signOutButton().click();
            wait.until(ExpectedConditions.urlToBe(base + "/login?signed=out"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
            assertThat(driver.findElement(By.cssSelector("main .notice")).getText()).isEqualTo("You are signed out.");
            driver.get(base + "/");
            wait.until(ExpectedConditions.urlContains("/login?next="));
            driver.get(base + "/login");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys("ada");
            driver.findElement(By.name("password")).sendKeys(PASSWORD);
            assertNoSidewaysScroll("the login page");
            screenshot("login");
            accessible("login");
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            awaitToday();

            // A contact who is due: through the contact form when it exists, else through the service.
            long id = addGraceHopper();
            kith.interactions().log(owner, List.of(id), Kind.COFFEE, LocalDate.now().minusDays(30), "old coffee");

            driver.get(base + "/");
            awaitToday();
            WebElement entry = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entry-" + id)));
            assertThat(entry.findElement(By.cssSelector(".name")).getText()).isEqualTo(NAME);
            assertThat(entry.getText()).contains("days overdue");
            assertThat(driver.findElement(By.id("today-lead")).getText()).isEqualTo("Reach out to 1 person.");
            screenshot("today");
            accessible("today");

            // Log coffee: htmx swaps the entry in place, with no page load.
            wait.until(d -> js.executeScript("return typeof window.htmx !== 'undefined' && document.readyState === 'complete'"));
            js.executeScript("window.kithNoReload = 'still the same page';");
            // Each entry's forms send whom the page shows (hx-include from the list), for the answer to tell who joins.
            js.executeScript("document.body.addEventListener('htmx:configRequest',"
                    + " event => { window.kithShownSent = event.detail.formData.get('shown'); });");
            String before = driver.getCurrentUrl();
            new Select(entry.findElement(By.name("kind"))).selectByVisibleText("coffee");
            entry.findElement(By.name("note")).sendKeys("talked about compilers");
            entry.findElement(By.xpath(".//button[normalize-space()='Log']")).click();
            wait.until(ExpectedConditions.textToBe(message("Grace Hopper"), "Logged coffee with Grace Hopper. Undo"));
            assertThat(driver.findElements(By.id("entry-" + id))).isEmpty();
            assertThat(driver.switchTo().activeElement()).as("the focus stays on the entry, now its message")
                    .isEqualTo(driver.findElement(message("Grace Hopper")));
            assertThat(driver.getCurrentUrl()).isEqualTo(before);
            assertThat(js.executeScript("return window.kithNoReload")).as("the marker left on window before the click")
                    .isEqualTo("still the same page");
            assertThat(kith.interactions().timeline(owner, id)).hasSize(2);
            assertThat(js.executeScript("return window.kithShownSent")).isEqualTo(String.valueOf(id));
            // The answer brings the field up to date: she is a message now, no longer an entry the page shows.
            assertThat(driver.findElement(By.id("today-shown")).getAttribute("value")).isEmpty();
            // The count above the list follows, in the same swap.
            assertThat(driver.findElement(By.id("today-lead")).getText()).isEqualTo("That is everyone for today: you reached out to 1 person today.");
            screenshot("logged");
            accessible("logged");

            // Undo takes the touch back in place too (other entries' messages and their Undo stay): her entry comes
            // back under what was done, and the count with her. Then the one tap once more.
            WebElement done = driver.findElement(message("Grace Hopper"));
            done.findElement(By.xpath(".//button[normalize-space()='Undo']")).click();
            wait.until(ExpectedConditions.stalenessOf(done));
            entry = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entry-" + id)));
            assertThat(entry.getText()).contains("days overdue");
            assertThat(driver.findElement(By.cssSelector("#today-agenda li.done")).getText())
                    .isEqualTo("Took back the coffee with Grace Hopper. They are due.");
            assertThat(driver.getCurrentUrl()).isEqualTo(before);
            assertThat(js.executeScript("return window.kithNoReload")).isEqualTo("still the same page");
            assertThat(driver.findElement(By.id("today-lead")).getText()).isEqualTo("Reach out to 1 person.");
            assertThat(driver.findElement(By.id("today-shown")).getAttribute("value")).isEqualTo(String.valueOf(id));
            assertThat(kith.interactions().timeline(owner, id)).hasSize(1);
            new Select(entry.findElement(By.name("kind"))).selectByVisibleText("coffee");
            entry.findElement(By.name("note")).sendKeys("talked about compilers");
            entry.findElement(By.xpath(".//button[normalize-space()='Log']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(message("Grace Hopper"), "Logged"));
            assertThat(kith.interactions().timeline(owner, id)).hasSize(2);

            // Reloaded, Today no longer lists her.
            driver.navigate().refresh();
            awaitToday();
            assertThat(driver.findElements(By.id("entry-" + id))).isEmpty();
            // As the page said after the one tap, with how many were reached.
            assertThat(driver.findElement(By.cssSelector("main")).getText())
                    .contains("That is everyone for today: you reached out to 1 person today. Enjoy the day.");
            screenshot("today-after");
            accessible("today-after");

            // A change htmx sends that is refused (here the session ended meanwhile, as after 12 idle hours): its
            // message shows at the top of the page, with a way to sign in again; the entry stays as it was.
            long linus = kith.contacts().add(owner, ContactChanges.builder().name("Linus Due").every(Cadence.parse("1w")).build()).id();
            kith.interactions().log(owner, List.of(linus), Kind.CALL, LocalDate.now().minusDays(30), null);
            driver.navigate().refresh();
            awaitToday();
            WebElement due = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entry-" + linus)));
            wait.until(d -> js.executeScript("return typeof window.htmx !== 'undefined' && document.readyState === 'complete'"));
            kith.sessions().endAll(owner);
            due.findElement(By.xpath(".//button[normalize-space()='Log']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("htmx-error"), "You are signed out"));
            assertThat(driver.findElement(By.id("htmx-error")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("entry-" + linus)).getText()).contains("Log");
            assertThat(kith.interactions().timeline(owner, linus)).hasSize(1);
            screenshot("session-ended");
            accessible("session-ended");
            driver.findElement(By.cssSelector("#htmx-error a[href='/login']")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys("ada");
            driver.findElement(By.name("password")).sendKeys(PASSWORD);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            awaitToday();

            // Someone the page lists is reached elsewhere (another tab, a command): the next one-tap change takes
            // their entry off the page, as the count above it does.
            long mary = kith.contacts().add(owner, ContactChanges.builder().name("Mary Due").every(Cadence.parse("1w")).build()).id();
            kith.interactions().log(owner, List.of(mary), Kind.CALL, LocalDate.now().minusDays(30), null);
            driver.navigate().refresh();
            awaitToday();
            WebElement maryEntry = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entry-" + mary)));
            due = driver.findElement(By.id("entry-" + linus));
            wait.until(d -> js.executeScript("return typeof window.htmx !== 'undefined' && document.readyState === 'complete'"));
            kith.interactions().log(owner, List.of(mary), Kind.CALL, LocalDate.now(), null);
            due.findElement(By.xpath(".//button[normalize-space()='1 week']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(message("Linus Due"), "Snoozed Linus Due"));
            wait.until(ExpectedConditions.stalenessOf(maryEntry));
            assertThat(driver.findElements(By.id("entry-" + mary))).isEmpty();
            assertThat(driver.findElements(By.cssSelector("#today-agenda li.entry:not(.done)"))).isEmpty();
            assertThat(driver.findElement(By.id("today-lead")).getText()).isEqualTo("That is everyone for today: you reached out to 2 people today.");

            // The contact search, once the contact pages exist.
            if (pageExists("/contacts")) {
                driver.get(base + "/contacts?q=grace");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main")));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), NAME));
                screenshot("contacts-search");
                accessible("contacts-search");
                // Typing searches in place and puts the search in the address; htmx keeps no copy of the page (names,
                // form tokens) in the browser's storage, where it would outlive signing out.
                wait.until(d -> js.executeScript("return typeof window.htmx !== 'undefined' && document.readyState === 'complete'"));
                driver.findElement(By.id("q")).sendKeys(" hop");
                wait.until(d -> d.getCurrentUrl().contains("hop"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-results"), NAME));
                assertThat(js.executeScript("return window.sessionStorage.getItem('htmx-history-cache')")).isNull();
                assertThat(js.executeScript("return window.localStorage.getItem('htmx-history-cache')")).isNull();
            } else {
                System.out.println("BrowserTest: /contacts does not exist yet: skipped the contact search step");
            }

            // Import LinkedIn's Connections.csv through the real form; the job page follows it to its summary.
            driver.get(base + "/import");
            WebElement file = wait.until(ExpectedConditions.presenceOfElementLocated(By.name("file")));
            new Select(driver.findElement(By.name("format"))).selectByValue("linkedin");
            file.sendKeys(fixture("/exchange/linkedin-connections.csv"));
            assertNoSidewaysScroll("the Import page");
            screenshot("import");
            accessible("import");
            driver.findElement(By.xpath("//main//button[normalize-space()='Import']")).click();
            wait.until(ExpectedConditions.urlMatches("/import/\\d+$"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-job"), "added 4"));
            assertThat(driver.findElement(By.id("import-job")).getText()).contains("Imported LinkedIn connections, 5 rows.")
                    .contains("skipped 1").contains("line 9: no name");
            assertThat(kith.contacts().resolve(owner, "Ada Quill").company()).isEqualTo("Stripe, Inc.");
            assertNoSidewaysScroll("the import's page");
            screenshot("import-done");
            accessible("import-done");

            editByKeyboard(id);

            // The other pages a user opens from the menu fit the screen too.
            for (String page : List.of("circles", "settings")) {
                driver.get(base + "/" + page);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
                assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith(page.substring(0, 1).toUpperCase() + page.substring(1));
                assertNoSidewaysScroll("the " + page + " page");
                screenshot(page);
                accessible(page);
            }
            // Working days are ticked as a contact's days are: Saturday added, by a click, is saved.
            driver.findElement(By.cssSelector("input[name=workDays][value=sat]")).click();
            driver.findElement(By.xpath("//button[normalize-space()='Save profile']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".settings-notice"), "Your profile is saved."));
            assertThat(kith.accounts().profile(owner).workDays()).isEqualTo(Weekdays.parse("mon,tue,wed,thu,fri,sat"));
            assertThat(driver.findElement(By.cssSelector("input[name=workDays][value=sat]")).isSelected()).isTrue();
            // Two fields refused: the summary above the form says so, and each field its own.
            WebElement zone = driver.findElement(By.id("zone"));
            zone.clear();
            zone.sendKeys("Mars/Olympus");
            WebElement hours = driver.findElement(By.id("workHours"));
            hours.clear();
            hours.sendKeys("later");
            driver.findElement(By.xpath("//button[normalize-space()='Save profile']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".form-error"),
                    "Nothing was saved: see the 2 fields marked below."));
            screenshot("settings-refused");
            accessible("settings-refused");

            // A long name without a space (pasted, or from an import) breaks rather than widening the page.
            String longName = "Maximiliana" + "x".repeat(120);
            long wide = kith.contacts().add(owner, ContactChanges.builder().name(longName).every(Cadence.parse("1w")).build()).id();
            kith.interactions().log(owner, List.of(wide), Kind.COFFEE, LocalDate.now().minusDays(400), null);
            driver.get(base + "/");
            awaitToday();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entry-" + wide)));
            driver.get(base + "/contacts/" + wide);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Maximiliana"));
            assertNoSidewaysScroll("a contact's page with a long name");
        }

        /** The message on Today of what was done with a contact, named in it (the last such, should there be more). */
        By message(String name) {
            return By.xpath("(//ol[@id='today-agenda']/li[contains(@class, 'done') and contains(., '" + name + "')])[last()]");
        }

        /**
         * On the contact's page, by keyboard alone: opens the edit form, types a birthday that is no date and sends
         * it with Enter; the error shows beside that field with what was typed kept; a good one is then saved.
         */
        void editByKeyboard(long id) {
            driver.get(base + "/contacts/" + id);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "talked about compilers"));
            assertNoSidewaysScroll("a contact's page");
            screenshot("contact");
            accessible("contact");
            WebElement summary = driver.findElement(By.cssSelector("#edit summary"));
            js.executeScript("arguments[0].focus()", summary);
            summary.sendKeys(Keys.ENTER);
            WebElement birthday = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("c-birthday")));
            birthday.sendKeys(Keys.TAB); // the field after it takes the focus: the form is reached in order
            assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("c-notes");
            birthday.clear();
            birthday.sendKeys("1990-02-30", Keys.ENTER);
            WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("c-birthday-error")));
            assertThat(error.getText()).isNotBlank();
            birthday = driver.findElement(By.id("c-birthday"));
            assertThat(birthday.getAttribute("value")).as("what was typed, kept").isEqualTo("1990-02-30");
            assertThat(birthday.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(birthday.getAttribute("aria-describedby")).contains("c-birthday-error");
            assertThat(driver.switchTo().activeElement().getAttribute("id")).as("the refused field takes the focus")
                    .isEqualTo("c-birthday");
            assertThat(kith.contacts().get(owner, id).birthday()).as("nothing saved").isNull();
            assertNoSidewaysScroll("a contact's page with a refused edit");
            screenshot("contact-refused");
            accessible("contact-refused");
            birthday.clear();
            birthday.sendKeys("1990-02-28", Keys.ENTER);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Saved."));
            assertThat(kith.contacts().get(owner, id).birthday().text()).isEqualTo("1990-02-28");
        }

        /** The absolute path of a test resource, for a file input. */
        String fixture(String resource) {
            try {
                return Path.of(BrowserTest.class.getResource(resource).toURI()).toAbsolutePath().toString();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Adds the contact through /contacts/new if that page exists, else through the service; returns its id. */
        long addGraceHopper() {
            if (!pageExists("/contacts/new")) {
                System.out.println("BrowserTest: /contacts/new does not exist yet: added the contact through the service");
                return kith.contacts().add(owner, ContactChanges.builder().name(NAME).every(Cadence.parse("1w")).build()).id();
            }
            driver.get(base + "/contacts/new");
            WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("name")));
            name.sendKeys(NAME);
            for (String field : List.of("every", "cadence")) {
                List<WebElement> found = driver.findElements(By.name(field));
                if (!found.isEmpty()) {
                    setValue(found.get(0), "1w");
                    break;
                }
            }
            screenshot("contact-new");
            accessible("contact-new");
            WebElement form = name.findElement(By.xpath("./ancestor::form"));
            form.findElement(By.cssSelector("button[type=submit], button:not([type]), input[type=submit]")).click();
            wait.until(d -> !d.getCurrentUrl().endsWith("/contacts/new"));
            Contact contact = kith.contacts().resolve(owner, NAME);
            if (contact.cadence() == null) {
                // The form had no cadence field: give her one, so that she can come due.
                contact = kith.contacts().edit(owner, contact.id(), ContactChanges.builder().every(Cadence.parse("1w")).build());
            }
            return contact.id();
        }

        void setValue(WebElement field, String value) {
            if (field.getTagName().equals("select")) {
                Select select = new Select(field);
                if (select.getOptions().stream().anyMatch(option -> value.equals(option.getAttribute("value")))) {
                    select.selectByValue(value);
                }
            } else {
                field.clear();
                field.sendKeys(value);
            }
        }

        void awaitToday() {
            wait.until(ExpectedConditions.urlMatches("^" + java.util.regex.Pattern.quote(base + "/") + "(#entry-\\d+)?$"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Today"));
            assertThat(signOutButton().isDisplayed()).as("the Sign out button shows when signed in").isTrue();
            assertNoSidewaysScroll("Today");
        }

        WebElement signOutButton() {
            return wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Sign out']")));
        }

        void assertNoSidewaysScroll(String page) {
            Number scrollWidth = (Number) js.executeScript("return document.documentElement.scrollWidth");
            assertThat(scrollWidth.intValue()).as("%s is no wider than the %s viewport", page, viewport.prefix())
                    .isLessThanOrEqualTo(viewport.width);
        }

        /** Whether a page answers 200 to this browser's session (another engineer may not have built it yet). */
        boolean pageExists(String path) {
            Cookie session = driver.manage().getCookieNamed(Sessions.COOKIE);
            assertThat(session).as("the session cookie").isNotNull();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Cookie", Sessions.COOKIE + "=" + session.getValue())
                    .GET().build();
            try {
                return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /**
         * axe-core's rules for WCAG 2.1 A and AA and its best practices, on the page as it is now: no violation. (Its
         * "needs review" items are a person's to judge, and are not asserted.)
         */
        void accessible(String step) {
            js.executeScript(Axe.SOURCE);
            Object violations = js.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
                        .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ', at '
                            + v.nodes.map(n => n.target.join(' ')).join('; '))))
                        .catch(e => done(['axe-core did not run: ' + e]));
                    """);
            assertThat((List<?>) violations).as("axe-core on %s (%s)", step, viewport.prefix()).isEmpty();
        }

        /** Saves the whole page, also what lies below the fold (a long form), as the user would scroll through it. */
        void screenshot(String step) {
            Number height = (Number) js.executeScript("return document.documentElement.scrollHeight");
            byte[] png;
            if (height.intValue() <= viewport.height) {
                png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            } else {
                Map<String, Object> shot = ((ChromeDriver) driver).executeCdpCommand("Page.captureScreenshot", Map.of(
                        "format", "png", "captureBeyondViewport", true, "clip", Map.of(
                                "x", 0, "y", 0, "width", viewport.width, "height", height.intValue(), "scale", 1)));
                png = Base64.getDecoder().decode((String) shot.get("data"));
            }
            try {
                Files.write(SCREENSHOTS.resolve(viewport.prefix() + "-" + step + ".png"), png);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static WebDriver chromium(Viewport viewport, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile);
        // The exact viewport (a headless window's size would include room for the browser's own bars), and at
        // the phone's size a phone's behaviour: the page's meta viewport, touch, a denser screen.
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of(
                "width", viewport.width, "height", viewport.height, "pixelRatio", viewport.mobile ? 2.0 : 1.0,
                "touch", viewport.mobile, "mobile", viewport.mobile)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream())
                .build();
        return new ChromeDriver(service, options);
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
