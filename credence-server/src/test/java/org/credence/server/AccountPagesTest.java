package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.organization.Role;
import org.credence.server.TestServer.Browser;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AccountPagesTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_sign_up_sign_out_and_sign_in_again_through_the_pages(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Browser ada = server.signUp("Riverside College", "Ada Lovelace", "ada@example.edu");

            // WHEN
            HttpResponse<String> dashboard = server.get("/app", ada);
            HttpResponse<String> logout = server.post("/logout", ada, Map.of());

            // THEN
            assertThat(dashboard.statusCode()).isEqualTo(200);
            assertThat(dashboard.body()).contains("Riverside College", "Welcome, Ada Lovelace.");
            assertThat(logout.statusCode()).isEqualTo(302);
            assertThat(logout.headers().allValues("Set-Cookie"))
                    .anyMatch(c -> c.startsWith("credence_session=;"));
            HttpResponse<String> after = server.get("/app", ada);
            assertThat(after.statusCode()).isEqualTo(302);
            assertThat(after.headers().firstValue("Location")).hasValue("/login");

            HttpResponse<String> form = server.get("/login", (String) null);
            String csrf = TestServer.cookie(form, "credence_csrf");
            HttpResponse<String> login =
                    server.send(
                            HttpRequest.newBuilder(server.uri("/login"))
                                    .header("Cookie", "credence_csrf=" + csrf)
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(
                                            TestServer.form(
                                                    Map.of(
                                                            "_csrf",
                                                            csrf,
                                                            "email",
                                                            "ada@example.edu",
                                                            "password",
                                                            TestServer.PASSWORD))));
            assertThat(login.statusCode()).isEqualTo(302);
            String cookie = TestServer.cookie(login, "credence_session");
            assertThat(login.headers().allValues("Set-Cookie"))
                    .anyMatch(
                            c ->
                                    c.startsWith("credence_session=")
                                            && c.contains("HttpOnly")
                                            && c.contains("SameSite=Lax")
                                            && c.contains("Path=/"));
            assertThat(server.get("/app", cookie).statusCode()).isEqualTo(200);

            HttpResponse<String> wrong =
                    server.send(
                            HttpRequest.newBuilder(server.uri("/login"))
                                    .header("Cookie", "credence_csrf=" + csrf)
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(
                                            TestServer.form(
                                                    Map.of(
                                                            "_csrf",
                                                            csrf,
                                                            "email",
                                                            "ada@example.edu",
                                                            "password",
                                                            "not the password"))));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("Wrong e-mail address or password");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_state_changes_when_the_csrf_token_is_missing_or_wrong(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Browser ada = server.signUp("Riverside", "ada@example.edu");

            // WHEN
            HttpResponse<String> missing =
                    server.send(
                            HttpRequest.newBuilder(server.uri("/app/tokens"))
                                    .header("Cookie", "credence_session=" + ada.cookie())
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(TestServer.form(Map.of("name", "x", "role", "viewer"))));
            HttpResponse<String> wrong =
                    server.post(
                            "/app/tokens",
                            ada,
                            Map.of("_csrf", "forged", "name", "x", "role", "viewer"));
            HttpResponse<String> anonymous =
                    server.send(
                            HttpRequest.newBuilder(server.uri("/signup"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(
                                            TestServer.form(
                                                    Map.of(
                                                            "_csrf",
                                                            "guess",
                                                            "organisationName",
                                                            "Evil",
                                                            "displayName",
                                                            "E",
                                                            "email",
                                                            "e@example.edu",
                                                            "password",
                                                            TestServer.PASSWORD))));

            // THEN
            assertThat(missing.statusCode()).isEqualTo(403);
            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(anonymous.statusCode()).isEqualTo(403);
            assertThat(server.services().apiTokens().list(ada.session().actor())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_owner_pages_when_the_member_is_a_viewer(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Browser ada = server.signUp("Riverside", "ada@example.edu");
            Browser graceInRiverside = server.member(ada, "grace@example.edu", Role.VIEWER);

            // WHEN / THEN
            assertThat(server.get("/app/members", graceInRiverside).statusCode()).isEqualTo(200);
            assertThat(server.get("/app/audit", graceInRiverside).statusCode()).isEqualTo(403);
            assertThat(server.get("/app/tokens", graceInRiverside).statusCode()).isEqualTo(403);
            assertThat(
                            server.post(
                                            "/app/tokens",
                                            graceInRiverside,
                                            Map.of("name", "x", "role", "owner"))
                                    .statusCode())
                    .isEqualTo(403);
            assertThat(
                            server.post(
                                            "/app/members/" + ada.session().userId() + "/remove",
                                            graceInRiverside,
                                            Map.of())
                                    .statusCode())
                    .isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_invite_an_unknown_address_and_let_it_set_a_password(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Browser ada = server.signUp("Riverside", "ada@example.edu");

            // WHEN
            HttpResponse<String> added =
                    server.post(
                            "/app/members",
                            ada,
                            Map.of("email", "alan@example.edu", "role", "issuer"));
            Matcher link =
                    Pattern.compile("http://localhost/invitations/([A-Za-z0-9_-]{43})")
                            .matcher(added.body());
            assertThat(link.find()).as(added.body()).isTrue();
            String path = "/invitations/" + link.group(1);
            HttpResponse<String> page = server.get(path, (String) null);
            String csrf = TestServer.cookie(page, "credence_csrf");
            HttpResponse<String> accepted =
                    server.send(
                            HttpRequest.newBuilder(server.uri(path))
                                    .header("Cookie", "credence_csrf=" + csrf)
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(
                                            TestServer.form(
                                                    Map.of(
                                                            "_csrf",
                                                            csrf,
                                                            "displayName",
                                                            "Alan",
                                                            "password",
                                                            TestServer.PASSWORD))));

            // THEN
            assertThat(page.body()).contains("Riverside", "alan@example.edu", "issuer");
            assertThat(accepted.statusCode()).isEqualTo(302);
            Browser alan = server.browser(TestServer.cookie(accepted, "credence_session"));
            assertThat(alan.session().role()).isEqualTo(Role.ISSUER);
            assertThat(alan.session().organisationId()).isEqualTo(ada.session().organisationId());
            assertThat(server.get(path, (String) null).statusCode()).isEqualTo(404);
        }
    }
}
