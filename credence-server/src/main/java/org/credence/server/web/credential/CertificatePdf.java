package org.credence.server.web.credential;

import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.credence.app.image.ImageUploads;

/**
 * A printable certificate of one credential: an A4 landscape PDF with the achievement, the
 * recipient (only when the earner shows their name), the issuer and its logo, dates, criteria,
 * skills, the credential's id and address, and a QR code of that address, which leads to live
 * verification. Apache PDFBox draws it.
 *
 * <p>The font is Liberation Sans (SIL Open Font License), the one PDFBox ships in its jar, embedded
 * as a subset: it covers Latin with every accent, Greek and Cyrillic. No font on Maven Central or
 * in the JDK covers Chinese, Japanese, Korean or Arabic, so their characters print as {@value
 * PdfText#MISSING} with a note pointing to the QR code ({@link PdfText}); the document's title
 * keeps the full text. Nothing here ever fails on a name. Stateless and thread-safe.
 */
public final class CertificatePdf {

    private static final String FONT =
            "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final byte[] FONT_BYTES = readFont();
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final Color INK = new Color(0x1b, 0x2a, 0x41);
    private static final Color MUTED = new Color(0x55, 0x5f, 0x6d);
    private static final float LEFT = 64;
    private static final float TEXT_WIDTH = 500;
    private static final float QR_SIZE = 180;
    private static final float QR_LEFT = 610;

