package org.credence.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.server.api.VcApiTest.json;
import static org.credence.server.api.VcApiTest.world;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.assertj.core.api.SoftAssertions;
import org.credence.core.json.JsonInput;
import org.credence.server.TestServer;
import org.credence.server.api.VcApiTest.World;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The W3C interoperability suites' assertions on the VC-API, ported (the suites run on Node.js
 * against a deployed service and are not published as packages): the issuer suite
 * (w3c-ccg/vc-api-issuer-test-suite tests/10-issuer.js and assertions.js), the verifier suite
 * (w3c-ccg/vc-api-verifier-test-suite tests/10-vc-di.js), the validity-period inputs of
 * w3c/vc-data-model-2.0-test-suite (tests/80-validity-period.js) and the status requests of
 * w3c/vc-bitstring-status-list-test-suite (tests/helpers.js). The suites' credentials use the
 * {@code https://www.w3.org/2018/credentials/examples/v1} context, which Credence does not pin (its
 * published copies differ and import a further remote context); the same credentials use the pinned
 * {@code https://www.w3.org/ns/credentials/examples/v2} here.
 */
class VcApiConformanceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final String V1 = "https://www.w3.org/2018/credentials/v1";
    private static final String V2 = "https://www.w3.org/ns/credentials/v2";

    /** The issuer suite's validVc.json as its createRequestBody sends it (id, issuer, date). */
    static JsonObject suiteCredential(String baseContext, String issuerDid) {
        JsonObject credential =
                JsonInput.DEFAULT.parseObject(
                        """
                        {"@context": ["%s", "https://www.w3.org/ns/credentials/examples/v2"],
                         "type": ["VerifiableCredential", "UniversityDegreeCredential"],
                         "id": "urn:uuid:%s",
                         "issuer": "%s",
                         "credentialSubject": {
                           "id": "did:key:z6MktKwz7Ge1Yxzr4JHavN33wiwa8y81QdcMRLXQsrH9T53b",
                           "degree": {"degreeType": "BachelorDegree",
                                      "name": "Bachelor of Science and Arts"}}}
                        """
                                .formatted(baseContext, UUID.randomUUID(), issuerDid));
        return baseContext.equals(V1)
                ? with(credential, "issuanceDate", text(now().toString()))
                : credential;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_issue_the_suites_credentials_as_verifiable_credentials_with_201(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            World world = world(server, "alpha");
            String did = world.issuer().did();
            String aYearAhead = now().plus(365, ChronoUnit.DAYS).toString();
            List<Mutation> v1Cases =
                    List.of(
                            new Mutation("v1", vc -> vc),
                            new Mutation(
                                    "v1 issuer {id}",
                                    vc ->
                                            with(
                                                    vc,
                                                    "issuer",
                                                    Json.createObjectBuilder()
                                                            .add("id", did)
                                                            .build())),
                            new Mutation(
                                    "v1 expirationDate",
                                    vc -> with(vc, "expirationDate", text(aYearAhead))));
            List<Mutation> v2Cases =
                    List.of(
                            new Mutation("v2", vc -> vc),
                            new Mutation("v2 without id", vc -> without(vc, "id")),
                            new Mutation(
                                    "validFrom ms",
                                    vc -> with(vc, "validFrom", text("2023-02-26T01:02:58.447Z"))),
                            new Mutation(
                                    "validFrom -06:00",
                                    vc -> with(vc, "validFrom", text("2023-02-25T19:10:39-06:00"))),
                            new Mutation(
                                    "validUntil ms",
                                    vc -> with(vc, "validUntil", text("2099-02-26T01:02:58.447Z"))),
                            new Mutation(
                                    "validUntil -06:00",
                                    vc ->
                                            with(
                                                    vc,
                                                    "validUntil",
                                                    text("2099-02-25T19:10:39-06:00"))));

            // WHEN / THEN
            SoftAssertions softly = new SoftAssertions();
            for (String base : List.of(V1, V2)) {
                for (Mutation variant : base.equals(V1) ? v1Cases : v2Cases) {
                    HttpResponse<String> response =
                            issue(world, variant.apply(suiteCredential(base, did)));
                    softly.assertThat(response.statusCode())
                            .as(variant.name() + ": " + response.body())
                            .isEqualTo(201);
                    if (response.statusCode() == 201) {
                        shouldBeIssuedVc(
                                softly, json(response).getJsonObject("verifiableCredential"));
                    }
                }
            }
            softly.assertAll();
        }
    }

    /** The issuer suite's assertions.js shouldBeIssuedVc. */
    private static void shouldBeIssuedVc(SoftAssertions softly, JsonObject issued) {
        softly.assertThat(issued).containsKey("@context");
        softly.assertThat(issued.getJsonArray("type").getValuesAs(JsonString.class))
                .extracting(JsonString::getString)
                .contains("VerifiableCredential");
        softly.assertThat(issued.get("id")).isInstanceOf(JsonString.class);
        softly.assertThat(issued.get("credentialSubject")).isInstanceOf(JsonObject.class);
        JsonValue issuer = issued.get("issuer");
        softly.assertThat(issuer).isInstanceOfAny(JsonString.class, JsonObject.class);
        if (issuer instanceof JsonObject object) {
            softly.assertThat(object).containsKey("id");
        }
        softly.assertThat(issued.get("proof")).isInstanceOf(JsonObject.class);
    }

    static List<Mutation> issueMutations() {
        return List.of(
                new Mutation("no @context", vc -> without(vc, "@context")),
                new Mutation("@context 4", vc -> with(vc, "@context", number(4))),
                new Mutation("@context false", vc -> with(vc, "@context", JsonValue.FALSE)),
                new Mutation("@context null", vc -> with(vc, "@context", JsonValue.NULL)),
                new Mutation("@context []", vc -> with(vc, "@context", array())),
                new Mutation(
                        "@context items",
                        vc -> with(vc, "@context", parse("[{\"foo\": true}, 4, false, null]"))),
                new Mutation("no type", vc -> without(vc, "type")),
                new Mutation("type 4", vc -> with(vc, "type", number(4))),
                new Mutation("type null", vc -> with(vc, "type", JsonValue.NULL)),
                new Mutation("type true", vc -> with(vc, "type", JsonValue.TRUE)),
                new Mutation("type []", vc -> with(vc, "type", array())),
                new Mutation(
                        "type items",
                        vc -> with(vc, "type", parse("[2, null, {\"foo\": true}, false]"))),
                new Mutation("no issuer", vc -> without(vc, "issuer")),
                new Mutation("issuer null", vc -> with(vc, "issuer", JsonValue.NULL)),
                new Mutation("issuer true", vc -> with(vc, "issuer", JsonValue.TRUE)),
                new Mutation("issuer 4", vc -> with(vc, "issuer", number(4))),
                new Mutation("issuer []", vc -> with(vc, "issuer", array())),
                new Mutation("no credentialSubject", vc -> without(vc, "credentialSubject")),
                new Mutation("subject null", vc -> with(vc, "credentialSubject", JsonValue.NULL)),
                new Mutation("subject true", vc -> with(vc, "credentialSubject", JsonValue.TRUE)),
                new Mutation("subject 4", vc -> with(vc, "credentialSubject", number(4))),
                new Mutation("subject []", vc -> with(vc, "credentialSubject", array())),
                new Mutation(
                        "subject string",
                        vc -> with(vc, "credentialSubject", text("did:example:1234"))));
    }

    /** The data model 2.0 suite's validity-period refusals (VC 2.0 terms). */
    static List<Mutation> dateMutations() {
        return List.of(
                new Mutation(
                        "validFrom format",
                        vc -> with(vc, "validFrom", text("Sat 25 Feb 2023 07:16:31 PM CST"))),
                new Mutation(
                        "validUntil format",
                        vc -> with(vc, "validUntil", text("Sun, 26 Feb 2023 01:22:14 +0000"))),
                new Mutation(
                        "validUntil before validFrom",
                        vc ->
                                with(
                                        with(vc, "validFrom", text(yearsAhead(1))),
                                        "validUntil",
                                        text(yearsAhead(-1)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_answer_400_and_never_401_to_every_malformed_issue_request(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            World world = world(server, "alpha");
            SoftAssertions softly = new SoftAssertions();
            JsonObject valid = suiteCredential(V2, world.issuer().did());

            // WHEN / THEN
            HttpResponse<String> noCredential =
                    world.post(
                            "/credentials/issue",
                            Json.createObjectBuilder()
                                    .add("verifiableCredential", valid)
                                    .build()
                                    .toString());
            softly.assertThat(noCredential.statusCode()).as("no credential").isEqualTo(400);
            for (String base : List.of(V1, V2)) {
                List<Mutation> mutations = new ArrayList<>(issueMutations());
                if (base.equals(V2)) {
                    mutations.addAll(dateMutations());
                }
                for (Mutation mutation : mutations) {
                    JsonObject credential =
                            mutation.apply(suiteCredential(base, world.issuer().did()));
                    HttpResponse<String> response = issue(world, credential);
                    softly.assertThat(response.statusCode())
                            .as(base + " " + mutation.name() + ": " + response.body())
                            .isEqualTo(400);
                    softly.assertThat(response.headers().firstValue("Content-Type"))
                            .as(mutation.name())
                            .hasValue("application/problem+json");
                }
            }
            HttpResponse<String> foreign =
                    issue(world, suiteCredential(V2, "did:web:elsewhere.example"));
            softly.assertThat(foreign.statusCode()).isEqualTo(400);
            softly.assertThat(foreign.body())
                    .contains("did:web:elsewhere.example is not one of this organisation's");
            softly.assertAll();
        }
    }

    /**
     * The shapes VC Data Model 2.0 forbids an issuer to sign, one per row: the data model suite's
     * refusals (tests/4.08 credential subject, 4.10 status, 4.11 data schemas inputs) and the other
     * objects that MUST have a type. Each row: its name, the change, the property the 400 must
     * name.
     */
    static List<Object[]> forbiddenShapes() {
        return List.of(
                new Object[] {
                    "subject no claims", member("credentialSubject", "{}"), "credentialSubject"
                },
                new Object[] {
                    "extra subject empty",
                    member("credentialSubject", "[{\"id\": \"did:example:subject\"}, {}]"),
                    "credentialSubject[1]"
                },
                new Object[] {
                    "status without type",
                    member("credentialStatus", "{\"id\": \"did:example:status\"}"),
                    "credentialStatus.type"
                },
                new Object[] {
                    "status with two ids",
                    member(
                            "credentialStatus",
                            "{\"id\": [\"did:example:status:1\", \"did:example:status:2\"],"
                                    + " \"type\": \"https://example.org/#Status\"}"),
                    "credentialStatus.id"
                },
                new Object[] {
                    "schema without type",
                    member("credentialSchema", "{\"id\": \"did:example:schemas/1\"}"),
                    "credentialSchema.type"
                },
                new Object[] {
                    "schema without id",
                    member("credentialSchema", "{\"type\": \"https://example.org/#Schema\"}"),
                    "credentialSchema.id"
                },
                new Object[] {
                    "schema id not a URL",
                    member(
                            "credentialSchema",
                            "{\"type\": \"https://example.org/#Schema\","
                                    + " \"id\": \"https ://not-a-url.org/cd28a5c0\"}"),
                    "credentialSchema.id"
                },
                new Object[] {
                    "evidence without type",
                    member("evidence", "[{\"id\": \"https://evidence.example/1\"}]"),
                    "evidence[0].type"
                },
                new Object[] {
                    "termsOfUse without type",
                    member("termsOfUse", "{\"id\": \"https://terms.example/1\"}"),
                    "termsOfUse.type"
                },
                new Object[] {
                    "refreshService without type",
                    member("refreshService", "{\"url\": \"https://refresh.example/1\"}"),
                    "refreshService.type"
                },
                new Object[] {
                    "name with an extra property",
                    member(
                            "name",
                            "{\"@value\": \"Example Credential\", \"@language\": \"en\","
                                    + " \"url\": \"did:example:credential\"}"),
                    "name"
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_answer_400_naming_the_property_when_the_data_model_forbids_the_shape(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            World world = world(server, "alpha");
            SoftAssertions softly = new SoftAssertions();

            // WHEN / THEN
            for (Object[] row : forbiddenShapes()) {
                Mutation shape = new Mutation((String) row[0], ((Mutation) row[1]).change());
                HttpResponse<String> response =
                        issue(world, shape.apply(suiteCredential(V2, world.issuer().did())));
                softly.assertThat(response.statusCode())
                        .as(shape.name() + ": " + response.body())
                        .isEqualTo(400);
                softly.assertThat(response.body())
                        .as(shape.name())
                        .contains("credential." + row[2]);
            }
            softly.assertAll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_issue_without_a_subject_id_and_without_a_status_entry_when_asked(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN the data model suite's credential-id-single-ok.json (a subject without id)
            World world = world(server, "alpha");
            JsonObject bearer =
                    with(
                            suiteCredential(V2, world.issuer().did()),
                            "credentialSubject",
                            parse("{\"description\": \"A single id test for VC 2.0\"}"));

            // WHEN
            HttpResponse<String> withoutId = issue(world, bearer);
            HttpResponse<String> withoutStatus =
                    world.post(
                            "/credentials/issue",
                            Json.createObjectBuilder()
                                    .add("credential", suiteCredential(V2, world.issuer().did()))
                                    .add(
                                            "options",
                                            Json.createObjectBuilder()
                                                    .add("credentialStatus", false))
                                    .build()
                                    .toString());
            HttpResponse<String> badOption =
                    world.post(
                            "/credentials/issue",
                            Json.createObjectBuilder()
                                    .add("credential", suiteCredential(V2, world.issuer().did()))
                                    .add(
                                            "options",
                                            Json.createObjectBuilder()
                                                    .add("credentialStatus", "none"))
                                    .build()
                                    .toString());

            // THEN
            assertThat(withoutId.statusCode()).as(withoutId.body()).isEqualTo(201);
            JsonObject bearerVc = json(withoutId).getJsonObject("verifiableCredential");
            assertThat(bearerVc.getJsonObject("credentialSubject")).doesNotContainKey("id");
            assertThat(bearerVc).containsKey("credentialStatus");
            assertThat(withoutStatus.statusCode()).as(withoutStatus.body()).isEqualTo(201);
            JsonObject plain = json(withoutStatus).getJsonObject("verifiableCredential");
            assertThat(plain).doesNotContainKey("credentialStatus");
            HttpResponse<String> verified = verify(server, plain, "[\"proof\"]");
            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
            HttpResponse<String> revoke = setStatus(world, plain, "revocation", "");
            assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(409);
            assertThat(revoke.body()).contains("issued without a status entry");
            assertThat(badOption.statusCode()).isEqualTo(400);
            assertThat(badOption.body()).contains("options.credentialStatus");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_keep_a_typed_status_entry_of_the_caller_and_add_none_of_its_own(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN the data model suite's credential-status-ok.json and -missing-id-ok.json
            World world = world(server, "alpha");
            JsonObject base = suiteCredential(V2, world.issuer().did());
            JsonObject withContext =
                    with(
                            base,
                            "@context",
                            parse(
                                    "[\""
                                            + V2
                                            + "\", \"https://www.w3.org/ns/credentials/examples/v2\","
                                            + " {\"CredentialStatusList2017\":"
                                            + " \"https://example.org/examples#CredentialStatusList2017\"}]"));

            // WHEN
            HttpResponse<String> ok =
                    issue(
                            world,
                            with(
                                    withContext,
                                    "credentialStatus",
                                    parse(
                                            "{\"id\": \"did:example:status\", \"type\":"
                                                    + " \"CredentialStatusList2017\"}")));
            HttpResponse<String> noId =
                    issue(
                            world,
                            with(
                                    without(withContext, "id"),
                                    "credentialStatus",
                                    parse("{\"type\": \"CredentialStatusList2017\"}")));
            HttpResponse<String> typeNumber =
                    issue(
                            world,
                            with(
                                    withContext,
                                    "credentialStatus",
                                    parse("{\"id\": \"did:example:status\", \"type\": 2}")));

            // THEN
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
            JsonObject issued = json(ok).getJsonObject("verifiableCredential");
            assertThat(issued.getJsonObject("credentialStatus").getString("type"))
                    .isEqualTo("CredentialStatusList2017");
            assertThat(noId.statusCode()).as(noId.body()).isEqualTo(201);
            assertThat(typeNumber.statusCode()).isEqualTo(400);
            assertThat(typeNumber.body()).contains("credential.credentialStatus.type");
            HttpResponse<String> revoke = setStatus(world, issued, "revocation", "");
            assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(409);
        }
    }

    private static Mutation member(String name, String json) {
        return new Mutation(name, vc -> with(vc, name, parse(json)));
    }

    static List<Mutation> verifyMutations() {
        List<JsonValue> notArrays =
                List.of(text("string"), object(), JsonValue.NULL, number(10), JsonValue.TRUE);
        List<JsonValue> notStrings =
                List.of(array(), object(), JsonValue.NULL, number(10), JsonValue.TRUE);
        List<JsonValue> notObjects =
                List.of(text("string"), JsonValue.NULL, number(10), JsonValue.TRUE, array());
        List<JsonValue> notIssuers = List.of(array(), JsonValue.NULL, number(10), JsonValue.TRUE);
        List<Mutation> mutations = new ArrayList<>();
        for (String member : List.of("@context", "type", "issuer", "credentialSubject", "proof")) {
            mutations.add(new Mutation("no " + member, vc -> without(vc, member)));
        }
        for (String member :
                List.of("type", "created", "verificationMethod", "proofValue", "proofPurpose")) {
            mutations.add(
                    new Mutation(
                            "no proof." + member,
                            vc -> with(vc, "proof", without(vc.getJsonObject("proof"), member))));
        }
        for (JsonValue value : notArrays) {
            mutations.add(new Mutation("@context " + value, vc -> with(vc, "@context", value)));
            mutations.add(new Mutation("type " + value, vc -> with(vc, "type", value)));
        }
        for (JsonValue value : notStrings) {
            mutations.add(
                    new Mutation(
                            "@context [" + value + "]", vc -> with(vc, "@context", array(value))));
            mutations.add(
                    new Mutation("type [" + value + "]", vc -> with(vc, "type", array(value))));
        }
        for (JsonValue value : notIssuers) {
            mutations.add(new Mutation("issuer " + value, vc -> with(vc, "issuer", value)));
        }
        for (JsonValue value : notObjects) {
            mutations.add(
                    new Mutation(
                            "credentialSubject " + value,
                            vc -> with(vc, "credentialSubject", value)));
            mutations.add(new Mutation("proof " + value, vc -> with(vc, "proof", value)));
        }
        mutations.add(
                new Mutation(
                        "tampered",
                        vc ->
                                with(
                                        vc,
                                        "credentialSubject",
                                        with(
                                                vc.getJsonObject("credentialSubject"),
                                                "id",
                                                text("did:example:mallory")))));
        return List.copyOf(mutations);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_verify_the_valid_credential_with_200_and_answer_400_with_verified_false_otherwise(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            World world = world(server, "alpha");
            JsonObject valid =
                    json(issue(world, suiteCredential(V2, world.issuer().did())))
                            .getJsonObject("verifiableCredential");
            SoftAssertions softly = new SoftAssertions();

            // WHEN / THEN
            HttpResponse<String> fine = verify(server, valid, "[\"proof\"]");
            softly.assertThat(fine.statusCode()).as(fine.body()).isEqualTo(200);
            softly.assertThat(json(fine).getBoolean("verified")).isTrue();
            // the only problem detail: a warning that no operator vetted the hosted issuer
            softly.assertThat(
                            json(fine).getJsonArray("problemDetails").getValuesAs(JsonObject.class))
                    .extracting(problem -> problem.getString("code"))
                    .containsExactly("ISSUER_NOT_CONFIRMED");
            for (Mutation mutation : verifyMutations()) {
                HttpResponse<String> response =
                        verify(server, mutation.apply(valid), "[\"proof\"]");
                softly.assertThat(response.statusCode())
                        .as(mutation.name() + ": " + response.body())
                        .isEqualTo(400);
                softly.assertThat(json(response).getBoolean("verified"))
                        .as(mutation.name())
                        .isFalse();
                softly.assertThat(json(response).getJsonArray("problemDetails"))
                        .as(mutation.name())
                        .isNotEmpty();
            }
            softly.assertAll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_honour_options_checks_and_show_revocation_and_suspension_as_400(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            World world = world(server, "alpha");
            JsonObject revoked =
                    json(issue(world, suiteCredential(V1, world.issuer().did())))
                            .getJsonObject("verifiableCredential");
            // Suspension needs the opt-in status policy (two entries; OB 3.0 allows one)
            JsonObject suspended =
                    json(world.post(
                                    "/credentials/issue",
                                    Json.createObjectBuilder()
                                            .add(
                                                    "credential",
                                                    with(
                                                            suiteCredential(
                                                                    V2, world.issuer().did()),
                                                            "id",
                                                            text(
                                                                    "https://registrar.example/degrees/9")))
                                            .add(
                                                    "options",
                                                    Json.createObjectBuilder()
                                                            .add(
                                                                    "statusPolicy",
                                                                    "revocable-and-suspendable"))
                                            .build()
                                            .toString()))
                            .getJsonObject("verifiableCredential");
            String both = "[\"proof\", \"credentialStatus\"]";

            // WHEN
            HttpResponse<String> before = verify(server, revoked, both);
            HttpResponse<String> revoke = setStatus(world, revoked, "revocation", "");
            HttpResponse<String> suspend = setStatus(world, suspended, "suspension", "");
            HttpResponse<String> afterRevoke = verify(server, revoked, both);
            HttpResponse<String> proofOnly = verify(server, revoked, "[\"proof\"]");
            HttpResponse<String> afterSuspend = verify(server, suspended, both);
            HttpResponse<String> lift =
                    setStatus(world, suspended, "suspension", ", \"status\": false");
            HttpResponse<String> afterLift = verify(server, suspended, both);

            // THEN
            assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
            assertThat(json(before).getJsonArray("checks").getValuesAs(JsonString.class))
                    .extracting(JsonString::getString)
                    .contains("proof", "credentialStatus");
            assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(200);
            assertThat(suspend.statusCode()).as(suspend.body()).isEqualTo(200);
            assertThat(afterRevoke.statusCode()).isEqualTo(400);
            assertThat(json(afterRevoke).getBoolean("verified")).isFalse();
            assertThat(json(afterRevoke).getJsonArray("errors").getJsonObject(0).getString("check"))
                    .isEqualTo("credentialStatus");
            assertThat(proofOnly.statusCode()).as(proofOnly.body()).isEqualTo(200);
            assertThat(json(proofOnly).getJsonArray("warnings").toString())
                    .contains("credentialStatus");
            assertThat(afterSuspend.statusCode()).isEqualTo(400);
            assertThat(json(afterSuspend).getBoolean("verified")).isFalse();
            assertThat(lift.statusCode()).as(lift.body()).isEqualTo(200);
            assertThat(afterLift.statusCode()).as(afterLift.body()).isEqualTo(200);
            assertThat(verify(server, revoked, "[\"bogus\"]").body()).contains("options.checks");
            assertThat(verify(server, revoked, "[\"bogus\"]").statusCode()).isEqualTo(400);
            assertThat(verify(server, revoked, "\"proof\"").statusCode()).isEqualTo(400);
        }
    }

    /** The Bitstring Status List suite's request: the credential's id, no status means set. */
    private static HttpResponse<String> setStatus(
            World world, JsonObject credential, String purpose, String extra) {
        return world.post(
                "/credentials/status",
                """
                {"credentialId": "%s",
                 "credentialStatus": {"type": "BitstringStatusListEntry",
                                      "statusPurpose": "%s"}%s}
                """
                        .formatted(credential.getString("id"), purpose, extra));
    }

    private static HttpResponse<String> issue(World world, JsonObject credential) {
        return world.post(
                "/credentials/issue",
                Json.createObjectBuilder().add("credential", credential).build().toString());
    }

    private static HttpResponse<String> verify(
            TestServer server, JsonObject credential, String checks) {
        return server.api(
                "POST",
                "/credentials/verify",
                null,
                "{\"verifiableCredential\": %s, \"options\": {\"checks\": %s}}"
                        .formatted(credential, checks));
    }

    /** One change the suites make to a valid credential. */
    record Mutation(String name, UnaryOperator<JsonObject> change) {
        JsonObject apply(JsonObject credential) {
            return change.apply(credential);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String yearsAhead(int years) {
        return now().plus(365L * years, ChronoUnit.DAYS).toString();
    }

    private static JsonObject with(JsonObject object, String member, JsonValue value) {
        return Json.createObjectBuilder(object).add(member, value).build();
    }

    private static JsonObject without(JsonObject object, String member) {
        return Json.createObjectBuilder(object).remove(member).build();
    }

    private static JsonValue text(String value) {
        return Json.createValue(value);
    }

    private static JsonValue number(int value) {
        return Json.createValue(value);
    }

    private static JsonValue object() {
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    private static JsonValue array(JsonValue... values) {
        return Json.createArrayBuilder(List.of(values)).build();
    }

    private static JsonValue parse(String json) {
        return JsonInput.DEFAULT.parseObject("{\"value\": " + json + "}").get("value");
    }
}
