package org.credence.app.delivery;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.audit.AuditStore;
import org.credence.app.award.AfterStore;
import org.credence.app.award.AwardService;
import org.credence.app.db.Database;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Invitation;
import org.credence.app.organization.InvitationMail;
import org.credence.app.organization.Role;
import org.credence.app.status.StatusChange;
import org.credence.app.status.StatusChangeListener;
import org.credence.app.status.StatusOutcome;
import org.credence.core.crypto.Digests;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Delivers credentials to their recipients by e-mail with a claim link, and tells issuers how
 * delivery went.
 *
 * <p>Issuing queues the e-mail in the issuer's transaction ({@link #queueCredentialEmail}); the
 * {@link OutboxSender} sends it later. The claim link carries a random token of which only the
 * SHA-256 is stored; tokens expire after {@code claimValidity}. A resend creates a new token and
 * leaves earlier ones valid (the learner may open either e-mail). Claiming is idempotent.
 *
 * <p>Immutable and thread-safe.
 */
public final class DeliveryService {

    private static final EmailTemplate CREDENTIAL_EMAIL = EmailTemplate.load("credential-email");
    private static final EmailTemplate IDENTIFIER_CODE = EmailTemplate.load("identifier-code");
    private static final EmailTemplate INVITATION = EmailTemplate.load("invitation");
    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);
    private static final Map<StatusOutcome, EmailTemplate> STATUS_EMAILS =
            Map.of(
                    StatusOutcome.REVOKED, EmailTemplate.load("credential-revoked"),
                    StatusOutcome.SUSPENDED, EmailTemplate.load("credential-suspended"),
                    StatusOutcome.UNSUSPENDED, EmailTemplate.load("credential-unsuspended"));
    private static final int TOKEN_BYTES = 32;

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration claimValidity;
    private final ClaimStore claims = new ClaimStore();
    private final OutboxStore outbox = new OutboxStore();
    private final AuditStore audit = new AuditStore();

    public DeliveryService(
            Database database, Clock clock, SecureRandom random, Duration claimValidity) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.claimValidity = Objects.requireNonNull(claimValidity, "claimValidity");
        if (claimValidity.isNegative() || claimValidity.isZero()) {
            throw new IllegalArgumentException("claimValidity must be positive");
        }
    }

    /**
     * Queues the e-mail announcing a credential, with a new claim link, inside the caller's
     * (issuing) transaction: the e-mail exists exactly when the credential does.
     *
     * @return the outbox id of the e-mail
     */
    public UUID queueCredentialEmail(Handle handle, CredentialEmail email) {
        Objects.requireNonNull(email, "email");
        claims.insertDelivery(handle, email, clock.instant());
        return queue(handle, email);
    }

    /**
     * Queues many credential e-mails in the caller's transaction, in JDBC batches (bulk issues):
     * the same rows as {@link #queueCredentialEmail} for each.
     */
    public void queueCredentialEmails(Handle handle, List<CredentialEmail> emails) {
        if (emails.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        claims.insertDeliveries(handle, emails, now);
        List<String> hashes = new ArrayList<>(emails.size());
        List<OutboxMessage> messages = new ArrayList<>(emails.size());
        for (CredentialEmail email : emails) {
            String token = newToken();
            hashes.add(hash(token));
            messages.add(message(email, token, now));
        }
        claims.insertTokens(handle, hashes, emails, now, now.plus(claimValidity));
        outbox.insertAll(handle, messages);
    }

    /**
     * The hook that queues a new credential's e-mail in its issuing transaction (for {@link
     * AwardService#issue(Actor, org.credence.app.award.IssueRequest, AfterStore)}). A recipient
     * without an e-mail address (a DID or URL) gets none.
     *
     * @param baseUrl the installation's public URL, for the claim link
     */
    public AfterStore emailOnIssue(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        return (handle, award) ->
                award.recipient()
                        .email()
                        .ifPresent(
                                address ->
                                        queueCredentialEmail(
                                                handle,
                                                new CredentialEmail(
                                                        award.organisationId(),
                                                        award.credentialId(),
                                                        address,
                                                        award.recipient().name().orElse(address),
                                                        award.achievementName(),
                                                        award.issuerName(),
                                                        baseUrl)));
    }

    /**
     * The hook that tells a credential's recipient by e-mail, in the status change's transaction,
     * that its issuer revoked or suspended it (with the issuer's reason, public or not: the
     * recipient is always told) or lifted the suspension (for {@link
     * org.credence.app.status.StatusListService}). A recipient without an e-mail address gets none.
     * The e-mail links to the credential's public page, never to a claim link.
     *
     * @param baseUrl the installation's public URL
     */
    public StatusChangeListener emailOnStatusChange(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return (handle, change) ->
                claims.statusRecipient(handle, change.organisationId(), change.credentialId())
                        .ifPresent(recipient -> queueStatusEmail(handle, change, recipient, base));
    }

    private void queueStatusEmail(
            Handle handle,
            StatusChange change,
            ClaimStore.StatusRecipient recipient,
            String baseUrl) {
        String reason =
                change.reason().text().isEmpty()
                        ? "No reason was given."
                        : "The reason "
                                + recipient.issuerName()
                                + " gave: "
                                + change.reason().text();
        EmailTemplate.RenderedEmail rendered =
                STATUS_EMAILS
                        .get(change.outcome())
                        .render(
                                Map.of(
                                        "recipientName",
                                        recipient.name().orElse(recipient.email()),
                                        "achievementName",
                                        recipient.achievementName(),
                                        "issuerName",
                                        recipient.issuerName(),
                                        "reason",
                                        reason,
                                        "pageUrl",
                                        baseUrl + "/credentials/" + change.credentialId()));
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        outbox.insert(
                handle,
                new OutboxMessage(
                        id,
                        Optional.of(change.organisationId()),
                        Optional.of(change.credentialId()),
                        new EmailMessage(
                                id,
                                recipient.email(),
                                rendered.subject(),
                                rendered.text(),
                                rendered.html()),
                        OutboxState.QUEUED,
                        0,
                        now,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        now));
    }

    /**
     * Sends the credential's e-mail again with a new claim link. Issuers and owners.
     *
     * @return the outbox id of the new e-mail
     * @throws AppException {@link Problem#NOT_FOUND} when the organisation has no e-mail for it,
     *     {@link Problem#CONFLICT} when the credential is revoked or suspended (there is nothing to
     *     claim)
     */
    public UUID resend(Actor actor, UUID credentialId) {
        actor.require(Role.ISSUER);
        return jdbi.inTransaction(
                handle -> {
                    CredentialEmail email =
                            claims.findDelivery(handle, actor.organisationId(), credentialId)
                                    .orElseThrow(() -> AppException.notFound("Credential e-mail"));
                    refuseWithdrawn(
                            handle,
                            credentialId,
                            "its e-mail cannot be sent again: there is nothing to claim");
                    UUID outboxId = queue(handle, email);
                    audit.append(
                            handle,
                            actor.organisationId(),
                            clock.instant(),
                            actor.name(),
                            "credential.email.resent",
                            credentialId.toString(),
                            "to " + email.email());
                    return outboxId;
                });
    }

    /**
     * Claims a credential with the token of a claim link. No actor: the link is the proof. Claiming
     * again with a claimed token answers the same credential, even after expiry.
     *
     * @return the claimed credential's id
     * @throws AppException {@link Problem#NOT_FOUND} for an unknown token, {@link Problem#CONFLICT}
     *     for an expired one, or for a credential that is revoked or suspended
     */
    public UUID claim(String token) {
        Objects.requireNonNull(token, "token");
        return jdbi.inTransaction(handle -> claim(handle, token)).credentialId();
    }

    /**
     * Claims as {@link #claim(String)}, in the caller's transaction, and answers the link as it
     * stood before: an empty {@link ClaimLink#claimedAt()} means this call made the first claim (a
     * claim racing this one and winning counts as an earlier claim). The wallet needs to know: only
     * the first claim proves the mailbox.
     *
     * @throws AppException as {@link #claim(String)}
     */
    public ClaimLink claim(Handle handle, String token) {
        Objects.requireNonNull(token, "token");
        String hash = hash(token);
        ClaimStore.ClaimToken claim =
                claims.findToken(handle, hash)
                        .orElseThrow(
                                () ->
                                        new AppException(
                                                Problem.NOT_FOUND, "This claim link is not valid"));
        refuseWithdrawn(
                handle, claim.credentialId(), "it can no longer be claimed or added to a wallet");
        ClaimLink before =
                new ClaimLink(
                        claim.credentialId(), claim.email(), claim.expiresAt(), claim.claimedAt());
        if (claim.claimedAt().isPresent()) {
            return before;
        }
        Instant now = clock.instant();
        if (!now.isBefore(claim.expiresAt())) {
            throw new AppException(
                    Problem.CONFLICT,
                    "This claim link expired on "
                            + DateTimeFormatter.ISO_LOCAL_DATE.format(
                                    claim.expiresAt().atOffset(java.time.ZoneOffset.UTC))
                            + "; ask the issuer to send a new one");
        }
        if (!claims.markClaimed(handle, hash, now)) {
            return new ClaimLink(
                    claim.credentialId(), claim.email(), claim.expiresAt(), Optional.of(now));
        }
        audit.append(
                handle,
                claim.organisationId(),
                now,
                "recipient",
                "credential.claimed",
                claim.credentialId().toString(),
                "claim link used");
        return before;
    }

    /**
     * What a claim link stands for, without claiming: pages show the credential first and claim on
     * the earner's explicit action. No actor: the link is the proof.
     *
     * @throws AppException {@link Problem#NOT_FOUND} for an unknown token
     */
    public ClaimLink claimLink(String token) {
        Objects.requireNonNull(token, "token");
        return jdbi.withHandle(handle -> claims.findToken(handle, hash(token)))
                .map(
                        claim ->
                                new ClaimLink(
                                        claim.credentialId(),
                                        claim.email(),
                                        claim.expiresAt(),
                                        claim.claimedAt()))
                .orElseThrow(
                        () -> new AppException(Problem.NOT_FOUND, "This claim link is not valid"));
    }

    /**
     * Records that an e-mail bounced, from a bounce report (its Message-ID) or an operator (its
     * outbox id). Marking it again is harmless.
     *
     * @throws AppException {@link Problem#NOT_FOUND} when no e-mail has that id
     */
    public void markBounced(String messageIdOrOutboxId, String reason) {
        markBounced(Optional.empty(), messageIdOrOutboxId, reason);
    }

    /**
     * Records a bounce that the organisation's mail system reports, by Message-ID, for its own
     * e-mails only (e.g. a webhook adapter for a mail provider). Issuer role.
     *
     * @throws AppException {@link Problem#NOT_FOUND} when the organisation sent no e-mail with that
     *     id
     */
    public void markBounced(Actor actor, String messageIdOrOutboxId, String reason) {
        actor.require(Role.ISSUER);
        markBounced(Optional.of(actor.organisationId()), messageIdOrOutboxId, reason);
    }

    /**
     * Records the bounce in a delivery status notification (RFC 3464, the message a mail server
     * returns to the sender), piped from the organisation's bounce mailbox. Only permanent failures
     * mark the e-mail bounced; a delay report is acknowledged and changes nothing. Issuer role.
     *
     * @throws AppException {@link Problem#INVALID_INPUT} for a message that is not a delivery
     *     status notification, {@link Problem#NOT_FOUND} when the organisation sent no such e-mail
     */
    public BounceReport recordBounce(Actor actor, byte[] notification) {
        actor.require(Role.ISSUER);
        BounceReport report = DeliveryStatusNotifications.read(notification);
        if (report.permanent()) {
            markBounced(actor, report.messageId(), report.reason());
        }
        return report;
    }

    private void markBounced(
            Optional<UUID> organisationId, String messageIdOrOutboxId, String reason) {
        Objects.requireNonNull(messageIdOrOutboxId, "messageIdOrOutboxId");
        Objects.requireNonNull(reason, "reason");
        jdbi.useTransaction(
                handle -> {
                    OutboxMessage message =
                            outbox.findByReference(
                                            handle,
                                            outboxId(messageIdOrOutboxId),
                                            messageIdOrOutboxId.strip())
                                    .filter(
                                            found ->
                                                    organisationId.isEmpty()
                                                            || organisationId.equals(
                                                                    found.organisationId()))
                                    .orElseThrow(() -> AppException.notFound("E-mail"));
                    if (message.state() == OutboxState.BOUNCED) {
                        return;
                    }
                    outbox.markBounced(handle, message.id(), reason);
                    if (message.organisationId().isEmpty()) {
                        return; // an installation e-mail (a learner's code): no organisation audit
                    }
                    audit.append(
                            handle,
                            message.organisationId().get(),
                            clock.instant(),
                            "system",
                            "credential.email.bounced",
                            message.credentialId()
                                    .map(UUID::toString)
                                    .orElse(message.id().toString()),
                            message.email().to() + ": " + reason);
                });
    }

    /** A credential's delivery. Any member. */
    public CredentialDelivery delivery(Actor actor, UUID credentialId) {
        actor.require(Role.VIEWER);
        return jdbi.withHandle(
                handle -> {
                    CredentialEmail email =
                            claims.findDelivery(handle, actor.organisationId(), credentialId)
                                    .orElseThrow(() -> AppException.notFound("Credential e-mail"));
                    List<OutboxMessage> messages =
                            outbox.forCredential(handle, actor.organisationId(), credentialId);
                    Optional<Instant> claimedAt = claims.firstClaim(handle, credentialId);
                    Optional<OutboxMessage> latest = messages.stream().findFirst();
                    DeliveryState state =
                            new ClaimStore.CredentialProgress(
                                            credentialId,
                                            claimedAt.isPresent(),
                                            latest.map(OutboxMessage::state))
                                    .state();
                    return new CredentialDelivery(
                            credentialId,
                            state,
                            email.email(),
                            messages.size(),
                            messages.stream()
                                    .flatMap(message -> message.sentAt().stream())
                                    .max(Instant::compareTo),
                            claimedAt,
                            latest.flatMap(OutboxMessage::lastError));
                });
    }

    /** Every e-mail queued for the credential, newest first: its delivery history. Any member. */
    public List<OutboxMessage> emails(Actor actor, UUID credentialId) {
        actor.require(Role.VIEWER);
        return jdbi.withHandle(
                handle -> outbox.forCredential(handle, actor.organisationId(), credentialId));
    }

    /**
     * The delivery state of each listed credential that was e-mailed; credentials of other
     * organisations and those never e-mailed are absent. Any member.
     */
    public Map<UUID, DeliveryState> states(Actor actor, Collection<UUID> credentialIds) {
        actor.require(Role.VIEWER);
        if (credentialIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, DeliveryState> states = new HashMap<>();
        jdbi.withHandle(
                        handle ->
                                claims.progressOf(
                                        handle,
                                        actor.organisationId(),
                                        List.copyOf(new LinkedHashSet<>(credentialIds))))
                .forEach(progress -> states.put(progress.credentialId(), progress.state()));
        return Map.copyOf(states);
    }

    /** How many of the organisation's credentials are in each delivery state. Any member. */
    public Map<DeliveryState, Long> counts(Actor actor) {
        actor.require(Role.VIEWER);
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        for (DeliveryState state : DeliveryState.values()) {
            counts.put(state, 0L);
        }
        jdbi.withHandle(handle -> claims.progress(handle, actor.organisationId()))
                .forEach(progress -> counts.merge(progress.state(), 1L, Long::sum));
        return counts;
    }

    /**
     * Credentials issued but not claimed: their e-mail was sent at least {@code olderThan} ago and
     * nobody claimed them (candidates for a reminder or a resend). Any member.
     */
    public List<UUID> unclaimed(Actor actor, Duration olderThan) {
        actor.require(Role.VIEWER);
        Instant cutoff = clock.instant().minus(olderThan);
        return jdbi.withHandle(handle -> claims.unclaimed(handle, actor.organisationId(), cutoff));
    }

    /**
     * Refuses with {@link Problem#CONFLICT} what a revoked or suspended credential no longer allows
     * (sending it to a wallet app from its claim link): "… by its issuer, so {@code consequence}".
     * No actor: callers hold the claim link.
     */
    public void refuseWithdrawn(UUID credentialId, String consequence) {
        Objects.requireNonNull(consequence, "consequence");
        jdbi.useHandle(handle -> refuseWithdrawn(handle, credentialId, consequence));
    }

    /** Refuses (409) what a revoked or suspended credential no longer allows. */
    private void refuseWithdrawn(Handle handle, UUID credentialId, String consequence) {
        switch (claims.withdrawal(handle, credentialId).orElse(ClaimStore.Withdrawal.NONE)) {
            case REVOKED ->
                    throw new AppException(
                            Problem.CONFLICT,
                            "This credential was revoked by its issuer, so " + consequence);
            case SUSPENDED ->
                    throw new AppException(
                            Problem.CONFLICT,
                            "This credential is suspended by its issuer, so "
                                    + consequence
                                    + " until the suspension is lifted");
            case NONE -> {}
        }
    }

    private UUID queue(Handle handle, CredentialEmail email) {
        Instant now = clock.instant();
        String token = newToken();
        claims.insertToken(handle, hash(token), email.credentialId(), now, now.plus(claimValidity));
        OutboxMessage message = message(email, token, now);
        outbox.insert(handle, message);
        return message.id();
    }

    private static OutboxMessage message(CredentialEmail email, String token, Instant now) {
        EmailTemplate.RenderedEmail rendered =
                CREDENTIAL_EMAIL.render(
                        Map.of(
                                "recipientName", email.recipientName(),
                                "achievementName", email.achievementName(),
                                "issuerName", email.issuerName(),
                                "claimUrl", email.claimUrl(token)));
        UUID id = UUID.randomUUID();
        return new OutboxMessage(
                id,
                Optional.of(email.organisationId()),
                Optional.of(email.credentialId()),
                new EmailMessage(
                        id, email.email(), rendered.subject(), rendered.text(), rendered.html()),
                OutboxState.QUEUED,
                0,
                now,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                now);
    }

    /**
     * Queues the e-mail with a learner's identifier verification code, in the caller's transaction.
     * It belongs to no organisation (the learner wallet is the installation's).
     *
     * @param validity how long the code works, said in the e-mail
     * @return the outbox id of the e-mail
     */
    public UUID queueIdentifierCode(Handle handle, String to, String code, Duration validity) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(code, "code");
        EmailTemplate.RenderedEmail rendered =
                IDENTIFIER_CODE.render(
                        Map.of("code", code, "minutes", Long.toString(validity.toMinutes())));
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        outbox.insert(
                handle,
                new OutboxMessage(
                        id,
                        Optional.empty(),
                        Optional.empty(),
                        new EmailMessage(
                                id, to, rendered.subject(), rendered.text(), rendered.html()),
                        OutboxState.QUEUED,
                        0,
                        now,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        now));
        return id;
    }

    /**
     * The hook that queues an invitation's e-mail, with its link, in the inviting transaction (for
     * {@link org.credence.app.organization.MemberService}).
     *
     * @param baseUrl the installation's public URL, for the link
     */
    public InvitationMail invitationMail(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        return (handle, invitation, token) -> {
            EmailTemplate.RenderedEmail rendered =
                    INVITATION.render(
                            Map.of(
                                    "inviter", invitation.invitedBy(),
                                    "organisationName", invitation.organisationName(),
                                    "role", invitation.role().value(),
                                    "acceptUrl", baseUrl + Invitation.path(token),
                                    "expiresAt", EXPIRY.format(invitation.expiresAt())));
            Instant now = clock.instant();
            UUID id = UUID.randomUUID();
            outbox.insert(
                    handle,
                    new OutboxMessage(
                            id,
                            Optional.of(invitation.organisationId()),
                            Optional.empty(),
                            new EmailMessage(
                                    id,
                                    invitation.email(),
                                    rendered.subject(),
                                    rendered.text(),
                                    rendered.html()),
                            OutboxState.QUEUED,
                            0,
                            now,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            now));
        };
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return Digests.sha256Hex(token);
    }

    private static Optional<UUID> outboxId(String reference) {
        try {
            return Optional.of(UUID.fromString(reference.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
