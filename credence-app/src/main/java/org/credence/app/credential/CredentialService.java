package org.credence.app.credential;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.achievement.CriteriaMarkdown;
import org.credence.app.audit.AuditStore;
import org.credence.app.db.Database;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.IssuerIdentity;
import org.credence.app.issuer.IssuerService;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.app.status.StatusListService;
import org.credence.app.verification.LocalDocuments;
import org.credence.core.Verifier;
import org.credence.core.bake.BadgeBaker;
import org.credence.core.did.CompositeResolver;
import org.credence.core.json.JsonInput;
import org.credence.core.model.Achievement;
import org.credence.core.model.Image;
import org.credence.core.model.OpenBadgeCredential;
import org.credence.core.model.Profile;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.jdbi.v3.core.Jdbi;

/**
 * Issued credentials as the world sees them: the public page's view, the signed document, baked
 * PNG/SVG badges and verification; and, for the organisation, a filtered list. Public reads take a
 * credential's id (knowing it is the permission, as for any shared link); the list takes an {@link
 * Actor} and is scoped to its organisation.
 *
 * <p>{@link #verify} runs the core {@link Verifier} with this installation's own did:web documents
 * and status lists read from the database, never the network, so a revoked credential verifies as
 * revoked at once. Immutable and thread-safe.
 */
public final class CredentialService {

    private final Jdbi jdbi;
    private final Clock clock;
    private final String baseUrl;
    private final Verifier verifier;
    private final IssuerService issuers;
    private final BadgeBaker baker = new BadgeBaker();
    private final CredentialStore store = new CredentialStore();
    private final AuditStore audit = new AuditStore();

