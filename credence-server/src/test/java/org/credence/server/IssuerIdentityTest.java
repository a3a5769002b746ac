package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.issuer.DomainProof;
import org.credence.app.issuer.IssuerDraft;
import org.credence.app.issuer.IssuerProfile;
import org.credence.app.issuer.Operators;
import org.credence.app.organization.Role;
import org.credence.app.verification.AllowedHost;
import org.credence.app.verification.FetchSettings;
import org.credence.app.verification.SafeFetcher;
import org.credence.app.verification.VerificationSources;
import org.credence.core.Verifier;
import org.credence.core.json.JsonInput;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.credence.server.TestServer.Browser;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issuer identity over HTTP (issue 9, points 2 and 15): did:key issuers made on the page and the
 * API sign through the VC-API and verify offline; domain verification through the safe fetcher on
 * the issuer page; only an operator vets, and only vetted issuers are confirmed; two issuers of the
 * same name are told apart on the pages that name them.
 */
class IssuerIdentityTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final String OPERATOR = "operator@ops.example";
    private static final Pattern TOKEN_LINE =
            Pattern.compile("credence-issuer-verification=([A-Za-z0-9_-]+)");

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_create_did_key_issuers_on_the_page_and_api_and_sign_through_the_vc_api(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Browser owner = server.signUp("Riverside College", "owner@riverside.example");
            String ownerToken = server.apiToken(owner, Role.OWNER);

            // WHEN an owner creates a did:key issuer on the page and one through the API
            HttpResponse<String> created =
                    server.post(
                            "/app/issuers",
                            owner,
                            Map.of("slug", "page-key", "name", "Page Key", "didMethod", "did:key"));
            String pagePath = created.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> page = server.get(pagePath, owner);
            HttpResponse<String> rotate =
                    server.post(pagePath + "/rotate-key", owner, Map.of("confirm", "yes"));
            HttpResponse<String> api =
                    server.api(
                            "POST",
                            "/api/v1/issuers",
                            ownerToken,
                            "{\"slug\":\"api-key\",\"name\":\"API Key\",\"didMethod\":\"did:key\"}");
            HttpResponse<String> refused =
                    server.api(
                            "POST",
                            "/api/v1/issuers",
                            ownerToken,
                            "{\"slug\":\"api-ion\",\"name\":\"Ion\",\"didMethod\":\"did:ion\"}");

            // THEN
            assertThat(created.statusCode()).isEqualTo(302);
            assertThat(page.body())
                    .contains("did:key:z6Mk")
                    .contains("cannot be rotated")
                    .doesNotContain("Rotate signing key")
                    .doesNotContain("/did.json");
            assertThat(rotate.statusCode()).isEqualTo(409);
            assertThat(rotate.body()).contains("cannot rotate its key");
            assertThat(api.statusCode()).as(api.body()).isEqualTo(201);
            JsonObject issuer = JsonInput.DEFAULT.parseObject(api.body());
            assertThat(issuer.getString("didMethod")).isEqualTo("did:key");
            assertThat(issuer.getString("did")).startsWith("did:key:z6Mk");
            assertThat(issuer.containsKey("didDocument")).isFalse();
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("didMethod");

            // AND the VC-API signs with it (as the W3C vc-di-eddsa issuer tests configure)
            String did = issuer.getString("did");
            HttpResponse<String> issued =
                    server.api(
                            "POST",
                            "/credentials/issue",
                            server.apiToken(owner, Role.ISSUER),
                            "{\"credential\": " + unsigned(did) + "}");
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
            JsonObject credential =
                    JsonInput.DEFAULT
                            .parseObject(issued.body())
                            .getJsonObject("verifiableCredential");
            assertThat(credential.getJsonObject("issuer").getString("id")).isEqualTo(did);
            assertThat(credential.getJsonObject("proof").getString("verificationMethod"))
                    .isEqualTo(did + "#" + did.substring("did:key:".length()));
            // offline: no fetcher, no resolver beyond did:key
            VerificationReport offline =
                    Verifier.builder()
                            .clock(Clock.systemUTC())
                            .build()
                            .verifyCredential(credential, VerifyOptions.DEFAULT);
            assertThat(offline.check(CheckName.PROOF).orElseThrow().status())
                    .as(offline.toString())
                    .isEqualTo(CheckStatus.PASSED);
            assertThat(offline.check(CheckName.ISSUER_KEY_BINDING).orElseThrow().status())
                    .isEqualTo(CheckStatus.PASSED);
            HttpResponse<String> verified =
                    server.api(
                            "POST",
                            "/credentials/verify",
                            null,
                            "{\"verifiableCredential\": " + credential + "}");
            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_verify_the_issuer_domain_on_its_page_through_the_safe_fetcher(
            TestDatabase testDatabase) throws Exception {
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.start();
        String authority = "127.0.0.1:" + site.getAddress().getPort();
        String[] published = {""};
        site.createContext(
                DomainProof.PATH,
                exchange -> {
                    byte[] body = published[0].getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "text/plain");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
        try (TestServer server = start(testDatabase, authority)) {
            // GIVEN an issuer whose web site is the test site
            Browser owner = server.signUp("Riverside College", "owner@riverside.example");
            IssuerProfile issuer =
                    server.services()
                            .issuers()
                            .create(
                                    owner.session().actor(),
                                    IssuerDraft.of("riverside", "School of Nursing")
                                            .withUrl("https://" + authority + "/"));
            String path = "/app/issuers/" + issuer.id();

            // WHEN the owner asks for a token, publishes it, and checks
            HttpResponse<String> asked = server.post(path + "/domain", owner, Map.of());
            HttpResponse<String> instructions = server.get(path, owner);
            Matcher token = TOKEN_LINE.matcher(instructions.body());
            assertThat(token.find()).as(instructions.body()).isTrue();
            HttpResponse<String> notYet = server.post(path + "/domain/check", owner, Map.of());
            published[0] = token.group() + "\n";
            HttpResponse<String> checked = server.post(path + "/domain/check", owner, Map.of());
            HttpResponse<String> list = server.get("/app/issuers", owner);

            // THEN
            assertThat(asked.statusCode()).isEqualTo(302);
            assertThat(instructions.body())
                    .contains("https://" + authority + DomainProof.PATH)
                    .contains("Check the domain now");
            assertThat(notYet.statusCode()).isEqualTo(200);
            assertThat(notYet.body()).contains("Domain not verified").contains("does not contain");
            assertThat(checked.body()).contains("Domain " + authority + " verified");
            assertThat(list.body())
                    .contains("domain " + authority + " verified")
                    .contains("not confirmed");
        } finally {
            site.stop(0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_confirm_only_issuers_an_operator_vetted_and_tell_same_named_issuers_apart(
            TestDatabase testDatabase) {
        try (TestServer server = start(testDatabase, "127.0.0.1:1")) {
            // GIVEN two organisations whose issuers share a name, each with a credential
            Browser real = server.signUp("Riverside College", "owner@riverside.example");
            Browser copy = server.signUp("Impostor Ltd", "owner@impostor.example");
            IssuerProfile realIssuer = issuer(server, real, "riverside-nursing");
            IssuerProfile copyIssuer = issuer(server, copy, "impostor-nursing");
            JsonObject realCredential = issue(server, real, realIssuer);
            JsonObject copyCredential = issue(server, copy, copyIssuer);
            Browser operator = server.signUp("Operations", OPERATOR);

            // WHEN a non-operator and the operator open the operator page; the operator vets one
            HttpResponse<String> stranger = server.get("/app/operator/issuers", copy);
            HttpResponse<String> strangerVets =
                    server.post(
                            "/app/operator/issuers/" + copyIssuer.id() + "/vetting",
                            copy,
                            Map.of("vetted", "yes"));
            HttpResponse<String> operatorPage = server.get("/app/operator/issuers", operator);
            HttpResponse<String> vetted =
                    server.post(
                            "/app/operator/issuers/" + realIssuer.id() + "/vetting",
                            operator,
                            Map.of("vetted", "yes"));
            HttpResponse<String> badAnswer =
                    server.post(
                            "/app/operator/issuers/" + realIssuer.id() + "/vetting",
                            operator,
                            Map.of("vetted", "maybe"));

            // THEN
            assertThat(stranger.statusCode()).isEqualTo(404);
            assertThat(strangerVets.statusCode()).isEqualTo(404);
            assertThat(operatorPage.statusCode()).isEqualTo(200);
            assertThat(operatorPage.body())
                    .contains("Riverside College", "Impostor Ltd")
                    .contains(realIssuer.did(), copyIssuer.did());
            assertThat(vetted.statusCode()).isEqualTo(302);
            assertThat(badAnswer.statusCode()).isEqualTo(400);
            assertThat(trust(server, realCredential).status()).isEqualTo(CheckStatus.PASSED);
            assertThat(trust(server, copyCredential).status()).isEqualTo(CheckStatus.WARNING);
            assertThat(trust(server, copyCredential).message())
                    .startsWith("Issuer not confirmed: School of Nursing")
                    .doesNotContain("Known issuer");
            assertThat(server.services().auditLog().newest(real.session().actor(), 50))
                    .anySatisfy(event -> assertThat(event.action()).isEqualTo("issuer.vetted"));

            // AND the verify result pages tell them apart
            String realPage = resultPage(server, realCredential);
            String copyPage = resultPage(server, copyCredential);
            assertThat(realPage).contains("identifier " + realIssuer.did() + " · confirmed issuer");
            assertThat(copyPage)
                    .contains("identifier " + copyIssuer.did() + " · not confirmed")
                    .doesNotContain("Known issuer");
            // and the wallet, for credentials from anywhere
            Learners.Learner learner = Learners.signUp(server, "Ada", "ada@learner.example");
            server.services()
                    .wallet()
                    .importFile(
                            learner.id(),
                            copyCredential.toString().getBytes(StandardCharsets.UTF_8));
            String wallet = Learners.get(server, "/wallet", learner).body();
            assertThat(wallet).contains("identifier " + copyIssuer.did() + " · not confirmed");
            // and so do the credentials' public pages
            assertThat(
                            server.get(
                                            realCredential
                                                    .getString("id")
                                                    .replace("http://localhost", ""),
                                            (String) null)
                                    .body())
                    .contains(realIssuer.did() + " · confirmed issuer");
        }
    }

    /** An unsigned Open Badges 3.0 credential of {@code issuerDid}, as a VC-API client sends it. */
    private static String unsigned(String issuerDid) {
        return """
                {"@context": ["https://www.w3.org/ns/credentials/v2",
                              "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                 "type": ["VerifiableCredential", "OpenBadgeCredential"],
                 "issuer": {"id": "%s", "type": ["Profile"], "name": "School of Nursing"},
                 "name": "Wound Care",
                 "credentialSubject": {
                   "id": "did:example:ada",
                   "type": ["AchievementSubject"],
                   "achievement": {
                     "id": "https://partner.example.org/badges/wound-care",
                     "type": ["Achievement"],
                     "name": "Wound Care",
                     "description": "Dresses wounds aseptically.",
                     "criteria": {"narrative": "Observed twice."}}}}
                """
                .formatted(issuerDid);
    }

    private static TestServer start(TestDatabase testDatabase, String allowedAuthority) {
        return TestServer.start(
                testDatabase,
                new VerificationSources(
                        Optional.of(
                                new SafeFetcher(
                                        FetchSettings.STANDARD.withAllowedHosts(
                                                List.of(
                                                        AllowedHost.parse(
                                                                "http://" + allowedAuthority))),
                                        Clock.systemUTC())),
                        List.of()),
                new Operators(List.of(OPERATOR)));
    }

    private static IssuerProfile issuer(TestServer server, Browser owner, String slug) {
        return server.services()
                .issuers()
                .create(owner.session().actor(), IssuerDraft.of(slug, "School of Nursing"));
    }

    private static JsonObject issue(TestServer server, Browser owner, IssuerProfile issuer) {
        HttpResponse<String> issued =
                server.api(
                        "POST",
                        "/credentials/issue",
                        server.apiToken(owner, Role.ISSUER),
                        "{\"credential\": " + unsigned(issuer.did()) + "}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return JsonInput.DEFAULT.parseObject(issued.body()).getJsonObject("verifiableCredential");
    }

    private static org.credence.core.verify.Check trust(TestServer server, JsonObject credential) {
        return server.services()
                .verification()
                .verify(
                        credential.toString().getBytes(StandardCharsets.UTF_8),
                        VerifyOptions.DEFAULT)
                .check(CheckName.ISSUER_TRUST)
                .orElseThrow();
    }

    /** Verifies on the verify page (pasted JSON) and returns the result page. */
    private static String resultPage(TestServer server, JsonObject credential) {
        String id =
                server.services()
                        .verification()
                        .verifyAndKeep(
                                credential.toString().getBytes(StandardCharsets.UTF_8),
                                VerifyOptions.DEFAULT)
                        .id()
                        .toString();
        HttpResponse<String> page = server.get("/verify/results/" + id, (String) null);
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }
}
