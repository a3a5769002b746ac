package org.credence.app.wallet;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.db.Database;
import org.credence.app.transcript.TranscriptService;
import org.credence.core.model.Recipient;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * CLR 2.0 transcripts made from a wallet: the learner picks credentials of their own wallet (issued
 * here to a verified address, claimed, or imported by them), the platform signs a {@code
 * ClrCredential} holding each exactly as stored ({@link TranscriptService}), and the wallet keeps
 * it to be downloaded again. A credential id that is not in this learner's wallet is not found, so
 * another learner's credentials can never be bundled. Thread-safe.
 */
public final class WalletTranscriptService {

    private final Jdbi jdbi;
    private final TranscriptService transcripts;
    private final Clock clock;
    private final WalletService wallet;
    private final LearnerStore learners = new LearnerStore();
    private final TranscriptStore store = new TranscriptStore();

    public WalletTranscriptService(
            Database database, WalletService wallet, TranscriptService transcripts, Clock clock) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.transcripts = Objects.requireNonNull(transcripts, "transcripts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Signs a transcript of these credentials of the learner's wallet (in the order given, each
     * once) and keeps it in the wallet. The platform vouches for the transcript, so it holds only
     * credentials that name one of the learner's verified identifiers ({@link
     * WalletEntry#addressed()}), and names the learner by a verified identifier (the sign-up
     * address when verified, else another verified address, else a verified DID): an unverified
     * sign-up address, or an import issued to someone else, would have the platform sign a claim
     * nobody checked.
     *
     * @throws AppException {@link Problem#INVALID_INPUT} when no credential is chosen or one is not
     *     issued to the learner's verified identifiers, {@link Problem#NOT_FOUND} when one is not
     *     in this learner's wallet, {@link Problem#CONFLICT} when the learner has no verified
     *     identifier
     */
    public WalletTranscript create(UUID learnerId, List<UUID> credentialIds) {
        List<UUID> chosen = List.copyOf(new LinkedHashSet<>(credentialIds));
        if (chosen.isEmpty()) {
            throw AppException.invalid("credentials: choose at least one credential");
        }
        Recipient learner = jdbi.inTransaction(handle -> recipient(handle, learnerId));
        List<WalletEntry> entries = wallet.entries(learnerId, chosen);
        if (entries.size() != chosen.size()) {
            throw AppException.notFound("Credential");
        }
        List<String> documents = new ArrayList<>();
        for (WalletEntry entry : entries) {
            if (!entry.addressed()) {
                throw AppException.invalid(
                        "credentials: \""
                                + entry.facts().title()
                                + "\" is not issued to any of your verified identifiers, so it"
                                + " cannot go in a transcript");
            }
            documents.add(entry.document());
        }
        JsonObject signed = transcripts.transcript(learner, documents);
        WalletTranscript transcript =
                new WalletTranscript(
                        UUID.randomUUID(),
                        signed.getString("name", "Learner record"),
                        chosen.size(),
                        clock.instant(),
                        signed.toString());
        jdbi.useTransaction(handle -> store.insert(handle, learnerId, transcript));
        return transcript;
    }

    /** The learner as the transcript names them: by a verified identifier, with their name. */
    private Recipient recipient(Handle handle, UUID learnerId) {
        LearnerStore.Profile profile =
                learners.profile(handle, learnerId)
                        .orElseThrow(() -> AppException.notFound("Learner"));
        VerifiedIdentifiers verified = learners.verified(handle, learnerId);
        String signUp = profile.email().strip().toLowerCase(Locale.ROOT);
        Optional<String> email =
                verified.emails().contains(signUp)
                        ? Optional.of(signUp)
                        : verified.emails().stream().findFirst();
        Recipient recipient =
                email.map(Recipient::ofEmail)
                        .or(() -> verified.dids().stream().findFirst().map(Recipient::ofId))
                        .orElseThrow(
                                () ->
                                        new AppException(
                                                Problem.CONFLICT,
                                                "Verify an e-mail address or DID of yours first:"
                                                        + " a transcript names you by one"));
        return recipient.withName(profile.displayName());
    }

    /** The learner's transcripts, newest first. */
    public List<WalletTranscript> transcripts(UUID learnerId) {
        return jdbi.withHandle(handle -> store.list(handle, learnerId));
    }

    /**
     * One of the learner's transcripts.
     *
     * @throws AppException {@link Problem#NOT_FOUND} when it is not this learner's
     */
    public WalletTranscript transcript(UUID learnerId, UUID id) {
        return jdbi.withHandle(handle -> store.find(handle, learnerId, id))
                .orElseThrow(() -> AppException.notFound("Transcript"));
    }
}
