package org.credence.app.exchange;

import java.util.Objects;
import org.credence.app.credential.CredentialDocument;

/**
 * What a VC-API exchange answers to a post: a request for DID authentication, or the credential.
 */
public sealed interface ExchangeStep {

    /**
     * A {@code verifiablePresentationRequest} for {@code DIDAuthentication}.
     *
     * @param challenge the challenge the presentation's proof must carry
     * @param domain the domain it must be bound to
     */
    record DidAuthRequest(String challenge, String domain) implements ExchangeStep {
        public DidAuthRequest {
            Objects.requireNonNull(challenge, "challenge");
            Objects.requireNonNull(domain, "domain");
        }
    }

    /**
     * The exchange is complete: the credential as issued, for the wallet to store.
     *
     * @param credential the signed credential
     * @param holderId who authenticated
     */
    record Delivered(CredentialDocument credential, String holderId) implements ExchangeStep {
        public Delivered {
            Objects.requireNonNull(credential, "credential");
            Objects.requireNonNull(holderId, "holderId");
        }
    }
}
