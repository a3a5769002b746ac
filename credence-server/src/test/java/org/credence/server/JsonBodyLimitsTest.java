package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.credence.app.achievement.AchievementDraft;
import org.credence.app.award.AwardRecipient;
import org.credence.app.award.IssueRequest;
import org.credence.app.bulk.BulkUpload;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.issuer.IssuerDraft;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.core.json.Jsons;
import org.credence.server.TestServer.Browser;
import org.credence.server.web.Access;
import org.credence.server.web.ErrorMapper;
import org.credence.server.web.Route;
import org.credence.testing.db.Engine;
import org.credence.testing.db.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * Every route that reads a JSON body refuses hostile JSON with a 4xx and a JSON error body that
 * says why, never a 500: nesting far deeper than any credential (Parsson's own limit of 1,000
 * levels throws a bare {@code RuntimeException}), duplicate keys (refused as the verifier refuses
 * them) and malformed text. The routes come from the route registry, with the organisation's own
 * resources in their paths so that the body, not a 404, decides the answer.
 */
class JsonBodyLimitsTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

    /** Routes of the JSON APIs that read no JSON body, and why. */
    private static final Map<String, String> NO_JSON_BODY =
            Map.of(
                    "POST /oid4vci/token", "a form (RFC 6749 §4.1.3)",
                    "POST /oid4vci/nonce", "no body",
                    "POST /api/v1/skill-frameworks", "a CSV file",
                    "POST /api/v1/bulk-issues", "a CSV file",
                    "POST /api/v1/issuers/{issuerId}/rotate-key", "no body",
                    "POST /api/v1/bulk-issues/{bulkId}/confirm", "no body",
                    "POST /api/v1/bulk-issues/{bulkId}/cancel", "no body",
                    "POST /api/v1/credentials/{credentialId}/unsuspend", "no body",
                    "POST /api/v1/credentials/{credentialId}/resend", "no body");

    private static final String DEEP = "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000);
    private static final String DUPLICATE =
            "{\"name\":\"one\",\"name\":\"two\",\"role\":\"viewer\"}";
    private static final String MALFORMED = "{\"name\": \"unterminated";

    @Test
    void should_refuse_hostile_json_with_a_4xx_problem_on_every_json_route() {
        try (TestServer server = TestServer.start(TestDatabases.fresh(Engine.H2))) {
            Browser owner = server.signUp("Json College", "Jo Json", "jo@json.example");
            String token = server.apiToken(owner, Role.OWNER);
            Map<String, String> ids = resources(server, owner);
            List<Route> routes = jsonRoutes(server);
            assertThat(routes).as("JSON routes").hasSizeGreaterThan(15);
            assertThat(routes.stream().map(Route::key))
                    .as("JSON routes")
                    .contains(
                            "POST /exchanges/{exchangeId}",
                            "POST /api/v1/tokens",
                            "PUT /api/v1/achievements/{achievementId}",
                            "PATCH /api/v1/issuers/{issuerId}",
                            "POST /credentials/verify");

            SoftAssertions softly = new SoftAssertions();
            for (Route route : routes) {
                String path = path(route.path(), ids);
                expectRefusal(softly, route, server.api(route.method(), path, token, DEEP), "deep");
                expectRefusal(
                        softly,
                        route,
                        server.api(route.method(), path, token, DUPLICATE),
                        "duplicate");
                expectRefusal(
                        softly, route, server.api(route.method(), path, token, MALFORMED), "");
            }
            softly.assertAll();
        }
    }

    @Test
    void should_log_a_client_error_as_one_line_without_a_stack_trace() {
        try (TestServer server = TestServer.start(TestDatabases.fresh(Engine.H2))) {
            Browser owner = server.signUp("Log College", "Lo Log", "lo@log.example");
            String token = server.apiToken(owner, Role.OWNER);
            PrintStream original = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            HttpResponse<String> response;
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                response = server.api("POST", "/api/v1/tokens", token, DEEP);
            } finally {
                System.setErr(original);
            }
            String log = captured.toString(StandardCharsets.UTF_8);
            original.print(log);

            assertThat(response.statusCode()).isEqualTo(400);
            // other loggers' lines (background jobs) are not this request's
            List<String> lines =
                    log.lines()
                            .filter(line -> !line.isBlank())
                            .filter(line -> !line.startsWith("[") || line.contains("ErrorMapper"))
                            .toList();
            assertThat(lines)
                    .as("the log of one refused request")
                    .hasSize(1)
                    .first()
                    .asString()
                    .contains("400", "POST /api/v1/tokens", "deeper")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void should_report_a_jwt_whose_payload_nests_too_deep_as_malformed() {
        try (TestServer server = TestServer.start(TestDatabases.fresh(Engine.H2))) {
            java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
            String jwt =
                    base64.encodeToString(
                                    "{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\"}"
                                            .getBytes(StandardCharsets.UTF_8))
                            + "."
                            + base64.encodeToString(DEEP.getBytes(StandardCharsets.UTF_8))
                            + "."
                            + base64.encodeToString(new byte[64]);

            HttpResponse<String> response =
                    server.send(
                            java.net.http.HttpRequest.newBuilder(server.uri("/verify"))
                                    .header("Content-Type", "application/vc+jwt")
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(jwt)));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(bodyOf(response)).as(response.body()).isNotNull();
        }
    }

    /** POST, PUT and PATCH routes of the JSON APIs, less those that read no JSON. */
    private static List<Route> jsonRoutes(TestServer server) {
        List<Route> all = server.server().routes();
        Set<String> keys =
                all.stream().map(Route::key).collect(java.util.stream.Collectors.toSet());
        assertThat(keys).as("routes said to read no JSON").containsAll(NO_JSON_BODY.keySet());
        return all.stream()
                .filter(route -> Set.of("POST", "PUT", "PATCH").contains(route.method()))
                .filter(
                        route ->
                                route.access() == Access.API_TOKEN
                                        || ErrorMapper.isJsonApi(route.path())
                                        || ErrorMapper.FORM_OR_API_POSTS.contains(route.path()))
                .filter(route -> !NO_JSON_BODY.containsKey(route.key()))
                .toList();
    }

    private static void expectRefusal(
            SoftAssertions softly, Route route, HttpResponse<String> response, String reason) {
        String what = route.key() + " with " + (reason.isEmpty() ? "malformed" : reason) + " JSON";
        softly.assertThat(response.statusCode())
                .as(what + ": " + response.body())
                .isBetween(400, 499);
        JsonObject body = bodyOf(response);
        softly.assertThat(body).as(what + ": a JSON error body: " + response.body()).isNotNull();
        if (body != null && response.statusCode() == 400 && !reason.isEmpty()) {
            softly.assertThat(response.body().toLowerCase(java.util.Locale.ROOT))
                    .as(what + ": says why")
                    .contains(reason);
        }
    }

    private static JsonObject bodyOf(HttpResponse<String> response) {
        try (var reader = Jsons.PROVIDER.createReader(new StringReader(response.body()))) {
            JsonObject body = reader.readObject();
            boolean problem = body.containsKey("detail") && body.containsKey("status");
            boolean oauth = body.containsKey("error");
            boolean report = body.containsKey("verified") || body.containsKey("checks");
            return problem || oauth || report ? body : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String path(String pattern, Map<String, String> ids) {
        Matcher parameter = PARAMETER.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String id = ids.getOrDefault(parameter.group(1), UUID.randomUUID().toString());
            parameter.appendReplacement(path, id);
        }
        parameter.appendTail(path);
        return path.toString();
    }

    /** The organisation's own member, token, issuer, achievement, bulk issue and credential. */
    private static Map<String, String> resources(TestServer server, Browser owner) {
        Actor actor = owner.session().actor();
        Browser member = server.member(owner, "grace@json.example", Role.ISSUER);
        UUID tokenId =
                server.services().apiTokens().create(actor, "other", Role.VIEWER).token().id();
        UUID issuerId =
                server.services()
                        .issuers()
                        .create(actor, IssuerDraft.of("json-issuer", "Json Issuer"))
                        .id();
        UUID achievementId =
                server.services()
                        .achievements()
                        .create(actor, AchievementDraft.of("Json badge", "Described", "Criteria"))
                        .achievementId();
        UUID bulkId =
                server.services()
                        .bulk()
                        .upload(
                                actor,
                                new BulkUpload(
                                        issuerId,
                                        achievementId,
                                        "json.csv",
                                        SecuringFormat.DATA_INTEGRITY,
                                        false),
                                new StringReader("email\nlearner@json.example\n"))
                        .id();
        UUID credentialId =
                server.services()
                        .awards()
                        .issue(
                                actor,
                                IssueRequest.of(
                                        issuerId,
                                        achievementId,
                                        AwardRecipient.ofEmail("learner@json.example")),
                                server.services()
                                        .delivery()
                                        .emailOnIssue(server.services().host().base()))
                        .id();
        return Map.of(
                "userId", member.session().userId().toString(),
                "tokenId", tokenId.toString(),
                "issuerId", issuerId.toString(),
                "achievementId", achievementId.toString(),
                "bulkId", bulkId.toString(),
                "credentialId", credentialId.toString());
    }
}
