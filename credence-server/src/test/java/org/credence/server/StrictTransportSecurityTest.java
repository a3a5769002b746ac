package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import org.credence.app.db.Database;
import org.credence.app.db.DatabaseSettings;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.MasterKey;
import org.credence.app.organization.PasswordHasher;
import org.credence.testing.db.Engine;
import org.credence.testing.db.TestDatabase;
import org.credence.testing.db.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * {@code Strict-Transport-Security} tells browsers to come back over https only: sent when the
 * configured base URL is https (a TLS proxy in front of Credence), never when it is http (browsers
 * would then refuse a plain-http installation they had once seen).
 */
class StrictTransportSecurityTest {

    @Test
    void should_send_hsts_when_the_base_url_is_https() throws Exception {
        HttpResponse<String> page = get("https://credentials.example.edu", "/login");
        HttpResponse<String> api = get("https://credentials.example.edu", "/api/v1/me");

        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .hasValue(CredenceServer.HSTS);
        assertThat(api.headers().firstValue("Strict-Transport-Security"))
                .hasValue(CredenceServer.HSTS);
        assertThat(CredenceServer.HSTS).startsWith("max-age=31536000");
    }

    @Test
    void should_not_send_hsts_when_the_base_url_is_http() throws Exception {
        HttpResponse<String> page = get("http://localhost", "/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private static HttpResponse<String> get(String baseUrl, String path) throws Exception {
        TestDatabase testDatabase = TestDatabases.fresh(Engine.H2);
        DidWebHost host = DidWebHost.of(baseUrl);
        try (Services services =
                        Services.of(
                                Database.open(
                                        new DatabaseSettings(
                                                testDatabase.jdbcUrl(),
                                                testDatabase.user(),
                                                testDatabase.password(),
                                                2)),
                                host,
                                MasterKey.generate(new SecureRandom()),
                                Clock.systemUTC(),
                                new PasswordHasher.Parameters(64, 1, 1));
                CredenceServer.Handle server =
                        CredenceServer.create(new ServerConfig(0, host), services).start()) {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + server.port() + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        }
    }
}
