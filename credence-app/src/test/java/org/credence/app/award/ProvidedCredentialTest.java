package org.credence.app.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
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
import org.credence.core.json.JsonInput;
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
        return Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder()
                                .add("https://www.w3.org/ns/credentials/v2")
                                .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
                .add(
                        "type",
                        Json.createArrayBuilder()
                                .add("VerifiableCredential")
                                .add("OpenBadgeCredential"))
                .add(
                        "issuer",
                        Json.createObjectBuilder()
                                .add("id", issuerDid)
                                .add("type", Json.createArrayBuilder().add("Profile"))
                                .add("name", "School of Nursing"))
                .add("name", "Wound Care")
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("id", recipient)
                                .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                                .add(
                                        "achievement",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "id",
                                                        "https://partner.example.org/badges/wound-care")
                                                .add(
                                                        "type",
                                                        Json.createArrayBuilder()
                                                                .add("Achievement"))
                                                .add("name", "Wound Care")
                                                .add("description", "Dresses wounds aseptically.")
                                                .add(
                                                        "criteria",
                                                        Json.createObjectBuilder()
                                                                .add(
                                                                        "narrative",
                                                                        "Observed twice."))))
                .build();
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
                                    Optional.empty(),
                                    credential,
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
                                    Optional.of(world.issuer().id().toString()),
                                    credential,
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
                    Problem.FORBIDDEN,
                    "not one of this organisation's issuers");
            assertRefused(
                    world,
                    Optional.of(other.issuer().id().toString()),
                    good,
                    Problem.FORBIDDEN,
                    "issuer");
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
                    Json.createObjectBuilder(good).add("id", "https://elsewhere.example/1").build(),
                    Problem.INVALID_INPUT,
                    "credential.id");
            assertRefused(
                    world,
                    Optional.empty(),
                    Json.createObjectBuilder(good).remove("credentialSubject").build(),
                    Problem.INVALID_INPUT,
                    "credential.credentialSubject");
            assertThatThrownBy(
                            () ->
                                    world.awards()
                                            .signProvided(
                                                    world.as(Role.VIEWER),
                                                    Optional.empty(),
                                                    good,
                                                    StatusPolicy.REVOCABLE))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.FORBIDDEN));
            assertThat(world.credentials().list(world.owner(), CredentialQuery.all()).total())
                    .isZero();
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
        assertThatThrownBy(
                        () ->
                                world.awards()
                                        .signProvided(
                                                world.owner(),
                                                issuer,
                                                credential,
                                                StatusPolicy.REVOCABLE))
                .isInstanceOfSatisfying(
                        AppException.class,
                        e -> {
                            assertThat(e.problem()).isEqualTo(problem);
                            assertThat(e.getMessage()).contains(message);
                        });
    }
}
