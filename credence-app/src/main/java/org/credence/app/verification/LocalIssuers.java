package org.credence.app.verification;

import java.util.Objects;
import java.util.Optional;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.IssuerIdentity;
import org.credence.app.issuer.IssuerService;
import org.credence.core.verify.IssuerRegistry;
import org.credence.core.verify.KnownIssuer;

/**
 * This installation's own issuers as a registry. Being hosted here proves nothing about who runs an
 * issuer (anyone may sign up and take any name), so only the installation itself ({@code
 * did:web:<host>}) and issuers an operator vetted are confirmed; every other issuer of this
 * installation is listed as not confirmed (with its verified domain, if any), which the issuer
 * trust check shows as a warning, never as "known". Thread-safe.
 */
public final class LocalIssuers implements IssuerRegistry {

    /** The registry name checks cite for vetted issuers. */
    public static final String NAME = "vetted by the operator of this Credence installation";

    private final IssuerService issuers;
    private final DidWebHost host;

    public LocalIssuers(IssuerService issuers, DidWebHost host) {
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.host = Objects.requireNonNull(host, "host");
    }

    @Override
    public Optional<KnownIssuer> lookup(String issuerId) {
        if (host.platformDid().equals(issuerId)) {
            return Optional.of(
                    new KnownIssuer(
                            issuerId,
                            host.baseUrl().getHost(),
                            Optional.of(host.base()),
                            Optional.empty(),
                            "this Credence installation itself"));
        }
        return issuers.publicIdentity(issuerId).map(this::entry);
    }

    private KnownIssuer entry(IssuerIdentity issuer) {
        return new KnownIssuer(
                issuer.id(),
                issuer.name(),
                Optional.of(host.base()),
                Optional.empty(),
                NAME,
                issuer.confirmed() ? Optional.empty() : Optional.of(notConfirmed(issuer)));
    }

    /** Why a hosted issuer is not confirmed, in words the result page can show as they are. */
    static String notConfirmed(IssuerIdentity issuer) {
        return "is hosted on this Credence installation, but its operator has not confirmed who"
                + " runs it ("
                + issuer.verifiedDomain()
                        .map(domain -> "domain " + domain + " verified")
                        .orElse("its domain is not verified either")
                + ")";
    }
}
