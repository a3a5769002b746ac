package org.credence.core.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.util.Objects;
import org.credence.core.crypto.SigningKey;
import org.credence.core.json.Jsons;

/**
 * Signs a presentation as a VP-JWT in the VC Data Model 1.1 JWT encoding: {@code typ: JWT}, {@code
 * kid}, payload {@code iss} (the holder), {@code nonce} (the verifier's challenge), {@code aud}
 * (the verifier's domain), {@code iat} and the presentation as the {@code vp} claim. Immutable,
 * thread-safe.
 */
public final class VpJwtSigner {

    private final Clock clock;

    public VpJwtSigner(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param presentation the unsigned presentation
     * @param key the holder's signing key
     * @param kid the verification method id for the header
     * @param holder the holder id ({@code iss})
     * @param challenge the verifier's challenge ({@code nonce})
     * @param domain the verifier's domain ({@code aud}), or {@code null}
     */
    public String sign(
            JsonObject presentation,
            SigningKey key,
            String kid,
            String holder,
            String challenge,
            String domain) {
        JsonObjectBuilder claims =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("iss", Objects.requireNonNull(holder, "holder"))
                        .add("nonce", Objects.requireNonNull(challenge, "challenge"))
                        .add("iat", clock.instant().getEpochSecond());
        if (domain != null) {
            claims.add("aud", domain);
        }
        claims.add("vp", Objects.requireNonNull(presentation, "presentation"));
        JWSHeader header =
                new JWSHeader.Builder(SigningKeyJwsSigner.algorithmOf(key.type()))
                        .type(JOSEObjectType.JWT)
                        .keyID(Objects.requireNonNull(kid, "kid"))
                        .build();
        JWSObject jws = new JWSObject(header, new Payload(claims.build().toString()));
        try {
            jws.sign(new SigningKeyJwsSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with a matching key cannot fail", e);
        }
        return jws.serialize();
    }
}
