package app.kith.web;

import app.kith.Kith;
import app.kith.storage.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The fully wired web app on a real port over a test database, and browser-like clients for it. */
final class WebApp implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final Kith kith;
    final WebServer server;
    final long owner;

    WebApp(TestDatabase database, Clock clock) {
        this(database, clock, false);
    }

    /** The app, reached through a reverse proxy if {@code behindProxy} (as {@code kith serve --behind-proxy}). */
    WebApp(TestDatabase database, Clock clock, boolean behindProxy) {
        this.kith = new Kith(database.database(), clock);
        this.owner = kith.accounts().actingAccount(null, "ada").id();
        kith.accounts().setPassword(owner, PASSWORD);
        this.server = WebServer.start(kith, new WebConfig("127.0.0.1", 0, false, behindProxy), clock);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** A client with its own cookies, not signed in. */
    Client anonymous() {
        return new Client();
    }

    /** A client signed in as the given account (created with {@link #PASSWORD} if needed). */
    Client signedIn(String username) {
        if (kith.accounts().byUsername(username).isEmpty()) {
            kith.accounts().createUser(username, PASSWORD);
        }
        Client client = new Client();
        HttpResponse<String> response = client.login(username, PASSWORD);
        if (response.statusCode() != 303) {
            throw new AssertionError("login as " + username + " failed: " + response.statusCode() + " " + response.body());
        }
        client.csrf = client.csrfFrom(client.get("/").body());
        return client;
    }

    @Override
    public void close() {
        server.close();
    }

    /** One browser: cookies kept between requests, redirects not followed (tests look at them). */
    final class Client {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf = "";

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
        }

        HttpResponse<String> getHtmx(String path) {
            return send(HttpRequest.newBuilder(URI.create(url(path))).header("HX-Request", "true").GET().build());
        }

        /** A form POST carrying this session's CSRF token. */
        HttpResponse<String> post(String path, Map<String, String> form) {
            Map<String, String> withToken = new LinkedHashMap<>(form);
            withToken.putIfAbsent("_csrf", csrf);
            return postRaw(path, withToken, Map.of());
        }

        /** A form POST carrying this session's CSRF token, with one field sent once for each value (as ticked boxes are). */
        HttpResponse<String> post(String path, Map<String, String> form, String repeated, List<String> values) {
            Map<String, String> withToken = new LinkedHashMap<>(form);
            withToken.putIfAbsent("_csrf", csrf);
            String more = values.stream().map(value -> "&" + encode(Map.of(repeated, value))).collect(Collectors.joining());
            return postBody(path, encode(withToken) + more, Map.of());
        }

        /** A form POST exactly as given: no token is added. */
        HttpResponse<String> postRaw(String path, Map<String, String> form, Map<String, String> headers) {
            return postBody(path, encode(form), headers);
        }

        private HttpResponse<String> postBody(String path, String body, Map<String, String> headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            return send(request.build());
        }

        HttpResponse<String> login(String username, String password) {
            return login(username, password, Map.of());
        }

        /** Signs in with these headers on the form sent (as a proxy adds them). */
        HttpResponse<String> login(String username, String password, Map<String, String> headers) {
            String token = csrfFrom(get("/login").body());
            return postRaw("/login", Map.of("username", username, "password", password, "_csrf", token), headers);
        }

        String csrfFrom(String html) {
            Matcher matcher = CSRF.matcher(html);
            if (!matcher.find()) {
                throw new AssertionError("no _csrf field in: " + html);
            }
            return matcher.group(1);
        }

        HttpCookie cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst().orElse(null);
        }

        HttpResponse<String> send(HttpRequest request) {
            return send(request, HttpResponse.BodyHandlers.ofString());
        }

        /** The answer's bytes as sent (a gzipped one is not decoded). */
        HttpResponse<byte[]> sendForBytes(HttpRequest request) {
            return send(request, HttpResponse.BodyHandlers.ofByteArray());
        }

        private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
            try {
                return http.send(request, body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
