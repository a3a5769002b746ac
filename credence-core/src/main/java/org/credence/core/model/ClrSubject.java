package org.credence.core.model;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.json.JsonValues;

/**
 * The {@code credentialSubject} of a CLR 2.0 learner record: the learner, the credentials it
 * bundles (kept as given: embedded objects or VC-JWT strings), a summary of their achievements and
 * the associations between them. Immutable and thread-safe.
 */
public record ClrSubject(JsonObject json) {

    public ClrSubject {
        Objects.requireNonNull(json, "json");
        Fields.requireType(json, "ClrSubject");
        if (JsonValues.list(json, "verifiableCredential").isEmpty()) {
            throw new ModelException(
                    ModelProblem.MISSING_PROPERTY,
                    "verifiableCredential",
                    "is required (at least one credential)");
        }
        Fields.views(json, "identifier", IdentityObject::of);
        Fields.views(json, "achievement", Achievement::of);
        Fields.views(json, "association", Association::of);
    }

    public static ClrSubject of(JsonObject json) {
        return new ClrSubject(json);
    }

    public Optional<String> id() {
        return JsonValues.string(json, "id");
    }

    public List<IdentityObject> identifiers() {
        return Fields.views(json, "identifier", IdentityObject::of);
    }

    /** The bundled credentials as given: objects, or strings for VC-JWTs. */
    public List<JsonValue> verifiableCredentials() {
        return JsonValues.list(json, "verifiableCredential");
    }

    public List<Achievement> achievements() {
        return Fields.views(json, "achievement", Achievement::of);
    }

    public List<Association> associations() {
        return Fields.views(json, "association", Association::of);
    }
}
