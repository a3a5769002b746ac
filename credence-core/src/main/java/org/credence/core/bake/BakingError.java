package org.credence.core.bake;

/** Why an image could not be baked or a baked credential could not be extracted. */
public enum BakingError {
    /** Neither a PNG (by signature) nor an SVG (XML whose root is {@code <svg>}). */
    NOT_AN_IMAGE,
    /** A PNG whose chunk structure is broken: truncated, bad lengths, missing IHDR/IDAT/IEND. */
    MALFORMED_PNG,
    /** A PNG chunk whose CRC does not match its content. */
    CRC_MISMATCH,
    /**
     * XML that cannot be parsed, or an {@code openbadges:credential} element of the wrong shape.
     */
    MALFORMED_SVG,
    /** XML with an internal DTD subset (entity declarations) or entity references: refused. */
    UNSAFE_XML,
    /** The image carries no Open Badges 3.0 credential. */
    NO_CREDENTIAL,
    /** The image carries more than one credential; the spec allows one. */
    MULTIPLE_CREDENTIALS,
    /**
     * A compressed {@code openbadgecredential} iTXt chunk; the spec says compression MUST NOT be
     * used.
     */
    COMPRESSED_CREDENTIAL,
    /** The credential is larger than {@link BadgeBaker#MAX_CREDENTIAL_BYTES}. */
    TOO_LARGE,
    /** The credential text is neither a JSON object nor a compact JWS. */
    INVALID_CREDENTIAL
}
