package org.credence.server.web.credential;

import java.util.Objects;
import org.credence.core.verify.Assurance;
import org.credence.core.verify.VerificationReport;

/**
 * The {@link Assurance} of a report as every page shows it (verify result, wallet, shared and
 * public pages): its words, a style that is green only for a confirmed issuer, and whether what the
 * credential says may be shown as confirmed. The words carry the meaning; style and icon only help.
 *
 * @param level the kind of answer
 * @param label a few words for lists and badges ("Verified", "Genuine signature, issuer not
 *     confirmed", "Changed after issue: do not rely on it" …)
 * @param title the headline in plain words, never the credential's own title
 * @param explanation one sentence saying why
 * @param style {@code passed} (confirmed only), {@code unconfirmed}, {@code failed} or {@code
 *     unknown}
 * @param contentConfirmed whether the credential's title, issuer, dates and images are what its
 *     issuer signed; when not, pages show them only as its unconfirmed claims
 */
public record VerdictHeadline(
        Assurance.Level level,
        String label,
        String title,
        String explanation,
        String style,
        boolean contentConfirmed) {

    public VerdictHeadline {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(title, "title");
    }

    public static VerdictHeadline of(VerificationReport report) {
        Assurance assurance = Assurance.of(report);
        return new VerdictHeadline(
                assurance.level(),
                assurance.level().label(),
                assurance.title(),
                assurance.explanation(),
                style(assurance.level()),
                Assurance.contentConfirmed(report));
    }

    /** Whether the issuer is confirmed: the only headline that may look like "Verified". */
    public boolean confirmed() {
        return level == Assurance.Level.CONFIRMED;
    }

    /** A genuine signature from an issuer nobody confirms. */
    public boolean signatureOnly() {
        return level == Assurance.Level.SIGNATURE_ONLY;
    }

    /** The icon beside the words (decoration: the words carry the meaning). */
    public String icon() {
        return switch (style) {
            case "passed" -> "✓";
            case "unconfirmed" -> "!";
            case "failed" -> "✗";
            default -> "?";
        };
    }

    private static String style(Assurance.Level level) {
        return switch (level) {
            case CONFIRMED -> "passed";
            case SIGNATURE_ONLY -> "unconfirmed";
            case CHANGED, REVOKED, SUSPENDED, EXPIRED, FAILED -> "failed";
            case COULD_NOT_CHECK -> "unknown";
        };
    }
}
