package org.credence.core.verify;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.credence.core.did.DocumentFetcher;
import org.credence.core.did.VerificationMethod;
import org.credence.core.did.VerificationMethodResolver;
import org.credence.core.jsonld.JsonLdException;
import org.credence.core.jsonld.JsonLdProblem;
import org.credence.core.proof.DataIntegrity;
import org.credence.core.proof.ProofResult;
import org.credence.core.work.Deadline;

/**
 * Runs the named checks on a decoded credential. The public front door is {@link
 * org.credence.core.Verifier}, which reads inputs (JSON, JWT, baked images) and calls this.
 *
 * <p>Immutable and thread-safe.
 */
public final class CredentialVerifier {

    /** Credentials inside credentials (endorsements of endorsements…) are followed this deep. */
    private static final int MAX_DEPTH = 3;

    private static final String TOO_DEEP = "TOO_DEEP";

    private final DataIntegrity dataIntegrity;
    private final VerificationMethodResolver resolver;
    private final Clock clock;
    private final SchemaCheck schemaCheck = new SchemaCheck();
    private final StatusCheck statusCheck;
    private final StatusListProofCache statusListProofs = new StatusListProofCache();
    private final BiFunction<String, Integer, VerificationReport> jwtVerifier;
    private final Optional<IssuerRegistry> registry;

    /**
     * @param jwtVerifier verifies a compact JWS credential found inside another (CLR, endorsement);
     *     given the JWS and the nesting depth
     */
    public CredentialVerifier(
            DataIntegrity dataIntegrity,
            VerificationMethodResolver resolver,
            DocumentFetcher fetcher,
            Clock clock,
            BiFunction<String, Integer, VerificationReport> jwtVerifier) {
        this(dataIntegrity, resolver, fetcher, clock, jwtVerifier, Optional.empty());
    }

    /**
     * @param jwtVerifier verifies a compact JWS credential found inside another (CLR, endorsement);
     *     given the JWS and the nesting depth
     * @param registry the known issuers, if any (else the issuer trust check does not apply)
     */
    public CredentialVerifier(
            DataIntegrity dataIntegrity,
            VerificationMethodResolver resolver,
            DocumentFetcher fetcher,
            Clock clock,
            BiFunction<String, Integer, VerificationReport> jwtVerifier,
            Optional<IssuerRegistry> registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.dataIntegrity = Objects.requireNonNull(dataIntegrity, "dataIntegrity");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jwtVerifier = Objects.requireNonNull(jwtVerifier, "jwtVerifier");
        this.statusCheck = new StatusCheck(fetcher, this::verifyStatusList);
    }

    /** The VC Data Model check alone (for credentials secured otherwise, e.g. VC-JWT). */
    public Check dataModel(JsonObject credential) {
        return DataModelCheck.check(credential);
    }

    /** The Open Badges JSON Schema check alone (for credentials secured otherwise). */
    public Check schema(JsonObject credential) {
        return schemaCheck.check(credential);
    }

    /** Verifies a credential secured with Data Integrity proofs. */
    public VerificationReport verify(JsonObject credential, VerifyOptions options, int depth) {
        List<Check> checks = new ArrayList<>();
        checks.add(Check.passed(CheckName.SYNTAX, "Read a JSON credential"));
        checks.add(DataModelCheck.check(credential));
        List<VerificationMethod> verified = new ArrayList<>();
        try {
            List<ProofResult> results = dataIntegrity.verify(credential, resolver);
            checks.add(
                    Check.passed(
                            CheckName.CONTEXTS, "All contexts are pinned and all terms defined"));
            checks.add(schemaCheck.check(credential));
            checks.add(ProofChecks.proof(results));
            results.stream()
                    .filter(ProofResult::passed)
                    .forEach(result -> verified.add(result.method().orElseThrow()));
        } catch (JsonLdException e) {
            if (e.problem() == JsonLdProblem.TOO_COMPLEX) {
                return Unchecked.tooComplex("json", e.getMessage());
            }
            checks.add(Check.failed(CheckName.CONTEXTS, e.problem().name(), e.getMessage()));
            checks.add(schemaCheck.check(credential));
            checks.add(
                    Check.couldNotCheck(
                            CheckName.PROOF,
                            "NOT_CANONICALIZABLE",
                            "The proof cannot be checked: the document is not valid JSON-LD"
                                    + " under the pinned contexts"));
        }
        return finish("json", credential, checks, verified, options, depth);
    }

