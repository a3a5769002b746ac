package org.credence.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Session;
import org.credence.app.wallet.LearnerSession;

/**
 * Registers routes with Javalin through one door, so that every route gets the same guards in the
 * same order: the body size limit, then authentication for its {@link Access}, then the CSRF check
 * for state-changing page requests. It also keeps the list of what was registered, which the
 * tenant-isolation test compares with Javalin's own.
 *
 * <p>Used while the server is configured, on one thread.
 */
public final class Routes {

    /** The default request body limit: 1 MiB. */
    public static final long DEFAULT_MAX_BODY = 1024 * 1024;

    /** A page handler for a signed-in member. */
    @FunctionalInterface
    public interface SessionHandler {
        void handle(Context ctx, Session session) throws Exception;
    }

    /** A wallet page handler for a signed-in learner. */
    @FunctionalInterface
    public interface LearnerHandler {
        void handle(Context ctx, LearnerSession learner) throws Exception;
    }

    /** An API handler for an API token's actor. */
    @FunctionalInterface
    public interface ApiHandler {
        void handle(Context ctx, Actor actor) throws Exception;
    }

    private final RoutesConfig config;
    private final Auth auth;
    private final List<Route> registered = new ArrayList<>();

    public Routes(RoutesConfig config, Auth auth) {
        this.config = Objects.requireNonNull(config, "config");
        this.auth = Objects.requireNonNull(auth, "auth");
    }

    public void publicGet(String path, Handler handler) {
        add(HandlerType.GET, path, Access.PUBLIC, DEFAULT_MAX_BODY, handler);
    }

    /** A public form post, checked against the pre-session CSRF cookie. */
    public void publicPost(String path, Handler handler) {
        publicPost(path, DEFAULT_MAX_BODY, handler);
    }

    /**
     * A public JSON API route (e.g. VC-API verification): no session, no CSRF token (it changes
     * nothing and reads no cookie), the handler applies its own rate limit.
     */
    public void publicApi(HandlerType method, String path, long maxBodyBytes, Handler handler) {
        add(method, path, Access.PUBLIC, maxBodyBytes, handler);
    }

    /**
     * A public POST that is both a page's form and a JSON API (e.g. {@code POST /verify}): form
     * bodies ({@link #isForm}) are checked against the pre-session CSRF cookie and go to {@code
     * form}; any other body goes to {@code api}, without CSRF (it reads no cookie). One body limit.
     */
    public void publicFormOrApi(String path, long maxBodyBytes, Handler form, Handler api) {
        add(
                HandlerType.POST,
                path,
                Access.PUBLIC,
                maxBodyBytes,
                ctx -> {
                    if (isForm(ctx)) {
                        auth.requireAnonymousCsrf(ctx);
                        form.handle(ctx);
                    } else {
                        api.handle(ctx);
                    }
                });
    }

    /** A public form post with its own body limit (e.g. file uploads). */
    public void publicPost(String path, long maxBodyBytes, Handler handler) {
        add(
                HandlerType.POST,
                path,
                Access.PUBLIC,
                maxBodyBytes,
                ctx -> {
                    auth.requireAnonymousCsrf(ctx);
                    handler.handle(ctx);
                });
    }

    /** Whether the request body is an HTML form (URL-encoded or multipart). */
    public static boolean isForm(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("application/x-www-form-urlencoded")
                || lower.startsWith("multipart/form-data");
    }

    public void page(HandlerType method, String path, SessionHandler handler) {
        page(method, path, DEFAULT_MAX_BODY, handler);
    }

    /** A page route with its own body limit (e.g. CSV uploads). */
    public void page(HandlerType method, String path, long maxBodyBytes, SessionHandler handler) {
        add(
                method,
                path,
                Access.SESSION,
                maxBodyBytes,
                ctx -> {
                    Session session = auth.requireSession(ctx);
                    if (!method.equals(HandlerType.GET)) {
                        auth.requireSessionCsrf(ctx, session);
                    }
                    handler.handle(ctx, session);
                });
    }

    /** A learner's page: the wallet session, and its CSRF token on state-changing requests. */
    public void learnerPage(HandlerType method, String path, LearnerHandler handler) {
        learnerPage(method, path, DEFAULT_MAX_BODY, handler);
    }

    /** A learner's page with its own body limit (e.g. credential uploads). */
    public void learnerPage(
            HandlerType method, String path, long maxBodyBytes, LearnerHandler handler) {
        add(
                method,
                path,
                Access.LEARNER,
                maxBodyBytes,
                ctx -> {
                    LearnerSession learner = auth.requireLearner(ctx);
                    if (!method.equals(HandlerType.GET)) {
                        auth.requireLearnerCsrf(ctx, learner);
                    }
                    handler.handle(ctx, learner);
                });
    }

    public void api(HandlerType method, String path, ApiHandler handler) {
        api(method, path, DEFAULT_MAX_BODY, handler);
    }

    /** An API route with its own body limit (e.g. CSV uploads). */
    public void api(HandlerType method, String path, long maxBodyBytes, ApiHandler handler) {
        add(
                method,
                path,
                Access.API_TOKEN,
                maxBodyBytes,
                ctx -> handler.handle(ctx, auth.requireApiToken(ctx)));
    }

    /** Everything registered so far, in order. */
    public List<Route> registered() {
        return List.copyOf(registered);
    }

    private void add(
            HandlerType method, String path, Access access, long maxBodyBytes, Handler handler) {
        registered.add(new Route(method.name(), path, access, maxBodyBytes));
        Handler guarded =
                ctx -> {
                    limitBody(ctx, maxBodyBytes);
                    handler.handle(ctx);
                };
        if (method.equals(HandlerType.GET)) {
            config.get(path, guarded);
        } else if (method.equals(HandlerType.POST)) {
            config.post(path, guarded);
        } else if (method.equals(HandlerType.DELETE)) {
            config.delete(path, guarded);
        } else if (method.equals(HandlerType.PUT)) {
            config.put(path, guarded);
        } else if (method.equals(HandlerType.PATCH)) {
            config.patch(path, guarded);
        } else {
            throw new IllegalArgumentException("Unsupported method " + method.name());
        }
    }

    /**
     * Refused bodies up to this size are read and thrown away before the 413 is sent. Answering
     * while the client is still sending makes the server close the connection under it, and many
     * clients (Java's HttpClient among them) then report a broken connection instead of the 413.
     * Larger bodies are not read: the connection is closed.
     */
    private static final long DISCARD_AT_MOST = 64L * 1024 * 1024;

    private static void discardBody(Context ctx, long length) {
        if (length > DISCARD_AT_MOST) {
            return;
        }
        try {
            ctx.req().getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The client gave up sending: nothing left to protect the answer from.
        }
    }

    private static void limitBody(Context ctx, long maxBodyBytes) {
        long length = ctx.req().getContentLengthLong();
        if (length > maxBodyBytes) {
            discardBody(ctx, length);
            throw new AppException(
                    Problem.TOO_LARGE,
                    "The request body has "
                            + length
                            + " bytes; this address accepts at most "
                            + maxBodyBytes);
        }
        if (length < 0 && ctx.header("Transfer-Encoding") != null) {
            throw new AppException(
                    Problem.TOO_LARGE,
                    "Send the request body with a Content-Length (at most "
                            + maxBodyBytes
                            + " bytes)");
        }
    }
}
