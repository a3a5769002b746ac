package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.credence.app.achievement.AchievementDraft;
import org.credence.app.award.AwardRecipient;
import org.credence.app.award.IssueRequest;
import org.credence.app.bulk.BulkUpload;
import org.credence.app.credential.CredentialQuery;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.issuer.IssuerDraft;
import org.credence.app.issuer.IssuerProfile;
import org.credence.app.organization.Actor;
import org.credence.app.organization.ApiToken;
import org.credence.app.organization.InvitationSent;
import org.credence.app.organization.Member;
import org.credence.app.organization.Role;
import org.credence.app.skill.FrameworkImport;
import org.credence.app.skill.Skill;
import org.credence.app.skill.SkillSource;
import org.credence.server.TestServer.Browser;
import org.credence.server.web.Access;
import org.credence.server.web.Route;
import org.credence.testing.db.Engine;
import org.credence.testing.db.TestDatabase;
import org.credence.testing.db.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Organisation B's owner tries every authenticated route against organisation A: resources of A
 * answer 404 (or 403), lists show only B's data, and A's state is unchanged afterwards. The table
 * must list every authenticated route: {@link #should_list_every_authenticated_route_in_the_table}
 * fails when a route is added without a row here.
 */
class TenantIsolationTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    /** Organisation A's resources (every name in A contains "alpha"). */
    record Alpha(
            Browser owner,
            UUID userId,
            UUID tokenId,
            UUID issuerId,
            UUID skillId,
            UUID achievementId,
            UUID bulkId,
            String issuerDid,
            UUID credentialId,
            UUID invitationId,
            String invitationToken) {}

    /** What organisation B's owner does on one route, and what must come back. */
    record Case(String route, Function<Ctx, HttpResponse<String>> request, Expect expect) {}

    enum Expect {
        /** A's resource: 404 or 403. */
        HIDDEN,
        /** B's own data: 2xx or a redirect, and nothing of A's in the body. */
        SCOPED
    }

    /** The test's server, A's resources, and B's session and owner token. */
    record Ctx(TestServer server, Alpha alpha, Browser beta, String betaToken) {
        HttpResponse<String> page(String path) {
            return server.get(path, beta);
        }

        HttpResponse<String> form(String path, Map<String, String> fields) {
            return server.post(path, beta, fields);
        }

        HttpResponse<String> api(String method, String path, String json) {
            return server.api(method, path, betaToken, json);
        }

        HttpResponse<String> upload(String path, Map<String, String> fields, String csv) {
            return Multipart.post(
                    server, path, beta, fields, Map.of("csv", DesignerPagesTest.csv(csv)));
        }
    }

    static final List<Case> CASES =
            List.of(
                    scoped("POST /logout", c -> c.form("/logout", Map.of())),
                    scoped("GET /app/password", c -> c.page("/app/password")),
                    // B changes its own password (to the same one: later cases sign in with it)
                    scoped(
                            "POST /app/password",
                            c ->
                                    c.form(
                                            "/app/password",
                                            Map.of(
                                                    "currentPassword", TestServer.PASSWORD,
                                                    "newPassword", TestServer.PASSWORD))),
                    scoped("GET /app", c -> c.page("/app")),
                    scoped("GET /app/members", c -> c.page("/app/members")),
                    scoped(
                            "POST /app/members",
                            c ->
                                    c.form(
                                            "/app/members",
                                            Map.of("email", "new@beta.example", "role", "viewer"))),
                    hidden(
                            "POST /app/members/{userId}/role",
                            c ->
                                    c.form(
                                            "/app/members/" + c.alpha().userId() + "/role",
                                            Map.of("role", "viewer"))),
                    hidden(
                            "POST /app/members/{userId}/remove",
                            c ->
                                    c.form(
                                            "/app/members/" + c.alpha().userId() + "/remove",
                                            Map.of())),
                    scoped("GET /app/tokens", c -> c.page("/app/tokens")),
                    scoped(
                            "POST /app/tokens",
                            c ->
                                    c.form(
                                            "/app/tokens",
                                            Map.of("name", "beta token", "role", "viewer"))),
                    hidden(
                            "POST /app/tokens/{tokenId}/revoke",
                            c ->
                                    c.form(
                                            "/app/tokens/" + c.alpha().tokenId() + "/revoke",
                                            Map.of())),
                    scoped("GET /app/audit", c -> c.page("/app/audit")),
                    scoped("GET /app/audit.csv", c -> c.page("/app/audit.csv")),
                    scoped("GET /api/v1/me", c -> c.api("GET", "/api/v1/me", null)),
                    scoped("GET /api/v1/members", c -> c.api("GET", "/api/v1/members", null)),
                    scoped(
                            "POST /api/v1/members",
                            c ->
                                    c.api(
                                            "POST",
                                            "/api/v1/members",
                                            "{\"email\":\"api@beta.example\",\"role\":\"viewer\"}")),
                    hidden(
                            "PUT /api/v1/members/{userId}/role",
                            c ->
                                    c.api(
                                            "PUT",
                                            "/api/v1/members/" + c.alpha().userId() + "/role",
                                            "{\"role\":\"viewer\"}")),
                    hidden(
                            "DELETE /api/v1/members/{userId}",
                            c -> c.api("DELETE", "/api/v1/members/" + c.alpha().userId(), null)),
                    hidden(
                            "POST /app/members/invitations/{invitationId}/revoke",
                            c ->
                                    c.form(
                                            "/app/members/invitations/"
                                                    + c.alpha().invitationId()
                                                    + "/revoke",
                                            Map.of())),
                    hidden(
                            "POST /invitations/{token}/accept",
                            c ->
                                    c.form(
                                            "/invitations/"
                                                    + c.alpha().invitationToken()
                                                    + "/accept",
                                            Map.of())),
                    scoped(
                            "GET /api/v1/invitations",
                            c -> c.api("GET", "/api/v1/invitations", null)),
                    hidden(
                            "DELETE /api/v1/invitations/{invitationId}",
                            c ->
                                    c.api(
                                            "DELETE",
                                            "/api/v1/invitations/" + c.alpha().invitationId(),
                                            null)),
                    scoped("GET /api/v1/tokens", c -> c.api("GET", "/api/v1/tokens", null)),
                    scoped(
                            "POST /api/v1/tokens",
                            c ->
                                    c.api(
                                            "POST",
                                            "/api/v1/tokens",
                                            "{\"name\":\"beta api\",\"role\":\"viewer\"}")),
                    hidden(
                            "DELETE /api/v1/tokens/{tokenId}",
                            c -> c.api("DELETE", "/api/v1/tokens/" + c.alpha().tokenId(), null)),
                    scoped("GET /api/v1/audit", c -> c.api("GET", "/api/v1/audit", null)),
                    scoped("GET /api/v1/issuers", c -> c.api("GET", "/api/v1/issuers", null)),
                    hidden(
                            "GET /api/v1/issuers/{issuerId}",
                            c -> c.api("GET", "/api/v1/issuers/" + c.alpha().issuerId(), null)),
                    scoped(
                            "GET /api/v1/achievements",
                            c -> c.api("GET", "/api/v1/achievements", null)),
                    hidden(
                            "GET /api/v1/achievements/{achievementId}",
                            c ->
                                    c.api(
                                            "GET",
                                            "/api/v1/achievements/" + c.alpha().achievementId(),
                                            null)),
                    scoped("GET /app/issuers", c -> c.page("/app/issuers")),
                    scoped(
                            "POST /app/issuers",
                            c ->
                                    c.form(
                                            "/app/issuers",
                                            Map.of("slug", "beta-school", "name", "Beta School"))),
                    hidden(
                            "GET /app/issuers/{issuerId}",
                            c -> c.page("/app/issuers/" + c.alpha().issuerId())),
                    hidden(
                            "POST /app/issuers/{issuerId}",
                            c ->
                                    c.form(
                                            "/app/issuers/" + c.alpha().issuerId(),
                                            Map.of("name", "Taken over"))),
                    hidden(
                            "POST /app/issuers/{issuerId}/rotate-key",
                            c ->
                                    c.form(
                                            "/app/issuers/" + c.alpha().issuerId() + "/rotate-key",
                                            Map.of("confirm", "yes"))),
                    hidden(
                            "POST /app/issuers/{issuerId}/domain",
                            c ->
                                    c.form(
                                            "/app/issuers/" + c.alpha().issuerId() + "/domain",
                                            Map.of())),
                    hidden(
                            "POST /app/issuers/{issuerId}/domain/check",
                            c ->
                                    c.form(
                                            "/app/issuers/"
                                                    + c.alpha().issuerId()
                                                    + "/domain/check",
                                            Map.of())),
                    // Only installation operators (CREDENCE_OPERATOR_EMAILS) see these: 404.
                    hidden("GET /app/operator/issuers", c -> c.page("/app/operator/issuers")),
                    hidden(
                            "POST /app/operator/issuers/{issuerId}/vetting",
                            c ->
                                    c.form(
                                            "/app/operator/issuers/"
                                                    + c.alpha().issuerId()
                                                    + "/vetting",
                                            Map.of("vetted", "yes"))),
                    scoped("GET /app/skills", c -> c.page("/app/skills?q=skill")),
                    scoped(
                            "POST /app/skills/import",
                            c ->
                                    c.upload(
                                            "/app/skills/import",
                                            Map.of(
                                                    "name",
                                                    "Beta skills",
                                                    "version",
                                                    "1",
                                                    "source",
                                                    "custom"),
                                            "code,name,description,url\nB1,Beta skill,,\n")),
                    scoped("GET /app/skills/options", c -> c.page("/app/skills/options?q=skill")),
                    scoped("GET /app/achievements", c -> c.page("/app/achievements")),
                    scoped(
                            "GET /app/achievements/new",
                            c -> c.page("/app/achievements/new?q=skill")),
                    scoped(
                            "POST /app/achievements",
                            c ->
                                    c.form(
                                            "/app/achievements",
                                            Map.of(
                                                    "name", "Beta badge",
                                                    "description", "Beta description",
                                                    "criteriaNarrative", "Beta criteria"))),
                    scoped(
                            "POST /app/achievements/criteria-preview",
                            c ->
                                    c.form(
                                            "/app/achievements/criteria-preview",
                                            Map.of("criteriaNarrative", "*beta*"))),
                    hidden(
                            "GET /app/achievements/{achievementId}",
                            c -> c.page("/app/achievements/" + c.alpha().achievementId())),
                    hidden(
                            "GET /app/achievements/{achievementId}/edit",
                            c ->
                                    c.page(
                                            "/app/achievements/"
                                                    + c.alpha().achievementId()
                                                    + "/edit")),
                    hidden(
                            "POST /app/achievements/{achievementId}",
                            c ->
                                    c.form(
                                            "/app/achievements/" + c.alpha().achievementId(),
                                            Map.of(
                                                    "baseVersion", "1",
                                                    "name", "Taken over",
                                                    "description", "d",
                                                    "criteriaNarrative", "c"))),
                    scoped(
                            "POST /api/v1/issuers",
                            c ->
                                    c.api(
                                            "POST",
                                            "/api/v1/issuers",
                                            "{\"slug\":\"beta-api\",\"name\":\"Beta API issuer\"}")),
                    hidden(
                            "PATCH /api/v1/issuers/{issuerId}",
                            c ->
                                    c.api(
                                            "PATCH",
                                            "/api/v1/issuers/" + c.alpha().issuerId(),
                                            "{\"name\":\"Taken over\"}")),
                    hidden(
                            "POST /api/v1/issuers/{issuerId}/rotate-key",
                            c ->
                                    c.api(
                                            "POST",
                                            "/api/v1/issuers/"
                                                    + c.alpha().issuerId()
                                                    + "/rotate-key",
                                            null)),
                    scoped(
                            "GET /api/v1/skill-frameworks",
                            c -> c.api("GET", "/api/v1/skill-frameworks", null)),
                    scoped(
                            "POST /api/v1/skill-frameworks",
                            c ->
                                    c.server()
                                            .send(
                                                    HttpRequest.newBuilder(
                                                                    c.server()
                                                                            .uri(
                                                                                    "/api/v1/skill-frameworks?name=Beta+API+skills&version=1&source=custom"))
                                                            .header(
                                                                    "Authorization",
                                                                    "Bearer " + c.betaToken())
                                                            .header("Content-Type", "text/csv")
                                                            .POST(
                                                                    HttpRequest.BodyPublishers
                                                                            .ofString(
                                                                                    "code,name,description,url\nB2,Beta API skill,,\n")))),
                    scoped(
                            "POST /api/v1/achievements",
                            c ->
                                    c.api(
                                            "POST",
                                            "/api/v1/achievements",
                                            "{\"name\":\"Beta API badge\",\"description\":\"d\",\"criteriaNarrative\":\"c\"}")),
                    hidden(
                            "PUT /api/v1/achievements/{achievementId}",
                            c ->
                                    c.api(
                                            "PUT",
                                            "/api/v1/achievements/" + c.alpha().achievementId(),
                                            "{\"name\":\"Taken over\",\"description\":\"d\",\"criteriaNarrative\":\"c\"}")),
                    hidden(
                            "GET /api/v1/achievements/{achievementId}/versions",
                            c ->
                                    c.api(
                                            "GET",
                                            "/api/v1/achievements/"
                                                    + c.alpha().achievementId()
                                                    + "/versions",
                                            null)),
                    scoped("GET /api/v1/skills", c -> c.api("GET", "/api/v1/skills?q=alpha", null)),
                    hidden(
                            "GET /api/v1/skills/{skillId}",
                            c -> c.api("GET", "/api/v1/skills/" + c.alpha().skillId(), null)),
                    scoped("GET /app/bulk", c -> c.page("/app/bulk")),
                    scoped("POST /app/bulk", c -> c.form("/app/bulk", Map.of())),
                    hidden(
                            "GET /app/bulk/{bulkId}",
                            c -> c.page("/app/bulk/" + c.alpha().bulkId())),
                    hidden(
                            "GET /app/bulk/{bulkId}/progress.json",
                            c -> c.page("/app/bulk/" + c.alpha().bulkId() + "/progress.json")),
                    hidden(
                            "POST /app/bulk/{bulkId}/confirm",
                            c -> c.form("/app/bulk/" + c.alpha().bulkId() + "/confirm", Map.of())),
                    hidden(
                            "POST /app/bulk/{bulkId}/cancel",
                            c -> c.form("/app/bulk/" + c.alpha().bulkId() + "/cancel", Map.of())),
                    hidden(
                            "POST /api/v1/bulk-issues",
                            c ->
                                    c.server()
                                            .send(
                                                    java.net.http.HttpRequest.newBuilder(
                                                                    c.server()
                                                                            .uri(
                                                                                    "/api/v1/bulk-issues?issuerId="
                                                                                            + c.alpha()
                                                                                                    .issuerId()
                                                                                            + "&achievementId="
                                                                                            + c.alpha()
                                                                                                    .achievementId()))
                                                            .header(
                                                                    "Authorization",
                                                                    "Bearer " + c.betaToken())
                                                            .header("Content-Type", "text/csv")
                                                            .POST(
                                                                    java.net.http.HttpRequest
                                                                            .BodyPublishers
                                                                            .ofString(
                                                                                    "email\nb@beta.example\n")))),
                    scoped(
                            "GET /api/v1/bulk-issues",
                            c -> c.api("GET", "/api/v1/bulk-issues", null)),
                    hidden(
                            "GET /api/v1/bulk-issues/{bulkId}",
                            c -> c.api("GET", "/api/v1/bulk-issues/" + c.alpha().bulkId(), null)),
                    hidden(
                            "GET /api/v1/bulk-issues/{bulkId}/failed",
                            c ->
                                    c.api(
                                            "GET",
                                            "/api/v1/bulk-issues/" + c.alpha().bulkId() + "/failed",
                                            null)),
                    hidden(
                            "POST /api/v1/bulk-issues/{bulkId}/confirm",
                            c ->
                                    c.api(
                                            "POST",
                                            "/api/v1/bulk-issues/"
                                                    + c.alpha().bulkId()
                                                    + "/confirm",
                                            "{}")),
                    hidden(
                            "POST /api/v1/bulk-issues/{bulkId}/cancel",
                            c ->
                                    c.api(
                                            "POST",
                                            "/api/v1/bulk-issues/" + c.alpha().bulkId() + "/cancel",
                                            "{}")),
                    scoped("GET /app/credentials", c -> c.page("/app/credentials")),
                    scoped("GET /app/credentials/new", c -> c.page("/app/credentials/new")),
                    hidden(
                            "POST /app/credentials",
                            c ->
                                    c.form(
                                            "/app/credentials",
                                            Map.of(
                                                    "formKey",
                                                    "beta-form-key-0001",
                                                    "issuerId",
                                                    c.alpha().issuerId().toString(),
                                                    "achievementId",
                                                    c.alpha().achievementId().toString(),
                                                    "recipient",
                                                    "eve@beta.example"))),
                    scoped(
                            "GET /app/credentials/unclaimed",
                            c -> c.page("/app/credentials/unclaimed")),
                    // Per-credential outcomes: A's id is reported "not found" and left alone.
                    scoped(
                            "POST /app/credentials/bulk",
                            c ->
                                    c.form(
                                            "/app/credentials/bulk",
                                            Map.of(
                                                    "ids", c.alpha().credentialId().toString(),
                                                    "action", "revoke",
                                                    "confirm", "yes"))),
                    hidden(
                            "GET /app/credentials/{credentialId}",
                            c -> c.page("/app/credentials/" + c.alpha().credentialId())),
                    hidden(
                            "POST /app/credentials/{credentialId}/revoke",
                            c -> c.form(credentialPath(c, "revoke"), Map.of("confirm", "yes"))),
                    hidden(
                            "POST /app/credentials/{credentialId}/suspend",
                            c -> c.form(credentialPath(c, "suspend"), Map.of("confirm", "yes"))),
                    hidden(
                            "POST /app/credentials/{credentialId}/unsuspend",
                            c -> c.form(credentialPath(c, "unsuspend"), Map.of("confirm", "yes"))),
                    hidden(
                            "POST /app/credentials/{credentialId}/resend",
                            c -> c.form(credentialPath(c, "resend"), Map.of())),
                    hidden(
                            "POST /api/v1/credentials",
                            c ->
                                    c.api(
                                            "POST",
                                            "/api/v1/credentials",
                                            "{\"issuerId\":\""
                                                    + c.alpha().issuerId()
                                                    + "\",\"achievementId\":\""
                                                    + c.alpha().achievementId()
                                                    + "\",\"recipient\":{\"email\":\"eve@beta.example\"}}")),
                    scoped(
                            "GET /api/v1/credentials",
                            c -> c.api("GET", "/api/v1/credentials", null)),
                    // Per-credential outcomes: A's id is reported "not-found" and left alone.
                    scoped(
                            "POST /api/v1/credentials/revoke",
                            c ->
                                    c.api(
                                            "POST",
                                            "/api/v1/credentials/revoke",
                                            "{\"ids\":[\"" + c.alpha().credentialId() + "\"]}")),
                    hidden(
                            "GET /api/v1/credentials/{credentialId}",
                            c ->
                                    c.api(
                                            "GET",
                                            "/api/v1/credentials/" + c.alpha().credentialId(),
                                            null)),
                    hidden(
                            "POST /api/v1/credentials/{credentialId}/revoke",
                            c -> c.api("POST", "/api/v1" + credentialApiPath(c, "revoke"), null)),
                    hidden(
                            "POST /api/v1/credentials/{credentialId}/suspend",
                            c -> c.api("POST", "/api/v1" + credentialApiPath(c, "suspend"), null)),
                    hidden(
                            "POST /api/v1/credentials/{credentialId}/unsuspend",
                            c ->
                                    c.api(
                                            "POST",
                                            "/api/v1" + credentialApiPath(c, "unsuspend"),
                                            null)),
                    hidden(
                            "POST /api/v1/credentials/{credentialId}/resend",
                            c -> c.api("POST", "/api/v1" + credentialApiPath(c, "resend"), null)),
                    hidden(
                            "POST /api/v1/deliveries/bounces",
                            c ->
                                    c.api(
                                            "POST",
                                            "/api/v1/deliveries/bounces",
                                            "{\"messageId\":\""
                                                    + alphaEmailId(c)
                                                    + "\",\"reason\":\"spoofed\"}")),
                    hidden(
                            "POST /credentials/issue",
                            c ->
                                    c.api(
                                            "POST",
                                            "/credentials/issue",
                                            "{\"credential\": "
                                                    + unsignedCredential(c.alpha().issuerDid())
                                                    + ", \"options\": {\"issuerId\": \""
                                                    + c.alpha().issuerDid()
                                                    + "\"}}")),
                    hidden(
                            "POST /credentials/status",
                            c ->
                                    c.api(
                                            "POST",
                                            "/credentials/status",
                                            "{\"credentialId\": \"urn:uuid:"
                                                    + c.alpha().credentialId()
                                                    + "\", \"credentialStatus\": {\"type\":"
                                                    + " \"BitstringStatusListEntry\","
                                                    + " \"statusPurpose\": \"revocation\"},"
                                                    + " \"status\": true}")),
                    scoped(
                            "GET /ims/ob/v3p0/credentials",
                            c -> c.api("GET", "/ims/ob/v3p0/credentials", null)),
                    scoped(
                            "GET /ims/ob/v3p0/profile",
                            c -> c.api("GET", "/ims/ob/v3p0/profile", null)));

    private static String credentialPath(Ctx c, String action) {
        return "/app/credentials/" + c.alpha().credentialId() + "/" + action;
    }

    private static String credentialApiPath(Ctx c, String action) {
        return "/credentials/" + c.alpha().credentialId() + "/" + action;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_hide_organisation_a_from_organisation_b_on_every_authenticated_route(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Alpha alpha = alpha(server);
            Browser beta = server.signUp("Beta University", "Bob Beta", "bob@beta.example");
            server.services()
                    .issuers()
                    .create(beta.session().actor(), IssuerDraft.of("beta-issuer", "Beta Issuer"));
            Ctx ctx = new Ctx(server, alpha, beta, server.apiToken(beta, Role.OWNER));
            String before = stateOf(server, alpha.owner().session().actor());

            // WHEN / THEN
            SoftAssertions softly = new SoftAssertions();
            for (Case testCase : CASES) {
                HttpResponse<String> response = testCase.request().apply(ctx);
                if (testCase.expect() == Expect.HIDDEN) {
                    softly.assertThat(response.statusCode()).as(testCase.route()).isIn(403, 404);
                } else {
                    softly.assertThat(response.statusCode())
                            .as(testCase.route())
                            .isBetween(200, 399);
                    softly.assertThat(response.body().toLowerCase(java.util.Locale.ROOT))
                            .as(testCase.route())
                            .doesNotContain("alpha");
                }
                if (testCase.route().equals("POST /logout")) {
                    ctx =
                            new Ctx(
                                    server,
                                    alpha,
                                    server.browser(
                                            server.services()
                                                    .accounts()
                                                    .login("bob@beta.example", TestServer.PASSWORD)
                                                    .token()),
                                    ctx.betaToken());
                }
            }
            softly.assertThat(stateOf(server, alpha.owner().session().actor()))
                    .as("A's state")
                    .isEqualTo(before);
            softly.assertThat(server.get("/app", alpha.owner()).statusCode())
                    .as("A's session")
                    .isEqualTo(200);
            softly.assertAll();
        }
    }

    @Test
    void should_list_every_authenticated_route_in_the_table() {
        try (TestServer server = TestServer.start(TestDatabases.fresh(Engine.H2))) {
            List<Route> routes = server.server().routes();
            Set<String> authenticated =
                    routes.stream()
                            // learners' routes are WalletIsolationTest's
                            .filter(route -> route.access() != Access.PUBLIC)
                            .filter(route -> route.access() != Access.LEARNER)
                            .map(Route::key)
                            .collect(Collectors.toSet());
            Set<String> table = CASES.stream().map(Case::route).collect(Collectors.toSet());

            assertThat(table)
                    .as("tenant isolation table")
                    .hasSize(CASES.size())
                    .isEqualTo(authenticated);
            assertThat(Set.copyOf(server.server().javalinRoutes()))
                    .as("every route goes through Routes (with its guards)")
                    .isEqualTo(routes.stream().map(Route::key).collect(Collectors.toSet()));
        }
    }

    private static Alpha alpha(TestServer server) {
        Browser owner = server.signUp("Alpha College", "Ada Alpha", "ada@alpha.example");
        Actor actor = owner.session().actor();
        Browser member = server.member(owner, "grace@alpha.example", Role.ISSUER);
        UUID tokenId =
                server.services()
                        .apiTokens()
                        .create(actor, "alpha token", Role.VIEWER)
                        .token()
                        .id();
        IssuerProfile issuer =
                server.services()
                        .issuers()
                        .create(actor, IssuerDraft.of("alpha-issuer", "Alpha Issuer"));
        UUID issuerId = issuer.id();
        server.services()
                .skills()
                .importFramework(
                        actor,
                        FrameworkImport.of("Alpha skills", SkillSource.CUSTOM, "1"),
                        new StringReader(
                                "code,name,description,url\nA1,Alpha skill,An alpha skill,\n"));
        Skill skill = server.services().skills().search(actor, "alpha", 10).get(0);
        UUID achievementId =
                server.services()
                        .achievements()
                        .create(
                                actor,
                                AchievementDraft.of(
                                                "Alpha achievement",
                                                "Alpha description",
                                                "Alpha criteria")
                                        .withSkills(List.of(skill.id())))
                        .achievementId();
        UUID bulkId =
                server.services()
                        .bulk()
                        .upload(
                                actor,
                                new BulkUpload(
                                        issuerId,
                                        achievementId,
                                        "alpha.csv",
                                        SecuringFormat.DATA_INTEGRITY,
                                        false),
                                new StringReader("email\nlearner@alpha.example\n"))
                        .id();
        UUID credentialId =
                server.services()
                        .awards()
                        .issue(
                                actor,
                                IssueRequest.of(
                                        issuerId,
                                        achievementId,
                                        AwardRecipient.ofEmail("learner@alpha.example")),
                                server.services()
                                        .delivery()
                                        .emailOnIssue(server.services().host().base()))
                        .id();
        InvitationSent invitation =
                server.services().members().invite(actor, "pending@alpha.example", Role.OWNER);
        return new Alpha(
                owner,
                member.session().userId(),
                tokenId,
                issuerId,
                skill.id(),
                achievementId,
                bulkId,
                issuer.did(),
                credentialId,
                invitation.invitation().id(),
                invitation.token());
    }

    /** The outbox id of the e-mail announcing A's credential. */
    private static String alphaEmailId(Ctx c) {
        return c.server()
                .services()
                .database()
                .jdbi()
                .withHandle(
                        handle ->
                                handle.createQuery(
                                                "SELECT CAST(id AS VARCHAR(36)) FROM email_outbox"
                                                        + " WHERE credential_id = :id")
                                        .bind("id", c.alpha().credentialId())
                                        .mapTo(String.class)
                                        .one());
    }

    /** An unsigned Open Badges 3.0 credential of {@code issuerDid} for the VC-API. */
    private static String unsignedCredential(String issuerDid) {
        return """
                {"@context": ["https://www.w3.org/ns/credentials/v2",
                              "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                 "type": ["VerifiableCredential", "OpenBadgeCredential"],
                 "issuer": "%s",
                 "credentialSubject": {"id": "did:example:bob", "type": ["AchievementSubject"],
                   "achievement": {"id": "https://beta.example/badges/1", "type": ["Achievement"],
                     "name": "B", "description": "B", "criteria": {"narrative": "B"}}}}
                """
                .formatted(issuerDid);
    }

    private static String stateOf(TestServer server, Actor actor) {
        Services services = server.services();
        return services.members().list(actor).stream().map(Member::toString).toList()
                + " "
                + services.members().invitations(actor)
                + " "
                + services.apiTokens().list(actor).stream().map(ApiToken::toString).toList()
                + " "
                + services.issuers().list(actor)
                + " "
                + services.achievements().list(actor)
                + " "
                + services.bulk().list(actor, 100)
                + " "
                + services.skills().frameworks(actor)
                + " "
                + services.issuers().list(actor).stream()
                        .map(issuer -> services.issuers().keys(actor, issuer.id()))
                        .toList()
                + " "
                + services.credentials().list(actor, CredentialQuery.all())
                + " "
                + services.delivery().counts(actor)
                + " "
                + services.auditLog().newest(actor, 500).size()
                + " "
                + services.issuerTrust().standings(actor);
    }

    private static Case hidden(String route, Function<Ctx, HttpResponse<String>> request) {
        return new Case(route, request, Expect.HIDDEN);
    }

    private static Case scoped(String route, Function<Ctx, HttpResponse<String>> request) {
        return new Case(route, request, Expect.SCOPED);
    }
}
