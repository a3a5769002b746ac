package org.credence.server.web;

import java.util.Objects;
import org.credence.app.organization.Role;
import org.credence.app.organization.Session;

/**
 * What the shared layout needs: the title, the signed-in member (null when nobody is), and the CSRF
 * token every form on the page carries.
 *
 * @param title the page title
 * @param session the signed-in member, or null
 * @param csrf the token for the hidden {@code _csrf} field
 */
public record Page(String title, Session session, String csrf) {

    public Page {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(csrf, "csrf");
    }

    public static Page of(String title, Session session) {
        return new Page(title, session, session.csrfToken());
    }

    public boolean signedIn() {
        return session != null;
    }

    /** Whether the member may see owner-only parts (members, tokens, audit log). */
    public boolean owner() {
        return session != null && session.role() == Role.OWNER;
    }
}
