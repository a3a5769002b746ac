package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.delivery.SmtpSettings;
import org.credence.server.Learners.Learner;
import org.credence.server.TestServer.Browser;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Password resets by e-mailed link, password changes and sign-ups that do not tell who has an
 * account, over HTTP with the e-mails read from the in-process SMTP server, on both engines.
 */
class PasswordPagesTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final String NEW_PASSWORD = "seven purple otters juggle";

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_reset_a_members_password_once_by_the_emailed_link_and_end_every_session(
            TestDatabase testDatabase) throws Exception {
        try (TestServer server = TestServer.start(testDatabase);
                Background mail = mail(server)) {
            // GIVEN Ada signed in
            Browser ada = server.signUp("Riverside", "ada@example.edu");
            SMTP.purgeEmailFromAllMailboxes();
            String csrf = csrfCookie(server, "/password-reset");

            // WHEN she asks for a reset, and someone asks for an address without an account
            HttpResponse<String> known =
                    server.confirmLink("/password-reset", csrf, Map.of("email", "ada@example.edu"));
            HttpResponse<String> unknown =
                    server.confirmLink(
                            "/password-reset", csrf, Map.of("email", "nobody@example.edu"));

            // THEN both get the same answer, and only Ada an e-mail
            assertThat(known.statusCode()).isEqualTo(200).isEqualTo(unknown.statusCode());
            assertThat(known.body()).isEqualTo(unknown.body()).contains("Check your e-mail");
            String link =
                    linkIn(waitForEmail("ada@example.edu", "new password"), "/password-reset/");
            assertThat(recipients()).containsOnly("ada@example.edu");

            // WHEN she opens the link and tries a common password, THEN the form says why
            assertThat(server.get(link, (String) null).body()).contains("Choose a new password");
            HttpResponse<String> weak =
                    server.confirmLink(link, csrf, Map.of("password", "password1234"));
            assertThat(weak.statusCode()).isEqualTo(400);
            assertThat(weak.body()).contains("This password is too easy to guess");

            // WHEN she sets a good one
            HttpResponse<String> reset =
                    server.confirmLink(link, csrf, Map.of("password", NEW_PASSWORD));

            // THEN it is set, her old session has ended, and the link is dead
            assertThat(reset.statusCode()).isEqualTo(200);
            assertThat(reset.body()).contains("Your new password is set");
            assertThat(server.get("/app", ada).statusCode()).isEqualTo(302);
            assertThat(
                            server.confirmLink(link, csrf, Map.of("password", NEW_PASSWORD))
                                    .statusCode())
                    .isEqualTo(404);
            assertThat(
                            server.services()
                                    .accounts()
                                    .login("ada@example.edu", NEW_PASSWORD)
                                    .session()
                                    .email())
                    .isEqualTo("ada@example.edu");
            assertThat(waitForEmail("ada@example.edu", "was changed")).contains("/password-reset");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_answer_a_sign_up_the_same_and_email_the_owner_when_the_address_has_an_account(
            TestDatabase testDatabase) throws Exception {
        try (TestServer server = TestServer.start(testDatabase);
                Background mail = mail(server)) {
            // GIVEN Ada's account
            server.signUp("Riverside", "ada@example.edu");
            SMTP.purgeEmailFromAllMailboxes();
            String csrf = csrfCookie(server, "/signup");

            // WHEN someone signs up with her address, and someone with a new one
            HttpResponse<String> taken = signUp(server, csrf, "ada@example.edu");
            HttpResponse<String> fresh = signUp(server, csrf, "grace@example.edu");

            // THEN the answers are the same; Ada is told, Grace gets her link
            assertThat(taken.statusCode()).isEqualTo(200).isEqualTo(fresh.statusCode());
            assertThat(taken.body()).isEqualTo(fresh.body());
            assertThat(waitForEmail("ada@example.edu", "tried to sign up")).contains("/login");
            String link = linkIn(waitForEmail("grace@example.edu", "Confirm"), "/signup/");
            // and no organisation exists before Grace confirms
            assertThat(server.services().accounts().signUpAddress(link.substring(8)))
                    .contains("grace@example.edu");
            HttpResponse<String> confirmed = server.confirmLink(link, csrf, Map.of());
            assertThat(confirmed.statusCode()).isEqualTo(303);
            assertThat(
                            server.browser(TestServer.cookie(confirmed, "credence_session"))
                                    .session()
                                    .email())
                    .isEqualTo("grace@example.edu");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_change_a_learners_password_with_the_current_one_and_end_the_other_sessions(
            TestDatabase testDatabase) throws Exception {
        try (TestServer server = TestServer.start(testDatabase);
                Background mail = mail(server)) {
            // GIVEN a learner signed in twice
            Learner here = Learners.signUp(server, "Ada", "ada@example.org");
            Learner elsewhere =
                    Learners.browser(
                            server,
                            server.services()
                                    .learners()
                                    .login("ada@example.org", TestServer.PASSWORD)
                                    .token());

            // WHEN the current password is wrong, THEN the form says so
            HttpResponse<String> wrong =
                    Learners.post(
                            server,
                            "/wallet/password",
                            here,
                            Map.of(
                                    "currentPassword",
                                    "not my password!",
                                    "newPassword",
                                    NEW_PASSWORD));
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("This is not your current password");

            // WHEN it is right
            HttpResponse<String> changed =
                    Learners.post(
                            server,
                            "/wallet/password",
                            here,
                            Map.of(
                                    "currentPassword",
                                    TestServer.PASSWORD,
                                    "newPassword",
                                    NEW_PASSWORD));

            // THEN this session stays, the other ends, and the new password signs in
            assertThat(changed.statusCode()).isEqualTo(303);
            assertThat(Learners.get(server, "/wallet", here).statusCode()).isEqualTo(200);
            assertThat(Learners.get(server, "/wallet", elsewhere).statusCode()).isEqualTo(302);
            assertThat(server.services().learners().login("ada@example.org", NEW_PASSWORD).token())
                    .isNotEmpty();
            assertThat(waitForEmail("ada@example.org", "was changed"))
                    .contains("/wallet/password-reset");
        }
    }

    private static Background mail(TestServer server) {
        return Background.start(
                server.services(),
                Optional.of(
                        SmtpSettings.plain(
                                "127.0.0.1",
                                SMTP.getSmtp().getPort(),
                                "accounts@riverside.example",
                                "Credence")),
                Clock.systemUTC());
    }

    private static HttpResponse<String> signUp(TestServer server, String csrf, String email) {
        return server.confirmLink(
                "/signup",
                csrf,
                Map.of(
                        "organisationName",
                        "Hillside",
                        "displayName",
                        "Someone",
                        "email",
                        email,
                        "password",
                        TestServer.PASSWORD));
    }

    private static String csrfCookie(TestServer server, String path) {
        return TestServer.cookie(
                server.send(HttpRequest.newBuilder(server.uri(path)).GET()), "credence_csrf");
    }

    /** Waits for an e-mail to {@code to} whose subject contains {@code subject}; its text. */
    private static String waitForEmail(String to, String subject) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage message : SMTP.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(to)
                        && message.getSubject().contains(subject)) {
                    return textOf(message);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no e-mail to " + to + " about " + subject);
    }

    private static java.util.List<String> recipients() {
        return Arrays.stream(SMTP.getReceivedMessages())
                .map(
                        message -> {
                            try {
                                return message.getAllRecipients()[0].toString();
                            } catch (MessagingException e) {
                                throw new IllegalStateException(e);
                            }
                        })
                .toList();
    }

    private static String linkIn(String text, String path) {
        Matcher matcher =
                Pattern.compile("(" + Pattern.quote(path) + "[A-Za-z0-9_-]{43})").matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no " + path + " link in " + text);
        }
        return matcher.group(1);
    }

    private static String textOf(MimeMessage message) throws IOException, MessagingException {
        Object content = message.getContent();
        if (content instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return (String) parts.getBodyPart(i).getContent();
                }
            }
        }
        return content.toString();
    }
}
