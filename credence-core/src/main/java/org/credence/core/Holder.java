package org.credence.core;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.Objects;
import org.credence.core.crypto.KeyFile;
import org.credence.core.json.JsonValues;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.jwt.VpJwtSigner;
import org.credence.core.proof.DataIntegrity;
import org.credence.core.proof.ProofOptions;

/**
 * The holder's front door: secures a presentation of credentials for a verifier, bound to the
 * verifier's {@code challenge} (and {@code domain}), as a Data Integrity {@code authentication}
 * proof ({@code eddsa-rdfc-2022}) or as a VP-JWT. What a wallet does when it presents.
 *
 * <p>The presentation's holder, when named, must be the key's controller, so that verifiers can
 * bind the signature to the holder. Immutable and thread-safe.
 */
public final class Holder {

    private final DataIntegrity dataIntegrity;
    private final VpJwtSigner jwtSigner;
    private final KeyFile key;
    private final Clock clock;

    public Holder(KeyFile key, Canonicalizer canonicalizer, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dataIntegrity = new DataIntegrity(canonicalizer);
        this.jwtSigner = new VpJwtSigner(clock);
    }

    /** A holder over the bundled contexts and the system clock. */
    public static Holder of(KeyFile key) {
        return new Holder(key, Canonicalizer.standard(), Clock.systemUTC());
    }

    /** The holder id presentations carry: the key's controller. */
    public String holderId() {
        return key.controller();
    }

    /**
     * Adds an {@code eddsa-rdfc-2022} {@code authentication} proof.
     *
     * @param challenge the verifier's challenge
     * @param domain the verifier's domain, or {@code null}
     * @throws IllegalArgumentException when the presentation names a holder that is not the key's
     *     controller
     * @throws org.credence.core.jsonld.JsonLdException when the presentation is not valid JSON-LD
     *     under the pinned contexts
     */
    public JsonObject sign(JsonObject presentation, String challenge, String domain) {
        requireHolder(presentation);
        return dataIntegrity.sign(
                presentation,
                key.signingKey(),
                ProofOptions.authentication(
                        key.verificationMethodId(), clock.instant(), challenge, domain));
    }

    /**
     * Secures the presentation as a VP-JWT (VC Data Model 1.1 JWT encoding: {@code vp} claim,
     * {@code nonce} the challenge, {@code aud} the domain).
     */
    public String signJwt(JsonObject presentation, String challenge, String domain) {
        requireHolder(presentation);
        return jwtSigner.sign(
                presentation,
                key.signingKey(),
                key.verificationMethodId(),
                key.controller(),
                challenge,
                domain);
    }

    private void requireHolder(JsonObject presentation) {
        String holder = JsonValues.idOf(presentation, "holder").orElse(key.controller());
        if (!holder.equals(key.controller())) {
            throw new IllegalArgumentException(
                    "The presentation's holder ("
                            + holder
                            + ") is not the signing key's controller ("
                            + key.controller()
                            + "): verifiers would reject the signature");
        }
    }
}
