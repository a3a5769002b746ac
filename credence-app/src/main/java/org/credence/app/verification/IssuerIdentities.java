package org.credence.app.verification;

import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.function.Function;
import org.credence.app.issuer.IssuerIdentity;
import org.credence.core.json.JsonValues;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.VerificationReport;

/**
 * The issuer of a verified credential as pages show it beside its name: confirmed only when the
 * issuer trust check passed; its verified domain only when a verified proof binds the credential to
 * one of this installation's issuers (so a forgery naming our issuer never borrows its domain).
 * Stateless.
 */
final class IssuerIdentities {

    /** The code of the trust check of an issuer a registry lists without vouching. */
    static final String NOT_CONFIRMED = "ISSUER_NOT_CONFIRMED";

    private IssuerIdentities() {}

    static Optional<IssuerIdentity> of(
            VerificationReport report, Function<String, Optional<IssuerIdentity>> local) {
        Optional<JsonObject> credential = report.credential();
        Optional<String> id = credential.flatMap(json -> JsonValues.idOf(json, "issuer"));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String name =
                credential
                        .map(json -> json.get("issuer"))
                        .filter(JsonObject.class::isInstance)
                        .flatMap(issuer -> JsonValues.string((JsonObject) issuer, "name"))
                        .orElse(id.get());
        Optional<Check> trust = report.check(CheckName.ISSUER_TRUST);
        boolean confirmed = trust.map(check -> check.status() == CheckStatus.PASSED).orElse(false);
        boolean bound =
                trust.map(check -> confirmed || NOT_CONFIRMED.equals(check.code())).orElse(false);
        Optional<String> domain =
                bound
                        ? local.apply(id.get()).flatMap(IssuerIdentity::verifiedDomain)
                        : Optional.empty();
        return Optional.of(new IssuerIdentity(name, id.get(), domain, confirmed));
    }
}
