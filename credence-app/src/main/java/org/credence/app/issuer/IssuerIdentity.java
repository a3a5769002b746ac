package org.credence.app.issuer;

import java.util.Objects;
import java.util.Optional;

/**
 * What tells an issuer apart from another of the same name, for every page that names one: its
 * verified domain if it has one, else its identifier; and whether its identity is confirmed.
 *
 * @param name the name it gives itself (anyone can choose any name)
 * @param id its DID or URL
 * @param verifiedDomain the domain of its URL it proved to control, if any
 * @param confirmed whether an operator of this installation vetted it or a trust registry lists it
 */
public record IssuerIdentity(
        String name, String id, Optional<String> verifiedDomain, boolean confirmed) {

    public IssuerIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(verifiedDomain, "verifiedDomain");
    }

    /** One of this installation's issuers. */
    public static IssuerIdentity of(IssuerProfile issuer, IssuerStanding standing) {
        return new IssuerIdentity(
                issuer.name(), issuer.did(), standing.verifiedDomain(), standing.vetted());
    }

    /** "domain nursing.example.edu verified", else "identifier did:…". */
    public String distinction() {
        return verifiedDomain
                .map(domain -> "domain " + domain + " verified")
                .orElse("identifier " + id);
    }

    /** "confirmed issuer" or "not confirmed". */
    public String confirmation() {
        return confirmed ? "confirmed issuer" : "not confirmed";
    }

    /** The whole line: "School of Nursing — domain nursing.example.edu verified, not confirmed". */
    public String line() {
        return name + " — " + distinction() + ", " + confirmation();
    }
}
