package org.credence.core.ob2;

import com.nimbusds.jose.JWSObject;
import jakarta.json.JsonObject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.did.DocumentFetcher;
import org.credence.core.json.InputException;
import org.credence.core.json.JsonInput;
import org.credence.core.json.JsonValues;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;

/**
 * Verifies Open Badges 2.0 assertions, hosted or signed, into the same {@link VerificationReport}
 * of named checks as Open Badges 3.0 (format {@value #HOSTED} or {@value #SIGNED}):
 *
 * <ul>
 *   <li>SYNTAX — the assertion, its JWS, or its URL could be read;
 *   <li>DATA_MODEL — the assertion, its BadgeClass and its issuer Profile have their required
 *       properties (could not check when one could not be fetched);
 *   <li>PROOF — hosted: the issuer's server answers the assertion's id with this very assertion;
 *       signed: the JWS verifies with the key named by {@code verification.creator};
 *   <li>ISSUER_KEY_BINDING — hosted: the id is within the issuer's hosting policy ({@code
 *       allowedOrigins}, {@code startsWith}, default the issuer's own host); signed: the key is the
 *       issuer's ({@code owner} and the issuer's {@code publicKey});
 *   <li>VALIDITY — {@code issuedOn} and {@code expires}; STATUS — hosted: {@code revoked} on the
 *       hosted copy; signed: the issuer's {@code revocationList}; RECIPIENT — the hashed or plain
 *       email identity.
 * </ul>
 *
 * Every document comes through the injected {@link DocumentFetcher}, at most {@link
 * Fetches#MAX_FETCHES} per assertion; a fetch failure is "could not check", never "passed".
 * Immutable and thread-safe if the fetcher is.
 */
public final class Ob2Verifier {

    /** The report format of a hosted assertion. */
    public static final String HOSTED = "ob2-hosted";

    /** The report format of a signed assertion. */
    public static final String SIGNED = "ob2-signed";

    private final DocumentFetcher fetcher;
    private final JsonInput jsonInput;
    private final Clock clock;

