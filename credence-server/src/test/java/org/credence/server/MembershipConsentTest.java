package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.delivery.OutboxSender;
import org.credence.app.delivery.OutboxSettings;
import org.credence.app.delivery.SmtpMailer;
import org.credence.app.delivery.SmtpSettings;
import org.credence.app.organization.Role;
import org.credence.server.TestServer.Browser;
import org.credence.testing.db.Engine;
import org.credence.testing.db.TestDatabase;
import org.credence.testing.db.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Membership needs consent, over HTTP: adding someone is an invitation e-mailed to them (read back
 * from an in-process SMTP server), answered alike whether or not the address has an account, which
 * they accept or decline and the inviter may revoke.
 */
class MembershipConsentTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Pattern LINK =
            Pattern.compile("http://localhost(/invitations/[A-Za-z0-9_-]{43})");

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_invite_alike_and_join_only_when_the_invited_person_accepts(
            TestDatabase testDatabase) throws Exception {
        try (TestServer server = TestServer.startWithMail(testDatabase)) {
            // GIVEN grace has an account (she owns Hillside); alan has none
            Browser ada = server.signUp("Riverside", "Ada Lovelace", "ada@example.edu");
            Browser grace = server.signUp("Hillside", "Grace Hopper", "grace@example.edu");
            String token = server.apiToken(ada, Role.OWNER);

            // WHEN ada adds both through the API
            HttpResponse<String> known = invite(server, token, "grace@example.edu", "issuer");
            HttpResponse<String> unknown = invite(server, token, "alan@example.edu", "issuer");

            // THEN the answers are alike, reveal nothing of grace's account, and nobody joined
            assertThat(known.statusCode()).as(known.body()).isEqualTo(202);
            assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
            JsonObject knownJson = object(known);
            assertThat(knownJson.keySet())
                    .isEqualTo(object(unknown).keySet())
                    .containsOnly("invitation");
            assertThat(knownJson.getJsonObject("invitation").keySet())
                    .isEqualTo(object(unknown).getJsonObject("invitation").keySet())
                    .containsExactlyInAnyOrder(
                            "id", "email", "role", "status", "invitedBy", "createdAt", "expiresAt");
            assertThat(known.body())
                    .doesNotContain(
                            grace.session().userId().toString(), "Grace Hopper", "Hillside");
            assertThat(array(server.api("GET", "/api/v1/members", token, null))).hasSize(1);
            assertThat(array(server.api("GET", "/api/v1/invitations", token, null)))
                    .extracting(value -> value.asJsonObject().getString("email"))
                    .containsExactly("alan@example.edu", "grace@example.edu");

            // WHEN the e-mails are sent and grace, signed in, accepts hers
            send(server);
            String graceLink = mailedLink("grace@example.edu");
            HttpResponse<String> page = server.get(graceLink, grace);
            HttpResponse<String> accepted = server.post(graceLink + "/accept", grace, Map.of());

            // THEN she is an issuer of Riverside, acting there now
            assertThat(page.body()).contains("Accept and join Riverside", "as issuer");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(302);
            assertThat(server.get("/app", grace).body()).contains("Riverside (issuer)");
            assertThat(server.get(graceLink, (String) null).statusCode()).isEqualTo(404);

            // WHEN alan opens his link without an account and creates it
            String alanLink = mailedLink("alan@example.edu");
            HttpResponse<String> alanPage = server.get(alanLink, (String) null);
            String csrf = TestServer.cookie(alanPage, "credence_csrf");
            HttpResponse<String> created =
                    anonymousPost(
                            server,
                            alanLink,
                            csrf,
                            Map.of("displayName", "Alan", "password", TestServer.PASSWORD));

            // THEN
            assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
            Browser alan = server.browser(TestServer.cookie(created, "credence_session"));
            assertThat(alan.session().organisationId()).isEqualTo(ada.session().organisationId());
            assertThat(array(server.api("GET", "/api/v1/members", token, null)))
                    .extracting(value -> value.asJsonObject().getString("email"))
                    .containsExactly("ada@example.edu", "alan@example.edu", "grace@example.edu");
            assertThat(array(server.api("GET", "/api/v1/audit", token, null)))
                    .extracting(value -> value.asJsonObject().getString("action"))
                    .contains("member.invited", "invitation.accepted");
        }
    }

    @Test
    void should_show_the_link_to_the_inviter_for_every_address_only_without_a_mail_server()
            throws Exception {
        try (TestServer server = TestServer.start(TestDatabases.fresh(Engine.H2))) {
            // GIVEN a server without a mail server
            Browser ada = server.signUp("Riverside", "ada@example.edu");
            server.signUp("Hillside", "grace@example.edu");
            String token = server.apiToken(ada, Role.OWNER);

            // WHEN
            HttpResponse<String> known = invite(server, token, "grace@example.edu", "viewer");
            HttpResponse<String> unknown = invite(server, token, "alan@example.edu", "viewer");
            HttpResponse<String> page =
                    server.post(
                            "/app/members",
                            ada,
                            Map.of("email", "cy@example.edu", "role", "viewer"));

            // THEN
            assertThat(object(known).keySet())
                    .isEqualTo(object(unknown).keySet())
                    .containsExactlyInAnyOrder("invitation", "invitationUrl");
            assertThat(object(known).getString("invitationUrl")).matches(LINK);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("No mail server is configured").containsPattern(LINK);
        }
        try (TestServer server = TestServer.startWithMail(TestDatabases.fresh(Engine.H2))) {
            Browser ada = server.signUp("Riverside", "ada@example.edu");
            HttpResponse<String> page =
                    server.post(
                            "/app/members",
                            ada,
                            Map.of("email", "cy@example.edu", "role", "viewer"));
            assertThat(page.body())
                    .contains("We invited cy@example.edu", "sent by e-mail")
                    .doesNotContainPattern(LINK);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_end_the_link_when_declined_or_revoked_and_refuse_another_address(
            TestDatabase testDatabase) throws Exception {
        try (TestServer server = TestServer.startWithMail(testDatabase)) {
            // GIVEN three invitations
            Browser ada = server.signUp("Riverside", "ada@example.edu");
            Browser mallory = server.signUp("Mallory Ltd", "mallory@example.edu");
            String token = server.apiToken(ada, Role.OWNER);
            invite(server, token, "bo@example.edu", "owner");
            String cyId =
                    object(invite(server, token, "cy@example.edu", "owner"))
                            .getJsonObject("invitation")
                            .getString("id");
            server.post("/app/members", ada, Map.of("email", "di@example.edu", "role", "owner"));
            send(server);
            String boLink = mailedLink("bo@example.edu");
            String cyLink = mailedLink("cy@example.edu");
            String diLink = mailedLink("di@example.edu");

            // WHEN mallory, signed in, tries bo's link; bo declines; ada revokes cy's through the
            // API and di's through the page
            HttpResponse<String> wrongPerson = server.post(boLink + "/accept", mallory, Map.of());
            String csrf = TestServer.cookie(server.get(boLink, (String) null), "credence_csrf");
            HttpResponse<String> declined =
                    anonymousPost(server, boLink + "/decline", csrf, Map.of());
            HttpResponse<String> revoked =
                    server.api("DELETE", "/api/v1/invitations/" + cyId, token, null);
            String diId =
                    array(server.api("GET", "/api/v1/invitations", token, null))
                            .getJsonObject(0)
                            .getString("id");
            HttpResponse<String> revokedOnPage =
                    server.post("/app/members/invitations/" + diId + "/revoke", ada, Map.of());

            // THEN
            assertThat(wrongPerson.statusCode()).isEqualTo(403);
            assertThat(wrongPerson.body()).contains("sign in as bo@example.edu");
            assertThat(declined.statusCode()).isEqualTo(200);
            assertThat(declined.body()).contains("You declined the invitation");
            assertThat(revoked.statusCode()).isEqualTo(204);
            assertThat(revokedOnPage.statusCode()).isEqualTo(302);
            for (String link : new String[] {boLink, cyLink, diLink}) {
                assertThat(server.get(link, (String) null).statusCode()).as(link).isEqualTo(404);
            }
            assertThat(array(server.api("GET", "/api/v1/invitations", token, null))).isEmpty();
            assertThat(array(server.api("GET", "/api/v1/members", token, null))).hasSize(1);
            assertThat(array(server.api("GET", "/api/v1/audit", token, null)))
                    .extracting(value -> value.asJsonObject().getString("action"))
                    .contains("invitation.declined", "invitation.revoked");
            assertThat(
                            server.api("DELETE", "/api/v1/invitations/" + cyId, token, null)
                                    .statusCode())
                    .isEqualTo(404);
        }
    }

    static HttpResponse<String> invite(TestServer server, String token, String email, String role) {
        return server.api(
                "POST",
                "/api/v1/members",
                token,
                "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
    }

    /** Sends the outbox to the in-process SMTP server. */
    static void send(TestServer server) {
        new OutboxSender(
                        server.services().database(),
                        new SmtpMailer(
                                SmtpSettings.plain(
                                        "127.0.0.1",
                                        SMTP.getSmtp().getPort(),
                                        "badges@credence.example",
                                        "Credence"),
                                Clock.systemUTC()),
                        Clock.systemUTC(),
                        OutboxSettings.defaults())
                .sendDue();
    }

    /** The path of the invitation link in the e-mail to {@code to}. */
    static String mailedLink(String to) throws Exception {
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            // the invitation, not the sign-up confirmation an account's owner was also sent
            Matcher matcher = LINK.matcher(text(message));
            if (message.getAllRecipients()[0].toString().equals(to) && matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("no e-mail to " + to);
    }

    private static String text(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no text part");
    }

    private static HttpResponse<String> anonymousPost(
            TestServer server, String path, String csrf, Map<String, String> fields) {
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        return server.send(
                HttpRequest.newBuilder(server.uri(path))
                        .header("Cookie", "credence_csrf=" + csrf)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(TestServer.form(all)));
    }

    private static JsonObject object(HttpResponse<String> response) {
        return (JsonObject) read(response);
    }

    private static JsonArray array(HttpResponse<String> response) {
        return (JsonArray) read(response);
    }

    private static JsonStructure read(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).read();
    }
}
