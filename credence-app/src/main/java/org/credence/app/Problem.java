package org.credence.app;

/** The kinds of failure a service reports; the server maps each to one HTTP status. */
public enum Problem {
    /** Input that is malformed or breaks a rule (400). */
    INVALID_INPUT,
    /** Not signed in, or an unknown API token (401). */
    UNAUTHENTICATED,
    /** Signed in, but the role does not allow it (403). */
    FORBIDDEN,
    /** No such thing, or it belongs to another organisation (404: never reveal which). */
    NOT_FOUND,
    /** It conflicts with the current state: duplicate, already revoked, stale version (409). */
    CONFLICT,
    /** Too large an upload or request (413). */
    TOO_LARGE,
    /** Too many attempts in a short time, e.g. failed logins (429). */
    TOO_MANY_REQUESTS
}
