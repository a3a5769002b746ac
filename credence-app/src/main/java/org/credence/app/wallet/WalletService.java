package org.credence.app.wallet;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.db.Database;
import org.credence.app.delivery.ClaimLink;
import org.credence.app.delivery.DeliveryService;
import org.credence.app.verification.VerificationService;
import org.credence.core.bake.BadgeBaker;
import org.credence.core.bake.BakingException;
import org.credence.core.json.JsonValues;
import org.credence.core.verify.Assurance;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.jdbi.v3.core.Jdbi;

/**
 * A learner's wallet: claiming credentials issued here into it, importing credentials from
 * elsewhere, listing everything with its current verification, and the skills summary.
 *
 * <p>Every credential is verified again each time it is shown ({@link VerificationService}; status
 * lists are cached by the verifier, this installation's own read from the database), so a
 * revocation shows at once; only the verdict at import time is kept, for the record. Imports are
 * verified first: input that is not a credential, a presentation, or a credential whose signature
 * fails is refused; a credential that verifies (or fails only on status, dates or trust) is kept
 * with its verdict, and one that names none of the learner's verified identifiers is kept with a
 * warning and does not count in the skills summary. Baked images are kept as the credential they
 * carry.
 *
 * <p>Every method takes the learner's id from their session; nothing of another learner is ever
 * read. Thread-safe.
 */
public final class WalletService {

    private final Jdbi jdbi;
    private final Clock clock;
    private final DeliveryService delivery;
    private final IdentifierService identifiers;
    private final VerificationService verification;
    private final BadgeBaker baker = new BadgeBaker();
    private final WalletStore store = new WalletStore();
    private final LearnerStore learners = new LearnerStore();

