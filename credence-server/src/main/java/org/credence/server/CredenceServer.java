package org.credence.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import org.credence.app.AppException;
import org.credence.app.exchange.WalletProtocolException;
import org.credence.core.json.InputException;
import org.credence.server.api.AccountApi;
import org.credence.server.api.BulkApi;
import org.credence.server.api.CatalogueApi;
import org.credence.server.api.CredentialApi;
import org.credence.server.api.DeliveryApi;
import org.credence.server.api.DesignApi;
import org.credence.server.api.ExchangeApi;
import org.credence.server.api.ObServiceApi;
import org.credence.server.api.Oid4vciApi;
import org.credence.server.api.OpenApiDocument;
import org.credence.server.api.RateLimiter;
import org.credence.server.api.VcApi;
import org.credence.server.api.VerifyApi;
import org.credence.server.web.AccountPages;
import org.credence.server.web.AchievementPages;
import org.credence.server.web.AuditPages;
import org.credence.server.web.Auth;
import org.credence.server.web.BulkPages;
import org.credence.server.web.DashboardPage;
import org.credence.server.web.ErrorMapper;
import org.credence.server.web.IssuerPages;
import org.credence.server.web.MemberPages;
import org.credence.server.web.PublicDocuments;
import org.credence.server.web.Route;
import org.credence.server.web.Routes;
import org.credence.server.web.SkillPages;
import org.credence.server.web.TokenPages;
import org.credence.server.web.Views;
import org.credence.server.web.credential.ClaimPages;
import org.credence.server.web.credential.CredentialPages;
import org.credence.server.web.credential.PublicCredentialPages;
import org.credence.server.web.credential.SendToWalletPages;
import org.credence.server.web.verify.VerifyPages;
import org.credence.server.web.wallet.CollectionPages;
import org.credence.server.web.wallet.LearnerPages;
import org.credence.server.web.wallet.LeavingPages;
import org.credence.server.web.wallet.SharePages;
import org.credence.server.web.wallet.TranscriptPages;
import org.credence.server.web.wallet.WalletDownloads;
import org.credence.server.web.wallet.WalletPages;

/**
 * The Credence HTTP server: pages and the JSON API on Javalin (Jetty), built from explicit settings
 * and services. Every route is registered through {@link Routes}, failures become responses in
 * {@link ErrorMapper}, and every response carries the security headers.
 *
 * <p>Start it once, stop it once. Thread-safe once started.
 */
public final class CredenceServer {

    /** The hard upper limit of any request body (the largest per-route limit: CSV uploads). */
    public static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;

    static final String CSP =
            "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none';"
                    + " base-uri 'none'; form-action 'self'";

    /**
     * Sent when the base URL is https: browsers then refuse plain http to this host for a year (RFC
     * 6797). No {@code includeSubDomains}: the base URL's host may share its domain with sites
     * Credence does not run.
     */
    public static final String HSTS = "max-age=31536000";

    private CredenceServer() {}

