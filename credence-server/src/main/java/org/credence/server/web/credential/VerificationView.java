package org.credence.server.web.credential;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.credence.core.json.Jsons;
import org.credence.core.verify.Assurance;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.VerificationReport;

/**
 * A verification report as pages show it: a headline (VERIFIED only for a confirmed issuer,
 * SIGNATURE VALID — ISSUER NOT CONFIRMED, CHANGED AFTER ISSUE, REVOKED, SUSPENDED, EXPIRED, FAILED
 * or COULD NOT CHECK), the plain-words {@link VerdictHeadline}, and each check with its outcome in
 * words, so that colour is never the only signal. When the content is not confirmed (the proof did
 * not verify with the issuer's key), checks that read the content and passed (dates, status,
 * recipient, trust) are shown as "Not confirmed": a forged "not revoked" must not look like one.
 *
 * @param headline the verdict in words, naming revocation and suspension
 * @param outcome {@code passed}, {@code unconfirmed}, {@code failed} or {@code unknown}: the style
 *     of the headline
 * @param checks each check in order
 * @param verdict the headline in plain words
 */
public record VerificationView(
        String headline, String outcome, List<Row> checks, VerdictHeadline verdict) {

    /** One check: its label, outcome in words, style and plain-language reason. */
    public record Row(String label, String result, String style, String message) {

        public static Row of(Check check) {
            return new Row(
                    check.name().label(),
                    VerificationView.result(check.status()),
                    VerificationView.style(check.status()),
                    check.message());
        }
    }

    public VerificationView {
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(verdict, "verdict");
        checks = List.copyOf(checks);
    }

    /** Checks that read what the credential says: meaningless when the content is unconfirmed. */
    private static final Set<CheckName> CONTENT_CHECKS =
            EnumSet.of(
                    CheckName.VALIDITY,
                    CheckName.STATUS,
                    CheckName.RECIPIENT,
                    CheckName.ENDORSEMENTS,
                    CheckName.NESTED_CREDENTIALS,
                    CheckName.ISSUER_TRUST);

    public static VerificationView of(VerificationReport report) {
        VerdictHeadline verdict = VerdictHeadline.of(report);
        List<Row> rows =
                report.checks().stream()
                        .map(check -> row(check, verdict.contentConfirmed()))
                        .toList();
        return new VerificationView(headline(verdict.level()), verdict.style(), rows, verdict);
    }

    private static Row row(Check check, boolean contentConfirmed) {
        if (contentConfirmed
                || check.status() != CheckStatus.PASSED
                || !CONTENT_CHECKS.contains(check.name())) {
            return Row.of(check);
        }
        return new Row(
                check.name().label(),
                "Not confirmed",
                "unknown",
                check.message() + " (according to the document, whose content is not confirmed)");
    }

    /** The same as JSON, for the page's script. */
    public JsonObject json() {
        JsonArrayBuilder items = Jsons.PROVIDER.createArrayBuilder();
        checks.forEach(
                row ->
                        items.add(
                                Jsons.PROVIDER
                                        .createObjectBuilder()
                                        .add("label", row.label())
                                        .add("result", row.result())
                                        .add("style", row.style())
                                        .add("message", row.message())));
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("headline", headline)
                .add("outcome", outcome)
                .add("title", verdict.title())
                .add("explanation", verdict.explanation())
                .add("checks", items)
                .build();
    }

    private static String headline(Assurance.Level level) {
        return switch (level) {
            case CONFIRMED -> "VERIFIED";
            case SIGNATURE_ONLY -> "SIGNATURE VALID — ISSUER NOT CONFIRMED";
            case CHANGED -> "CHANGED AFTER ISSUE";
            case REVOKED -> "REVOKED";
            case SUSPENDED -> "SUSPENDED";
            case EXPIRED -> "EXPIRED";
            case FAILED -> "FAILED";
            case COULD_NOT_CHECK -> "COULD NOT CHECK";
        };
    }

    private static String result(CheckStatus status) {
        return switch (status) {
            case PASSED -> "Passed";
            case FAILED -> "Failed";
            case COULD_NOT_CHECK -> "Could not check";
            case WARNING -> "Passed with a warning";
            case NOT_APPLICABLE -> "Not applicable";
        };
    }

    private static String style(CheckStatus status) {
        return switch (status) {
            case PASSED -> "passed";
            case FAILED -> "failed";
            case COULD_NOT_CHECK -> "unknown";
            case WARNING -> "warning";
            case NOT_APPLICABLE -> "na";
        };
    }
}
