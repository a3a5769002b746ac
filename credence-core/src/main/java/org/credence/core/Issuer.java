package org.credence.core;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.Objects;
import org.credence.core.crypto.KeyFile;
import org.credence.core.json.JsonValues;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.jwt.VcJwtSigner;
import org.credence.core.model.IssuingRules;
import org.credence.core.proof.DataIntegrity;
import org.credence.core.proof.ProofOptions;

/**
 * The front door for issuing: secures an unsigned credential with the issuer's key, as a Data
 * Integrity proof ({@code eddsa-rdfc-2022}) or as a VC-JWT.
 *
 * <p>The credential's issuer must be the key's controller, so that verifiers can bind the signature
 * to the issuer, and it must keep the VC Data Model MUSTs an issuer answers for ({@link
 * IssuingRules}: typed evidence, terms of use, schemas, status entries …, no empty subject, valid
 * dates), so that Credence never signs what the data model forbids. Immutable and thread-safe.
 */
public final class Issuer {

    private final DataIntegrity dataIntegrity;
    private final VcJwtSigner jwtSigner;
    private final KeyFile key;
    private final Clock clock;

    public Issuer(KeyFile key, Canonicalizer canonicalizer, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dataIntegrity = new DataIntegrity(canonicalizer);
        this.jwtSigner = new VcJwtSigner(clock);
    }

    /** An issuer over the bundled contexts and the system clock. */
    public static Issuer of(KeyFile key) {
        return new Issuer(key, Canonicalizer.standard(), Clock.systemUTC());
    }

    /** The issuer id credentials must carry: the key's controller. */
    public String issuerId() {
        return key.controller();
    }

    /**
     * Adds an {@code eddsa-rdfc-2022} proof.
     *
     * @throws IllegalArgumentException when the credential's issuer is not the key's controller
     * @throws org.credence.core.model.ModelException when it breaks an {@link IssuingRules} rule,
     *     naming the property
     * @throws org.credence.core.jsonld.JsonLdException when the credential is not valid JSON-LD
     *     under the pinned contexts (unknown context, undefined term …)
     */
    public JsonObject sign(JsonObject unsigned) {
        requireIssuer(unsigned);
        return dataIntegrity.sign(
                unsigned,
                key.signingKey(),
                ProofOptions.assertion(key.verificationMethodId(), clock.instant()));
    }

    /**
     * Secures the credential as an Open Badges 3.0 VC-JWT (compact JWS); refuses what {@link #sign}
     * refuses.
     */
    public String signJwt(JsonObject unsigned) {
        requireIssuer(unsigned);
        return jwtSigner.sign(unsigned, key.signingKey(), key.verificationMethodId());
    }

    private void requireIssuer(JsonObject unsigned) {
        IssuingRules.require(unsigned);
        String issuer = JsonValues.idOf(unsigned, "issuer").orElse("");
        if (!issuer.equals(key.controller())) {
            throw new IllegalArgumentException(
                    "The credential's issuer ("
                            + (issuer.isEmpty() ? "none" : issuer)
                            + ") is not the signing key's controller ("
                            + key.controller()
                            + "): verifiers would reject the signature");
        }
    }
}
