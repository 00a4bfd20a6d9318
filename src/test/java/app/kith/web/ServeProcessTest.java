package app.kith.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kith serve} as a real process: it prints where it serves and a setup link, and SIGTERM stops it cleanly. */
class ServeProcessTest {
    private static final Pattern SERVING = Pattern.compile("Kith is serving at (http://\\S+)/");

    @Test
    void servePrintsItsUrlAndASetupLinkAndStopsOnSigterm(@TempDir Path data) throws Exception {
        Process process = serve(data);
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = CompletableFuture.supplyAsync(() -> readLine(output)).get(30, TimeUnit.SECONDS);
            Matcher serving = SERVING.matcher(first);
            assertThat(serving.find()).as(first).isTrue();
            String base = serving.group(1);
            String setup = readLine(output);
            assertThat(setup).startsWith("Set your password (this link works once): " + base + "/setup/");
            CompletableFuture<List<String>> rest = CompletableFuture.supplyAsync(() -> output.lines().toList());

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            String link = setup.substring(setup.indexOf(base));
            assertThat(http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .contains("Set a password for");

            // A restore on the same data directory, from another process, is refused while it serves.
            Path backup = data.resolve("no-such-backup.db");
            CommandRun refused = kith(data, "restore", backup.toString(), "--force");
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.output()).startsWith("kith: kith serve (or another restore) is running on " + data + ": stop it first, then restore");

            long stopping = System.nanoTime();
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(15, TimeUnit.SECONDS)).isTrue();
            System.out.println("serve stopped " + (System.nanoTime() - stopping) / 1_000_000 + " ms after SIGTERM");
            // A stop carried out is a clean end, said with nothing more: exit 0, not the signal's 143.
            assertThat(process.exitValue()).isZero();
            assertThat(rest.get(15, TimeUnit.SECONDS)).isEmpty();
            // Stopped, it holds nothing: the restore goes on to the file (not there).
            assertThat(kith(data, "restore", backup.toString(), "--force").output()).startsWith("kith: there is no file " + backup);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void sigtermFinishesARequestInFlightAndTakesNoNewOnes(@TempDir Path data) throws Exception {
        Process process = serve(data);
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Matcher serving = SERVING.matcher(CompletableFuture.supplyAsync(() -> readLine(output)).get(30, TimeUnit.SECONDS));
            assertThat(serving.find()).isTrue();
            URI base = URI.create(serving.group(1));
            readLine(output); // the setup link
            CompletableFuture<List<String>> rest = CompletableFuture.supplyAsync(() -> output.lines().toList());

            // The sign-in form's token, and its cookie.
            HttpResponse<String> form = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
            assertThat(token.find()).isTrue();

            // A sign-in whose body is still on its way when the stop comes, a byte every 100 ms (a slow link, not a
            // silent one: a connection that sends nothing for a second once the stop began is let go).
            String body = "_csrf=" + token.group(1) + "&username=ada&password=not-the-password";
            try (Socket slow = new Socket(base.getHost(), base.getPort())) {
                slow.setSoTimeout(30_000);
                OutputStream out = slow.getOutputStream();
                out.write(("POST /login HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nCookie: " + cookie
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                        + "\r\nConnection: close\r\n\r\n" + body.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(300);
                process.destroy(); // SIGTERM
                CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                    try {
                        for (byte b : body.substring(10).getBytes(StandardCharsets.US_ASCII)) {
                            Thread.sleep(100);
                            out.write(b);
                            out.flush();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });

                // Meanwhile no new connection is taken.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                boolean refused = false;
                while (!refused && System.nanoTime() < deadline) {
                    try (Socket another = new Socket(base.getHost(), base.getPort())) {
                        Thread.sleep(50);
                    } catch (ConnectException e) {
                        refused = true;
                    }
                }
                assertThat(refused).as("new connections refused after SIGTERM").isTrue();
                assertThat(process.isAlive()).as("still finishing the sign-in in flight").isTrue();

                // The sign-in is answered in full, as any other time.
                sending.get(30, TimeUnit.SECONDS);
                String answer = new String(slow.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 401 ").contains("That username and password do not match.");
            }
            assertThat(process.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(rest.get(15, TimeUnit.SECONDS)).isEmpty();
        } finally {
            process.destroyForcibly();
        }
    }

    /** {@code kith serve} on a free port, in a process of its own, its standard error in its output. */
    private static Process serve(Path data) throws java.io.IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "app.kith.Main", "--data", data.toString(),
                "serve", "--port", "0")
                .redirectErrorStream(true)
                .start();
    }

    private record CommandRun(int code, String output) {
    }

    /** A kith command in a process of its own, as a user runs one beside a server. */
    private static CommandRun kith(Path data, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "app.kith.Main", "--data", data.toString()));
        command.addAll(List.of(args));
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new CommandRun(run.exitValue(), output);
    }

    private static String readLine(BufferedReader reader) {
        try {
            String line = reader.readLine();
            return line == null ? "" : line;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
