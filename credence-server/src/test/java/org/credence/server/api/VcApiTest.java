package org.credence.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.credence.app.issuer.IssuerDraft;
import org.credence.app.issuer.IssuerProfile;
import org.credence.app.organization.Role;
import org.credence.core.json.JsonInput;
import org.credence.server.TestServer;
import org.credence.server.TestServer.Browser;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VcApiTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    /** An unsigned Open Badges 3.0 credential of {@code issuerDid}, as a VC-API client sends it. */
    static String unsigned(String issuerDid) {
        return """
                {"@context": ["https://www.w3.org/ns/credentials/v2",
                              "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                 "type": ["VerifiableCredential", "OpenBadgeCredential"],
                 "issuer": {"id": "%s", "type": ["Profile"], "name": "School of Nursing"},
                 "name": "Wound Care",
                 "credentialSubject": {
                   "id": "did:example:ada",
                   "type": ["AchievementSubject"],
                   "achievement": {
                     "id": "https://partner.example.org/badges/wound-care",
                     "type": ["Achievement"],
                     "name": "Wound Care",
                     "description": "Dresses wounds aseptically.",
                     "criteria": {"narrative": "Observed twice."}}}}
                """
                .formatted(issuerDid);
    }

    record World(TestServer server, String token, IssuerProfile issuer) {
        HttpResponse<String> post(String path, String json) {
            return server.api("POST", path, token, json);
        }

        JsonObject issue() {
            return issue("{}");
        }

        /** Issues with the VC-API {@code options} given as JSON. */
        JsonObject issue(String options) {
            HttpResponse<String> response =
                    post(
                            "/credentials/issue",
                            "{\"credential\": %s, \"options\": %s}"
                                    .formatted(unsigned(issuer.did()), options));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return json(response).getJsonObject("verifiableCredential");
        }

        JsonObject verify(JsonObject credential) {
            HttpResponse<String> response =
                    server.api(
                            "POST",
                            "/credentials/verify",
                            null,
                            Json.createObjectBuilder()
                                    .add("verifiableCredential", credential)
                                    .build()
                                    .toString());
            JsonObject result = json(response);
            // vc-api verifier.yml: 200 for a verified credential, else 400 with the same body
            assertThat(response.statusCode())
                    .as(response.body())
                    .isEqualTo(result.getBoolean("verified") ? 200 : 400);
            return result;
        }
    }

    static World world(TestServer server, String slug) {
        Browser owner = server.signUp(slug + " College", slug + "@example.org");
        IssuerProfile issuer =
                server.services()
                        .issuers()
                        .create(
                                owner.session().actor(),
                                IssuerDraft.of(slug + "-nursing", "Nursing"));
        return new World(server, server.apiToken(owner, Role.ISSUER), issuer);
    }

    static JsonObject json(HttpResponse<String> response) {
        return JsonInput.DEFAULT.parseObject(response.body());
    }

    private static List<String> errorChecks(JsonObject result) {
        return result.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("check"))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_issue_verify_detect_tampering_and_show_revocation(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            World world = world(server, "alpha");

            // WHEN
            JsonObject credential = world.issue();
            JsonObject fresh = world.verify(credential);
            JsonObject tampered =
                    world.verify(
                            Json.createObjectBuilder(credential)
                                    .add("name", "Wound Care (Advanced)")
                                    .build());
            HttpResponse<String> revoke =
                    world.post(
                            "/credentials/status",
                            """
                            {"credentialId": "%s",
                             "credentialStatus": {"type": "BitstringStatusListEntry",
                                                  "statusPurpose": "revocation"},
                             "status": true}
                            """
                                    .formatted(credential.getString("id")));
            JsonObject revoked = world.verify(credential);

            // THEN
            assertThat(credential.getString("issuer", null)).isNull();
            assertThat(credential.getJsonObject("issuer").getString("id"))
                    .isEqualTo(world.issuer().did());
            assertThat(credential.getJsonObject("credentialStatus").getString("statusPurpose"))
                    .isEqualTo("revocation");
            assertThat(fresh.getBoolean("verified")).as(fresh.toString()).isTrue();
            assertThat(fresh.getJsonArray("errors")).isEmpty();
            // the only warning: the issuer is hosted here but no operator vetted it (issue 9)
            assertThat(fresh.getJsonArray("warnings").getValuesAs(JsonObject.class))
                    .as(fresh.toString())
                    .singleElement()
                    .satisfies(
                            warning ->
                                    assertThat(warning.getString("code"))
                                            .isEqualTo("ISSUER_NOT_CONFIRMED"));
            assertThat(fresh.getJsonArray("checks").getValuesAs(jakarta.json.JsonString.class))
                    .extracting(jakarta.json.JsonString::getString)
                    .contains("proof", "credentialStatus", "issuerKeyBinding");
            assertThat(fresh.getJsonObject("credence").getString("verdict")).isEqualTo("VERIFIED");
            assertThat(tampered.getBoolean("verified")).isFalse();
            assertThat(errorChecks(tampered)).contains("proof");
            assertThat(tampered.getJsonArray("errors").getJsonObject(0).getString("type"))
                    .isEqualTo("https://w3id.org/security#PROOF_VERIFICATION_ERROR");
            assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(200);
            assertThat(json(revoke).getString("outcome")).isEqualTo("revoked");
            assertThat(revoked.getBoolean("verified")).isFalse();
            assertThat(errorChecks(revoked)).containsExactly("credentialStatus");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_foreign_issuers_missing_tokens_and_bad_requests(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            World alpha = world(server, "alpha");
            World beta = world(server, "beta");
            String alphaCredential = unsigned(alpha.issuer().did());

            // WHEN / THEN
            HttpResponse<String> foreign =
                    beta.post("/credentials/issue", "{\"credential\": " + alphaCredential + "}");
            // a document naming another organisation's issuer is bad input, not a permission
            assertThat(foreign.statusCode()).isEqualTo(400);
            assertThat(foreign.body()).contains("not one of this organisation's issuers");
            HttpResponse<String> foreignOption =
                    alpha.post(
                            "/credentials/issue",
                            "{\"credential\": %s, \"options\": {\"issuerId\": \"%s\"}}"
                                    .formatted(alphaCredential, beta.issuer().id()));
            assertThat(foreignOption.statusCode()).isEqualTo(403);
            HttpResponse<String> anonymous =
                    server.api(
                            "POST",
                            "/credentials/issue",
                            null,
                            "{\"credential\": " + alphaCredential + "}");
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type"))
                    .hasValue("application/problem+json");
            assertThat(alpha.post("/credentials/issue", "{\"credential\": ").statusCode())
                    .isEqualTo(400);
            assertThat(
                            alpha.post(
                                            "/credentials/issue",
                                            ("{\"credential\": %s, \"options\":"
                                                            + " {\"mandatoryPointers\": [\"/issuer\"]}}")
                                                    .formatted(alphaCredential))
                                    .body())
                    .contains("options.mandatoryPointers: not supported");
            HttpResponse<String> unknownPolicy =
                    alpha.post(
                            "/credentials/issue",
                            "{\"credential\": %s, \"options\": {\"statusPolicy\": \"pausable\"}}"
                                    .formatted(alphaCredential));
            assertThat(unknownPolicy.statusCode()).isEqualTo(400);
            assertThat(unknownPolicy.body()).contains("options.statusPolicy");
            assertThat(server.api("POST", "/credentials/verify", null, "[1,").statusCode())
                    .isEqualTo(400);
            assertThat(server.api("POST", "/credentials/verify", null, "{}").statusCode())
                    .isEqualTo(400);
            String deep = "[".repeat(10_000) + "]".repeat(10_000);
            HttpResponse<String> tooDeep =
                    server.api(
                            "POST",
                            "/credentials/verify",
                            null,
                            "{\"verifiableCredential\": " + deep + "}");
            assertThat(tooDeep.statusCode()).isEqualTo(400);
            assertThat(tooDeep.body()).contains("body:");
            String huge = "{\"verifiableCredential\": {\"x\": \"" + "a".repeat(5_000_000) + "\"}}";
            assertThat(server.api("POST", "/credentials/verify", null, huge).statusCode())
                    .isEqualTo(413);
            assertThat(alpha.post("/credentials/issue", huge).statusCode()).isEqualTo(413);
            HttpResponse<String> notACredential =
                    server.api(
                            "POST",
                            "/credentials/verify",
                            null,
                            "{\"verifiableCredential\": {\"name\": \"nothing\"}}");
            assertThat(notACredential.statusCode()).isEqualTo(400);
            assertThat(json(notACredential).getBoolean("verified")).isFalse();
            HttpResponse<String> unknown =
                    alpha.post(
                            "/credentials/status",
                            """
                            {"credentialId": "urn:uuid:9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d",
                             "credentialStatus": {"type": "BitstringStatusListEntry",
                                                  "statusPurpose": "suspension"},
                             "status": true}
                            """);
            assertThat(unknown.statusCode()).isEqualTo(404);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_suspend_and_unsuspend_through_the_earlier_request_shape(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            World world = world(server, "alpha");
            JsonObject credential =
                    world.issue("{\"statusPolicy\": \"revocable-and-suspendable\"}");
            String id = credential.getString("id");
            String revocableOnly = world.issue().getString("id");

            HttpResponse<String> suspend =
                    world.post(
                            "/credentials/status",
                            "{\"credentialId\": \"%s\", \"credentialStatus\": [{\"type\":"
                                            .formatted(id)
                                    + " \"BitstringStatusListEntry\", \"status\": \"suspended\"}]}");
            JsonObject suspended = world.verify(credential);
            HttpResponse<String> lift =
                    world.post(
                            "/credentials/status",
                            ("{\"credentialId\": \"%s\", \"credentialStatus\": {\"type\":"
                                            + " \"BitstringStatusListEntry\", \"statusPurpose\":"
                                            + " \"suspension\"}, \"status\": false}")
                                    .formatted(id));
            JsonObject lifted = world.verify(credential);
            HttpResponse<String> refused =
                    world.post(
                            "/credentials/status",
                            ("{\"credentialId\": \"%s\", \"credentialStatus\": {\"type\":"
                                            + " \"BitstringStatusListEntry\", \"statusPurpose\":"
                                            + " \"suspension\"}, \"status\": true}")
                                    .formatted(revocableOnly));

            assertThat(suspend.statusCode()).as(suspend.body()).isEqualTo(200);
            assertThat(suspended.getBoolean("verified")).isFalse();
            assertThat(lift.statusCode()).as(lift.body()).isEqualTo(200);
            assertThat(lifted.getBoolean("verified")).as(lifted.toString()).isTrue();
            assertThat(credential.getJsonArray("credentialStatus")).hasSize(2);
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body())
                    .contains("issued revocable only; it has no suspension entry");
        }
    }
}
