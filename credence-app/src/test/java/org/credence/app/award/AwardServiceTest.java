package org.credence.app.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.audit.AuditEvent;
import org.credence.app.audit.AuditStore;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.organization.Role;
import org.credence.app.testing.IssuanceWorld;
import org.credence.core.json.JsonInput;
import org.credence.core.model.OpenBadgeCredential;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AwardServiceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_issue_a_verifiable_open_badge_when_a_data_integrity_credential_is_requested(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN
            IssueRequest request =
                    world.requestFor("Ada@Example.org")
                            .withNarrative("Administered 20 doses under observation.")
                            .withEvidence(
                                    List.of(
                                            EvidenceInput.ofUrl("https://portfolio.example.org/ada")
                                                    .withName("Portfolio")
                                                    .withDescription("Observed doses")))
                            .withResult("Distinction")
                            .withCreditsEarned(new BigDecimal("5"));

            // WHEN
            IssuedCredential issued = world.awards().issue(world.as(Role.ISSUER), request);

            // THEN
            JsonObject json = JsonInput.DEFAULT.parseObject(issued.document());
            OpenBadgeCredential credential = OpenBadgeCredential.of(json);
            assertThat(issued.url()).isEqualTo(IssuanceWorld.BASE + "/credentials/" + issued.id());
            assertThat(json.getString("id")).isEqualTo(issued.url());
            assertThat(json.getJsonObject("issuer").getString("id"))
                    .isEqualTo("did:web:badges.example.edu:issuers:riverside-nursing");
            assertThat(credential.achievement().id())
                    .isEqualTo(
                            world.achievements()
                                    .achievementUrl(world.achievement().achievementId(), 1));
            assertThat(credential.credentialSubject().matchesEmail("ada@example.org")).isTrue();
            assertThat(issued.document()).doesNotContain("Ada@Example.org", "ada@example.org");
            assertThat(credential.credentialSubject().narrative())
                    .contains("Administered 20 doses under observation.");
            assertThat(json.getJsonObject("credentialStatus").getString("statusPurpose"))
                    .isEqualTo("revocation");
            VerificationReport report = world.credentials().verify(issued.id());
            assertThat(report.verdict())
                    .as(report.problems().toString())
                    .isEqualTo(Verdict.VERIFIED);
            assertThat(report.check(CheckName.STATUS).orElseThrow().status())
                    .isEqualTo(CheckStatus.PASSED);
            assertThat(events(world, "credential.issued")).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_issue_a_verifiable_vc_jwt_when_the_jwt_format_is_requested(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN
            IssueRequest request =
                    IssueRequest.of(
                                    world.issuer().id(),
                                    world.achievement().achievementId(),
                                    AwardRecipient.ofIdentifier(
                                            "did:example:ebfeb1f712ebc6f1c276e12ec21"))
                            .withFormat(SecuringFormat.VC_JWT);

            // WHEN
            IssuedCredential issued = world.awards().issue(world.owner(), request);

            // THEN
            assertThat(issued.document().split("\\.")).hasSize(3);
            VerificationReport report = world.credentials().verify(issued.id());
            assertThat(report.format()).isEqualTo("jwt");
            assertThat(report.verdict())
                    .as(report.problems().toString())
                    .isEqualTo(Verdict.VERIFIED);
            assertThat(world.credentials().publicView(issued.id()).achievementName())
                    .isEqualTo("Safe Medication Administration");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_return_the_first_credential_when_the_same_idempotency_key_is_sent_twice(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN
            IssueRequest request = world.requestFor("ada@example.org").withIdempotencyKey("row-17");
            IssuedCredential first = world.awards().issue(world.owner(), request);

            // WHEN
            IssuedCredential second = world.awards().issue(world.owner(), request);

            // THEN
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(second.document()).isEqualTo(first.document());
            assertThat(second.replayed()).isTrue();
            assertThat(first.replayed()).isFalse();
            assertThat(events(world, "credential.issued")).hasSize(1);
            assertThat(
                            world.credentials()
                                    .list(
                                            world.owner(),
                                            org.credence.app.credential.CredentialQuery.all())
                                    .total())
                    .isEqualTo(1);
            assertProblem(
                    () ->
                            world.awards()
                                    .issue(
                                            world.owner(),
                                            world.requestFor("grace@example.org")
                                                    .withIdempotencyKey("row-17")),
                    Problem.CONFLICT,
                    "idempotencyKey");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_answer_not_found_when_the_issuer_or_achievement_is_another_organisations(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN
            IssuanceWorld other = world.neighbour("hillside");

            // WHEN / THEN
            assertProblem(
                    () ->
                            world.awards()
                                    .issue(
                                            world.owner(),
                                            IssueRequest.of(
                                                    other.issuer().id(),
                                                    world.achievement().achievementId(),
                                                    AwardRecipient.ofEmail("a@example.org"))),
                    Problem.NOT_FOUND,
                    "Issuer");
            assertProblem(
                    () ->
                            world.awards()
                                    .issue(
                                            world.owner(),
                                            IssueRequest.of(
                                                    world.issuer().id(),
                                                    other.achievement().achievementId(),
                                                    AwardRecipient.ofEmail("a@example.org"))),
                    Problem.NOT_FOUND,
                    "Achievement");
            assertProblem(
                    () ->
                            world.awards()
                                    .issue(
                                            world.owner(),
                                            IssueRequest.of(
                                                    world.issuer().id(),
                                                    UUID.randomUUID(),
                                                    AwardRecipient.ofEmail("a@example.org"))),
                    Problem.NOT_FOUND,
                    "Achievement");
            IssuedCredential theirs =
                    other.awards().issue(other.owner(), other.requestFor("b@example.org"));
            assertProblem(
                    () -> world.status().revoke(world.owner(), theirs.id(), "not ours"),
                    Problem.NOT_FOUND,
                    "Credential");
            assertThat(
                            world.credentials()
                                    .list(
                                            world.owner(),
                                            org.credence.app.credential.CredentialQuery.all())
                                    .items())
                    .isEmpty();
            assertProblem(
                    () ->
                            world.awards()
                                    .issue(
                                            world.as(Role.VIEWER),
                                            world.requestFor("a@example.org")),
                    Problem.FORBIDDEN,
                    "role");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_with_the_field_name_when_the_input_is_bad(TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            assertProblem(
                    () -> world.requestFor("not-an-email"),
                    Problem.INVALID_INPUT,
                    "recipient.email");
            assertProblem(
                    () -> AwardRecipient.ofIdentifier("relative/path"),
                    Problem.INVALID_INPUT,
                    "recipient.identifier");
            assertProblem(
                    () -> EvidenceInput.ofUrl("javascript:alert(1)"),
                    Problem.INVALID_INPUT,
                    "evidence.url");
            assertProblem(
                    () ->
                            world.requestFor("a@example.org")
                                    .withValidFrom(Instant.parse("2026-02-01T00:00:00Z"))
                                    .withValidUntil(Instant.parse("2026-01-01T00:00:00Z")),
                    Problem.INVALID_INPUT,
                    "validUntil");
            assertProblem(
                    () -> world.requestFor("a@example.org").withCreditsEarned(new BigDecimal("-1")),
                    Problem.INVALID_INPUT,
                    "creditsEarned");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_round_trip_markup_and_non_ascii_text_exactly_when_they_are_issued(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN
            String narrative = "<script>alert('x')</script> & <b>bold</b> — 王小明 · محمد · Zoë Ñúñez";
            IssueRequest request =
                    IssueRequest.of(
                                    world.issuer().id(),
                                    world.achievement().achievementId(),
                                    AwardRecipient.ofEmail("wang@example.cn")
                                            .withName("王小明 <i>Ω</i>"))
                            .withNarrative(narrative)
                            .withEvidence(
                                    List.of(
                                            EvidenceInput.ofNarrative(
                                                            "عمل ممتاز <img src=x onerror=alert(1)>")
                                                    .withName("Éloïse's \"notes\"")));

            // WHEN
            IssuedCredential issued = world.awards().issue(world.owner(), request);
            world.credentials().setShowName(issued.id(), "WANG@example.cn", true);

            // THEN
            OpenBadgeCredential credential =
                    OpenBadgeCredential.of(
                            JsonInput.DEFAULT.parseObject(
                                    world.credentials().document(issued.id()).text()));
            assertThat(world.credentials().document(issued.id()).text())
                    .isEqualTo(issued.document());
            assertThat(credential.credentialSubject().narrative()).contains(narrative);
            assertThat(credential.evidence().get(0).narrative())
                    .contains("عمل ممتاز <img src=x onerror=alert(1)>");
            assertThat(credential.evidence().get(0).name()).contains("Éloïse's \"notes\"");
            assertThat(world.credentials().publicView(issued.id()).recipientName())
                    .contains("王小明 <i>Ω</i>");
            assertThat(world.credentials().verify(issued.id()).verdict())
                    .isEqualTo(Verdict.VERIFIED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_issue_each_request_and_report_each_problem_when_a_batch_is_issued(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN 60 good requests (two transactions), one for an unknown achievement, one replay
            java.util.ArrayList<IssueRequest> requests = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                requests.add(
                        world.requestFor("learner" + i + "@example.org")
                                .withIdempotencyKey("k" + i));
            }
            requests.add(
                    IssueRequest.of(
                            world.issuer().id(),
                            UUID.randomUUID(),
                            AwardRecipient.ofEmail("x@example.org")));
            requests.add(world.requestFor("learner0@example.org").withIdempotencyKey("k0"));

            // WHEN
            List<IssueOutcome> outcomes = world.awards().issueAll(world.owner(), requests);

            // THEN
            assertThat(outcomes).hasSize(62);
            assertThat(outcomes.subList(0, 60)).allMatch(IssueOutcome::succeeded);
            assertThat(outcomes.get(60).problem()).contains(Problem.NOT_FOUND);
            assertThat(outcomes.get(60).position()).isEqualTo(60);
            assertThat(outcomes.get(61).credential().orElseThrow().id())
                    .isEqualTo(outcomes.get(0).credential().orElseThrow().id());
            assertThat(events(world, "credential.issued")).hasSize(60);
            assertThat(
                            world.credentials()
                                    .verify(outcomes.get(59).credential().orElseThrow().id())
                                    .verdict())
                    .isEqualTo(Verdict.VERIFIED);
        }
    }

    static List<AuditEvent> events(IssuanceWorld world, String action) {
        return world
                .database()
                .jdbi()
                .withHandle(
                        handle ->
                                new AuditStore()
                                        .list(handle, world.owner().organisationId(), 0, 1000))
                .stream()
                .filter(event -> event.action().equals(action))
                .toList();
    }

    static void assertProblem(Runnable action, Problem problem, String messagePart) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        AppException.class, e -> assertThat(e.problem()).isEqualTo(problem))
                .hasMessageContaining(messagePart);
    }
}
