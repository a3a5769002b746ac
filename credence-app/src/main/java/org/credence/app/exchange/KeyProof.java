package org.credence.app.exchange;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.credence.core.crypto.KeyFormatException;
import org.credence.core.crypto.KeyType;
import org.credence.core.crypto.VerificationKey;
import org.credence.core.did.DidKey;
import org.credence.core.did.ResolutionException;

/**
 * A verified OpenID4VCI {@code jwt} key proof (OID4VCI 1.0 Appendix F.1): header {@code typ} {@code
 * openid4vci-proof+jwt}, {@code alg} EdDSA or ES256, the key as a {@code did:key} {@code kid} or a
 * public {@code jwk} (not both); claims {@code aud} (the credential issuer), {@code iat} (recent)
 * and {@code nonce} (a {@code c_nonce}, checked for freshness by the caller, which owns the nonce
 * store).
 *
 * <p>Hand-written on nimbus's parser and Credence's own keys rather than a nimbus JWT processor:
 * the core's Ed25519 is Bouncy Castle and the key can come from a {@code did:key}, which nimbus
 * does not resolve.
 *
 * @param holderId the holder's key as a {@code did:key} (also when it came as a JWK)
 * @param nonce the proof's {@code nonce} claim
 */
record KeyProof(String holderId, String nonce) {

    static final String TYPE = "openid4vci-proof+jwt";
    private static final Duration PAST_SKEW = Duration.ofMinutes(5);
    private static final Duration FUTURE_SKEW = Duration.ofMinutes(1);

    KeyProof {
        Objects.requireNonNull(holderId, "holderId");
        Objects.requireNonNull(nonce, "nonce");
    }

    /**
     * Verifies the proof's signature and claims.
     *
     * @throws WalletProtocolException {@link WalletError#INVALID_PROOF} for anything wrong
     */
    static KeyProof verify(String jwt, String audience, Instant now) {
        JWSObject jws = parse(jwt);
        JWSHeader header = jws.getHeader();
        if (header.getType() == null || !TYPE.equals(header.getType().getType())) {
            throw invalid("typ must be " + TYPE);
        }
        VerificationKey key = key(header);
        KeyType expected =
                JWSAlgorithm.EdDSA.equals(header.getAlgorithm())
                        ? KeyType.ED25519
                        : JWSAlgorithm.ES256.equals(header.getAlgorithm()) ? KeyType.P256 : null;
        if (expected == null || key.type() != expected) {
            throw invalid("alg must be EdDSA or ES256 and match the key");
        }
        if (!key.verify(jws.getSigningInput(), jws.getSignature().decode())) {
            throw invalid("the signature does not verify");
        }
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        if (claims == null) {
            throw invalid("the payload is not a JSON object");
        }
        checkAudience(claims.get("aud"), audience);
        checkIssuedAt(claims.get("iat"), now);
        if (!(claims.get("nonce") instanceof String nonce)) {
            throw invalid("nonce is required: get a c_nonce from the nonce endpoint");
        }
        return new KeyProof(DidKey.did(key), nonce);
    }

    private static JWSObject parse(String jwt) {
        try {
            return JWSObject.parse(jwt);
        } catch (ParseException e) {
            throw invalid("not a compact JWS");
        }
    }

    private static VerificationKey key(JWSHeader header) {
        String kid = header.getKeyID();
        JWK jwk = header.getJWK();
        if ((kid == null) == (jwk == null)) {
            throw invalid("the header must carry exactly one of kid and jwk");
        }
        try {
            if (jwk != null) {
                if (jwk.isPrivate()) {
                    throw invalid("jwk must be a public key");
                }
                return VerificationKey.fromJwk(jwk);
            }
            if (!kid.startsWith("did:key:")) {
                throw invalid("kid must be a did:key");
            }
            int fragment = kid.indexOf('#');
            return DidKey.keyOf(fragment < 0 ? kid : kid.substring(0, fragment));
        } catch (KeyFormatException | ResolutionException e) {
            throw invalid("unusable key: " + e.getMessage());
        }
    }

    private static void checkAudience(Object aud, String audience) {
        boolean matches =
                audience.equals(aud) || (aud instanceof List<?> list && list.contains(audience));
        if (!matches) {
            throw invalid("aud must be the credential issuer " + audience);
        }
    }

    private static void checkIssuedAt(Object iat, Instant now) {
        if (!(iat instanceof Number seconds)) {
            throw invalid("iat is required");
        }
        Instant issued = Instant.ofEpochSecond(seconds.longValue());
        if (issued.isBefore(now.minus(PAST_SKEW)) || issued.isAfter(now.plus(FUTURE_SKEW))) {
            throw invalid("iat is not recent");
        }
    }

    private static WalletProtocolException invalid(String reason) {
        return new WalletProtocolException(WalletError.INVALID_PROOF, "key proof: " + reason);
    }
}
