package org.credence.app.credential;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What people are told about a revoked or suspended credential issued here: that its issuer
 * withdrew it, since when (revocations are dated; suspensions are not recorded with a time), and
 * the issuer's reason when the reader may read it.
 *
 * @param state {@link CredentialState#REVOKED} or {@link CredentialState#SUSPENDED}
 * @param since when it was revoked
 * @param reason the issuer's reason, when one was given and the reader may read it
 */
public record StatusNotice(
        CredentialState state, Optional<Instant> since, Optional<String> reason) {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public StatusNotice {
        Objects.requireNonNull(state, "state");
        if (state != CredentialState.REVOKED && state != CredentialState.SUSPENDED) {
            throw new IllegalArgumentException("state: revoked or suspended, not " + state);
        }
        Objects.requireNonNull(since, "since");
        reason = Objects.requireNonNull(reason, "reason").filter(text -> !text.isBlank());
    }

    static Optional<StatusNotice> of(CredentialRow row, Instant now, boolean privateReason) {
        CredentialState state = CredentialState.of(row, now);
        if (state != CredentialState.REVOKED && state != CredentialState.SUSPENDED) {
            return Optional.empty();
        }
        return Optional.of(
                new StatusNotice(
                        state,
                        state == CredentialState.REVOKED ? row.revokedAt() : Optional.empty(),
                        privateReason ? row.statusReason() : row.publicStatusReason()));
    }

    /** Whether it is revoked (final) rather than suspended (for now). */
    public boolean revoked() {
        return state == CredentialState.REVOKED;
    }

    /**
     * One sentence: "Revoked by its issuer on 7 December 2026." or "Suspended by its issuer for
     * now."
     */
    public String sentence() {
        if (!revoked()) {
            return "Suspended by its issuer for now.";
        }
        return since.map(at -> "Revoked by its issuer on " + DAY.format(at) + ".")
                .orElse("Revoked by its issuer.");
    }
}
