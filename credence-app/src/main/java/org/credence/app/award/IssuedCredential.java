package org.credence.app.award;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.credence.app.credential.SecuringFormat;

/**
 * A credential as issued.
 *
 * @param id the public id
 * @param url the credential's id, {@code <base>/credentials/<id>}
 * @param format how it is secured
 * @param document the signed JSON or compact JWS, exactly as stored
 * @param issuedAt when it was issued
 * @param replayed true when an idempotency key returned a credential issued earlier
 */
public record IssuedCredential(
        UUID id,
        String url,
        SecuringFormat format,
        String document,
        Instant issuedAt,
        boolean replayed) {

    public IssuedCredential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
