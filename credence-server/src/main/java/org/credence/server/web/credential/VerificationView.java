package org.credence.server.web.credential;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import org.credence.core.json.Jsons;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.VerificationReport;

/**
 * A verification report as pages show it: a headline (VERIFIED, REVOKED, SUSPENDED, FAILED or COULD
 * NOT CHECK) and each check with its outcome in words, so that colour is never the only signal.
 *
 * @param headline the verdict in words, naming revocation and suspension
 * @param outcome {@code passed}, {@code failed} or {@code unknown}: the style of the headline
 * @param checks each check in order
 */
public record VerificationView(String headline, String outcome, List<Row> checks) {

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
        checks = List.copyOf(checks);
    }

    public static VerificationView of(VerificationReport report) {
        List<Row> rows = report.checks().stream().map(Row::of).toList();
        return new VerificationView(headline(report), outcomeStyle(report), rows);
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
                .add("checks", items)
                .build();
    }

    private static String headline(VerificationReport report) {
        Check status = report.check(CheckName.STATUS).orElse(null);
        if (status != null && status.isFailed()) {
            if (status.code().equals("REVOKED")) {
                return "REVOKED";
            }
            if (status.code().equals("SUSPENDED")) {
                return "SUSPENDED";
            }
        }
        return switch (report.verdict()) {
            case VERIFIED -> "VERIFIED";
            case FAILED -> "FAILED";
            case COULD_NOT_CHECK -> "COULD NOT CHECK";
        };
    }

    private static String outcomeStyle(VerificationReport report) {
        return switch (report.verdict()) {
            case VERIFIED -> "passed";
            case FAILED -> "failed";
            case COULD_NOT_CHECK -> "unknown";
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
