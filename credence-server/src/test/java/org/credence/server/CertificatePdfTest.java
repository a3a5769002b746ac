package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.credence.app.achievement.AchievementDraft;
import org.credence.app.award.AwardRecipient;
import org.credence.app.award.IssueRequest;
import org.credence.app.award.IssuedCredential;
import org.credence.app.issuer.IssuerDraft;
import org.credence.app.organization.Actor;
import org.credence.server.TestServer.Browser;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The printable certificate ({@code GET /credentials/<id>.pdf}) read back as a reader would: its
 * text layer with PDFBox's {@link PDFTextStripper}, and its QR code decoded with zxing from the
 * page rendered to an image, on a real server and database.
 */
class CertificatePdfTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_print_the_name_only_when_shown_and_a_qr_code_of_the_credential_url(
            TestDatabase testDatabase) throws IOException {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN one credential whose earner shows the name, one whose earner does not
            World world = world(server, "Soins infirmiers avancés", null);
            IssuedCredential shown = world.issue("zoe@example.org", "Zoë Ñúñez-Ærøskøbing");
            server.services().credentials().setShowName(shown.id(), "zoe@example.org", true);
            IssuedCredential hidden = world.issue("ana@example.org", "Ana Hiddenname");

            // WHEN
            HttpResponse<byte[]> named = get(server, "/credentials/" + shown.id() + ".pdf", null);
            HttpResponse<byte[]> anonymous =
                    get(server, "/credentials/" + hidden.id() + ".pdf", null);

            // THEN a PDF, A4 landscape, whose text and QR code say what the credential is
            assertThat(named.statusCode()).isEqualTo(200);
            assertThat(named.headers().firstValue("Content-Type")).contains("application/pdf");
            assertThat(named.headers().firstValue("Content-Disposition"))
                    .contains("attachment; filename=\"credential-" + shown.id() + ".pdf\"");
            try (PDDocument pdf = Loader.loadPDF(named.body())) {
                assertThat(pdf.getNumberOfPages()).isEqualTo(1);
                PDRectangle box = pdf.getPage(0).getMediaBox();
                assertThat(box.getWidth()).isGreaterThan(box.getHeight());
                assertThat(Math.round(box.getWidth())).isEqualTo(842);
                String text = new PDFTextStripper().getText(pdf);
                assertThat(text)
                        .contains(
                                "Soins infirmiers avancés",
                                "Zoë Ñúñez-Ærøskøbing",
                                "Test Issuer",
                                "Administers medication safely.",
                                "Criteria: Pass the observed assessment.",
                                shown.id().toString(),
                                shown.url())
                        .doesNotContain("**", "?");
                assertThat(qrCode(pdf)).isEqualTo(shown.url());
            }
            try (PDDocument pdf = Loader.loadPDF(anonymous.body())) {
                assertThat(new PDFTextStripper().getText(pdf))
                        .contains("Soins infirmiers avancés")
                        .doesNotContain("Hiddenname", "awarded to");
                assertThat(qrCode(pdf)).isEqualTo(hidden.url());
            }

            // AND caching: both revalidated (a hidden name or a revocation must apply at once)
            assertThat(anonymous.headers().firstValue("Cache-Control"))
                    .contains("public, no-cache");
            assertThat(named.headers().firstValue("Cache-Control")).contains("public, no-cache");
            String etag = named.headers().firstValue("ETag").orElseThrow();
            HttpResponse<byte[]> revalidated =
                    get(server, "/credentials/" + shown.id() + ".pdf", etag);
            assertThat(revalidated.statusCode()).isEqualTo(304);
            server.services().credentials().setShowName(shown.id(), "zoe@example.org", false);
            HttpResponse<byte[]> afterHiding =
                    get(server, "/credentials/" + shown.id() + ".pdf", etag);
            assertThat(afterHiding.statusCode()).isEqualTo(200);
            try (PDDocument pdf = Loader.loadPDF(afterHiding.body())) {
                assertThat(new PDFTextStripper().getText(pdf)).doesNotContain("Zoë");
            }

            // AND unknown or malformed ids are 404
            assertThat(get(server, "/credentials/" + UUID.randomUUID() + ".pdf", null).statusCode())
                    .isEqualTo(404);
            assertThat(get(server, "/credentials/not-an-id.pdf", null).statusCode()).isEqualTo(404);

            // AND the public page links to it
            assertThat(server.get("/credentials/" + shown.id(), (String) null).body())
                    .contains("href=\"/credentials/" + shown.id() + ".pdf\"");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_print_a_chinese_and_arabic_name_visibly_replaced_and_embed_a_png_logo(
            TestDatabase testDatabase) throws IOException {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN names and texts the embedded font cannot print, and a PNG logo
            World world = world(server, "团队合作 · العمل الجماعي · Collaboration", pngDataUrl());
            IssuedCredential credential = world.issue("li.wei@example.org", "李伟 · أمينة");
            server.services()
                    .credentials()
                    .setShowName(credential.id(), "li.wei@example.org", true);

            // WHEN
            HttpResponse<byte[]> response =
                    get(server, "/credentials/" + credential.id() + ".pdf", null);

            // THEN it prints, says what it could not print, and still leads to the credential
            assertThat(response.statusCode()).isEqualTo(200);
            try (PDDocument pdf = Loader.loadPDF(response.body())) {
                String text = new PDFTextStripper().getText(pdf);
                assertThat(text)
                        .contains("Collaboration", "awarded to", "?? · ?????")
                        .contains("Characters this certificate cannot print are shown as ?");
                assertThat(pdf.getDocumentInformation().getTitle())
                        .isEqualTo("团队合作 · العمل الجماعي · Collaboration");
                PDPage page = pdf.getPage(0);
                assertThat(page.getResources().getXObjectNames()).hasSize(1);
                assertThat(qrCode(pdf)).isEqualTo(credential.url());
            }
        }
    }

    /** An organisation with an issuer (optionally with a logo) and an achievement. */
    private record World(TestServer server, Actor actor, UUID issuerId, UUID achievementId) {

        IssuedCredential issue(String email, String name) {
            return server.services()
                    .awards()
                    .issue(
                            actor,
                            IssueRequest.of(
                                    issuerId,
                                    achievementId,
                                    AwardRecipient.ofEmail(email).withName(name)));
        }
    }

    private static World world(TestServer server, String achievementName, String logo) {
        Browser owner =
                server.signUp("Riverside College", "owner-" + UUID.randomUUID() + "@example.org");
        Actor actor = owner.session().actor();
        IssuerDraft draft =
                IssuerDraft.of(
                        "cert-" + UUID.randomUUID().toString().substring(0, 8), "Test Issuer");
        UUID issuerId =
                server.services()
                        .issuers()
                        .create(actor, logo == null ? draft : draft.withImage(logo))
                        .id();
        UUID achievementId =
                server.services()
                        .achievements()
                        .create(
                                actor,
                                AchievementDraft.of(
                                        achievementName,
                                        "Administers medication safely.",
                                        "Pass the **observed** assessment."))
                        .achievementId();
        return new World(server, actor, issuerId, achievementId);
    }

    /** The text of the QR code on the first page, rendered at 144 dpi (two pixels a point). */
    static String qrCode(PDDocument pdf) throws IOException {
        BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 144, ImageType.RGB);
        int[] pixels =
                image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap =
                new BinaryBitmap(
                        new HybridBinarizer(
                                new RGBLuminanceSource(
                                        image.getWidth(), image.getHeight(), pixels)));
        try {
            return new QRCodeReader()
                    .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code found on the rendered page", e);
        } catch (ReaderException e) {
            throw new AssertionError("the QR code on the rendered page did not decode", e);
        }
    }

    private static String pngDataUrl() throws IOException {
        BufferedImage logo = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = logo.createGraphics();
        graphics.setColor(new Color(0x1b, 0x6e, 0xc2));
        graphics.fillRect(0, 0, 64, 64);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(logo, "png", out);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static HttpResponse<byte[]> get(TestServer server, String path, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
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
}
