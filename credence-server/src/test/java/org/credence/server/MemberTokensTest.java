package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.organization.Role;
import org.credence.server.TestServer.Browser;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tokens die with their member, over HTTP: removal revokes them, a demotion caps them. */
class MemberTokensTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Pattern SECRET = Pattern.compile("cred_[A-Za-z0-9_-]{43}");

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_a_removed_members_token_and_cap_a_demoted_members_token(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN grace and bo, owners, each made an owner token on the tokens page
            Browser ada = server.signUp("Riverside", "ada@example.edu");
            Browser grace = server.member(ada, "grace@example.edu", Role.OWNER);
            Browser bo = server.member(ada, "bo@example.edu", Role.OWNER);
            String adaToken = server.apiToken(ada, Role.OWNER);
            String graceToken = createOnPage(server, grace, "grace sync");
            String boToken = createOnPage(server, bo, "bo sync");
            assertThat(server.api("GET", "/api/v1/tokens", boToken, null).statusCode())
                    .isEqualTo(200);

            // WHEN ada removes bo and makes grace an issuer
            HttpResponse<String> removed =
                    server.api(
                            "DELETE", "/api/v1/members/" + bo.session().userId(), adaToken, null);
            HttpResponse<String> demoted =
                    server.api(
                            "PUT",
                            "/api/v1/members/" + grace.session().userId() + "/role",
                            adaToken,
                            "{\"role\":\"issuer\"}");

            // THEN bo's token is refused, grace's acts as an issuer at most
            assertThat(removed.statusCode()).isEqualTo(204);
            assertThat(demoted.statusCode()).isEqualTo(200);
            assertThat(server.api("GET", "/api/v1/me", boToken, null).statusCode()).isEqualTo(401);
            assertThat(
                            server.api(
                                            "POST",
                                            "/api/v1/members",
                                            boToken,
                                            "{\"email\":\"bo2@example.edu\",\"role\":\"owner\"}")
                                    .statusCode())
                    .isEqualTo(401);
            assertThat(object(server.api("GET", "/api/v1/me", graceToken, null)).getString("role"))
                    .isEqualTo("issuer");
            assertThat(server.api("GET", "/api/v1/tokens", graceToken, null).statusCode())
                    .isEqualTo(403);
            assertThat(
                            server.api(
                                            "POST",
                                            "/api/v1/tokens",
                                            graceToken,
                                            "{\"name\":\"escape\",\"role\":\"owner\"}")
                                    .statusCode())
                    .isEqualTo(403);

            // AND the token list says who created each token and what it may do now
            List<JsonObject> tokens =
                    Json.createReader(
                                    new StringReader(
                                            server.api("GET", "/api/v1/tokens", adaToken, null)
                                                    .body()))
                            .readArray()
                            .getValuesAs(JsonObject.class);
            JsonObject gracesToken = named(tokens, "grace sync");
            assertThat(gracesToken.getJsonObject("createdBy").getString("email"))
                    .isEqualTo("grace@example.edu");
            assertThat(gracesToken.getString("role")).isEqualTo("owner");
            assertThat(gracesToken.getString("effectiveRole")).isEqualTo("issuer");
            JsonObject bosToken = named(tokens, "bo sync");
            assertThat(bosToken.getJsonObject("createdBy").getString("email"))
                    .isEqualTo("bo@example.edu");
            assertThat(bosToken.containsKey("revokedAt")).isTrue();
            assertThat(bosToken.containsKey("effectiveRole")).isFalse();
            assertThat(bosToken.getString("revokedReason")).contains("bo@example.edu was removed");
            assertThat(server.get("/app/tokens", ada).body())
                    .contains("grace@example.edu", "acts as issuer at most", "bo@example.edu");
        }
    }

    private static String createOnPage(TestServer server, Browser owner, String name) {
        HttpResponse<String> page =
                server.post("/app/tokens", owner, Map.of("name", name, "role", "owner"));
        Matcher secret = SECRET.matcher(page.body());
        assertThat(secret.find()).as(page.body()).isTrue();
        return secret.group();
    }

    private static JsonObject named(List<JsonObject> tokens, String name) {
        return tokens.stream()
                .filter(token -> token.getString("name").equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static JsonObject object(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
