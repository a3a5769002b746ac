package org.credence.server;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.credence.app.achievement.AchievementDraft;
import org.credence.app.award.AwardRecipient;
import org.credence.app.award.IssueRequest;
import org.credence.app.award.IssuedCredential;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.issuer.IssuerDraft;
import org.credence.app.organization.Actor;

/**
 * Credentials issued by a test server's own organisation (through the application's services, as
 * the issue pages do), a QR code picture of any text, and the anonymous CSRF pair the verify page's
 * forms need. Published in the test-jar for the CLI's parity test.
 *
 * @param server the server
 * @param actor the organisation's owner
 * @param issuerId its issuer
 * @param achievementId its achievement ("Wound Care")
 */
public record VerifyFixtures(TestServer server, Actor actor, UUID issuerId, UUID achievementId) {

    public static final String ACHIEVEMENT = "Wound Care";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern RESULT = Pattern.compile("/verify/results/([0-9a-f-]{36})$");

    /** An anonymous visitor's CSRF cookie and the same token for the form field. */
    public record Visitor(String cookie, String token) {}

    public static VerifyFixtures create(TestServer server, String slug) {
        Actor actor =
                server.signUp(slug + " College", slug + "-owner@example.org").session().actor();
        UUID issuerId =
                server.services()
                        .issuers()
                        .create(actor, IssuerDraft.of(slug + "-nursing", "School of Nursing"))
                        .id();
        UUID achievementId =
                server.services()
                        .achievements()
                        .create(
                                actor,
                                AchievementDraft.of(
                                        ACHIEVEMENT,
                                        "Dresses wounds aseptically.",
                                        "Observed twice."))
                        .achievementId();
        return new VerifyFixtures(server, actor, issuerId, achievementId);
    }

    /**
     * The same fixtures with their issuer vetted by the operator, so its credentials can be
     * "Verified".
     */
    public VerifyFixtures vetted() {
        server.vet(issuerId);
        return this;
    }

    /** A credential for {@code email}, secured with a Data Integrity proof or as a VC-JWT. */
    public IssuedCredential issue(String email, SecuringFormat format) {
        return server.services()
                .awards()
                .issue(
                        actor,
                        IssueRequest.of(issuerId, achievementId, AwardRecipient.ofEmail(email))
                                .withFormat(format));
    }

    /** Opens {@code /verify} and keeps its CSRF cookie and token. */
    public static Visitor visit(TestServer server) {
        HttpResponse<String> page = server.get("/verify", (String) null);
        Matcher csrf = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            throw new IllegalStateException("No verify form: " + page.statusCode());
        }
        return new Visitor(TestServer.cookie(page, "credence_csrf"), csrf.group(1));
    }

    /** The result id a form post was redirected to. */
    public static UUID resultId(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElse("");
        Matcher matcher = RESULT.matcher(location);
        if (!matcher.find()) {
            throw new IllegalStateException(
                    "Not sent to a result (" + response.statusCode() + "): " + response.body());
        }
        return UUID.fromString(matcher.group(1));
    }

    /** A PNG picture of a QR code of {@code text}, drawn with zxing, as a phone photo would be. */
    public static byte[] qrPng(String text) {
        try {
            BitMatrix matrix =
                    new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 400, 400, Map.of());
            BufferedImage image =
                    new BufferedImage(
                            matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xffffff);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
