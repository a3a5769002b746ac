package org.credence.app.bulk;

import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.credence.app.AppException;
import org.credence.app.achievement.AchievementService;
import org.credence.app.award.AwardService;
import org.credence.app.award.IssueOutcome;
import org.credence.app.award.IssueRequest;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.db.Database;
import org.credence.app.delivery.CredentialEmail;
import org.credence.app.delivery.DeliveryService;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.IssuerService;
import org.credence.app.job.JobContext;
import org.credence.app.job.JobHandler;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.core.json.Jsons;
import org.jdbi.v3.core.Jdbi;

/**
 * The job that issues a confirmed bulk issue's pending rows, {@link #CHUNK} at a time.
 *
 * <p>Exactly once, through a crash: {@link AwardService#issueAll} stores each credential under the
 * row's idempotency key, then one transaction marks the rows issued ({@code … AND state =
 * 'pending'}) and queues their e-mails. If the process dies between the two, the resumed job finds
 * the rows still pending, {@code issueAll} returns the stored credentials instead of signing new
 * ones, and the rows are marked and their e-mails queued then — once, since only the update that
 * changes a row queues its e-mail. Thread-safe.
 */
public final class BulkIssueHandler implements JobHandler {

    /** Rows taken per step; progress is recorded after each. */
    public static final int CHUNK = 1000;

    /** Steps between refreshes of the planner's statistics (see {@link Database#analyze}). */
    private static final int ANALYZE_EVERY = 10;

    private final Database database;
    private final Jdbi jdbi;
    private final AwardService awards;
    private final DeliveryService delivery;
    private final IssuerService issuers;
    private final AchievementService achievements;
    private final String baseUrl;
    private final Clock clock;
    private final BulkStore store = new BulkStore();
    private final LongAdder issueNanos = new LongAdder();
    private final LongAdder recordNanos = new LongAdder();

    /**
     * Time spent so far, over all jobs, in the two steps of issuing: signing and storing the
     * credentials ({@code issueAll}), and marking the rows with their e-mails queued. For the bulk
     * benchmark's per-phase split; two counters cost nothing measurable.
     */
    public record Timings(Duration issue, Duration record) {}

    public Timings timings() {
        return new Timings(Duration.ofNanos(issueNanos.sum()), Duration.ofNanos(recordNanos.sum()));
    }

