package org.credence.app.issuer;

import java.util.Locale;
import org.credence.app.AppException;

/**
 * How an issuer's identifier is made, chosen once when the issuer is created.
 *
 * <p>{@link #WEB}: {@code did:web:<host>:issuers:<slug>}, a DID document this installation serves;
 * keys can rotate (retired keys stay in the document). {@link #KEY}: {@code did:key:<public key>},
 * the Ed25519 key itself; verifiers need no network at all, but the key can never rotate (a new key
 * is a new identifier), and the identifier says nothing about who hosts it.
 */
public enum DidMethod {
    WEB("did:web"),
    KEY("did:key");

    private final String value;

    DidMethod(String value) {
        this.value = value;
    }

    /** {@code did:web} or {@code did:key}. */
    public String value() {
        return value;
    }

    /** The method of a DID this installation made. */
    public static DidMethod of(String did) {
        return did.startsWith("did:key:") ? KEY : WEB;
    }

    /**
     * Parses what a form or API sends: {@code did:web} / {@code web} or {@code did:key} / {@code
     * key}; blank means did:web.
     *
     * @throws AppException {@code INVALID_INPUT} (field {@code didMethod}) otherwise
     */
    public static DidMethod parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "web", "did:web" -> WEB;
            case "key", "did:key" -> KEY;
            default ->
                    throw AppException.invalid(
                            "didMethod: choose did:web or did:key, not " + value);
        };
    }
}
