package app.kith.cli;

import app.kith.storage.BothDatabases;
import app.kith.storage.Dialect;
import app.kith.storage.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class BadInputTest {

    @Test
    void serveSaysWhyItCannotListen() throws IOException {
        try (TestDatabase db = TestDatabase.create(Dialect.SQLITE); ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli kith = new Cli(db);
            expect(kith.run("serve", "--port", "99999"), 2, "--port must be from 1 to 65535 (or 0 for a free one), not 99999");
            expect(kith.run("serve", "--port", "-1"), 2, "--port must be from 1 to 65535");
            Cli.Result inUse = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> kith.run("serve", "--port", String.valueOf(taken.getLocalPort())));
            expect(inUse, 1, "port " + taken.getLocalPort() + " is in use (another Kith?): give another with --port, or --port 0 for a free one");
            Cli.Result elsewhere = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> kith.run("serve", "--host", "203.0.113.5", "--port", "0"));
            expect(elsewhere, 1, "cannot listen on '203.0.113.5'");
        }
    }

    @BothDatabases
    void everyErrorIsOneLineWithTheRightExitCodeAndChangesNothing(TestDatabase db) {
        Cli kith = new Cli(db);
        kith.ok("add", "Grace Hopper", "--every", "1m");
        kith.ok("add", "Grace Kelly", "--every", "1m");
        String before = kith.ok("contacts", "--json") + kith.ok("show", "Grace Hopper", "--json") + kith.ok("circles", "--json");

        expect(kith.run("show", "Nobody"), 1, "no contact matches 'Nobody'");
        expect(kith.run("log", "grace", "--kind", "coffee"), 1, "'grace' matches 2 contacts: Grace Hopper (#1), Grace Kelly (#2)");
        expect(kith.run("log", "Grace Hopper", "--kind", "tea"), 2, "'tea' is not a kind of interaction: use one of coffee, meal");
        expect(kith.run("log", "Grace Hopper", "--kind", "coffee", "--on", "2026-02-30"), 2, "'2026-02-30' is not a date: use YYYY-MM-DD");
        expect(kith.run("log", "Grace Hopper", "Nobody", "--kind", "coffee"), 1, "no contact matches 'Nobody'");
        expect(kith.run("log", "Grace Hopper", "--kind", "coffee", "--on", "2027-01-01"), 1, "is in the future");
        expect(kith.run("log", "Grace Hopper", "--kind", "coffee", "--on", "tomorrow"), 1, "is in the future");
        expect(kith.run("add", "Alan Kay", "--every", "often"), 2, "'often' is not a duration: use 30d, 6w, 3m, 1y");
        expect(kith.run("add", "Alan Kay", "--every", "0d"), 2, "must be longer than zero days");
        expect(kith.run("add", "Alan Kay", "--phone", "call\nme"), 2, "'call me' is not a phone number");
        expect(kith.run("add", "Alan Kay", "--every", "y".repeat(5000)), 2, "'" + "y".repeat(59) + "…' is not a duration");
        expect(kith.run("add", "Alan Kay", "--timezone", "Mars/Olympus"), 2, "'Mars/Olympus' is not a time zone: use an IANA name");
        expect(kith.run("add", "Alan Kay", "--timezone", "PST"), 2, "'PST' is an abbreviation, not a time zone: use America/Los_Angeles");
        expect(kith.run("me", "--work-hours", "00:00-24:00"), 2, "ends at 24:00, which is not an hour of the day: end at 23:59 instead");
        expect(kith.run("add", "Alan Kay", "--days", "mon,funday"), 2, "'funday' in 'mon,funday' is not a day of the week");
        expect(kith.run("add", "Alan Kay", "--days", ","), 2, "',' names no day of the week");
        expect(kith.run("add", "Alan Kay", "--circle", "Friends"), 1, "there is no circle named 'Friends': the circles are");
        expect(kith.run("add", "Alan Kay", "--email", "not-an-email"), 2, "'not-an-email' is not an email address");
        expect(kith.run("add", "x".repeat(201)), 1, "the name is too long");
        expect(kith.run("add", "Alan Kay", "--strengths", "x".repeat(20_001)), 1, "the note on their strengths is too long (20001 characters)");
        expect(kith.run("add", "   "), 1, "a contact needs a name");
        // Characters that show nothing are no name either: each would be a blank line in every list.
        for (String invisible : List.of("\u200B", "\u00A0", "\u0301", "\u200F\u200E", "\u3164", "\u2800 \uFEFF")) {
            expect(kith.run("add", invisible), 1, "a contact needs a name: it cannot be blank or only characters that show nothing");
            expect(kith.run("circle", "add", invisible, "--every", "1m"), 1,
                    "a circle needs a name of 1 to 100 characters: it cannot be only characters that show nothing");
        }
        expect(kith.run("me", "--daily-limit", "-1"), 2, "the daily limit must be from 1 to 100, not -1");
        expect(kith.run("me", "--daily-limit", "0"), 2, "the daily limit must be from 1 to 100, not 0");
        expect(kith.run("me", "--daily-limit", "99999999999"), 2, "the daily limit must be from 1 to 100, not '99999999999'");
        expect(kith.run("edit", "Grace Hopper", "--circle", "Mentors", "--remove-circle", "mentors"), 2,
                "give --circle 'Mentors' or --remove-circle 'Mentors', not both");
        expect(kith.run("edit", "Grace Hopper", "--tag", "rust", "--remove-tag", "Rust"), 2, "give --tag 'rust' or --remove-tag 'rust', not both");
        expect(kith.run("me", "--daily-limit", "many"), 2, "'many'");
        expect(kith.run("me", "--work-hours", "9-5"), 2, "'9-5' would run overnight");
        expect(kith.run("me", "--work-hours", "9:00"), 2, "'9:00' is not a range of hours");
        expect(kith.run("me", "--timezone", "Mars/Olympus"), 2, "'Mars/Olympus' is not a time zone");
        expect(kith.run("snooze", "Grace Hopper"), 2, "--until");
        expect(kith.run("snooze", "Grace Hopper", "--until", "2026-01-01"), 1, "in the past");
        expect(kith.run("away", "Grace Hopper", "--until", "soon"), 2, "'soon' is not a date");
        expect(kith.run("edit", "Grace Hopper", "--birthday", "1990-02-30"), 2, "'1990-02-30' is not a birthday");
        expect(kith.run("--user", "", "today"), 2, "--user needs an account's name; leave --user out to act as the owner");
        expect(kith.run("--user", "\u0000", "today"), 2, "--user needs an account's name");
        // An error quoting what was given never passes an escape sequence to the terminal.
        expect(kith.run("circle", "remove", "Men\u001b[2Jtors"), 1, "there is no circle named 'Men[2Jtors'");
        expect(kith.run("edit", "Grace Hopper", "--birthday=0000-05-05"), 2,
                "the birthday 0000-05-05 is out of range: use a year from 0001 to 9999, or --MM-DD without the year");
        expect(kith.run("add", "Zed", "--birthday", "+10000-05-05"), 2, "is out of range");
        expect(kith.run("away", "Grace Hopper", "--until", "+10000-01-01"), 2,
                "'+10000-01-01' is out of range: use a date from 0001-01-01 to 9999-12-31");
        expect(kith.run("snooze", "Grace Hopper", "--until", "+999999999-12-31"), 2, "is out of range");
        expect(kith.run("today", "--date", "0000-01-01"), 2, "'0000-01-01' is out of range");
        expect(kith.run("circle", "add", "mentors", "--every", "1m"), 1, "there is already a circle named 'Mentors'");
        expect(kith.run("circle", "edit", "Mentors"), 2, "give --every DURATION, --rename NEW or both");
        expect(kith.run("circle", "edit", "Mentors", "--rename", "role models"), 1, "there is already a circle named 'Role models'");
        expect(kith.run("circle", "remove", "Nope"), 1, "there is no circle named 'Nope'");
        expect(kith.run("edit", "Grace Hopper", "--remove-tag", "nope"), 1, "Grace Hopper has no tag 'nope'");
        expect(kith.run("edit", "Grace Hopper", "--remove-email", "a@b.c"), 1, "Grace Hopper has no email 'a@b.c'");
        expect(kith.run("edit", "Grace Hopper", "--city", "Paris", "--linkedin", "https://example.com/grace"), 2, "is not a LinkedIn profile URL");
        expect(kith.run("edit", "Grace Hopper", "--every", "3m", "--no-every"), 2, "give --every DURATION or --no-every, not both");
        expect(kith.run("frobnicate"), 2, "kith: 'frobnicate' is not a command (see 'kith --help')");
        expect(kith.run("edit", "Grace Hopper"), 2, "nothing to change: give what changes, such as --city Paris");
        expect(kith.run("today", "--verbose"), 2, "Unknown option: '--verbose'");

        String after = kith.ok("contacts", "--json") + kith.ok("show", "Grace Hopper", "--json") + kith.ok("circles", "--json");
        assertThat(after).isEqualTo(before);
    }

    @BothDatabases
    void controlCharactersStoredBeforeTheyWereDroppedAreNeverPrinted(TestDatabase db) {
        Cli kith = new Cli(db);
        kith.ok("add", "Grace Hopper", "--note", "plain");
        // As a database written by an older version, or a restored backup, may hold them.
        db.database().jdbi().useHandle(handle -> handle.createUpdate("UPDATE contacts SET notes = :notes")
                .bind("notes", "hi\u001b]0;PWNED\u0007 there\u001b[2J\u009b! \u202Eevil\u2066").execute());
        // A control character in the name a command is given (an @file argument may hold a NUL) names the same contact.
        assertThat(kith.ok("show", "Grace\u0000 Hop\u001bper")).contains("Grace Hopper");
        kith.ok("edit", "Grace Hopper", "--tag", "navy");
        kith.ok("edit", "Grace Hopper", "--remove-tag", "na\u0000vy");
        assertThat(kith.ok("show", "Grace Hopper")).doesNotContain("navy");
        String shown = kith.ok("show", "Grace Hopper");
        assertThat(shown).contains("hi]0;PWNED there[2J! evil").doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b")
                .doesNotContain("\u202E").doesNotContain("\u2066");
    }

    @BothDatabases
    void aStackTraceIsShownOnlyWithDebug(TestDatabase db) {
        Cli kith = new Cli(db);
        assertThat(kith.run("show", "Nobody").err()).doesNotContain("\tat ");
        assertThat(kith.run("--debug", "show", "Nobody").err()).contains("\tat app.kith");
    }

    @org.junit.jupiter.api.Test
    void everyCommandAnswersHelpWithItsUsage() {
        String[][] commands = {{"today"}, {"add"}, {"log"}, {"unlog"}, {"contacts"}, {"show"}, {"edit"}, {"snooze"}, {"away"},
                {"archive"}, {"unarchive"}, {"delete"}, {"circles"}, {"circle"}, {"circle", "add"}, {"me"}, {"import"}, {"export"},
                {"backup"}, {"restore"}, {"demo"}, {"serve"}, {"passwd"}, {"user"}};
        for (String[] command : commands) {
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);
            int code = KithCommand.run(Cli.CLOCK, java.util.Map.of(), new java.io.BufferedReader(new java.io.StringReader("")),
                    new java.io.PrintWriter(out), new java.io.PrintWriter(err), args);
            assertThat(code).as(String.join(" ", args) + ": " + err).isZero();
            assertThat(out.toString()).startsWith("Usage: kith " + String.join(" ", command) + " ");
        }
    }

    @org.junit.jupiter.api.Test
    void aDatabaseUrlThatIsNotPostgresqlIsRefused() {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = KithCommand.run(Cli.CLOCK, java.util.Map.of(), new java.io.BufferedReader(new java.io.StringReader("")), new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err), "--db", "jdbc:mysql://localhost/kith", "today");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("is not a PostgreSQL URL").doesNotContain("\tat ");
        // The same value from the environment is a setting that failed, not a command typed wrong.
        java.io.StringWriter fromEnvironment = new java.io.StringWriter();
        assertThat(KithCommand.run(Cli.CLOCK, java.util.Map.of("KITH_DB_URL", "jdbc:mysql://localhost/kith"),
                new java.io.BufferedReader(new java.io.StringReader("")), new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(fromEnvironment), "today")).isEqualTo(1);
        assertThat(fromEnvironment.toString()).contains("(from KITH_DB_URL) is not a PostgreSQL URL");
    }

    @org.junit.jupiter.api.Test
    void anUnreachableDatabaseIsOneClearLine() {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = KithCommand.run(Cli.CLOCK, java.util.Map.of(), new java.io.BufferedReader(new java.io.StringReader("")), new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err), "--db", "jdbc:postgresql://127.0.0.1:1/kith?connectTimeout=2", "today");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("kith: cannot open the database").doesNotContain("\tat ");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void aMissingPostgresqlDatabaseOrUserIsSaidSoAndAPasswordInTheUrlIsNeverShown() {
        String missing = "kith_missing_" + System.nanoTime();
        String noDatabase = run("--db", TestDatabase.POSTGRES + missing + "?user=postgres&password=s3cret", "today");
        assertThat(noDatabase).startsWith("kith: cannot open the database jdbc:postgresql://")
                .contains("?user=postgres&password=***: the PostgreSQL server has no database of that name: create it (createdb NAME)")
                .doesNotContain("s3cret").doesNotContain("FATAL");
        assertThat(noDatabase.lines()).hasSize(1);
        String noUser = run("--db", TestDatabase.POSTGRES + "postgres?user=" + missing + "&password=s3cret", "today");
        assertThat(noUser).contains("the PostgreSQL server refused the user or password").doesNotContain("s3cret");
        assertThat(run("--db", "jdbc:postgresql://127.0.0.1:1/kith?connectTimeout=2&PASSWORD=s3cret;x", "today"))
                .contains("PASSWORD=***").doesNotContain("s3cret");
    }

    /** What a command prints on stderr, run with no data directory of its own; it must fail with exit code 1. */
    private static String run(String... args) {
        StringWriter err = new StringWriter();
        int code = KithCommand.run(Cli.CLOCK, java.util.Map.of(), new BufferedReader(new StringReader("")),
                new PrintWriter(new StringWriter()), new PrintWriter(err), args);
        assertThat(code).as(String.join(" ", args)).isEqualTo(1);
        return err.toString();
    }

    @Test
    void aDamagedDatabaseFileIsSaidSoInOneLineWithoutTheDriversInnards() throws IOException {
        Path folder = Files.createTempDirectory("kith-damaged");
        try {
            for (int i = 0; i < 60; i++) {
                assertThat(kith(folder, "add", "Person Number " + i, "--note", "x".repeat(200)).exitCode()).isZero();
            }
            Path file = folder.resolve("kith.db");
            byte[] bytes = Files.readAllBytes(file);
            // The first pages (SQLite's header, the schema) stay; the rest, where the contacts are, is overwritten.
            for (int i = 16 * 4096; i < bytes.length; i++) {
                bytes[i] = (byte) (i * 31 + 7);
            }
            Files.write(file, bytes);
            for (String[] command : new String[][] {{"contacts"}, {"add", "Grace Hopper"}, {"show", "Person Number 3"}}) {
                Cli.Result damaged = kith(folder, command);
                expect(damaged, 1, "the database file is damaged or is not a SQLite database");
                assertThat(damaged.err()).doesNotContain("org.").doesNotContain("Exception").doesNotContain("SQLITE_")
                        .doesNotContain("statement");
            }
        } finally {
            deleteTree(folder);
        }
    }

    @Test
    void aDatabaseKeptBusyByAnotherProcessIsSaidSo() throws Exception {
        Path folder = Files.createTempDirectory("kith-busy");
        try {
            assertThat(kith(folder, "add", "Grace Hopper").exitCode()).isZero();
            try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("kith.db"));
                 java.sql.Statement statement = other.createStatement()) {
                // Another process's write transaction, held past the command's 10 seconds of patience.
                statement.execute("BEGIN IMMEDIATE");
                Cli.Result busy = kith(folder, "add", "Alan Kay");
                expect(busy, 1, "the database stayed busy: another process kept it locked for 10 seconds; try again");
                statement.execute("ROLLBACK");
            }
            assertThat(kith(folder, "contacts").out()).contains("Grace Hopper").doesNotContain("Alan Kay");
        } finally {
            deleteTree(folder);
        }
    }

    @Test
    void aMistypedCommandOrOptionGetsTheClosestOneAndEachMessageSaysWhatToDo() throws IOException {
        Path folder = Files.createTempDirectory("kith-words");
        try {
            expect(kith(folder, "todya"), 2, "kith: 'todya' is not a command: did you mean 'today'? (see 'kith --help')");
            expect(kith(folder, "xyzzy"), 2, "kith: 'xyzzy' is not a command (see 'kith --help')");
            expect(kith(folder), 2, "kith: give a command, such as today, add, log, import or serve (see 'kith --help')");
            expect(kith(folder, "today", "--jsno"), 2, "Unknown option: '--jsno': did you mean '--json'?");
            // A command's option given before the command is said where it goes.
            expect(kith(folder, "--json", "me"), 2, "kith: '--json' is an option of 'me': give it after the command, as in 'kith me --json' (see 'kith me --help')");
            expect(kith(folder, "--circle", "Mentors", "contacts"), 2,
                    "kith: '--circle' is an option of 'contacts': give it after the command, as in 'kith contacts --circle ...' (see 'kith contacts --help')");
            expect(kith(folder, "--nothing", "contacts"), 2, "kith: Unknown option: '--nothing' (see 'kith --help')");
            expect(kith(folder, "--user", "ann", "--circle=Mentors", "contacts"), 2, "kith: '--circle' is an option of 'contacts'");
            expect(kith(folder, "--user", "ann", "--circle", "Mentors", "contacts"), 2, "kith: '--circle' is an option of 'contacts'");
            expect(kith(folder, "--user", "ann", "--city", "Berlin", "add", "Ann"), 2, "kith: '--city' is an option of 'add'");
            // Whatever picocli made of it: the option's value taken for a command, or the command's own error first.
            expect(kith(folder, "--on", "today", "log", "grace"), 2,
                    "kith: '--on' is an option of 'log': give it after the command, as in 'kith log --on ...' (see 'kith log --help')");
            expect(kith(folder, "--on", "yesterday", "log", "grace"), 2, "kith: '--on' is an option of 'log'");
            expect(kith(folder, "--user", "ann", "--on=today", "log", "grace"), 2, "kith: '--on' is an option of 'log'");
            // The command is the word right after the option or its value: with more between, picocli's own words.
            expect(kith(folder, "--json", "Mentors", "contacts"), 2, "kith: Unknown option");
            Cli.Result snooze = kith(folder, "snooze", "grace");
            expect(snooze, 2, "kith: Missing required argument");
            assertThat(snooze.err()).doesNotContain("Error:");
            expect(kith(folder, "me", "--daily-limit", "abc"), 2, "'abc' is not a whole number: give a daily limit from 1 to 100");
            expect(kith(folder, "serve", "--port", "abc"), 2, "'abc' is not a whole number, such as 5");
            expect(kith(folder, "import", "csv", folder.toString()), 1, folder + " is a folder: give the path of the exported file in it");
            Path card = Files.writeString(folder.resolve("ann.vcf"), "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nEND:VCARD\r\n");
            expect(kith(folder, "import", "csv", card.toString()), 1, "this is a vCard file, not a CSV one: import it with 'kith import vcard'");
            Path file = Files.writeString(folder.resolve("notes.txt"), "not a folder");
            expect(kith(file, "today"), 1, file + " is a file, not a folder: pass --data DIR (or set KITH_HOME)");
            // The system's reason, not the path a second time.
            expect(kith(file.resolve("kith"), "today"), 1, "cannot create the data directory " + file.resolve("kith")
                    + " (Not a directory): pass --data DIR");
            assertThat(kith(folder, "contacts").out()).startsWith("No contacts yet");
        } finally {
            deleteTree(folder);
        }
    }

    @Test
    void anEmptyDataFolderIsRefusedRatherThanTakenForTheCurrentOne() {
        boolean before = Files.exists(Path.of("kith.db"));
        expect(kith(List.of("--data", "", "contacts")), 2, "--data is empty: give a folder");
        assertThat(Files.exists(Path.of("kith.db"))).isEqualTo(before);
    }

    @Test
    void aPathOrDatabaseUrlWithANulIsRefusedInOneLineOfOurOwn() throws IOException {
        Path folder = Files.createTempDirectory("kith-nul");
        try {
            // A NUL reaches an argument only from an @file; Java's own words were "cannot convert ... to interface Path".
            expect(kith(List.of("--data", folder + "/a\0b", "contacts")), 2,
                    "the path '" + folder + "/a b' holds a NUL character, which no file's name can: write the path without it");
            expect(kith(folder, "export", "json", "--out", folder + "/out\0.json"), 2, "holds a NUL character");
            assertThat(folder.resolve("out")).doesNotExist();
            // Dropped on the way to the server, the NUL made another database's name, then "cannot be reached".
            expect(kith(folder, "--db", "jdbc:postgresql://127.0.0.1:5432/kith\0x", "contacts"), 2,
                    "'jdbc:postgresql://127.0.0.1:5432/kith x' (from --db) holds a control character (such as a NUL): write the URL without it");
        } finally {
            deleteTree(folder);
        }
    }

    private static Cli.Result kith(Path folder, String... args) {
        List<String> all = new ArrayList<>(List.of("--data", folder.toString()));
        all.addAll(List.of(args));
        return kith(all);
    }

    private static Cli.Result kith(List<String> all) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KithCommand.run(Cli.CLOCK, Map.of("USER", "ada"), new BufferedReader(new StringReader("")),
                new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Cli.Result(code, out.toString(), err.toString());
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static void expect(Cli.Result result, int exitCode, String message) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(exitCode);
        assertThat(result.err()).contains(message).doesNotContain("\tat ").startsWith("kith: ");
        assertThat(result.err().lines()).as(result.err()).hasSize(1);
    }
}
