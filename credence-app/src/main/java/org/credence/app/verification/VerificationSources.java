package org.credence.app.verification;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.verify.IssuerRegistry;

/**
 * What verification may consult beyond this installation's own documents.
 *
 * @param network the safe fetcher for other issuers' documents; empty: nothing is fetched (other
 *     issuers' did:web keys and status lists are "could not check")
 * @param registries the configured issuer registries, most authoritative first (this installation's
 *     own issuers are always known, ahead of them)
 */
public record VerificationSources(Optional<SafeFetcher> network, List<IssuerRegistry> registries) {

    /** No network and no registry: only this installation's own documents. */
    public static final VerificationSources LOCAL_ONLY =
            new VerificationSources(Optional.empty(), List.of());

    public VerificationSources {
        Objects.requireNonNull(network, "network");
        registries = List.copyOf(registries);
    }
}
