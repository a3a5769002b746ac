package org.credence.app.verification;

import java.util.Objects;
import java.util.Optional;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.IssuerService;
import org.credence.core.verify.IssuerRegistry;
import org.credence.core.verify.KnownIssuer;

/**
 * This installation's own issuers as a registry: the installation's DID ({@code did:web:<host>})
 * and every issuer published under it ({@code did:web:<host>:issuers:<slug>}) count as known,
 * whatever registries are configured. Thread-safe.
 */
public final class LocalIssuers implements IssuerRegistry {

    /** The registry name checks cite. */
    public static final String NAME = "issued by this Credence installation";

    private final IssuerService issuers;
    private final DidWebHost host;

    public LocalIssuers(IssuerService issuers, DidWebHost host) {
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.host = Objects.requireNonNull(host, "host");
    }

    @Override
    public Optional<KnownIssuer> lookup(String issuerId) {
        if (host.platformDid().equals(issuerId)) {
            return Optional.of(known(issuerId, host.baseUrl().getHost()));
        }
        String prefix = host.issuerDid("");
        if (issuerId == null || !issuerId.startsWith(prefix)) {
            return Optional.empty();
        }
        String slug = issuerId.substring(prefix.length());
        if (slug.isEmpty() || slug.contains(":")) {
            return Optional.empty();
        }
        return issuers.publicName(slug).map(name -> known(issuerId, name));
    }

    private KnownIssuer known(String id, String name) {
        return new KnownIssuer(id, name, Optional.of(host.base()), Optional.empty(), NAME);
    }
}
