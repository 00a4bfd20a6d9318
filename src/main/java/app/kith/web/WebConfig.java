package app.kith.web;

/** Where the web app listens and whether its cookies are sent over TLS only. */
public record WebConfig(String host, int port, boolean secureCookies) {
}