    /** The certificate as PDF bytes. */
    public byte[] render(Certificate certificate) {
        try (PDDocument document = new PDDocument()) {
            PDPage page =
                    new PDPage(
                            new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
            document.addPage(page);
            describe(document, certificate);
            PdfText text =
                    new PdfText(
                            PDType0Font.load(
                                    document, new java.io.ByteArrayInputStream(FONT_BYTES), true));
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                frame(content, page.getMediaBox());
                new Writer(content, text).body(certificate, logo(document, certificate));
                qr(content, text, certificate.url());
                footer(content, text, certificate);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void describe(PDDocument document, Certificate certificate) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(certificate.achievementName());
        info.setAuthor(certificate.issuerName());
        info.setSubject(certificate.url());
        info.setCreator("Credence");
        Calendar issued = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        issued.setTimeInMillis(certificate.issuedAt().toEpochMilli());
        info.setCreationDate(issued);
    }

    private static void frame(PDPageContentStream content, PDRectangle box) throws IOException {
        content.setStrokingColor(INK);
        content.setLineWidth(3);
        content.addRect(24, 24, box.getWidth() - 48, box.getHeight() - 48);
        content.stroke();
        content.setLineWidth(0.75f);
        content.addRect(32, 32, box.getWidth() - 64, box.getHeight() - 64);
        content.stroke();
    }

    private static void qr(PDPageContentStream content, PdfText text, String url)
            throws IOException {
        BitMatrix matrix = QrCode.matrix(url);
        // Whole points per module: scanners (and zxing) misread codes whose modules blur
        // across pixel edges.
        float module = Math.max(1, (float) Math.floor(QR_SIZE / matrix.getWidth()));
        float side = module * matrix.getWidth();
        float top = 470;
        content.setNonStrokingColor(Color.WHITE);
        content.addRect(QR_LEFT, top - side, side, side);
        content.fill();
        content.setNonStrokingColor(Color.BLACK);
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y)) {
                    x++;
                }
                content.addRect(
                        QR_LEFT + start * module,
                        top - (y + 1) * module,
                        (x - start) * module,
                        module);
            }
        }
        content.fill();
        Writer caption = new Writer(content, text);
        caption.centred(
                "Scan to verify this credential live",
                10,
                QR_LEFT + QR_SIZE / 2,
                top - QR_SIZE - 16);
    }

    private static void footer(PDPageContentStream content, PdfText text, Certificate certificate)
            throws IOException {
        Writer footer = new Writer(content, text);
        footer.line("Credential ID: " + certificate.credentialId(), 9, LEFT, 66, MUTED);
        footer.line("Verify at " + certificate.url(), 9, LEFT, 54, MUTED);
        if (text.replacedAny()) {
            footer.line(
                    "Characters this certificate cannot print are shown as "
                            + PdfText.MISSING
                            + "; the credential online shows them all.",
                    9,
                    LEFT,
                    42,
                    MUTED);
        }
    }

    /** The issuer's logo when it is a PNG or JPEG {@code data:} URL PDFBox can read, else none. */
    private static Optional<PDImageXObject> logo(PDDocument document, Certificate certificate) {
        Optional<byte[]> bytes =
                certificate
                        .issuerLogo()
                        // the upload limits before PDFBox decodes anything
                        .flatMap(url -> ImageUploads.embedded(url).dataUrl())
                        .flatMap(
                                url ->
                                        dataUrl(url, "data:image/png;base64,")
                                                .or(() -> dataUrl(url, "data:image/jpeg;base64,")));
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PDImageXObject.createFromByteArray(document, bytes.get(), "logo"));
        } catch (IOException | IllegalArgumentException e) {
            // A logo PDFBox cannot read is left out: the certificate prints without it.
            return Optional.empty();
        }
    }

    private static Optional<byte[]> dataUrl(String url, String prefix) {
        if (!url.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(url.substring(prefix.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).format(DATE);
    }

    private static byte[] readFont() {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's bundled font is missing: " + FONT);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws text lines top-down on the left column. */
    private static final class Writer {

        private final PDPageContentStream content;
        private final PdfText text;
        private float y = 530;

        Writer(PDPageContentStream content, PdfText text) {
            this.content = content;
            this.text = text;
        }

        void body(Certificate certificate, Optional<PDImageXObject> logo) throws IOException {
            float issuerLeft = LEFT;
            if (logo.isPresent()) {
                PDImageXObject image = logo.get();
                float scale = Math.min(56f / image.getWidth(), 56f / image.getHeight());
                content.drawImage(
                        image, LEFT, 490, image.getWidth() * scale, image.getHeight() * scale);
                issuerLeft = LEFT + 68;
            }
            block(
                    certificate.issuerName(),
                    15,
                    issuerLeft,
                    TEXT_WIDTH - (issuerLeft - LEFT),
                    2,
                    INK);
            y = 462;
            block("CERTIFICATE OF ACHIEVEMENT", 11, LEFT, TEXT_WIDTH, 1, MUTED);
            y -= 8;
            block(certificate.achievementName(), 26, LEFT, TEXT_WIDTH, 2, INK);
            if (certificate.recipientName().isPresent()) {
                y -= 6;
                block("awarded to", 11, LEFT, TEXT_WIDTH, 1, MUTED);
                block(certificate.recipientName().get(), 20, LEFT, TEXT_WIDTH, 2, INK);
            }
            y -= 8;
            block(certificate.achievementDescription(), 11, LEFT, TEXT_WIDTH, 3, INK);
            if (certificate.criteria().isPresent()) {
                y -= 4;
                block("Criteria: " + certificate.criteria().get(), 10, LEFT, TEXT_WIDTH, 4, INK);
            }
            if (!certificate.skills().isEmpty()) {
                y -= 4;
                block(
                        "Skills: " + String.join(", ", certificate.skills()),
                        10,
                        LEFT,
                        TEXT_WIDTH,
                        2,
                        INK);
            }
            y = Math.min(y - 8, 112);
            block(dates(certificate), 11, LEFT, TEXT_WIDTH, 1, INK);
        }

        private static String dates(Certificate certificate) {
            StringBuilder dates = new StringBuilder("Issued " + date(certificate.issuedAt()));
            if (!date(certificate.validFrom()).equals(date(certificate.issuedAt()))) {
                dates.append("  ·  Valid from ").append(date(certificate.validFrom()));
            }
            certificate
                    .validUntil()
                    .ifPresent(until -> dates.append("  ·  Valid until ").append(date(until)));
            return dates.toString();
        }

        private void block(
                String value, float size, float left, float width, int maxLines, Color colour)
                throws IOException {
            List<String> lines = text.wrap(value, size, width, maxLines);
            for (String line : lines) {
                y -= size * 1.25f;
                line(line, size, left, y, colour);
            }
        }

        void line(String value, float size, float left, float baseline, Color colour)
                throws IOException {
            content.beginText();
            content.setFont(text.font(), size);
            content.setNonStrokingColor(colour);
            content.newLineAtOffset(left, baseline);
            content.showText(text.printable(value));
            content.endText();
        }

        void centred(String value, float size, float centre, float baseline) throws IOException {
            String printable = text.printable(value);
            line(printable, size, centre - text.width(printable, size) / 2, baseline, MUTED);
        }
    }
}
