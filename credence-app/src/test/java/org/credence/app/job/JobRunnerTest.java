package org.credence.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.credence.app.db.Database;
import org.credence.app.issuer.TestOrganisations;
import org.credence.app.organization.Role;
import org.credence.testing.db.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runners with real threads and the real clock against both engines. */
class JobRunnerTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final String KIND = "test.count";
    private static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50));
    private static final Duration WAIT = Duration.ofSeconds(60);

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_run_every_job_once_when_two_runners_share_the_database(TestDatabase testDatabase) {
        try (Database first = TestOrganisations.open(testDatabase);
                Database second = TestOrganisations.open(testDatabase)) {
            // GIVEN two nodes, 300 jobs
            UUID organisation =
                    TestOrganisations.create(first, "riverside", Role.OWNER).organisationId();
            JobQueue firstQueue = queue(first, Duration.ofSeconds(30));
            List<UUID> ids = new ArrayList<>();
            first.jdbi()
                    .useTransaction(
                            handle -> {
                                for (int job = 0; job < 300; job++) {
                                    ids.add(
                                            firstQueue.enqueue(
                                                    handle,
                                                    JobRequest.of(organisation, KIND, "{}")));
                                }
                            });
            Map<UUID, AtomicInteger> runs = new ConcurrentHashMap<>();
            Set<UUID> runningNow = ConcurrentHashMap.newKeySet();
            AtomicInteger overlaps = new AtomicInteger();
            JobHandler handler =
                    context -> {
                        UUID id = context.job().id();
                        if (!runningNow.add(id)) {
                            overlaps.incrementAndGet();
                        }
                        runs.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
                        Thread.sleep(1);
                        runningNow.remove(id);
                    };

            // WHEN
            try (JobRunner a = runner(firstQueue, handler, "a", 3);
                    JobRunner b = runner(queue(second, Duration.ofSeconds(30)), handler, "b", 3)) {
                a.start();
                b.start();
                await(() -> count(first.jdbi(), "succeeded") == ids.size());
            }

            // THEN
            assertThat(overlaps).hasValue(0);
            assertThat(runs).hasSize(ids.size());
            assertThat(runs.values()).allSatisfy(count -> assertThat(count).hasValue(1));
            assertThat(ids)
                    .allSatisfy(
                            id ->
                                    assertThat(firstQueue.find(id).orElseThrow().attempts())
                                            .isEqualTo(1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_resume_a_job_when_the_worker_holding_it_died(TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN a job leased by a worker that will never finish it
            JobQueue queue = queue(database, Duration.ofMillis(500));
            UUID id = queue.enqueue(request(database));
            assertThat(queue.claim("killed-worker", List.of(KIND))).isPresent();
            List<Integer> attemptsSeen = new CopyOnWriteArrayList<>();

            // WHEN a runner starts
            try (JobRunner runner =
                    runner(queue, context -> attemptsSeen.add(context.job().attempts()), "r", 1)) {
                runner.start();
                await(() -> queue.find(id).orElseThrow().state() == JobState.SUCCEEDED);
            }

            // THEN it ran the job once more, as its second attempt
            assertThat(attemptsSeen).containsExactly(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_retry_a_failing_handler_and_fail_the_job_when_attempts_are_spent(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN one job that fails once, one that always fails
            JobQueue queue = queue(database, Duration.ofSeconds(30));
            UUID flaky = queue.enqueue(request(database).withMaxAttempts(3));
            UUID broken = queue.enqueue(request(database).withMaxAttempts(3));
            Map<UUID, AtomicInteger> runs = new ConcurrentHashMap<>();
            JobHandler handler =
                    context -> {
                        int run =
                                runs.computeIfAbsent(context.job().id(), k -> new AtomicInteger())
                                        .incrementAndGet();
                        if (context.job().id().equals(broken) || run == 1) {
                            throw new IllegalStateException("SMTP down (run " + run + ")");
                        }
                    };

            // WHEN
            try (JobRunner runner = runner(queue, handler, "r", 2)) {
                runner.start();
                await(
                        () ->
                                queue.find(flaky).orElseThrow().state().isFinal()
                                        && queue.find(broken).orElseThrow().state().isFinal());
            }

            // THEN
            Job succeeded = queue.find(flaky).orElseThrow();
            assertThat(succeeded.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(succeeded.attempts()).isEqualTo(2);
            Job failed = queue.find(broken).orElseThrow();
            assertThat(failed.state()).isEqualTo(JobState.FAILED);
            assertThat(failed.attempts()).isEqualTo(3);
            assertThat(failed.lastError()).contains("IllegalStateException: SMTP down (run 3)");
            assertThat(runs.get(broken)).hasValue(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_show_progress_while_the_handler_runs_and_give_the_job_back_on_close(
            TestDatabase testDatabase) throws InterruptedException {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN a handler that reports progress, then waits forever
            JobQueue queue = queue(database, Duration.ofSeconds(30));
            UUID id = queue.enqueue(request(database));
            CountDownLatch never = new CountDownLatch(1);
            JobHandler handler =
                    context -> {
                        context.progress(40, 100);
                        never.await();
                    };
            JobRunner runner =
                    new JobRunner(
                            queue,
                            Map.of(KIND, handler),
                            new RunnerSettings(
                                    "r",
                                    1,
                                    Duration.ofMillis(20),
                                    Duration.ofMillis(100),
                                    Duration.ofMillis(200)));

            // WHEN
            runner.start();
            await(() -> queue.find(id).orElseThrow().progress().done() == 40);
            Job running = queue.find(id).orElseThrow();
            runner.close();

            // THEN
            assertThat(running.state()).isEqualTo(JobState.RUNNING);
            assertThat(running.progress()).isEqualTo(new Job.Progress(40, 100));
            Job released = queue.find(id).orElseThrow();
            assertThat(released.state()).isEqualTo(JobState.QUEUED);
            assertThat(released.attempts()).isZero();
            assertThat(released.leaseOwner()).isEmpty();
        }
    }

    private static JobQueue queue(Database database, Duration lease) {
        return new JobQueue(database, Clock.systemUTC(), lease, FAST);
    }

    private static JobRunner runner(JobQueue queue, JobHandler handler, String name, int workers) {
        return new JobRunner(
                queue,
                Map.of(KIND, handler),
                new RunnerSettings(
                        name,
                        workers,
                        Duration.ofMillis(20),
                        Duration.ofMillis(100),
                        Duration.ofSeconds(5)));
    }

    private static JobRequest request(Database database) {
        UUID organisation =
                TestOrganisations.create(database, "org-" + UUID.randomUUID(), Role.OWNER)
                        .organisationId();
        return JobRequest.of(organisation, KIND, "{}");
    }

    private static long count(Jdbi jdbi, String state) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery("SELECT COUNT(*) FROM jobs WHERE state = :state")
                                .bind("state", state)
                                .mapTo(Long.class)
                                .one());
    }

    /** Polls until the condition holds; fails the test after a minute. */
    static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
