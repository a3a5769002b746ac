package org.credence.cli;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.credence.core.json.Jsons;
import org.credence.core.verify.Check;
import org.credence.core.verify.VerificationReport;

/**
 * A {@link VerificationReport} as JSON, the shape every Credence front end answers with:
 *
 * <pre>{@code
 * {"verdict": "VERIFIED", "format": "json",
 *  "checks": [{"name": "PROOF", "status": "PASSED", "code": "OK", "message": "..."}],
 *  "nested": [ ...reports of the same shape... ]}
 * }</pre>
 *
 * Stateless and thread-safe.
 */
public final class ReportJson {

    private ReportJson() {}

    public static JsonObject toJson(VerificationReport report) {
        JsonArrayBuilder checks = Jsons.PROVIDER.createArrayBuilder();
        report.checks().forEach(check -> checks.add(toJson(check)));
        JsonArrayBuilder nested = Jsons.PROVIDER.createArrayBuilder();
        report.nested().forEach(inner -> nested.add(toJson(inner)));
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("verdict", report.verdict().name())
                .add("format", report.format())
                .add("checks", checks)
                .add("nested", nested)
                .build();
    }

    /** The report as pretty-printed JSON text. */
    public static String render(VerificationReport report) {
        return JsonText.pretty(toJson(report));
    }

    private static JsonObject toJson(Check check) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("name", check.name().name())
                .add("status", check.status().name())
                .add("code", check.code())
                .add("message", check.message())
                .build();
    }
}
