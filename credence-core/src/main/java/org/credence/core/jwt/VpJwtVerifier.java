package org.credence.core.jwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSObject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.credence.core.did.VerificationMethodResolver;
import org.credence.core.json.InputException;
import org.credence.core.json.JsonInput;
import org.credence.core.json.JsonValues;
import org.credence.core.json.Jsons;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;

/**
 * Verifies a VP-JWT: the VC Data Model 1.1 JWT encoding (presentation in the {@code vp} claim,
 * {@code iss} the holder, {@code nonce} the challenge, {@code aud} the domain) or VC-JOSE-COSE
 * ({@code typ: vp+jwt}, the payload is the presentation). Reports SYNTAX, PROOF and JWT_CLAIMS;
 * never throws for a bad token. The credentials inside are the caller's to verify. Immutable,
 * thread-safe if the resolver is.
 */
public final class VpJwtVerifier {

    private static final Set<JOSEObjectType> VP_TYPES =
            Set.of(new JOSEObjectType("vp+jwt"), new JOSEObjectType("vp+ld+jwt"));
    private static final List<String> JWT_CLAIMS =
            List.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "nonce");

    private final JoseKeys keys;
    private final Clock clock;

    public VpJwtVerifier(VerificationMethodResolver resolver, Clock clock) {
        this.keys = new JoseKeys(Objects.requireNonNull(resolver, "resolver"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether a compact JWS carries a presentation rather than a credential. */
    public static boolean isPresentation(String compact) {
        try {
            JWSObject jws = JWSObject.parse(compact.strip());
            // Set.of(...).contains(null) throws: a JWS without "typ" is common (OB 2.0, VC-JWT).
            if (jws.getHeader().getType() != null && VP_TYPES.contains(jws.getHeader().getType())) {
                return true;
            }
            JsonObject payload = parseObject(jws.getPayload().toString());
            return payload.get("vp") instanceof JsonObject
                    || JsonValues.strings(payload, "type").contains("VerifiablePresentation");
        } catch (ParseException | JsonException | IllegalStateException e) {
            return false;
        }
    }

    /**
     * @param challenge the challenge the verifier gave ({@code nonce} must equal it), if any
     * @param domain the domain the verifier gave ({@code aud} must include it), if any
     */
    public VpJwtVerification verify(
            String compact, Optional<String> challenge, Optional<String> domain) {
        JWSObject jws;
        JsonObject payload;
        try {
            jws = JWSObject.parse(Objects.requireNonNullElse(compact, "").strip());
            payload = parseObject(jws.getPayload().toString());
        } catch (ParseException | JsonException | IllegalStateException e) {
            return new VpJwtVerification(
                    null,
                    null,
                    null,
                    List.of(
                            Check.failed(
                                    CheckName.SYNTAX,
                                    "MALFORMED_JWS",
                                    "not a compact JWS with a JSON object payload")));
        }
        JsonObject presentation = presentationOf(jws, payload);
        List<Check> checks = new ArrayList<>();
        String issuer = payload.get("iss") instanceof JsonString s ? s.getString() : null;
        if (presentation == null) {
            checks.add(Check.failed(CheckName.SYNTAX, "NO_PRESENTATION", "the JWT has no vp"));
            return new VpJwtVerification(null, null, null, checks);
        }
        checks.add(Check.passed(CheckName.SYNTAX, "A VP-JWT"));
        JoseKeys.Outcome proof = keys.checkSignature(jws, issuer);
        checks.add(proof.check());
        String holder = JsonValues.idOf(presentation, "holder").orElse(issuer);
        checks.add(claims(payload, holder, challenge, domain));
        return new VpJwtVerification(presentation, holder, proof.method(), checks);
    }

    private Check claims(
            JsonObject payload,
            String holder,
            Optional<String> challenge,
            Optional<String> domain) {
        List<String> failures = new ArrayList<>();
        if (payload.get("iss") instanceof JsonString iss && !iss.getString().equals(holder)) {
            failures.add("issMatchesHolder");
        }
        if (challenge.isPresent() && !challenge.equals(JsonValues.string(payload, "nonce"))) {
            failures.add("nonceMatchesChallenge");
        }
        if (domain.isPresent() && !JsonValues.strings(payload, "aud").contains(domain.get())) {
            failures.add("audMatchesDomain");
        }
        Instant now = clock.instant();
        seconds(payload.get("exp"))
                .filter(exp -> !now.isBefore(Instant.ofEpochSecond(exp)))
                .ifPresent(exp -> failures.add("notExpired"));
        seconds(payload.get("nbf"))
                .filter(nbf -> now.isBefore(Instant.ofEpochSecond(nbf)))
                .ifPresent(nbf -> failures.add("notBefore"));
        return failures.isEmpty()
                ? Check.passed(
                        CheckName.JWT_CLAIMS,
                        "JWT claims are consistent with the presentation and the request")
                : Check.failed(
                        CheckName.JWT_CLAIMS,
                        "JWT_CLAIMS_MISMATCH",
                        "JWT claims failed: " + String.join(", ", failures));
    }

    private static JsonObject presentationOf(JWSObject jws, JsonObject payload) {
        if (payload.get("vp") instanceof JsonObject vp) {
            return vp;
        }
        if (VP_TYPES.contains(jws.getHeader().getType())
                || JsonValues.strings(payload, "type").contains("VerifiablePresentation")) {
            var presentation = Jsons.PROVIDER.createObjectBuilder(payload);
            JWT_CLAIMS.forEach(presentation::remove);
            return presentation.build();
        }
        return null;
    }

    private static Optional<Long> seconds(JsonValue claim) {
        return claim instanceof JsonNumber number
                ? Optional.of(number.bigDecimalValue().longValue())
                : Optional.empty();
    }

    /** The payload through the one untrusted-JSON reader (its depth and duplicate-key limits). */
    private static JsonObject parseObject(String json) {
        try {
            return JsonInput.DEFAULT.parseObject(json);
        } catch (InputException e) {
            throw new JsonException(e.getMessage(), e);
        }
    }
}
