package org.credence.core.verify;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.credence.core.json.JsonValues;

/**
 * Whether the issuer is one a registry vouches for. Runs after the proof and issuer binding: a name
 * from a registry means something only when a verified proof binds the credential to that issuer,
 * so an unbound issuer is never reported as known. Unknown issuers are a warning (anyone may issue
 * a valid credential); so are issuers a registry lists without vouching for them ("not confirmed");
 * without a registry the check does not apply.
 */
final class IssuerTrustCheck {

    static final String UNKNOWN = "UNKNOWN_ISSUER";
    static final String NOT_BOUND = "ISSUER_NOT_BOUND";
    static final String NOT_CONFIRMED = "ISSUER_NOT_CONFIRMED";

    private IssuerTrustCheck() {}

    /**
     * @param registry the registry, if one is configured
     * @param checks the checks made so far (the issuer key binding among them)
     */
    static Check check(
            Optional<IssuerRegistry> registry, JsonObject credential, List<Check> checks) {
        if (registry.isEmpty()) {
            return Check.notApplicable(CheckName.ISSUER_TRUST, "No issuer registry configured");
        }
        Optional<String> issuer = JsonValues.idOf(credential, "issuer");
        if (issuer.isEmpty()) {
            return Check.warning(CheckName.ISSUER_TRUST, UNKNOWN, "The credential names no issuer");
        }
        Optional<KnownIssuer> known = registry.get().lookup(issuer.get());
        boolean bound =
                checks.stream()
                        .anyMatch(
                                check ->
                                        check.name() == CheckName.ISSUER_KEY_BINDING
                                                && check.status() == CheckStatus.PASSED);
        if (!bound) {
            return Check.warning(
                    CheckName.ISSUER_TRUST,
                    NOT_BOUND,
                    "The registry was not consulted: no verified proof shows that "
                            + issuer.get()
                            + " issued this credential");
        }
        return known.map(IssuerTrustCheck::passed)
                .orElseGet(
                        () ->
                                Check.warning(
                                        CheckName.ISSUER_TRUST,
                                        UNKNOWN,
                                        "Unknown issuer: "
                                                + issuer.get()
                                                + " is in no configured registry (the credential"
                                                + " may still be genuine)"));
    }

    private static Check passed(KnownIssuer issuer) {
        if (!issuer.confirmed()) {
            return Check.warning(
                    CheckName.ISSUER_TRUST,
                    NOT_CONFIRMED,
                    "Issuer not confirmed: "
                            + issuer.name()
                            + " ("
                            + issuer.id()
                            + ") "
                            + issuer.notConfirmed().get());
        }
        return Check.passed(
                CheckName.ISSUER_TRUST,
                "Known issuer: " + issuer.name() + " (registry " + issuer.registry() + ")");
    }
}
