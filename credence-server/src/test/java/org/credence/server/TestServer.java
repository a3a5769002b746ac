package org.credence.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.credence.app.db.Database;
import org.credence.app.db.DatabaseSettings;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.MasterKey;
import org.credence.app.issuer.Operators;
import org.credence.app.organization.PasswordHasher;
import org.credence.app.organization.Role;
import org.credence.app.organization.Session;
import org.credence.app.verification.FetchSettings;
import org.credence.app.verification.SafeFetcher;
import org.credence.app.verification.VerificationSources;
import org.credence.testing.db.TestDatabase;

/**
 * A real Credence server for tests: a fresh database, the server on a random port, and helpers to
 * sign up (through the real pages) and call pages and the API. Passwords are hashed with cheap
 * Argon2id parameters to keep tests fast. Close it to stop the server and the database.
 *
 * <p>Published in credence-server's test-jar for browser tests in other modules.
 */
public final class TestServer implements AutoCloseable {

    public static final String PASSWORD = "a long enough passphrase";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("^([a-z_]+)=([^;]*)");

    private final Services services;
    private final CredenceServer.Handle server;
    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestServer(Services services, CredenceServer.Handle server) {
        this.services = services;
        this.server = server;
    }

    /** Starts a server on a fresh database of that engine. */
    public static TestServer start(TestDatabase testDatabase) {
        return start(testDatabase, ServerConfig.DEFAULT_VERIFY_PER_SECOND);
    }

    /**
     * Starts a server whose public verifications allow {@code verifyPerSecond} per client address
     * (tests that send every vector raise it above the anti-abuse default).
     */
    public static TestServer start(TestDatabase testDatabase, double verifyPerSecond) {
        return start(testDatabase, verifyPerSecond, Clock.systemUTC());
    }

    /** Starts a server whose services read {@code clock} (tests that expire things move it). */
    public static TestServer start(TestDatabase testDatabase, Clock clock) {
        return start(testDatabase, ServerConfig.DEFAULT_VERIFY_PER_SECOND, clock);
    }

    /**
     * Starts a server that is configured as having a mail server: invitation links are then only
     * e-mailed (tests send the outbox themselves, e.g. to GreenMail).
     */
    public static TestServer startWithMail(TestDatabase testDatabase) {
        return start(
                testDatabase,
                ServerConfig.DEFAULT_VERIFY_PER_SECOND,
                Clock.systemUTC(),
                defaultSources(Clock.systemUTC()),
                Operators.NONE,
                true);
    }

    /**
     * Starts a server whose verifier (and domain verification) fetch through {@code sources} (e.g.
     * a safe fetcher allowing a loopback test host) and whose installation operators are {@code
     * operators}.
     */
    public static TestServer start(
            TestDatabase testDatabase, VerificationSources sources, Operators operators) {
        return start(
                testDatabase,
                ServerConfig.DEFAULT_VERIFY_PER_SECOND,
                Clock.systemUTC(),
                sources,
                operators,
                false);
    }

    private static TestServer start(
            TestDatabase testDatabase, double verifyPerSecond, Clock clock) {
        return start(
                testDatabase, verifyPerSecond, clock, defaultSources(clock), Operators.NONE, false);
    }

    private static VerificationSources defaultSources(Clock clock) {
        return new VerificationSources(
                Optional.of(new SafeFetcher(FetchSettings.STANDARD, clock)), List.of());
    }

    private static TestServer start(
            TestDatabase testDatabase,
            double verifyPerSecond,
            Clock clock,
            VerificationSources sources,
            Operators operators,
            boolean mail) {
        Database database =
                Database.open(
                        new DatabaseSettings(
                                testDatabase.jdbcUrl(),
                                testDatabase.user(),
                                testDatabase.password(),
                                8));
        SecureRandom random = new SecureRandom();
        DidWebHost host = DidWebHost.of("http://localhost");
        Services services =
                Services.of(
                        database,
                        host,
                        MasterKey.generate(random),
                        clock,
                        new PasswordHasher.Parameters(64, 1, 1),
                        Services.JOB_LEASE,
                        sources,
                        operators);
        try {
            return new TestServer(
                    services,
                    CredenceServer.create(
                                    new ServerConfig(0, host, verifyPerSecond, mail), services)
                            .start());
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    public Services services() {
        return services;
    }

    public CredenceServer.Handle server() {
        return server;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    /**
     * A signed-in browser: its session cookie, the session's CSRF token, and the session.
     *
     * @param cookie the {@code credence_session} value
     * @param csrf the token for forms
     * @param session who it is
     */
    public record Browser(String cookie, String csrf, Session session) {}

    /** Signs up through {@code /signup} and returns the new owner's browser. */
    /**
     * Marks an issuer vetted, as this installation's operator would on {@code
     * /app/operator/issuers}: only vetted or registry-listed issuers pass issuer trust, so tests of
     * the "Verified" path vet their issuer first (an unvetted one is "signature valid, issuer not
     * confirmed").
     */
    public void vet(UUID issuerId) {
        String email = "operator@credence.test";
        services.issuerTrust()
                .setVetted(new Operators(List.of(email)).require(email), issuerId, true);
    }

    /** Vets every issuer of this installation (see {@link #vet}). */
    public void vetAllIssuers() {
        String email = "operator@credence.test";
        Operators.Operator operator = new Operators(List.of(email)).require(email);
        services.issuerTrust()
                .allIssuers(operator)
                .forEach(
                        view ->
                                services.issuerTrust()
                                        .setVetted(operator, view.issuer().id(), true));
    }

    public Browser signUp(String organisationName, String email) {
        return signUp(organisationName, "Test Owner", email);
    }

    public Browser signUp(String organisationName, String displayName, String email) {
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/signup")).GET());
        String csrfCookie = cookie(form, "credence_csrf");
        HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(uri("/signup"))
                                .header("Cookie", "credence_csrf=" + csrfCookie)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(
                                        form(
                                                Map.of(
                                                        "_csrf", csrfCookie,
                                                        "organisationName", organisationName,
                                                        "displayName", displayName,
                                                        "email", email,
                                                        "password", PASSWORD))));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "Sign-up failed: " + response.statusCode() + " " + response.body());
        }
        HttpResponse<String> confirmed =
                confirmLink("/signup/" + linkToken(email, "/signup/"), csrfCookie, Map.of());
        if (confirmed.statusCode() != 303) {
            throw new IllegalStateException(
                    "Confirming the sign-up failed: "
                            + confirmed.statusCode()
                            + " "
                            + confirmed.body());
        }
        return browser(cookie(confirmed, "credence_session"));
    }

