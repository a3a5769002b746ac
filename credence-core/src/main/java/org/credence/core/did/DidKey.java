package org.credence.core.did;

import org.credence.core.crypto.KeyFormatException;
import org.credence.core.crypto.VerificationKey;

/** The {@code did:key} method: a DID that is its own public key. Stateless, thread-safe. */
public final class DidKey {

    static final String PREFIX = "did:key:";

    private DidKey() {}

    /** {@code did:key:} followed by the key's multibase, e.g. {@code did:key:z6Mk…}. */
    public static String did(VerificationKey key) {
        return PREFIX + key.multibase();
    }

    /** The DID's one verification method: {@code did:key:z6Mk…#z6Mk…}. */
    public static String verificationMethodId(VerificationKey key) {
        return did(key) + "#" + key.multibase();
    }

    /**
     * The key a {@code did:key} DID (without fragment) encodes.
     *
     * @throws ResolutionException {@link ResolutionError#INVALID_DID} if it is not one
     */
    public static VerificationKey keyOf(String did) throws ResolutionException {
        if (did == null || !did.startsWith(PREFIX) || did.indexOf('#') >= 0) {
            throw new ResolutionException(ResolutionError.INVALID_DID, "not a did:key DID: " + did);
        }
        try {
            return VerificationKey.fromMultibase(did.substring(PREFIX.length()));
        } catch (KeyFormatException e) {
            throw new ResolutionException(
                    ResolutionError.INVALID_DID, "did:key does not encode a supported key", e);
        }
    }
}
