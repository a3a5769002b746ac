package org.credence.app.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.credential.CredentialFeed;
import org.credence.app.credential.CredentialQuery;
import org.credence.app.credential.CredentialSummary;
import org.credence.app.organization.Role;
import org.credence.app.status.StatusOutcome;
import org.credence.app.status.StatusPolicy;
import org.credence.app.testing.IssuanceWorld;
import org.credence.app.testing.UnsignedCredentials;
import org.credence.core.json.JsonInput;
import org.credence.core.model.IdentityObject;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProvidedCredentialTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    /** An unsigned Open Badges 3.0 credential as a VC-API client sends it. */
    static JsonObject unsigned(String issuerDid, String recipient) {
        return UnsignedCredentials.woundCare(issuerDid, recipient);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_sign_store_list_and_revoke_a_provided_credential(TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN
            JsonObject credential = unsigned(world.issuer().did(), "did:example:ada");

            // WHEN
            IssuedCredential issued =
                    world.awards()
                            .signProvided(
                                    world.owner(),
                                    ProvidedRequest.of(credential),
                                    StatusPolicy.REVOCABLE);
            VerificationReport fresh = world.credentials().verify(issued.id());
            world.status().revoke(world.owner(), issued.id(), "issued in error");
            VerificationReport revoked = world.credentials().verify(issued.id());

            // THEN
            JsonObject signed = JsonInput.DEFAULT.parseObject(issued.document());
            assertThat(signed.getString("id")).isEqualTo(issued.url());
            assertThat(signed.getJsonObject("credentialStatus").getString("statusPurpose"))
                    .isEqualTo("revocation");
            assertThat(fresh.check(CheckName.SCHEMA).orElseThrow().status())
                    .isEqualTo(CheckStatus.PASSED);
            assertThat(signed.getJsonObject("proof").getString("cryptosuite"))
                    .isEqualTo("eddsa-rdfc-2022");
            assertThat(fresh.verdict()).as(fresh.problems().toString()).isEqualTo(Verdict.VERIFIED);
            assertThat(revoked.check(CheckName.STATUS).orElseThrow().status())
                    .isEqualTo(CheckStatus.FAILED);
            CredentialSummary listed =
                    world.credentials().list(world.owner(), CredentialQuery.all()).items().get(0);
            assertThat(listed.id()).isEqualTo(issued.id());
            assertThat(listed.achievementName()).isEqualTo("Wound Care");
            assertThat(listed.achievementId()).isNull();
            assertThat(world.credentials().publicView(issued.id()).achievementName())
                    .isEqualTo("Wound Care");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_keep_a_urn_uuid_id_and_refuse_issuing_it_twice(TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN
            UUID id = UUID.randomUUID();
            JsonObject credential =
                    Json.createObjectBuilder(unsigned(world.issuer().did(), "did:example:ada"))
                            .add("id", "urn:uuid:" + id)
                            .build();

            // WHEN
            IssuedCredential issued =
                    world.awards()
                            .signProvided(
                                    world.owner(),
                                    ProvidedRequest.of(credential)
                                            .withIssuerId(world.issuer().id().toString()),
                                    StatusPolicy.REVOCABLE_AND_SUSPENDABLE);

            // THEN
            assertThat(issued.id()).isEqualTo(id);
            assertThat(JsonInput.DEFAULT.parseObject(issued.document()).getString("id"))
                    .isEqualTo("urn:uuid:" + id);
            assertThat(
                            JsonInput.DEFAULT
                                    .parseObject(issued.document())
                                    .getJsonArray("credentialStatus"))
                    .hasSize(2);
            assertThat(world.status().suspend(world.owner(), id, "review"))
                    .isEqualTo(StatusOutcome.SUSPENDED);
            assertRefused(world, Optional.empty(), credential, Problem.CONFLICT, "credential.id");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_foreign_issuers_and_credentials_it_will_not_sign(TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            IssuanceWorld other = world.neighbour("hillside");
            JsonObject good = unsigned(world.issuer().did(), "did:example:ada");

            assertRefused(
                    world,
                    Optional.empty(),
                    unsigned(other.issuer().did(), "did:example:ada"),
                    Problem.INVALID_INPUT,
                    "credential.issuer: "
                            + other.issuer().did()
                            + " is not one of this organisation's issuers");
            assertRefused(
                    world,
                    Optional.of(other.issuer().id().toString()),
                    good,
                    Problem.FORBIDDEN,
                    "options.issuerId");
            assertRefused(
                    world,
                    Optional.empty(),
                    Json.createObjectBuilder(good).add("proof", Json.createObjectBuilder()).build(),
                    Problem.INVALID_INPUT,
                    "credential.proof");
            assertRefused(
                    world,
                    Optional.empty(),
                    Json.createObjectBuilder(good)
                            .add(
                                    "@context",
                                    Json.createArrayBuilder()
                                            .add("https://www.w3.org/ns/credentials/v2")
                                            .add("https://evil.example/context.json"))
                            .build(),
                    Problem.INVALID_INPUT,
                    "credential");
            assertRefused(
                    world,
                    Optional.empty(),
                    Json.createObjectBuilder(good).add("id", "not a url").build(),
                    Problem.INVALID_INPUT,
                    "credential.id");
            assertRefused(
                    world,
                    Optional.empty(),
                    Json.createObjectBuilder(good).remove("credentialSubject").build(),
                    Problem.INVALID_INPUT,
                    "credentialSubject is missing");
            assertThatThrownBy(
                            () ->
                                    world.awards()
                                            .signProvided(
                                                    world.as(Role.VIEWER),
                                                    ProvidedRequest.of(good),
                                                    StatusPolicy.REVOCABLE))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.FORBIDDEN));
            assertThat(world.credentials().list(world.owner(), CredentialQuery.all()).total())
                    .isZero();
        }
    }

    /** The VC-API issuer suite's plain credential, with a v1 or v2 base context. */
    static JsonObject plain(String issuerDid, String baseContext, String examplesContext) {
        return JsonInput.DEFAULT.parseObject(
                """
                {"@context": ["%s", "%s"],
                 "type": ["VerifiableCredential", "UniversityDegreeCredential"],
                 "issuer": "%s",
                 "credentialSubject": {
                   "id": "did:key:z6MktKwz7Ge1Yxzr4JHavN33wiwa8y81QdcMRLXQsrH9T53b",
                   "degree": {"degreeType": "BachelorDegree",
                              "name": "Bachelor of Science and Arts"}}}
                """
                        .formatted(baseContext, examplesContext, issuerDid));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_add_the_status_context_to_a_v1_credential_only_with_a_status_entry(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN a VC 1.1 credential (the W3C eddsa suite's issuer tests send these and bundle
            // no status context: a context the credential does not use must not be added)
            JsonObject v1 =
                    plain(
                            world.issuer().did(),
                            "https://www.w3.org/2018/credentials/v1",
                            "https://www.w3.org/ns/credentials/examples/v2");

            // WHEN it is issued with and without a status entry
            JsonObject withStatus =
                    JsonInput.DEFAULT.parseObject(
                            world.awards()
                                    .signProvided(
                                            world.owner(),
                                            ProvidedRequest.of(v1),
                                            StatusPolicy.REVOCABLE)
                                    .document());
            JsonObject withoutStatus =
                    JsonInput.DEFAULT.parseObject(
                            world.awards()
                                    .signProvided(
                                            world.owner(),
                                            ProvidedRequest.of(v1).withoutStatus(),
                                            StatusPolicy.REVOCABLE)
                                    .document());

            // THEN only the one with a status entry names the status context
            String status = "https://www.w3.org/ns/credentials/status/v1";
            String integrity = "https://w3id.org/security/data-integrity/v2";
            assertThat(withStatus.getJsonArray("@context").getValuesAs(JsonString::getString))
                    .contains(integrity, status);
            assertThat(withoutStatus.getJsonArray("@context").getValuesAs(JsonString::getString))
                    .contains(integrity)
                    .doesNotContain(status);
            assertThat(withoutStatus).doesNotContainKey("credentialStatus");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_sign_plain_credentials_of_either_data_model_and_find_them_by_the_callers_id(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN
            String examples = "https://www.w3.org/ns/credentials/examples/v2";
            JsonObject v1 =
                    Json.createObjectBuilder(
                                    plain(
                                            world.issuer().did(),
                                            "https://www.w3.org/2018/credentials/v1",
                                            examples))
                            .add("id", "https://registrar.example.edu/degrees/17")
                            .build();
            JsonObject v2 =
                    plain(world.issuer().did(), "https://www.w3.org/ns/credentials/v2", examples);

            // WHEN
            IssuedCredential first =
                    world.awards()
                            .signProvided(
                                    world.owner(), ProvidedRequest.of(v1), StatusPolicy.REVOCABLE);
            IssuedCredential second =
                    world.awards()
                            .signProvided(
                                    world.owner(),
                                    new ProvidedRequest(
                                            v2, Optional.empty(), Optional.of("degree-18")),
                                    StatusPolicy.REVOCABLE);

            // THEN
            JsonObject firstSigned = JsonInput.DEFAULT.parseObject(first.document());
            assertThat(firstSigned.getString("id"))
                    .isEqualTo("https://registrar.example.edu/degrees/17");
            assertThat(firstSigned.getString("issuanceDate")).isNotEmpty();
            assertThat(firstSigned.getJsonArray("@context").getValuesAs(JsonString.class))
                    .extracting(JsonString::getString)
                    .contains(
                            "https://w3id.org/security/data-integrity/v2",
                            "https://www.w3.org/ns/credentials/status/v1");
            assertThat(world.credentials().verify(first.id()).verdict())
                    .as(world.credentials().verify(first.id()).problems().toString())
                    .isEqualTo(Verdict.VERIFIED);
            assertThat(world.credentials().verify(second.id()).verdict())
                    .isEqualTo(Verdict.VERIFIED);
            assertThat(JsonInput.DEFAULT.parseObject(second.document()).getString("id"))
                    .isEqualTo(second.url());
            assertThat(
                            world.credentials()
                                    .idOf(
                                            world.owner(),
                                            "https://registrar.example.edu/degrees/17"))
                    .isEqualTo(first.id());
            assertThat(world.credentials().idOf(world.owner(), "degree-18")).isEqualTo(second.id());
            assertThat(world.credentials().idOf(world.owner(), second.url()))
                    .isEqualTo(second.id());
            assertThat(
                            world
                                    .credentials()
                                    .list(world.owner(), CredentialQuery.all())
                                    .items()
                                    .stream()
                                    .map(CredentialSummary::achievementName))
                    .containsOnly("UniversityDegreeCredential");
            assertRefused(world, Optional.empty(), v1, Problem.CONFLICT, "credential.id");
            IssuanceWorld other = world.neighbour("hillside");
            assertThatThrownBy(() -> other.credentials().idOf(other.owner(), "degree-18"))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_credentials_that_break_the_data_model_or_carry_malformed_dates(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            JsonObject good =
                    plain(
                            world.issuer().did(),
                            "https://www.w3.org/ns/credentials/v2",
                            "https://www.w3.org/ns/credentials/examples/v2");

            assertRefused(
                    world,
                    Optional.empty(),
                    Json.createObjectBuilder(good)
                            .add("credentialSubject", "did:example:1234")
                            .build(),
                    Problem.INVALID_INPUT,
                    "credentialSubject must be an object");
            assertRefused(
                    world,
                    Optional.empty(),
                    Json.createObjectBuilder(good).add("type", Json.createArrayBuilder()).build(),
                    Problem.INVALID_INPUT,
                    "type must include VerifiableCredential");
            assertRefused(
                    world,
                    Optional.empty(),
                    Json.createObjectBuilder(good)
                            .add("validFrom", "Sat 25 Feb 2023 07:16:31 PM CST")
                            .build(),
                    Problem.INVALID_INPUT,
                    "credential.validFrom");
            assertRefused(
                    world,
                    Optional.empty(),
                    Json.createObjectBuilder(good)
                            .add("validFrom", "2027-01-01T00:00:00Z")
                            .add("validUntil", "2025-01-01T00:00:00Z")
                            .build(),
                    Problem.INVALID_INPUT,
                    "credential.validUntil");
            assertRefused(
                    world,
                    Optional.empty(),
                    Json.createObjectBuilder(good)
                            .add(
                                    "credentialSubject",
                                    Json.createArrayBuilder()
                                            .add(Json.createObjectBuilder().add("a", "b"))
                                            .add(JsonValue.EMPTY_JSON_OBJECT))
                            .build(),
                    Problem.INVALID_INPUT,
                    "credential.credentialSubject[1]: is empty");
            assertThat(world.credentials().list(world.owner(), CredentialQuery.all()).total())
                    .isZero();
        }
    }

    /** One row per shape VC Data Model 2.0 forbids an issuer to sign: the member and its value. */
    static List<Map.Entry<String, String>> forbiddenShapes() {
        return List.of(
                Map.entry("evidence", "{\"id\": \"https://evidence.example/1\"}"),
                Map.entry("termsOfUse", "{\"id\": \"https://terms.example/1\"}"),
                Map.entry("refreshService", "{\"id\": \"https://refresh.example/1\"}"),
                Map.entry("credentialSchema", "{\"id\": \"https://schema.example/1.json\"}"),
                Map.entry("credentialSchema", "{\"type\": \"JsonSchema\"}"),
                Map.entry("credentialSubject", "{}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_naming_the_property_when_the_data_model_forbids_the_shape(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            JsonObject good =
                    plain(
                            world.issuer().did(),
                            "https://www.w3.org/ns/credentials/v2",
                            "https://www.w3.org/ns/credentials/examples/v2");
            for (Map.Entry<String, String> shape : forbiddenShapes()) {
                JsonValue value =
                        JsonInput.DEFAULT
                                .parseObject("{\"value\": " + shape.getValue() + "}")
                                .get("value");
                assertRefused(
                        world,
                        Optional.empty(),
                        Json.createObjectBuilder(good).add(shape.getKey(), value).build(),
                        Problem.INVALID_INPUT,
                        "credential." + shape.getKey());
            }
            assertThat(world.credentials().list(world.owner(), CredentialQuery.all()).total())
                    .isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_sign_subjects_without_an_id_and_credentials_without_a_status_entry(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN a bearer credential (claims, no subject id), an identifier-only subject, and
            // a credential asked for without a status entry
            JsonObject good =
                    plain(
                            world.issuer().did(),
                            "https://www.w3.org/ns/credentials/v2",
                            "https://www.w3.org/ns/credentials/examples/v2");
            JsonObject bearer =
                    Json.createObjectBuilder(good)
                            .add(
                                    "credentialSubject",
                                    Json.createObjectBuilder()
                                            .add("description", "A single id test for VC 2.0"))
                            .build();
            JsonObject identified =
                    Json.createObjectBuilder(good)
                            .add(
                                    "credentialSubject",
                                    Json.createObjectBuilder()
                                            .add(
                                                    "identifier",
                                                    Json.createArrayBuilder()
                                                            .add(
                                                                    IdentityObject.hashedEmail(
                                                                                    "ada@example.org",
                                                                                    "pepper")
                                                                            .json()))
                                            .add("degree", "Bachelor of Science"))
                            .build();

            // WHEN
            IssuedCredential bearerIssued =
                    world.awards()
                            .signProvided(
                                    world.owner(),
                                    ProvidedRequest.of(bearer),
                                    StatusPolicy.REVOCABLE);
            IssuedCredential identifiedIssued =
                    world.awards()
                            .signProvided(
                                    world.owner(),
                                    ProvidedRequest.of(identified).withoutStatus(),
                                    StatusPolicy.REVOCABLE);

            // THEN
            JsonObject withoutStatus = JsonInput.DEFAULT.parseObject(identifiedIssued.document());
            assertThat(withoutStatus).doesNotContainKey("credentialStatus");
            assertThat(JsonInput.DEFAULT.parseObject(bearerIssued.document()))
                    .containsKey("credentialStatus");
            assertThat(world.credentials().verify(bearerIssued.id()).verdict())
                    .isEqualTo(Verdict.VERIFIED);
            VerificationReport report = world.credentials().verify(identifiedIssued.id());
            assertThat(report.verdict())
                    .as(report.problems().toString())
                    .isEqualTo(Verdict.VERIFIED);
            assertThat(report.check(CheckName.STATUS).orElseThrow().status())
                    .isEqualTo(CheckStatus.NOT_APPLICABLE);
            assertThat(
                            world.credentials()
                                    .get(world.owner(), identifiedIssued.id())
                                    .recipientIdentifier())
                    .hasValue(
                            IdentityObject.hashedEmail("ada@example.org", "pepper").identityHash());
            assertThat(
                            world.credentials()
                                    .get(world.owner(), bearerIssued.id())
                                    .recipientIdentifier())
                    .isEmpty();
            // Setting a bit no verifier of it reads would pretend a revocation
            assertThatThrownBy(
                            () ->
                                    world.status()
                                            .revoke(world.owner(), identifiedIssued.id(), "error"))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> {
                                assertThat(e.problem()).isEqualTo(Problem.CONFLICT);
                                assertThat(e.getMessage()).contains("without a status entry");
                            });
            assertThat(
                            world.status()
                                    .revokeAll(
                                            world.owner(),
                                            List.of(identifiedIssued.id(), bearerIssued.id()),
                                            "error"))
                    .extracting(result -> result.outcome())
                    .containsExactly(StatusOutcome.REFUSED_NO_STATUS, StatusOutcome.REVOKED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_page_the_feed_by_offset_and_limit_within_the_organisation(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN
            IssuanceWorld other = world.neighbour("hillside");
            for (int i = 0; i < 5; i++) {
                world.awards()
                        .issue(world.owner(), world.requestFor("learner" + i + "@example.org"));
            }
            other.awards().issue(other.owner(), other.requestFor("someone@example.org"));
            CredentialFeed feed = new CredentialFeed(world.database());

            // WHEN
            CredentialFeed.Page first = feed.page(world.owner(), Optional.empty(), 0, 2);
            CredentialFeed.Page last = feed.page(world.owner(), Optional.empty(), 4, 2);
            CredentialFeed.Page later =
                    feed.page(
                            world.as(Role.VIEWER),
                            Optional.of(world.clock().instant().plusSeconds(60)),
                            0,
                            10);

            // THEN
            assertThat(first.total()).isEqualTo(5);
            assertThat(first.documents()).hasSize(2);
            assertThat(last.documents()).hasSize(1);
            assertThat(later.total()).isZero();
            assertThatThrownBy(() -> feed.page(world.owner(), Optional.empty(), 0, 0))
                    .hasMessageStartingWith("limit:");
        }
    }

    private static void assertRefused(
            IssuanceWorld world,
            Optional<String> issuer,
            JsonObject credential,
            Problem problem,
            String message) {
        ProvidedRequest request = new ProvidedRequest(credential, issuer, Optional.empty());
        assertThatThrownBy(
                        () ->
                                world.awards()
                                        .signProvided(
                                                world.owner(), request, StatusPolicy.REVOCABLE))
                .isInstanceOfSatisfying(
                        AppException.class,
                        e -> {
                            assertThat(e.problem()).isEqualTo(problem);
                            assertThat(e.getMessage()).contains(message);
                        });
    }
}
