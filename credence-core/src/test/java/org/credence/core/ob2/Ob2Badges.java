package org.credence.core.ob2;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credence.core.did.DocumentFetcher;
import org.credence.core.did.ResolutionError;
import org.credence.core.did.ResolutionException;
import org.credence.core.model.IdentityHash;

/**
 * Hand-built Open Badges 2.0 badges for the tests: an issuer at {@code https://issuer.example}, its
 * BadgeClass, hosted and signed assertions, an RSA key generated per test class, and a fetcher
 * answering from a map (and counting what it was asked).
 */
final class Ob2Badges {

    static final String ISSUER = "https://issuer.example/issuer.json";
    static final String BADGE = "https://issuer.example/badges/robotics.json";
    static final String ASSERTION = "https://issuer.example/assertions/42.json";
    static final String KEY = "https://issuer.example/keys/1.json";
    static final String REVOCATIONS = "https://issuer.example/revocations.json";
    static final String EMAIL = "ada@learner.example";
    static final String SALT = "pepper";

    private Ob2Badges() {}

    static JsonObjectBuilder issuer() {
        return Json.createObjectBuilder()
                .add("@context", Ob2Assertions.CONTEXT)
                .add("type", "Issuer")
                .add("id", ISSUER)
                .add("name", "Issuer Example Academy")
                .add("url", "https://issuer.example")
                .add("email", "badges@issuer.example");
    }

    static JsonObjectBuilder badgeClass() {
        return Json.createObjectBuilder()
                .add("@context", Ob2Assertions.CONTEXT)
                .add("type", "BadgeClass")
                .add("id", BADGE)
                .add("name", "Robotics")
                .add("description", "Built and programmed a robot")
                .add("image", "https://issuer.example/badges/robotics.png")
                .add("criteria", Json.createObjectBuilder().add("narrative", "Build a robot"))
                .add("issuer", ISSUER);
    }

    /** An assertion of the BadgeClass to {@link #EMAIL}, hashed with {@link #SALT}. */
    static JsonObjectBuilder assertion(String id, String verificationType) {
        return Json.createObjectBuilder()
                .add("@context", Ob2Assertions.CONTEXT)
                .add("type", "Assertion")
                .add("id", id)
                .add(
                        "recipient",
                        Json.createObjectBuilder()
                                .add("type", "email")
                                .add("hashed", true)
                                .add("salt", SALT)
                                .add("identity", IdentityHash.sha256(EMAIL, SALT)))
                .add("issuedOn", "2026-01-15T10:00:00Z")
                .add("expires", "2028-01-15T10:00:00Z")
                .add("badge", BADGE)
                .add("verification", Json.createObjectBuilder().add("type", verificationType));
    }

    static JsonObject hostedAssertion() {
        return assertion(ASSERTION, "HostedBadge").build();
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CryptographicKey document for the public key, owned by {@code owner}. */
    static JsonObject keyDocument(KeyPair keys, String owner) {
        String pem =
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
        return Json.createObjectBuilder()
                .add("@context", Ob2Assertions.CONTEXT)
                .add("type", "CryptographicKey")
                .add("id", KEY)
                .add("owner", owner)
                .add("publicKeyPem", pem)
                .build();
    }

    /** A signed assertion (urn:uuid id, creator {@link #KEY}) as compact JWS, RS256. */
    static String sign(JsonObject assertion, KeyPair keys) {
        JWSObject jws =
                new JWSObject(new JWSHeader(JWSAlgorithm.RS256), new Payload(assertion.toString()));
        try {
            jws.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize();
    }

    static JsonObject signedAssertion() {
        return assertion("urn:uuid:3f1d2c8e-5b7a-4c1e-9d2f-1a2b3c4d5e6f", "SignedBadge")
                .add(
                        "verification",
                        Json.createObjectBuilder().add("type", "SignedBadge").add("creator", KEY))
                .build();
    }

    /** Serves documents by URL; any other URL is "not found". Records every URL asked for. */
    static final class Web implements DocumentFetcher {

        private final Map<String, JsonObject> documents = new HashMap<>();
        private final Set<String> down = new HashSet<>();
        final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

        Web serve(String url, JsonObject document) {
            documents.put(url, document);
            return this;
        }

        /** The URL's server does not answer. */
        Web down(String url) {
            down.add(url);
            return this;
        }

        /** The issuer's whole site for hosted badges: profile, BadgeClass, assertion. */
        static Web hosting(JsonObject assertion) {
            return new Web()
                    .serve(ISSUER, issuer().build())
                    .serve(BADGE, badgeClass().build())
                    .serve(assertion.getString("id"), assertion);
        }

        @Override
        public JsonObject fetch(URI url) throws ResolutionException {
            asked.add(url.toString());
            if (down.contains(url.toString())) {
                throw new ResolutionException(
                        ResolutionError.NETWORK_UNAVAILABLE, "connection timed out: " + url);
            }
            JsonObject document = documents.get(url.toString());
            if (document == null) {
                throw new ResolutionException(ResolutionError.NOT_FOUND, "404 for " + url);
            }
            return document;
        }
    }
}
