package org.credence.app.status;

import java.util.Objects;
import java.util.UUID;

/** The outcome of a bulk revoke, suspend or unsuspend for one credential. */
public record StatusResult(UUID credentialId, StatusOutcome outcome) {

    public StatusResult {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
