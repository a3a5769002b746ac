package org.credence.app.bulk;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.RowProblem;
import org.credence.app.achievement.AchievementService;
import org.credence.app.audit.AuditStore;
import org.credence.app.award.AwardRecipient;
import org.credence.app.award.EvidenceInput;
import org.credence.app.award.IssueRequest;
import org.credence.app.db.Database;
import org.credence.app.issuer.IssuerService;
import org.credence.app.job.JobQueue;
import org.credence.app.job.JobRequest;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.core.json.Jsons;
import org.jdbi.v3.core.Jdbi;

/**
 * Bulk issuing from CSV: {@link #upload} checks every row and stores the plan without issuing
 * anything (the dry run); {@link #confirm} queues a durable job ({@link BulkIssueHandler}) that
 * issues the rows. Each row's credential carries an idempotency key derived from the row (see
 * {@link BulkRow#idempotencyKeyFor}), so uploading the same file again skips the rows already
 * issued, and a job resumed after a crash issues each row exactly once.
 *
 * <p>Issuers and owners upload and confirm; every member reads. Immutable and thread-safe.
 */
public final class BulkIssueService {

    /** The job kind of bulk issues. */
    public static final String JOB_KIND = "bulk-issue";

    /** Largest number of problems kept for the report; the count covers them all. */
    public static final int MAX_PROBLEMS = RecipientCsv.MAX_PROBLEMS;

    private static final int KEY_QUERY_CHUNK = 1000;
    private static final String SKIPPED = "already issued: the same row was issued before";

    private final Jdbi jdbi;
    private final IssuerService issuers;
    private final AchievementService achievements;
    private final JobQueue jobs;
    private final Clock clock;
    private final BulkStore store = new BulkStore();
    private final AuditStore audit = new AuditStore();

    public BulkIssueService(
            Database database,
            IssuerService issuers,
            AchievementService achievements,
            JobQueue jobs,
            Clock clock) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.achievements = Objects.requireNonNull(achievements, "achievements");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The dry run: reads and checks the CSV, finds rows already issued, and stores the plan as a
     * draft. Nothing is issued. A file refused as a whole (bad header, unreadable) is still stored,
     * with its problem, so the page can show it.
     *
     * @throws AppException {@link Problem#NOT_FOUND} for an issuer or achievement of another
     *     organisation
     */
    public BulkIssue upload(Actor actor, BulkUpload upload, Reader csv) {
        actor.require(Role.ISSUER);
        issuers.get(actor, upload.issuerId());
        RowExpiry expiry =
                new RowExpiry(achievements.get(actor, upload.achievementId()).design().validity());
        Instant now = clock.instant();
        BulkPlan plan = RecipientCsv.read(csv);
        List<RowProblem> problems = new ArrayList<>(plan.problems());
        int problemCount = plan.problemCount();
        List<BulkStore.StoredRow> good = new ArrayList<>(plan.rows().size());
        Map<Long, String> expiredWhy = new HashMap<>();
        for (BulkRow row : plan.rows()) {
            try {
                request(upload.issuerId(), upload.achievementId(), upload.format(), row);
                expiry.expiredAt(row, now).ifPresent(why -> expiredWhy.put(row.line(), why));
                good.add(
                        new BulkStore.StoredRow(
                                row.line(),
                                BulkRowCodec.write(row),
                                row.idempotencyKeyFor(upload.achievementId())));
            } catch (AppException e) {
                problemCount++;
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(new RowProblem(row.line(), e.getMessage()));
                }
            }
        }
        problems.sort(Comparator.comparingLong(RowProblem::line));
        Set<String> issued = issuedKeys(actor, good);
        List<BulkStore.StoredRow> pending = new ArrayList<>();
        List<BulkStore.StoredRow> skipped = new ArrayList<>();
        List<BulkStore.ExpiredRow> expired = new ArrayList<>();
        for (BulkStore.StoredRow row : good) {
            if (issued.contains(row.idempotencyKey())) {
                skipped.add(row);
            } else if (expiredWhy.containsKey(row.line())) {
                expired.add(new BulkStore.ExpiredRow(row, expiredWhy.get(row.line())));
            } else {
                pending.add(row);
            }
        }
        BulkIssue issue =
                new BulkIssue(
                        UUID.randomUUID(),
                        actor.organisationId(),
                        upload.issuerId(),
                        upload.achievementId(),
                        upload.fileName(),
                        upload.format().value(),
                        upload.sendEmail(),
                        BulkState.DRAFT,
                        plan.rowCount(),
                        problemCount,
                        skipped.size(),
                        0,
                        0,
                        expired.size(),
                        false,
                        Optional.empty(),
                        now,
                        Optional.empty(),
                        Optional.empty());
        int finalProblemCount = problemCount;
        jdbi.useTransaction(
                handle -> {
                    store.insert(handle, issue, actor.name(), actor.role().value());
                    store.insertRows(handle, issue.id(), pending, "pending");
                    store.insertRows(handle, issue.id(), skipped, "skipped");
                    store.insertExpiredRows(handle, issue.id(), expired);
                    store.insertProblems(handle, issue.id(), problems);
                    audit.append(
                            handle,
                            actor.organisationId(),
                            issue.createdAt(),
                            actor.name(),
                            "bulk.uploaded",
                            issue.id().toString(),
                            issue.fileName()
                                    + ": "
                                    + plan.rowCount()
                                    + " rows, "
                                    + finalProblemCount
                                    + " refused, "
                                    + skipped.size()
                                    + " already issued, "
                                    + expired.size()
                                    + " already expired");
                });
        return get(actor, issue.id());
    }

