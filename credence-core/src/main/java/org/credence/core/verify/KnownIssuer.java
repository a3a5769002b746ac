package org.credence.core.verify;

import java.util.Objects;
import java.util.Optional;

/**
 * An issuer as a registry describes it.
 *
 * @param id the issuer id (DID or URL) as listed
 * @param name the issuer's name
 * @param url the issuer's web site, if listed
 * @param location where the issuer is, if listed (e.g. "Cambridge, MA, USA")
 * @param registry the name of the registry that lists it
 */
public record KnownIssuer(
        String id, String name, Optional<String> url, Optional<String> location, String registry) {

    public KnownIssuer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(registry, "registry");
    }
}
