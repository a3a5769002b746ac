package org.credence.app.issuer;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How far this installation has confirmed who runs an issuer: vetted by an operator, and whether
 * the owner proved control of the domain of the issuer's URL.
 *
 * @param vettedAt when an operator marked it vetted (empty: not vetted)
 * @param vettedBy the operator's e-mail
 * @param domainHost the host a domain verification is for (the URL's host when it was asked)
 * @param domainToken the token to publish on that host
 * @param domainVerifiedAt when the server last found the token there (empty: not verified)
 * @param domainVerifiedBy who asked for that check
 */
public record IssuerStanding(
        Optional<Instant> vettedAt,
        Optional<String> vettedBy,
        Optional<String> domainHost,
        Optional<String> domainToken,
        Optional<Instant> domainVerifiedAt,
        Optional<String> domainVerifiedBy) {

    /** Nothing confirmed, nothing asked. */
    public static final IssuerStanding NONE =
            new IssuerStanding(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());

    public IssuerStanding {
        Objects.requireNonNull(vettedAt, "vettedAt");
        Objects.requireNonNull(vettedBy, "vettedBy");
        Objects.requireNonNull(domainHost, "domainHost");
        Objects.requireNonNull(domainToken, "domainToken");
        Objects.requireNonNull(domainVerifiedAt, "domainVerifiedAt");
        Objects.requireNonNull(domainVerifiedBy, "domainVerifiedBy");
    }

    /** Whether an operator vetted the issuer: then it passes issuer trust. */
    public boolean vetted() {
        return vettedAt.isPresent();
    }

    /** The verified domain, if the token was found on it. */
    public Optional<String> verifiedDomain() {
        return domainVerifiedAt.isPresent() ? domainHost : Optional.empty();
    }
}
