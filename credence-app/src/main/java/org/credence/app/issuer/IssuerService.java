package org.credence.app.issuer;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.audit.AuditStore;
import org.credence.app.db.Database;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.SigningKey;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Issuer profiles, their {@code did:web} documents (or {@code did:key} identifiers) and their
 * signing keys.
 *
 * <p>Owners create and update issuers and rotate keys; every member reads. DID documents are
 * public. Each issuer gets an Ed25519 key on creation; a rotation retires the active key and
 * generates the next, and retired keys stay in the DID document so every earlier credential still
 * verifies. Secrets are encrypted at rest by the {@link KeyVault}. Every change is audited in its
 * own transaction.
 *
 * <p>Immutable and thread-safe.
 */
public final class IssuerService {

    private static final String PLATFORM_OWNER = "platform";

    /** Why a did:key issuer's key cannot rotate. */
    public static final String CANNOT_ROTATE =
            "A did:key issuer cannot rotate its key: the key is its identifier, so a new key would"
                    + " be a new issuer that earlier credentials do not name. Create a new issuer"
                    + " for a new key, or use did:web, whose keys rotate.";

    private final Jdbi jdbi;
    private final KeyVault vault;
    private final DidWebHost host;
    private final Clock clock;
    private final IssuerStore store = new IssuerStore();
    private final AuditStore audit = new AuditStore();

    public IssuerService(Database database, KeyVault vault, DidWebHost host, Clock clock) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.vault = Objects.requireNonNull(vault, "vault");
        this.host = Objects.requireNonNull(host, "host");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates a did:web issuer with its first key. Owners only. */
    public IssuerProfile create(Actor actor, IssuerDraft draft) {
        return create(actor, draft, DidMethod.WEB);
    }

    /**
     * Creates an issuer with its first key, identified by {@code did:web} under this installation
     * or by the key's own {@code did:key} ({@link DidMethod}). Owners only.
     *
     * @throws AppException {@link Problem#CONFLICT} when the slug is taken (slugs are unique across
     *     the installation: they name public DIDs)
     */
    public IssuerProfile create(Actor actor, IssuerDraft draft, DidMethod method) {
        actor.require(Role.OWNER);
        Instant now = clock.instant();
        SigningKey first = vault.generate();
        String did =
                method == DidMethod.KEY
                        ? KeyFile.of(first).controller()
                        : host.issuerDid(draft.slug());
        IssuerProfile issuer =
                new IssuerProfile(UUID.randomUUID(), actor.organisationId(), did, draft, now, now);
        try {
            return jdbi.inTransaction(
                    handle -> {
                        if (store.idBySlug(handle, draft.slug()).isPresent()) {
                            throw slugTaken(draft.slug());
                        }
                        store.insert(handle, issuer);
                        record(handle, actor, "issuer.created", issuer.id(), issuer.did());
                        StoredKey key = stored(first, issuer.id().toString(), 1, now);
                        store.insertKey(handle, issuer.id(), key);
                        record(handle, actor, "key.generated", issuer.id(), vmId(issuer, key));
                        return issuer;
                    });
        } catch (UnableToExecuteStatementException e) {
            throw isUniqueViolation(e) ? slugTaken(draft.slug()) : e;
        }
    }

    /**
     * Changes an issuer's name, URL, e-mail, description or image. Owners only. The slug cannot
     * change: the DID would stop resolving and every credential issued under it would fail. A new
     * name or URL drops an operator's vetting (it vouched for the old ones), and a URL on another
     * host drops the domain verification; both are audited.
     */
    public IssuerProfile update(Actor actor, UUID issuerId, IssuerDraft draft) {
        actor.require(Role.OWNER);
        return jdbi.inTransaction(
                handle -> {
                    IssuerProfile current = require(handle, actor, issuerId);
                    if (!current.slug().equals(draft.slug())) {
                        throw AppException.invalid(
                                "slug: cannot change (it is part of the issuer's DID "
                                        + current.did()
                                        + ")");
                    }
                    IssuerProfile updated =
                            new IssuerProfile(
                                    current.id(),
                                    current.organisationId(),
                                    current.did(),
                                    draft,
                                    current.createdAt(),
                                    clock.instant());
                    store.update(handle, updated);
                    record(handle, actor, "issuer.updated", issuerId, current.did());
                    dropStaleStanding(handle, actor, current, updated);
                    return updated;
                });
    }

