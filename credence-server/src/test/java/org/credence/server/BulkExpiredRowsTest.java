package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.credence.app.credential.CredentialQuery;
import org.credence.app.organization.Role;
import org.credence.server.CredentialPagesTest.Org;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bulk issues with rows whose credential would already be expired, over HTTP: the API's dry-run
 * report and the confirmation page warn and list them, confirming excludes them, and {@code
 * includeExpired} (API body or the page's box) issues them knowingly.
 */
class BulkExpiredRowsTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final String CSV =
            """
            email,name,valid_from,valid_until
            ana@example.org,Ana,2020-01-01,2021-01-01
            li@example.org,Li,,2099-01-01
            bo@example.org,Bo,2021-01-01,2020-01-01
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_warn_in_the_dry_run_and_exclude_expired_rows_unless_included(
            TestDatabase testDatabase) throws Exception {
        try (TestServer server = TestServer.start(testDatabase);
                Background jobs =
                        Background.start(server.services(), Optional.empty(), Clock.systemUTC())) {
            // GIVEN
            Org org = CredentialPagesTest.org(server, "Safe Medication");
            String token = server.apiToken(org.owner(), Role.ISSUER);

            // WHEN the CSV is uploaded through the API
            JsonObject report = upload(server, org, token);

            // THEN the report counts and lists the expired row, and refuses the inverted one
            assertThat(report.getInt("rows")).isEqualTo(3);
            assertThat(report.getInt("refused")).isEqualTo(1);
            assertThat(report.getInt("expired")).isEqualTo(1);
            assertThat(report.getInt("toIssue")).isEqualTo(1);
            assertThat(report.getBoolean("includeExpired")).isFalse();
            assertThat(report.getJsonArray("expiredRows").getJsonObject(0).getInt("line"))
                    .isEqualTo(2);
            assertThat(report.getJsonArray("expiredRows").getJsonObject(0).getString("message"))
                    .contains("has passed", "expired when issued");
            assertThat(report.getJsonArray("problems").getJsonObject(0).getString("message"))
                    .contains("valid_until: must be after valid_from");
            String id = report.getString("id");

            // AND the confirmation page says so and offers to include them
            String page = server.get("/app/bulk/" + id, org.owner()).body();
            assertThat(page)
                    .contains(
                            "id=\"expired-warning\"",
                            "1 row(s) would be expired the moment they are issued",
                            "name=\"includeExpired\"",
                            "not issued unless included");

            // WHEN it is confirmed through the API without them
            HttpResponse<String> bad =
                    server.api(
                            "POST",
                            "/api/v1/bulk-issues/" + id + "/confirm",
                            token,
                            "{\"includeExpired\":\"yes\"}");
            assertThat(bad.statusCode()).isEqualTo(400);
            HttpResponse<String> confirmed =
                    server.api("POST", "/api/v1/bulk-issues/" + id + "/confirm", token, null);

            // THEN only the valid row is issued
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);
            JsonObject done = finished(server, token, id);
            assertThat(done.getInt("issued")).isEqualTo(1);
            assertThat(done.getInt("excludedExpired")).isEqualTo(1);
            assertThat(credentials(server, org)).isEqualTo(1);

            // WHEN the same file is uploaded again and confirmed on the page with the box ticked
            String again = upload(server, org, token).getString("id");
            HttpResponse<String> ticked =
                    server.post(
                            "/app/bulk/" + again + "/confirm",
                            org.owner(),
                            Map.of("includeExpired", "yes"));

            // THEN the expired credential is issued too, and the report says it was included
            assertThat(ticked.statusCode()).isBetween(302, 303);
            JsonObject included = finished(server, token, again);
            assertThat(included.getBoolean("includeExpired")).isTrue();
            assertThat(included.getInt("issued")).isEqualTo(1);
            assertThat(credentials(server, org)).isEqualTo(2);
            assertThat(server.get("/app/bulk/" + again, org.owner()).body())
                    .contains("included at your request");
        }
    }

    private static JsonObject upload(TestServer server, Org org, String token) {
        HttpResponse<String> response =
                server.send(
                        HttpRequest.newBuilder(
                                        server.uri(
                                                "/api/v1/bulk-issues?issuerId="
                                                        + org.issuerId()
                                                        + "&achievementId="
                                                        + org.achievementId()
                                                        + "&sendEmail=false"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "text/csv")
                                .POST(HttpRequest.BodyPublishers.ofString(CSV)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response.body());
    }

    private static JsonObject finished(TestServer server, String token, String id)
            throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonObject issue =
                    json(server.api("GET", "/api/v1/bulk-issues/" + id, token, null).body());
            if (issue.getString("state").equals("completed")) {
                return issue;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("bulk issue " + id + " did not finish");
    }

    private static long credentials(TestServer server, Org org) {
        return server.services()
                .credentials()
                .list(org.owner().session().actor(), CredentialQuery.all())
                .total();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
