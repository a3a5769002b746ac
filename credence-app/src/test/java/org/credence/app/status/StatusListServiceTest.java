package org.credence.app.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.audit.AuditStore;
import org.credence.app.award.IssuedCredential;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.app.testing.IssuanceWorld;
import org.credence.core.Verifier;
import org.credence.core.did.CompositeResolver;
import org.credence.core.did.FixtureDocuments;
import org.credence.core.json.JsonInput;
import org.credence.core.status.PublishedStatusList;
import org.credence.core.status.StatusListCredentials;
import org.credence.core.status.StatusListEntry;
import org.credence.core.status.StatusPurpose;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StatusListServiceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_verify_as_revoked_once_when_a_credential_is_revoked_twice(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN
            Actor issuer = world.as(Role.ISSUER);
            IssuedCredential issued =
                    world.awards().issue(issuer, world.requestFor("a@example.org"));

            // WHEN
            StatusOutcome first = world.status().revoke(issuer, issued.id(), "Issued in error");
            StatusOutcome second = world.status().revoke(world.owner(), issued.id(), "again");

            // THEN
            assertThat(first).isEqualTo(StatusOutcome.REVOKED);
            assertThat(second).isEqualTo(StatusOutcome.ALREADY_REVOKED);
            assertThat(events(world, "credential.revoked")).hasSize(1);
            VerificationReport report = world.credentials().verify(issued.id());
            assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(report.check(CheckName.STATUS).orElseThrow().code()).isEqualTo("REVOKED");
            assertThat(report.check(CheckName.PROOF).orElseThrow().status())
                    .isEqualTo(CheckStatus.PASSED);
            assertProblem(
                    () -> world.status().suspend(issuer, issued.id(), "too late"),
                    Problem.CONFLICT);
            IssuedCredential suspendable =
                    world.awards().issue(issuer, world.suspendableRequestFor("b@example.org"));
            world.status().revoke(issuer, suspendable.id(), "");
            assertThatThrownBy(() -> world.status().suspend(issuer, suspendable.id(), "too late"))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT))
                    .hasMessageContaining("revocation is final");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_with_a_conflict_when_a_credential_issued_revocable_only_is_suspended(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN a credential of the default (revocable) achievement
            IssuedCredential issued =
                    world.awards().issue(world.owner(), world.requestFor("a@example.org"));

            // WHEN
            List<StatusResult> bulk =
                    world.status().suspendAll(world.owner(), List.of(issued.id()), "audit");
            List<StatusResult> bulkLift =
                    world.status().unsuspendAll(world.owner(), List.of(issued.id()));

            // THEN
            for (Runnable change :
                    List.<Runnable>of(
                            () -> world.status().suspend(world.owner(), issued.id(), "audit"),
                            () -> world.status().unsuspend(world.owner(), issued.id()))) {
                assertThatThrownBy(change::run)
                        .isInstanceOfSatisfying(
                                AppException.class,
                                e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT))
                        .hasMessage(
                                "This credential was issued revocable only; it has no"
                                        + " suspension entry");
            }
            assertThat(bulk)
                    .containsExactly(
                            new StatusResult(issued.id(), StatusOutcome.REFUSED_NOT_SUSPENDABLE));
            assertThat(bulkLift)
                    .containsExactly(
                            new StatusResult(issued.id(), StatusOutcome.REFUSED_NOT_SUSPENDABLE));
            assertThat(events(world, "credential.suspended")).isEmpty();
            assertThat(world.credentials().verify(issued.id()).verdict())
                    .isEqualTo(Verdict.VERIFIED);
            assertThat(world.status().revoke(world.owner(), issued.id(), ""))
                    .isEqualTo(StatusOutcome.REVOKED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_fail_then_pass_the_status_check_when_a_credential_is_suspended_and_unsuspended(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN
            IssuedCredential issued =
                    world.awards()
                            .issue(world.owner(), world.suspendableRequestFor("a@example.org"));

            // WHEN
            StatusOutcome suspended = world.status().suspend(world.owner(), issued.id(), "audit");
            VerificationReport whileSuspended = world.credentials().verify(issued.id());
            StatusOutcome again = world.status().suspend(world.owner(), issued.id(), "audit");
            StatusOutcome lifted = world.status().unsuspend(world.owner(), issued.id());
            StatusOutcome liftedAgain = world.status().unsuspend(world.owner(), issued.id());

            // THEN
            assertThat(List.of(suspended, again, lifted, liftedAgain))
                    .containsExactly(
                            StatusOutcome.SUSPENDED,
                            StatusOutcome.ALREADY_SUSPENDED,
                            StatusOutcome.UNSUSPENDED,
                            StatusOutcome.NOT_SUSPENDED);
            assertThat(whileSuspended.check(CheckName.STATUS).orElseThrow().code())
                    .isEqualTo("SUSPENDED");
            assertThat(world.credentials().verify(issued.id()).verdict())
                    .isEqualTo(Verdict.VERIFIED);
            assertThat(events(world, "credential.suspended")).hasSize(1);
            assertThat(events(world, "credential.unsuspended")).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_viewers_and_answer_each_id_when_statuses_change_in_bulk(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN
            UUID one =
                    world.awards()
                            .issue(world.owner(), world.suspendableRequestFor("a@example.org"))
                            .id();
            UUID two = world.awards().issue(world.owner(), world.requestFor("b@example.org")).id();
            world.status().revoke(world.owner(), two, "");
            UUID unknown = UUID.randomUUID();

            // WHEN
            List<StatusResult> results =
                    world.status()
                            .revokeAll(world.owner(), List.of(one, two, unknown), "cohort void");

            // THEN
            assertThat(results)
                    .containsExactly(
                            new StatusResult(one, StatusOutcome.REVOKED),
                            new StatusResult(two, StatusOutcome.ALREADY_REVOKED),
                            new StatusResult(unknown, StatusOutcome.NOT_FOUND));
            assertThat(world.status().suspendAll(world.owner(), List.of(one), "x"))
                    .containsExactly(new StatusResult(one, StatusOutcome.REFUSED_REVOKED));
            assertProblem(
                    () -> world.status().revoke(world.as(Role.VIEWER), one, ""), Problem.FORBIDDEN);
            assertProblem(
                    () -> world.status().revokeAll(world.as(Role.VIEWER), List.of(one), ""),
                    Problem.FORBIDDEN);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_revoke_exactly_once_when_two_threads_revoke_the_same_credential(
            TestDatabase testDatabase) throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN
            UUID id = world.awards().issue(world.owner(), world.requestFor("a@example.org")).id();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);

            // WHEN
            try {
                List<Future<StatusOutcome>> outcomes = new java.util.ArrayList<>();
                for (String reason : List.of("first", "second")) {
                    outcomes.add(
                            threads.submit(
                                    () -> {
                                        start.await();
                                        return world.status().revoke(world.owner(), id, reason);
                                    }));
                }
                start.countDown();
                List<StatusOutcome> results = new java.util.ArrayList<>();
                for (Future<StatusOutcome> outcome : outcomes) {
                    results.add(outcome.get());
                }

                // THEN
                assertThat(results)
                        .containsExactlyInAnyOrder(
                                StatusOutcome.REVOKED, StatusOutcome.ALREADY_REVOKED);
                assertThat(events(world, "credential.revoked")).hasSize(1);
                assertThat(
                                world.credentials()
                                        .verify(id)
                                        .check(CheckName.STATUS)
                                        .orElseThrow()
                                        .code())
                        .isEqualTo("REVOKED");
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_publish_a_signed_list_of_the_minimum_length_regenerated_only_after_a_change(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN
            IssuedCredential issued =
                    world.awards().issue(world.owner(), world.requestFor("a@example.org"));
            StatusListEntry revocation =
                    StatusListEntry.from(JsonInput.DEFAULT.parseObject(issued.document())).get(0);
            String segment = lastSegment(revocation.statusListCredential().toString());

            // WHEN
            StatusListDocument before = world.status().publishedList(segment);
            StatusListDocument cached = world.status().publishedList(segment);
            world.status().revoke(world.owner(), issued.id(), "");
            StatusListDocument after = world.status().publishedList(segment);

            // THEN
            assertThat(cached).isSameAs(before);
            assertThat(after.etag()).isNotEqualTo(before.etag());
            JsonObject list = JsonInput.DEFAULT.parseObject(after.json());
            PublishedStatusList published = StatusListCredentials.read(list);
            assertThat(published.list().length()).isGreaterThanOrEqualTo(131_072);
            assertThat(published.purpose()).isEqualTo(StatusPurpose.REVOCATION);
            assertThat(published.statusOf(revocation)).isTrue();
            assertThat(list.getString("validUntil"))
                    .isEqualTo(world.clock().instant().plusSeconds(600).toString());
            assertThat(list.getJsonObject("proof").getString("cryptosuite"))
                    .isEqualTo("eddsa-rdfc-2022");
            VerificationReport report =
                    didOnlyVerifier(world).verifyCredential(list, VerifyOptions.DEFAULT);
            assertThat(report.verdict())
                    .as(report.problems().toString())
                    .isEqualTo(Verdict.VERIFIED);
            JsonObject suspension =
                    JsonInput.DEFAULT.parseObject(
                            world.status().publishedList(segment + "-s").json());
            assertThat(StatusListCredentials.read(suspension).purpose())
                    .isEqualTo(StatusPurpose.SUSPENSION);
            assertProblem(() -> world.status().publishedList("nonsense"), Problem.NOT_FOUND);
            assertProblem(
                    () -> world.status().publishedList(UUID.randomUUID().toString()),
                    Problem.NOT_FOUND);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_give_distinct_indexes_and_open_a_new_list_when_the_share_is_used(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN a policy that closes a list after 4 of 131,072 entries
            StatusListService small =
                    new StatusListService(
                            world.database(),
                            world.issuers(),
                            org.credence.app.issuer.DidWebHost.of(IssuanceWorld.BASE),
                            new StatusListPolicy(
                                    131_072, 4.0 / 131_072, java.time.Duration.ofMinutes(10)),
                            world.clock(),
                            new java.security.SecureRandom());

            // WHEN
            List<StatusSlot> slots = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                slots.add(small.allocate(world.owner(), world.issuer().id()));
            }

            // THEN
            assertThat(slots.stream().map(StatusSlot::listId).distinct()).hasSize(3);
            assertThat(slots.stream().distinct()).hasSize(10);
            assertThat(slots).allMatch(slot -> slot.index() >= 0 && slot.index() < 131_072);
        }
    }

    private static Verifier didOnlyVerifier(IssuanceWorld world) {
        String did = world.issuer().did();
        JsonObject document = world.issuers().didDocument(world.issuer().slug());
        String url = "https://badges.example.edu/issuers/" + world.issuer().slug() + "/did.json";
        FixtureDocuments fixtures = new FixtureDocuments(java.util.Map.of(url, document));
        assertThat(did).startsWith("did:web:badges.example.edu");
        return Verifier.builder()
                .resolver(CompositeResolver.standard(fixtures))
                .fetcher(fixtures)
                .clock(world.clock())
                .build();
    }

    private static String lastSegment(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static List<org.credence.app.audit.AuditEvent> events(
            IssuanceWorld world, String action) {
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

    private static void assertProblem(Runnable action, Problem problem) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        AppException.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }
}