    /**
     * Confirms a draft without its expired rows, as {@link #confirm(Actor, UUID, boolean)}.
     *
     * @throws AppException {@link Problem#CONFLICT} for a cancelled bulk issue
     */
    public BulkIssue confirm(Actor actor, UUID bulkId) {
        return confirm(actor, bulkId, false);
    }

    /**
     * Confirms a draft: queues the job that issues its rows. Rows whose credential would be expired
     * when issued (see {@link BulkIssue#expiredCount()}) are issued only when {@code
     * includeExpired}; otherwise the job excludes them, also those whose end passes after the dry
     * run. Confirming again (a double click, a retried request) returns the same bulk issue without
     * a second job and without changing the choice.
     *
     * @throws AppException {@link Problem#CONFLICT} for a cancelled bulk issue
     */
    public BulkIssue confirm(Actor actor, UUID bulkId, boolean includeExpired) {
        actor.require(Role.ISSUER);
        jdbi.useTransaction(
                handle -> {
                    BulkIssue issue =
                            store.find(handle, actor.organisationId(), bulkId)
                                    .orElseThrow(() -> AppException.notFound("Bulk issue"));
                    if (issue.state() == BulkState.CANCELLED) {
                        throw new AppException(
                                Problem.CONFLICT, "This bulk issue was cancelled; upload it again");
                    }
                    if (issue.state() != BulkState.DRAFT) {
                        return;
                    }
                    UUID jobId =
                            jobs.enqueue(
                                    handle,
                                    JobRequest.of(
                                                    actor.organisationId(),
                                                    JOB_KIND,
                                                    Jsons.PROVIDER
                                                            .createObjectBuilder()
                                                            .add("bulkIssueId", bulkId.toString())
                                                            .build()
                                                            .toString())
                                            .withMaxAttempts(20));
                    Instant now = clock.instant();
                    store.confirm(
                            handle, actor.organisationId(), bulkId, jobId, now, includeExpired);
                    int toIssue =
                            issue.issuableCount() + (includeExpired ? issue.expiredCount() : 0);
                    audit.append(
                            handle,
                            actor.organisationId(),
                            now,
                            actor.name(),
                            "bulk.confirmed",
                            bulkId.toString(),
                            issue.fileName()
                                    + ": "
                                    + toIssue
                                    + " to issue"
                                    + (issue.expiredCount() == 0
                                            ? ""
                                            : includeExpired
                                                    ? ", "
                                                            + issue.expiredCount()
                                                            + " expired included"
                                                    : ", "
                                                            + issue.expiredCount()
                                                            + " expired excluded"));
                });
        return get(actor, bulkId);
    }

