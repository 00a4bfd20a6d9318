package app.kith.web;

import io.javalin.http.Context;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Enumeration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who sent a request, and over what: the peer of the connection, or, {@code behindProxy} (a reverse proxy such as
 * nginx or Caddy in front of every instance), the client that proxy saw, from the last entry of the headers it adds.
 * Only the last: the ones before it came with the request and anyone can write them. Without a proxy these headers
 * are not read at all, so a client cannot choose the address its failed sign-ins count against.
 */
final class Clients {
    /**
     * The characters an IPv6 address is written in, once its brackets, zone and port are taken off, starting as
     * InetAddress needs to read it as a literal (a hex digit or a colon) rather than look it up as a host's name.
     */
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");
    /** {@code [address]} or {@code [address]:port}, as IPv6 is written with a port; the address in group 1. */
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]*)](?::\\d+)?");
    /** Four numbers of 0 to 255, without leading zeros (which some parsers read as octal). */
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** {@code a.b.c.d:port}; the address in group 1. */
    private static final Pattern V4_WITH_PORT = Pattern.compile("([0-9.]+):\\d+");

    private final boolean behindProxy;

    Clients(boolean behindProxy) {
        this.behindProxy = behindProxy;
    }

    /** The client's address, that failed sign-ins are counted against. */
    String address(Context ctx) {
        if (behindProxy) {
            String forwarded = address(last(ctx, "X-Forwarded-For"));
            if (forwarded != null) {
                return forwarded;
            }
        }
        return ctx.ip();
    }

    /**
     * The address alone, without the port some proxies write after it (each connection would count apart) or an IPv6
     * zone; null if it is none ("unknown", a host name).
     */
    static String address(String forwarded) {
        if (forwarded == null) {
            return null;
        }
        String address = forwarded;
        Matcher bracketed = BRACKETED.matcher(address);
        Matcher withPort = V4_WITH_PORT.matcher(address);
        if (bracketed.matches()) {
            address = bracketed.group(1);
        } else if (withPort.matches()) {
            address = withPort.group(1);
        }
        int zone = address.indexOf('%');
        address = zone < 0 ? address : address.substring(0, zone);
        // Only what reads as an IP literal is parsed, so that nothing is looked up in DNS: four dotted numbers, or
        // text with a colon, which InetAddress takes for IPv6 or refuses.
        if (!IPV4.matcher(address).matches() && !(address.contains(":") && ADDRESS.matcher(address).matches())) {
            return null;
        }
        try {
            // One spelling for each address: ::ffff:1.2.3.4 is 1.2.3.4, and 2001:DB8:0::1 is 2001:db8::1.
            return InetAddress.getByName(address).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Whether the browser reached Kith over HTTPS, directly or through the proxy. */
    boolean https(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || behindProxy && "https".equalsIgnoreCase(last(ctx, "X-Forwarded-Proto"));
    }

    /** The last of a header's comma-separated values, on its last line if it came on several; null if none. */
    private static String last(Context ctx, String header) {
        String line = null;
        for (Enumeration<String> lines = ctx.req().getHeaders(header); lines != null && lines.hasMoreElements(); ) {
            line = lines.nextElement();
        }
        if (line == null) {
            return null;
        }
        String value = line.substring(line.lastIndexOf(',') + 1).strip();
        return value.isEmpty() ? null : value;
    }
}
