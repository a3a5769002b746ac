package org.credence.server.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.credence.core.json.Jsons;
import org.credence.core.verify.Assurance;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.VerificationReport;

/**
 * A {@link VerificationReport} as the VC-API's verification result: {@code verified}, the {@code
 * checks} that count (see {@link VerifyChecks}), {@code errors} and {@code warnings} as problem
 * details and both together as {@code problemDetails} (a counted check that could not be made is an
 * error: the credential is not verified; an uncounted one that failed is a warning), and Credence's
 * full named-check report under {@code credence}. The status check is named {@code
 * credentialStatus}, as the VC-API and Bitstring Status List suites name it.
 */
public final class VerificationJson {

    private static final String VC_DM = "https://www.w3.org/TR/vc-data-model#";
    private static final String SECURITY = "https://w3id.org/security#";
    private static final String STATUS_LIST = "https://www.w3.org/ns/credentials/status-list#";

    private VerificationJson() {}

    /** Whether the input was not a credential at all (the VC-API answers 400 then). */
    public static boolean malformed(VerificationReport report) {
        return report.checks().stream()
                .anyMatch(
                        check ->
                                check.isFailed()
                                        && (check.name() == CheckName.SYNTAX
                                                || check.name() == CheckName.DATA_MODEL));
    }

    /** The result with every check counted. */
    public static JsonObject of(VerificationReport report) {
        return of(report, VerifyChecks.ALL);
    }

    static JsonObject of(VerificationReport report, VerifyChecks counted) {
        JsonArrayBuilder checks = Jsons.PROVIDER.createArrayBuilder();
        List<JsonObject> errors = new ArrayList<>();
        List<JsonObject> warnings = new ArrayList<>();
        for (Check check : report.checks()) {
            if (check.status() != CheckStatus.NOT_APPLICABLE && counted.counts(check.name())) {
                checks.add(key(check.name()));
            }
            if (counted.isError(check)) {
                errors.add(problem(check));
            } else if (check.status() == CheckStatus.WARNING
                    || check.isFailed()
                    || check.isCouldNotCheck()) {
                warnings.add(problem(check));
            }
        }
        List<JsonObject> problemDetails = new ArrayList<>(errors);
        problemDetails.addAll(warnings);
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("verified", counted.verified(report))
                .add("checks", checks)
                .add("warnings", Jsons.PROVIDER.createArrayBuilder(warnings))
                .add("errors", Jsons.PROVIDER.createArrayBuilder(errors))
                .add("problemDetails", Jsons.PROVIDER.createArrayBuilder(problemDetails))
                .add("credence", credence(report))
                .build();
    }

    /**
     * Credence's full report: the verdict over every check, the headline people see ({@link
     * Assurance}: {@code CONFIRMED} only when the issuer trust check passed), and each check.
     */
    private static JsonObject credence(VerificationReport report) {
        JsonArrayBuilder named = Jsons.PROVIDER.createArrayBuilder();
        for (Check check : report.checks()) {
            named.add(
                    Jsons.PROVIDER
                            .createObjectBuilder()
                            .add("name", key(check.name()))
                            .add("label", check.name().label())
                            .add("status", check.status().name())
                            .add("code", check.code())
                            .add("message", check.message()));
        }
        Assurance assurance = Assurance.of(report);
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("verdict", report.verdict().name())
                .add(
                        "assurance",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add("level", assurance.level().name())
                                .add("title", assurance.title())
                                .add("explanation", assurance.explanation())
                                .add("contentConfirmed", Assurance.contentConfirmed(report)))
                .add("format", report.format())
                .add("checks", named)
                .build();
    }

    /**
     * A presentation's result: its own checks as {@link #of}, and each credential inside as a
     * result of its own under {@code credentialResults}, in the presentation's order.
     */
    static JsonObject ofPresentation(VerificationReport report) {
        JsonArrayBuilder credentials = Jsons.PROVIDER.createArrayBuilder();
        report.nested().forEach(nested -> credentials.add(of(nested)));
        return Jsons.PROVIDER
                .createObjectBuilder(of(report))
                .add("credentialResults", credentials)
                .build();
    }

    /**
     * {@code ISSUER_KEY_BINDING} → {@code issuerKeyBinding}; {@code STATUS} → {@code
     * credentialStatus}.
     */
    static String key(CheckName name) {
        if (name == CheckName.STATUS) {
            return "credentialStatus";
        }
        String[] words = name.name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder key = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return key.toString();
    }

    private static JsonObject problem(Check check) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("type", type(check))
                .add("title", check.name().label() + ": " + check.code())
                .add("detail", check.message())
                .add("code", check.code())
                .add("check", key(check.name()))
                .build();
    }

    private static String type(Check check) {
        return switch (check.name()) {
            case SYNTAX, CONTEXTS -> VC_DM + "PARSING_ERROR";
            case DATA_MODEL, SCHEMA, RECIPIENT -> VC_DM + "MALFORMED_VALUE_ERROR";
            case PROOF, ISSUER_KEY_BINDING, HOLDER_BINDING, JWT_CLAIMS ->
                    SECURITY + "PROOF_VERIFICATION_ERROR";
            case VALIDITY -> VC_DM + "RANGE_ERROR";
            case STATUS ->
                    STATUS_LIST
                            + (check.isCouldNotCheck()
                                    ? "STATUS_RETRIEVAL_ERROR"
                                    : "STATUS_VERIFICATION_ERROR");
            case ENDORSEMENTS, NESTED_CREDENTIALS -> SECURITY + "PROOF_VERIFICATION_ERROR";
            // No spec names a problem type for an issuer missing from a registry (a warning).
            case ISSUER_TRUST -> "about:blank";
        };
    }
}
