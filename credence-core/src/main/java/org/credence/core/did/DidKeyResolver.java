package org.credence.core.did;

import org.credence.core.crypto.VerificationKey;

/**
 * Resolves {@code did:key:z…#z…} verification methods offline. The fragment must equal the key; the
 * controller is the DID. A bare {@code did:key:z…} (no fragment) is refused unless the resolver is
 * built with {@code allowBareDid} (the 1EdTech validator accepts it; lenient, off by default).
 * Immutable, thread-safe.
 */
public final class DidKeyResolver implements VerificationMethodResolver {

    private final boolean allowBareDid;

    /** A strict resolver: bare DIDs without a fragment are refused. */
    public DidKeyResolver() {
        this(false);
    }

    public DidKeyResolver(boolean allowBareDid) {
        this.allowBareDid = allowBareDid;
    }

    @Override
    public VerificationMethod resolve(String verificationMethodUrl) throws ResolutionException {
        if (verificationMethodUrl == null || !verificationMethodUrl.startsWith(DidKey.PREFIX)) {
            throw new ResolutionException(
                    ResolutionError.UNSUPPORTED_METHOD, "not a did:key: " + verificationMethodUrl);
        }
        int hash = verificationMethodUrl.indexOf('#');
        if (hash < 0) {
            return resolveBare(verificationMethodUrl);
        }
        String did = verificationMethodUrl.substring(0, hash);
        VerificationKey key = DidKey.keyOf(did);
        String fragment = verificationMethodUrl.substring(hash + 1);
        if (!fragment.equals(key.multibase())) {
            throw new ResolutionException(
                    ResolutionError.NOT_FOUND,
                    "did:key fragment must equal the key, was #" + fragment);
        }
        return new VerificationMethod(verificationMethodUrl, did, key);
    }

    private VerificationMethod resolveBare(String did) throws ResolutionException {
        if (!allowBareDid) {
            throw new ResolutionException(
                    ResolutionError.INVALID_DID,
                    "verification method must be a DID URL with a fragment, was the bare DID "
                            + did);
        }
        VerificationKey key = DidKey.keyOf(did);
        return new VerificationMethod(DidKey.verificationMethodId(key), did, key);
    }
}
