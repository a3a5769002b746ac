package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.credence.app.award.IssuedCredential;
import org.credence.app.credential.SecuringFormat;
import org.credence.core.json.JsonInput;
import org.credence.server.VerifyFixtures.Visitor;
import org.credence.testing.Vectors;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The public verify page over HTTP: its four ways in, result links, downloads and refusals. */
class VerifyPagesTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    private static HttpResponse<String> postFile(
            TestServer server, Visitor visitor, String how, String field, Multipart.File file) {
        Multipart form =
                new Multipart()
                        .field("_csrf", visitor.token())
                        .field("input", how)
                        .field("recipientEmail", "")
                        .file(field, file);
        return server.send(
                HttpRequest.newBuilder(server.uri("/verify"))
                        .header("Cookie", "credence_csrf=" + visitor.cookie())
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
    }

    private static HttpResponse<String> postForm(
            TestServer server, Visitor visitor, String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", visitor.token());
        all.putAll(fields);
        return server.send(
                HttpRequest.newBuilder(server.uri(path))
                        .header("Cookie", "credence_csrf=" + visitor.cookie())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(TestServer.form(all)));
    }

    private static String resultPage(TestServer server, HttpResponse<String> posted) {
        UUID id = VerifyFixtures.resultId(posted);
        HttpResponse<String> page = server.get("/verify/results/" + id, (String) null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    private static String verdict(String page) {
        int start = page.indexOf("id=\"verdict\"");
        assertThat(start).as(page).isPositive();
        return page.substring(start, page.indexOf("</p>", start));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_verify_an_uploaded_file_pasted_jwt_baked_png_address_and_qr_picture(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            VerifyFixtures fixtures = VerifyFixtures.create(server, "upload").vetted();
            IssuedCredential json =
                    fixtures.issue("ada@example.org", SecuringFormat.DATA_INTEGRITY);
            IssuedCredential jwt = fixtures.issue("bo@example.org", SecuringFormat.VC_JWT);
            byte[] png = server.services().credentials().bakedPng(json.id());
            Visitor visitor = VerifyFixtures.visit(server);

            // WHEN
            HttpResponse<String> file =
                    postFile(
                            server,
                            visitor,
                            "file",
                            "file",
                            new Multipart.File(
                                    "badge.json",
                                    "application/json",
                                    json.document().getBytes(StandardCharsets.UTF_8)));
            HttpResponse<String> pasted =
                    postForm(
                            server,
                            visitor,
                            "/verify",
                            Map.of(
                                    "input", "text",
                                    "text", jwt.document(),
                                    "recipientEmail", "bo@example.org"));
            HttpResponse<String> baked =
                    postFile(
                            server,
                            visitor,
                            "file",
                            "file",
                            new Multipart.File("b.png", "image/png", png));
            HttpResponse<String> address =
                    postForm(
                            server,
                            visitor,
                            "/verify",
                            Map.of("input", "url", "url", json.url() + ".json"));
            HttpResponse<String> qr =
                    postFile(
                            server,
                            visitor,
                            "qr",
                            "image",
                            new Multipart.File(
                                    "qr.png", "image/png", VerifyFixtures.qrPng(json.url())));

            // THEN
            String filePage = resultPage(server, file);
            assertThat(verdict(filePage)).contains("Verified").doesNotContain("Not verified");
            assertThat(filePage)
                    .contains(VerifyFixtures.ACHIEVEMENT, "Dresses wounds aseptically.")
                    .contains("School of Nursing")
                    .contains("data:image/")
                    .contains("Check again now")
                    .contains("(read as json)");
            String jwtPage = resultPage(server, pasted);
            assertThat(verdict(jwtPage)).contains("Verified");
            assertThat(jwtPage).contains("(read as jwt)").contains("Recipient");
            assertThat(jwtPage).containsPattern("recipient: Passed");
            assertThat(verdict(resultPage(server, baked))).contains("Verified");
            assertThat(resultPage(server, baked)).contains("(read as png)");
            assertThat(verdict(resultPage(server, address))).contains("Verified");
            assertThat(verdict(resultPage(server, qr))).contains("Verified");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_share_a_result_download_its_json_and_check_again(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            VerifyFixtures fixtures = VerifyFixtures.create(server, "share").vetted();
            IssuedCredential issued =
                    fixtures.issue("ada@example.org", SecuringFormat.DATA_INTEGRITY);
            Visitor visitor = VerifyFixtures.visit(server);
            UUID id =
                    VerifyFixtures.resultId(
                            postForm(
                                    server,
                                    visitor,
                                    "/verify",
                                    Map.of("input", "text", "text", issued.document())));

            // WHEN
            HttpResponse<String> download =
                    server.get("/verify/results/" + id + ".json", (String) null);
            server.services().status().revoke(fixtures.actor(), issued.id(), "issued in error");
            HttpResponse<String> recheck =
                    postForm(server, visitor, "/verify/results/" + id + "/recheck", Map.of());
            HttpResponse<String> unknown =
                    server.get("/verify/results/" + UUID.randomUUID(), (String) null);
            HttpResponse<String> unknownJson =
                    server.get("/verify/results/" + UUID.randomUUID() + ".json", (String) null);
            HttpResponse<String> nonsense = server.get("/verify/results/nonsense", (String) null);

            // THEN
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                    .contains("attachment");
            JsonObject json = JsonInput.DEFAULT.parseObject(download.body());
            assertThat(json.getBoolean("verified")).isTrue();
            assertThat(json.getJsonObject("credence").getString("verdict")).isEqualTo("VERIFIED");
            String again = resultPage(server, recheck);
            assertThat(VerifyFixtures.resultId(recheck)).isNotEqualTo(id);
            assertThat(verdict(again)).contains("Revoked");
            assertThat(again).contains("<h1>This credential was revoked by its issuer</h1>");
            assertThat(verdict(server.get("/verify/results/" + id, (String) null).body()))
                    .as("the shared result stays what was found then")
                    .contains("Verified");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Content-Type").orElse(""))
                    .contains("text/html");
            assertThat(unknownJson.statusCode()).isEqualTo(404);
            assertThat(nonsense.statusCode()).isEqualTo(404);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_explain_malformed_input_and_refuse_huge_uploads_and_forged_forms(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Visitor visitor = VerifyFixtures.visit(server);

            // WHEN
            HttpResponse<String> garbage =
                    postForm(server, visitor, "/verify", Map.of("input", "text", "text", "hello"));
            HttpResponse<String> empty =
                    postForm(server, visitor, "/verify", Map.of("input", "text", "text", " "));
            HttpResponse<String> foreign =
                    postForm(
                            server,
                            visitor,
                            "/verify",
                            Map.of("input", "url", "url", "http://169.254.169.254/latest"));
            HttpResponse<String> notAPicture =
                    postFile(
                            server,
                            visitor,
                            "qr",
                            "image",
                            new Multipart.File(
                                    "qr.pcx",
                                    "image/png",
                                    "\n junk".getBytes(StandardCharsets.UTF_8)));
            HttpResponse<String> noQr =
                    postFile(
                            server,
                            visitor,
                            "qr",
                            "image",
                            new Multipart.File("blank.png", "image/png", blankPng()));
            HttpResponse<String> huge =
                    postFile(
                            server,
                            visitor,
                            "file",
                            "file",
                            new Multipart.File(
                                    "huge.json", "application/json", new byte[6 * 1024 * 1024]));
            HttpResponse<String> forged =
                    server.send(
                            HttpRequest.newBuilder(server.uri("/verify"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(
                                            TestServer.form(
                                                    Map.of("input", "text", "text", "hello"))));

            // THEN
            String garbagePage = resultPage(server, garbage);
            assertThat(verdict(garbagePage)).contains("Not verified");
            assertThat(garbagePage).contains("Not a JSON credential, a JWT, or a PNG/SVG image");
            assertThat(empty.statusCode()).isEqualTo(400);
            assertThat(empty.body()).contains("role=\"alert\"").contains("Paste a credential");
            // The cloud metadata address is refused by the safe fetcher, and the result says why
            String foreignPage = resultPage(server, foreign);
            assertThat(verdict(foreignPage)).contains("Could not fully check");
            assertThat(foreignPage).contains("169.254.169.254 is a link-local address");
            assertThat(notAPicture.statusCode()).isEqualTo(400);
            assertThat(notAPicture.body()).contains("Upload a PNG or JPEG picture");
            assertThat(noQr.statusCode()).isEqualTo(400);
            assertThat(noQr.body()).contains("No QR code found");
            assertThat(huge.statusCode()).isEqualTo(413);
            assertThat(forged.statusCode()).isEqualTo(403);
        }
    }

    /** A black square: a valid PNG without a QR code. */
    private static byte[] blankPng() {
        try {
            BufferedImage image = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_list_nested_credentials_and_escape_what_a_credential_says(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Visitor visitor = VerifyFixtures.visit(server);
            String clr = Vectors.text("1edtech-validator/clr20-simple_v1.json");
            String hostile =
                    """
                    {"@context": ["https://www.w3.org/ns/credentials/v2"],
                     "type": ["VerifiableCredential"],
                     "name": "<script>window.__xss = 1</script>",
                     "issuer": {"id": "did:example:x", "name": "<img src=x onerror=alert(1)>",
                                "image": "javascript:alert(1)"},
                     "credentialSubject": {"achievement": {"image": "https://tracker.example/p.png"}}}
                    """;

            // WHEN
            String clrPage =
                    resultPage(
                            server,
                            postForm(
                                    server,
                                    visitor,
                                    "/verify",
                                    Map.of("input", "text", "text", clr)));
            String hostilePage =
                    resultPage(
                            server,
                            postForm(
                                    server,
                                    visitor,
                                    "/verify",
                                    Map.of("input", "text", "text", hostile)));

            // THEN
            assertThat(clrPage).contains("Credentials inside").contains("nested credentials: ");
            assertThat(verdict(hostilePage)).contains("Not verified");
            assertThat(hostilePage)
                    .contains("&lt;script&gt;window.__xss = 1&lt;/script&gt;")
                    .doesNotContain("<script>window.__xss")
                    .doesNotContain("<img src=x")
                    .doesNotContain("javascript:alert")
                    .doesNotContain("tracker.example");
        }
    }
}
