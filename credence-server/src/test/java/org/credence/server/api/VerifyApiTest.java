package org.credence.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.credence.app.award.IssuedCredential;
import org.credence.app.credential.SecuringFormat;
import org.credence.core.json.JsonInput;
import org.credence.server.TestServer;
import org.credence.server.VerifyFixtures;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code POST /verify} for JSON clients: raw credentials by content type, or a request object. */
class VerifyApiTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    private static HttpResponse<String> post(
            TestServer server, String path, String contentType, byte[] body) {
        return server.send(
                HttpRequest.newBuilder(server.uri(path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonInput.DEFAULT.parseObject(response.body());
    }

    private static String verdict(HttpResponse<String> response) {
        return json(response).getJsonObject("credence").getString("verdict");
    }

    private static String check(HttpResponse<String> response, String name) {
        return json(response).getJsonObject("credence").getJsonArray("checks").stream()
                .map(JsonObject.class::cast)
                .filter(check -> check.getString("name").equals(name))
                .map(check -> check.getString("status"))
                .findFirst()
                .orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_verify_raw_json_jwt_png_and_request_objects(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            VerifyFixtures fixtures = VerifyFixtures.create(server, "api");
            IssuedCredential signed =
                    fixtures.issue("ada@example.org", SecuringFormat.DATA_INTEGRITY);
            IssuedCredential jwt = fixtures.issue("bo@example.org", SecuringFormat.VC_JWT);
            byte[] png = server.services().credentials().bakedPng(signed.id());

            // WHEN
            HttpResponse<String> rawJson =
                    post(
                            server,
                            "/verify?recipientEmail=ada@example.org",
                            "application/vc+ld+json",
                            signed.document().getBytes());
            HttpResponse<String> rawJwt =
                    post(server, "/verify", "application/vc+jwt", jwt.document().getBytes());
            HttpResponse<String> rawPng = post(server, "/verify", "image/png", png);
            HttpResponse<String> wrappedJwt =
                    server.api(
                            "POST",
                            "/verify",
                            null,
                            Json.createObjectBuilder()
                                    .add("credential", jwt.document())
                                    .add("recipientEmail", "eve@example.org")
                                    .build()
                                    .toString());
            HttpResponse<String> wrappedObject =
                    server.api(
                            "POST", "/verify", null, "{\"credential\": " + signed.document() + "}");
            HttpResponse<String> byUrl =
                    server.api("POST", "/verify", null, "{\"url\": \"" + signed.url() + "\"}");

            // THEN
            assertThat(rawJson.statusCode()).as(rawJson.body()).isEqualTo(200);
            assertThat(json(rawJson).getBoolean("verified")).isTrue();
            assertThat(check(rawJson, "recipient")).isEqualTo("PASSED");
            assertThat(rawJson.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(verdict(rawJwt)).isEqualTo("VERIFIED");
            assertThat(json(rawJwt).getJsonObject("credence").getString("format")).isEqualTo("jwt");
            assertThat(verdict(rawPng)).isEqualTo("VERIFIED");
            assertThat(json(rawPng).getJsonObject("credence").getString("format")).isEqualTo("png");
            assertThat(verdict(wrappedJwt)).isEqualTo("FAILED");
            assertThat(check(wrappedJwt, "recipient")).isEqualTo("FAILED");
            assertThat(verdict(wrappedObject)).isEqualTo("VERIFIED");
            assertThat(verdict(byUrl)).isEqualTo("VERIFIED");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_answer_problems_for_unusable_requests(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // WHEN
            HttpResponse<String> notACredential =
                    post(server, "/verify", "text/plain", "hello".getBytes());
            HttpResponse<String> foreignUrl =
                    server.api("POST", "/verify", null, "{\"url\": \"http://[::1]/x\"}");
            HttpResponse<String> notAUrl =
                    server.api("POST", "/verify", null, "{\"url\": \"file:///etc/passwd\"}");
            HttpResponse<String> unknownMember =
                    server.api("POST", "/verify", null, "{\"url\": \"x\", \"options\": {}}");
            HttpResponse<String> empty = post(server, "/verify", "application/json", new byte[0]);
            HttpResponse<String> huge =
                    post(server, "/verify", "application/json", new byte[6 * 1024 * 1024]);

            // THEN
            assertThat(notACredential.statusCode()).isEqualTo(400);
            assertThat(verdict(notACredential)).isEqualTo("FAILED");
            // A loopback address is refused by the safe fetcher: could not check, with the reason
            assertThat(verdict(foreignUrl)).isEqualTo("COULD_NOT_CHECK");
            assertThat(foreignUrl.body()).contains("loopback");
            // Text that is not a web address is a mistake in the request
            assertThat(notAUrl.statusCode()).isEqualTo(400);
            assertThat(notAUrl.headers().firstValue("Content-Type"))
                    .hasValue("application/problem+json");
            assertThat(json(notAUrl).getJsonArray("errors").getJsonObject(0).getString("field"))
                    .isEqualTo("url");
            assertThat(unknownMember.statusCode()).isEqualTo(400);
            assertThat(unknownMember.body()).contains("options");
            assertThat(empty.statusCode()).isEqualTo(400);
            assertThat(huge.statusCode()).isEqualTo(413);
            assertThat(huge.headers().firstValue("Content-Type"))
                    .hasValue("application/problem+json");
        }
    }
}
