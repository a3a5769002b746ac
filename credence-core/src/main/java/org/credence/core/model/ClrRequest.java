package org.credence.core.model;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to put in a new CLR 2.0 learner record ({@link ClrCredentialFactory#unsigned}): the
 * learner's credentials, each kept intact (an object, or a VC-JWT string). Start with {@link #of}
 * and add optional parts with the {@code with…} methods. Immutable and thread-safe.
 *
 * @param id the credential id, an absolute URI such as {@code urn:uuid:…}
 * @param validFrom when the record becomes valid; empty for now
 */
public record ClrRequest(
        String id,
        Profile issuer,
        String name,
        Recipient recipient,
        List<JsonValue> credentials,
        List<Association> associations,
        Optional<Instant> validFrom,
        Optional<Instant> validUntil) {

    public ClrRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(recipient, "recipient");
        credentials = List.copyOf(credentials);
        associations = List.copyOf(associations);
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Recipient.requireAbsoluteUri("id", id);
        if (issuer.isReference()) {
            throw new ModelException(
                    ModelProblem.MISSING_PROPERTY,
                    "issuer.type",
                    "a new credential needs a full issuer Profile, not only its id");
        }
        if (credentials.isEmpty()) {
            throw new ModelException(
                    ModelProblem.MISSING_PROPERTY,
                    "credentials",
                    "a learner record needs at least one credential");
        }
        for (int i = 0; i < credentials.size(); i++) {
            JsonValue.ValueType type = credentials.get(i).getValueType();
            if (type != JsonValue.ValueType.OBJECT && type != JsonValue.ValueType.STRING) {
                throw new ModelException(
                        ModelProblem.WRONG_JSON_TYPE,
                        "credentials[" + i + "]",
                        "must be a credential object or a VC-JWT string");
            }
        }
    }

    /** A request with the required parts only. */
    public static ClrRequest of(
            String id,
            Profile issuer,
            String name,
            Recipient recipient,
            List<JsonValue> credentials) {
        return new ClrRequest(
                id,
                issuer,
                name,
                recipient,
                credentials,
                List.of(),
                Optional.empty(),
                Optional.empty());
    }

    public ClrRequest withAssociations(List<Association> list) {
        return new ClrRequest(
                id, issuer, name, recipient, credentials, list, validFrom, validUntil);
    }

    public ClrRequest withValidFrom(Instant instant) {
        return new ClrRequest(
                id,
                issuer,
                name,
                recipient,
                credentials,
                associations,
                Optional.of(instant),
                validUntil);
    }

    public ClrRequest withValidUntil(Instant instant) {
        return new ClrRequest(
                id,
                issuer,
                name,
                recipient,
                credentials,
                associations,
                validFrom,
                Optional.of(instant));
    }
}
