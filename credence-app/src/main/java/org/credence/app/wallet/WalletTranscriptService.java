package org.credence.app.wallet;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.db.Database;
import org.credence.app.transcript.TranscriptService;
import org.credence.core.model.Recipient;
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
    private final WalletStore wallet = new WalletStore();
    private final LearnerStore learners = new LearnerStore();
    private final TranscriptStore store = new TranscriptStore();

    public WalletTranscriptService(Database database, TranscriptService transcripts, Clock clock) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.transcripts = Objects.requireNonNull(transcripts, "transcripts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The documents to bundle and who the transcript is of. */
    private record Selection(Recipient learner, List<String> documents) {}

    /**
     * Signs a transcript of these credentials of the learner's wallet (in the order given, each
     * once) and keeps it in the wallet.
     *
     * @throws AppException {@link Problem#INVALID_INPUT} when no credential is chosen, {@link
     *     Problem#NOT_FOUND} when one is not in this learner's wallet
     */
    public WalletTranscript create(UUID learnerId, List<UUID> credentialIds) {
        List<UUID> chosen = List.copyOf(new LinkedHashSet<>(credentialIds));
        if (chosen.isEmpty()) {
            throw AppException.invalid("credentials: choose at least one credential");
        }
        Selection selection =
                jdbi.inTransaction(
                        handle -> {
                            LearnerStore.Profile profile =
                                    learners.profile(handle, learnerId)
                                            .orElseThrow(() -> AppException.notFound("Learner"));
                            List<String> documents = new ArrayList<>();
                            for (UUID id : chosen) {
                                documents.add(
                                        wallet.entry(handle, learnerId, id)
                                                .orElseThrow(
                                                        () -> AppException.notFound("Credential"))
                                                .document());
                            }
                            return new Selection(
                                    Recipient.ofEmail(profile.email())
                                            .withName(profile.displayName()),
                                    documents);
                        });
        JsonObject signed = transcripts.transcript(selection.learner(), selection.documents());
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