    private static final Pattern LINK_TOKEN = Pattern.compile("([A-Za-z0-9_-]{43})");

    /**
     * The token of the newest link to {@code path} e-mailed to {@code address} (read from the
     * outbox, where every e-mail is queued before it is sent).
     */
    public String linkToken(String address, String path) {
        String text = lastEmailText(address);
        Matcher matcher = Pattern.compile(Pattern.quote(path) + LINK_TOKEN.pattern()).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + path + " link in the e-mail: " + text);
        }
        return matcher.group(1);
    }

    private String lastEmailText(String address) {
        return services.database()
                .jdbi()
                .withHandle(
                        handle ->
                                handle.createQuery(
                                                "SELECT text FROM email_outbox"
                                                        + " WHERE LOWER(to_address) = :to"
                                                        + " ORDER BY created_at DESC"
                                                        + " LIMIT 1")
                                        .bind("to", address.toLowerCase(java.util.Locale.ROOT))
                                        .mapTo(String.class)
                                        .one());
    }

    /**
     * The path (and query) of the newest link to {@code path} e-mailed to {@code address}, as the
     * e-mail gives it (a wallet sign-up's link carries the claim it came from).
     */
    public String emailedLink(String address, String path) {
        String token = linkToken(address, path);
        String text = lastEmailText(address);
        Matcher claim =
                Pattern.compile(Pattern.quote(token) + "(\\?claim=[A-Za-z0-9_-]{43})?")
                        .matcher(text);
        claim.find();
        return path + token + (claim.group(1) == null ? "" : claim.group(1));
    }

    /** Posts a public form (an e-mailed link's confirmation) with the pre-session CSRF cookie. */
    public HttpResponse<String> confirmLink(
            String path, String csrfCookie, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", csrfCookie);
        all.putAll(fields);
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Cookie", "credence_csrf=" + csrfCookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(form(all)));
    }

    /**
     * The browser of an existing session cookie, its CSRF token read from the dashboard's forms.
     */
    public Browser browser(String sessionCookie) {
        HttpResponse<String> dashboard = get("/app", sessionCookie);
        Matcher csrf = CSRF.matcher(dashboard.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on /app: " + dashboard.statusCode());
        }
        Session session = services.accounts().session(sessionCookie).orElseThrow();
        return new Browser(sessionCookie, csrf.group(1), session);
    }

    /**
     * A new person invited into the owner's organisation with {@code role}, who accepts by creating
     * their account, signed in there.
     */
    public Browser member(Browser owner, String email, Role role) {
        String invitation = services.members().invite(owner.session().actor(), email, role).token();
        return browser(
                services.accounts()
                        .acceptInvitation(invitation, "Member " + email, PASSWORD)
                        .token());
    }

    /** An API token of the browser's organisation with that role (created through the service). */
    public String apiToken(Browser owner, Role role) {
        return services.apiTokens()
                .create(owner.session().actor(), "test " + role.value(), role)
                .secret();
    }

    public HttpResponse<String> get(String path, String sessionCookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (sessionCookie != null) {
            request.header("Cookie", "credence_session=" + sessionCookie);
        }
        return send(request);
    }

    public HttpResponse<String> get(String path, Browser browser) {
        return get(path, browser.cookie());
    }

    /** A form post with the browser's cookie and CSRF token (unless the fields give another). */
    public HttpResponse<String> post(String path, Browser browser, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", browser.csrf());
        all.putAll(fields);
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Cookie", "credence_session=" + browser.cookie())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(form(all)));
    }

    /** An API call with a bearer token and an optional JSON body. */
    public HttpResponse<String> api(String method, String path, String token, String json) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path))
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value a response sets for a cookie. */
    public static String cookie(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            Matcher matcher = COOKIE.matcher(header);
            if (matcher.find() && matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        throw new IllegalStateException("No " + name + " cookie in " + response.headers().map());
    }

    public static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(
                fields.entrySet().stream()
                        .map(
                                entry ->
                                        URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)
                                                + "="
                                                + URLEncoder.encode(
                                                        entry.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")));
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            services.close();
        }
    }
}
