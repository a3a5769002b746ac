package org.credence.core.ob2;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.credence.core.json.JsonValues;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;

/**
 * The signature of a signed OB 2.0 assertion (OB 2.0 §SignedBadge Verification): the JWS must
 * verify with the {@code publicKeyPem} of the {@code CryptographicKey} named by {@code
 * verification.creator} (or, without a creator, one of the keys the issuer Profile lists), and that
 * key must be the issuer's both ways: its {@code owner} is the issuer's id, and the issuer Profile,
 * fetched from its own id, lists it in {@code publicKey}. Stateless.
 */
final class SignedProof {

    static final String INVALID_SIGNATURE = "INVALID_SIGNATURE";
    static final String KEY_OWNER_MISMATCH = "KEY_OWNER_MISMATCH";
    static final String KEY_NOT_DECLARED = "KEY_NOT_DECLARED";

    private static final Set<JWSAlgorithm> SUPPORTED =
            Set.of(
                    JWSAlgorithm.RS256,
                    JWSAlgorithm.RS384,
                    JWSAlgorithm.RS512,
                    JWSAlgorithm.PS256,
                    JWSAlgorithm.ES256);

    /** The PROOF and ISSUER_KEY_BINDING checks. */
    record Outcome(Check proof, Check binding) {}

    private SignedProof() {}

    static Outcome check(
            JWSObject jws, JsonObject assertion, BadgeObjects.Linked linked, Fetches fetches) {
        JWSAlgorithm alg = jws.getHeader().getAlgorithm();
        if (!SUPPORTED.contains(alg)) {
            return unbound(
                    Check.failed(
                            CheckName.PROOF,
                            "UNSUPPORTED_ALGORITHM",
                            "JWS algorithm " + alg + " is not supported (RS256 and ES256 are)"));
        }
        List<String> keyIds = keyIds(assertion, linked);
        if (keyIds.isEmpty()) {
            return unbound(
                    Check.failed(
                            CheckName.PROOF,
                            "NO_KEY",
                            "The assertion names no creator key and its issuer lists no public key"));
        }
        List<Check> attempts = new ArrayList<>();
        for (String keyId : keyIds) {
            Resolved key = fetches.fetchObject(keyId, "the signing key");
            Check attempt = verifyWith(jws, keyId, key);
            if (attempt.status() == CheckStatus.PASSED) {
                return new Outcome(attempt, binding(keyId, key.get(), linked));
            }
            attempts.add(attempt);
        }
        Check proof = attempts.stream().filter(Check::isFailed).findFirst().orElse(attempts.get(0));
        return unbound(proof);
    }

    /** {@code verification.creator}, else every key of the issuer Profile. */
    private static List<String> keyIds(JsonObject assertion, BadgeObjects.Linked linked) {
        Optional<String> creator =
                Ob2Assertions.verificationObject(assertion)
                        .flatMap(verification -> JsonValues.idOf(verification, "creator"));
        if (creator.isPresent()) {
            return List.of(creator.get());
        }
        return linked.issuer().document().map(SignedProof::declaredKeys).orElse(List.of());
    }

    private static List<String> declaredKeys(JsonObject issuer) {
        List<String> ids = new ArrayList<>();
        for (JsonValue value : JsonValues.list(issuer, "publicKey")) {
            if (value instanceof JsonString id) {
                ids.add(id.getString());
            } else if (value instanceof JsonObject key) {
                JsonValues.string(key, "id").ifPresent(ids::add);
            }
        }
        return ids;
    }

    private static Check verifyWith(JWSObject jws, String keyId, Resolved key) {
        if (!key.isFound()) {
            return Check.couldNotCheck(CheckName.PROOF, key.code(), key.message());
        }
        Optional<PublicKey> publicKey =
                JsonValues.string(key.get(), "publicKeyPem").flatMap(PublicKeyPem::parse);
        if (publicKey.isEmpty()) {
            return Check.couldNotCheck(
                    CheckName.PROOF,
                    "UNSUPPORTED_KEY",
                    "The key " + keyId + " has no publicKeyPem with an RSA or EC public key");
        }
        try {
            JWSVerifier verifier = verifier(publicKey.get());
            if (verifier != null && jws.verify(verifier)) {
                return Check.passed(
                        CheckName.PROOF,
                        "The "
                                + jws.getHeader().getAlgorithm()
                                + " signature verifies with "
                                + keyId);
            }
        } catch (JOSEException | IllegalStateException e) {
            return Check.failed(
                    CheckName.PROOF,
                    INVALID_SIGNATURE,
                    "The signature does not verify with " + keyId + ": " + e.getMessage());
        }
        return Check.failed(
                CheckName.PROOF,
                INVALID_SIGNATURE,
                "The signature does not verify with "
                        + keyId
                        + ": the assertion was altered or"
                        + " signed with another key");
    }

    private static JWSVerifier verifier(PublicKey key) throws JOSEException {
        if (key instanceof RSAPublicKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        if (key instanceof ECPublicKey ec) {
            return new ECDSAVerifier(ec);
        }
        return null;
    }

    /** The key is the issuer's: named its owner, and listed by the issuer's own Profile. */
    private static Check binding(String keyId, JsonObject key, BadgeObjects.Linked linked) {
        if (!linked.issuer().isFound()) {
            return Check.couldNotCheck(
                    CheckName.ISSUER_KEY_BINDING,
                    linked.issuer().code(),
                    linked.issuer().message());
        }
        String issuerId = linked.issuerId().orElse("");
        if (!Fetches.isHttp(issuerId)) {
            return Check.couldNotCheck(
                    CheckName.ISSUER_KEY_BINDING,
                    VerificationScope.ISSUER_NOT_FETCHABLE,
                    "The issuer id "
                            + issuerId
                            + " is not a web address: whose key "
                            + keyId
                            + " is cannot be confirmed");
        }
        String owner = JsonValues.idOf(key, "owner").orElse("");
        if (!owner.equals(issuerId)) {
            return Check.failed(
                    CheckName.ISSUER_KEY_BINDING,
                    KEY_OWNER_MISMATCH,
                    "The key "
                            + keyId
                            + (owner.isEmpty() ? " names no owner" : " belongs to " + owner)
                            + ", not to the issuer "
                            + issuerId);
        }
        if (!declaredKeys(linked.issuer().get()).contains(keyId)) {
            return Check.failed(
                    CheckName.ISSUER_KEY_BINDING,
                    KEY_NOT_DECLARED,
                    "The issuer " + issuerId + " does not list the key " + keyId + " as its own");
        }
        return Check.passed(
                CheckName.ISSUER_KEY_BINDING,
                "Signed with " + keyId + ", a key of the issuer " + issuerId);
    }

    private static Outcome unbound(Check proof) {
        return new Outcome(
                proof,
                Check.couldNotCheck(
                        CheckName.ISSUER_KEY_BINDING,
                        "NO_VERIFIED_KEY",
                        "No key verified the signature, so none can be tied to the issuer"));
    }
}
