package org.credence.app.wallet;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CLR 2.0 transcript kept in a learner's wallet.
 *
 * @param id the transcript's id in the wallet
 * @param name the transcript's {@code name} (e.g. "Learner record of Ada")
 * @param credentialCount how many credentials it holds
 * @param createdAt when the platform signed it
 * @param document the signed {@code ClrCredential} as JSON text, exactly as signed
 */
public record WalletTranscript(
        UUID id, String name, int credentialCount, Instant createdAt, String document) {

    public WalletTranscript {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(document, "document");
    }

    /** The file name it downloads as. */
    public String fileName() {
        return "transcript-" + id + ".json";
    }
}
