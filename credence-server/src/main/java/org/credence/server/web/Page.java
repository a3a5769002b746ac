package org.credence.server.web;

import java.util.Objects;
import org.credence.app.organization.Role;
import org.credence.app.organization.Session;
import org.credence.app.wallet.LearnerSession;

/**
 * What the shared layout needs: the title, the signed-in member or learner (null when nobody is),
 * and the CSRF token every form on the page carries.
 *
 * @param title the page title
 * @param session the signed-in member, or null
 * @param csrf the token for the hidden {@code _csrf} field
 * @param learner the signed-in learner on wallet pages, or null
 */
public record Page(String title, Session session, String csrf, LearnerSession learner) {

    public Page {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(csrf, "csrf");
    }

    /** A page without a learner. */
    public Page(String title, Session session, String csrf) {
        this(title, session, csrf, null);
    }

    public static Page of(String title, Session session) {
        return new Page(title, session, session.csrfToken());
    }

    /** A wallet page of a signed-in learner; its forms carry the learner session's token. */
    public static Page of(String title, LearnerSession learner) {
        return new Page(title, null, learner.csrfToken(), learner);
    }

    public boolean learnerSignedIn() {
        return learner != null;
    }

    public boolean signedIn() {
        return session != null;
    }

    /** Whether the member may see owner-only parts (members, tokens, audit log). */
    public boolean owner() {
        return session != null && session.role() == Role.OWNER;
    }
}
