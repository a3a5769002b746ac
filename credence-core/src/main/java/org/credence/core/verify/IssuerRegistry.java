package org.credence.core.verify;

import java.util.List;
import java.util.Optional;

/**
 * A list of issuers someone vouches for (a consortium registry, this installation's own issuers),
 * looked up by issuer id (a DID or URL). A verifier consults it after the cryptography: a known
 * issuer makes the {@link CheckName#ISSUER_TRUST} check pass, an unknown one is a warning, never a
 * failure. Implementations must be immutable and thread-safe.
 */
@FunctionalInterface
public interface IssuerRegistry {

    /** The entry for this issuer id, if the registry lists it. */
    Optional<KnownIssuer> lookup(String issuerId);

    /**
     * Consults the registries in order and answers with the first that vouches for the issuer
     * ({@link KnownIssuer#confirmed()}), else with the first that lists it without vouching: list
     * them from the most authoritative to the least (as the DCC registry client does). So an issuer
     * one registry merely lists and another vouches for is confirmed.
     */
    static IssuerRegistry firstOf(List<IssuerRegistry> registries) {
        List<IssuerRegistry> ordered = List.copyOf(registries);
        return issuerId -> {
            List<KnownIssuer> entries =
                    ordered.stream()
                            .map(registry -> registry.lookup(issuerId))
                            .flatMap(Optional::stream)
                            .toList();
            return entries.stream()
                    .filter(KnownIssuer::confirmed)
                    .findFirst()
                    .or(() -> entries.stream().findFirst());
        };
    }
}
