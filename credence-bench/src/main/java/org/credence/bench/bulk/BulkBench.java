package org.credence.bench.bulk;

import java.io.StringReader;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.credence.app.achievement.AchievementDraft;
import org.credence.app.bulk.BulkIssue;
import org.credence.app.bulk.BulkIssueHandler;
import org.credence.app.bulk.BulkIssueService;
import org.credence.app.bulk.BulkUpload;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.db.Database;
import org.credence.app.db.DatabaseSettings;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.IssuerDraft;
import org.credence.app.issuer.MasterKey;
import org.credence.app.job.JobRunner;
import org.credence.app.job.RunnerSettings;
import org.credence.app.organization.Actor;
import org.credence.app.organization.SignUp;
import org.credence.server.Services;
import org.credence.testing.db.Engine;
import org.credence.testing.db.TestDatabase;
import org.credence.testing.db.TestDatabases;

/**
 * Bulk issuance end to end on a fresh PostgreSQL database (the machine's on 127.0.0.1:5432, else
 * embedded binaries): a CSV of N rows (default 100,000) uploaded and checked (the dry run), then
 * confirmed and issued by the production job handler under a real job runner — every row signed
 * (eddsa-rdfc-2022), stored with its status entry and audit event, and its e-mail queued. Prints
 * the per-phase split and rows per second.
 *
 * <pre>
 * java -cp credence-bench/target/credence-bench.jar org.credence.bench.bulk.BulkBench [rows] [h2]
 * </pre>
 */
public final class BulkBench {

    private BulkBench() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Engine engine =
                args.length > 1 && args[1].equalsIgnoreCase("h2") ? Engine.H2 : Engine.POSTGRESQL;
        TestDatabase testDatabase = TestDatabases.fresh(engine);
        Database database =
                Database.open(
                        new DatabaseSettings(
                                testDatabase.jdbcUrl(),
                                testDatabase.user(),
                                testDatabase.password(),
                                8));
        try (Services services =
                Services.of(
                        database,
                        DidWebHost.of("https://badges.example.edu"),
                        MasterKey.generate(new SecureRandom()),
                        Clock.systemUTC())) {
            Actor owner =
                    services.accounts()
                            .signUp(
                                    new SignUp(
                                            "Bench College",
                                            "Bench Owner",
                                            "owner@bench.example",
                                            "a long bench password"))
                            .session()
                            .actor();
            UUID issuerId =
                    services.issuers().create(owner, IssuerDraft.of("bench", "Bench College")).id();
            UUID achievementId =
                    services.achievements()
                            .create(
                                    owner,
                                    AchievementDraft.of(
                                            "AI Tools for Payroll",
                                            "Uses AI assistants to prepare and check payroll.",
                                            "Pass the **practical** assessment."))
                            .achievementId();
            String csv = csv(rows);
            System.out.printf(
                    Locale.ROOT,
                    "bulk bench: %,d rows (%.1f MB CSV) on %s, %d cores%n",
                    rows,
                    csv.length() / 1e6,
                    engine,
                    Runtime.getRuntime().availableProcessors());

            long start = System.nanoTime();
            BulkIssue draft =
                    services.bulk()
                            .upload(
                                    owner,
                                    new BulkUpload(
                                            issuerId,
                                            achievementId,
                                            "bench.csv",
                                            SecuringFormat.DATA_INTEGRITY,
                                            true),
                                    new StringReader(csv));
            long uploaded = System.nanoTime();
            services.bulk().confirm(owner, draft.id());
            BulkIssueHandler handler = services.bulkHandler();
            BulkIssue done;
            try (JobRunner runner =
                    new JobRunner(
                            services.jobs(),
                            Map.of(BulkIssueService.JOB_KIND, handler),
                            new RunnerSettings(
                                    "bench",
                                    1,
                                    Duration.ofMillis(10),
                                    Duration.ofSeconds(10),
                                    Duration.ofSeconds(30)))) {
                runner.start();
                do {
                    Thread.sleep(50);
                    done = services.bulk().get(owner, draft.id());
                } while (!done.state().finished());
            }
            long finished = System.nanoTime();
            BulkIssueHandler.Timings timings = handler.timings();
            double total = (finished - start) / 1e9;
            long emails =
                    database.jdbi()
                            .withHandle(
                                    handle ->
                                            handle.createQuery("SELECT COUNT(*) FROM email_outbox")
                                                    .mapTo(Long.class)
                                                    .one());
            List<String> lines =
                    List.of(
                            String.format(
                                    Locale.ROOT,
                                    "  dry run (parse, validate, store %,d rows): %6.1f s",
                                    draft.issuableCount(),
                                    (uploaded - start) / 1e9),
                            String.format(
                                    Locale.ROOT,
                                    "  sign + store credentials, status, audit:  %6.1f s",
                                    timings.issue().toMillis() / 1e3),
                            String.format(
                                    Locale.ROOT,
                                    "  mark rows + queue %,d e-mails (on a second thread,"
                                            + " while the next chunk signs): %6.1f s",
                                    emails,
                                    timings.record().toMillis() / 1e3),
                            String.format(
                                    Locale.ROOT,
                                    "  job run minus signing (the last chunk's marking, claim,"
                                            + " progress, polling): %6.1f s",
                                    (finished - uploaded) / 1e9 - timings.issue().toMillis() / 1e3),
                            String.format(
                                    Locale.ROOT,
                                    "  total: %.1f s for %,d credentials (%,.0f rows/s), state %s",
                                    total,
                                    done.issuedCount(),
                                    done.issuedCount() / total,
                                    done.state().value()));
            lines.forEach(System.out::println);
        }
    }

    private static String csv(int rows) {
        StringBuilder csv = new StringBuilder(rows * 120).append("email,name,narrative,result\n");
        for (int i = 0; i < rows; i++) {
            csv.append("learner")
                    .append(i)
                    .append("@example.org,Learner ")
                    .append(i)
                    .append(
                            ",Reconciled a month of payroll with the assistant and checked it,Pass\n");
        }
        return csv.toString();
    }
}
