package app.kith.web;

import app.kith.Kith;
import app.kith.storage.Database;
import app.kith.storage.Dialect;
import app.kith.storage.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances on one PostgreSQL database behave as one: nothing a request needs lives in one process. */
class TwoInstancesTest {
    @Test
    void aSessionAndTheLoginThrottleAreSharedByInstancesOfOneDatabase() {
        Clock clock = Clock.systemUTC();
        try (TestDatabase db = TestDatabase.create(Dialect.POSTGRESQL);
             WebApp first = new WebApp(db, clock);
             Database secondDatabase = Database.openPostgres(db.url());
             Kith secondKith = new Kith(secondDatabase, clock);
             WebServer second = WebServer.start(secondKith, new WebConfig("127.0.0.1", 0, false), clock)) {
            WebApp.Client ada = first.signedIn("ada");
            String session = ada.cookie(Sessions.COOKIE).getValue();

            URI secondUrl = URI.create("http://127.0.0.1:" + second.port() + "/");
            HttpResponse<String> today = first.anonymous().send(HttpRequest.newBuilder(secondUrl)
                    .header("Cookie", Sessions.COOKIE + "=" + session).build());
            assertThat(today.statusCode()).isEqualTo(200);
            assertThat(today.body()).contains("Today");

            for (int i = 0; i < 10; i++) {
                first.anonymous().login("ada", "wrong-password-" + i);
            }
            assertThat(secondKith.throttle().lockedFor("ada", "203.0.113.9")).isPresent();
        }
    }
}
