package org.credence.app.award;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to sign a whole unsigned credential a caller provides (the VC-API's {@code POST
 * /credentials/issue}).
 *
 * @param credential the unsigned credential
 * @param issuerId the signing issuer, by Credence id or DID ({@code options.issuerId}); empty to
 *     take the credential's {@code issuer}
 * @param credentialId the caller's name for the credential ({@code options.credentialId}), by which
 *     {@code POST /credentials/status} can find it later
 */
public record ProvidedRequest(
        JsonObject credential, Optional<String> issuerId, Optional<String> credentialId) {

    public ProvidedRequest {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(credentialId, "credentialId");
    }

    /** A credential signed by the issuer it names, without a caller's id. */
    public static ProvidedRequest of(JsonObject credential) {
        return new ProvidedRequest(credential, Optional.empty(), Optional.empty());
    }

    public ProvidedRequest withIssuerId(String issuerId) {
        return new ProvidedRequest(credential, Optional.of(issuerId), credentialId);
    }
}
