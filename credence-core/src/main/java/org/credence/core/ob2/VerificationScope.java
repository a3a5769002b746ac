package org.credence.core.ob2;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.credence.core.json.JsonValues;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;

/**
 * Is a hosted assertion's id within the scope its issuer allows (OB 2.0 §HostedBadge Verification)?
 * The issuer Profile's {@code verification} object may list {@code startsWith} prefixes and {@code
 * allowedOrigins} host names; without it the assertion must be hosted on the host of the issuer's
 * id. As in the reference validator (openbadges-validator-core), an origin is the URL's authority
 * (host and port). Reported as ISSUER_KEY_BINDING: for a hosted badge, where it is hosted is what
 * binds it to the issuer. Stateless.
 */
final class VerificationScope {

    static final String OUT_OF_SCOPE = "OUT_OF_SCOPE";
    static final String ISSUER_NOT_FETCHABLE = "ISSUER_NOT_FETCHABLE";

    private VerificationScope() {}

    static Check check(String assertionId, JsonObject issuer) {
        String issuerId = JsonValues.string(issuer, "id").orElse("");
        JsonObject policy =
                JsonValues.object(issuer, "verification").orElse(JsonObject.EMPTY_JSON_OBJECT);
        List<String> startsWith = JsonValues.strings(policy, "startsWith");
        if (!startsWith.isEmpty() && startsWith.stream().noneMatch(assertionId::startsWith)) {
            return Check.failed(
                    CheckName.ISSUER_KEY_BINDING,
                    OUT_OF_SCOPE,
                    "The assertion id "
                            + assertionId
                            + " does not start with any prefix its issuer allows: "
                            + String.join(", ", startsWith));
        }
        List<String> allowed = JsonValues.strings(policy, "allowedOrigins");
        if (allowed.isEmpty()) {
            allowed = authority(issuerId).stream().toList();
        }
        if (allowed.isEmpty() || !Fetches.isHttp(issuerId)) {
            // The reference validator passes with a warning here; but then any host could present
            // an assertion of an issuer no one can look up, so Credence says it could not check.
            return Check.couldNotCheck(
                    CheckName.ISSUER_KEY_BINDING,
                    ISSUER_NOT_FETCHABLE,
                    "The issuer id "
                            + (issuerId.isEmpty()
                                    ? "is missing"
                                    : issuerId + " is not a web address")
                            + ": where its assertions may be hosted cannot be checked");
        }
        Optional<String> origin = authority(assertionId);
        if (origin.isEmpty() || allowed.stream().noneMatch(a -> a.equalsIgnoreCase(origin.get()))) {
            return Check.failed(
                    CheckName.ISSUER_KEY_BINDING,
                    OUT_OF_SCOPE,
                    "The assertion is hosted at "
                            + origin.orElse(assertionId)
                            + ", which its issuer "
                            + issuerId
                            + " does not allow (allowed: "
                            + String.join(", ", allowed)
                            + ")");
        }
        return Check.passed(
                CheckName.ISSUER_KEY_BINDING,
                "Hosted at "
                        + origin.get()
                        + ", where its issuer "
                        + issuerId
                        + " publishes assertions");
    }

    private static Optional<String> authority(String url) {
        try {
            String authority = new URI(url).getRawAuthority();
            if (authority == null) {
                return Optional.empty();
            }
            int at = authority.lastIndexOf('@');
            return Optional.of(authority.substring(at + 1).toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
