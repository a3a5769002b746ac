package org.credence.app.credential;

import java.util.Objects;

/**
 * A stored credential exactly as signed.
 *
 * @param format JSON with a proof, or a compact JWS
 * @param text the JSON or the JWS
 */
public record CredentialDocument(SecuringFormat format, String text) {

    public CredentialDocument {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
    }

    /** The media type to serve it with. */
    public String mediaType() {
        return format == SecuringFormat.VC_JWT ? "application/vc+jwt" : "application/vc+ld+json";
    }
}
