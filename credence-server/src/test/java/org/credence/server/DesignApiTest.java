package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.credence.app.organization.Role;
import org.credence.server.TestServer.Browser;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The write API for issuers, skill frameworks and achievements, on both engines. */
class DesignApiTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_create_patch_and_rotate_issuers_keeping_old_keys_in_the_did_document(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Browser owner = server.signUp("Riverside", "ada@example.edu");
            String token = server.apiToken(owner, Role.OWNER);
            String issuerToken = server.apiToken(owner, Role.ISSUER);

            // WHEN
            HttpResponse<String> created =
                    server.api(
                            "POST",
                            "/api/v1/issuers",
                            token,
                            "{\"slug\":\"nursing\",\"name\":\"Nursing\",\"url\":\"https://n.example.edu\"}");
            String id = json(created).getString("id");
            HttpResponse<String> patched =
                    server.api(
                            "PATCH",
                            "/api/v1/issuers/" + id,
                            token,
                            "{\"name\":\"Riverside Nursing\",\"url\":null}");
            HttpResponse<String> rotated =
                    server.api("POST", "/api/v1/issuers/" + id + "/rotate-key", token, null);
            HttpResponse<String> read = server.api("GET", "/api/v1/issuers/" + id, token, null);
            HttpResponse<String> byIssuer =
                    server.api(
                            "POST",
                            "/api/v1/issuers",
                            issuerToken,
                            "{\"slug\":\"x\",\"name\":\"X\"}");
            HttpResponse<String> slugChange =
                    server.api("PATCH", "/api/v1/issuers/" + id, token, "{\"slug\":\"other\"}");
            HttpResponse<String> taken =
                    server.api(
                            "POST",
                            "/api/v1/issuers",
                            token,
                            "{\"slug\":\"nursing\",\"name\":\"Again\"}");
            HttpResponse<String> didDocument =
                    server.get("/issuers/nursing/did.json", (String) null);

            // THEN
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/issuers/" + id);
            assertThat(json(patched).getString("name")).isEqualTo("Riverside Nursing");
            assertThat(json(patched).containsKey("url")).isFalse();
            assertThat(rotated.statusCode()).isEqualTo(201);
            assertThat(json(rotated).getString("verificationMethod"))
                    .isEqualTo("did:web:localhost:issuers:nursing#key-2");
            assertThat(json(read).getString("didDocument"))
                    .isEqualTo("http://localhost/issuers/nursing/did.json");
            assertThat(byIssuer.statusCode()).isEqualTo(403);
            assertThat(slugChange.statusCode()).isEqualTo(400);
            assertThat(slugChange.body()).contains("\"field\":\"slug\"");
            assertThat(taken.statusCode()).isEqualTo(409);
            JsonArray methods = json(didDocument).getJsonArray("assertionMethod");
            assertThat(methods.getValuesAs(JsonValue::toString))
                    .containsExactly(
                            "\"did:web:localhost:issuers:nursing#key-1\"",
                            "\"did:web:localhost:issuers:nursing#key-2\"");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_import_frameworks_from_csv_bodies_and_report_refused_lines(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Browser owner = server.signUp("Riverside", "ada@example.edu");
            String token = server.apiToken(owner, Role.ISSUER);
            String viewerToken = server.apiToken(owner, Role.VIEWER);

            // WHEN
            HttpResponse<String> imported =
                    csv(
                            server,
                            token,
                            "name=Nursing&version=2024&source=custom",
                            DesignerPagesTest.CSV);
            HttpResponse<String> esco =
                    csv(
                            server,
                            token,
                            "name=ESCO&version=1.2&source=esco",
                            "conceptUri,preferredLabel,description\nhttp://data.europa.eu/esco/skill/abc,use CPR,Performs CPR\n");
            HttpResponse<String> refused =
                    csv(
                            server,
                            token,
                            "name=Bad&version=1&source=custom",
                            "code,name,description,url\nA,,x,\n");
            HttpResponse<String> byViewer =
                    csv(
                            server,
                            viewerToken,
                            "name=N&version=1&source=custom",
                            DesignerPagesTest.CSV);
            HttpResponse<String> search = server.api("GET", "/api/v1/skills?q=cpr", token, null);
            HttpResponse<String> frameworks =
                    server.api("GET", "/api/v1/skill-frameworks", token, null);

            // THEN
            assertThat(imported.statusCode()).isEqualTo(201);
            assertThat(json(imported).getInt("skillCount")).isEqualTo(2);
            assertThat(esco.statusCode()).isEqualTo(201);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValue("application/problem+json");
            assertThat(refused.body())
                    .contains("\"errors\":[{\"line\":2,\"detail\":\"name: is required\"}]");
            assertThat(byViewer.statusCode()).isEqualTo(403);
            assertThat(search.body())
                    .contains(
                            "\"name\":\"use CPR\"",
                            "\"url\":\"http://data.europa.eu/esco/skill/abc\"");
            assertThat(Json.createReader(new StringReader(frameworks.body())).readArray())
                    .hasSize(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_create_version_and_list_achievements(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Browser owner = server.signUp("Riverside", "ada@example.edu");
            String token = server.apiToken(owner, Role.ISSUER);
            String viewerToken = server.apiToken(owner, Role.VIEWER);
            csv(server, token, "name=Nursing&version=2024&source=custom", DesignerPagesTest.CSV);
            String skillId =
                    Json.createReader(
                                    new StringReader(
                                            server.api("GET", "/api/v1/skills?q=wound", token, null)
                                                    .body()))
                            .readArray()
                            .getJsonObject(0)
                            .getString("id");
            String design =
                    "{\"name\":\"Wound care\",\"description\":\"Dresses wounds\",\"criteriaNarrative\":\"Pass\","
                            + "\"achievementType\":\"Certificate\",\"effortHours\":12.5,\"creditsAvailable\":2,"
                            + "\"level\":\"EQF 4\",\"fieldOfStudy\":\"Nursing\",\"tags\":[\"clinical\"],\"language\":\"en\","
                            + "\"validityMonths\":24,\"statusPolicy\":\"revocable-and-suspendable\",\"skillIds\":[\""
                            + skillId
                            + "\"]}";

            // WHEN
            HttpResponse<String> created =
                    server.api("POST", "/api/v1/achievements", token, design);
            String id = json(created).getString("id");
            HttpResponse<String> read =
                    server.api("GET", "/api/v1/achievements/" + id, viewerToken, null);
            HttpResponse<String> edited =
                    server.api(
                            "PUT",
                            "/api/v1/achievements/" + id,
                            token,
                            "{\"baseVersion\":1,\"name\":\"Wound care II\",\"description\":\"d\",\"criteriaNarrative\":\"c\"}");
            HttpResponse<String> stale =
                    server.api(
                            "PUT",
                            "/api/v1/achievements/" + id,
                            token,
                            "{\"baseVersion\":1,\"name\":\"Late\",\"description\":\"d\",\"criteriaNarrative\":\"c\"}");
            HttpResponse<String> versions =
                    server.api(
                            "GET", "/api/v1/achievements/" + id + "/versions", viewerToken, null);
            HttpResponse<String> byViewer =
                    server.api("POST", "/api/v1/achievements", viewerToken, design);
            HttpResponse<String> badHours =
                    server.api(
                            "POST",
                            "/api/v1/achievements",
                            token,
                            "{\"name\":\"n\",\"description\":\"d\",\"criteriaNarrative\":\"c\",\"effortHours\":\"many\"}");
            HttpResponse<String> badPolicy =
                    server.api(
                            "POST",
                            "/api/v1/achievements",
                            token,
                            "{\"name\":\"n\",\"description\":\"d\",\"criteriaNarrative\":\"c\",\"statusPolicy\":\"pausable\"}");
            HttpResponse<String> missingName =
                    server.api(
                            "POST",
                            "/api/v1/achievements",
                            token,
                            "{\"description\":\"d\",\"criteriaNarrative\":\"c\"}");
            String hostileSvg =
                    Base64.getEncoder().encodeToString(DesignerPagesTest.HOSTILE_SVG.content());
            HttpResponse<String> hostile =
                    server.api(
                            "POST",
                            "/api/v1/achievements",
                            token,
                            "{\"name\":\"n\",\"description\":\"d\",\"criteriaNarrative\":\"c\",\"image\":\"data:image/svg+xml;base64,"
                                    + hostileSvg
                                    + "\"}");

            // THEN
            assertThat(created.statusCode()).isEqualTo(201);
            JsonObject shown = json(read);
            assertThat(shown.getString("name")).isEqualTo("Wound care");
            assertThat(shown.getJsonNumber("effortHours").bigDecimalValue())
                    .isEqualByComparingTo("12.5");
            assertThat(shown.getInt("validityMonths")).isEqualTo(24);
            assertThat(shown.getString("statusPolicy")).isEqualTo("revocable-and-suspendable");
            assertThat(json(edited).getString("statusPolicy"))
                    .as("the default")
                    .isEqualTo("revocable");
            assertThat(shown.getString("achievementType")).isEqualTo("Certificate");
            assertThat(shown.getJsonArray("skills").getJsonObject(0).getString("skillId"))
                    .isEqualTo(skillId);
            assertThat(edited.statusCode()).isEqualTo(200);
            assertThat(json(edited).getInt("version")).isEqualTo(2);
            assertThat(stale.statusCode()).isEqualTo(409);
            JsonArray history = Json.createReader(new StringReader(versions.body())).readArray();
            assertThat(history).hasSize(2);
            assertThat(history.getJsonObject(0).getString("name")).isEqualTo("Wound care II");
            assertThat(history.getJsonObject(1).getString("name")).isEqualTo("Wound care");
            assertThat(byViewer.statusCode()).isEqualTo(403);
            assertThat(badHours.body()).contains("\"field\":\"effortHours\"");
            assertThat(missingName.body()).contains("\"field\":\"name\"");
            assertThat(badPolicy.statusCode()).isEqualTo(400);
            assertThat(badPolicy.body()).contains("\"field\":\"statusPolicy\"");
            assertThat(hostile.statusCode()).isEqualTo(400);
            assertThat(hostile.body()).contains("\"field\":\"image\"", "is not allowed");
        }
    }

    private static HttpResponse<String> csv(
            TestServer server, String token, String query, String csv) {
        return server.send(
                HttpRequest.newBuilder(server.uri("/api/v1/skill-frameworks?" + query))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/csv; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
