package org.credence.app.award;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.credence.app.status.StatusOutcome;
import org.credence.app.status.StatusPolicy;
import org.credence.app.testing.IssuanceWorld;
import org.credence.core.Verifier;
import org.credence.core.did.CompositeResolver;
import org.credence.core.did.FixtureDocuments;
import org.credence.core.json.JsonInput;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The achievement's {@link StatusPolicy} decides the {@code credentialStatus} of what is issued:
 * one revocation object (Open Badges 3.0 conformant) or a revocation and a suspension entry.
 */
class StatusPolicyIssuanceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_write_one_status_object_that_passes_the_schema_when_the_achievement_is_revocable(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN the world's default achievement
            assertThat(world.achievement().design().statusPolicy())
                    .isEqualTo(StatusPolicy.REVOCABLE);

            // WHEN
            IssuedCredential issued =
                    world.awards().issue(world.owner(), world.requestFor("ada@example.org"));
            JsonObject document = JsonInput.DEFAULT.parseObject(issued.document());
            VerificationReport inApp = world.credentials().verify(issued.id());
            VerificationReport inCore =
                    coreVerifier(world, document).verifyCredential(document, VerifyOptions.DEFAULT);
            world.status().revoke(world.owner(), issued.id(), "issued in error");
            VerificationReport revokedInApp = world.credentials().verify(issued.id());
            VerificationReport revokedInCore =
                    coreVerifier(world, document).verifyCredential(document, VerifyOptions.DEFAULT);

            // THEN
            JsonValue status = document.get("credentialStatus");
            assertThat(status.getValueType()).isEqualTo(JsonValue.ValueType.OBJECT);
            assertThat(status.asJsonObject().getString("statusPurpose")).isEqualTo("revocation");
            assertThat(status.asJsonObject().getString("type"))
                    .isEqualTo("BitstringStatusListEntry");
            for (VerificationReport report : List.of(inApp, inCore)) {
                assertThat(report.verdict())
                        .as(report.problems().toString())
                        .isEqualTo(Verdict.VERIFIED);
                assertThat(report.check(CheckName.SCHEMA).orElseThrow().status())
                        .isEqualTo(CheckStatus.PASSED);
                assertThat(report.check(CheckName.STATUS).orElseThrow().status())
                        .isEqualTo(CheckStatus.PASSED);
                assertThat(report.problems()).isEmpty();
            }
            for (VerificationReport report : List.of(revokedInApp, revokedInCore)) {
                assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
                assertThat(report.check(CheckName.STATUS).orElseThrow().code())
                        .isEqualTo("REVOKED");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_write_a_revocation_and_a_suspension_entry_when_the_achievement_is_suspendable(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // WHEN
            IssuedCredential issued =
                    world.awards()
                            .issue(world.owner(), world.suspendableRequestFor("ada@example.org"));
            VerificationReport report = world.credentials().verify(issued.id());

            // THEN valid VC 2.0, beyond OB 3.0's one entry: verified, with the schema's warning
            JsonArray status =
                    JsonInput.DEFAULT
                            .parseObject(issued.document())
                            .getJsonArray("credentialStatus");
            assertThat(status)
                    .map(entry -> entry.asJsonObject().getString("statusPurpose"))
                    .containsExactly("revocation", "suspension");
            assertThat(report.verdict())
                    .as(report.problems().toString())
                    .isEqualTo(Verdict.VERIFIED);
            assertThat(report.check(CheckName.SCHEMA).orElseThrow().code())
                    .isEqualTo("OB3_SCHEMA_NONCONFORMANT");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_give_each_bulk_credential_its_achievements_status_entries(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // WHEN one bulk call mixes both achievements
            List<IssueOutcome> outcomes =
                    world.awards()
                            .issueAll(
                                    world.owner(),
                                    List.of(
                                            world.requestFor("a@example.org"),
                                            world.suspendableRequestFor("b@example.org")));

            // THEN
            IssuedCredential revocable = outcomes.get(0).credential().orElseThrow();
            IssuedCredential suspendable = outcomes.get(1).credential().orElseThrow();
            assertThat(
                            JsonInput.DEFAULT
                                    .parseObject(revocable.document())
                                    .get("credentialStatus")
                                    .getValueType())
                    .isEqualTo(JsonValue.ValueType.OBJECT);
            assertThat(
                            JsonInput.DEFAULT
                                    .parseObject(suspendable.document())
                                    .getJsonArray("credentialStatus"))
                    .hasSize(2);
            assertThat(
                            world.status()
                                    .suspendAll(
                                            world.owner(),
                                            List.of(revocable.id(), suspendable.id()),
                                            "review"))
                    .extracting(result -> result.outcome())
                    .containsExactly(
                            StatusOutcome.REFUSED_NOT_SUSPENDABLE, StatusOutcome.SUSPENDED);
        }
    }

    /**
     * The core verifier given what the installation publishes: the issuer's DID document and the
     * credential's status list, read now.
     */
    private static Verifier coreVerifier(IssuanceWorld world, JsonObject credential) {
        String didUrl = IssuanceWorld.BASE + "/issuers/" + world.issuer().slug() + "/did.json";
        String listUrl =
                credential.getJsonObject("credentialStatus").getString("statusListCredential");
        String segment = listUrl.substring(listUrl.lastIndexOf('/') + 1);
        FixtureDocuments fixtures =
                new FixtureDocuments(
                        Map.of(
                                didUrl,
                                world.issuers().didDocument(world.issuer().slug()),
                                listUrl,
                                JsonInput.DEFAULT.parseObject(
                                        world.status().publishedList(segment).json())));
        return Verifier.builder()
                .resolver(CompositeResolver.standard(fixtures))
                .fetcher(fixtures)
                .clock(world.clock())
                .build();
    }
}