    public Ob2Verifier(DocumentFetcher fetcher, JsonInput jsonInput, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.jsonInput = Objects.requireNonNull(jsonInput, "jsonInput");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The assertion a compact JWS signs, if its payload is an OB 2.0 assertion (and not a VC-JWT:
     * no {@code vc} claim, no VerifiableCredential type).
     */
    public Optional<JsonObject> signedAssertion(String compact) {
        try {
            JWSObject jws = JWSObject.parse(compact);
            JsonObject payload = jsonInput.parseObject(jws.getPayload().toString());
            return !payload.containsKey("vc") && Ob2Assertions.isAssertion(payload)
                    ? Optional.of(payload)
                    : Optional.empty();
        } catch (ParseException | InputException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Verifies an assertion presented as JSON, by the method it declares. */
    public VerificationReport verifyAssertion(JsonObject assertion, VerifyOptions options) {
        return switch (Ob2Assertions.method(assertion)) {
            case HOSTED ->
                    hosted(
                            Optional.of(assertion),
                            JsonValues.string(assertion, "id").orElse(""),
                            new Fetches(fetcher),
                            options);
            case SIGNED ->
                    unverifiable(
                            assertion,
                            "SIGNATURE_MISSING",
                            "The assertion declares signed verification but came without its"
                                    + " JWS: there is no signature to check",
                            options);
            case UNKNOWN ->
                    unverifiable(
                            assertion,
                            "UNKNOWN_VERIFICATION",
                            "The assertion declares neither hosted nor signed verification",
                            options);
        };
    }

    /**
     * Verifies a hosted assertion known only by its URL, whose document the caller already fetched
     * (so the URL is not fetched twice).
     */
    public VerificationReport verifyFetched(String url, JsonObject fetched, VerifyOptions options) {
        Fetches fetches = new Fetches(fetcher);
        fetches.seed(url, fetched);
        return hosted(Optional.empty(), url, fetches, options);
    }

    /** Verifies a signed assertion: a compact JWS whose payload is the assertion. */
    public VerificationReport verifySigned(String compact, VerifyOptions options) {
        JWSObject jws;
        JsonObject assertion;
        try {
            jws = JWSObject.parse(compact);
            assertion = jsonInput.parseObject(jws.getPayload().toString());
        } catch (ParseException | InputException | IllegalStateException e) {
            return new VerificationReport(
                    SIGNED,
                    Optional.empty(),
                    List.of(
                            Check.failed(
                                    CheckName.SYNTAX,
                                    "MALFORMED_JWS",
                                    "Not a compact JWS with a JSON assertion: " + e.getMessage())),
                    List.of());
        }
        Fetches fetches = new Fetches(fetcher);
        List<Check> checks = new ArrayList<>();
        checks.add(Check.passed(CheckName.SYNTAX, "Read a signed Open Badges 2.0 assertion (JWS)"));
        BadgeObjects.Linked linked = BadgeObjects.resolve(assertion, fetches, true);
        checks.add(BadgeObjects.dataModel(assertion, linked));
        SignedProof.Outcome proof = SignedProof.check(jws, assertion, linked, fetches);
        checks.add(proof.proof());
        checks.add(proof.binding());
        checks.add(AssertionChecks.validity(assertion, now(options)));
        checks.add(RevocationCheck.check(assertion, linked, fetches));
        checks.add(AssertionChecks.recipient(assertion, options.recipientEmail()));
        return new VerificationReport(SIGNED, Optional.of(assertion), checks, List.of());
    }

    /**
     * The hosted copy at {@code id} is the source of truth (OB 2.0 §HostedBadge Verification); a
     * revoked one may be stripped to its id, so links and content then come from the presented
     * copy.
     */
    private VerificationReport hosted(
            Optional<JsonObject> presented, String id, Fetches fetches, VerifyOptions options) {
        List<Check> checks = new ArrayList<>();
        checks.add(
                Check.passed(
                        CheckName.SYNTAX,
                        presented.isPresent()
                                ? "Read a hosted Open Badges 2.0 assertion"
                                : "Read the URL of a hosted Open Badges 2.0 assertion"));
        Resolved hosted =
                Fetches.isHttp(id)
                        ? fetches.fetchObject(id, "the hosted assertion")
                        : Resolved.missing(Fetches.NOT_HTTP, id + " is not a URL");
        Check proof = HostedProof.check(presented, id, hosted);
        Optional<JsonObject> truth = hosted.document().or(() -> presented);
        if (truth.isEmpty()) {
            checks.add(proof);
            return new VerificationReport(HOSTED, Optional.empty(), checks, List.of());
        }
        JsonObject assertion = truth.get();
        JsonObject content =
                AssertionChecks.isRevoked(assertion) ? presented.orElse(assertion) : assertion;
        BadgeObjects.Linked linked = BadgeObjects.resolve(content, fetches, false);
        checks.add(BadgeObjects.dataModel(assertion, linked));
        checks.add(proof);
        checks.add(scope(id, linked));
        checks.add(AssertionChecks.validity(content, now(options)));
        checks.add(hostedStatus(hosted));
        checks.add(AssertionChecks.recipient(content, options.recipientEmail()));
        return new VerificationReport(HOSTED, Optional.of(assertion), checks, List.of());
    }

    private static Check scope(String id, BadgeObjects.Linked linked) {
        if (!linked.issuer().isFound()) {
            return Check.couldNotCheck(
                    CheckName.ISSUER_KEY_BINDING,
                    linked.issuer().code(),
                    "Whether the issuer hosts its assertions at "
                            + id
                            + " could not be checked: "
                            + linked.issuer().message());
        }
        return VerificationScope.check(id, linked.issuer().get());
    }

    private static Check hostedStatus(Resolved hosted) {
        if (!hosted.isFound()) {
            return Check.couldNotCheck(
                    CheckName.STATUS,
                    "HOSTED_ASSERTION_UNAVAILABLE",
                    "Revocation could not be checked: " + hosted.message());
        }
        return AssertionChecks.revokedFlag(hosted.get())
                .orElse(
                        Check.passed(
                                CheckName.STATUS, "Not revoked: the issuer's hosted copy is live"));
    }

    /** A JSON assertion that cannot be verified by its declared method: PROOF fails. */
    private VerificationReport unverifiable(
            JsonObject assertion, String code, String message, VerifyOptions options) {
        Fetches fetches = new Fetches(fetcher);
        BadgeObjects.Linked linked = BadgeObjects.resolve(assertion, fetches, false);
        List<Check> checks = new ArrayList<>();
        checks.add(Check.passed(CheckName.SYNTAX, "Read an Open Badges 2.0 assertion"));
        checks.add(BadgeObjects.dataModel(assertion, linked));
        checks.add(Check.failed(CheckName.PROOF, code, message));
        checks.add(AssertionChecks.validity(assertion, now(options)));
        checks.add(AssertionChecks.recipient(assertion, options.recipientEmail()));
        String format =
                Ob2Assertions.method(assertion) == Ob2Assertions.Method.SIGNED ? SIGNED : HOSTED;
        return new VerificationReport(format, Optional.of(assertion), checks, List.of());
    }

    private Instant now(VerifyOptions options) {
        return options.at().orElseGet(clock::instant);
    }
}
