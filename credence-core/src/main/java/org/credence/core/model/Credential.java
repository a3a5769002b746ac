package org.credence.core.model;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.credence.core.json.JsonValues;
import org.credence.core.json.Jsons;

/**
 * What Open Badges, endorsement and CLR credentials share: the W3C Verifiable Credential envelope.
 * VC 1.1 {@code issuanceDate}/{@code expirationDate} are read as {@code validFrom}/{@code
 * validUntil}. Views are immutable and thread-safe.
 */
public sealed interface Credential
        permits OpenBadgeCredential, EndorsementCredential, ClrCredential {

    /** The credential exactly as given, unknown fields included. */
    JsonObject json();

    /** Reads a credential as a CLR, endorsement or (otherwise) Open Badge credential. */
    static Credential of(JsonObject json) {
        List<String> types = JsonValues.strings(json, "type");
        if (types.contains(ClrCredential.TYPE)) {
            return ClrCredential.of(json);
        }
        if (types.contains(EndorsementCredential.TYPE)) {
            return EndorsementCredential.of(json);
        }
        return OpenBadgeCredential.of(json);
    }

    default String id() {
        return json().getString("id");
    }

    /** The context URLs (embedded context objects are left in the JSON). */
    default List<String> contexts() {
        return JsonValues.strings(json(), "@context");
    }

    default List<String> types() {
        return JsonValues.strings(json(), "type");
    }

    /**
     * The issuer; an issuer given as a URL string is a {@linkplain Profile#isReference reference}.
     */
    default Profile issuer() {
        return Fields.optionalView(json(), "issuer", Profile::of).orElseThrow();
    }

    default Instant validFrom() {
        return Fields.instant(json(), "validFrom")
                .or(() -> Fields.instant(json(), "issuanceDate"))
                .orElseThrow();
    }

    default Optional<Instant> validUntil() {
        return Fields.instant(json(), "validUntil")
                .or(() -> Fields.instant(json(), "expirationDate"));
    }

    default Optional<String> name() {
        return JsonValues.string(json(), "name");
    }

    default Optional<String> description() {
        return JsonValues.string(json(), "description");
    }

    /** The {@code credentialStatus} as given (an object or an array of them). */
    default Optional<JsonValue> credentialStatus() {
        return Optional.ofNullable(json().get("credentialStatus"))
                .filter(status -> status != JsonValue.NULL);
    }

    /** The proofs as given; an empty list when unsigned. */
    default List<JsonObject> proofs() {
        return JsonValues.objects(json(), "proof");
    }

    /** The credential without its {@code proof}, as proofs are computed and checked over it. */
    default JsonObject withoutProof() {
        return Jsons.PROVIDER.createObjectBuilder(json()).remove("proof").build();
    }
}
