package org.credence.app.exchange;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A credential request (OID4VCI 1.0 §8.2) as read from its JSON.
 *
 * @param configurationId {@code credential_configuration_id}
 * @param proofJwts the {@code jwt} key proofs ({@code proofs.jwt}, or a draft-style {@code proof})
 */
public record CredentialRequest(Optional<String> configurationId, List<String> proofJwts) {

    public CredentialRequest {
        Objects.requireNonNull(configurationId, "configurationId");
        proofJwts = List.copyOf(proofJwts);
    }
}
