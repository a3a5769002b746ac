package org.credence.cli;

import org.credence.core.verify.Check;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;

/** A {@link VerificationReport} for people: the verdict, then one marked line per check. */
final class ReportText {

    private static final String INDENT = "    ";

    private ReportText() {}

    static String render(VerificationReport report) {
        StringBuilder text = new StringBuilder();
        append(text, report, "");
        return text.toString().stripTrailing();
    }

    static String verdictLabel(Verdict verdict) {
        return switch (verdict) {
            case VERIFIED -> "VERIFIED";
            case FAILED -> "FAILED";
            case COULD_NOT_CHECK -> "COULD NOT CHECK";
        };
    }

    private static void append(StringBuilder text, VerificationReport report, String indent) {
        text.append(indent)
                .append(verdictLabel(report.verdict()))
                .append(" (")
                .append(report.format())
                .append(")\n");
        for (Check check : report.checks()) {
            text.append(indent)
                    .append("  ")
                    .append(mark(check.status()))
                    .append(' ')
                    .append(check.name().label())
                    .append(" [")
                    .append(check.code())
                    .append("] ")
                    .append(check.message())
                    .append('\n');
        }
        for (VerificationReport nested : report.nested()) {
            append(text, nested, indent + INDENT);
        }
    }

    static String mark(CheckStatus status) {
        return switch (status) {
            case PASSED -> "✓";
            case FAILED -> "✗";
            case COULD_NOT_CHECK -> "?";
            case WARNING -> "!";
            case NOT_APPLICABLE -> "–";
        };
    }
}
