package org.credence.core.crypto;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.security.SecureRandom;
import java.util.Objects;
import org.credence.core.json.Jsons;

/**
 * A signing key stored as a Multikey JSON document, the format {@code
 * @digitalbazaar/ed25519-multikey} exports:
 *
 * <pre>{@code
 * {"@context": "https://w3id.org/security/multikey/v1", "type": "Multikey",
 *  "id": "did:key:z6Mk…#z6Mk…", "controller": "did:key:z6Mk…",
 *  "publicKeyMultibase": "z6Mk…", "secretKeyMultibase": "z…"}
 * }</pre>
 *
 * Immutable and thread-safe. {@link #toString()} never shows the secret key; {@link #toJson()}
 * does, so treat its output as a secret.
 */
public final class KeyFile {

    static final String MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";
    private static final String DID_KEY_PREFIX = "did:key:";

    private final SigningKey signingKey;
    private final String controller;
    private final String verificationMethodId;

    private KeyFile(SigningKey signingKey, String controller, String verificationMethodId) {
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.controller = requireText(controller, "controller");
        this.verificationMethodId = requireText(verificationMethodId, "verificationMethodId");
    }

    /** A key file for {@code key} controlled by its own {@code did:key}. */
    public static KeyFile of(SigningKey key) {
        String multibase = key.publicKey().multibase();
        String did = DID_KEY_PREFIX + multibase;
        return new KeyFile(key, did, did + "#" + multibase);
    }

    /** A fresh key of {@code type}, controlled by its own {@code did:key}. */
    public static KeyFile generate(KeyType type, SecureRandom random) {
        return of(SigningKey.generate(type, random));
    }

    /**
     * Reads a Multikey document. {@code secretKeyMultibase} is required ({@code
     * privateKeyMultibase}, used by some test vectors, is accepted too) and must match {@code
     * publicKeyMultibase} when that is present; a missing {@code id} or {@code controller} defaults
     * to the key's {@code did:key}.
     *
     * @throws KeyFormatException if the document is not such a Multikey
     */
    public static KeyFile read(String json) {
        JsonObject document = parse(json);
        JsonValue type = document.get("type");
        if (type != null && !(type instanceof JsonString s && "Multikey".equals(s.getString()))) {
            throw new KeyFormatException("key file type must be \"Multikey\"");
        }
        String secret = string(document, "secretKeyMultibase");
        if (secret == null) {
            secret = string(document, "privateKeyMultibase");
        }
        if (secret == null) {
            throw new KeyFormatException("key file has no secretKeyMultibase");
        }
        SigningKey key =
                SigningKey.fromSecretMultibase(secret, string(document, "publicKeyMultibase"));
        KeyFile defaults = of(key);
        String controller = string(document, "controller");
        String id = string(document, "id");
        return new KeyFile(
                key,
                controller == null ? defaults.controller : controller,
                id == null ? defaults.verificationMethodId : id);
    }

    /** The same key under another controller, e.g. a {@code did:web} issuer. */
    public KeyFile withController(String controller, String verificationMethodId) {
        return new KeyFile(signingKey, controller, verificationMethodId);
    }

    /** The Multikey document, including the secret key. */
    public String toJson() {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("@context", MULTIKEY_CONTEXT)
                .add("type", "Multikey")
                .add("id", verificationMethodId)
                .add("controller", controller)
                .add("publicKeyMultibase", signingKey.publicKey().multibase())
                .add("secretKeyMultibase", signingKey.secretMultibase())
                .build()
                .toString();
    }

    public SigningKey signingKey() {
        return signingKey;
    }

    public String verificationMethodId() {
        return verificationMethodId;
    }

    public String controller() {
        return controller;
    }

    @Override
    public String toString() {
        return "KeyFile[" + verificationMethodId + "]";
    }

    private static JsonObject parse(String json) {
        Objects.requireNonNull(json, "json");
        try (JsonReader reader = Jsons.PROVIDER.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new KeyFormatException("key file is not a JSON object", e);
        }
    }

    private static String string(JsonObject document, String name) {
        JsonValue value = document.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw new KeyFormatException("key file member " + name + " must be a string");
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