    /** Discards a draft. */
    public BulkIssue cancel(Actor actor, UUID bulkId) {
        actor.require(Role.ISSUER);
        jdbi.useTransaction(
                handle -> {
                    BulkIssue issue =
                            store.find(handle, actor.organisationId(), bulkId)
                                    .orElseThrow(() -> AppException.notFound("Bulk issue"));
                    if (!store.cancel(handle, actor.organisationId(), bulkId, clock.instant())
                            && issue.state() != BulkState.CANCELLED) {
                        throw new AppException(
                                Problem.CONFLICT,
                                "Only a draft can be cancelled; this one is "
                                        + issue.state().value());
                    }
                });
        return get(actor, bulkId);
    }

    public BulkIssue get(Actor actor, UUID bulkId) {
        return jdbi.withHandle(handle -> store.find(handle, actor.organisationId(), bulkId))
                .orElseThrow(() -> AppException.notFound("Bulk issue"));
    }

    /** The organisation's bulk issues, newest first. */
    public List<BulkIssue> list(Actor actor, int limit) {
        return jdbi.withHandle(
                handle -> store.list(handle, actor.organisationId(), Math.min(limit, 500)));
    }

    /** The dry run's refused rows (at most {@link #MAX_PROBLEMS}). */
    public List<RowProblem> problems(Actor actor, UUID bulkId) {
        get(actor, bulkId);
        return jdbi.withHandle(handle -> store.problems(handle, bulkId));
    }

    /**
     * Rows refused while issuing, skipped as already issued, or found expired (issued only when
     * included), with why.
     */
    public List<RowProblem> rowsIn(Actor actor, UUID bulkId, RowState state, int limit) {
        get(actor, bulkId);
        int capped = Math.min(limit, 10_000);
        return jdbi.withHandle(
                handle ->
                        state == RowState.EXPIRED
                                ? store.expiredRows(handle, bulkId, capped)
                                : store.outcomes(handle, bulkId, state.value(), capped));
    }

    /** Row states a report can list. */
    public enum RowState {
        FAILED("failed"),
        SKIPPED("skipped"),
        EXPIRED("expired");

        private final String value;

        RowState(String value) {
            this.value = value;
        }

        String value() {
            return value;
        }
    }

    private Set<String> issuedKeys(Actor actor, List<BulkStore.StoredRow> rows) {
        Set<String> issued = new HashSet<>();
        for (int start = 0; start < rows.size(); start += KEY_QUERY_CHUNK) {
            List<String> keys =
                    rows.subList(start, Math.min(rows.size(), start + KEY_QUERY_CHUNK)).stream()
                            .map(BulkStore.StoredRow::idempotencyKey)
                            .toList();
            issued.addAll(
                    jdbi.withHandle(
                            handle -> store.issuedKeys(handle, actor.organisationId(), keys)));
        }
        return issued;
    }

    /** The award request of a row; throws for what the award's own checks refuse. */
    static IssueRequest request(
            UUID issuerId,
            UUID achievementId,
            org.credence.app.credential.SecuringFormat format,
            BulkRow row) {
        AwardRecipient recipient =
                row.email().isPresent()
                        ? AwardRecipient.ofEmail(row.email().get())
                        : AwardRecipient.ofIdentifier(row.identifier().orElseThrow());
        if (row.name().isPresent()) {
            recipient = recipient.withName(row.name().get());
        }
        IssueRequest request =
                IssueRequest.of(issuerId, achievementId, recipient)
                        .withFormat(format)
                        .withIdempotencyKey(row.idempotencyKeyFor(achievementId));
        if (row.narrative().isPresent()) {
            request = request.withNarrative(row.narrative().get());
        }
        if (row.result().isPresent()) {
            request = request.withResult(row.result().get());
        }
        if (row.creditsEarned().isPresent()) {
            request = request.withCreditsEarned(row.creditsEarned().get());
        }
        if (row.evidence().isPresent()) {
            BulkRow.Evidence evidence = row.evidence().get();
            EvidenceInput input = EvidenceInput.ofUrl(evidence.url().orElseThrow());
            if (evidence.name().isPresent()) {
                input = input.withName(evidence.name().get());
            }
            if (evidence.description().isPresent()) {
                input = input.withDescription(evidence.description().get());
            }
            request = request.withEvidence(List.of(input));
        }
        if (row.validFrom().isPresent()) {
            request = request.withValidFrom(row.validFrom().get());
        }
        if (row.validUntil().isPresent()) {
            request = request.withValidUntil(row.validUntil().get());
        }
        return request;
    }
}
