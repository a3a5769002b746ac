package org.credence.core.verify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the person verifying adds: an email to test the recipient against, the instant to verify at
 * (default: the verifier's clock), and, for presentations, the {@code challenge} and {@code domain}
 * the verifier asked the holder to sign (VC Data Integrity: a proof's {@code challenge} and {@code
 * domain} must equal them when they are given).
 */
public record VerifyOptions(
        Optional<String> recipientEmail,
        Optional<Instant> at,
        Optional<String> challenge,
        Optional<String> domain) {

    public static final VerifyOptions DEFAULT =
            new VerifyOptions(Optional.empty(), Optional.empty());

    public VerifyOptions {
        Objects.requireNonNull(recipientEmail, "recipientEmail");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(domain, "domain");
    }

    /** Options for a credential: no presentation challenge or domain. */
    public VerifyOptions(Optional<String> recipientEmail, Optional<Instant> at) {
        this(recipientEmail, at, Optional.empty(), Optional.empty());
    }

    public VerifyOptions withRecipientEmail(String email) {
        return new VerifyOptions(Optional.ofNullable(email), at, challenge, domain);
    }

    public VerifyOptions withAt(Instant instant) {
        return new VerifyOptions(recipientEmail, Optional.ofNullable(instant), challenge, domain);
    }

    /** The challenge a presentation's proof must carry; {@code null} for none. */
    public VerifyOptions withChallenge(String expected) {
        return new VerifyOptions(recipientEmail, at, Optional.ofNullable(expected), domain);
    }

    /** The domain a presentation's proof must be bound to; {@code null} for none. */
    public VerifyOptions withDomain(String expected) {
        return new VerifyOptions(recipientEmail, at, challenge, Optional.ofNullable(expected));
    }

    /** The same recipient and instant, without the presentation's challenge and domain. */
    public VerifyOptions forCredentials() {
        return new VerifyOptions(recipientEmail, at);
    }
}
