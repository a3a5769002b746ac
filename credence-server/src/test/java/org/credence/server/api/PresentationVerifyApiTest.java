package org.credence.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.List;
import org.credence.core.Holder;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyType;
import org.credence.server.TestServer;
import org.credence.server.api.VcApiTest.World;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** VC-API {@code POST /presentations/verify} on presentations of credentials this app issued. */
class PresentationVerifyApiTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final String CHALLENGE = "0c4e5b2a-presentation-challenge";
    private static final String DOMAIN = "employer.example";
    private static final KeyFile HOLDER_KEY = KeyFile.generate(KeyType.ED25519, new SecureRandom());
    private static final Holder HOLDER = Holder.of(HOLDER_KEY);

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_verify_a_presentation_and_catch_replay_tampering_and_impostors(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            World world = VcApiTest.world(server, "alpha");
            JsonObject first = world.issue();
            JsonObject second = world.issue();
            JsonObject presented = HOLDER.sign(presentation(first, second), CHALLENGE, DOMAIN);
            JsonObject tampered =
                    HOLDER.sign(
                            presentation(
                                    first,
                                    Json.createObjectBuilder(second).add("name", "Forged").build()),
                            CHALLENGE,
                            DOMAIN);
            KeyFile stranger = KeyFile.generate(KeyType.ED25519, new SecureRandom());
            JsonObject impostor =
                    Holder.of(
                                    stranger.withController(
                                            HOLDER_KEY.controller(),
                                            stranger.verificationMethodId()))
                            .sign(presentation(first), CHALLENGE, DOMAIN);
            String vpJwt = HOLDER.signJwt(presentation(first), CHALLENGE, DOMAIN);

            // WHEN
            JsonObject verified = verify(server, presented, CHALLENGE);
            JsonObject replayed = verify(server, presented, "another-challenge");
            JsonObject forged = verify(server, tampered, CHALLENGE);
            JsonObject stolen = verify(server, impostor, CHALLENGE);
            JsonObject asJwt = verify(server, Json.createValue(vpJwt), CHALLENGE);

            // THEN
            assertThat(verified.getBoolean("verified")).as(verified.toString()).isTrue();
            assertThat(verified.getJsonArray("checks").toString())
                    .contains("\"proof\"", "\"holderBinding\"", "\"nestedCredentials\"");
            assertThat(verified.getJsonArray("credentialResults").getValuesAs(JsonObject.class))
                    .hasSize(2)
                    .allMatch(result -> result.getBoolean("verified"));
            assertThat(replayed.getBoolean("verified")).isFalse();
            assertThat(errorCodes(replayed)).containsExactly("proof:INVALID_CHALLENGE");
            assertThat(forged.getBoolean("verified")).isFalse();
            assertThat(errorCodes(forged))
                    .containsExactly("nestedCredentials:NESTED_CREDENTIAL_FAILED");
            assertThat(
                            forged.getJsonArray("credentialResults")
                                    .getJsonObject(1)
                                    .getBoolean("verified"))
                    .isFalse();
            assertThat(errorCodes(stolen))
                    .containsExactly("holderBinding:PROOF_OK_HOLDER_NOT_KEY_CONTROLLER");
            assertThat(asJwt.getBoolean("verified")).as(asJwt.toString()).isTrue();
            assertThat(asJwt.getJsonObject("credence").getString("format")).isEqualTo("jwt");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_warn_about_unsigned_presentations_and_refuse_malformed_requests(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            World world = VcApiTest.world(server, "alpha");
            JsonObject credential = world.issue();
            JsonObject unsigned = presentation(credential);

            // WHEN
            HttpResponse<String> plain =
                    post(server, "{\"verifiablePresentation\": " + unsigned + "}");
            HttpResponse<String> proofless = post(server, "{\"presentation\": " + unsigned + "}");
            JsonObject challenged = verify(server, unsigned, CHALLENGE);

            // THEN
            assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
            JsonObject plainResult = VcApiTest.json(plain);
            assertThat(plainResult.getBoolean("verified")).as(plain.body()).isTrue();
            assertThat(plainResult.getJsonArray("warnings").getJsonObject(0).getString("code"))
                    .isEqualTo("UNSIGNED_PRESENTATION");
            assertThat(VcApiTest.json(proofless).getBoolean("verified")).isTrue();
            assertThat(challenged.getBoolean("verified")).isFalse();
            assertThat(errorCodes(challenged)).containsExactly("proof:NO_PROOF");
            for (String body :
                    List.of(
                            "[1,",
                            "{}",
                            "{\"verifiablePresentation\": " + credential + "}",
                            "{\"verifiablePresentation\": \"not.a.jwt\"}",
                            "{\"verifiablePresentation\": " + unsigned + ", \"options\": []}",
                            "{\"verifiablePresentation\": "
                                    + unsigned
                                    + ", \"options\": {\"challenge\": 42}}",
                            "{\"verifiablePresentation\": {\"type\": \"VerifiablePresentation\"}}")) {
                assertThat(post(server, body).statusCode()).as(body).isEqualTo(400);
            }
            assertThat(post(server, "{}").headers().firstValue("Content-Type"))
                    .hasValue("application/problem+json");
        }
    }

    private static HttpResponse<String> post(TestServer server, String body) {
        return server.api("POST", "/presentations/verify", null, body);
    }

    private static JsonObject verify(TestServer server, JsonValue presentation, String challenge) {
        JsonObject body =
                Json.createObjectBuilder()
                        .add("verifiablePresentation", presentation)
                        .add(
                                "options",
                                Json.createObjectBuilder()
                                        .add("challenge", challenge)
                                        .add("domain", DOMAIN))
                        .build();
        HttpResponse<String> response = post(server, body.toString());
        JsonObject result = VcApiTest.json(response);
        // vc-api verifier.yml: 200 for a verified presentation, 400 (same body) otherwise
        assertThat(response.statusCode())
                .as("status for verified=%s", result.getBoolean("verified"))
                .isEqualTo(result.getBoolean("verified") ? 200 : 400);
        return result;
    }

    private static List<String> errorCodes(JsonObject result) {
        return result.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("check") + ":" + error.getString("code"))
                .toList();
    }

    private static JsonObject presentation(JsonObject... credentials) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        List.of(credentials).forEach(all::add);
        return Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder().add("https://www.w3.org/ns/credentials/v2"))
                .add("type", Json.createArrayBuilder().add("VerifiablePresentation"))
                .add("holder", HOLDER_KEY.controller())
                .add("verifiableCredential", all)
                .build();
    }
}
