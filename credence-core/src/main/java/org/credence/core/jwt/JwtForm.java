package org.credence.core.jwt;

/** How a JWT carries its credential. */
public enum JwtForm {
    /**
     * VC-JWT as in Open Badges 3.0 and VC Data Model 1.1: the credential is the {@code vc} claim.
     */
    VC_CLAIM,
    /** VC-JOSE-COSE ({@code typ: vc+jwt}): the JWT payload is the credential itself. */
    VC_JOSE_COSE,
    /**
     * No {@code typ} and no {@code vc} claim, but the payload is a credential with registered JWT
     * claims beside it (as some Open Badges 3.0 issuers and the 1EdTech samples do).
     */
    CREDENTIAL_PAYLOAD
}
