package org.credence.app.wallet;

import java.util.Objects;

/**
 * A new learner session: the secret token to give the browser (only its hash is stored) and what it
 * stands for.
 *
 * @param token the session token, shown once
 * @param session the session
 */
public record LearnerSignedIn(String token, LearnerSession session) {

    public LearnerSignedIn {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(session, "session");
    }

    @Override
    public String toString() {
        return "LearnerSignedIn[" + session + "]";
    }
}
