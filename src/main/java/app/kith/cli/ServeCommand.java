package app.kith.cli;

import app.kith.Kith;
import app.kith.config.KithConfig;
import app.kith.web.WebConfig;
import app.kith.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

/** {@code kith serve}: runs the web app until stopped (SIGTERM or Ctrl-C finish the requests in flight first). */
@Command(name = "serve", description = "Run the web app.")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;
    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;
    @Option(names = "--secure-cookies", description = "Send cookies over HTTPS only (when behind a TLS proxy).")
    boolean secureCookies;
    @Option(names = "--behind-proxy", description = "Kith is reached only through a reverse proxy (nginx, Caddy) that adds "
            + "X-Forwarded-For and X-Forwarded-Proto: count failed sign-ins against the address the proxy saw, and send "
            + "cookies Secure when it was reached over HTTPS.")
    boolean behindProxy;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be from 1 to 65535 (or 0 for a free one), not " + port);
        }
        Kith kith = root.kith(true);
        KithConfig config = root.config();
        // Held until the process ends (the data directory exists now): a restore meanwhile is refused (see ServeLock).
        ServeLock serving = config.usesSqlite() ? ServeLock.serve(config.dataDir()) : null;
        long owner = root.userId();
        WebServer server;
        try {
            server = WebServer.start(kith, new WebConfig(host, port, secureCookies, behindProxy), Clock.systemDefaultZone());
        } catch (RuntimeException e) {
            if (serving != null) {
                serving.close();
            }
            throw e;
        }
        String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Kith is serving at " + base + "/");
        if (!kith.accounts().hasPassword(owner)) {
            out.println("Set your password (this link works once): " + base + "/setup/" + kith.setupLinks().create(owner));
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            int code = 0;
            try {
                server.close();
            } catch (RuntimeException e) {
                // Requests still unfinished when the wait was over were cut off: said in one line, and the rest let go.
                System.err.println("kith: stopped with requests unfinished after " + WebServer.STOP_SECONDS
                        + " seconds; they were cut off (" + e.getClass().getSimpleName() + ")");
                code = 1;
            } finally {
                root.close();
                if (serving != null) {
                    serving.close();
                }
                stopped.countDown();
            }
            // A stop asked for (SIGTERM, Ctrl-C) and carried out is a clean end: exit 0, not the signal's 143 or 130,
            // which a service manager counts as a failure.
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(code);
        }, "kith-shutdown"));
        stopped.await();
        return 0;
    }
}
