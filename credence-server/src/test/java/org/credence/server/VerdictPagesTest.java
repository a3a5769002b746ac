package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.credence.app.award.IssuedCredential;
import org.credence.app.credential.SecuringFormat;
import org.credence.core.json.JsonInput;
import org.credence.server.Learners.Learner;
import org.credence.server.VerifyFixtures.Visitor;
import org.credence.testing.Vectors;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Verdicts never look more reassuring than the evidence, on every page that shows one: a tampered
 * credential's result leads with the change and shows what it says only as unconfirmed claims; a
 * genuine signature from an issuer nobody confirms (a self-made did:key) is never the green
 * "Verified", on {@code /verify}, its JSON, the wallet and shared pages.
 */
class VerdictPagesTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final String FORGED = "Forged Surgeon Licence";
    private static final String CHANGED =
            "This credential was changed after it was issued: do not rely on it";
    private static final String SIGNATURE_ONLY =
            "Genuine signature — but we could not confirm who the issuer is";

    /** A did:key issuer in no registry, named "Example Corp". */
    private static final String SELF_MADE = WalletPagesTest.FOREIGN;

    private static final Pattern SHARE_URL =
            Pattern.compile(
                    "id=\"share-url\" readonly size=\"80\" value=\"http://localhost(/shared/[A-Za-z0-9_-]{43})\"");

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_lead_with_the_change_and_show_the_forged_title_only_as_a_claim_when_tampered(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN a credential issued here whose achievement name was then changed
            VerifyFixtures fixtures = VerifyFixtures.create(server, "tamper");
            IssuedCredential issued =
                    fixtures.issue("ada@example.org", SecuringFormat.DATA_INTEGRITY);
            String tampered = renamed(issued.document(), FORGED);

            // WHEN it is pasted on /verify
            UUID id = VerifyFixtures.resultId(paste(server, tampered));
            String page = server.get("/verify/results/" + id, (String) null).body();

            // THEN the heading is the finding, and the forged content is only a marked claim
            assertThat(heading(page)).isEqualTo(CHANGED);
            assertThat(between(page, "<title>", "</title>")).doesNotContain(FORGED);
            assertThat(between(page, "id=\"verdict\"", "</p>"))
                    .contains("verdict failed")
                    .contains("Changed after issue: do not rely on it")
                    .doesNotContain("Verified");
            String claims = between(page, "<details class=\"claims\" id=\"claims\">", "</details>");
            assertThat(claims)
                    .contains("What the document claims (not confirmed)")
                    .contains("Title (claimed)</dt><dd>" + FORGED)
                    .contains("School of Nursing");
            String outsideClaims = page.replace(claims, "");
            assertThat(outsideClaims)
                    .doesNotContain(FORGED, "School of Nursing", "class=\"badge\"", "<h2>" + FORGED)
                    .contains("status: Not confirmed")
                    .doesNotContain("status: Passed", "validity dates: Passed");

            // THEN the result's JSON says the same
            JsonObject json =
                    JsonInput.DEFAULT.parseObject(
                            server.get("/verify/results/" + id + ".json", (String) null).body());
            JsonObject assurance = json.getJsonObject("credence").getJsonObject("assurance");
            assertThat(assurance.getString("level")).isEqualTo("CHANGED");
            assertThat(assurance.getString("title")).isEqualTo(CHANGED);
            assertThat(assurance.getBoolean("contentConfirmed")).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_say_genuine_signature_but_issuer_not_confirmed_on_verify_for_a_self_made_did_key(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // WHEN a credential signed with a self-made did:key is verified
            UUID id = VerifyFixtures.resultId(paste(server, Vectors.text(SELF_MADE)));
            String page = server.get("/verify/results/" + id, (String) null).body();

            // THEN it is not the confirmed green "Verified"
            assertThat(heading(page)).isEqualTo(SIGNATURE_ONLY);
            assertThat(between(page, "id=\"verdict\"", "</p>"))
                    .contains("verdict unconfirmed")
                    .contains("Genuine signature, issuer not confirmed");
            assertThat(page)
                    .doesNotContain("verdict passed", ">Verified<")
                    .contains("<h2>Teamwork</h2>")
                    .contains("(the name it gives itself: not confirmed)");
            JsonObject json =
                    JsonInput.DEFAULT.parseObject(
                            server.get("/verify/results/" + id + ".json", (String) null).body());
            assertThat(json.getBoolean("verified")).isTrue();
            assertThat(json.getJsonObject("credence").getJsonObject("assurance").getString("level"))
                    .isEqualTo("SIGNATURE_ONLY");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_say_issuer_not_confirmed_in_the_wallet_and_on_its_shared_page(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN Ada's wallet with an import from a self-made did:key
            SharePagesTest.Wallet wallet = SharePagesTest.wallet(server);
            Learner ada = wallet.ada();

            // WHEN she looks at her wallet and the import
            String list = Learners.get(server, "/wallet", ada).body();
            String detail =
                    Learners.get(server, "/wallet/credentials/" + wallet.imported(), ada).body();

            // THEN neither says "Verified" for it
            assertThat(list)
                    .containsPattern(
                            "Teamwork</a></td>\\s*<td>Example Corp(<br><span class=\"issuer-identity\">[^<]*</span>)?</td>\\s*<td><span class=\"verdict"
                                    + " unconfirmed\">Genuine signature, issuer not confirmed</span>");
            assertThat(between(detail, "id=\"verdict\"", "</p>"))
                    .isEqualTo(" class=\"verdict unconfirmed\">" + SIGNATURE_ONLY);
            assertThat(detail)
                    .contains("Example Corp (the name it gives itself: not confirmed)")
                    .contains(
                            "<dt>When imported</dt><dd>Genuine signature, issuer not confirmed</dd>")
                    .doesNotContain("verdict passed", "VERIFIED");

            // WHEN she shares it, THEN the shared page says the same
            HttpResponse<String> made =
                    Learners.post(
                            server,
                            "/wallet/shares",
                            ada,
                            Map.of("entry", wallet.imported().toString(), "days", ""));
            String link = SharePagesTest.find(SHARE_URL, made.body());
            String shared = server.get(link, (String) null).body();
            assertThat(shared)
                    .contains("<h2>Teamwork</h2>")
                    .contains("<span class=\"verdict unconfirmed\">" + SIGNATURE_ONLY + "</span>")
                    .contains("Example Corp (the name it gives itself: not confirmed)")
                    .doesNotContain("verdict passed", ">Verified<");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void
            should_refuse_a_tampered_import_with_the_finding_and_mark_unconfirmed_content_in_the_wallet(
                    TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Learner ada = Learners.verified(server, "Ada", "ada@example.org");

            // WHEN a tampered credential is imported, THEN it is refused with the finding first
            HttpResponse<String> refused =
                    Learners.upload(
                            server,
                            "/wallet/import",
                            ada,
                            new Multipart.File(
                                    "forged.json",
                                    "application/json",
                                    renamed(Vectors.text(SELF_MADE), FORGED)
                                            .getBytes(StandardCharsets.UTF_8)),
                            null);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(between(refused.body(), "id=\"import-error\">", "</p>")).startsWith(CHANGED);

            // WHEN a credential whose signature cannot be checked is kept
            HttpResponse<String> kept =
                    Learners.upload(
                            server,
                            "/wallet/import",
                            ada,
                            new Multipart.File(
                                    "unchecked.json",
                                    "application/json",
                                    Vectors.bytes("1edtech-validator/simple-did-key-method.json")),
                            null);
            assertThat(kept.statusCode()).as(kept.body()).isEqualTo(303);
            String detail =
                    Learners.get(server, "/wallet/credentials/" + Learners.idFrom(kept), ada)
                            .body();

            // THEN its page heads with the finding, and its title is marked as a claim
            assertThat(heading(detail))
                    .isEqualTo(
                            "We could not check this credential's signature: do not rely on it yet");
            assertThat(Learners.get(server, "/wallet", ada).body())
                    .contains("test 1 (claimed, not confirmed)</a>");
        }
    }

    private static String renamed(String document, String name) {
        JsonObject credential = JsonInput.DEFAULT.parseObject(document);
        JsonObject subject = credential.getJsonObject("credentialSubject");
        JsonObject achievement =
                Json.createObjectBuilder(subject.getJsonObject("achievement"))
                        .add("name", name)
                        .build();
        return Json.createObjectBuilder(credential)
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder(subject).add("achievement", achievement))
                .build()
                .toString();
    }

    private static HttpResponse<String> paste(TestServer server, String text) {
        Visitor visitor = VerifyFixtures.visit(server);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", visitor.token());
        fields.put("input", "text");
        fields.put("text", text);
        fields.put("recipientEmail", "");
        return server.send(
                HttpRequest.newBuilder(server.uri("/verify"))
                        .header("Cookie", "credence_csrf=" + visitor.cookie())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(TestServer.form(fields)));
    }

    private static String heading(String page) {
        return between(page, "<h1>", "</h1>");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("%s in %s", start, text).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        assertThat(to).as("%s after %s in %s", end, start, text).isPositive();
        return text.substring(from + start.length(), to);
    }
}
