package org.credence.app.verification;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.credence.core.json.Jsons;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.VerificationReport;

/**
 * A {@link VerificationReport} as stored JSON and back, losslessly (format, credential, every check
 * and the nested reports), so a shared result shows exactly what was found when it was checked. The
 * verdict is not stored: it is derived from the checks, as always. Stateless.
 */
final class ReportCodec {

    private ReportCodec() {}

    static String write(VerificationReport report) {
        return json(report).toString();
    }

    static VerificationReport read(String text) {
        // Credence's own stored output, not untrusted input: the plain reader is enough.
        try (JsonReader reader = Jsons.PROVIDER.createReader(new StringReader(text))) {
            return report(reader.readObject());
        }
    }

    private static JsonObject json(VerificationReport report) {
        JsonArrayBuilder checks = Jsons.PROVIDER.createArrayBuilder();
        for (Check check : report.checks()) {
            checks.add(
                    Jsons.PROVIDER
                            .createObjectBuilder()
                            .add("name", check.name().name())
                            .add("status", check.status().name())
                            .add("code", check.code())
                            .add("message", check.message()));
        }
        JsonArrayBuilder nested = Jsons.PROVIDER.createArrayBuilder();
        report.nested().forEach(inner -> nested.add(json(inner)));
        JsonObjectBuilder json =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("format", report.format())
                        .add("checks", checks)
                        .add("nested", nested);
        report.credential().ifPresent(credential -> json.add("credential", credential));
        return json.build();
    }

    private static VerificationReport report(JsonObject json) {
        List<Check> checks =
                json.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                        .map(
                                check ->
                                        new Check(
                                                CheckName.valueOf(check.getString("name")),
                                                CheckStatus.valueOf(check.getString("status")),
                                                check.getString("code"),
                                                check.getString("message")))
                        .toList();
        List<VerificationReport> nested =
                json.getJsonArray("nested").getValuesAs(JsonObject.class).stream()
                        .map(ReportCodec::report)
                        .toList();
        return new VerificationReport(
                json.getString("format"),
                Optional.ofNullable(json.getJsonObject("credential")),
                checks,
                nested);
    }
}
