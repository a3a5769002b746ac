package org.credence.app.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.db.Database;
import org.credence.app.issuer.TestOrganisations;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The queue's lease protocol, step by step under a clock the test moves. */
class JobQueueTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Backoff BACKOFF =
            new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
    private static final List<String> KINDS = List.of("award.bulk");

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_resume_a_job_with_its_progress_when_its_lease_expired(TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN a worker that took the job, reported progress and then died
            MutableClock clock = new MutableClock(START);
            JobQueue queue = new JobQueue(database, clock, LEASE, BACKOFF);
            UUID id = queue.enqueue(request(database));
            assertThat(queue.claim("crashed", KINDS)).isPresent();
            assertThat(queue.progress(id, "crashed", 3, 10)).isTrue();

            // WHEN its lease runs out
            clock.advance(Duration.ofSeconds(20));
            Optional<Job> tooEarly = queue.claim("rescuer", KINDS);
            clock.advance(Duration.ofSeconds(11));
            Job resumed = queue.claim("rescuer", KINDS).orElseThrow();

            // THEN another worker has it, and the dead one can no longer touch it
            assertThat(tooEarly).isEmpty();
            assertThat(resumed.id()).isEqualTo(id);
            assertThat(resumed.attempts()).isEqualTo(2);
            assertThat(resumed.leaseOwner()).contains("rescuer");
            assertThat(resumed.leaseUntil()).contains(clock.instant().plus(LEASE));
            assertThat(resumed.progress()).isEqualTo(new Job.Progress(3, 10));
            assertThat(queue.heartbeat(id, "crashed")).isFalse();
            assertThat(queue.complete(id, "crashed")).isFalse();
            assertThat(queue.fail(id, "crashed", "late")).isFalse();
            assertThat(queue.complete(id, "rescuer")).isTrue();
            assertThat(queue.find(id).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_keep_the_lease_when_the_worker_sends_heartbeats(TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            MutableClock clock = new MutableClock(START);
            JobQueue queue = new JobQueue(database, clock, LEASE, BACKOFF);
            UUID id = queue.enqueue(request(database));
            queue.claim("worker", KINDS).orElseThrow();

            // WHEN
            for (int beat = 0; beat < 5; beat++) {
                clock.advance(Duration.ofSeconds(20));
                assertThat(queue.heartbeat(id, "worker")).isTrue();
            }

            // THEN
            assertThat(queue.claim("other", KINDS)).isEmpty();
            assertThat(queue.find(id).orElseThrow().leaseUntil())
                    .contains(clock.instant().plus(LEASE));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_retry_after_the_backoff_and_fail_when_the_attempts_are_spent(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            MutableClock clock = new MutableClock(START);
            JobQueue queue = new JobQueue(database, clock, LEASE, BACKOFF);
            UUID id = queue.enqueue(request(database).withMaxAttempts(3));

            // WHEN / THEN: 1 s after the first failure, 2 s after the second, then failed
            queue.claim("worker", KINDS).orElseThrow();
            assertThat(queue.fail(id, "worker", "SMTP down")).isTrue();
            Job retried = queue.find(id).orElseThrow();
            assertThat(retried.state()).isEqualTo(JobState.QUEUED);
            assertThat(retried.runAfter()).isEqualTo(START.plusSeconds(1));
            assertThat(retried.lastError()).contains("SMTP down");
            assertThat(queue.claim("worker", KINDS)).isEmpty();

            clock.advance(Duration.ofSeconds(1));
            assertThat(queue.claim("worker", KINDS).orElseThrow().attempts()).isEqualTo(2);
            queue.fail(id, "worker", "still down");
            assertThat(queue.find(id).orElseThrow().runAfter())
                    .isEqualTo(clock.instant().plusSeconds(2));

            clock.advance(Duration.ofSeconds(2));
            assertThat(queue.claim("worker", KINDS).orElseThrow().attempts()).isEqualTo(3);
            queue.fail(id, "worker", "gave up");
            Job failed = queue.find(id).orElseThrow();
            assertThat(failed.state()).isEqualTo(JobState.FAILED);
            assertThat(failed.lastError()).contains("gave up");
            assertThat(failed.leaseOwner()).isEmpty();
            clock.advance(Duration.ofHours(1));
            assertThat(queue.claim("worker", KINDS)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_fail_the_job_when_its_worker_died_during_the_last_attempt(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            MutableClock clock = new MutableClock(START);
            JobQueue queue = new JobQueue(database, clock, LEASE, BACKOFF);
            UUID id = queue.enqueue(request(database).withMaxAttempts(1));
            queue.claim("crashed", KINDS).orElseThrow();

            // WHEN
            clock.advance(LEASE.plusSeconds(1));
            Optional<Job> claimed = queue.claim("other", KINDS);

            // THEN
            assertThat(claimed).isEmpty();
            Job failed = queue.find(id).orElseThrow();
            assertThat(failed.state()).isEqualTo(JobState.FAILED);
            assertThat(failed.lastError().orElseThrow()).contains("lease ran out");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_never_run_a_job_when_its_transaction_rolled_back(TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            JobQueue queue = new JobQueue(database, new MutableClock(START), LEASE, BACKOFF);
            JobRequest request = request(database);

            // WHEN the caller's transaction fails after enqueueing
            assertThatThrownBy(
                            () ->
                                    database.jdbi()
                                            .useTransaction(
                                                    handle -> {
                                                        queue.enqueue(handle, request);
                                                        throw new IllegalStateException(
                                                                "issuing failed");
                                                    }))
                    .hasMessage("issuing failed");
            UUID committed =
                    database.jdbi().inTransaction(handle -> queue.enqueue(handle, request));

            // THEN only the committed one exists
            assertThat(queue.claim("worker", KINDS).map(Job::id)).contains(committed);
            assertThat(queue.claim("worker", KINDS)).isEmpty();
            long rows =
                    database.jdbi()
                            .withHandle(
                                    handle ->
                                            handle.createQuery("SELECT COUNT(*) FROM jobs")
                                                    .mapTo(Long.class)
                                                    .one());
            assertThat(rows).isEqualTo(1L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_claim_only_due_jobs_of_the_asked_kinds_oldest_first(TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            MutableClock clock = new MutableClock(START);
            JobQueue queue = new JobQueue(database, clock, LEASE, BACKOFF);
            JobRequest request = request(database);
            UUID later = queue.enqueue(request.withDelay(Duration.ofMinutes(5)));
            clock.advance(Duration.ofSeconds(1));
            UUID first = queue.enqueue(request);
            UUID other =
                    queue.enqueue(new JobRequest(Optional.empty(), "x", "{}", 1, Duration.ZERO));

            // WHEN / THEN
            assertThat(queue.claim("worker", List.of())).isEmpty();
            assertThat(queue.claim("worker", KINDS).map(Job::id)).contains(first);
            assertThat(queue.claim("worker", KINDS)).isEmpty();
            assertThat(queue.complete(first, "worker")).isTrue();
            clock.advance(Duration.ofMinutes(5));
            assertThat(queue.claim("worker", KINDS).map(Job::id)).contains(later);
            assertThat(queue.find(other).orElseThrow().state()).isEqualTo(JobState.QUEUED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_cancel_a_queued_job_only_for_its_organisation(TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            JobQueue queue = new JobQueue(database, new MutableClock(START), LEASE, BACKOFF);
            Actor owner = TestOrganisations.create(database, "riverside", Role.OWNER);
            Actor stranger = TestOrganisations.create(database, "hillside", Role.OWNER);
            UUID id = queue.enqueue(JobRequest.of(owner.organisationId(), "award.bulk", "{}"));

            // WHEN / THEN
            assertThat(queue.cancel(stranger.organisationId(), id)).isFalse();
            assertThat(queue.cancel(owner.organisationId(), id)).isTrue();
            assertThat(queue.find(id).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
            assertThat(queue.claim("worker", KINDS)).isEmpty();
        }
    }

    private static JobRequest request(Database database) {
        Actor owner = TestOrganisations.create(database, "org-" + UUID.randomUUID(), Role.OWNER);
        return JobRequest.of(owner.organisationId(), "award.bulk", "{\"rows\": 10}");
    }
}
