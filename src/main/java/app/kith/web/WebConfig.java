package app.kith.web;

/**
 * Where the web app listens, whether its cookies are sent over TLS only, and whether it is reached through a reverse
 * proxy whose X-Forwarded-For and X-Forwarded-Proto it may trust (see {@link Clients}).
 */
public record WebConfig(String host, int port, boolean secureCookies, boolean behindProxy) {
    /** Reached directly. */
    public WebConfig(String host, int port, boolean secureCookies) {
        this(host, port, secureCookies, false);
    }
}
