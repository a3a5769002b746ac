package org.credence.core.did;

import com.nimbusds.jose.jwk.JWK;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.credence.core.crypto.KeyFormatException;
import org.credence.core.crypto.VerificationKey;

/**
 * Reads verification methods out of DID documents and controller documents: {@code Multikey} and
 * {@code Ed25519VerificationKey2020} ({@code publicKeyMultibase}), {@code JsonWebKey} and {@code
 * JsonWebKey2020} ({@code publicKeyJwk}). Stateless, thread-safe.
 */
final class ControllerDocuments {

    private ControllerDocuments() {}

    /**
     * The method {@code methodUrl} from the document of {@code controller}, which must be
     * referenced by (or embedded in) {@code assertionMethod}.
     */
    static VerificationMethod findAssertionMethod(
            JsonObject document, String controller, String methodUrl) throws ResolutionException {
        String documentId = stringOrNull(document, "id");
        if (documentId != null && !documentId.equals(controller)) {
            throw new ResolutionException(
                    ResolutionError.INVALID_DOCUMENT,
                    "document id " + documentId + " does not match " + controller);
        }
        JsonObject method =
                candidates(document).stream()
                        .filter(m -> methodUrl.equals(absolute(stringOrNull(m, "id"), controller)))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new ResolutionException(
                                                ResolutionError.NOT_FOUND,
                                                "no verification method " + methodUrl));
        if (!isAssertionMethod(document, controller, methodUrl)) {
            throw new ResolutionException(
                    ResolutionError.NOT_AUTHORIZED,
                    methodUrl + " is not listed in assertionMethod");
        }
        return new VerificationMethod(methodUrl, controller, keyOf(method));
    }

    /**
     * The assertion method of {@code controller}'s document whose public key is {@code key}, if the
     * document lists one (methods with keys it cannot read are passed over).
     */
    static Optional<VerificationMethod> findAssertionKey(
            JsonObject document, String controller, VerificationKey key) {
        for (JsonObject method : candidates(document)) {
            String id = absolute(stringOrNull(method, "id"), controller);
            if (id == null || !isAssertionMethod(document, controller, id)) {
                continue;
            }
            try {
                if (keyOf(method).equals(key)) {
                    return Optional.of(new VerificationMethod(id, controller, key));
                }
            } catch (ResolutionException e) {
                // an unreadable key is not the one sought; the others may be
            }
        }
        return Optional.empty();
    }

    /** Whether the document has verification relationships (a DID or controller document). */
    static boolean isControllerDocument(JsonObject document) {
        return document.containsKey("verificationMethod")
                || document.containsKey("assertionMethod");
    }

    /** The public key of one verification method object. */
    static VerificationKey keyOf(JsonObject method) throws ResolutionException {
        try {
            if (method.get("publicKeyMultibase") instanceof JsonString multibase) {
                return VerificationKey.fromMultibase(multibase.getString());
            }
            if (method.get("publicKeyJwk") instanceof JsonObject jwk) {
                return VerificationKey.fromJwk(JWK.parse(jwk.toString()));
            }
        } catch (KeyFormatException | ParseException e) {
            throw new ResolutionException(
                    ResolutionError.INVALID_DOCUMENT,
                    "unsupported or malformed key: " + e.getMessage(),
                    e);
        }
        throw new ResolutionException(
                ResolutionError.INVALID_DOCUMENT,
                "verification method has neither publicKeyMultibase nor publicKeyJwk");
    }

    static String stringOrNull(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static List<JsonObject> candidates(JsonObject document) {
        List<JsonObject> methods = new ArrayList<>();
        for (JsonValue value : array(document, "verificationMethod")) {
            if (value instanceof JsonObject method) {
                methods.add(method);
            }
        }
        for (JsonValue value : array(document, "assertionMethod")) {
            if (value instanceof JsonObject method) {
                methods.add(method);
            }
        }
        return methods;
    }

    static boolean isAssertionMethod(JsonObject document, String controller, String methodUrl) {
        for (JsonValue value : array(document, "assertionMethod")) {
            String id =
                    value instanceof JsonString s
                            ? s.getString()
                            : value instanceof JsonObject o ? stringOrNull(o, "id") : null;
            if (methodUrl.equals(absolute(id, controller))) {
                return true;
            }
        }
        return false;
    }

    private static List<JsonValue> array(JsonObject document, String name) {
        JsonValue value = document.get(name);
        if (value instanceof JsonArray array) {
            return array;
        }
        return value == null ? List.of() : List.of(value);
    }

    private static String absolute(String id, String controller) {
        if (id == null) {
            return null;
        }
        return id.startsWith("#") ? controller + id : id;
    }
}
