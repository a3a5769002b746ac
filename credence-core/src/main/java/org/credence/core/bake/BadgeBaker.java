package org.credence.core.bake;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Bakes Open Badges 3.0 credentials into badge images and extracts them ("Baked badges": PNG {@code
 * iTXt} chunk {@code openbadgecredential}, SVG element {@code openbadges:credential}).
 *
 * <p>Images and credentials are untrusted input: every failure is a {@link BakingException} with a
 * {@link BakingError}. Credentials are limited to {@link #MAX_CREDENTIAL_BYTES}.
 *
 * <p>Stateless and thread-safe.
 */
public final class BadgeBaker {

    /**
     * 2 MB of UTF-8. Real credentials are a few KB (an OB 3.0 with an embedded image perhaps a few
     * hundred); the cap bounds what a hostile image can make a verifier hold and parse.
     */
    public static final int MAX_CREDENTIAL_BYTES = 2 * 1024 * 1024;

    /**
     * {@code png} with {@code credential} (a JSON credential or a compact JWS) in an {@code iTXt}
     * chunk before the first IDAT. An earlier baked credential is replaced, never duplicated.
     */
    public byte[] bakePng(byte[] png, String credential) {
        Objects.requireNonNull(png, "png");
        checkCredential(credential);
        if (!PngChunks.hasSignature(png)) {
            throw new BakingException(BakingError.NOT_AN_IMAGE, "the image is not a PNG");
        }
        return PngBaking.bake(png, credential.strip());
    }

    /**
     * {@code svg} with {@code credential} as the first child of its root: a JSON credential in
     * CDATA, a compact JWS in the {@code verify} attribute. An earlier baked credential is
     * replaced. The result starts with an XML declaration saying UTF-8: store it as UTF-8.
     */
    public String bakeSvg(String svg, String credential) {
        Objects.requireNonNull(svg, "svg");
        CredentialFormat format = checkCredential(credential);
        return SvgBaking.bake(svg, credential.strip(), format);
    }

    /**
     * The credential baked into a PNG (recognized by its signature) or an SVG (XML whose root is
     * {@code <svg>}).
     */
    public BakedCredential extract(byte[] image) {
        Objects.requireNonNull(image, "image");
        if (PngChunks.hasSignature(image)) {
            return PngBaking.extract(image);
        }
        if (looksLikeXml(image)) {
            return SvgBaking.extract(image);
        }
        throw new BakingException(
                BakingError.NOT_AN_IMAGE, "the image is neither a PNG nor an SVG");
    }

    private static CredentialFormat checkCredential(String credential) {
        Objects.requireNonNull(credential, "credential");
        if (credential.length() > MAX_CREDENTIAL_BYTES
                || credential.getBytes(StandardCharsets.UTF_8).length > MAX_CREDENTIAL_BYTES) {
            throw new BakingException(
                    BakingError.TOO_LARGE,
                    "the credential is larger than " + MAX_CREDENTIAL_BYTES + " bytes");
        }
        return CredentialFormat.detect(credential);
    }

    /** Starts with {@code <} after an optional UTF-8 byte order mark and white space. */
    private static boolean looksLikeXml(byte[] bytes) {
        int i = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb ? 3 : 0;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        return i < bytes.length && bytes[i] == '<';
    }
}
