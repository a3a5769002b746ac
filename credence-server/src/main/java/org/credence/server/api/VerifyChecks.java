package org.credence.server.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.credence.app.AppException;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.VerificationReport;

/**
 * The checks a VC-API caller asks for ({@code options.checks}, named as the response's {@code
 * checks} names them: {@code proof}, {@code credentialStatus}, {@code validity} …). Credence always
 * runs every check; the requested ones, together with the checks that make the input a credential
 * at all (syntax, contexts, data model), decide {@code verified}, and the failures of the others
 * are reported as warnings. {@code proof} includes the binding of the proof's key to the issuer
 * (and a VC-JWT's claims): a valid signature by someone else proves nothing. Without {@code
 * options.checks} every check counts. Immutable.
 *
 * @param counted the checks that decide {@code verified}
 */
record VerifyChecks(Set<CheckName> counted) {

    static final VerifyChecks ALL = new VerifyChecks(EnumSet.allOf(CheckName.class));

    private static final Set<CheckName> ALWAYS =
            EnumSet.of(CheckName.SYNTAX, CheckName.CONTEXTS, CheckName.DATA_MODEL);

    private static final Map<String, CheckName> BY_KEY = byKey();

    VerifyChecks {
        counted = Set.copyOf(counted);
    }

    /**
     * Reads {@code options.checks}.
     *
     * @throws AppException {@code INVALID_INPUT} for a value that is not an array of known names
     */
    static VerifyChecks of(JsonObject options) {
        JsonValue value = options.get("checks");
        if (value == null) {
            return ALL;
        }
        if (!(value instanceof JsonArray names)) {
            throw AppException.invalid("options.checks: must be an array of check names");
        }
        Set<CheckName> counted = EnumSet.copyOf(ALWAYS);
        for (JsonValue name : names) {
            CheckName check = name instanceof JsonString text ? BY_KEY.get(text.getString()) : null;
            if (check == null) {
                throw AppException.invalid(
                        "options.checks: "
                                + name
                                + " is not a check Credence makes (known: "
                                + String.join(", ", BY_KEY.keySet())
                                + ")");
            }
            counted.add(check);
            if (check == CheckName.PROOF) {
                counted.add(CheckName.ISSUER_KEY_BINDING);
                counted.add(CheckName.JWT_CLAIMS);
            }
        }
        return new VerifyChecks(counted);
    }

    boolean counts(CheckName name) {
        return counted.contains(name);
    }

    /** Whether no counted check failed or could not be made. */
    boolean verified(VerificationReport report) {
        return report.checks().stream()
                .filter(check -> counts(check.name()))
                .noneMatch(check -> check.isFailed() || check.isCouldNotCheck());
    }

    /** A failure or a check that could not be made, in a check that counts. */
    boolean isError(Check check) {
        return counts(check.name()) && (check.isFailed() || check.isCouldNotCheck());
    }

    private static Map<String, CheckName> byKey() {
        Map<String, CheckName> byKey = new TreeMap<>();
        Arrays.stream(CheckName.values())
                .forEach(name -> byKey.put(VerificationJson.key(name), name));
        return Collections.unmodifiableMap(byKey);
    }
}
