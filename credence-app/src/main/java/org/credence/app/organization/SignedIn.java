package org.credence.app.organization;

import java.util.Objects;

/**
 * A new session: the secret token to give the caller (a cookie; only its hash is stored) and what
 * it stands for.
 *
 * @param token the session token, shown once
 * @param session the session
 */
public record SignedIn(String token, Session session) {

    public SignedIn {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(session, "session");
    }

    @Override
    public String toString() {
        return "SignedIn[" + session + "]";
    }
}
