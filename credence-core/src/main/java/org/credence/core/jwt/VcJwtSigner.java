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
 * Signs a credential as an Open Badges 3.0 VC-JWT (compact JWS): header {@code alg} ({@code EdDSA}
 * or {@code ES256}), {@code typ: JWT} and {@code kid}; payload with the credential as the {@code
 * vc} claim and the registered claims bound to it: {@code iss} = issuer id, {@code sub} =
 * credentialSubject id (when present), {@code jti} = credential id (when present), {@code nbf} =
 * validFrom (or issuanceDate), {@code exp} = validUntil (or expirationDate) when present, {@code
 * iat} = now. The credential is embedded as given. Immutable, thread-safe.
 */
public final class VcJwtSigner {

    private final Clock clock;

    public VcJwtSigner(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param credential the unsigned credential; must have an issuer id
     * @param key the issuer's signing key
     * @param kid the verification method id to put in the header, e.g. {@code did:key:z6Mk…#z6Mk…}
     * @throws IllegalArgumentException if the credential has no issuer id or a date is not an XML
     *     Schema dateTime
     */
    public String sign(JsonObject credential, SigningKey key, String kid) {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kid, "kid");
        JWSHeader header =
                new JWSHeader.Builder(SigningKeyJwsSigner.algorithmOf(key.type()))
                        .type(JOSEObjectType.JWT)
                        .keyID(kid)
                        .build();
        JWSObject jws = new JWSObject(header, new Payload(claims(credential).toString()));
        try {
            jws.sign(new SigningKeyJwsSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with a matching key cannot fail", e);
        }
        return jws.serialize();
    }

    private JsonObject claims(JsonObject credential) {
        JsonObjectBuilder claims = Jsons.PROVIDER.createObjectBuilder();
        claims.add(
                "iss",
                CredentialFields.issuerId(credential)
                        .orElseThrow(
                                () -> new IllegalArgumentException("credential has no issuer id")));
        CredentialFields.subjectId(credential).ifPresent(sub -> claims.add("sub", sub));
        CredentialFields.id(credential).ifPresent(jti -> claims.add("jti", jti));
        CredentialFields.validFrom(credential).ifPresent(from -> claims.add("nbf", seconds(from)));
        CredentialFields.validUntil(credential)
                .ifPresent(until -> claims.add("exp", seconds(until)));
        claims.add("iat", clock.instant().getEpochSecond());
        claims.add("vc", credential);
        return claims.build();
    }

    private static long seconds(String dateTime) {
        return CredentialFields.instant(dateTime)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "not an XML Schema dateTime: " + dateTime))
                .getEpochSecond();
    }
}
