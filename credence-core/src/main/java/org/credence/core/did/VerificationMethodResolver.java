package org.credence.core.did;

/**
 * Resolves a verification method URL (a DID URL with a fragment, or an HTTPS URL) to its key and
 * controller. Implementations are immutable and thread-safe.
 */
public interface VerificationMethodResolver {

    /**
     * @param verificationMethodUrl the absolute verification method id
     * @throws ResolutionException with the reason when it cannot be resolved
     */
    VerificationMethod resolve(String verificationMethodUrl) throws ResolutionException;
}