    /** The organisation's issuers, by name. Any member. */
    public List<IssuerProfile> list(Actor actor) {
        actor.require(Role.VIEWER);
        return jdbi.withHandle(
                handle -> store.list(handle, actor.organisationId(), host::issuerDid));
    }

    /** One of the organisation's issuers; {@link Problem#NOT_FOUND} for another's. Any member. */
    public IssuerProfile get(Actor actor, UUID issuerId) {
        actor.require(Role.VIEWER);
        return jdbi.withHandle(handle -> require(handle, actor, issuerId));
    }

    /** The issuer's keys, oldest first, without secrets. Any member. */
    public List<IssuerKey> keys(Actor actor, UUID issuerId) {
        actor.require(Role.VIEWER);
        return jdbi.withHandle(
                handle -> {
                    IssuerProfile issuer = require(handle, actor, issuerId);
                    return store.keys(handle, issuerId).stream()
                            .map(key -> key.toIssuerKey(issuer.did()))
                            .toList();
                });
    }

    /**
     * Retires the active key and generates the next one, which is returned. Owners only.
     *
     * @throws AppException {@link Problem#CONFLICT} for a did:key issuer: its key is its
     *     identifier, so it cannot change
     */
    public IssuerKey rotateKey(Actor actor, UUID issuerId) {
        actor.require(Role.OWNER);
        return jdbi.inTransaction(
                handle -> {
                    if (!store.lock(handle, actor.organisationId(), issuerId)) {
                        throw AppException.notFound("Issuer");
                    }
                    IssuerProfile issuer = require(handle, actor, issuerId);
                    if (issuer.method() == DidMethod.KEY) {
                        throw new AppException(Problem.CONFLICT, CANNOT_ROTATE);
                    }
                    List<StoredKey> keys = store.keys(handle, issuerId);
                    int next = keys.isEmpty() ? 1 : keys.get(keys.size() - 1).number() + 1;
                    Instant now = clock.instant();
                    store.retireKeys(handle, issuerId, now);
                    StoredKey key = newKey(handle, issuer, next, now);
                    record(handle, actor, "key.rotated", issuerId, vmId(issuer, key));
                    return key.toIssuerKey(issuer.did());
                });
    }

    /**
     * The signing handle of the issuer's active key, controlled by its DID, for the credential
     * service. Issuers and owners.
     *
     * @throws KeyDecryptionException when the configured master key is not the one the key was
     *     encrypted with
     */
    public KeyFile signer(Actor actor, UUID issuerId) {
        actor.require(Role.ISSUER);
        return jdbi.withHandle(
                handle -> {
                    IssuerProfile issuer = require(handle, actor, issuerId);
                    StoredKey key =
                            active(store.keys(handle, issuerId))
                                    .orElseThrow(
                                            () ->
                                                    new AppException(
                                                            Problem.CONFLICT,
                                                            "The issuer has no active key"));
                    SigningKey signingKey =
                            vault.open(
                                    key.sealedSecret(),
                                    key.publicKeyMultibase(),
                                    issuer.id().toString());
                    return KeyFile.of(signingKey).withController(issuer.did(), vmId(issuer, key));
                });
    }

    /**
     * The public DID document of the issuer published under {@code slug}: every key it ever had, as
     * Multikey assertion methods. No actor: DID documents are public.
     *
     * @throws AppException {@link Problem#NOT_FOUND} for an unknown slug
     */
    public JsonObject didDocument(String slug) {
        return jdbi.withHandle(
                handle -> {
                    UUID issuerId =
                            store.webIssuerBySlug(handle, slug)
                                    .orElseThrow(() -> AppException.notFound("Issuer"));
                    return DidDocuments.document(
                            host.issuerDid(slug), store.keys(handle, issuerId));
                });
    }

    /**
     * The public identity of this installation's issuer with this DID (did:web under this host, or
     * a did:key one of its issuers holds), whatever its organisation: its name, verified domain and
     * whether an operator vetted it. No actor: for verification and public pages.
     */
    public Optional<IssuerIdentity> publicIdentity(String did) {
        if (did == null) {
            return Optional.empty();
        }
        Optional<String> slug = slugOf(did);
        if (slug.isEmpty() && DidMethod.of(did) != DidMethod.KEY) {
            return Optional.empty();
        }
        return jdbi.withHandle(handle -> store.publicIdentity(handle, slug, did))
                .map(
                        row ->
                                new IssuerIdentity(
                                        row.name(),
                                        did,
                                        row.standing().verifiedDomain(),
                                        row.standing().vetted()));
    }

