package org.credence.core.bake;

import java.util.Objects;

/**
 * A credential extracted from a baked badge image.
 *
 * @param format the image it came from
 * @param credential the credential text, stripped of surrounding white space: JSON or a compact
 *     JWS; for Open Badges 2.0 also the URL of a hosted assertion
 * @param version the Open Badges baking it was found in
 */
public record BakedCredential(ImageFormat format, String credential, BadgeVersion version) {

    public BakedCredential {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(version, "version");
    }

    /** An Open Badges 3.0 baked credential. */
    public BakedCredential(ImageFormat format, String credential) {
        this(format, credential, BadgeVersion.OPEN_BADGES_3);
    }

    /**
     * Whether the credential is JSON or a compact JWS.
     *
     * @throws BakingException {@link BakingError#INVALID_CREDENTIAL} if it is neither (as the URL
     *     of a hosted Open Badges 2.0 assertion is)
     */
    public CredentialFormat credentialFormat() {
        return CredentialFormat.detect(credential);
    }
}
