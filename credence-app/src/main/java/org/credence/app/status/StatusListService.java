package org.credence.app.status;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.audit.AuditStore;
import org.credence.app.db.Database;
import org.credence.app.db.SqlStates;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.IssuerService;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.core.json.Jsons;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.status.StatusPurpose;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Revocation and suspension through Bitstring Status Lists.
 *
 * <p>What a credential's document carries is its achievement's {@link StatusPolicy}: a revocation
 * entry, and a suspension entry only when the designer opted in. Only credentials with a suspension
 * entry can be suspended: setting a bit no verifier of the credential reads would pretend a
 * suspension that does not exist.
 *
 * <p>Each issuer has status lists of {@link StatusListPolicy#length()} entries. A credential gets
 * one random index (from a {@link SecureRandom}, so neighbours in a list say nothing about each
 * other) that it uses in two published lists: {@code <base>/status/<list id>} for revocation and
 * {@code <base>/status/<list id>-s} for suspension. When a list has handed out its {@link
 * StatusListPolicy#fillShare() share} of indexes, the next credential opens a new list.
 *
 * <p>Issuers and owners revoke, suspend and unsuspend; viewers may not. Revocation is final;
 * revoking again changes and audits nothing. Every change is audited in its own transaction, which
 * also bumps the list's version so that {@link #publishedList} signs it again.
 *
 * <p>Immutable apart from the cache of published lists; thread-safe.
 */
public final class StatusListService {

    /** Most ids one bulk call accepts. */
    public static final int MAX_BULK = 1000;

    private static final int MAX_RESERVATION_ATTEMPTS = 64;

    private final Jdbi jdbi;
    private final IssuerService issuers;
    private final StatusListPolicy policy;
    private final Clock clock;
    private final SecureRandom random;
    private final StatusListStore store = new StatusListStore();
    private final AuditStore audit = new AuditStore();
    private final StatusListPublisher publisher;
    private final StatusChangeListener listener;

    private enum Change {
        REVOKE,
        SUSPEND,
        UNSUSPEND
    }

    public StatusListService(
            Database database,
            IssuerService issuers,
            DidWebHost host,
            StatusListPolicy policy,
            Clock clock,
            SecureRandom random) {
        this(
                database,
                issuers,
                host,
                new Settings(policy, clock, random),
                StatusChangeListener.NONE);
    }

    /** What a service is built with besides its collaborators. */
    public record Settings(StatusListPolicy policy, Clock clock, SecureRandom random) {}

    /**
     * A service that tells {@code listener} of every change, in the change's transaction (the
     * server's tells recipients by e-mail).
     */
    public StatusListService(
            Database database,
            IssuerService issuers,
            DidWebHost host,
            Settings settings,
            StatusChangeListener listener) {
        StatusListPolicy policy = settings.policy();
        Clock clock = settings.clock();
        SecureRandom random = settings.random();
        this.listener = Objects.requireNonNull(listener, "listener");
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.publisher =
                new StatusListPublisher(
                        jdbi,
                        issuers,
                        policy,
                        clock,
                        Canonicalizer.standard(),
                        store,
                        host.base() + "/status/");
    }

    /**
     * Reserves a random index for a new credential of the issuer, opening a new list when needed.
     * The reservation is committed at once (before the credential is signed), so concurrent
     * issuance never waits on another's signature; an index whose issuance then fails stays unused.
     * Issuers and owners; the caller has checked that the issuer is the actor's organisation's.
     */
    public StatusSlot allocate(Actor actor, UUID issuerId) {
        actor.require(Role.ISSUER);
        for (int attempt = 0; attempt < MAX_RESERVATION_ATTEMPTS; attempt++) {
            StatusListStore.ListRow list =
                    jdbi.inTransaction(handle -> claim(handle, actor, issuerId));
            int index = random.nextInt(list.length());
            try {
                jdbi.useTransaction(
                        handle -> store.reserve(handle, list.id(), index, clock.instant()));
                return new StatusSlot(list.id(), index);
            } catch (UnableToExecuteStatementException e) {
                if (!SqlStates.isUniqueViolation(e)) {
                    throw e;
                }
                // Index taken: the claimed count stays (it only makes the list close a little
                // earlier).
            }
        }
        throw new IllegalStateException(
                "No free status list index after " + MAX_RESERVATION_ATTEMPTS + " attempts");
    }

    /**
     * Reserves {@code count} random indexes for new credentials of the issuer in one transaction
     * per list used: the bulk counterpart of {@link #allocate}. Concurrent batch allocators
     * serialise on the list row (the claim's {@code UPDATE} locks it until commit) and pick among
     * the indexes not yet reserved; a clash with a concurrent single {@link #allocate} retries the
     * batch.
     */
    public List<StatusSlot> allocateAll(Actor actor, UUID issuerId, int count) {
        actor.require(Role.ISSUER);
        List<StatusSlot> slots = new ArrayList<>(count);
        int attempts = 0;
        while (slots.size() < count) {
            int wanted = count - slots.size();
            try {
                slots.addAll(
                        jdbi.inTransaction(handle -> reserveMany(handle, actor, issuerId, wanted)));
            } catch (UnableToExecuteStatementException e) {
                if (!SqlStates.isUniqueViolation(e) || ++attempts >= MAX_RESERVATION_ATTEMPTS) {
                    throw e;
                }
            }
        }
        return slots;
    }

    private List<StatusSlot> reserveMany(Handle handle, Actor actor, UUID issuerId, int wanted) {
        while (true) {
            var open = store.oldestOpenList(handle, issuerId);
            if (open.isEmpty()) {
                issuers.get(actor, issuerId);
                store.insertList(
                        handle,
                        UUID.randomUUID(),
                        actor.organisationId(),
                        issuerId,
                        policy.length(),
                        clock.instant());
                continue;
            }
            StatusListStore.ListRow list = open.get();
            int granted = store.claimMany(handle, list.id(), policy.capacity(), wanted);
            if (granted == 0) {
                continue;
            }
            // Draw candidates and ask which are taken, rather than reading every reserved index
            // of the list (which grows to 65,536): the list row is locked, so none can be taken
            // meanwhile, and at most half the list is used, so few draws repeat.
            Set<Integer> chosen = new LinkedHashSet<>();
            while (chosen.size() < granted) {
                Set<Integer> candidates = new LinkedHashSet<>();
                while (candidates.size() < granted - chosen.size()) {
                    int index = random.nextInt(list.length());
                    if (!chosen.contains(index)) {
                        candidates.add(index);
                    }
                }
                candidates.removeAll(store.takenAmong(handle, list.id(), candidates));
                chosen.addAll(candidates);
            }
            List<StatusSlot> slots = new ArrayList<>(granted);
            chosen.forEach(index -> slots.add(new StatusSlot(list.id(), index)));
            store.reserveAll(handle, slots, clock.instant());
            return slots;
        }
    }

    /**
     * The {@code credentialStatus} of a credential in {@code slot}: one revocation {@code
     * BitstringStatusListEntry} object for {@link StatusPolicy#REVOCABLE} (Open Badges 3.0 allows
     * one), else an array of a revocation and a suspension entry.
     */
    public JsonValue credentialStatus(StatusSlot slot, StatusPolicy statusPolicy) {
        JsonObject revocation = entry(slot, StatusPurpose.REVOCATION);
        if (!statusPolicy.suspendable()) {
            return revocation;
        }
        return Jsons.PROVIDER
                .createArrayBuilder()
                .add(revocation)
                .add(entry(slot, StatusPurpose.SUSPENSION))
                .build();
    }

    /**
     * Revokes a credential for good, with a public reason; {@link StatusOutcome#ALREADY_REVOKED}
     * when it was.
     */
    public StatusOutcome revoke(Actor actor, UUID credentialId, String reason) {
        return revoke(actor, credentialId, StatusReason.publicly(reason));
    }

    /** Revokes a credential for good; {@link StatusOutcome#ALREADY_REVOKED} when it was. */
    public StatusOutcome revoke(Actor actor, UUID credentialId, StatusReason reason) {
        return single(actor, credentialId, Change.REVOKE, reason);
    }

    /**
     * Suspends a credential (reversibly); refused with {@link Problem#CONFLICT} once revoked, or
     * when it was issued without a suspension entry ({@link StatusPolicy#REVOCABLE}).
     */
    public StatusOutcome suspend(Actor actor, UUID credentialId, String reason) {
        return suspend(actor, credentialId, StatusReason.publicly(reason));
    }

    /**
     * Suspends a credential, as {@link #suspend(Actor, UUID, String)}, with a reason's visibility.
     */
    public StatusOutcome suspend(Actor actor, UUID credentialId, StatusReason reason) {
        return single(actor, credentialId, Change.SUSPEND, reason);
    }

    /**
     * Lifts a suspension; refused with {@link Problem#CONFLICT} once revoked, or when the
     * credential has no suspension entry.
     */
    public StatusOutcome unsuspend(Actor actor, UUID credentialId) {
        return single(actor, credentialId, Change.UNSUSPEND, StatusReason.NONE);
    }

    /**
     * Revokes each credential in its own transaction; never throws for one credential's outcome.
     */
    public List<StatusResult> revokeAll(Actor actor, List<UUID> credentialIds, String reason) {
        return revokeAll(actor, credentialIds, StatusReason.publicly(reason));
    }

    public List<StatusResult> revokeAll(
            Actor actor, List<UUID> credentialIds, StatusReason reason) {
        return bulk(actor, credentialIds, Change.REVOKE, reason);
    }

    public List<StatusResult> suspendAll(Actor actor, List<UUID> credentialIds, String reason) {
        return suspendAll(actor, credentialIds, StatusReason.publicly(reason));
    }

    public List<StatusResult> suspendAll(
            Actor actor, List<UUID> credentialIds, StatusReason reason) {
        return bulk(actor, credentialIds, Change.SUSPEND, reason);
    }

    public List<StatusResult> unsuspendAll(Actor actor, List<UUID> credentialIds) {
        return bulk(actor, credentialIds, Change.UNSUSPEND, StatusReason.NONE);
    }

    /**
     * The signed status list credential published at {@code <base>/status/<segment>} ({@code
     * eddsa-rdfc-2022} by the issuer's active key, valid for {@link StatusListPolicy#ttl()}). No
     * actor: status lists are public.
     *
     * @throws AppException {@link Problem#NOT_FOUND} for an unknown list
     */
    public StatusListDocument publishedList(String segment) {
        StatusListRef ref =
                StatusListRef.parse(segment)
                        .orElseThrow(() -> AppException.notFound("Status list"));
        return publisher.published(ref);
    }

    private StatusListStore.ListRow claim(Handle handle, Actor actor, UUID issuerId) {
        while (true) {
            var open = store.oldestOpenList(handle, issuerId);
            if (open.isPresent()) {
                if (store.claim(handle, open.get().id(), policy.capacity())) {
                    return open.get();
                }
                continue;
            }
            // Only here does the issuer need checking: open lists are found by issuer id.
            issuers.get(actor, issuerId);
            UUID id = UUID.randomUUID();
            store.insertList(
                    handle, id, actor.organisationId(), issuerId, policy.length(), clock.instant());
        }
    }

    private JsonObject entry(StatusSlot slot, StatusPurpose purpose) {
        String url = publisher.url(new StatusListRef(slot.listId(), purpose));
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("id", url + "#" + slot.index())
                .add("type", "BitstringStatusListEntry")
                .add("statusPurpose", purpose.value())
                .add("statusListIndex", Integer.toString(slot.index()))
                .add("statusListCredential", url)
                .build();
    }

    private StatusOutcome single(
            Actor actor, UUID credentialId, Change change, StatusReason reason) {
        StatusOutcome outcome = apply(actor, credentialId, change, reason);
        return switch (outcome) {
            case NOT_FOUND -> throw AppException.notFound("Credential");
            case REFUSED_REVOKED, REFUSED_NOT_SUSPENDABLE, REFUSED_NO_STATUS ->
                    throw new AppException(Problem.CONFLICT, outcome.description());
            default -> outcome;
        };
    }

    private List<StatusResult> bulk(
            Actor actor, List<UUID> credentialIds, Change change, StatusReason reason) {
        actor.require(Role.ISSUER);
        if (credentialIds.size() > MAX_BULK) {
            throw new AppException(
                    Problem.TOO_LARGE, "credentialIds: at most " + MAX_BULK + " per request");
        }
        List<StatusResult> results = new ArrayList<>(credentialIds.size());
        for (UUID id : credentialIds) {
            results.add(new StatusResult(id, apply(actor, id, change, reason)));
        }
        return List.copyOf(results);
    }

    private StatusOutcome apply(
            Actor actor, UUID credentialId, Change change, StatusReason reason) {
        actor.require(Role.ISSUER);
        UUID organisation = actor.organisationId();
        return jdbi.inTransaction(
                handle -> {
                    var before = store.credentialStatus(handle, organisation, credentialId);
                    if (before.isEmpty()) {
                        return StatusOutcome.NOT_FOUND;
                    }
                    if (!before.get().revocable()) {
                        return StatusOutcome.REFUSED_NO_STATUS;
                    }
                    if (change != Change.REVOKE && !before.get().suspendable()) {
                        return StatusOutcome.REFUSED_NOT_SUSPENDABLE;
                    }
                    boolean changed =
                            switch (change) {
                                case REVOKE ->
                                        store.revoke(
                                                handle,
                                                organisation,
                                                credentialId,
                                                clock.instant(),
                                                reason);
                                case SUSPEND ->
                                        store.setSuspended(
                                                handle, organisation, credentialId, reason);
                                case UNSUSPEND ->
                                        store.unsuspend(handle, organisation, credentialId);
                            };
                    if (!changed) {
                        // Re-read: a concurrent change may have committed while we waited.
                        var now =
                                store.credentialStatus(handle, organisation, credentialId)
                                        .orElseThrow();
                        return unchanged(change, now);
                    }
                    store.bumpVersion(handle, before.get().listId());
                    StatusOutcome outcome = changedOutcome(change);
                    Instant now = clock.instant();
                    audit.append(
                            handle,
                            organisation,
                            now,
                            actor.name(),
                            "credential." + outcome.name().toLowerCase(java.util.Locale.ROOT),
                            credentialId.toString(),
                            reason.auditDetail());
                    listener.changed(
                            handle,
                            new StatusChange(organisation, credentialId, outcome, reason, now));
                    return outcome;
                });
    }

    private static StatusOutcome unchanged(Change change, StatusListStore.CredentialStatusRow row) {
        if (change == Change.REVOKE) {
            return StatusOutcome.ALREADY_REVOKED;
        }
        if (row.revoked()) {
            return StatusOutcome.REFUSED_REVOKED;
        }
        return change == Change.SUSPEND
                ? StatusOutcome.ALREADY_SUSPENDED
                : StatusOutcome.NOT_SUSPENDED;
    }

    private static StatusOutcome changedOutcome(Change change) {
        return switch (change) {
            case REVOKE -> StatusOutcome.REVOKED;
            case SUSPEND -> StatusOutcome.SUSPENDED;
            case UNSUSPEND -> StatusOutcome.UNSUSPENDED;
        };
    }
}
