package org.credence.app.award;

import jakarta.json.JsonObjectBuilder;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.achievement.AchievementService;
import org.credence.app.achievement.AchievementVersion;
import org.credence.app.audit.AuditStore;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.db.Database;
import org.credence.app.db.SqlStates;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.IssuerProfile;
import org.credence.app.issuer.IssuerService;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.app.status.StatusListService;
import org.credence.app.status.StatusPolicy;
import org.credence.app.status.StatusSlot;
import org.credence.core.Issuer;
import org.credence.core.json.JsonValues;
import org.credence.core.json.Jsons;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.jsonld.JsonLdException;
import org.credence.core.model.ModelException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Issues Open Badges 3.0 credentials: one ({@link #issue}) or many ({@link #issueAll}).
 *
 * <p>A credential's id is {@code <base>/credentials/<uuid>}, its issuer the issuer's did:web
 * profile, its achievement the current version's Open Badges JSON, its status one Bitstring Status
 * List entry (revocation) or, when the version's {@link StatusPolicy} opts in, two (revocation and
 * suspension) at one random index. An email recipient appears only as a salted SHA-256 identity
 * hash; another identifier (a DID or URL) as {@code credentialSubject.id}. The recipient's name is
 * stored but not signed into the credential: public pages show it only when the earner chooses,
 * which a signed document could not take back.
 *
 * <p>Issuers and owners issue. Each credential is stored and audited ({@code credential.issued}) in
 * one transaction. Database work is a few short statements; signing, the only CPU-heavy step, runs
 * outside any transaction, so the service scales with threads. Immutable and thread-safe.
 */
public final class AwardService {

    /** Credentials stored per transaction by {@link #issueAll}. */
    public static final int BATCH_SIZE = 200;

    private final Jdbi jdbi;
    private final IssuerService issuers;
    private final AchievementService achievements;
    private final StatusListService status;
    private final Clock clock;
    private final String baseUrl;
    private final Canonicalizer canonicalizer = Canonicalizer.standard();
    private final CredentialBuilder builder;
    private final AwardStore store = new AwardStore();
    private final AuditStore audit = new AuditStore();

    public AwardService(
            Database database,
            IssuerService issuers,
            AchievementService achievements,
            StatusListService status,
            DidWebHost host,
            Clock clock,
            SecureRandom random) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.achievements = Objects.requireNonNull(achievements, "achievements");
        this.status = Objects.requireNonNull(status, "status");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.baseUrl = host.base();
        this.builder =
                new CredentialBuilder(clock, Objects.requireNonNull(random, "random"), baseUrl);
    }

    /**
     * Issues one credential, or returns the one issued earlier under the same idempotency key.
     *
     * @throws AppException {@link Problem#NOT_FOUND} for an issuer or achievement that is not the
     *     organisation's, {@link Problem#INVALID_INPUT} for bad input, {@link Problem#CONFLICT}
     *     when the idempotency key was used for a different request
     */
    public IssuedCredential issue(Actor actor, IssueRequest request) {
        return issue(actor, request, AfterStore.NONE);
    }

    /**
     * Issues one credential as {@link #issue(Actor, IssueRequest)} does and runs {@code afterStore}
     * in the same transaction, after the credential is written (not when a key replays an earlier
     * credential).
     */
    public IssuedCredential issue(Actor actor, IssueRequest request, AfterStore afterStore) {
        Objects.requireNonNull(afterStore, "afterStore");
        actor.require(Role.ISSUER);
        Optional<IssuedCredential> earlier = replay(actor, request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        SignedCredential signed = sign(actor, context(actor, request), request);
        try {
            jdbi.useTransaction(
                    handle -> {
                        store(handle, actor, signed);
                        afterStore.stored(handle, signed.stored());
                    });
            return signed.issued(baseUrl);
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e) && request.idempotencyKey().isPresent()) {
                // The same key was used concurrently and the other request was stored first.
                return replay(actor, request).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /**
     * Signs and stores a whole unsigned credential the caller provides (the VC-API's issue
     * endpoint): any Verifiable Credential, checked by {@link ProvidedCredential}, given the status
     * entries of {@code policy} (no design to take one from; none when the request asks for none or
     * the credential brings its own), secured with {@code eddsa-rdfc-2022} by the issuer's active
     * key, stored (so that it can be revoked) and audited like any issued credential.
     *
     * <p>The signer is {@code request.issuerId()} when given, else the organisation's issuer whose
     * DID the credential's {@code issuer} names; the credential's {@code issuer} must be the
     * signer's DID either way.
     *
     * @throws AppException {@link Problem#FORBIDDEN} when {@code issuerId} is not one of the
     *     actor's organisation's issuers, {@link Problem#INVALID_INPUT} for a credential Credence
     *     will not sign (not a Verifiable Credential, an issuer that is not the organisation's,
     *     unpinned contexts, undefined terms, signed already …), {@link Problem#CONFLICT} when its
     *     id was issued before
     */
    public IssuedCredential signProvided(
            Actor actor, ProvidedRequest request, StatusPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        actor.require(Role.ISSUER);
        IssuerProfile profile = providedIssuer(actor, request);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ProvidedCredential provided = ProvidedCredential.of(request, profile, baseUrl, now);
        Issuer signer = new Issuer(issuers.signer(actor, profile.id()), canonicalizer, clock);
        StatusSlot slot = status.allocate(actor, profile.id());
        JsonObjectBuilder unsigned = Jsons.PROVIDER.createObjectBuilder(provided.unsigned());
        // A caller's own typed status entry stays; Credence's would then be a second opinion.
        boolean withStatus = request.withStatus() && !provided.ownStatus();
        if (withStatus) {
            unsigned.add("credentialStatus", status.credentialStatus(slot, policy));
        }
        String document;
        try {
            document = signer.sign(unsigned.build()).toString();
        } catch (JsonLdException e) {
            throw AppException.invalid("credential: not valid JSON-LD: " + e.getMessage());
        } catch (ModelException e) {
            throw AppException.invalid("credential." + e.getMessage());
        }
        try {
            jdbi.useTransaction(
                    handle -> {
                        store.insertProvided(
                                handle,
                                actor.organisationId(),
                                profile.id(),
                                provided,
                                slot,
                                policy,
                                withStatus,
                                document,
                                now);
                        audit.append(
                                handle,
                                actor.organisationId(),
                                now,
                                actor.name(),
                                "credential.issued",
                                provided.id().toString(),
                                provided.achievementName()
                                        + " (provided) to "
                                        + (provided.recipient().isEmpty()
                                                ? "no named recipient"
                                                : provided.recipient()));
                    });
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw new AppException(
                        Problem.CONFLICT,
                        "credential.id: a credential with this id was issued already");
            }
            throw e;
        }
        return new IssuedCredential(
                provided.id(),
                baseUrl + "/credentials/" + provided.id(),
                SecuringFormat.DATA_INTEGRITY,
                document,
                now,
                false);
    }

    /**
     * The issuer {@code issuerId} names (by id or DID; {@code FORBIDDEN} when it is not the
     * organisation's), else the one whose DID is the credential's issuer ({@code INVALID_INPUT}
     * when none is: the document names a foreign issuer, which is bad input, not a permission).
     */
    private IssuerProfile providedIssuer(Actor actor, ProvidedRequest request) {
        List<IssuerProfile> own = issuers.list(actor);
        if (request.issuerId().isPresent()) {
            String wanted = request.issuerId().get();
            return own.stream()
                    .filter(
                            profile ->
                                    profile.did().equals(wanted)
                                            || profile.id().toString().equalsIgnoreCase(wanted))
                    .findFirst()
                    .orElseThrow(
                            () ->
                                    new AppException(
                                            Problem.FORBIDDEN,
                                            "options.issuerId: "
                                                    + wanted
                                                    + " is not one of this organisation's"
                                                    + " issuers"));
        }
        String named =
                JsonValues.idOf(request.credential(), "issuer")
                        .orElseThrow(
                                () ->
                                        AppException.invalid(
                                                "credential.issuer: is required (the signing"
                                                        + " issuer's DID, or an object with it as"
                                                        + " id)"));
        return own.stream()
                .filter(profile -> profile.did().equals(named))
                .findFirst()
                .orElseThrow(
                        () ->
                                AppException.invalid(
                                        "credential.issuer: "
                                                + named
                                                + " is not one of this organisation's issuers;"
                                                + " use one of their DIDs: "
                                                + String.join(
                                                        ", ",
                                                        own.stream()
                                                                .map(IssuerProfile::did)
                                                                .toList())));
    }

    /**
     * Issues many credentials for bulk jobs (CSV uploads, API batches). Requests are signed one by
     * one and stored in transactions of {@link #BATCH_SIZE}; a batch whose transaction fails is
     * stored again credential by credential, so one bad row never loses its neighbours. The issuer,
     * achievement and key are loaded once per distinct pair. Never throws for one request's
     * problem: each gets an {@link IssueOutcome}, in order. Callers may run several calls
     * concurrently (signing is the CPU-bound part).
     */
    public List<IssueOutcome> issueAll(Actor actor, List<IssueRequest> requests) {
        actor.require(Role.ISSUER);
        Map<List<UUID>, IssuanceContext> contexts = new HashMap<>();
        List<IssueOutcome> outcomes = new ArrayList<>(requests.size());
        for (int start = 0; start < requests.size(); start += BATCH_SIZE) {
            List<IssueRequest> batch =
                    requests.subList(start, Math.min(requests.size(), start + BATCH_SIZE));
            outcomes.addAll(issueBatch(actor, batch, start, contexts));
        }
        return List.copyOf(outcomes);
    }

    private List<IssueOutcome> issueBatch(
            Actor actor,
            List<IssueRequest> batch,
            int offset,
            Map<List<UUID>, IssuanceContext> contexts) {
        IssueOutcome[] outcomes = new IssueOutcome[batch.size()];
        Map<String, AwardStore.Keyed> earlier = earlier(actor, batch);
        Map<String, Integer> firstWithKey = new HashMap<>();
        List<Integer> repeated = new ArrayList<>();
        Map<UUID, List<Integer>> toSignByIssuer = new LinkedHashMap<>();
        Map<Integer, IssuanceContext> contextOf = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            IssueRequest request = batch.get(i);
            try {
                Optional<String> key = request.idempotencyKey();
                if (key.isPresent() && earlier.containsKey(key.get())) {
                    outcomes[i] =
                            IssueOutcome.issued(
                                    offset + i, replayed(request, earlier.get(key.get())));
                    continue;
                }
                if (key.isPresent() && firstWithKey.putIfAbsent(key.get(), i) != null) {
                    repeated.add(i); // settled after the first one is stored
                    continue;
                }
                contextOf.put(
                        i,
                        contexts.computeIfAbsent(
                                List.of(request.issuerId(), request.achievementId()),
                                ids -> context(actor, request)));
                toSignByIssuer.computeIfAbsent(request.issuerId(), id -> new ArrayList<>()).add(i);
            } catch (AppException e) {
                outcomes[i] = IssueOutcome.failed(offset + i, e.problem(), e.getMessage());
            }
        }
        Map<Integer, StatusSlot> slots = new HashMap<>();
        toSignByIssuer.forEach(
                (issuerId, positions) -> {
                    List<StatusSlot> reserved =
                            status.allocateAll(actor, issuerId, positions.size());
                    for (int j = 0; j < positions.size(); j++) {
                        slots.put(positions.get(j), reserved.get(j));
                    }
                });
        // Signing is the CPU-heavy step: spread it over the cores (the common pool and this
        // thread).
        Map<Integer, SignedCredential> signed = new ConcurrentHashMap<>();
        slots.keySet().parallelStream()
                .forEach(
                        i -> {
                            try {
                                StatusSlot slot = slots.get(i);
                                signed.put(
                                        i,
                                        builder.sign(
                                                contextOf.get(i),
                                                batch.get(i),
                                                slot,
                                                status.credentialStatus(
                                                        slot, policyOf(contextOf.get(i)))));
                            } catch (AppException e) {
                                outcomes[i] =
                                        IssueOutcome.failed(
                                                offset + i, e.problem(), e.getMessage());
                            }
                        });
        try {
            jdbi.useTransaction(handle -> storeAll(handle, actor, List.copyOf(signed.values())));
            signed.forEach(
                    (i, credential) ->
                            outcomes[i] =
                                    IssueOutcome.issued(offset + i, credential.issued(baseUrl)));
        } catch (RuntimeException batchFailure) {
            signed.forEach(
                    (i, credential) -> outcomes[i] = storeAlone(actor, offset + i, credential));
        }
        for (int i : repeated) {
            try {
                outcomes[i] = IssueOutcome.issued(offset + i, issue(actor, batch.get(i)));
            } catch (AppException e) {
                outcomes[i] = IssueOutcome.failed(offset + i, e.problem(), e.getMessage());
            }
        }
        return List.of(outcomes);
    }

    /** Earlier credentials of the batch's idempotency keys, in one query. */
    private Map<String, AwardStore.Keyed> earlier(Actor actor, List<IssueRequest> batch) {
        List<String> keys =
                batch.stream()
                        .map(IssueRequest::idempotencyKey)
                        .flatMap(Optional::stream)
                        .distinct()
                        .toList();
        if (keys.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(
                handle -> store.byIdempotencyKeys(handle, actor.organisationId(), keys, baseUrl));
    }

    private static IssuedCredential replayed(IssueRequest request, AwardStore.Keyed earlier) {
        if (!earlier.fingerprint().equals(request.fingerprint())) {
            throw new AppException(
                    Problem.CONFLICT,
                    "idempotencyKey: "
                            + request.idempotencyKey().orElseThrow()
                            + " was used for a different request");
        }
        return earlier.credential();
    }

    private IssueOutcome storeAlone(Actor actor, int position, SignedCredential credential) {
        try {
            jdbi.useTransaction(handle -> store(handle, actor, credential));
            return IssueOutcome.issued(position, credential.issued(baseUrl));
        } catch (UnableToExecuteStatementException e) {
            if (SqlStates.isUniqueViolation(e)
                    && credential.request().idempotencyKey().isPresent()) {
                try {
                    return replay(actor, credential.request())
                            .map(earlier -> IssueOutcome.issued(position, earlier))
                            .orElseThrow(() -> e);
                } catch (AppException conflict) {
                    return IssueOutcome.failed(position, conflict.problem(), conflict.getMessage());
                }
            }
            throw e;
        }
    }

    private IssuanceContext context(Actor actor, IssueRequest request) {
        IssuerProfile issuer = issuers.get(actor, request.issuerId());
        AchievementVersion version = achievements.get(actor, request.achievementId());
        return new IssuanceContext(
                issuer,
                version,
                achievements.toOpenBadge(actor, version.achievementId(), version.version(), issuer),
                new Issuer(issuers.signer(actor, issuer.id()), canonicalizer, clock));
    }

    private SignedCredential sign(Actor actor, IssuanceContext context, IssueRequest request) {
        StatusSlot slot = status.allocate(actor, context.issuer().id());
        return builder.sign(
                context, request, slot, status.credentialStatus(slot, policyOf(context)));
    }

    private static StatusPolicy policyOf(IssuanceContext context) {
        return context.version().design().statusPolicy();
    }

    private Optional<IssuedCredential> replay(Actor actor, IssueRequest request) {
        if (request.idempotencyKey().isEmpty()) {
            return Optional.empty();
        }
        String key = request.idempotencyKey().get();
        return jdbi.withHandle(
                        handle ->
                                store.byIdempotencyKey(
                                        handle, actor.organisationId(), key, baseUrl))
                .map(
                        earlier -> {
                            if (!earlier.fingerprint().equals(request.fingerprint())) {
                                throw new AppException(
                                        Problem.CONFLICT,
                                        "idempotencyKey: "
                                                + key
                                                + " was used for a different request");
                            }
                            return earlier.credential();
                        });
    }

    private void storeAll(Handle handle, Actor actor, List<SignedCredential> credentials) {
        if (credentials.isEmpty()) {
            return;
        }
        store.insertAll(handle, credentials);
        audit.appendAll(
                handle,
                credentials.stream().map(credential -> auditEntry(actor, credential)).toList());
    }

    private void store(Handle handle, Actor actor, SignedCredential credential) {
        store.insert(handle, credential);
        audit.appendAll(handle, List.of(auditEntry(actor, credential)));
    }

    private static AuditStore.Entry auditEntry(Actor actor, SignedCredential credential) {
        return new AuditStore.Entry(
                actor.organisationId(),
                credential.issuedAt(),
                actor.name(),
                "credential.issued",
                credential.id().toString(),
                credential.achievementName()
                        + " v"
                        + credential.achievementVersion()
                        + " to "
                        + credential
                                .request()
                                .recipient()
                                .email()
                                .or(() -> credential.request().recipient().identifier())
                                .orElse(""));
    }
}
