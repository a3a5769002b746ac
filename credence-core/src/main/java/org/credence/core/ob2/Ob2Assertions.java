package org.credence.core.ob2;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.credence.core.json.JsonValues;

/**
 * Recognises Open Badges 2.0 assertions and reads their verification instructions. Stateless and
 * thread-safe.
 */
public final class Ob2Assertions {

    /** The Open Badges 2.0 JSON-LD context. */
    public static final String CONTEXT = "https://w3id.org/openbadges/v2";

    /**
     * How an assertion asks to be verified ({@code verification.type}, OB 2.0 §VerificationObject).
     */
    public enum Method {
        /**
         * {@code HostedBadge} (alias {@code hosted}): the assertion's id is its source of truth.
         */
        HOSTED,
        /** {@code SignedBadge} (alias {@code signed}): a JWS by a key of the issuer. */
        SIGNED,
        /** Neither: the assertion cannot be verified. */
        UNKNOWN
    }

    private Ob2Assertions() {}

    /**
     * Whether {@code json} is an OB 2.0 assertion: its {@code @context} is or contains the OB 2.0
     * context, or it is typed {@code Assertion} with a {@code badge} and verification instructions.
     * An Open Badges 3.0 credential ({@code OpenBadgeCredential}, VC contexts) is not.
     */
    public static boolean isAssertion(JsonObject json) {
        if (JsonValues.strings(json, "@context").contains(CONTEXT)) {
            return !JsonValues.strings(json, "type").contains("VerifiableCredential");
        }
        return JsonValues.strings(json, "type").contains("Assertion")
                && json.containsKey("badge")
                && verificationObject(json).isPresent();
    }

    /**
     * Whether a document fetched from a URL is an OB 2.0 hosted assertion: {@link #isAssertion}, or
     * the bare record ({@code id} and {@code revoked: true}) a server may leave at the URL of a
     * revoked assertion (OB 2.0 §Revoking Hosted Assertions).
     */
    public static boolean isHostedDocument(JsonObject fetched) {
        return isAssertion(fetched)
                || (fetched.get("revoked") == JsonValue.TRUE
                        && fetched.containsKey("id")
                        && !JsonValues.strings(fetched, "type").contains("VerifiableCredential"));
    }

    /** The assertion's verification method. */
    public static Method method(JsonObject assertion) {
        List<String> types =
                verificationObject(assertion)
                        .map(verification -> JsonValues.strings(verification, "type"))
                        .orElse(List.of());
        for (String type : types) {
            switch (type.toLowerCase(Locale.ROOT)) {
                case "hosted", "hostedbadge":
                    return Method.HOSTED;
                case "signed", "signedbadge":
                    return Method.SIGNED;
                default:
                    break;
            }
        }
        return Method.UNKNOWN;
    }

    /** {@code verification}, or its alias {@code verify} (OB 2.0 context; OB 1.x used it). */
    static Optional<JsonObject> verificationObject(JsonObject assertion) {
        Optional<JsonObject> verification = JsonValues.object(assertion, "verification");
        return verification.isPresent() ? verification : JsonValues.object(assertion, "verify");
    }
}
