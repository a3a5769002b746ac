package org.credence.server.web.verify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.verification.StoredVerification;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.VerificationReport;
import org.credence.server.web.credential.Formats;
import org.credence.server.web.credential.VerdictHeadline;
import org.credence.server.web.credential.VerificationView;

/**
 * A kept verification as its result page shows it: the headline in plain words (its finding, never
 * the credential's own title), the credential's facts (shown as confirmed only when its content is,
 * otherwise as "what the document claims"), the checks a reader looks for first (issuer trust,
 * recipient, status) and every check, and the nested credentials' verdicts.
 *
 * @param id the result's id
 * @param checkedAt when it was checked, in words
 * @param expiresAt when the link stops working, in words
 * @param verdict the verdict in a few words ({@link VerdictHeadline#label})
 * @param style {@code passed} (confirmed issuer only), {@code unconfirmed}, {@code failed} or
 *     {@code unknown}
 * @param report the checks in words (and the revoked / suspended headline)
 * @param facts what the credential says
 * @param format how the input was read ({@code json}, {@code jwt}, {@code png} …)
 * @param trust the issuer trust check, when the verifier made one
 * @param recipient the recipient check
 * @param status the status check
 * @param nested the credentials inside it (CLR, presentation, endorsements)
 */
public record ResultView(
        UUID id,
        String checkedAt,
        String expiresAt,
        String verdict,
        String style,
        VerificationView report,
        CredentialFacts facts,
        String format,
        Optional<VerificationView.Row> trust,
        Optional<VerificationView.Row> recipient,
        Optional<VerificationView.Row> status,
        List<Nested> nested) {

    /** A nested credential: its name and verdict. */
    public record Nested(
            String name, String verdict, String style, List<VerificationView.Row> problems) {}

    public ResultView {
        Objects.requireNonNull(id, "id");
        nested = List.copyOf(nested);
    }

    static ResultView of(StoredVerification result) {
        VerificationReport report = result.report();
        VerificationView view = VerificationView.of(report);
        return new ResultView(
                result.id(),
                Formats.dateTime(result.checkedAt()),
                Formats.dateTime(result.expiresAt()),
                view.verdict().label(),
                view.outcome(),
                view,
                CredentialFacts.of(report.credential()),
                report.format(),
                // ISSUER_TRUST is being added to the core's checks (issue #4); matched by name so
                // this page shows it as soon as the verifier makes it.
                row(report, "ISSUER_TRUST"),
                row(report, CheckName.RECIPIENT.name()),
                row(report, CheckName.STATUS.name()),
                report.nested().stream().map(ResultView::nested).toList());
    }

    /** The icon beside a check's words (the words carry the meaning; the icon is decoration). */
    public static String icon(String style) {
        return switch (style) {
            case "passed" -> "✓";
            case "failed" -> "✗";
            case "unknown" -> "?";
            case "warning", "unconfirmed" -> "!";
            default -> "–";
        };
    }

    /** The plain-words headline: the page's heading. */
    public VerdictHeadline headline() {
        return report.verdict();
    }

    /**
     * The page's title and heading: the finding, and the credential's name only when a confirmed
     * issuer signed it.
     */
    public String pageTitle() {
        return headline().confirmed()
                ? headline().title() + ": " + facts.name()
                : headline().title();
    }

    private static Nested nested(VerificationReport report) {
        VerificationView view = VerificationView.of(report);
        String name = CredentialFacts.of(report.credential()).name();
        List<VerificationView.Row> problems =
                view.checks().stream()
                        .filter(
                                row ->
                                        row.style().equals("failed")
                                                || row.style().equals("unknown"))
                        .toList();
        return new Nested(
                view.verdict().contentConfirmed() ? name : name + " (claimed, not confirmed)",
                view.verdict().label(),
                view.outcome(),
                problems);
    }

    private static Optional<VerificationView.Row> row(VerificationReport report, String name) {
        return report.checks().stream()
                .filter(check -> check.name().name().equals(name))
                .findFirst()
                .map(VerificationView.Row::of);
    }
}
