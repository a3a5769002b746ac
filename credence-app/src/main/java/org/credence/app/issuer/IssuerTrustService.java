package org.credence.app.issuer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.audit.AuditStore;
import org.credence.app.db.Database;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.core.did.ResolutionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What makes an issuer's identity verifiable: domain verification of its URL (the owner publishes a
 * token at {@link DomainProof#PATH} on that host, the server fetches it through the safe fetcher)
 * and vetting by an installation operator. Being hosted here proves nothing: anyone may sign up and
 * call an issuer anything, so only vetted issuers pass the verifier's issuer trust.
 *
 * <p>Owners ask for and check domain verification; operators ({@link Operators}) list every
 * organisation's issuers and vet them. Every change is audited in the issuer's organisation, in the
 * transaction that makes it. Immutable and thread-safe.
 */
public final class IssuerTrustService {

    private final Jdbi jdbi;
    private final DidWebHost host;
    private final DomainFiles files;
    private final Operators operators;
    private final Clock clock;
    private final SecureRandom random;
    private final IssuerStore store = new IssuerStore();
    private final AuditStore audit = new AuditStore();

    /** How a check of the domain ended. */
    public record DomainCheck(boolean verified, String host, String message) {}

    /** An issuer as an operator sees it. */
    public record OperatorView(
            IssuerProfile issuer, String organisationName, IssuerStanding standing) {}

    public IssuerTrustService(
            Database database,
            DidWebHost host,
            DomainFiles files,
            Operators operators,
            Clock clock,
            SecureRandom random) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.host = Objects.requireNonNull(host, "host");
        this.files = Objects.requireNonNull(files, "files");
        this.operators = Objects.requireNonNull(operators, "operators");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The installation's operators (pages ask whether to show the operator link). */
    public Operators operators() {
        return operators;
    }

    /** One of the organisation's issuers' standing. Any member. */
    public IssuerStanding standing(Actor actor, UUID issuerId) {
        actor.require(Role.VIEWER);
        return jdbi.withHandle(
                handle ->
                        store.standing(handle, actor.organisationId(), issuerId)
                                .orElseThrow(() -> AppException.notFound("Issuer")));
    }

    /** The standing of each of the organisation's issuers, by issuer id. Any member. */
    public Map<UUID, IssuerStanding> standings(Actor actor) {
        actor.require(Role.VIEWER);
        return jdbi.withHandle(handle -> store.standings(handle, actor.organisationId()));
    }

    /**
     * The token to publish for the issuer's URL host: the one already given for that host, else a
     * new one. Owners only.
     *
     * @throws AppException {@code INVALID_INPUT} (field {@code url}) when the issuer has no URL
     */
    public DomainProof requestDomainVerification(Actor actor, UUID issuerId) {
        actor.require(Role.OWNER);
        return jdbi.inTransaction(
                handle -> {
                    IssuerProfile issuer = require(handle, actor, issuerId);
                    String domain = domainOf(issuer);
                    IssuerStanding standing = standing(handle, actor, issuerId);
                    if (standing.domainHost().equals(Optional.of(domain))
                            && standing.domainToken().isPresent()) {
                        return new DomainProof(domain, standing.domainToken().get());
                    }
                    DomainProof proof = new DomainProof(domain, newToken());
                    store.setDomain(
                            handle,
                            actor.organisationId(),
                            issuerId,
                            domain(standing, proof, Optional.empty(), Optional.empty()));
                    record(
                            handle,
                            actor.organisationId(),
                            actor.name(),
                            "issuer.domain.requested",
                            issuerId,
                            domain);
                    return proof;
                });
    }

    /**
     * Fetches the issuer host's verification file now and records the outcome: found, the domain is
     * verified (again); not found or unreachable, an earlier verification is dropped. Owners only.
     * The fetch runs outside any transaction.
     *
     * @throws AppException {@code CONFLICT} when no token was asked for the URL's current host
     */
    public DomainCheck checkDomain(Actor actor, UUID issuerId) {
        actor.require(Role.OWNER);
        DomainProof proof =
                jdbi.withHandle(
                        handle -> {
                            IssuerProfile issuer = require(handle, actor, issuerId);
                            String domain = domainOf(issuer);
                            IssuerStanding standing = standing(handle, actor, issuerId);
                            if (!standing.domainHost().equals(Optional.of(domain))
                                    || standing.domainToken().isEmpty()) {
                                throw new AppException(
                                        Problem.CONFLICT,
                                        "Ask for a verification token for " + domain + " first");
                            }
                            return new DomainProof(domain, standing.domainToken().get());
                        });
        DomainCheck outcome = fetchAndCompare(proof);
        jdbi.useTransaction(handle -> recordCheck(handle, actor, issuerId, proof, outcome));
        return outcome;
    }

    /** Every organisation's issuers, with their standing, by name. Operators only. */
    public List<OperatorView> allIssuers(Operators.Operator operator) {
        Objects.requireNonNull(operator, "operator");
        return jdbi.withHandle(handle -> store.allIssuers(handle, host::issuerDid)).stream()
                .map(row -> new OperatorView(row.issuer(), row.organisationName(), row.standing()))
                .toList();
    }

    /**
     * Marks an issuer of any organisation vetted (it passes issuer trust) or not. Operators only;
     * audited in the issuer's organisation.
     *
     * @throws AppException {@code NOT_FOUND} for an unknown issuer
     */
    public void setVetted(Operators.Operator operator, UUID issuerId, boolean vetted) {
        Objects.requireNonNull(operator, "operator");
        jdbi.useTransaction(
                handle -> {
                    IssuerProfile issuer =
                            store.anyIssuer(handle, issuerId, host::issuerDid)
                                    .orElseThrow(() -> AppException.notFound("Issuer"));
                    Instant now = clock.instant();
                    store.setVetting(
                            handle,
                            issuer.organisationId(),
                            issuerId,
                            vetted ? Optional.of(now) : Optional.empty(),
                            vetted ? Optional.of(operator.email()) : Optional.empty());
                    record(
                            handle,
                            issuer.organisationId(),
                            "operator " + operator.email(),
                            vetted ? "issuer.vetted" : "issuer.unvetted",
                            issuerId,
                            issuer.name() + " " + issuer.did());
                });
    }

    private DomainCheck fetchAndCompare(DomainProof proof) {
        try {
            byte[] file = files.read(proof.fileUrl());
            if (proof.foundIn(file)) {
                return new DomainCheck(true, proof.host(), "Domain " + proof.host() + " verified");
            }
            return new DomainCheck(
                    false,
                    proof.host(),
                    proof.fileUrl() + " does not contain the line " + proof.line());
        } catch (ResolutionException e) {
            return new DomainCheck(
                    false,
                    proof.host(),
                    "Could not read " + proof.fileUrl() + ": " + e.getMessage());
        }
    }

    private void recordCheck(
            Handle handle, Actor actor, UUID issuerId, DomainProof proof, DomainCheck outcome) {
        IssuerStanding standing = standing(handle, actor, issuerId);
        if (!standing.domainHost().equals(Optional.of(proof.host()))
                || !standing.domainToken().equals(Optional.of(proof.token()))) {
            return; // the URL or token changed while the file was fetched: this outcome is stale
        }
        boolean wasVerified = standing.domainVerifiedAt().isPresent();
        store.setDomain(
                handle,
                actor.organisationId(),
                issuerId,
                outcome.verified()
                        ? domain(
                                standing,
                                proof,
                                Optional.of(clock.instant()),
                                Optional.of(actor.name()))
                        : domain(standing, proof, Optional.empty(), Optional.empty()));
        String action =
                outcome.verified()
                        ? "issuer.domain.verified"
                        : wasVerified ? "issuer.domain.unverified" : "issuer.domain.check-failed";
        record(handle, actor.organisationId(), actor.name(), action, issuerId, outcome.message());
    }

    private static IssuerStanding domain(
            IssuerStanding standing,
            DomainProof proof,
            Optional<Instant> verifiedAt,
            Optional<String> verifiedBy) {
        return new IssuerStanding(
                standing.vettedAt(),
                standing.vettedBy(),
                Optional.of(proof.host()),
                Optional.of(proof.token()),
                verifiedAt,
                verifiedBy);
    }

    private static String domainOf(IssuerProfile issuer) {
        return issuer.details()
                .url()
                .map(DomainProof::hostOf)
                .orElseThrow(
                        () ->
                                AppException.invalid(
                                        "url: give the issuer's web site address first; its"
                                                + " domain is what gets verified"));
    }

    private String newToken() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private IssuerProfile require(Handle handle, Actor actor, UUID issuerId) {
        return store.find(handle, actor.organisationId(), issuerId, host::issuerDid)
                .orElseThrow(() -> AppException.notFound("Issuer"));
    }

    private IssuerStanding standing(Handle handle, Actor actor, UUID issuerId) {
        return store.standing(handle, actor.organisationId(), issuerId)
                .orElseThrow(() -> AppException.notFound("Issuer"));
    }

    private void record(
            Handle handle,
            UUID organisationId,
            String actorName,
            String action,
            UUID issuerId,
            String detail) {
        audit.append(
                handle,
                organisationId,
                clock.instant(),
                actorName,
                action,
                issuerId.toString(),
                detail);
    }
}
