package org.credence.app.wallet;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A signed-in learner, as found from a wallet session token. Learners are not organisation members:
 * this never stands for an organisation, and organisation sessions never stand for a learner.
 *
 * @param learnerId the learner
 * @param email the address they sign in with
 * @param displayName their name
 * @param csrfToken the token every state-changing form of this session must carry
 * @param expiresAt when the session ends
 */
public record LearnerSession(
        UUID learnerId, String email, String displayName, String csrfToken, Instant expiresAt) {

    public LearnerSession {
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "LearnerSession[" + email + "]";
    }
}
