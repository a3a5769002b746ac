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
 * @param withStatus whether Credence adds its status entries (the default; {@code
 *     options.credentialStatus: false} asks for none, as VC 2.0 allows: such a credential can then
 *     be neither revoked nor suspended)
 */
public record ProvidedRequest(
        JsonObject credential,
        Optional<String> issuerId,
        Optional<String> credentialId,
        boolean withStatus) {

    public ProvidedRequest {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(credentialId, "credentialId");
    }

    /** A request for a credential with Credence's status entries. */
    public ProvidedRequest(
            JsonObject credential, Optional<String> issuerId, Optional<String> credentialId) {
        this(credential, issuerId, credentialId, true);
    }

    /** A credential signed by the issuer it names, without a caller's id. */
    public static ProvidedRequest of(JsonObject credential) {
        return new ProvidedRequest(credential, Optional.empty(), Optional.empty());
    }

    public ProvidedRequest withIssuerId(String issuerId) {
        return new ProvidedRequest(credential, Optional.of(issuerId), credentialId, withStatus);
    }

    /** The same request, for a credential without any {@code credentialStatus}. */
    public ProvidedRequest withoutStatus() {
        return new ProvidedRequest(credential, issuerId, credentialId, false);
    }
}