    /**
     * The checks after the proof, shared by every securing mechanism (Data Integrity, VC-JWT).
     *
     * @param proofChecks the checks already made (syntax, proof, JWT claims …, and the issuer key
     *     binding when the securing mechanism decided it, e.g. {@link HeaderKeyBinding})
     * @param verified the verification methods of the proofs that verified
     */
    public VerificationReport finish(
            String format,
            JsonObject credential,
            List<Check> proofChecks,
            List<VerificationMethod> verified,
            VerifyOptions options,
            int depth) {
        Instant now = options.at().orElseGet(clock::instant);
        List<Check> checks = new ArrayList<>(proofChecks);
        if (proofChecks.stream().noneMatch(c -> c.name() == CheckName.ISSUER_KEY_BINDING)) {
            checks.add(ProofChecks.issuerBinding(credential, verified));
        }
        checks.add(ValidityCheck.check(credential, now));
        Deadline.checkCurrent("checking the status");
        checks.add(statusCheck.check(credential));
        checks.add(RecipientCheck.check(credential, options.recipientEmail()));
        List<VerificationReport> nested = new ArrayList<>();
        checks.add(endorsements(credential, options, depth, nested));
        checks.add(clrCredentials(credential, options, depth, nested));
        checks.add(IssuerTrustCheck.check(registry, credential, checks));
        return new VerificationReport(format, Optional.of(credential), checks, nested);
    }

    private Check endorsements(
            JsonObject credential,
            VerifyOptions options,
            int depth,
            List<VerificationReport> nested) {
        List<JsonValue> endorsements = EmbeddedCredentials.endorsements(credential);
        if (endorsements.isEmpty()) {
            return Check.notApplicable(CheckName.ENDORSEMENTS, "No endorsements");
        }
        if (depth >= MAX_DEPTH) {
            return Check.warning(CheckName.ENDORSEMENTS, TOO_DEEP, tooDeep("Endorsements"));
        }
        List<VerificationReport> reports = verifyAll(endorsements, options, depth);
        nested.addAll(reports);
        long bad = reports.stream().filter(report -> !report.isVerified()).count();
        return bad == 0
                ? Check.passed(
                        CheckName.ENDORSEMENTS, endorsements.size() + " endorsement(s) verified")
                : Check.warning(
                        CheckName.ENDORSEMENTS,
                        "ENDORSEMENT_NOT_VERIFIED",
                        bad + " of " + endorsements.size() + " endorsement(s) did not verify");
    }

    private Check clrCredentials(
            JsonObject credential,
            VerifyOptions options,
            int depth,
            List<VerificationReport> nested) {
        List<JsonValue> credentials = EmbeddedCredentials.clrCredentials(credential);
        if (credentials.isEmpty()) {
            return Check.notApplicable(CheckName.NESTED_CREDENTIALS, "No nested credentials");
        }
        if (depth >= MAX_DEPTH) {
            return Check.couldNotCheck(
                    CheckName.NESTED_CREDENTIALS, TOO_DEEP, tooDeep("Credentials"));
        }
        List<VerificationReport> reports = verifyAll(credentials, options, depth);
        nested.addAll(reports);
        return NestedCredentials.check(reports);
    }

    /** Embedded credentials are checked at the same instant, without the recipient. */
    private List<VerificationReport> verifyAll(
            List<JsonValue> embedded, VerifyOptions options, int depth) {
        VerifyOptions plain = VerifyOptions.DEFAULT.withAt(options.at().orElse(null));
        return embedded.stream().map(value -> verifyEmbedded(value, plain, depth + 1)).toList();
    }

    private static String tooDeep(String what) {
        return what + " nested more than " + MAX_DEPTH + " deep were not checked";
    }

    private VerificationReport verifyEmbedded(JsonValue value, VerifyOptions options, int depth) {
        Deadline.checkCurrent("checking the credentials inside");
        if (value instanceof JsonString jws) {
            return jwtVerifier.apply(jws.getString(), depth);
        }
        return verify(value.asJsonObject(), options, depth);
    }

    private VerificationReport verifyStatusList(JsonObject listCredential) {
        List<Check> checks =
                new ArrayList<>(
                        statusListProofs.checks(
                                listCredential.toString(),
                                clock.instant(),
                                () -> statusListProof(listCredential)));
        checks.add(ValidityCheck.check(listCredential, clock.instant()));
        return new VerificationReport("json", Optional.of(listCredential), checks, List.of());
    }

    private List<Check> statusListProof(JsonObject listCredential) {
        List<Check> checks = new ArrayList<>();
        List<VerificationMethod> verified = new ArrayList<>();
        try {
            List<ProofResult> results = dataIntegrity.verify(listCredential, resolver);
            checks.add(ProofChecks.proof(results));
            results.stream()
                    .filter(ProofResult::passed)
                    .forEach(result -> verified.add(result.method().orElseThrow()));
        } catch (JsonLdException e) {
            checks.add(Check.failed(CheckName.CONTEXTS, e.problem().name(), e.getMessage()));
        }
        checks.add(ProofChecks.issuerBinding(listCredential, verified));
        return checks;
    }
}
