package org.credence.core.model;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import org.credence.core.json.JsonValues;

/** Validation of the Verifiable Credential envelope shared by all {@link Credential}s. */
final class Envelope {

    static final String VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    static final String VC_V1_CONTEXT = "https://www.w3.org/2018/credentials/v1";

    private Envelope() {}

    static void validate(JsonObject json, String... credentialTypes) {
        validateContext(json);
        Fields.requireString(json, "id");
        Fields.requireType(json, "VerifiableCredential");
        Fields.requireType(json, credentialTypes);
        if (json.get("issuer") == null) {
            throw new ModelException(ModelProblem.MISSING_PROPERTY, "issuer", "is required");
        }
        Fields.optionalView(json, "issuer", Profile::of);
        boolean v2 = Fields.instant(json, "validFrom").isPresent();
        if (!v2 && Fields.instant(json, "issuanceDate").isEmpty()) {
            throw new ModelException(
                    ModelProblem.MISSING_PROPERTY,
                    "validFrom",
                    "is required (or issuanceDate in VC 1.1)");
        }
        Fields.instant(json, "validUntil");
        Fields.instant(json, "expirationDate");
        Fields.optionalView(json, "image", Image::of);
    }

    private static void validateContext(JsonObject json) {
        if (json.get("@context") == null) {
            throw new ModelException(ModelProblem.MISSING_PROPERTY, "@context", "is required");
        }
        List<JsonValue> contexts = JsonValues.list(json, "@context");
        JsonValue first = contexts.isEmpty() ? JsonValue.NULL : contexts.get(0);
        String url = first instanceof JsonString string ? string.getString() : "";
        if (!url.equals(VC_V2_CONTEXT) && !url.equals(VC_V1_CONTEXT)) {
            throw new ModelException(
                    ModelProblem.INVALID_VALUE,
                    "@context",
                    "must start with " + VC_V2_CONTEXT + " (or " + VC_V1_CONTEXT + ")");
        }
    }
}
