package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.credence.app.organization.Role;
import org.credence.server.TestServer.Browser;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HttpBasicsTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final String SCRIPT = "<script>alert(1)</script>";

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_escape_names_when_pages_show_them(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN: every user-chosen name holds markup
            Browser owner = server.signUp("Org " + SCRIPT, "Ada " + SCRIPT, "ada@example.edu");
            server.post("/app/tokens", owner, Map.of("name", "token " + SCRIPT, "role", "viewer"));
            server.member(owner, "grace@example.edu", Role.VIEWER);
            server.post(
                    "/app/members", owner, Map.of("email", "alan@example.edu", "role", "viewer"));

            // WHEN / THEN
            for (String path : List.of("/", "/app", "/app/members", "/app/tokens", "/app/audit")) {
                HttpResponse<String> page = server.get(path, owner);
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                assertThat(page.body()).as(path).doesNotContain(SCRIPT).contains("&lt;script&gt;");
            }
            HttpResponse<String> csv = server.get("/app/audit.csv", owner);
            assertThat(csv.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
            assertThat(csv.body())
                    .startsWith("id,occurred_at,actor,action,subject,detail")
                    .contains("token.created");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_answer_problems_when_bodies_are_too_large_or_malformed(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Browser owner = server.signUp("Riverside", "ada@example.edu");
            String token = server.apiToken(owner, Role.OWNER);

            // WHEN
            HttpResponse<String> large =
                    server.api(
                            "POST",
                            "/api/v1/members",
                            token,
                            "{\"email\":\"" + "a".repeat(1024 * 1024) + "\"}");
            HttpResponse<String> malformed =
                    server.api("POST", "/api/v1/members", token, "{\"email\":");
            HttpResponse<String> invalid =
                    server.api(
                            "POST",
                            "/api/v1/members",
                            token,
                            "{\"email\":\"x@example.edu\",\"role\":\"king\"}");
            HttpResponse<String> largePage =
                    server.post("/app/tokens", owner, Map.of("name", "n".repeat(1024 * 1024 + 1)));

            // THEN
            assertThat(large.statusCode()).isEqualTo(413);
            assertThat(large.headers().firstValue("Content-Type"))
                    .hasValue("application/problem+json");
            assertThat(large.body())
                    .contains("\"status\":413", "\"title\":\"Too large\"", "at most 1048576");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.body())
                    .contains("\"type\":\"about:blank\"", "\"status\":400", "Malformed JSON");
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(invalid.body()).contains("\"errors\":[{\"field\":\"role\"");
            assertThat(largePage.statusCode()).isEqualTo(413);
            assertThat(largePage.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_authenticate_the_api_by_bearer_token_only(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Browser owner = server.signUp("Riverside", "ada@example.edu");
            String token = server.apiToken(owner, Role.VIEWER);

            // WHEN
            HttpResponse<String> me = server.api("GET", "/api/v1/me", token, null);
            HttpResponse<String> cookieOnly =
                    server.send(
                            HttpRequest.newBuilder(server.uri("/api/v1/me"))
                                    .header("Cookie", "credence_session=" + owner.cookie())
                                    .GET());
            HttpResponse<String> forbidden = server.api("GET", "/api/v1/audit", token, null);
            HttpResponse<String> unknownRoute = server.api("GET", "/api/v1/nothing", token, null);

            // THEN
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body())
                    .contains("\"role\":\"viewer\"", owner.session().organisationId().toString());
            assertThat(cookieOnly.statusCode()).isEqualTo(401);
            assertThat(cookieOnly.headers().firstValue("Content-Type"))
                    .hasValue("application/problem+json");
            assertThat(forbidden.statusCode()).isEqualTo(403);
            assertThat(unknownRoute.statusCode()).isEqualTo(404);
            assertThat(unknownRoute.headers().firstValue("Content-Type"))
                    .hasValue("application/problem+json");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_send_security_headers_and_public_did_documents(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // WHEN
            HttpResponse<String> did = server.get("/.well-known/did.json", (String) null);
            HttpResponse<String> missing = server.get("/no/such/page", (String) null);
            HttpResponse<String> unknownIssuer =
                    server.get("/issuers/nobody/did.json", (String) null);

            // THEN
            for (HttpResponse<String> response : List.of(did, missing, unknownIssuer)) {
                assertThat(response.headers().firstValue("Content-Security-Policy"))
                        .hasValue(CredenceServer.CSP);
                assertThat(response.headers().firstValue("X-Content-Type-Options"))
                        .hasValue("nosniff");
                assertThat(response.headers().firstValue("Referrer-Policy"))
                        .hasValue("same-origin");
            }
            assertThat(did.statusCode()).isEqualTo(200);
            assertThat(did.headers().firstValue("Content-Type")).hasValue("application/did+json");
            assertThat(did.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
            assertThat(did.body()).contains("\"id\":\"did:web:localhost\"");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("There is nothing at /no/such/page");
            assertThat(unknownIssuer.statusCode()).isEqualTo(404);
            assertThat(unknownIssuer.body()).contains("Issuer not found");
        }
    }
}
