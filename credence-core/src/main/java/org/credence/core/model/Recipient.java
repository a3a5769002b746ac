package org.credence.core.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a new credential is for: an id (a DID or URL) and/or an email address (published only as a
 * salted hash), optionally with a display name. Immutable and thread-safe.
 */
public record Recipient(Optional<String> id, Optional<String> email, Optional<String> name) {

    public Recipient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        if (id.isEmpty() && email.isEmpty()) {
            throw new ModelException(
                    ModelProblem.MISSING_PROPERTY, "recipient", "needs an id or an email address");
        }
        id.ifPresent(value -> requireAbsoluteUri("recipient.id", value));
        email.filter(value -> value.isBlank() || value.indexOf('@') < 1)
                .ifPresent(
                        value -> {
                            throw new ModelException(
                                    ModelProblem.INVALID_VALUE,
                                    "recipient.email",
                                    "is not an email address: " + value);
                        });
    }

    /** A recipient known by a DID or URL. */
    public static Recipient ofId(String id) {
        return new Recipient(Optional.of(id), Optional.empty(), Optional.empty());
    }

    /** A recipient known by email address. */
    public static Recipient ofEmail(String email) {
        return new Recipient(Optional.empty(), Optional.of(email), Optional.empty());
    }

    public Recipient withId(String id) {
        return new Recipient(Optional.of(id), email, name);
    }

    public Recipient withEmail(String email) {
        return new Recipient(id, Optional.of(email), name);
    }

    public Recipient withName(String name) {
        return new Recipient(id, email, Optional.of(name));
    }

    static void requireAbsoluteUri(String field, String value) {
        try {
            if (!new URI(value).isAbsolute()) {
                throw new ModelException(
                        ModelProblem.INVALID_VALUE, field, "must be an absolute URI: " + value);
            }
        } catch (URISyntaxException e) {
            throw new ModelException(ModelProblem.INVALID_VALUE, field, "is not a URI: " + value);
        }
    }
}
