package org.credence.server.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.organization.AccountService;
import org.credence.app.organization.Actor;
import org.credence.app.organization.ApiTokenService;
import org.credence.app.organization.Session;
import org.credence.app.organization.SignedIn;
import org.credence.app.wallet.LearnerAccountService;
import org.credence.app.wallet.LearnerSession;
import org.credence.app.wallet.LearnerSignedIn;

/**
 * Who is calling: the session cookie for pages, the wallet cookie for learners' pages, the bearer
 * token for {@code /api/v1}; and the CSRF checks. A member's and a learner's sessions are separate
 * cookies checked by separate services: neither ever opens the other's pages. Pages carry the
 * session's CSRF token in a hidden {@code _csrf} field; forms shown before signing in carry a
 * random token that must equal the {@code credence_csrf} cookie (double submit).
 *
 * <p>Thread-safe.
 */
public final class Auth {

    public static final String SESSION_COOKIE = "credence_session";
    public static final String CSRF_COOKIE = "credence_csrf";
    public static final String CSRF_FIELD = "_csrf";
    public static final String LEARNER_COOKIE = "credence_wallet";

    private static final String SESSION_ATTRIBUTE = "credence.session";
    private static final String LEARNER_ATTRIBUTE = "credence.learner";

    private final AccountService accounts;
    private final ApiTokenService apiTokens;
    private final LearnerAccountService learners;
    private final boolean secureCookies;
    private final SecureRandom random = new SecureRandom();

    public Auth(
            AccountService accounts,
            ApiTokenService apiTokens,
            LearnerAccountService learners,
            boolean secureCookies) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.apiTokens = Objects.requireNonNull(apiTokens, "apiTokens");
        this.learners = Objects.requireNonNull(learners, "learners");
        this.secureCookies = secureCookies;
    }

    /** The signed-in member, if any (looked up once per request). */
    public Optional<Session> session(Context ctx) {
        Session cached = ctx.attribute(SESSION_ATTRIBUTE);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Session> session = accounts.session(ctx.cookie(SESSION_COOKIE));
        session.ifPresent(value -> ctx.attribute(SESSION_ATTRIBUTE, value));
        return session;
    }

    Session requireSession(Context ctx) {
        return session(ctx)
                .orElseThrow(() -> new AppException(Problem.UNAUTHENTICATED, "Please sign in"));
    }

    /** The signed-in learner, if any (looked up once per request). */
    public Optional<LearnerSession> learner(Context ctx) {
        LearnerSession cached = ctx.attribute(LEARNER_ATTRIBUTE);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<LearnerSession> learner = learners.session(ctx.cookie(LEARNER_COOKIE));
        learner.ifPresent(value -> ctx.attribute(LEARNER_ATTRIBUTE, value));
        return learner;
    }

    LearnerSession requireLearner(Context ctx) {
        return learner(ctx)
                .orElseThrow(
                        () ->
                                new AppException(
                                        Problem.UNAUTHENTICATED, "Please sign in to your wallet"));
    }

    void requireLearnerCsrf(Context ctx, LearnerSession learner) {
        if (!same(ctx.formParam(CSRF_FIELD), learner.csrfToken())) {
            throw csrfRefused();
        }
    }

    /** Gives the browser its wallet cookie. */
    public void signIn(Context ctx, LearnerSignedIn signedIn) {
        setCookie(
                ctx,
                LEARNER_COOKIE,
                signedIn.token(),
                (int) LearnerAccountService.SESSION_LIFETIME.toSeconds());
    }

    /** Ends the learner's session and removes the wallet cookie. */
    public void signOutLearner(Context ctx) {
        learners.logout(ctx.cookie(LEARNER_COOKIE));
        setCookie(ctx, LEARNER_COOKIE, "", 0);
    }

    void requireSessionCsrf(Context ctx, Session session) {
        if (!same(ctx.formParam(CSRF_FIELD), session.csrfToken())) {
            throw csrfRefused();
        }
    }

    void requireAnonymousCsrf(Context ctx) {
        String cookie = ctx.cookie(CSRF_COOKIE);
        if (cookie == null || !same(ctx.formParam(CSRF_FIELD), cookie)) {
            throw csrfRefused();
        }
    }

    /** The CSRF token for a form shown to someone not signed in (set as a cookie when new). */
    public String anonymousCsrf(Context ctx) {
        String existing = ctx.cookie(CSRF_COOKIE);
        if (existing != null && existing.matches("[A-Za-z0-9_-]{43}")) {
            return existing;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        setCookie(ctx, CSRF_COOKIE, token, -1);
        return token;
    }

    Actor requireApiToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new AppException(
                    Problem.UNAUTHENTICATED, "Send an API token: Authorization: Bearer cred_…");
        }
        return apiTokens
                .authenticate(header.substring(7).strip())
                .orElseThrow(
                        () ->
                                new AppException(
                                        Problem.UNAUTHENTICATED,
                                        "The API token is unknown or revoked"));
    }

    /** Gives the browser its session cookie. */
    public void signIn(Context ctx, SignedIn signedIn) {
        setCookie(
                ctx,
                SESSION_COOKIE,
                signedIn.token(),
                (int) AccountService.SESSION_LIFETIME.toSeconds());
    }

    /** Ends the session and removes the cookie. */
    public void signOut(Context ctx) {
        accounts.logout(ctx.cookie(SESSION_COOKIE));
        setCookie(ctx, SESSION_COOKIE, "", 0);
    }

    /** Written by hand: the attributes must be exactly these (HttpOnly, SameSite=Lax, Secure). */
    private void setCookie(Context ctx, String name, String value, int maxAgeSeconds) {
        StringBuilder cookie =
                new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly");
        cookie.append("; SameSite=Lax");
        if (maxAgeSeconds >= 0) {
            cookie.append("; Max-Age=").append(maxAgeSeconds);
        }
        if (secureCookies) {
            cookie.append("; Secure");
        }
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }

    private static boolean same(String given, String expected) {
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8),
                        expected.getBytes(StandardCharsets.UTF_8));
    }

    private static AppException csrfRefused() {
        return new AppException(
                Problem.FORBIDDEN,
                "The form has expired or did not come from this site; reload the page and try"
                        + " again");
    }
}
