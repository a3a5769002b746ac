package org.credence.core.did;

import org.credence.core.crypto.KeyFormatException;
import org.credence.core.crypto.VerificationKey;

/**
 * <strong>Test and offline-vector use only — never a production default.</strong> Resolves {@code
 * <anything>#z6Mk…} by trusting the key encoded in the fragment, with the part before {@code #} as
 * controller. Nothing is fetched, so nothing proves that the controller published that key: anyone
 * can sign as anyone. It exists because some public vectors (the 1EdTech validator's samples) use
 * verification methods on unreachable example hosts, which the 1EdTech validator checks the same
 * way. Immutable, thread-safe.
 */
public final class FragmentKeyResolver implements VerificationMethodResolver {

    @Override
    public VerificationMethod resolve(String verificationMethodUrl) throws ResolutionException {
        int hash = verificationMethodUrl == null ? -1 : verificationMethodUrl.indexOf('#');
        if (hash <= 0) {
            throw new ResolutionException(
                    ResolutionError.INVALID_DID,
                    "fragment key needs <controller>#<multibase key>: " + verificationMethodUrl);
        }
        try {
            VerificationKey key =
                    VerificationKey.fromMultibase(verificationMethodUrl.substring(hash + 1));
            return new VerificationMethod(
                    verificationMethodUrl, verificationMethodUrl.substring(0, hash), key);
        } catch (KeyFormatException e) {
            throw new ResolutionException(
                    ResolutionError.NOT_FOUND, "fragment is not a multibase public key", e);
        }
    }
}
