package org.credence.core.verify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the person verifying adds: an email to test the recipient against, and the instant to verify
 * at (default: the verifier's clock).
 */
public record VerifyOptions(Optional<String> recipientEmail, Optional<Instant> at) {

    public static final VerifyOptions DEFAULT =
            new VerifyOptions(Optional.empty(), Optional.empty());

    public VerifyOptions {
        Objects.requireNonNull(recipientEmail, "recipientEmail");
        Objects.requireNonNull(at, "at");
    }

    public VerifyOptions withRecipientEmail(String email) {
        return new VerifyOptions(Optional.ofNullable(email), at);
    }

    public VerifyOptions withAt(Instant instant) {
        return new VerifyOptions(recipientEmail, Optional.ofNullable(instant));
    }
}