    public CredentialService(
            Database database,
            IssuerService issuers,
            StatusListService status,
            DidWebHost host,
            Clock clock) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.baseUrl = host.base();
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        LocalDocuments documents = new LocalDocuments(issuers, status, host);
        this.verifier =
                Verifier.builder()
                        .resolver(CompositeResolver.standard(documents))
                        .fetcher(documents)
                        .registry(documents.knownIssuers())
                        .clock(clock)
                        .build();
    }

    /**
     * The stored credential exactly as signed, if there is one with this id: for "verify this URL"
     * of this installation's own pages. No actor: issued credentials are public.
     */
    public Optional<byte[]> signedDocument(UUID id) {
        return jdbi.withHandle(handle -> store.find(handle, id))
                .map(row -> row.document().getBytes(StandardCharsets.UTF_8));
    }

    /** What the public page of a credential shows; {@code NOT_FOUND} for an unknown id. */
    public PublicCredential publicView(UUID id) {
        CredentialRow row = require(id);
        JsonObject credential = credentialJson(row);
        Achievement achievement = OpenBadgeCredential.of(credential).achievement();
        Profile issuer = Profile.of(credential.getJsonObject("issuer"));
        Optional<String> criteria = achievement.criteria().narrative();
        return new PublicCredential(
                row.id(),
                baseUrl + "/credentials/" + row.id(),
                achievement.name(),
                achievement.description(),
                criteria,
                criteria.map(CriteriaMarkdown::toHtml).orElse(""),
                achievement.image().map(Image::id),
                achievement.alignments().stream()
                        .map(
                                alignment ->
                                        new PublicCredential.SkillView(
                                                alignment.targetName(),
                                                alignment.targetUrl(),
                                                alignment.targetFramework(),
                                                alignment.targetCode()))
                        .toList(),
                issuer.name().orElse(issuer.id()),
                issuer.url(),
                issuer.image().map(Image::id),
                row.showName() ? row.recipientName() : Optional.empty(),
                row.issuedAt(),
                row.validFrom(),
                row.validUntil(),
                CredentialState.of(row, clock.instant()),
                row.publicStatusReason(),
                row.format());
    }

    /**
     * What the recipient of a revoked or suspended credential is told on its claim page: the notice
     * with the issuer's reason, public or not (the claim link is the recipient's proof). Empty
     * while the credential is neither revoked nor suspended.
     *
     * @throws AppException {@code NOT_FOUND} for an unknown id
     */
    public Optional<StatusNotice> recipientNotice(UUID id) {
        return StatusNotice.of(require(id), clock.instant(), true);
    }

    /**
     * What a verification result may add about a credential it found revoked or suspended: the
     * notice of the credential issued here that {@code credential} is, with the issuer's reason
     * only when the issuer made it public. The status list carries one bit, so the reason is read
     * from this installation's records, and only for a credential with the same id, issuer and
     * status entries as the one issued here (so the bit that was read is that credential's). Empty
     * for anything else. No actor: public.
     */
    public Optional<StatusNotice> publicNotice(JsonObject credential) {
        Optional<UUID> id =
                credential.get("id") instanceof JsonString text
                        ? CredentialIds.ownId(text.getString(), baseUrl)
                        : Optional.empty();
        return id.flatMap(uuid -> jdbi.withHandle(handle -> store.find(handle, uuid)))
                .filter(row -> sameStatusEntries(credentialJson(row), credential))
                .flatMap(row -> StatusNotice.of(row, clock.instant(), false));
    }

    private static boolean sameStatusEntries(JsonObject issued, JsonObject verified) {
        JsonValue status = issued.get("credentialStatus");
        return status != null
                && status.equals(verified.get("credentialStatus"))
                && Objects.equals(issuerId(issued), issuerId(verified));
    }

    private static String issuerId(JsonObject credential) {
        JsonValue issuer = credential.get("issuer");
        if (issuer instanceof JsonString text) {
            return text.getString();
        }
        return issuer instanceof JsonObject object && object.get("id") instanceof JsonString text
                ? text.getString()
                : null;
    }

    /**
     * Who issued the credential, as its pages show it beside the issuer's name: the domain the
     * issuer verified, else its DID, and whether an operator vetted it. {@code NOT_FOUND} for an
     * unknown id. No actor: issued credentials are public.
     */
    public IssuerIdentity issuerOf(UUID id) {
        Profile issuer = Profile.of(credentialJson(require(id)).getJsonObject("issuer"));
        return issuers.publicIdentity(issuer.id())
                .orElse(
                        new IssuerIdentity(
                                issuer.name().orElse(issuer.id()),
                                issuer.id(),
                                Optional.empty(),
                                false));
    }

    /** The stored credential exactly as signed. */
    public CredentialDocument document(UUID id) {
        CredentialRow row = require(id);
        return new CredentialDocument(row.format(), row.document());
    }

    /** The credential baked into a PNG badge (the achievement's PNG, or a generated one). */
    public byte[] bakedPng(UUID id) {
        CredentialRow row = require(id);
        Achievement achievement = OpenBadgeCredential.of(credentialJson(row)).achievement();
        return baker.bakePng(
                BadgeImages.png(achievement.image().map(Image::id), achievement.name()),
                row.document());
    }

    /** The credential baked into an SVG badge (the achievement's SVG, or a generated one). */
    public String bakedSvg(UUID id) {
        CredentialRow row = require(id);
        Achievement achievement = OpenBadgeCredential.of(credentialJson(row)).achievement();
        return baker.bakeSvg(
                BadgeImages.svg(achievement.image().map(Image::id), achievement.name()),
                row.document());
    }

    /** The organisation's credentials, newest first, filtered and paged. Any member. */
    public CredentialPage list(Actor actor, CredentialQuery query) {
        actor.require(Role.VIEWER);
        Instant now = clock.instant();
        return jdbi.withHandle(
                handle -> {
                    List<CredentialSummary> items =
                            store.list(handle, actor.organisationId(), query, now).stream()
                                    .map(row -> summary(row, now))
                                    .toList();
                    long total = store.count(handle, actor.organisationId(), query, now);
                    return new CredentialPage(items, total, query.page(), query.pageSize());
                });
    }

    /**
     * One of the organisation's credentials. Any member.
     *
     * @throws AppException {@code NOT_FOUND} for another organisation's or an unknown id
     */
    public CredentialSummary get(Actor actor, UUID id) {
        actor.require(Role.VIEWER);
        return jdbi.withHandle(handle -> store.find(handle, actor.organisationId(), id))
                .map(row -> summary(row, clock.instant()))
                .orElseThrow(() -> AppException.notFound("Credential"));
    }

    /**
     * The public id of one of the organisation's credentials named by a caller (the VC-API's {@code
     * credentialId}): the id it was issued under when that was the caller's own (any URL, or {@code
     * options.credentialId}), else {@code <base>/credentials/<uuid>}, {@code urn:uuid:<uuid>} or
     * the bare UUID. Any member.
     *
     * @throws AppException {@code NOT_FOUND} when none of the organisation's credentials has it
     */
    public UUID idOf(Actor actor, String credentialId) {
        actor.require(Role.VIEWER);
        Optional<UUID> external =
                jdbi.withHandle(
                        handle ->
                                store.findByExternalId(
                                        handle, actor.organisationId(), credentialId));
        return external.or(() -> CredentialIds.ownIdOrUuid(credentialId, baseUrl))
                .orElseThrow(() -> AppException.notFound("Credential"));
    }

    /**
     * The earner's choice whether public pages show their name. {@code recipient} is the email
     * address or identifier the earner proved (by a claim link or signing in): the caller's job.
     *
     * @throws AppException {@code NOT_FOUND} unless the credential is that recipient's
     */
    public void setShowName(UUID id, String recipient, boolean show) {
        Objects.requireNonNull(recipient, "recipient");
        jdbi.useTransaction(
                handle -> {
                    CredentialRow row =
                            store.find(handle, id)
                                    .orElseThrow(() -> AppException.notFound("Credential"));
                    if (!store.setShowName(handle, id, recipient, show)) {
                        throw AppException.notFound("Credential");
                    }
                    audit.append(
                            handle,
                            row.organisationId(),
                            clock.instant(),
                            recipient.strip(),
                            show ? "credential.name_shown" : "credential.name_hidden",
                            id.toString(),
                            "");
                });
    }

    /** Verifies a stored credential as any verifier would, against the current status. */
    public VerificationReport verify(UUID id) {
        return verify(document(id).text().getBytes(StandardCharsets.UTF_8));
    }

    /** Verifies uploaded bytes: JSON, a compact JWS, or a baked PNG or SVG. */
    public VerificationReport verify(byte[] input) {
        return verifier.verify(input, VerifyOptions.DEFAULT);
    }

    private CredentialRow require(UUID id) {
        return jdbi.withHandle(handle -> store.find(handle, id))
                .orElseThrow(() -> AppException.notFound("Credential"));
    }

    private static CredentialSummary summary(CredentialRow row, Instant now) {
        return new CredentialSummary(
                row.id(),
                row.achievementId(),
                row.achievementVersion(),
                row.achievementName(),
                row.recipientEmail(),
                row.recipientIdentifier(),
                row.recipientName(),
                row.format(),
                row.issuedAt(),
                row.validUntil(),
                CredentialState.of(row, now),
                row.statusReason(),
                row.suspendable());
    }

    /** The credential JSON: the document itself, or a VC-JWT's payload (its {@code vc} claim). */
    private static JsonObject credentialJson(CredentialRow row) {
        if (row.format() == SecuringFormat.DATA_INTEGRITY) {
            return JsonInput.DEFAULT.parseObject(row.document());
        }
        String payload = row.document().split("\\.", -1)[1];
        JsonObject claims =
                JsonInput.DEFAULT.parseObject(
                        new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        return claims.getJsonObject("vc");
    }
}
