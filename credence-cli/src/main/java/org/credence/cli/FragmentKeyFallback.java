package org.credence.cli;

import java.util.Objects;
import org.credence.core.did.FragmentKeyResolver;
import org.credence.core.did.ResolutionException;
import org.credence.core.did.VerificationMethod;
import org.credence.core.did.VerificationMethodResolver;

/**
 * <strong>For offline test vectors only.</strong> Resolves through the real resolver first; when
 * that fails and the method looks like {@code <controller>#z…}, trusts the key written in the
 * fragment ({@link FragmentKeyResolver}). Nothing then proves the controller published that key:
 * anyone can sign as anyone. Immutable, thread-safe if the primary resolver is.
 */
final class FragmentKeyFallback implements VerificationMethodResolver {

    private final VerificationMethodResolver primary;
    private final FragmentKeyResolver fragmentKeys = new FragmentKeyResolver();

    FragmentKeyFallback(VerificationMethodResolver primary) {
        this.primary = Objects.requireNonNull(primary, "primary");
    }

    @Override
    public VerificationMethod resolve(String verificationMethodUrl) throws ResolutionException {
        try {
            return primary.resolve(verificationMethodUrl);
        } catch (ResolutionException primaryFailure) {
            int hash = verificationMethodUrl == null ? -1 : verificationMethodUrl.indexOf('#');
            if (hash <= 0 || !verificationMethodUrl.startsWith("z", hash + 1)) {
                throw primaryFailure;
            }
            try {
                return fragmentKeys.resolve(verificationMethodUrl);
            } catch (ResolutionException fragmentFailure) {
                primaryFailure.addSuppressed(fragmentFailure);
                throw primaryFailure;
            }
        }
    }
}