    /** The slug of a did:web issuer DID of this installation. */
    private Optional<String> slugOf(String did) {
        String prefix = host.issuerDid("");
        if (!did.startsWith(prefix)) {
            return Optional.empty();
        }
        String slug = did.substring(prefix.length());
        return slug.isEmpty() || slug.contains(":") ? Optional.empty() : Optional.of(slug);
    }

    private void dropStaleStanding(
            Handle handle, Actor actor, IssuerProfile before, IssuerProfile after) {
        IssuerStanding standing =
                store.standing(handle, actor.organisationId(), before.id())
                        .orElse(IssuerStanding.NONE);
        boolean renamed =
                !before.name().equals(after.name())
                        || !before.details().url().equals(after.details().url());
        if (standing.vetted() && renamed) {
            store.setVetting(
                    handle,
                    actor.organisationId(),
                    before.id(),
                    Optional.empty(),
                    Optional.empty());
            record(handle, actor, "issuer.vetting.dropped", before.id(), "name or URL changed");
        }
        Optional<String> host = after.details().url().map(DomainProof::hostOf);
        if (standing.domainHost().isPresent() && !standing.domainHost().equals(host)) {
            store.setDomain(handle, actor.organisationId(), before.id(), IssuerStanding.NONE);
            record(
                    handle,
                    actor,
                    "issuer.domain.dropped",
                    before.id(),
                    standing.domainHost().get() + " is no longer the URL's host");
        }
    }

    /**
     * The installation's DID document ({@code did:web:<host>}, served at {@code
     * /.well-known/did.json}); the platform key is generated on first use.
     */
    public JsonObject platformDidDocument() {
        return DidDocuments.document(host.platformDid(), platformKeys());
    }

    /** The signing handle of the platform's active key (e.g. for CLR transcripts). */
    public KeyFile platformSigner() {
        StoredKey key = active(platformKeys()).orElseThrow();
        SigningKey signingKey =
                vault.open(key.sealedSecret(), key.publicKeyMultibase(), PLATFORM_OWNER);
        String did = host.platformDid();
        return KeyFile.of(signingKey)
                .withController(did, DidDocuments.verificationMethodId(did, key.number()));
    }

    private List<StoredKey> platformKeys() {
        List<StoredKey> keys = jdbi.withHandle(store::platformKeys);
        if (!keys.isEmpty()) {
            return keys;
        }
        SigningKey signingKey = vault.generate();
        StoredKey first = stored(signingKey, PLATFORM_OWNER, 1, clock.instant());
        try {
            jdbi.useTransaction(handle -> store.insertPlatformKey(handle, first));
        } catch (UnableToExecuteStatementException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // Another node generated it first; use theirs.
        }
        return jdbi.withHandle(store::platformKeys);
    }

    private StoredKey newKey(Handle handle, IssuerProfile issuer, int number, Instant now) {
        // did:web only: a did:key issuer's first key is made with its DID (create).
        StoredKey key = stored(vault.generate(), issuer.id().toString(), number, now);
        store.insertKey(handle, issuer.id(), key);
        return key;
    }

    private StoredKey stored(SigningKey signingKey, String owner, int number, Instant now) {
        return new StoredKey(
                number,
                signingKey.type(),
                signingKey.publicKey().multibase(),
                vault.seal(signingKey, owner),
                KeyStatus.ACTIVE,
                now,
                Optional.empty());
    }

    private IssuerProfile require(Handle handle, Actor actor, UUID issuerId) {
        return store.find(handle, actor.organisationId(), issuerId, host::issuerDid)
                .orElseThrow(() -> AppException.notFound("Issuer"));
    }

    private static Optional<StoredKey> active(List<StoredKey> keys) {
        return keys.stream().filter(key -> key.status() == KeyStatus.ACTIVE).reduce((a, b) -> b);
    }

    private static String vmId(IssuerProfile issuer, StoredKey key) {
        return DidDocuments.methodId(issuer.did(), key);
    }

    private void record(Handle handle, Actor actor, String action, UUID issuerId, String detail) {
        audit.append(
                handle,
                actor.organisationId(),
                clock.instant(),
                actor.name(),
                action,
                issuerId.toString(),
                detail);
    }

    private static AppException slugTaken(String slug) {
        return new AppException(Problem.CONFLICT, "slug: " + slug + " is already taken");
    }

    /** SQLSTATE 23505 on PostgreSQL and H2 alike. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
