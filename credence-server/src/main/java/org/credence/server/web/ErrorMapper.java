package org.credence.server.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.exchange.WalletError;
import org.credence.app.exchange.WalletProtocolException;
import org.credence.core.json.InputException;
import org.credence.core.json.Jsons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses. A {@link Problem} maps to one HTTP status; {@code
 * /api/…} answers {@code application/problem+json} (RFC 9457: type, title, status, detail, and
 * {@code errors} naming the field when the message starts with one, as the services' messages do);
 * pages get the HTML error page, and a page that needs a signed-in member sends the browser to the
 * sign-in page. Anything unexpected is logged with an id and answered 500 without details; a
 * client's error (4xx) is logged as one line without a stack trace, since it is the request that is
 * wrong, not the server (hostile JSON used to put 1,000 stack frames in the log per request).
 *
 * <p>Thread-safe.
 */
public final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    private static final Pattern FIELD =
            Pattern.compile("([A-Za-z][A-Za-z0-9_.\\[\\]]{0,63}): (.+)", Pattern.DOTALL);

    private static final String HANDLED = "credence.error-handled";
    private static final int LOGGED_DETAIL = 300;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}+");
    private static final String IMS = "/ims/";

    /** The W3C VC-API endpoints Credence serves (their errors are JSON). */
    public static final Set<String> VC_API_PATHS =
            Set.of(
                    "/credentials/issue",
                    "/credentials/verify",
                    "/credentials/status",
                    "/presentations/verify");

    /**
     * Paths whose POST is a JSON API unless the body is a form: {@code POST /verify} serves the
     * verify page's forms and the Credence verify API.
     */
    public static final Set<String> FORM_OR_API_POSTS = Set.of("/verify");

    private static final String RESULTS = "/verify/results/";

    /** Wallet protocols (OpenID4VCI, VC-API exchanges): their errors are JSON too. */
    private static final Set<String> WALLET_PATHS =
            Set.of(
                    "/.well-known/openid-credential-issuer",
                    "/.well-known/oauth-authorization-server");

    private static final Set<String> WALLET_PREFIXES = Set.of("/oid4vci/", "/exchanges/");

    private final Views views;
    private final Auth auth;

    public ErrorMapper(Views views, Auth auth) {
        this.views = views;
        this.auth = auth;
    }

    public static int status(Problem problem) {
        return switch (problem) {
            case INVALID_INPUT -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case TOO_MANY_REQUESTS -> 429;
        };
    }

    public void handle(AppException e, Context ctx) {
        respond(ctx, e.problem(), e.getMessage());
    }

    /**
     * Untrusted JSON the core's reader refused (too deep, too large, duplicate keys, malformed)
     * wherever it escaped a handler: the input's fault, a 400.
     */
    public void handleInput(InputException e, Context ctx) {
        respond(ctx, Problem.INVALID_INPUT, e.getMessage());
    }

    /**
     * OAuth and OpenID4VCI errors: {@code {"error", "error_description"}} (RFC 6749 §5.2); a
     * missing or bad access token also gets {@code WWW-Authenticate} (RFC 6750 §3).
     */
    public void handleWallet(WalletProtocolException e, Context ctx) {
        ctx.attribute(HANDLED, Boolean.TRUE);
        logClientError(ctx, e.error().status(), e.error().code() + ": " + e.getMessage());
        if (e.error() == WalletError.INVALID_TOKEN) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        ctx.status(e.error().status())
                .contentType("application/json")
                .result(
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add("error", e.error().code())
                                .add("error_description", e.getMessage())
                                .build()
                                .toString());
    }

    public void handleUnexpected(Exception e, Context ctx) {
        String id = UUID.randomUUID().toString();
        LOG.error("Unexpected failure {} on {} {}", id, ctx.method().name(), ctx.path(), e);
        respond(ctx, null, "Something went wrong on our side (reference " + id + ")");
    }

    /** Unmatched routes (Javalin calls this for every 404, also those answered above). */
    public void notFound(Context ctx) {
        if (ctx.attribute(HANDLED) == null) {
            respond(ctx, Problem.NOT_FOUND, "There is nothing at " + ctx.path());
        }
    }

    private void respond(Context ctx, Problem problem, String detail) {
        ctx.attribute(HANDLED, Boolean.TRUE);
        int status = problem == null ? 500 : status(problem);
        if (problem != null) {
            logClientError(ctx, status, detail);
        }
        if (ctx.path().startsWith(IMS)) {
            ctx.status(status)
                    .contentType("application/json")
                    .result(ImsxStatus.json(status, detail));
        } else if (isApi(ctx)) {
            ctx.status(status)
                    .contentType("application/problem+json")
                    .result(problemJson(problem, status, detail));
        } else if (problem == Problem.UNAUTHENTICATED && ctx.method().equals(HandlerType.GET)) {
            ctx.redirect(isWallet(ctx) ? "/wallet/login" : "/login");
        } else {
            ctx.status(status);
            Page page =
                    isWallet(ctx)
                            ? auth.learner(ctx)
                                    .map(learner -> Page.of(title(problem), learner))
                                    .orElseGet(() -> new Page(title(problem), null, ""))
                            : auth.session(ctx)
                                    .map(session -> Page.of(title(problem), session))
                                    .orElseGet(() -> new Page(title(problem), null, ""));
            views.render(ctx, "error.jte", page, "status", status, "detail", detail);
        }
    }

    /**
     * One line per refused request: status, method, path and the reason, with control characters (a
     * CR/LF in a reason could forge log lines) folded and long reasons cut.
     */
    private static void logClientError(Context ctx, int status, String detail) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String reason = CONTROL.matcher(String.valueOf(detail)).replaceAll(" ");
        if (reason.length() > LOGGED_DETAIL) {
            reason = reason.substring(0, LOGGED_DETAIL) + "…";
        }
        LOG.info("Client error {} on {} {}: {}", status, ctx.method().name(), ctx.path(), reason);
    }

    /** Wallet pages: their sign-in is the learner's, their layout the wallet's. */
    private static boolean isWallet(Context ctx) {
        return ctx.path().startsWith("/wallet");
    }

    /**
     * Whether failures on {@code path} are answered as JSON: {@code /api/…}, the Open Badges
     * Service API ({@code /ims/…}) and the VC-API's endpoints.
     */
    public static boolean isJsonApi(String path) {
        return path.startsWith("/api/")
                || path.startsWith(IMS)
                || VC_API_PATHS.contains(path)
                || (path.startsWith(RESULTS) && path.endsWith(".json"))
                || WALLET_PATHS.contains(path)
                || WALLET_PREFIXES.stream().anyMatch(path::startsWith);
    }

    /** Whether this request is answered as JSON: a JSON API path, or a non-form API POST. */
    public static boolean isJsonApi(Context ctx) {
        return isJsonApi(ctx.path())
                || (ctx.method().equals(HandlerType.POST)
                        && FORM_OR_API_POSTS.contains(ctx.path())
                        && !Routes.isForm(ctx));
    }

    private static boolean isApi(Context ctx) {
        return isJsonApi(ctx);
    }

    static String problemJson(Problem problem, int status, String detail) {
        JsonObjectBuilder json =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("type", "about:blank")
                        .add("title", title(problem))
                        .add("status", status)
                        .add("detail", detail);
        Matcher field = FIELD.matcher(detail);
        if (problem == Problem.INVALID_INPUT && field.matches()) {
            JsonArrayBuilder errors =
                    Jsons.PROVIDER
                            .createArrayBuilder()
                            .add(
                                    Jsons.PROVIDER
                                            .createObjectBuilder()
                                            .add("field", field.group(1))
                                            .add("detail", field.group(2)));
            json.add("errors", errors);
        }
        return json.build().toString();
    }

    static String title(Problem problem) {
        if (problem == null) {
            return "Internal server error";
        }
        return switch (problem) {
            case INVALID_INPUT -> "Invalid input";
            case UNAUTHENTICATED -> "Not signed in";
            case FORBIDDEN -> "Not allowed";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict";
            case TOO_LARGE -> "Too large";
            case TOO_MANY_REQUESTS -> "Too many requests";
        };
    }
}
