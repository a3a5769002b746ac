package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.credence.app.job.MutableClock;
import org.credence.app.wallet.WalletCollection;
import org.credence.core.Issuer;
import org.credence.core.bake.BadgeBaker;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyType;
import org.credence.core.json.Jsons;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.server.Learners.Learner;
import org.credence.testing.Vectors;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Collections, share links, the show-my-name choice, downloads, LinkedIn and send-to-wallet of the
 * learner wallet over HTTP, on both engines. Shared pages are opened without any cookie.
 */
class SharePagesTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Pattern SHARE_URL =
            Pattern.compile(
                    "id=\"share-url\" readonly size=\"80\" value=\"http://localhost(/shared/[A-Za-z0-9_-]{43})\"");

    /** Ada's wallet: "Safe Medication" issued here, "Teamwork" imported. */
    record Wallet(Learner ada, UUID issued, UUID imported) {}

    static Wallet wallet(TestServer server) {
        return wallet(server, () -> {});
    }

    /**
     * @param tick moves a test clock on between issuing and signing up, so the newest e-mail to Ada
     *     is the one with her code
     */
    static Wallet wallet(TestServer server, Runnable tick) {
        CredentialPagesTest.Org org = CredentialPagesTest.org(server, "Safe Medication");
        UUID issued = Learners.issue(server, org, "ada@example.org");
        tick.run();
        Learner ada = Learners.verified(server, "Ada Lovelace", "ada@example.org");
        HttpResponse<String> imported =
                Learners.upload(
                        server,
                        "/wallet/import",
                        ada,
                        new Multipart.File(
                                "teamwork.json",
                                "application/json",
                                Vectors.bytes(WalletPagesTest.FOREIGN)),
                        null);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(303);
        return new Wallet(ada, issued, Learners.idFrom(imported));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_show_a_shared_collection_to_anyone_until_revoked_then_nothing_private(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN a collection of both credentials
            Wallet wallet = wallet(server);
            Learner ada = wallet.ada();
            assertThat(
                            post(
                                    server,
                                    "/wallet/collections",
                                    ada,
                                    Map.of("name", "Cybersecurity toolkit")))
                    .isEqualTo(303);
            UUID toolkit = collection(server, ada);
            String items = "/wallet/collections/" + toolkit;
            assertThat(
                            post(
                                    server,
                                    items + "/add",
                                    ada,
                                    Map.of("entry", wallet.issued().toString())))
                    .isEqualTo(303);
            assertThat(
                            post(
                                    server,
                                    items + "/add",
                                    ada,
                                    Map.of("entry", wallet.imported().toString())))
                    .isEqualTo(303);
            assertThat(Learners.get(server, "/wallet", ada).body())
                    .containsPattern(
                            "<h3>Cybersecurity toolkit</h3>\\s*<ul class=\"collection-items\">\\s*<li>Safe Medication");

            // WHEN Ada shares the collection
            HttpResponse<String> made =
                    Learners.post(
                            server,
                            "/wallet/shares",
                            ada,
                            Map.of("collection", toolkit.toString(), "days", ""));
            assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
            String link = find(SHARE_URL, made.body());

            // THEN anyone sees the collection, verified now, without her name or address
            HttpResponse<String> shared = server.get(link, (String) null);
            assertThat(shared.statusCode()).isEqualTo(200);
            assertThat(shared.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(shared.body())
                    .contains("<h1>Cybersecurity toolkit</h1>")
                    .contains("<h2>Safe Medication</h2>")
                    .contains("<h2>Teamwork</h2>")
                    .contains("action=\"/verify\"")
                    .contains("href=\"/credentials/" + wallet.issued() + "\"")
                    .doesNotContain("Ada Lovelace", "ada@example.org", "My wallet");
            String document = server.services().credentials().document(wallet.issued()).text();
            HttpResponse<String> json =
                    server.get(link + "/" + wallet.issued() + ".json", (String) null);
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.body()).isEqualTo(document);
            HttpResponse<byte[]> png = bytes(server, link + "/" + wallet.imported() + ".png");
            assertThat(png.statusCode()).isEqualTo(200);
            assertThat(new BadgeBaker().extract(png.body()).credential())
                    .isEqualTo(
                            new String(
                                            Vectors.bytes(WalletPagesTest.FOREIGN),
                                            StandardCharsets.UTF_8)
                                    .strip());
            assertThat(
                            server.get(link + "/" + UUID.randomUUID() + ".json", (String) null)
                                    .statusCode())
                    .isEqualTo(404);

            // WHEN she chooses to show her name on the credential issued here
            assertThat(
                            post(
                                    server,
                                    "/wallet/credentials/" + wallet.issued() + "/name",
                                    ada,
                                    Map.of("show", "yes")))
                    .isEqualTo(303);

            // THEN the share shows it next to that credential only
            assertThat(server.get(link, (String) null).body())
                    .containsOnlyOnce("Awarded to <strong>Ada Lovelace</strong>");
            assertThat(Learners.get(server, "/wallet/credentials/" + wallet.issued(), ada).body())
                    .contains("value=\"yes\" checked");

            // WHEN she revokes the link
            UUID share = server.services().sharing().shares().shares(ada.id()).get(0).id();
            assertThat(post(server, "/wallet/shares/" + share + "/revoke", ada, Map.of()))
                    .isEqualTo(303);

            // THEN the link, and its files, show nothing private: 410 Gone
            for (String path : new String[] {link, link + "/" + wallet.issued() + ".json"}) {
                HttpResponse<String> gone = server.get(path, (String) null);
                assertThat(gone.statusCode()).as(path).isEqualTo(410);
                assertThat(gone.body())
                        .contains("This link is no longer shared.")
                        .doesNotContain(
                                "Cybersecurity toolkit",
                                "Safe Medication",
                                "Teamwork",
                                "Ada",
                                wallet.issued().toString(),
                                wallet.imported().toString());
            }
            assertThat(server.get("/shared/" + "x".repeat(43), (String) null).statusCode())
                    .isEqualTo(404);
            assertThat(Learners.get(server, "/wallet", ada).body()).doesNotContain("Revoke link");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_warn_instead_of_naming_the_sharer_when_a_shared_import_is_not_issued_to_them(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN Ada's import issued to someone else's DID, with "show my name" chosen on it
            Wallet wallet = wallet(server);
            assertThat(
                            post(
                                    server,
                                    "/wallet/credentials/" + wallet.imported() + "/name",
                                    wallet.ada(),
                                    Map.of("show", "yes")))
                    .isEqualTo(303);

            // WHEN she shares it
            HttpResponse<String> made =
                    Learners.post(
                            server,
                            "/wallet/shares",
                            wallet.ada(),
                            Map.of("entry", wallet.imported().toString(), "days", ""));
            String link = find(SHARE_URL, made.body());

            // THEN the shared page does not say it was awarded to her, and warns instead
            String shared = server.get(link, (String) null).body();
            assertThat(shared)
                    .contains("<h2>Teamwork</h2>")
                    .contains("Not issued to any of this person's verified identifiers")
                    .doesNotContain("Awarded to", "Ada Lovelace");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_link_only_web_urls_of_an_imported_credential_on_the_wallet_and_shared_pages(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN Ada's import of a credential signed elsewhere whose skills point at a
            // javascript: URL and at a web page
            Learner ada = Learners.verified(server, "Ada Lovelace", "ada@example.org");
            HttpResponse<String> imported =
                    Learners.upload(
                            server,
                            "/wallet/import",
                            ada,
                            new Multipart.File(
                                    "scripted.json",
                                    "application/json",
                                    credentialAligned(
                                            "mailto:ada@example.org",
                                            Map.of(
                                                    "Evil skill", "javascript:alert(1)",
                                                    "Wound care", "https://skills.example/wound"))),
                            null);
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(303);
            UUID id = Learners.idFrom(imported);
            HttpResponse<String> made =
                    Learners.post(
                            server,
                            "/wallet/shares",
                            ada,
                            Map.of("entry", id.toString(), "days", ""));
            String link = find(SHARE_URL, made.body());

            // WHEN / THEN its page, the wallet and the shared page link the web page only
            for (String page :
                    new String[] {
                        Learners.get(server, "/wallet/credentials/" + id, ada).body(),
                        Learners.get(server, "/wallet", ada).body(),
                        server.get(link, (String) null).body()
                    }) {
                assertThat(page)
                        .doesNotContainIgnoringCase("href=\"javascript:")
                        .contains("Evil skill (javascript:alert(1))")
                        .contains("<a href=\"https://skills.example/wound\" rel=\"noopener\">");
            }
        }
    }

    /** An Open Badge signed here with a did:key issuer, its achievement aligned to the skills. */
    private static byte[] credentialAligned(String subject, Map<String, String> skills) {
        var json = Jsons.PROVIDER;
        var alignments = json.createArrayBuilder();
        new java.util.TreeMap<>(skills)
                .forEach(
                        (name, url) ->
                                alignments.add(
                                        json.createObjectBuilder()
                                                .add(
                                                        "type",
                                                        json.createArrayBuilder().add("Alignment"))
                                                .add("targetName", name)
                                                .add("targetUrl", url)));
        KeyFile key = KeyFile.generate(KeyType.ED25519, new SecureRandom());
        JsonObject unsigned =
                json.createObjectBuilder()
                        .add(
                                "@context",
                                json.createArrayBuilder()
                                        .add("https://www.w3.org/ns/credentials/v2")
                                        .add(
                                                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
                        .add(
                                "type",
                                json.createArrayBuilder()
                                        .add("VerifiableCredential")
                                        .add("OpenBadgeCredential"))
                        .add("id", "urn:uuid:" + UUID.randomUUID())
                        .add(
                                "issuer",
                                json.createObjectBuilder()
                                        .add("id", key.controller())
                                        .add("type", json.createArrayBuilder().add("Profile"))
                                        .add("name", "Elsewhere College"))
                        .add("validFrom", "2026-01-01T00:00:00Z")
                        .add("name", "Scripted")
                        .add(
                                "credentialSubject",
                                json.createObjectBuilder()
                                        .add("id", subject)
                                        .add(
                                                "type",
                                                json.createArrayBuilder().add("AchievementSubject"))
                                        .add(
                                                "achievement",
                                                json.createObjectBuilder()
                                                        .add("id", "https://elsewhere.example/a/1")
                                                        .add(
                                                                "type",
                                                                json.createArrayBuilder()
                                                                        .add("Achievement"))
                                                        .add("name", "Scripted")
                                                        .add("description", "Aligned to skills.")
                                                        .add(
                                                                "criteria",
                                                                json.createObjectBuilder()
                                                                        .add(
                                                                                "narrative",
                                                                                "Observed."))
                                                        .add("alignment", alignments)))
                        .build();
        return new Issuer(key, Canonicalizer.standard(), Clock.systemUTC())
                .sign(unsigned)
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_stop_showing_a_credential_link_when_it_expires(TestDatabase testDatabase) {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try (TestServer server = TestServer.start(testDatabase, clock)) {
            // GIVEN a link to the imported credential for one day
            Wallet wallet = wallet(server, () -> clock.advance(Duration.ofSeconds(1)));
            HttpResponse<String> made =
                    Learners.post(
                            server,
                            "/wallet/shares",
                            wallet.ada(),
                            Map.of("entry", wallet.imported().toString(), "days", "1"));
            String link = find(SHARE_URL, made.body());
            assertThat(server.get(link, (String) null).body()).contains("<h1>Teamwork</h1>");

            // a link for longer than ten years, or not a number of days, is refused
            assertThat(
                            Learners.post(
                                            server,
                                            "/wallet/shares",
                                            wallet.ada(),
                                            Map.of(
                                                    "entry",
                                                    wallet.imported().toString(),
                                                    "days",
                                                    "99999"))
                                    .statusCode())
                    .isEqualTo(400);

            // WHEN the day is over
            clock.advance(Duration.ofDays(1).plusSeconds(1));

            // THEN
            HttpResponse<String> expired = server.get(link, (String) null);
            assertThat(expired.statusCode()).isEqualTo(410);
            assertThat(expired.body()).contains("no longer shared").doesNotContain("Teamwork");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_offer_downloads_linkedin_and_a_wallet_app_on_the_credential_page(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Wallet wallet = wallet(server);
            Learner ada = wallet.ada();
            String document = server.services().credentials().document(wallet.issued()).text();

            // WHEN she opens the credential issued here
            String issuedPage =
                    Learners.get(server, "/wallet/credentials/" + wallet.issued(), ada).body();

            // THEN LinkedIn's link names it and its public page; the PDF and the wallet app are
            // offered
            assertThat(issuedPage.replace("&amp;", "&"))
                    .contains(
                            "href=\"https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Safe%20Medication&organizationName=Test%20Issuer&issueYear=")
                    .contains(
                            "&certUrl=http%3A%2F%2Flocalhost%2Fcredentials%2F"
                                    + wallet.issued()
                                    + "&certId="
                                    + wallet.issued())
                    .contains("href=\"/credentials/" + wallet.issued() + ".pdf\"")
                    .contains("action=\"/wallet/credentials/" + wallet.issued() + "/send\"");
            String base = "/wallet/credentials/" + wallet.issued() + "/download/";
            HttpResponse<String> json = Learners.get(server, base + "json", ada);
            assertThat(json.body()).isEqualTo(document);
            assertThat(json.headers().firstValue("Content-Disposition"))
                    .get()
                    .asString()
                    .contains("attachment");
            HttpResponse<byte[]> png = bytes(server, base + "png", ada);
            assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
            assertThat(new BadgeBaker().extract(png.body()).credential()).isEqualTo(document);
            HttpResponse<byte[]> svg = bytes(server, base + "svg", ada);
            assertThat(new BadgeBaker().extract(svg.body()).credential()).isEqualTo(document);
            assertThat(Learners.get(server, base + "exe", ada).statusCode()).isEqualTo(404);

            // WHEN she sends it to a wallet app from her wallet
            HttpResponse<String> send =
                    Learners.post(
                            server,
                            "/wallet/credentials/" + wallet.issued() + "/send",
                            ada,
                            Map.of());

            // THEN both protocols are offered, and the page leads back to the wallet
            assertThat(send.statusCode()).as(send.body()).isEqualTo(200);
            assertThat(send.body())
                    .contains("href=\"openid-credential-offer://?credential_offer_uri=")
                    .contains("href=\"https://lcw.app/request?request=")
                    .contains("href=\"/wallet/credentials/" + wallet.issued() + "\"");
            assertThat(
                            Learners.post(
                                            server,
                                            "/wallet/credentials/" + wallet.imported() + "/send",
                                            ada,
                                            Map.of())
                                    .statusCode())
                    .isEqualTo(409);

            // WHEN she adds the import to LinkedIn
            String importedPage =
                    Learners.get(server, "/wallet/credentials/" + wallet.imported(), ada).body();
            assertThat(importedPage)
                    .contains("action=\"/wallet/credentials/" + wallet.imported() + "/linkedin\"")
                    .doesNotContain(".pdf\"")
                    .doesNotContain("/send\"");
            HttpResponse<String> linkedIn =
                    Learners.post(
                            server,
                            "/wallet/credentials/" + wallet.imported() + "/linkedin",
                            ada,
                            Map.of());

            // THEN a share link without expiry is made and is LinkedIn's certUrl
            assertThat(linkedIn.statusCode()).isEqualTo(200);
            String link = find(SHARE_URL, linkedIn.body());
            assertThat(linkedIn.body().replace("&amp;", "&"))
                    .contains(
                            "&certUrl=http%3A%2F%2Flocalhost%2Fshared%2F"
                                    + link.substring("/shared/".length()));
            assertThat(server.get(link, (String) null).body()).contains("<h1>Teamwork</h1>");

            // WHEN she prints the import's certificate
            assertThat(importedPage)
                    .contains(
                            "action=\"/wallet/credentials/" + wallet.imported() + "/certificate\"");
            HttpResponse<byte[]> pdf =
                    postBytes(
                            server,
                            "/wallet/credentials/" + wallet.imported() + "/certificate",
                            ada);

            // THEN its QR code leads to a share link made for it, which shows the credential
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
            String printed;
            try (PDDocument certificate = Loader.loadPDF(pdf.body())) {
                printed = CertificatePdfTest.qrCode(certificate);
                assertThat(new PDFTextStripper().getText(certificate)).contains("Teamwork");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(printed).startsWith("http://localhost/shared/").isNotEqualTo(link);
            assertThat(server.get(URI.create(printed).getPath(), (String) null).body())
                    .contains("<h1>Teamwork</h1>");
            // and the issued credential's certificate is its public PDF
            HttpResponse<String> issuedPdf =
                    Learners.post(
                            server,
                            "/wallet/credentials/" + wallet.issued() + "/certificate",
                            ada,
                            Map.of());
            assertThat(issuedPdf.statusCode()).isEqualTo(303);
            assertThat(issuedPdf.headers().firstValue("Location"))
                    .contains("/credentials/" + wallet.issued() + ".pdf");
        }
    }

    private static HttpResponse<byte[]> postBytes(TestServer server, String path, Learner learner) {
        return sendBytes(
                HttpRequest.newBuilder(server.uri(path))
                        .header("Cookie", "credence_wallet=" + learner.cookie())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(TestServer.form(Map.of("_csrf", learner.csrf()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_a_blank_or_taken_collection_name_and_rename_and_delete(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Learner ada = Learners.verified(server, "Ada", "ada@example.org");
            assertThat(post(server, "/wallet/collections", ada, Map.of("name", "Nursing")))
                    .isEqualTo(303);
            UUID nursing = collection(server, ada);

            // WHEN / THEN
            assertThat(post(server, "/wallet/collections", ada, Map.of("name", " ")))
                    .isEqualTo(400);
            assertThat(post(server, "/wallet/collections", ada, Map.of("name", "Nursing")))
                    .isEqualTo(400);
            assertThat(
                            post(
                                    server,
                                    "/wallet/collections/" + nursing + "/rename",
                                    ada,
                                    Map.of("name", "Care")))
                    .isEqualTo(303);
            assertThat(Learners.get(server, "/wallet", ada).body()).contains("<h3>Care</h3>");
            assertThat(post(server, "/wallet/collections/" + nursing + "/delete", ada, Map.of()))
                    .isEqualTo(303);
            assertThat(server.services().sharing().collections().collections(ada.id())).isEmpty();
        }
    }

    private static int post(
            TestServer server, String path, Learner learner, Map<String, String> fields) {
        return Learners.post(server, path, learner, fields).statusCode();
    }

    private static UUID collection(TestServer server, Learner learner) {
        return server.services().sharing().collections().collections(learner.id()).stream()
                .map(WalletCollection::id)
                .findFirst()
                .orElseThrow();
    }

    private static HttpResponse<byte[]> bytes(TestServer server, String path) {
        return sendBytes(HttpRequest.newBuilder(server.uri(path)).GET());
    }

    private static HttpResponse<byte[]> bytes(TestServer server, String path, Learner learner) {
        return sendBytes(
                HttpRequest.newBuilder(server.uri(path))
                        .header("Cookie", "credence_wallet=" + learner.cookie())
                        .GET());
    }

    private static HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern + " in " + text).isTrue();
        return matcher.group(1);
    }
}
