package org.credence.app.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.RowProblem;
import org.credence.app.award.IssueRequest;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.delivery.DeliveryService;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.job.Backoff;
import org.credence.app.job.JobQueue;
import org.credence.app.job.JobRunner;
import org.credence.app.job.MutableClock;
import org.credence.app.job.RunnerSettings;
import org.credence.app.organization.Role;
import org.credence.app.testing.IssuanceWorld;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BulkIssueServiceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    private static final String FIVE_ROWS_ONE_BAD =
            """
            email,name,narrative
            ana@example.org,Ana Lima,Reconciled payroll with the AI assistant
            li@example.org,李明,<script>alert(1)</script>
            not-an-email,Bad Row,
            sara@example.org,سارة,
            zoe@example.org,Zoë Ærø,
            """;

    /** The services of a bulk issue on an issuance world. */
    private record Bulk(
            IssuanceWorld world,
            JobQueue jobs,
            DeliveryService delivery,
            BulkIssueService service,
            BulkIssueHandler handler) {

        static Bulk on(IssuanceWorld world) {
            JobQueue jobs =
                    new JobQueue(
                            world.database(),
                            world.clock(),
                            Duration.ofSeconds(30),
                            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5)));
            DeliveryService delivery =
                    new DeliveryService(
                            world.database(),
                            world.clock(),
                            new SecureRandom(),
                            Duration.ofDays(90));
            return new Bulk(
                    world,
                    jobs,
                    delivery,
                    new BulkIssueService(
                            world.database(),
                            world.issuers(),
                            world.achievements(),
                            jobs,
                            world.clock()),
                    new BulkIssueHandler(
                            world.database(),
                            world.awards(),
                            delivery,
                            world.issuers(),
                            world.achievements(),
                            DidWebHost.of(IssuanceWorld.BASE),
                            world.clock()));
        }

        BulkIssue upload(String csv) {
            return upload(csv, world.issuer().id());
        }

        BulkIssue upload(String csv, java.util.UUID issuerId) {
            return service.upload(
                    world.owner(),
                    new BulkUpload(
                            issuerId,
                            world.achievement().achievementId(),
                            "cohort.csv",
                            SecuringFormat.DATA_INTEGRITY,
                            true),
                    new StringReader(csv));
        }

        /** Runs queued jobs with a real runner until the bulk issue is finished. */
        BulkIssue runUntilFinished(BulkIssue issue) throws InterruptedException {
            RunnerSettings settings =
                    new RunnerSettings(
                            "test",
                            2,
                            Duration.ofMillis(20),
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(5));
            try (JobRunner runner =
                    new JobRunner(jobs, Map.of(BulkIssueService.JOB_KIND, handler), settings)) {
                runner.start();
                for (int i = 0; i < 1500; i++) {
                    BulkIssue now = service.get(world.owner(), issue.id());
                    if (now.state().finished()) {
                        return now;
                    }
                    Thread.sleep(20);
                }
            }
            throw new AssertionError("bulk issue did not finish");
        }

        long count(String sql) {
            return world.database()
                    .jdbi()
                    .withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void the_dry_run_reports_bad_rows_and_issues_nothing(TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            Bulk bulk = Bulk.on(world);

            BulkIssue draft = bulk.upload(FIVE_ROWS_ONE_BAD);

            assertThat(draft.state()).isEqualTo(BulkState.DRAFT);
            assertThat(draft.rowCount()).isEqualTo(5);
            assertThat(draft.problemCount()).isEqualTo(1);
            assertThat(draft.issuableCount()).isEqualTo(4);
            assertThat(bulk.service().problems(world.owner(), draft.id()))
                    .singleElement()
                    .satisfies(
                            problem -> {
                                assertThat(problem.line()).isEqualTo(4);
                                assertThat(problem.message()).startsWith("email:");
                            });
            assertThat(bulk.count("SELECT COUNT(*) FROM credentials")).isZero();
            assertThat(bulk.count("SELECT COUNT(*) FROM jobs")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void confirming_issues_every_good_row_once_and_queues_their_emails(TestDatabase testDatabase)
            throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            Bulk bulk = Bulk.on(world);
            BulkIssue draft = bulk.upload(FIVE_ROWS_ONE_BAD);

            bulk.service().confirm(world.owner(), draft.id());
            bulk.service().confirm(world.owner(), draft.id()); // a double click
            BulkIssue done = bulk.runUntilFinished(draft);

            assertThat(done.state()).isEqualTo(BulkState.COMPLETED);
            assertThat(done.issuedCount()).isEqualTo(4);
            assertThat(done.percentDone()).isEqualTo(100);
            assertThat(bulk.count("SELECT COUNT(*) FROM jobs")).isEqualTo(1);
            assertThat(bulk.count("SELECT COUNT(*) FROM credentials")).isEqualTo(4);
            assertThat(bulk.count("SELECT COUNT(*) FROM email_outbox")).isEqualTo(4);
            assertThat(
                            bulk.count(
                                    "SELECT COUNT(*) FROM bulk_issue_rows WHERE state = 'issued'"
                                            + " AND credential_id IS NOT NULL"))
                    .isEqualTo(4);
            String document =
                    world.database()
                            .jdbi()
                            .withHandle(
                                    handle ->
                                            handle.createQuery(
                                                            "SELECT document FROM credentials"
                                                                    + " WHERE recipient_name = '李明'")
                                                    .mapTo(String.class)
                                                    .one());
            assertThat(document).contains("<script>alert(1)</script>");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void a_did_key_issuer_signs_every_row_so_that_each_credential_verifies_offline(
            TestDatabase testDatabase) throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN an issuer identified by its did:key
            Bulk bulk = Bulk.on(world);
            org.credence.app.issuer.IssuerProfile keyIssuer =
                    world.issuers()
                            .create(
                                    world.owner(),
                                    org.credence.app.issuer.IssuerDraft.of(
                                            "riverside-key", "Riverside (did:key)"),
                                    org.credence.app.issuer.DidMethod.KEY);
            BulkIssue draft =
                    bulk.upload(
                            "email,name\nada@example.org,Ada\nbob@example.org,Bob\n",
                            keyIssuer.id());

            // WHEN
            bulk.service().confirm(world.owner(), draft.id());
            BulkIssue done = bulk.runUntilFinished(draft);

            // THEN
            assertThat(done.state()).isEqualTo(BulkState.COMPLETED);
            assertThat(done.issuedCount()).isEqualTo(2);
            java.util.List<String> documents =
                    world.database()
                            .jdbi()
                            .withHandle(
                                    handle ->
                                            handle.createQuery("SELECT document FROM credentials")
                                                    .mapTo(String.class)
                                                    .list());
            org.credence.core.Verifier offline =
                    org.credence.core.Verifier.builder().clock(world.clock()).build();
            assertThat(documents)
                    .hasSize(2)
                    .allSatisfy(
                            document -> {
                                byte[] bytes =
                                        document.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                                // No network at all: the key comes from the did:key itself.
                                org.credence.core.verify.VerificationReport report =
                                        offline.verify(
                                                bytes,
                                                org.credence.core.verify.VerifyOptions.DEFAULT);
                                assertThat(report.check(CheckName.PROOF).orElseThrow().status())
                                        .as(report.toString())
                                        .isEqualTo(CheckStatus.PASSED);
                                assertThat(
                                                report.check(CheckName.ISSUER_KEY_BINDING)
                                                        .orElseThrow()
                                                        .status())
                                        .isEqualTo(CheckStatus.PASSED);
                                // With this installation's status lists: fully verified.
                                assertThat(world.credentials().verify(bytes).verdict())
                                        .isEqualTo(org.credence.core.verify.Verdict.VERIFIED);
                                assertThat(document).contains("\"id\":\"" + keyIssuer.did());
                            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void uploading_the_same_file_again_skips_the_rows_already_issued(TestDatabase testDatabase)
            throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            Bulk bulk = Bulk.on(world);
            BulkIssue first = bulk.upload(FIVE_ROWS_ONE_BAD);
            bulk.service().confirm(world.owner(), first.id());
            bulk.runUntilFinished(first);

            BulkIssue again = bulk.upload(FIVE_ROWS_ONE_BAD + "new@example.org,New Person,\n");

            assertThat(again.skippedCount()).isEqualTo(4);
            assertThat(again.issuableCount()).isEqualTo(1);
            assertThat(
                            bulk.service()
                                    .rowsIn(
                                            world.owner(),
                                            again.id(),
                                            BulkIssueService.RowState.SKIPPED,
                                            10))
                    .extracting(RowProblem::line)
                    .containsExactly(2L, 3L, 5L, 6L);
            bulk.service().confirm(world.owner(), again.id());
            BulkIssue done = bulk.runUntilFinished(again);
            assertThat(done.issuedCount()).isEqualTo(1);
            assertThat(bulk.count("SELECT COUNT(*) FROM credentials")).isEqualTo(5);
            assertThat(bulk.count("SELECT COUNT(*) FROM email_outbox")).isEqualTo(5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void a_job_resumed_after_a_crash_between_signing_and_marking_issues_nothing_twice(
            TestDatabase testDatabase) throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            Bulk bulk = Bulk.on(world);
            BulkIssue draft = bulk.upload(FIVE_ROWS_ONE_BAD);
            bulk.service().confirm(world.owner(), draft.id());
            // GIVEN a first run that stored the credentials of the first two rows, then died
            // before marking them (exactly what issueAll does before the marking transaction)
            List<IssueRequest> firstTwo =
                    RecipientCsv.read(new StringReader(FIVE_ROWS_ONE_BAD)).rows().stream()
                            .limit(2)
                            .map(
                                    row ->
                                            BulkIssueService.request(
                                                    world.issuer().id(),
                                                    world.achievement().achievementId(),
                                                    SecuringFormat.DATA_INTEGRITY,
                                                    row))
                            .toList();
            world.awards().issueAll(world.owner(), firstTwo);
            assertThat(bulk.count("SELECT COUNT(*) FROM credentials")).isEqualTo(2);

            // WHEN the job runs again
            BulkIssue done = bulk.runUntilFinished(draft);

            // THEN every row is issued once, and every e-mail queued once
            assertThat(done.issuedCount()).isEqualTo(4);
            assertThat(bulk.count("SELECT COUNT(*) FROM credentials")).isEqualTo(4);
            assertThat(bulk.count("SELECT COUNT(*) FROM email_outbox")).isEqualTo(4);
            assertThat(
                            bulk.count(
                                    "SELECT COUNT(DISTINCT credential_id) FROM bulk_issue_rows"
                                            + " WHERE state = 'issued'"))
                    .isEqualTo(4);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void a_refused_file_a_viewer_and_another_organisation_are_refused_clearly(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            Bulk bulk = Bulk.on(world);

            BulkIssue refused = bulk.upload("emial,name\na@example.org,A\n");
            assertThat(refused.problemCount()).isEqualTo(1);
            assertThat(refused.issuableCount()).isZero();
            assertThat(bulk.service().problems(world.owner(), refused.id()))
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("unknown column 'emial'"));

            assertThatThrownBy(
                            () ->
                                    bulk.service()
                                            .upload(
                                                    world.as(Role.VIEWER),
                                                    new BulkUpload(
                                                            world.issuer().id(),
                                                            world.achievement().achievementId(),
                                                            "x.csv",
                                                            SecuringFormat.DATA_INTEGRITY,
                                                            false),
                                                    new StringReader("email\na@example.org\n")))
                    .isInstanceOf(AppException.class)
                    .extracting(e -> ((AppException) e).problem())
                    .isEqualTo(Problem.FORBIDDEN);

            IssuanceWorld neighbour = world.neighbour("hillside");
            assertThatThrownBy(() -> bulk.service().get(neighbour.owner(), refused.id()))
                    .extracting(e -> ((AppException) e).problem())
                    .isEqualTo(Problem.NOT_FOUND);
            assertThatThrownBy(() -> bulk.service().confirm(neighbour.owner(), refused.id()))
                    .extracting(e -> ((AppException) e).problem())
                    .isEqualTo(Problem.NOT_FOUND);
            assertThatThrownBy(
                            () ->
                                    bulk.service()
                                            .upload(
                                                    neighbour.owner(),
                                                    new BulkUpload(
                                                            world.issuer().id(),
                                                            world.achievement().achievementId(),
                                                            "x.csv",
                                                            SecuringFormat.DATA_INTEGRITY,
                                                            false),
                                                    new StringReader("email\na@example.org\n")))
                    .extracting(e -> ((AppException) e).problem())
                    .isEqualTo(Problem.NOT_FOUND);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_exclude_rows_already_expired_unless_the_issuer_confirms_them(
            TestDatabase testDatabase) throws InterruptedException {
        // GIVEN the world's clock at 2026-01-01
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            Bulk bulk = Bulk.on(world);
            String csv =
                    """
                    email,name,valid_from,valid_until
                    ana@example.org,Ana,2024-01-01,2025-01-01
                    li@example.org,Li,,2027-01-01
                    bo@example.org,Bo,,2025-06-01
                    zoe@example.org,Zoe,2025-06-01,2025-01-01
                    """;

            // WHEN the dry run checks the file
            BulkIssue draft = bulk.upload(csv);

            // THEN the expired row is set apart; an end before the start is refused
            assertThat(draft.rowCount()).isEqualTo(4);
            assertThat(draft.problemCount()).isEqualTo(2);
            assertThat(draft.expiredCount()).isEqualTo(1);
            assertThat(draft.issuableCount()).isEqualTo(1);
            assertThat(
                            bulk.service()
                                    .rowsIn(
                                            world.owner(),
                                            draft.id(),
                                            BulkIssueService.RowState.EXPIRED,
                                            10))
                    .singleElement()
                    .satisfies(
                            row -> {
                                assertThat(row.line()).isEqualTo(2);
                                assertThat(row.message())
                                        .contains(
                                                "2025-01-01T23:59:59Z has passed",
                                                "expired when issued");
                            });
            assertThat(bulk.service().problems(world.owner(), draft.id()))
                    .extracting(RowProblem::line, RowProblem::message)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    4L,
                                    "valid_until: 2025-06-01T23:59:59Z has passed, and without"
                                            + " valid_from the credential would start when issued,"
                                            + " after it ends; give valid_from to issue the record"
                                            + " of an expired credential"),
                            org.assertj.core.groups.Tuple.tuple(
                                    5L, "valid_until: must be after valid_from"));

            // WHEN it is confirmed without the expired rows
            bulk.service().confirm(world.owner(), draft.id());
            BulkIssue done = bulk.runUntilFinished(draft);

            // THEN only the valid row is issued
            assertThat(done.state()).isEqualTo(BulkState.COMPLETED);
            assertThat(done.issuedCount()).isEqualTo(1);
            assertThat(done.excludedCount()).isEqualTo(1);
            assertThat(done.percentDone()).isEqualTo(100);
            assertThat(bulk.count("SELECT COUNT(*) FROM credentials")).isEqualTo(1);

            // WHEN the same file is uploaded again and confirmed with the expired rows
            BulkIssue again = bulk.upload(csv);
            assertThat(again.skippedCount()).isEqualTo(1);
            assertThat(again.expiredCount()).isEqualTo(1);
            bulk.service().confirm(world.owner(), again.id(), true);
            BulkIssue included = bulk.runUntilFinished(again);

            // THEN the expired credential is issued, knowingly, and verifies as expired
            assertThat(included.includeExpired()).isTrue();
            assertThat(included.issuedCount()).isEqualTo(1);
            assertThat(bulk.count("SELECT COUNT(*) FROM credentials")).isEqualTo(2);
            assertThat(
                            bulk.count(
                                    "SELECT COUNT(*) FROM credentials WHERE valid_until"
                                            + " < TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'"))
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_not_issue_a_row_whose_end_passed_between_the_dry_run_and_the_job(
            TestDatabase testDatabase) throws InterruptedException {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-03-01T09:00:00Z"));
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase, clock, "riverside")) {
            // GIVEN a dry run where every row is still valid
            Bulk bulk = Bulk.on(world);
            BulkIssue draft =
                    bulk.upload(
                            """
                            email,valid_from,valid_until
                            ana@example.org,2025-03-01,2026-03-05
                            li@example.org,2025-03-01,2027-03-05
                            """);
            assertThat(draft.expiredCount()).isZero();
            assertThat(draft.issuableCount()).isEqualTo(2);

            // WHEN it is confirmed ten days later
            clock.advance(Duration.ofDays(10));
            bulk.service().confirm(world.owner(), draft.id());
            BulkIssue done = bulk.runUntilFinished(draft);

            // THEN the job sets the now-expired row apart instead of issuing it
            assertThat(done.state()).isEqualTo(BulkState.COMPLETED);
            assertThat(done.issuedCount()).isEqualTo(1);
            assertThat(done.expiredCount()).isEqualTo(1);
            assertThat(done.issuableCount()).isEqualTo(1);
            assertThat(done.pendingCount()).isZero();
            assertThat(bulk.count("SELECT COUNT(*) FROM credentials")).isEqualTo(1);
            assertThat(
                            bulk.service()
                                    .rowsIn(
                                            world.owner(),
                                            draft.id(),
                                            BulkIssueService.RowState.EXPIRED,
                                            10))
                    .singleElement()
                    .satisfies(row -> assertThat(row.line()).isEqualTo(2));
        }
    }
}
