package org.credence.server.web;

/** Who may call a route. */
public enum Access {
    /** Anyone; state-changing forms carry a pre-session CSRF token (double-submit cookie). */
    PUBLIC,
    /**
     * A signed-in member (session cookie); state-changing requests carry the session's CSRF token.
     */
    SESSION,
    /** An API token ({@code Authorization: Bearer cred_…}); cookies are ignored. */
    API_TOKEN,
    /**
     * A signed-in learner (the wallet's own session cookie, never a member's); state-changing
     * requests carry the learner session's CSRF token.
     */
    LEARNER
}
