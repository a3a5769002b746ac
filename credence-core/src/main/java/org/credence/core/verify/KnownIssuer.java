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
 * @param notConfirmed empty when the registry vouches for the issuer; else why it does not, in
 *     plain words (e.g. an installation that hosts the issuer but has not vetted who runs it): the
 *     issuer trust check is then a warning, never "known"
 */
public record KnownIssuer(
        String id,
        String name,
        Optional<String> url,
        Optional<String> location,
        String registry,
        Optional<String> notConfirmed) {

    public KnownIssuer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(notConfirmed, "notConfirmed");
    }

    /** An issuer the registry vouches for. */
    public KnownIssuer(
            String id,
            String name,
            Optional<String> url,
            Optional<String> location,
            String registry) {
        this(id, name, url, location, registry, Optional.empty());
    }

    /** Whether the registry vouches for the issuer. */
    public boolean confirmed() {
        return notConfirmed.isEmpty();
    }
}