    /** Configures the server; nothing listens until {@link Handle#start()}. */
    public static Handle create(ServerConfig config, Services services) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(services, "services");
        Views views = new Views();
        Auth auth =
                new Auth(
                        services.accounts(),
                        services.apiTokens(),
                        services.learners(),
                        config.secureCookies());
        ErrorMapper errors = new ErrorMapper(views, auth);
        Routes[] registry = new Routes[1];
        Javalin app =
                Javalin.create(
                        javalin -> {
                            javalin.startup.showJavalinBanner = false;
                            javalin.startup.showOldJavalinVersionWarning = false;
                            javalin.http.maxRequestSize = MAX_UPLOAD_BYTES;
                            javalin.routes.before(CredenceServer::securityHeaders);
                            if (config.secureCookies()) {
                                javalin.routes.before(
                                        ctx -> ctx.header("Strict-Transport-Security", HSTS));
                            }
                            javalin.routes.exception(AppException.class, errors::handle);
                            javalin.routes.exception(
                                    WalletProtocolException.class, errors::handleWallet);
                            javalin.routes.exception(InputException.class, errors::handleInput);
                            javalin.routes.exception(Exception.class, errors::handleUnexpected);
                            javalin.routes.error(404, "*", errors::notFound);
                            Routes routes = new Routes(javalin.routes, auth);
                            register(routes, services, auth, views, config);
                            registry[0] = routes;
                        });
        return new Handle(app, registry[0], config.port());
    }

    private static void register(
            Routes routes, Services services, Auth auth, Views views, ServerConfig config) {
        new PublicDocuments(services.issuers()).register(routes);
        new AccountPages(services.accounts(), auth, views).register(routes);
        new DashboardPage(services, views).register(routes);
        new MemberPages(services.members(), views, services.host().base()).register(routes);
        new TokenPages(services.apiTokens(), views).register(routes);
        new AuditPages(services.auditLog(), views).register(routes);
        new IssuerPages(services.issuers(), views).register(routes);
        new SkillPages(services.skills(), views).register(routes);
        new AchievementPages(services.achievements(), services.skills(), views).register(routes);
        new AccountApi(services).register(routes);
        new CatalogueApi(services).register(routes);
        new BulkPages(services, views).register(routes);
        new BulkApi(services).register(routes);
        new DesignApi(services).register(routes);
        new CredentialPages(services, views).register(routes);
        new PublicCredentialPages(services.credentials(), services.status(), auth, views)
                .register(routes);
        new ClaimPages(
                        services.delivery(),
                        services.credentials(),
                        auth,
                        views,
                        java.time.Clock.systemUTC())
                .register(routes);
        new LearnerPages(services, auth, views).register(routes);
        new WalletPages(services.wallet(), services.sharing(), services.host().base(), views)
                .register(routes);
        new CollectionPages(services.sharing().collections()).register(routes);
        new SharePages(services, auth, views).register(routes);
        new WalletDownloads(services.wallet(), services.sharing().files()).register(routes);
        new TranscriptPages(services.wallet(), services.walletTranscripts(), views)
                .register(routes);
        new LeavingPages(
                        services.learners(),
                        services.walletExport(),
                        auth,
                        views,
                        java.time.Clock.systemUTC())
                .register(routes);
        new CredentialApi(services).register(routes);
        new DeliveryApi(services).register(routes);
        // One limiter for every public verification: VC-API, the verify API and the verify page,
        // and for the wallet endpoints that anyone can call.
        RateLimiter verifyLimit =
                new RateLimiter(config.verifyBurst(), config.verifyPerSecond(), System::nanoTime);
        new SendToWalletPages(services.wallets(), services.wallet(), views).register(routes);
        new Oid4vciApi(services.wallets().oid4vci(), verifyLimit).register(routes);
        new ExchangeApi(services.wallets().exchanges(), verifyLimit).register(routes);
        new VcApi(services, verifyLimit).register(routes);
        VerifyApi verifyApi = new VerifyApi(services.verification(), verifyLimit);
        verifyApi.register(routes); // before the page: "{id}" alone would match "<id>.json"
        new VerifyPages(services, auth, views, verifyLimit).register(routes, verifyApi::verify);
        new ObServiceApi(services).register(routes);
        new OpenApiDocument(services.host().base()).register(routes);
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        if (ctx.path().startsWith("/app")
                || ctx.path().startsWith("/wallet")
                || ErrorMapper.isJsonApi(ctx)) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    /** A configured server: start it, ask its port, stop it. */
    public static final class Handle implements AutoCloseable {
        private final Javalin app;
        private final Routes routes;
        private final int requestedPort;
        private volatile int port = -1;

        private Handle(Javalin app, Routes routes, int requestedPort) {
            this.app = app;
            this.routes = routes;
            this.requestedPort = requestedPort;
        }

        public Handle start() {
            app.start(requestedPort);
            port = app.port();
            return this;
        }

        /** The port it listens on (after start). */
        public int port() {
            return port;
        }

        public void stop() {
            app.stop();
        }

        @Override
        public void close() {
            stop();
        }

        /** The routes registered through {@link Routes}, with their access rules. */
        public List<Route> routes() {
            return routes.registered();
        }

        /** The HTTP routes Javalin itself knows, as {@code METHOD path}. */
        public List<String> javalinRoutes() {
            return app.unsafe.internalRouter.allHttpHandlers().stream()
                    .filter(parsed -> parsed.endpoint.method.isHttpMethod())
                    .map(parsed -> parsed.endpoint.method.name() + " " + parsed.endpoint.path)
                    .toList();
        }
    }
}
