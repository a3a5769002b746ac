package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.credence.app.delivery.OutboxSender;
import org.credence.app.delivery.OutboxSettings;
import org.credence.app.organization.Role;
import org.credence.app.testing.BounceMessages;
import org.credence.server.CredentialPagesTest.Org;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bounce intake over HTTP: raw bounce messages and webhook JSON, on both engines. */
class DeliveryApiTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final String BOUNCES = "/api/v1/deliveries/bounces";

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_mark_credential_emails_bounced_from_a_bounce_message_or_a_webhook(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN three credentials e-mailed to their recipients
            Org org = CredentialPagesTest.org(server, "Safe medication");
            String token = server.apiToken(org.owner(), Role.ISSUER);
            String first = issue(server, org, token, "ada@example.org");
            String second = issue(server, org, token, "bo@example.org");
            String third = issue(server, org, token, "cy@example.org");
            new OutboxSender(
                            server.services().database(),
                            message -> "<" + message.id() + "@mail.test>",
                            Clock.systemUTC(),
                            OutboxSettings.defaults())
                    .sendDue();

            // WHEN the mail server returns a permanent failure for the first, a delay for the
            // second, and a provider's webhook reports the third
            HttpResponse<String> failed =
                    raw(
                            server,
                            token,
                            "message/rfc822",
                            BounceMessages.dsn(
                                    messageId(server, token, first),
                                    "failed",
                                    "5.1.1",
                                    "smtp; 550 5.1.1 no such user"));
            HttpResponse<String> delayed =
                    raw(
                            server,
                            token,
                            "message/rfc822",
                            BounceMessages.dsn(
                                    messageId(server, token, second),
                                    "delayed",
                                    "4.4.1",
                                    "smtp; 421 try later"));
            HttpResponse<String> webhook =
                    server.api(
                            "POST",
                            BOUNCES,
                            token,
                            "{\"messageId\":\""
                                    + messageId(server, token, third)
                                    + "\",\"reason\":\"hard bounce (provider)\"}");

            // THEN
            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(200);
            assertThat(json(failed).getBoolean("bounced")).isTrue();
            assertThat(json(failed).getString("status")).isEqualTo("5.1.1");
            assertThat(delayed.statusCode()).as(delayed.body()).isEqualTo(200);
            assertThat(json(delayed).getBoolean("bounced")).isFalse();
            assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(200);
            assertThat(delivery(server, token, first)).isEqualTo("bounced");
            assertThat(delivery(server, token, second)).isEqualTo("delivered");
            assertThat(delivery(server, token, third)).isEqualTo("bounced");
            // AND what is not a bounce report is refused, and another organisation's token finds
            // nothing to mark
            assertThat(raw(server, token, "text/plain", "hello".getBytes()).statusCode())
                    .isEqualTo(400);
            assertThat(
                            raw(server, token, "message/rfc822", "Subject: hi\r\n\r\nx".getBytes())
                                    .statusCode())
                    .isEqualTo(400);
            Org other = CredentialPagesTest.org(server, "Other badge");
            String otherToken = server.apiToken(other.owner(), Role.OWNER);
            HttpResponse<String> foreign =
                    raw(
                            server,
                            otherToken,
                            "message/rfc822",
                            BounceMessages.dsn(
                                    messageId(server, token, second),
                                    "failed",
                                    "5.1.1",
                                    "smtp; 550 spoofed"));
            assertThat(foreign.statusCode()).isEqualTo(404);
            assertThat(delivery(server, token, second)).isEqualTo("delivered");
        }
    }

    private static String issue(TestServer server, Org org, String token, String email) {
        HttpResponse<String> created =
                server.api(
                        "POST",
                        "/api/v1/credentials",
                        token,
                        "{\"issuerId\":\""
                                + org.issuerId()
                                + "\",\"achievementId\":\""
                                + org.achievementId()
                                + "\",\"recipient\":{\"email\":\""
                                + email
                                + "\"},\"sendEmail\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).getString("id");
    }

    /** The Message-ID of the credential's latest e-mail, as the API shows it. */
    private static String messageId(TestServer server, String token, String credentialId) {
        JsonObject read = read(server, token, credentialId);
        return read.getJsonObject("email").getString("messageId");
    }

    private static String delivery(TestServer server, String token, String credentialId) {
        return read(server, token, credentialId).getString("delivery");
    }

    private static JsonObject read(TestServer server, String token, String credentialId) {
        return json(server.api("GET", "/api/v1/credentials/" + credentialId, token, null));
    }

    private static HttpResponse<String> raw(
            TestServer server, String token, String contentType, byte[] body) {
        return server.send(
                HttpRequest.newBuilder(server.uri(BOUNCES))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
