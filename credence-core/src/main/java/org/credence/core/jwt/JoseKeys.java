package org.credence.core.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.Set;
import org.credence.core.crypto.KeyFormatException;
import org.credence.core.crypto.KeyType;
import org.credence.core.crypto.VerificationKey;
import org.credence.core.did.DidKey;
import org.credence.core.did.ResolutionException;
import org.credence.core.did.VerificationMethod;
import org.credence.core.did.VerificationMethodResolver;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;

/**
 * Finds the key of a JWS (from {@code kid} through the resolver, else from a {@code jwk} header)
 * and checks its signature, as a PROOF check. Immutable, thread-safe if the resolver is.
 */
final class JoseKeys {

    private static final Set<JWSAlgorithm> SUPPORTED =
            Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.ES256, JWSAlgorithm.RS256);
    private static final String THUMBPRINT_URN = "urn:ietf:params:oauth:jwk-thumbprint:sha-256:";

    /** The PROOF check and the verification method it used (null when there was none). */
    record Outcome(Check check, VerificationMethod method) {}

    private final VerificationMethodResolver resolver;

    JoseKeys(VerificationMethodResolver resolver) {
        this.resolver = resolver;
    }

    Outcome checkSignature(JWSObject jws, String issuer) {
        JWSAlgorithm alg = jws.getHeader().getAlgorithm();
        if (!SUPPORTED.contains(alg)) {
            return new Outcome(
                    Check.failed(
                            CheckName.PROOF,
                            "UNSUPPORTED_ALGORITHM",
                            "JWS algorithm " + alg + " is not supported (EdDSA, ES256, RS256 are)"),
                    null);
        }
        String kid = jws.getHeader().getKeyID();
        JWK jwk = jws.getHeader().getJWK();
        if (kid != null) {
            Outcome resolved = withResolvedKey(jws, absoluteKeyId(kid, issuer));
            // A kid that names nothing resolvable beside an embedded jwk (a key thumbprint, as
            // some OB 3.0 libraries write): the embedded key is the one to check.
            return resolved.method() == null && jwk != null ? withHeaderKey(jws, jwk) : resolved;
        }
        if (jwk != null) {
            return withHeaderKey(jws, jwk);
        }
        return new Outcome(
                Check.failed(
                        CheckName.PROOF,
                        "NO_KEY_IN_JOSE_HEADER",
                        "the JOSE header has neither kid nor jwk: no key to verify with"),
                null);
    }

    /**
     * {@code kid} as an absolute verification method URL: a {@code #fragment} or bare name is
     * relative to {@code iss}; a bare {@code did:key} means its only method.
     */
    static String absoluteKeyId(String kid, String issuer) {
        if (kid.startsWith("did:key:") && kid.indexOf('#') < 0) {
            try {
                return DidKey.verificationMethodId(DidKey.keyOf(kid));
            } catch (ResolutionException e) {
                return kid;
            }
        }
        if (kid.indexOf(':') >= 0 || issuer == null) {
            return kid;
        }
        return issuer + (kid.startsWith("#") ? kid : "#" + kid);
    }

    private Outcome withResolvedKey(JWSObject jws, String methodUrl) {
        VerificationMethod method;
        try {
            method = resolver.resolve(methodUrl);
        } catch (ResolutionException e) {
            return new Outcome(
                    Check.couldNotCheck(
                            CheckName.PROOF,
                            e.error().name(),
                            "could not resolve key " + methodUrl + ": " + e.getMessage()),
                    null);
        }
        return new Outcome(verify(jws, method.key()), method);
    }

    private Outcome withHeaderKey(JWSObject jws, JWK jwk) {
        String id = thumbprintUrn(jwk);
        if (jwk instanceof RSAKey rsa) {
            return new Outcome(verifyRsa(jws, rsa), null);
        }
        try {
            VerificationMethod method =
                    new VerificationMethod(id, null, VerificationKey.fromJwk(jwk));
            return new Outcome(verify(jws, method.key()), method);
        } catch (KeyFormatException e) {
            return new Outcome(
                    Check.failed(CheckName.PROOF, "UNSUPPORTED_KEY", e.getMessage()), null);
        }
    }

    private static Check verify(JWSObject jws, VerificationKey key) {
        JWSAlgorithm alg = jws.getHeader().getAlgorithm();
        KeyType expected = JWSAlgorithm.EdDSA.equals(alg) ? KeyType.ED25519 : KeyType.P256;
        if (JWSAlgorithm.RS256.equals(alg) || key.type() != expected) {
            return Check.failed(
                    CheckName.PROOF,
                    "KEY_ALGORITHM_MISMATCH",
                    "a " + key.type() + " key cannot verify " + alg);
        }
        boolean valid = key.verify(jws.getSigningInput(), jws.getSignature().decode());
        return signatureCheck(valid, alg);
    }

    private static Check verifyRsa(JWSObject jws, RSAKey rsa) {
        if (!JWSAlgorithm.RS256.equals(jws.getHeader().getAlgorithm())) {
            return Check.failed(
                    CheckName.PROOF,
                    "KEY_ALGORITHM_MISMATCH",
                    "an RSA key cannot verify " + jws.getHeader().getAlgorithm());
        }
        try {
            boolean valid = jws.verify(new RSASSAVerifier(rsa));
            return signatureCheck(valid, JWSAlgorithm.RS256);
        } catch (JOSEException | IllegalStateException e) {
            return Check.failed(CheckName.PROOF, "UNSUPPORTED_KEY", "RSA key: " + e.getMessage());
        }
    }

    private static Check signatureCheck(boolean valid, JWSAlgorithm alg) {
        return valid
                ? Check.passed(CheckName.PROOF, alg + " signature is valid")
                : Check.failed(CheckName.PROOF, "INVALID_SIGNATURE", alg + " signature is invalid");
    }

    private static String thumbprintUrn(JWK jwk) {
        try {
            return THUMBPRINT_URN + jwk.computeThumbprint();
        } catch (JOSEException e) {
            return THUMBPRINT_URN + "unavailable";
        }
    }
}
