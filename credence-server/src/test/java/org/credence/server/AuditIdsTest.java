package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.credence.app.organization.Role;
import org.credence.core.json.Jsons;
import org.credence.server.TestServer.Browser;
import org.credence.testing.db.Engine;
import org.credence.testing.db.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * Audit event ids are random, not positions in one sequence shared by every organisation: with a
 * global sequence, the gap between two of an organisation's ids counted what the others had done in
 * between (how many credentials a competitor issued this week).
 */
class AuditIdsTest {

    @Test
    void should_show_ids_that_reveal_nothing_of_other_organisations() {
        try (TestServer server = TestServer.start(TestDatabases.fresh(Engine.H2))) {
            // GIVEN organisation B acts before and after organisation A acts 20 times
            Browser beta = server.signUp("Beta College", "Bo Beta", "bo@beta.example");
            String betaToken = server.apiToken(beta, Role.OWNER);
            Browser alpha = server.signUp("Alpha College", "Al Alpha", "al@alpha.example");
            for (int i = 0; i < 20; i++) {
                server.apiToken(alpha, Role.VIEWER);
            }
            server.apiToken(beta, Role.VIEWER);

            // WHEN B reads its log through the API, the CSV and the page
            List<String> apiIds = ids(server.api("GET", "/api/v1/audit", betaToken, null));
            String csv = server.get("/app/audit.csv", beta).body();

            // THEN each id is a random (version 4) UUID, so no gap counts A's events
            assertThat(apiIds).hasSizeGreaterThanOrEqualTo(3);
            for (String id : apiIds) {
                assertThat(UUID.fromString(id).version()).as(id).isEqualTo(4);
            }
            List<String> csvIds =
                    csv.lines().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList();
            assertThat(csvIds).isEqualTo(apiIds);
            List<String> alphaIds =
                    ids(
                            server.api(
                                    "GET",
                                    "/api/v1/audit",
                                    server.apiToken(alpha, Role.OWNER),
                                    null));
            assertThat(alphaIds).hasSizeGreaterThan(20).doesNotContainAnyElementsOf(apiIds);
        }
    }

    @Test
    void should_page_by_an_opaque_id_within_the_organisation_only() {
        try (TestServer server = TestServer.start(TestDatabases.fresh(Engine.H2))) {
            Browser beta = server.signUp("Beta College", "Bo Beta", "bo@beta.example");
            String betaToken = server.apiToken(beta, Role.OWNER);
            for (int i = 0; i < 4; i++) {
                server.apiToken(beta, Role.VIEWER);
            }
            Browser alpha = server.signUp("Alpha College", "Al Alpha", "al@alpha.example");
            String alphaId =
                    ids(server.api(
                                    "GET",
                                    "/api/v1/audit",
                                    server.apiToken(alpha, Role.OWNER),
                                    null))
                            .get(0);
            List<String> all = ids(server.api("GET", "/api/v1/audit", betaToken, null));

            List<String> older =
                    ids(
                            server.api(
                                    "GET",
                                    "/api/v1/audit?limit=2&before=" + all.get(1),
                                    betaToken,
                                    null));
            HttpResponse<String> foreign =
                    server.api("GET", "/api/v1/audit?before=" + alphaId, betaToken, null);
            HttpResponse<String> numeric =
                    server.api("GET", "/api/v1/audit?before=12", betaToken, null);

            assertThat(older).isEqualTo(all.subList(2, 4));
            assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(400);
            assertThat(foreign.body()).contains("before");
            assertThat(numeric.statusCode()).isEqualTo(400);
        }
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try (var reader = Jsons.PROVIDER.createReader(new StringReader(response.body()))) {
            JsonArray events = reader.readArray();
            return events.stream()
                    .map(event -> ((JsonObject) event).get("id"))
                    .map(
                            id ->
                                    id instanceof jakarta.json.JsonString text
                                            ? text.getString()
                                            : id.toString())
                    .toList();
        }
    }
}
