package org.credence.app.wallet;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A wallet's credential as stored, before it is verified again.
 *
 * @param id the credential's id for issued ones (the public id), the import's id for imports
 * @param source issued here or imported
 * @param document the credential as text: JSON or a compact JWS
 * @param importFormat how an import was read ({@code json}, {@code jwt}, {@code png}, {@code svg})
 * @param sourceUrl where an import was fetched from, if it was
 * @param importVerdict the verdict when it was imported
 * @param addressed whether it names one of the learner's verified identifiers
 * @param effortHours the achievement's effort hours (issued here only: Credence data, not signed)
 * @param addedAt when it was claimed or imported, or issued
 */
record StoredCredential(
        UUID id,
        CredentialSource source,
        String document,
        Optional<String> importFormat,
        Optional<String> sourceUrl,
        Optional<String> importVerdict,
        boolean addressed,
        Optional<BigDecimal> effortHours,
        Instant addedAt) {

    StoredCredential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(addedAt, "addedAt");
    }
}
