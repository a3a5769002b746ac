package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.achievement.AchievementDraft;
import org.credence.app.delivery.OutboxSender;
import org.credence.app.delivery.OutboxSettings;
import org.credence.app.delivery.SmtpMailer;
import org.credence.app.delivery.SmtpSettings;
import org.credence.app.job.Backoff;
import org.credence.app.organization.Role;
import org.credence.app.status.StatusPolicy;
import org.credence.server.CredentialPagesTest.Org;
import org.credence.server.VerifyFixtures.Visitor;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A revoked or suspended credential over HTTP, on a real server, database and in-process SMTP
 * server: no resend (page and API), out of "issued but not claimed", claim and public pages that
 * say so, badges and certificate withdrawn (410 / 409) while the document stays, the verify result
 * with the reason when it is public, and the recipient's e-mail.
 */
class RevokedCredentialPagesTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Pattern CLAIM_LINK = Pattern.compile("/claim/([A-Za-z0-9_-]{43})");

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_withdraw_resend_claim_and_downloads_and_tell_the_recipient_when_revoked(
            TestDatabase testDatabase) throws Exception {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN a credential e-mailed (delivered by SMTP) and not claimed
            Org org = CredentialPagesTest.org(server, "Safe Medication");
            OutboxSender sender = sender(server);
            sender.sendDue(); // the owner's sign-up confirmation, set aside
            SMTP.purgeEmailFromAllMailboxes();
            String token = server.apiToken(org.owner(), Role.ISSUER);
            UUID id = issue(server, org, token, org.achievementId(), "ada@example.org");
            assertThat(sender.sendDue()).isEqualTo(1);
            String claimPath = "/claim/" + claimToken(SMTP.getReceivedMessages()[0]);
            String path = "/credentials/" + id;
            assertThat(server.get("/app/credentials/unclaimed", org.owner()).body())
                    .contains("ada@example.org");
            assertThat(server.get(path + ".png", (String) null).statusCode()).isEqualTo(200);

            // WHEN the issuer revokes it on its page, with a reason only the recipient may read
            HttpResponse<String> revoked =
                    server.post(
                            "/app/credentials/" + id + "/revoke",
                            org.owner(),
                            Map.of(
                                    "reason", "Plagiarised assessment",
                                    "reasonVisibility", "private",
                                    "confirm", "yes"));

            // THEN it cannot be re-sent, on the page or by the API
            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(303);
            HttpResponse<String> apiResend =
                    server.api("POST", "/api/v1/credentials/" + id + "/resend", token, null);
            assertThat(apiResend.statusCode()).isEqualTo(409);
            assertThat(apiResend.headers().firstValue("Content-Type"))
                    .contains("application/problem+json");
            assertThat(apiResend.body()).contains("revoked by its issuer");
            HttpResponse<String> pageResend =
                    server.post("/app/credentials/" + id + "/resend", org.owner(), Map.of());
            assertThat(pageResend.statusCode()).isEqualTo(409);
            assertThat(pageResend.body()).contains("its e-mail cannot be sent again");
            assertThat(server.get("/app/credentials/" + id, org.owner()).body())
                    .contains("id=\"no-resend\"")
                    .doesNotContain("/resend\"");

            // AND it is no longer "issued but not claimed"
            assertThat(server.get("/app/credentials/unclaimed", org.owner()).body())
                    .contains("0 unclaimed credentials")
                    .doesNotContain("ada@example.org");

            // AND the claim page says revoked, with the reason, and offers nothing as if valid
            HttpResponse<String> claimPage = server.get(claimPath, (String) null);
            assertThat(claimPage.body())
                    .contains(
                            "This credential is revoked",
                            "The reason Test Issuer gave: Plagiarised assessment")
                    .doesNotContain(
                            ">Claim</button>", path + ".pdf", path + ".png", "add-to-wallet");
            assertThat(publicPost(server, claimPath).statusCode()).isEqualTo(409);
            HttpResponse<String> send = publicPost(server, claimPath + "/send");
            assertThat(send.statusCode()).isEqualTo(409);
            assertThat(send.body()).contains("cannot be sent to a wallet app");

            // AND the public page says revoked without the private reason, offering only the JSON
            String publicPage = server.get(path, (String) null).body();
            assertThat(publicPage)
                    .contains(
                            "This credential was revoked by its issuer",
                            "The issuer gave no public reason",
                            path + ".json")
                    .doesNotContain("Plagiarised", path + ".pdf", path + ".png", path + ".svg");

            // AND badges and certificate are gone (410, plain page); the document stays
            for (String extension : new String[] {".png", ".svg", ".pdf"}) {
                HttpResponse<String> gone = server.get(path + extension, (String) null);
                assertThat(gone.statusCode()).as(extension).isEqualTo(410);
                assertThat(gone.body()).contains("no longer offered");
            }
            HttpResponse<String> document = server.get(path + ".json", (String) null);
            assertThat(document.statusCode()).isEqualTo(200);

            // AND the verify result says revoked by its issuer, dated, without the private reason
            String result = verifyResult(server, document.body());
            assertThat(result)
                    .contains("id=\"status-notice\">Revoked by its issuer on ")
                    .contains("The issuer gave no public reason.")
                    .doesNotContain("Plagiarised");

            // AND the recipient got an e-mail with the reason
            assertThat(sender.sendDue()).isEqualTo(1);
            MimeMessage notice = SMTP.getReceivedMessages()[1];
            assertThat(notice.getAllRecipients()[0].toString()).isEqualTo("ada@example.org");
            assertThat(notice.getSubject())
                    .isEqualTo("Test Issuer revoked your credential Safe Medication");
            assertThat(body(notice)).contains("Plagiarised assessment", "http://localhost" + path);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_show_a_public_suspension_reason_and_restore_everything_when_lifted(
            TestDatabase testDatabase) throws Exception {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN a suspendable credential
            Org org = CredentialPagesTest.org(server, "Safe Medication");
            String token = server.apiToken(org.owner(), Role.ISSUER);
            UUID achievement =
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
                            .achievementId();
            UUID id = issue(server, org, token, achievement, "li@example.org");
            String path = "/credentials/" + id;

            // WHEN the API suspends it with a public reason
            HttpResponse<String> suspended =
                    server.api(
                            "POST",
                            "/api/v1/credentials/" + id + "/suspend",
                            token,
                            "{\"reason\":\"Under review\",\"reasonPublic\":true}");

            // THEN pages, downloads, resend and verification follow
            assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
            assertThat(server.get(path, (String) null).body())
                    .contains("suspended by its issuer for now", "Reason: Under review");
            assertThat(server.get(path + ".png", (String) null).statusCode()).isEqualTo(409);
            assertThat(
                            server.api("POST", "/api/v1/credentials/" + id + "/resend", token, null)
                                    .statusCode())
                    .isEqualTo(409);
            String document = server.get(path + ".json", (String) null).body();
            assertThat(verifyResult(server, document))
                    .contains(
                            "id=\"status-notice\">Suspended by its issuer for now. The issuer's"
                                    + " reason: Under review");
            assertThat(
                            server.api(
                                            "POST",
                                            "/api/v1/credentials/" + id + "/revoke",
                                            token,
                                            "{\"reasonPublic\":\"no\"}")
                                    .statusCode())
                    .isEqualTo(400);

            // WHEN the suspension is lifted
            assertThat(
                            server.api(
                                            "POST",
                                            "/api/v1/credentials/" + id + "/unsuspend",
                                            token,
                                            null)
                                    .statusCode())
                    .isEqualTo(200);

            // THEN everything is offered again
            assertThat(server.get(path + ".png", (String) null).statusCode()).isEqualTo(200);
            assertThat(server.get(path + ".pdf", (String) null).statusCode()).isEqualTo(200);
            assertThat(server.get(path, (String) null).body()).contains(path + ".pdf");
            assertThat(
                            server.api("POST", "/api/v1/credentials/" + id + "/resend", token, null)
                                    .statusCode())
                    .isEqualTo(202);
            // three e-mails queued for the recipient: the award, the suspension, its lifting
            OutboxSender sender = sender(server);
            sender.sendDue();
            assertThat(SMTP.getReceivedMessages())
                    .extracting(MimeMessage::getSubject)
                    .contains(
                            "Test Issuer suspended your credential Controlled Drugs",
                            "Your credential Controlled Drugs is valid again");
        }
    }

    private static UUID issue(
            TestServer server, Org org, String token, UUID achievementId, String email) {
        HttpResponse<String> created =
                server.api(
                        "POST",
                        "/api/v1/credentials",
                        token,
                        "{\"issuerId\":\""
                                + org.issuerId()
                                + "\",\"achievementId\":\""
                                + achievementId
                                + "\",\"recipient\":{\"email\":\""
                                + email
                                + "\"},\"sendEmail\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher matcher = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created.body());
        assertThat(matcher.find()).isTrue();
        return UUID.fromString(matcher.group(1));
    }

    private static OutboxSender sender(TestServer server) {
        Clock clock = Clock.systemUTC();
        return new OutboxSender(
                server.services().database(),
                new SmtpMailer(
                        SmtpSettings.plain(
                                "127.0.0.1",
                                SMTP.getSmtp().getPort(),
                                "badges@riverside.example",
                                "Riverside Badges"),
                        clock),
                clock,
                new OutboxSettings(
                        100,
                        3,
                        new Backoff(Duration.ofMinutes(1), Duration.ofHours(1)),
                        Duration.ofMinutes(5),
                        Duration.ofMillis(50)));
    }

    private static String claimToken(MimeMessage message) throws Exception {
        Matcher matcher = CLAIM_LINK.matcher(body(message));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String body(MimeMessage message) throws Exception {
        var multipart = (jakarta.mail.Multipart) message.getContent();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            text.append(multipart.getBodyPart(i).getContent());
        }
        return text.toString();
    }

    /** A public form post with the anonymous CSRF cookie and token (the page has no form). */
    private static HttpResponse<String> publicPost(TestServer server, String action) {
        Visitor visitor = VerifyFixtures.visit(server);
        return server.send(
                HttpRequest.newBuilder(server.uri(action))
                        .header("Cookie", "credence_csrf=" + visitor.cookie())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(TestServer.form(Map.of("_csrf", visitor.token()))));
    }

    /** The result page of verifying {@code text} on {@code /verify}. */
    private static String verifyResult(TestServer server, String text) {
        Visitor visitor = VerifyFixtures.visit(server);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", visitor.token());
        fields.put("input", "text");
        fields.put("text", text);
        HttpResponse<String> posted =
                server.send(
                        HttpRequest.newBuilder(server.uri("/verify"))
                                .header("Cookie", "credence_csrf=" + visitor.cookie())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(TestServer.form(fields)));
        HttpResponse<String> page =
                server.get("/verify/results/" + VerifyFixtures.resultId(posted), (String) null);
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }
}
