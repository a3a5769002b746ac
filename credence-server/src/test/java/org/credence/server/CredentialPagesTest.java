package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.credence.app.achievement.AchievementDraft;
import org.credence.app.credential.CredentialQuery;
import org.credence.app.credential.CredentialState;
import org.credence.app.issuer.IssuerDraft;
import org.credence.app.organization.Role;
import org.credence.app.status.StatusPolicy;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.server.TestServer.Browser;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issuing, managing, publishing and claiming credentials over HTTP, on a real server and database.
 */
class CredentialPagesTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Pattern FORM_KEY = Pattern.compile("name=\"formKey\" value=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CLAIM_LINK = Pattern.compile("/claim/([A-Za-z0-9_-]{43})");
    private static final String SCRIPT = "<script>alert(1)</script>";

    /** An organisation ready to issue: its owner, issuer and achievement. */
    record Org(Browser owner, UUID issuerId, UUID achievementId) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_issue_once_when_the_form_is_submitted_twice_and_once_per_api_key(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Org org = org(server, "Safe Medication");
            String formKey =
                    match(FORM_KEY, server.get("/app/credentials/new", org.owner()).body());
            Map<String, String> fields = issueFields(org, formKey, "ada@example.org", "Ada");

            // WHEN the same form is posted twice
            HttpResponse<String> first = server.post("/app/credentials", org.owner(), fields);
            HttpResponse<String> second = server.post("/app/credentials", org.owner(), fields);

            // THEN one credential and one e-mail
            assertThat(first.statusCode()).isEqualTo(303);
            assertThat(second.headers().firstValue("Location"))
                    .isEqualTo(first.headers().firstValue("Location"));
            UUID fromForm = idFromLocation(first);
            assertThat(total(server, org)).isEqualTo(1);
            assertThat(server.services().delivery().emails(org.owner().session().actor(), fromForm))
                    .hasSize(1);
            HttpResponse<String> detail =
                    server.get(first.headers().firstValue("Location").orElseThrow(), org.owner());
            assertThat(detail.body()).contains("The credential was issued.", "Valid", "issued");

            // WHEN the API is called twice with one Idempotency-Key
            String token = server.apiToken(org.owner(), Role.ISSUER);
            String body =
                    "{\"issuerId\":\""
                            + org.issuerId()
                            + "\",\"achievementId\":\""
                            + org.achievementId()
                            + "\",\"recipient\":{\"email\":\"bo@example.org\",\"name\":\"Bo\"},"
                            + "\"format\":\"vc-jwt\",\"creditsEarned\":2.5,\"sendEmail\":true}";
            HttpResponse<String> created = apiWithKey(server, token, body, "key-1");
            HttpResponse<String> replayed = apiWithKey(server, token, body, "key-1");

            // THEN
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(replayed.statusCode()).isEqualTo(200);
            JsonObject json = json(created.body());
            assertThat(json(replayed.body()).getString("id")).isEqualTo(json.getString("id"));
            assertThat(json(replayed.body()).getBoolean("replayed")).isTrue();
            assertThat(total(server, org)).isEqualTo(2);
            JsonObject read =
                    json(
                            server.api(
                                            "GET",
                                            "/api/v1/credentials/" + json.getString("id"),
                                            token,
                                            null)
                                    .body());
            assertThat(read.getString("status")).isEqualTo("valid");
            assertThat(read.getString("delivery")).isEqualTo("issued");
            assertThat(read.getString("format")).isEqualTo("vc-jwt");
            assertThat(read.getJsonObject("email").getInt("count")).isEqualTo(1);
            assertThat(
                            json(server.api("GET", "/api/v1/credentials?state=valid", token, null)
                                            .body())
                                    .getInt("total"))
                    .isEqualTo(2);
            HttpResponse<String> bad =
                    server.api("POST", "/api/v1/credentials", token, "{\"issuerId\":\"x\"}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.headers().firstValue("Content-Type"))
                    .contains("application/problem+json");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_publish_a_page_downloads_and_status_that_follow_a_revocation(
            TestDatabase testDatabase) throws Exception {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN an issuer the operator vetted
            Org org = org(server, "Safe Medication");
            server.vet(org.issuerId());
            UUID id = issue(server, org, "ada@example.org", "Ada");
            String path = "/credentials/" + id;

            // WHEN
            HttpResponse<String> page = server.get(path, (String) null);

            // THEN the page, its meta tags, QR code and live status
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
            assertThat(page.body())
                    .contains(
                            "<meta property=\"og:title\" content=\"Safe Medication\">",
                            "<meta property=\"og:image\" content=\"http://localhost"
                                    + path
                                    + ".png\">",
                            "<meta property=\"og:url\" content=\"http://localhost" + path + "\">",
                            "<link rel=\"alternate\" type=\"application/vc+ld+json\" href=\""
                                    + path
                                    + ".json\">",
                            "twitter:card",
                            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\"",
                            "Valid",
                            "Verify this credential")
                    .doesNotContain("ada@example.org");

            // AND the downloads verify
            HttpResponse<byte[]> document = bytes(server, path + ".json");
            assertThat(document.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(
                            type -> assertThat(type).startsWith("application/vc+ld+json"));
            assertThat(document.headers().firstValue("Cache-Control"))
                    .contains("public, max-age=86400");
            assertThat(verify(server, document.body()).verdict()).isEqualTo(Verdict.VERIFIED);
            HttpResponse<byte[]> png = bytes(server, path + ".png");
            assertThat(png.headers().firstValue("Content-Disposition"))
                    .hasValueSatisfying(value -> assertThat(value).startsWith("attachment"));
            assertThat(verify(server, png.body()).format()).isEqualTo("png");
            assertThat(verify(server, png.body()).verdict()).isEqualTo(Verdict.VERIFIED);
            HttpResponse<byte[]> svg = bytes(server, path + ".svg");
            assertThat(verify(server, svg.body()).verdict()).isEqualTo(Verdict.VERIFIED);

            // AND the verify button says VERIFIED, with and without JavaScript
            assertThat(publicPost(server, path, path + "/verify", Map.of(), false).body())
                    .contains("class=\"verdict passed\">VERIFIED<", "proof: Passed");

            // AND the status list is cacheable by ETag
            String statusUrl = statusListUrl(document.body());
            String statusPath = statusUrl.substring("http://localhost".length());
            HttpResponse<String> list = server.get(statusPath, (String) null);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.headers().firstValue("Content-Type"))
                    .contains("application/vc+ld+json");
            assertThat(list.headers().firstValue("Cache-Control"))
                    .hasValueSatisfying(value -> assertThat(value).startsWith("public, max-age="));
            String etag = list.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> unchanged =
                    server.send(
                            HttpRequest.newBuilder(server.uri(statusPath))
                                    .header("If-None-Match", etag)
                                    .GET());
            assertThat(unchanged.statusCode()).isEqualTo(304);
            int index = statusIndex(document.body());
            assertThat(bit(list.body(), index)).isFalse();

            // WHEN the issuer revokes it through the API
            String token = server.apiToken(org.owner(), Role.ISSUER);
            HttpResponse<String> revoked =
                    server.api(
                            "POST",
                            "/api/v1/credentials/" + id + "/revoke",
                            token,
                            "{\"reason\":\"Issued in error\"}");

            // THEN page, verification and status list say so
            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
            assertThat(server.get(path, (String) null).body())
                    .contains("Revoked", "Reason: Issued in error");
            assertThat(publicPost(server, path, path + "/verify", Map.of(), false).body())
                    .contains(">REVOKED<", "status: Failed");
            assertThat(
                            json(publicPost(server, path, path + "/verify", Map.of(), true).body())
                                    .getString("headline"))
                    .isEqualTo("REVOKED");
            HttpResponse<String> changed =
                    server.send(
                            HttpRequest.newBuilder(server.uri(statusPath))
                                    .header("If-None-Match", etag)
                                    .GET());
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(bit(changed.body(), index)).isTrue();
            assertThat(server.get("/credentials/" + UUID.randomUUID(), (String) null).statusCode())
                    .isEqualTo(404);
            assertThat(server.get("/credentials/not-an-id.json", (String) null).statusCode())
                    .isEqualTo(404);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_claim_only_on_the_button_and_show_the_name_only_when_chosen(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Org org = org(server, "Safe Medication");
            UUID id = issue(server, org, "ada@example.org", "Ada Lovelace");
            String claimPath = "/claim/" + claimToken(server, org, id, 0);

            // WHEN the link is opened (as a mail scanner would)
            HttpResponse<String> opened = server.get(claimPath, (String) null);

            // THEN nothing is claimed yet
            assertThat(opened.statusCode()).isEqualTo(200);
            assertThat(opened.body()).contains("Safe Medication", "Test Issuer", ">Claim</button>");
            assertThat(server.get("/app/credentials/" + id, org.owner()).body())
                    .contains("<dd>issued</dd>");

            // WHEN the earner claims and chooses to show the name
            HttpResponse<String> claimed =
                    publicPost(server, claimPath, claimPath, Map.of(), false);
            HttpResponse<String> named =
                    publicPost(
                            server, claimPath, claimPath + "/name", Map.of("show", "yes"), false);

            // THEN
            assertThat(claimed.statusCode()).isEqualTo(303);
            assertThat(named.statusCode()).isEqualTo(303);
            assertThat(server.get(claimPath, (String) null).body())
                    .contains(
                            "The credential is yours",
                            "/credentials/" + id + ".json",
                            "/credentials/" + id + ".pdf");
            assertThat(server.get("/app/credentials/" + id, org.owner()).body())
                    .contains("<dd>claimed</dd>");
            assertThat(server.get("/credentials/" + id, (String) null).body())
                    .contains("Awarded to <strong>Ada Lovelace</strong>");

            // AND a resend queues another e-mail with a new link
            HttpResponse<String> resend =
                    server.post("/app/credentials/" + id + "/resend", org.owner(), Map.of());
            assertThat(resend.statusCode()).isEqualTo(303);
            assertThat(server.services().delivery().emails(org.owner().session().actor(), id))
                    .hasSize(2);
            assertThat(claimToken(server, org, id, 0)).isNotEqualTo(claimToken(server, org, id, 1));
            assertThat(server.get("/claim/unknown-token", (String) null).statusCode())
                    .isEqualTo(404);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_escape_markup_from_recipients_and_designs_on_every_page(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN markup in the achievement's name and in the recipient's name, narrative, result
            Org org = org(server, SCRIPT + " Nursing");
            String formKey =
                    match(FORM_KEY, server.get("/app/credentials/new", org.owner()).body());
            Map<String, String> fields = issueFields(org, formKey, "eve@example.org", SCRIPT);
            fields.put("narrative", SCRIPT + "\"><img src=x onerror=alert(2)>");
            fields.put("result", SCRIPT);
            fields.put("evidenceUrl", "https://example.org/evidence?x=%3Cscript%3E");
            UUID id = idFromLocation(server.post("/app/credentials", org.owner(), fields));
            String claimPath = "/claim/" + claimToken(server, org, id, 0);
            publicPost(server, claimPath, claimPath, Map.of(), false);
            publicPost(server, claimPath, claimPath + "/name", Map.of("show", "yes"), false);

            // WHEN / THEN
            for (String path :
                    List.of(
                            "/app/credentials",
                            "/app/credentials?recipient=" + "%3Cscript%3E",
                            "/app/credentials/" + id,
                            "/app/credentials/unclaimed")) {
                assertThat(server.get(path, org.owner()).body())
                        .as(path)
                        .doesNotContain("<script>");
            }
            for (String path : List.of("/credentials/" + id, claimPath)) {
                String body = server.get(path, (String) null).body();
                assertThat(body)
                        .as(path)
                        .doesNotContain("<script>alert")
                        .contains("&lt;script&gt;");
            }
            assertThat(
                            publicPost(
                                            server,
                                            "/credentials/" + id,
                                            "/credentials/" + id + "/verify",
                                            Map.of(),
                                            false)
                                    .body())
                    .doesNotContain("<script>alert");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_viewers_and_answer_one_of_two_racing_revocations_with_a_conflict(
            TestDatabase testDatabase) throws Exception {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Org org = org(server, "Safe Medication");
            UUID id = issue(server, org, "ada@example.org", "Ada");
            Browser viewer = server.member(org.owner(), "viewer@example.org", Role.VIEWER);
            String viewerToken = server.apiToken(org.owner(), Role.VIEWER);
            String issuerToken = server.apiToken(org.owner(), Role.ISSUER);

            // WHEN / THEN a viewer may look but not revoke
            assertThat(server.get("/app/credentials/" + id, viewer).body())
                    .doesNotContain("/revoke\"");
            assertThat(
                            server.post(
                                            "/app/credentials/" + id + "/revoke",
                                            viewer,
                                            Map.of("confirm", "yes"))
                                    .statusCode())
                    .isEqualTo(403);
            assertThat(
                            server.api(
                                            "POST",
                                            "/api/v1/credentials/" + id + "/revoke",
                                            viewerToken,
                                            null)
                                    .statusCode())
                    .isEqualTo(403);
            assertThat(
                            server.post("/app/credentials/" + id + "/revoke", org.owner(), Map.of())
                                    .statusCode())
                    .as("unconfirmed")
                    .isEqualTo(400);

            // WHEN two revocations race
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    Callable<HttpResponse<String>> call =
                            () -> {
                                start.await();
                                return server.api(
                                        "POST",
                                        "/api/v1/credentials/" + id + "/revoke",
                                        issuerToken,
                                        "{\"reason\":\"race\"}");
                            };
                    calls.add(pool.submit(call));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                List<String> bodies = new ArrayList<>();
                for (Future<HttpResponse<String>> call : calls) {
                    statuses.add(call.get().statusCode());
                    bodies.add(call.get().body());
                }

                // THEN one succeeds, the other says it was already revoked
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                assertThat(bodies).anySatisfy(body -> assertThat(body).contains("already revoked"));
            } finally {
                pool.shutdownNow();
            }

            // AND bulk revocation reports each credential's outcome
            UUID other = issue(server, org, "bo@example.org", "Bo");
            HttpResponse<String> bulk =
                    server.post(
                            "/app/credentials/bulk",
                            org.owner(),
                            Map.of("ids", other.toString(), "action", "revoke", "confirm", "yes"));
            assertThat(bulk.body()).contains("<td>Revoked</td>");
            assertThat(server.get("/app/credentials?state=revoked", org.owner()).body())
                    .contains("2 credentials");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_with_a_conflict_when_a_revocable_only_credential_is_suspended(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN a credential of a revocable achievement and one of a suspendable achievement
            Org org = org(server, "Safe Medication");
            Org suspendable =
                    new Org(
                            org.owner(),
                            org.issuerId(),
                            server.services()
                                    .achievements()
                                    .create(
                                            org.owner().session().actor(),
                                            AchievementDraft.of(
                                                            "Controlled Drugs",
                                                            "Handles controlled drugs.",
                                                            "Pass the assessment.")
                                                    .withStatusPolicy(
                                                            StatusPolicy.REVOCABLE_AND_SUSPENDABLE))
                                    .achievementId());
            UUID revocableOnly = issue(server, org, "ada@example.org", "Ada");
            UUID pausable = issue(server, suspendable, "bo@example.org", "Bo");
            String token = server.apiToken(org.owner(), Role.ISSUER);

            // WHEN
            HttpResponse<String> page =
                    server.post(
                            "/app/credentials/" + revocableOnly + "/suspend",
                            org.owner(),
                            Map.of("confirm", "yes"));
            HttpResponse<String> api =
                    server.api(
                            "POST",
                            "/api/v1/credentials/" + revocableOnly + "/suspend",
                            token,
                            null);
            HttpResponse<String> bulk =
                    server.post(
                            "/app/credentials/bulk",
                            org.owner(),
                            Map.of(
                                    "ids",
                                    revocableOnly.toString(),
                                    "action",
                                    "suspend",
                                    "confirm",
                                    "yes"));
            HttpResponse<String> suspended =
                    server.post(
                            "/app/credentials/" + pausable + "/suspend",
                            org.owner(),
                            Map.of("confirm", "yes"));

            // THEN
            String refusal = "issued revocable only; it has no suspension entry";
            assertThat(server.get("/app/credentials/" + revocableOnly, org.owner()).body())
                    .contains("Issued revocable only")
                    .doesNotContain("/suspend\"");
            assertThat(
                            server.api("GET", "/api/v1/credentials/" + revocableOnly, token, null)
                                    .body())
                    .contains("\"suspendable\":false");
            assertThat(page.statusCode()).isEqualTo(409);
            assertThat(page.body()).contains(refusal);
            assertThat(api.statusCode()).isEqualTo(409);
            assertThat(api.body()).contains(refusal);
            assertThat(bulk.statusCode()).isEqualTo(200);
            assertThat(bulk.body()).contains(refusal);
            assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(303);
            assertThat(
                            server.services()
                                    .credentials()
                                    .get(org.owner().session().actor(), pausable)
                                    .state())
                    .isEqualTo(CredentialState.SUSPENDED);
            assertThat(
                            server.services()
                                    .credentials()
                                    .get(org.owner().session().actor(), revocableOnly)
                                    .state())
                    .isEqualTo(CredentialState.VALID);
        }
    }

    // ----- helpers -----

    static Org org(TestServer server, String achievementName) {
        Browser owner =
                server.signUp("Riverside College", "owner-" + UUID.randomUUID() + "@example.org");
        var actor = owner.session().actor();
        UUID issuerId =
                server.services()
                        .issuers()
                        .create(
                                actor,
                                IssuerDraft.of(
                                        "riverside-" + UUID.randomUUID().toString().substring(0, 8),
                                        "Test Issuer"))
                        .id();
        UUID achievementId =
                server.services()
                        .achievements()
                        .create(
                                actor,
                                AchievementDraft.of(
                                        achievementName,
                                        "Administers medication safely.",
                                        "Pass the **observed** assessment."))
                        .achievementId();
        return new Org(owner, issuerId, achievementId);
    }

    private static Map<String, String> issueFields(
            Org org, String formKey, String recipient, String name) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("formKey", formKey);
        fields.put("issuerId", org.issuerId().toString());
        fields.put("achievementId", org.achievementId().toString());
        fields.put("recipient", recipient);
        fields.put("recipientName", name);
        fields.put("format", "data-integrity");
        fields.put("sendEmail", "yes");
        return fields;
    }

    private static UUID issue(TestServer server, Org org, String recipient, String name) {
        String formKey = match(FORM_KEY, server.get("/app/credentials/new", org.owner()).body());
        HttpResponse<String> response =
                server.post(
                        "/app/credentials",
                        org.owner(),
                        issueFields(org, formKey, recipient, name));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return idFromLocation(response);
    }

    private static UUID idFromLocation(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        Matcher matcher = Pattern.compile("/app/credentials/([0-9a-f-]{36})").matcher(location);
        assertThat(matcher.find()).as(location).isTrue();
        return UUID.fromString(matcher.group(1));
    }

    private static long total(TestServer server, Org org) {
        return server.services()
                .credentials()
                .list(org.owner().session().actor(), CredentialQuery.all())
                .total();
    }

    /** The claim token of the credential's {@code nth} oldest e-mail (read from the outbox). */
    private static String claimToken(TestServer server, Org org, UUID id, int nth) {
        var emails = server.services().delivery().emails(org.owner().session().actor(), id);
        return match(CLAIM_LINK, emails.get(emails.size() - 1 - nth).email().text());
    }

    /** A public form post as a browser makes it: the CSRF cookie and field from the page. */
    private static HttpResponse<String> publicPost(
            TestServer server,
            String pagePath,
            String action,
            Map<String, String> fields,
            boolean json) {
        HttpResponse<String> page = server.get(pagePath, (String) null);
        String cookie = TestServer.cookie(page, "credence_csrf");
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", match(CSRF, page.body()));
        all.putAll(fields);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(server.uri(action))
                        .header("Cookie", "credence_csrf=" + cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(TestServer.form(all));
        if (json) {
            request.header("Accept", "application/json");
        }
        return server.send(request);
    }

    private static HttpResponse<String> apiWithKey(
            TestServer server, String token, String body, String key) {
        return server.send(
                HttpRequest.newBuilder(server.uri("/api/v1/credentials"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<byte[]> bytes(TestServer server, String path) {
        try {
            HttpResponse<byte[]> response =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(server.uri(path)).GET().build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static VerificationReport verify(TestServer server, byte[] bytes) {
        return server.services().credentials().verify(bytes);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static JsonObject json(byte[] bytes) {
        return json(new String(bytes, StandardCharsets.UTF_8));
    }

    private static String statusListUrl(byte[] document) {
        return json(document).getJsonObject("credentialStatus").getString("statusListCredential");
    }

    private static int statusIndex(byte[] document) {
        return Integer.parseInt(
                json(document).getJsonObject("credentialStatus").getString("statusListIndex"));
    }

    /** Bit {@code index} of a status list credential (multibase base64url, GZIP, MSB first). */
    private static boolean bit(String listCredential, int index) throws IOException {
        String encoded =
                json(listCredential).getJsonObject("credentialSubject").getString("encodedList");
        assertThat(encoded).startsWith("u");
        byte[] gzipped = Base64.getUrlDecoder().decode(encoded.substring(1));
        byte[] bits;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            bits = in.readAllBytes();
        }
        return (bits[index / 8] & (0x80 >> (index % 8))) != 0;
    }

    private static String match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
        return matcher.group(1);
    }
}