    public WalletService(
            Database database,
            DeliveryService delivery,
            IdentifierService identifiers,
            VerificationService verification,
            Clock clock) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.identifiers = Objects.requireNonNull(identifiers, "identifiers");
        this.verification = Objects.requireNonNull(verification, "verification");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Claims the credential of a claim link into the learner's wallet. The claim is recorded as for
     * a claim without an account (the issuer sees it claimed). Only the link's first claim adds the
     * credential and, when the link was e-mailed to one of the learner's unverified addresses,
     * verifies that address (the link proves the mailbox). A link claimed before proves nothing (it
     * may have been forwarded, or read from a shared screen): claiming it again changes nothing for
     * the learner who holds the credential already, or whose verified address it was sent to (it is
     * in their wallet anyway), and is refused for anyone else, who must verify the address by its
     * e-mailed code instead.
     *
     * @return the credential's id
     * @throws AppException as {@link DeliveryService#claim}: unknown or expired links; {@link
     *     Problem#CONFLICT} for a link claimed before by someone else
     */
    public UUID claim(UUID learnerId, String claimToken) {
        return jdbi.inTransaction(
                handle -> {
                    ClaimLink before = delivery.claim(handle, claimToken);
                    UUID credentialId = before.credentialId();
                    if (before.claimedAt().isEmpty()) {
                        store.addIssued(handle, learnerId, credentialId, clock.instant());
                        identifiers.verifyByClaimLink(handle, learnerId, before);
                        return credentialId;
                    }
                    String address = before.email().strip().toLowerCase(Locale.ROOT);
                    if (store.hasIssued(handle, learnerId, credentialId)
                            || learners.verifiedEmails(handle, learnerId).contains(address)) {
                        return credentialId;
                    }
                    throw new AppException(
                            Problem.CONFLICT,
                            "This claim link has been used already. If it was sent to you, add"
                                    + " that e-mail address to your wallet and verify it with the"
                                    + " code we e-mail: the credential then appears in your"
                                    + " wallet.");
                });
    }

    /** Every credential in the wallet, newest first, each verified now. */
    public List<WalletEntry> entries(UUID learnerId) {
        Stored stored = stored(learnerId);
        return stored.credentials().stream()
                .map(credential -> verified(credential, stored.identifiers()))
                .toList();
    }

    /** The wallet's rows and the learner's verified identifiers, read together. */
    private record Stored(List<StoredCredential> credentials, VerifiedIdentifiers identifiers) {}

    private Stored stored(UUID learnerId) {
        return jdbi.inTransaction(
                handle ->
                        new Stored(
                                store.entries(handle, learnerId),
                                learners.verified(handle, learnerId)));
    }

    /**
     * One credential of the wallet, verified now.
     *
     * @throws AppException {@link Problem#NOT_FOUND} when it is not in this learner's wallet
     */
    public WalletEntry entry(UUID learnerId, UUID id) {
        Stored stored = stored(learnerId);
        return stored.credentials().stream()
                .filter(credential -> credential.id().equals(id))
                .findFirst()
                .map(credential -> verified(credential, stored.identifiers()))
                .orElseThrow(() -> AppException.notFound("Credential"));
    }

    /**
     * The wallet's credentials among {@code ids}, in that order, each verified now; an id that is
     * not in this learner's wallet is left out. For collections and share links, which name
     * credentials by their wallet id.
     */
    public List<WalletEntry> entries(UUID learnerId, List<UUID> ids) {
        Stored stored = stored(learnerId);
        return ids.stream()
                .distinct()
                .flatMap(
                        id ->
                                stored.credentials().stream()
                                        .filter(credential -> credential.id().equals(id))
                                        .limit(1))
                .map(credential -> verified(credential, stored.identifiers()))
                .toList();
    }

    /** The skills, effort hours and credits of the wallet's credentials that count. */
    public SkillsSummary skills(UUID learnerId) {
        return SkillsSummary.of(entries(learnerId));
    }

    /**
     * Imports a credential file: JSON, a compact JWS (VC-JWT), or a baked PNG or SVG badge.
     *
     * @throws AppException {@link Problem#INVALID_INPUT} (field {@code file}) when it is not a
     *     credential or its signature fails
     */
    public WalletEntry importFile(UUID learnerId, byte[] content) {
        return importDocument(learnerId, content, Optional.empty(), "file");
    }

    /**
     * Imports the credential at a URL, fetched with the verifier's safe fetcher (an HTML page is
     * followed to the credential it links).
     *
     * @throws AppException {@link Problem#INVALID_INPUT} (field {@code url}) when it cannot be
     *     fetched, is not a credential, or its signature fails
     */
    public WalletEntry importUrl(UUID learnerId, String url) {
        VerificationService.Fetched fetched = verification.fetchDocument(url);
        byte[] content =
                fetched.document()
                        .orElseThrow(
                                () ->
                                        AppException.invalid(
                                                "url: "
                                                        + fetched.failure()
                                                                .checks()
                                                                .get(0)
                                                                .message()));
        return importDocument(learnerId, content, Optional.of(url.strip()), "url");
    }

    private WalletEntry importDocument(
            UUID learnerId, byte[] content, Optional<String> url, String field) {
        VerificationReport report = verification.verify(content, VerifyOptions.DEFAULT);
        JsonObject credential = requireCredential(report, field);
        String document = documentOf(content);
        StoredCredential imported =
                jdbi.inTransaction(
                        handle -> {
                            boolean addressed =
                                    RecipientMatch.names(
                                            credential, learners.verified(handle, learnerId));
                            StoredCredential row =
                                    new StoredCredential(
                                            UUID.randomUUID(),
                                            CredentialSource.IMPORTED,
                                            document,
                                            Optional.of(report.format()),
                                            url,
                                            Optional.of(Assurance.of(report).level().name()),
                                            addressed,
                                            Optional.empty(),
                                            clock.instant());
                            store.addImported(handle, learnerId, row);
                            return row;
                        });
        return new WalletEntry(
                imported.id(),
                CredentialSource.IMPORTED,
                CredentialFacts.of(credential),
                report,
                imported.addressed(),
                imported.importFormat(),
                url,
                imported.importVerdict(),
                Optional.empty(),
                document,
                imported.addedAt());
    }

    /** The credential the report read, or the refusal saying why there is none to keep. */
    private static JsonObject requireCredential(VerificationReport report, String field) {
        JsonObject credential =
                report.credential()
                        .orElseThrow(
                                () ->
                                        AppException.invalid(
                                                field
                                                        + ": this is not a credential we can read ("
                                                        + reason(report)
                                                        + ")"));
        List<String> types = JsonValues.strings(credential, "type");
        if (types.contains("VerifiablePresentation")) {
            throw AppException.invalid(
                    field + ": this is a presentation; import the credentials it holds one by one");
        }
        if (!types.contains("VerifiableCredential") && !types.contains("Assertion")) {
            throw AppException.invalid(field + ": this is not a verifiable credential");
        }
        if (report.check(CheckName.PROOF).filter(Check::isFailed).isPresent()) {
            // The finding first ("This credential was changed after it was issued …").
            throw AppException.invalid(
                    field
                            + ": "
                            + Assurance.of(report).title()
                            + ". Its signature does not verify, so it is not what its issuer"
                            + " signed ("
                            + report.check(CheckName.PROOF).get().message()
                            + ")");
        }
        return credential;
    }

    private static String reason(VerificationReport report) {
        return report.problems().stream()
                .findFirst()
                .map(Check::message)
                .orElse("no credential found");
    }

    /** The credential as text: a baked image's embedded credential, else the input itself. */
    private String documentOf(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8).strip();
        if (content.length > 0 && (content[0] == (byte) 0x89 || text.startsWith("<"))) {
            try {
                return baker.extract(content).credential();
            } catch (BakingException e) {
                throw AppException.invalid("file: the image carries no credential we can read");
            }
        }
        return text;
    }

    /**
     * Verifies a stored credential now. Whether an import names the learner is decided again too:
     * an address or DID verified after the import counts.
     */
    WalletEntry verified(StoredCredential stored, VerifiedIdentifiers identifiers) {
        VerificationReport report =
                verification.verify(
                        stored.document().getBytes(StandardCharsets.UTF_8), VerifyOptions.DEFAULT);
        CredentialFacts facts =
                report.credential()
                        .map(CredentialFacts::of)
                        .orElseGet(
                                () ->
                                        new CredentialFacts(
                                                "Unreadable credential",
                                                "Unknown issuer",
                                                Optional.empty(),
                                                Optional.empty(),
                                                List.of(),
                                                Optional.empty()));
        return new WalletEntry(
                stored.id(),
                stored.source(),
                facts,
                report,
                stored.source() == CredentialSource.ISSUED
                        || report.credential()
                                .map(json -> RecipientMatch.names(json, identifiers))
                                .orElse(stored.addressed()),
                stored.importFormat(),
                stored.sourceUrl(),
                stored.importVerdict(),
                stored.effortHours(),
                stored.document(),
                stored.addedAt());
    }

    /**
     * Who issued a wallet entry, as the wallet shows it beside the issuer's name: its verified
     * domain (for this installation's issuers) else its identifier, and whether the issuer trust
     * check confirmed it.
     */
    public java.util.Optional<org.credence.app.issuer.IssuerIdentity> issuerOf(WalletEntry entry) {
        return verification.issuerOf(entry.report());
    }
}
