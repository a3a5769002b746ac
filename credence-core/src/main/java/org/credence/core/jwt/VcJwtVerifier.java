package org.credence.core.jwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSObject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.did.VerificationMethodResolver;
import org.credence.core.json.InputException;
import org.credence.core.json.JsonInput;
import org.credence.core.json.Jsons;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;

/**
 * Verifies a VC-JWT (compact JWS; EdDSA, ES256 or RS256) and reports named checks, never throwing
 * for a bad token:
 *
 * <ul>
 *   <li>SYNTAX — the JWS and its JSON payload decode, and carry a credential ({@code vc} claim, or
 *       the payload itself when {@code typ} is {@code vc+jwt});
 *   <li>PROOF — the key from {@code kid} (absolute, or relative to {@code iss}) resolved through
 *       the {@link VerificationMethodResolver}, else from a {@code jwk} header, verifies the
 *       signature; resolution problems are "could not check" with the resolver's error code;
 *   <li>JWT_CLAIMS — {@code iss}, {@code sub}, {@code jti}, {@code nbf}, {@code exp} match the
 *       credential, and the JWT is neither expired nor not yet valid at the clock's time;
 *   <li>VALIDITY — the credential's own validFrom/validUntil at the clock's time.
 * </ul>
 *
 * Issuer-key binding (the key's controller equals the issuer) is left to the caller, which has the
 * issuer policy; the method is in the result. Immutable, thread-safe if the resolver is.
 */
public final class VcJwtVerifier {

    private static final JOSEObjectType VC_JWT = new JOSEObjectType("vc+jwt");
    private static final JOSEObjectType VC_LD_JWT = new JOSEObjectType("vc+ld+jwt");

    private final JoseKeys keys;
    private final Clock clock;

    public VcJwtVerifier(VerificationMethodResolver resolver, Clock clock) {
        this.keys = new JoseKeys(Objects.requireNonNull(resolver, "resolver"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public JwtVerification verify(String compact) {
        JWSObject jws;
        JsonObject payload;
        try {
            jws = JWSObject.parse(Objects.requireNonNullElse(compact, "").strip());
            payload = parseObject(jws.getPayload().toString());
        } catch (ParseException | JsonException | IllegalStateException e) {
            return syntaxFailure("MALFORMED_JWS", "not a compact JWS with a JSON object payload");
        }
        List<Check> checks = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        JwtForm form = formOf(jws, payload);
        JsonObject credential = credentialOf(form, payload).orElse(null);
        checks.add(
                credential == null
                        ? Check.failed(CheckName.SYNTAX, "NO_CREDENTIAL", "the JWT has no vc claim")
                        : Check.passed(CheckName.SYNTAX, "a " + form + " VC-JWT"));
        String issuer = payload.get("iss") instanceof JsonString s ? s.getString() : null;
        JoseKeys.Outcome proof = keys.checkSignature(jws, issuer);
        checks.add(proof.check());
        if (credential != null) {
            Instant now = clock.instant();
            JwtClaimRules.Result claims = JwtClaimRules.bindings(payload, credential, now);
            JwtClaimRules.Result validity = JwtClaimRules.validity(credential, now);
            checks.add(claims.check());
            checks.add(validity.check());
            failures.addAll(claims.failures());
            failures.addAll(validity.failures());
        }
        return new JwtVerification(credential, form, proof.method(), checks, failures);
    }

    private static JwtForm formOf(JWSObject jws, JsonObject payload) {
        if (payload.get("vc") instanceof JsonObject) {
            return JwtForm.VC_CLAIM;
        }
        JOSEObjectType typ = jws.getHeader().getType();
        if (VC_JWT.equals(typ) || VC_LD_JWT.equals(typ)) {
            return JwtForm.VC_JOSE_COSE;
        }
        // Seen in the wild (1EdTech validator samples): no typ, the credential itself as the
        // payload, with JWT claims added beside it.
        return payload.containsKey("@context") && payload.containsKey("type")
                ? JwtForm.CREDENTIAL_PAYLOAD
                : JwtForm.VC_CLAIM;
    }

    private static Optional<JsonObject> credentialOf(JwtForm form, JsonObject payload) {
        return switch (form) {
            case VC_JOSE_COSE -> Optional.of(payload);
            case CREDENTIAL_PAYLOAD -> Optional.of(withoutJwtClaims(payload));
            case VC_CLAIM ->
                    payload.get("vc") instanceof JsonObject vc ? Optional.of(vc) : Optional.empty();
        };
    }

    /** The registered JWT claims (RFC 7519 §4.1) are the envelope's, not the credential's. */
    private static JsonObject withoutJwtClaims(JsonObject payload) {
        var credential = Jsons.PROVIDER.createObjectBuilder(payload);
        for (String claim : List.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti")) {
            credential.remove(claim);
        }
        return credential.build();
    }

    /** The payload through the one untrusted-JSON reader (its depth and duplicate-key limits). */
    private static JsonObject parseObject(String json) {
        try {
            return JsonInput.DEFAULT.parseObject(json);
        } catch (InputException e) {
            throw new JsonException(e.getMessage(), e);
        }
    }

    private static JwtVerification syntaxFailure(String code, String message) {
        return new JwtVerification(
                null,
                null,
                null,
                List.of(Check.failed(CheckName.SYNTAX, code, message)),
                List.of());
    }
}