    public BulkIssueHandler(
            Database database,
            AwardService awards,
            DeliveryService delivery,
            IssuerService issuers,
            AchievementService achievements,
            DidWebHost host,
            Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.jdbi = database.jdbi();
        this.awards = Objects.requireNonNull(awards, "awards");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.achievements = Objects.requireNonNull(achievements, "achievements");
        this.baseUrl = host.base();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void run(JobContext context) {
        UUID bulkId = bulkId(context.job().payload());
        Optional<BulkStore.JobView> found =
                jdbi.withHandle(handle -> store.jobView(handle, bulkId));
        if (found.isEmpty() || BulkState.fromValue(found.get().state()).finished()) {
            return;
        }
        BulkStore.JobView bulk = found.get();
        Actor actor =
                new Actor(
                        bulk.organisationId(), bulk.actorName(), Role.fromValue(bulk.actorRole()));
        jdbi.useHandle(
                handle -> store.setState(handle, bulkId, BulkState.RUNNING, Optional.empty()));
        String issuerName = issuers.get(actor, bulk.issuerId()).details().name();
        var design = achievements.get(actor, bulk.achievementId()).design();
        String achievementName = design.name();
        RowExpiry expiry = new RowExpiry(design.validity());
        SecuringFormat format = SecuringFormat.fromValue(bulk.format());
        // One chunk's rows are marked (and their e-mails queued) on the recorder thread while the
        // next chunk is signed here: the database works while the CPU signs. At most one chunk is
        // in flight, and rows are read past the last one taken, so none is taken twice. A crash in
        // between leaves stored credentials whose rows are still pending: the next run finds them
        // by their idempotency keys (issueAll) and marks them then.
        ExecutorService recorder =
                Executors.newSingleThreadExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "bulk-recorder-" + bulkId);
                            thread.setDaemon(true);
                            return thread;
                        });
        try {
            Future<?> recording = CompletableFuture.completedFuture(null);
            long after = 0;
            int steps = 0;
            while (true) {
                if (steps++ % ANALYZE_EVERY == 0) {
                    database.analyze("bulk_issue_rows", "credentials");
                }
                if (context.stopping() || context.leaseLost()) {
                    throw new CancellationException("stopped before the bulk issue finished");
                }
                long afterLine = after;
                List<BulkStore.StoredRow> rows =
                        jdbi.withHandle(
                                handle ->
                                        store.pendingRows(
                                                handle,
                                                bulkId,
                                                afterLine,
                                                CHUNK,
                                                bulk.includeExpired()));
                if (rows.isEmpty()) {
                    break;
                }
                after = rows.get(rows.size() - 1).line();
                List<BulkRow> parsed =
                        bulk.includeExpired()
                                ? rows.stream().map(row -> BulkRowCodec.read(row.data())).toList()
                                : withoutExpired(bulk, rows, expiry);
                if (parsed.isEmpty()) {
                    continue;
                }
                List<IssueRequest> requests =
                        parsed.stream()
                                .map(
                                        row ->
                                                BulkIssueService.request(
                                                        bulk.issuerId(),
                                                        bulk.achievementId(),
                                                        format,
                                                        row))
                                .toList();
                long start = System.nanoTime();
                List<IssueOutcome> outcomes = awards.issueAll(actor, requests);
                issueNanos.add(System.nanoTime() - start);
                await(recording);
                // Checkpoint here, where none of this job's transactions is open: on H2, a
                // checkpoint taken while the next chunk's transaction was still open wrote its
                // uncommitted rows, and after a kill -9 the reopened database could spin on their
                // row locks (BulkCrashRecoveryTest hung once in five runs).
                database.checkpoint();
                report(context, bulk);
                recording =
                        recorder.submit(
                                () -> {
                                    long recordStart = System.nanoTime();
                                    record(bulk, parsed, outcomes, issuerName, achievementName);
                                    recordNanos.add(System.nanoTime() - recordStart);
                                });
            }
            await(recording);
            database.checkpoint();
            report(context, bulk);
        } finally {
            recorder.shutdown(); // a recording in flight finishes its transaction
        }
        jdbi.useHandle(
                handle ->
                        store.setState(
                                handle, bulkId, BulkState.COMPLETED, Optional.of(clock.instant())));
    }

    /**
     * The chunk's rows minus those whose credential would be expired now (their end passed after
     * the dry run), which are flagged and counted in their own transaction and never issued. A row
     * whose credential is stored already under its key (a crashed run issued it in time) is kept:
     * issueAll returns that credential and the row is marked issued, exactly once.
     */
    private List<BulkRow> withoutExpired(
            BulkStore.JobView bulk, List<BulkStore.StoredRow> rows, RowExpiry expiry) {
        Instant now = clock.instant();
        List<BulkRow> kept = new ArrayList<>(rows.size());
        Map<BulkStore.StoredRow, String> expired = new LinkedHashMap<>();
        for (BulkStore.StoredRow stored : rows) {
            BulkRow row = BulkRowCodec.read(stored.data());
            Optional<String> why;
            try {
                why = expiry.expiredAt(row, now);
            } catch (AppException e) {
                why = Optional.of(e.getMessage());
            }
            if (why.isPresent()) {
                expired.put(stored, why.get());
            } else {
                kept.add(row);
            }
        }
        if (expired.isEmpty()) {
            return kept;
        }
        Set<String> issued =
                jdbi.withHandle(
                        handle ->
                                store.issuedKeys(
                                        handle,
                                        bulk.organisationId(),
                                        expired.keySet().stream()
                                                .map(BulkStore.StoredRow::idempotencyKey)
                                                .toList()));
        jdbi.useTransaction(
                handle ->
                        expired.forEach(
                                (stored, why) -> {
                                    if (!issued.contains(stored.idempotencyKey())) {
                                        store.markExpired(handle, bulk.id(), stored.line(), why);
                                    }
                                }));
        List<BulkRow> result = new ArrayList<>(kept);
        for (BulkStore.StoredRow stored : expired.keySet()) {
            if (issued.contains(stored.idempotencyKey())) {
                result.add(BulkRowCodec.read(stored.data()));
            }
        }
        result.sort(Comparator.comparingLong(BulkRow::line));
        return result;
    }

    private void report(JobContext context, BulkStore.JobView bulk) {
        BulkIssue progress =
                jdbi.withHandle(handle -> store.find(handle, bulk.organisationId(), bulk.id()))
                        .orElseThrow();
        context.progress(progress.issuedCount() + progress.failedCount(), progress.issuableCount());
    }

    /** Waits for a chunk's recording; its failure is the job's failure. */
    private static void await(Future<?> recording) {
        try {
            recording.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while recording a chunk");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void record(
            BulkStore.JobView bulk,
            List<BulkRow> rows,
            List<IssueOutcome> outcomes,
            String issuerName,
            String achievementName) {
        jdbi.useTransaction(
                handle -> {
                    List<Long> lines = new ArrayList<>();
                    List<UUID> credentials = new ArrayList<>();
                    List<BulkRow> issuedRows = new ArrayList<>();
                    int failed = 0;
                    for (int i = 0; i < rows.size(); i++) {
                        IssueOutcome outcome = outcomes.get(i);
                        BulkRow row = rows.get(i);
                        if (outcome.succeeded()) {
                            lines.add(row.line());
                            credentials.add(outcome.credential().orElseThrow().id());
                            issuedRows.add(row);
                        } else {
                            failed +=
                                    store.markFailed(
                                            handle, bulk.id(), row.line(), outcome.message());
                        }
                    }
                    int[] changed = store.markIssued(handle, bulk.id(), lines, credentials);
                    int issued = 0;
                    List<CredentialEmail> emails = new ArrayList<>();
                    for (int i = 0; i < changed.length; i++) {
                        if (changed[i] != 1) {
                            continue; // another run marked it first: its e-mail is queued
                        }
                        issued++;
                        BulkRow row = issuedRows.get(i);
                        if (bulk.sendEmail() && row.email().isPresent()) {
                            emails.add(
                                    new CredentialEmail(
                                            bulk.organisationId(),
                                            credentials.get(i),
                                            row.email().get(),
                                            // Greeted by address when the file has no name, as
                                            // single issues are (an empty name was refused and
                                            // failed the whole job).
                                            row.name().orElse(row.email().get()),
                                            achievementName,
                                            issuerName,
                                            baseUrl));
                        }
                    }
                    delivery.queueCredentialEmails(handle, emails);
                    store.addCounts(handle, bulk.id(), issued, failed);
                });
    }

    private static UUID bulkId(String payload) {
        try (JsonReader reader = Jsons.PROVIDER.createReader(new StringReader(payload))) {
            return UUID.fromString(reader.readObject().getString("bulkIssueId"));
        }
    }
}
