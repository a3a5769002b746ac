package org.credence.core.verify;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.credence.core.json.JsonValues;

/**
 * Validity dates: {@code validFrom} / {@code validUntil} (VC 2.0) or {@code issuanceDate} / {@code
 * expirationDate} (VC 1.1), compared with the verification time.
 */
final class ValidityCheck {

    static final String EXPIRED = "EXPIRED";
    static final String NOT_YET_VALID = "NOT_YET_VALID";
    static final String INVALID_DATE = "INVALID_DATE";

    private ValidityCheck() {}

    static Check check(JsonObject credential, Instant now) {
        boolean v1 =
                credential.containsKey("issuanceDate") || credential.containsKey("expirationDate");
        String fromField =
                v1 && !credential.containsKey("validFrom") ? "issuanceDate" : "validFrom";
        String untilField =
                v1 && !credential.containsKey("validUntil") ? "expirationDate" : "validUntil";
        Optional<Instant> from;
        Optional<Instant> until;
        try {
            from = instant(credential, fromField);
            until = instant(credential, untilField);
        } catch (DateTimeParseException e) {
            return Check.failed(CheckName.VALIDITY, INVALID_DATE, e.getMessage());
        }
        if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
            return Check.failed(
                    CheckName.VALIDITY,
                    INVALID_DATE,
                    untilField + " " + until.get() + " is before " + fromField + " " + from.get());
        }
        if (from.isPresent() && now.isBefore(from.get())) {
            return Check.failed(
                    CheckName.VALIDITY, NOT_YET_VALID, "Not valid before " + from.get());
        }
        if (until.isPresent() && now.isAfter(until.get())) {
            return Check.failed(CheckName.VALIDITY, EXPIRED, "Expired on " + until.get());
        }
        return Check.passed(
                CheckName.VALIDITY,
                from.map(f -> "Valid from " + f).orElse("No start date")
                        + until.map(u -> " until " + u).orElse(", does not expire"));
    }

    private static Optional<Instant> instant(JsonObject credential, String field) {
        return JsonValues.dateTime(credential, field, "an XML Schema dateTime");
    }
}
