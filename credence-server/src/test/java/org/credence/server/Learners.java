package org.credence.server;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.award.AwardRecipient;
import org.credence.app.award.IssueRequest;
import org.credence.app.wallet.LearnerSession;

/** Test steps for the learner wallet over HTTP: a learner's browser, their e-mails, issuing. */
final class Learners {

    static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");
    static final Pattern CLAIM = Pattern.compile("/claim/([A-Za-z0-9_-]{43})");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private Learners() {}

    /**
     * A learner's browser: the wallet cookie and its session's CSRF token.
     *
     * @param cookie the {@code credence_wallet} value
     * @param csrf the token for forms
     * @param session who it is
     */
    record Learner(String cookie, String csrf, LearnerSession session) {
        UUID id() {
            return session.learnerId();
        }
    }

    /**
     * Opens a wallet through {@code /wallet/signup} (from a claim link when {@code claim}) and the
     * e-mailed confirmation link; the answer is the confirmation's (or the form's, when refused).
     */
    static HttpResponse<String> signUpResponse(
            TestServer server, String name, String email, String claim) {
        String path = "/wallet/signup" + (claim == null ? "" : "?claim=" + claim);
        HttpResponse<String> form = server.send(HttpRequest.newBuilder(server.uri(path)).GET());
        String csrf = TestServer.cookie(form, "credence_csrf");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf);
        fields.put("displayName", name);
        fields.put("email", email);
        fields.put("password", TestServer.PASSWORD);
        if (claim != null) {
            fields.put("claim", claim);
        }
        HttpResponse<String> asked =
                server.send(
                        HttpRequest.newBuilder(server.uri("/wallet/signup"))
                                .header("Cookie", "credence_csrf=" + csrf)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(TestServer.form(fields)));
        if (asked.statusCode() != 200) {
            return asked;
        }
        // the account exists once the e-mailed link is confirmed
        String token = server.linkToken(email, "/wallet/signup/");
        return server.confirmLink(
                "/wallet/signup/" + token + (claim == null ? "" : "?claim=" + claim),
                csrf,
                Map.of());
    }

    static Learner signUp(TestServer server, String name, String email) {
        HttpResponse<String> response = signUpResponse(server, name, email, null);
        if (response.statusCode() != 303) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return browser(server, TestServer.cookie(response, "credence_wallet"));
    }

    /** A learner who signed up and verified their address with the e-mailed code. */
    static Learner verified(TestServer server, String name, String email) {
        Learner learner = signUp(server, name, email);
        var first = server.services().identifiers().identifiers(learner.id()).get(0);
        if (first.verified()) {
            return learner; // the sign-up link verified the address
        }
        UUID identifier = first.id();
        HttpResponse<String> verified =
                post(
                        server,
                        "/wallet/identifiers/" + identifier + "/verify",
                        learner,
                        Map.of("code", code(server, email)));
        if (verified.statusCode() != 303) {
            throw new IllegalStateException(verified.statusCode() + " " + verified.body());
        }
        return learner;
    }

    static Learner browser(TestServer server, String cookie) {
        HttpResponse<String> page = get(server, "/wallet", cookie);
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on /wallet: " + page.statusCode());
        }
        return new Learner(
                cookie, csrf.group(1), server.services().learners().session(cookie).orElseThrow());
    }

    static HttpResponse<String> get(TestServer server, String path, Learner learner) {
        return get(server, path, learner.cookie());
    }

    static HttpResponse<String> get(TestServer server, String path, String cookie) {
        return server.send(
                HttpRequest.newBuilder(server.uri(path))
                        .header("Cookie", "credence_wallet=" + cookie)
                        .GET());
    }

    static HttpResponse<String> post(
            TestServer server, String path, Learner learner, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", learner.csrf());
        all.putAll(fields);
        return server.send(
                HttpRequest.newBuilder(server.uri(path))
                        .header("Cookie", "credence_wallet=" + learner.cookie())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(TestServer.form(all)));
    }

    static HttpResponse<String> upload(
            TestServer server, String path, Learner learner, Multipart.File file, String url) {
        Multipart multipart =
                new Multipart().field("_csrf", learner.csrf()).field("url", url == null ? "" : url);
        if (file != null) {
            multipart.file("file", file);
        }
        return server.send(
                HttpRequest.newBuilder(server.uri(path))
                        .header("Cookie", "credence_wallet=" + learner.cookie())
                        .header("Content-Type", multipart.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes())));
    }

    /** The code in the newest e-mail queued to {@code address} (read from the outbox). */
    static String code(TestServer server, String address) {
        return find(CODE, lastEmail(server, address));
    }

    /** The claim token in the newest e-mail queued to {@code address}. */
    static String claimToken(TestServer server, String address) {
        return find(CLAIM, lastEmail(server, address));
    }

    /** Issues the organisation's achievement to {@code email}, with its e-mail and claim link. */
    static UUID issue(TestServer server, CredentialPagesTest.Org org, String email) {
        return server.services()
                .awards()
                .issue(
                        org.owner().session().actor(),
                        IssueRequest.of(
                                org.issuerId(), org.achievementId(), AwardRecipient.ofEmail(email)),
                        server.services().delivery().emailOnIssue(server.services().host().base()))
                .id();
    }

    private static String lastEmail(TestServer server, String address) {
        return server.services()
                .database()
                .jdbi()
                .withHandle(
                        handle ->
                                handle.createQuery(
                                                "SELECT text FROM email_outbox"
                                                        + " WHERE LOWER(to_address) = :to"
                                                        + " ORDER BY created_at DESC LIMIT 1")
                                        .bind("to", address.toLowerCase(java.util.Locale.ROOT))
                                        .mapTo(String.class)
                                        .one());
    }

    static UUID idFrom(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return UUID.fromString(
                find(Pattern.compile("/wallet/credentials/([0-9a-f-]{36})"), location));
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("nothing like " + pattern + " in " + text);
        }
        return matcher.group(1);
    }
}
