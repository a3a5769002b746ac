package org.credence.core.bake;

import java.util.Objects;

/**
 * A credential extracted from a baked badge image.
 *
 * @param format the image it came from
 * @param credential the credential text, stripped of surrounding white space
 */
public record BakedCredential(ImageFormat format, String credential) {

    public BakedCredential {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(credential, "credential");
    }

    /**
     * Whether the credential is JSON or a compact JWS.
     *
     * @throws BakingException {@link BakingError#INVALID_CREDENTIAL} if it is neither
     */
    public CredentialFormat credentialFormat() {
        return CredentialFormat.detect(credential);
    }
}
