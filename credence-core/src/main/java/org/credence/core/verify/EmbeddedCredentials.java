package org.credence.core.verify;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.credence.core.json.JsonValues;

/**
 * Finds the credentials inside a credential: endorsements (anywhere: on the credential, its issuer,
 * its achievement), the credentials a CLR transcript carries and those of a presentation.
 */
final class EmbeddedCredentials {

    /** A bound on what one document may make the verifier do. */
    static final int MAX_EMBEDDED = 200;

    private EmbeddedCredentials() {}

    /**
     * {@code endorsement} objects and {@code endorsementJwt} strings anywhere in the credential.
     */
    static List<JsonValue> endorsements(JsonObject credential) {
        List<JsonValue> found = new ArrayList<>();
        collectEndorsements(credential, found, 0);
        return found;
    }

    /**
     * The credentials of a CLR: {@code credentialSubject.verifiableCredential}, objects or JWTs.
     */
    static List<JsonValue> clrCredentials(JsonObject credential) {
        if (!JsonValues.strings(credential, "type").contains("ClrCredential")) {
            return List.of();
        }
        return JsonValues.objects(credential, "credentialSubject").stream()
                .flatMap(subject -> JsonValues.list(subject, "verifiableCredential").stream())
                .limit(MAX_EMBEDDED)
                .toList();
    }

    /** The credentials of a presentation: {@code verifiableCredential}, any JSON value. */
    static List<JsonValue> presentationCredentials(JsonObject presentation) {
        return JsonValues.list(presentation, "verifiableCredential").stream()
                .limit(MAX_EMBEDDED)
                .toList();
    }

    private static void collectEndorsements(JsonValue value, List<JsonValue> found, int depth) {
        if (found.size() >= MAX_EMBEDDED || depth > 32) {
            return;
        }
        if (value instanceof JsonArray array) {
            array.forEach(item -> collectEndorsements(item, found, depth + 1));
            return;
        }
        if (!(value instanceof JsonObject object)) {
            return;
        }
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            switch (entry.getKey()) {
                case "endorsement" ->
                        JsonValues.list(object, "endorsement").stream()
                                .filter(JsonObject.class::isInstance)
                                .forEach(found::add);
                case "endorsementJwt" ->
                        JsonValues.list(object, "endorsementJwt").stream()
                                .filter(JsonString.class::isInstance)
                                .forEach(found::add);
                case "verifiableCredential", "proof" -> {}
                default -> collectEndorsements(entry.getValue(), found, depth + 1);
            }
        }
    }
}
