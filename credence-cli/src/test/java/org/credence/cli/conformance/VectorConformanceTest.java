package org.credence.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.credence.core.Verifier;
import org.credence.core.did.CompositeResolver;
import org.credence.core.did.DidKeyResolver;
import org.credence.core.did.FixtureDocuments;
import org.credence.core.did.FragmentKeyResolver;
import org.credence.core.did.VerificationMethodResolver;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.credence.testing.FixedClock;
import org.credence.testing.Vectors;
import org.credence.testing.Vectors.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public vector of {@code credence-testing} through a {@link Verifier} configured the way
 * {@code credence verify} would be for it, compared with the reference verdict of the manifest.
 *
 * <p>Configuration per vector: a did:key resolver; bare did:key verification methods accepted only
 * when the vector's {@code offlineOptions} lists {@code bare-did} (the reference verdicts were made
 * with that shortcut, and with it Credence reaches the same verdict: the proof verifies but the
 * issuer does not control the key); the {@link FragmentKeyResolver} fallback for every other method
 * when it lists {@code fragment-key}; the {@code fixtures/} status lists; and a clock fixed at
 * {@link FixedClock#VECTORS_NOW} (2026-01-01T00:00:00Z), at which the expired vectors have expired,
 * the not-yet-valid one is not yet valid, and the others are within their validity period.
 *
 * <p>A vector passes when Credence's verdict is VERIFIED exactly where the reference accepts it and
 * the check the reference verdict names failed with the matching code. Where Credence differs on
 * purpose, {@link #EXPECTED_DIFFERENCES} says why and pins what Credence does; where it differs
 * because of a Credence bug or missing feature, {@link #KNOWN_GAPS} does the same until fixed.
 */
class VectorConformanceTest {

    /** RDFC poison graphs must be rejected, and quickly. */
    private static final Duration POISON_BUDGET = Duration.ofSeconds(1);

    private static final FixtureDocuments FIXTURES = FixtureDocuments.of(Vectors.fixtureJsons());

    /** What Credence does instead of the reference verdict, and why. */
    record Outcome(
            String reason, Verdict verdict, CheckName check, CheckStatus status, String code) {}

    private static final String REQUIRES_KEY_CONTROL =
            "referenceAccepts is true, but the reference verdict itself is"
                    + " PROOF_OK_ISSUER_NOT_KEY_CONTROLLER: the W3C vectors sign with a key the issuer"
                    + " does not control. Credence requires the issuer to control the key (README"
                    + " policy), so the proof passes and the issuer key binding fails";
    private static final String DRAFT_CLR_CONTEXT =
            "uses the unpinned draft context https://dc.imsglobal.org/draft/clr/v2p0/context:"
                    + " Credence refuses unknown contexts (JSON-LD safe mode) before it checks the"
                    + " proof; not accepted either way";

    /** Vectors where Credence differs from the reference on purpose. */
    static final Map<String, Outcome> EXPECTED_DIFFERENCES =
            Map.of(
                    "w3c-vc-di-eddsa/eddsa-rdfc-2022_signedDataInt.json",
                    keyControl(),
                    "w3c-vc-di-eddsa/proof-set-chain_signedProofSet2.json",
                    keyControl(),
                    "w3c-vc-di-eddsa/Ed25519Signature2020_signedEdSig.json",
                    keyControl(),
                    "1edtech-validator/clr20-simple_v1.json",
                    new Outcome(
                            "Credence also verifies the CLR's nested credentials; five of them use a"
                                    + " bare did:key verification method (no fragment), which a"
                                    + " strict verifier cannot resolve. The reference checked only"
                                    + " the outer proof",
                            Verdict.COULD_NOT_CHECK,
                            CheckName.NESTED_CREDENTIALS,
                            CheckStatus.COULD_NOT_CHECK,
                            "NESTED_CREDENTIAL_UNCHECKED"),
                    "1edtech-validator/clr20-simple.jwt",
                    new Outcome(
                            "the VC-JWT's credential "
                                    + DRAFT_CLR_CONTEXT.replace(
                                            "; not accepted either way",
                                            "; the reference checked only the"
                                                    + " JWS signature and did not read the JSON-LD"),
                            Verdict.FAILED,
                            CheckName.CONTEXTS,
                            CheckStatus.FAILED,
                            "UNKNOWN_CONTEXT"),
                    "1edtech-validator/clr20-simple_old_safesigned.json",
                    draftClrContext(),
                    "1edtech-validator/clr20-simple-noproof.json",
                    draftClrContext(),
                    "1edtech-validator/simple-err-proof-method.json",
                    new Outcome(
                            "the fragment of the verification method is a corrupted multibase key:"
                                    + " Credence cannot decode a key, so the proof could not be"
                                    + " checked (the reference calls it an invalid proof); not"
                                    + " accepted either way",
                            Verdict.COULD_NOT_CHECK,
                            CheckName.PROOF,
                            CheckStatus.COULD_NOT_CHECK,
                            "KEY_NOT_RESOLVABLE"),
                    "w3c-vc-di-eddsa/proof-set-chain_signedProofChain2.json",
                    keyControl());

    /**
     * Vectors where Credence differs because of a bug or missing feature: fix, then remove here.
     */
    static final Map<String, Outcome> KNOWN_GAPS = Map.of();

    static Stream<Vector> vectors() {
        return Vectors.all().stream();
    }

    static Stream<Vector> bareDidVectors() {
        return vectors().filter(vector -> vector.needs(Vector.BARE_DID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void should_reach_the_reference_verdict_when_verifying_a_public_vector(Vector vector) {
        // GIVEN
        Verifier verifier = verifierFor(vector, vector.needs(Vector.BARE_DID));

        // WHEN
        long start = System.nanoTime();
        VerificationReport report = verifier.verify(vector.bytes(), VerifyOptions.DEFAULT);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // THEN
        Outcome deviation =
                EXPECTED_DIFFERENCES.getOrDefault(vector.file(), KNOWN_GAPS.get(vector.file()));
        if (deviation != null) {
            assertOutcome(report, deviation);
            return;
        }
        assertThat(report.isVerified())
                .as(
                        "verified == referenceAccepts (%s); %s",
                        vector.referenceVerdict(), describe(report))
                .isEqualTo(vector.referenceAccepts());
        assertKeyChecks(vector.referenceVerdict(), report);
        if (vector.referenceVerdict().startsWith("REJECTED_RDFC_WORK_LIMIT")) {
            assertThat(took).isLessThan(POISON_BUDGET);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bareDidVectors")
    void should_not_resolve_the_key_when_the_method_is_a_bare_did_and_the_resolver_is_strict(
            Vector vector) {
        // GIVEN
        Verifier strict = verifierFor(vector, false);

        // WHEN
        VerificationReport report = strict.verify(vector.bytes(), VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.isVerified()).isFalse();
        if (report.check(CheckName.CONTEXTS).map(Check::isFailed).orElse(false)) {
            return; // never reaches key resolution
        }
        assertThat(report.check(CheckName.PROOF))
                .get()
                .extracting(Check::status, Check::code)
                .containsExactly(CheckStatus.COULD_NOT_CHECK, "KEY_NOT_RESOLVABLE");
    }

    @Test
    void should_list_only_vectors_of_the_manifest_when_documenting_differences() {
        List<String> files = Vectors.all().stream().map(Vector::file).toList();

        assertThat(files).containsAll(EXPECTED_DIFFERENCES.keySet());
        assertThat(files).containsAll(KNOWN_GAPS.keySet());
        assertThat(KNOWN_GAPS.keySet()).allMatch(file -> !EXPECTED_DIFFERENCES.containsKey(file));
    }

    /**
     * What the CLI builds for a vector: strict or bare did:key, fragment keys, fixture documents.
     */
    static Verifier verifierFor(Vector vector, boolean allowBareDid) {
        return builderFor(vector, allowBareDid).build();
    }

    /** {@link #verifierFor}'s builder, for a test that adds a registry. */
    static Verifier.Builder builderFor(Vector vector, boolean allowBareDid) {
        Map<String, VerificationMethodResolver> resolvers = new HashMap<>();
        resolvers.put("did:key:", new DidKeyResolver(allowBareDid));
        if (vector.needs(Vector.FRAGMENT_KEY)) {
            resolvers.put("", new FragmentKeyResolver()); // shortest prefix: the fallback
        }
        return Verifier.builder()
                .resolver(new CompositeResolver(resolvers))
                .fetcher(FIXTURES)
                .clock(FixedClock.vectorsNow());
    }

    /** The check each reference verdict names, as Credence reports it. */
    private static void assertKeyChecks(String referenceVerdict, VerificationReport report) {
        String verdict = referenceVerdict.split(" ")[0];
        switch (verdict) {
            case "REVOKED" -> assertCheck(report, CheckName.STATUS, CheckStatus.FAILED, "REVOKED");
            case "EXPIRED" ->
                    assertCheck(report, CheckName.VALIDITY, CheckStatus.FAILED, "EXPIRED");
            case "NOT_YET_VALID" ->
                    assertCheck(report, CheckName.VALIDITY, CheckStatus.FAILED, "NOT_YET_VALID");
            case "JSONLD_SAFE_MODE_ERROR" ->
                    assertCheck(report, CheckName.CONTEXTS, CheckStatus.FAILED, null);
            case "INVALID_PROOF" ->
                    assertCheck(report, CheckName.PROOF, CheckStatus.FAILED, "INVALID_PROOF");
            case "INVALID_SIGNATURE" ->
                    assertCheck(report, CheckName.PROOF, CheckStatus.FAILED, "INVALID_SIGNATURE");
            case "NO_PROOF" -> assertCheck(report, CheckName.PROOF, CheckStatus.FAILED, "NO_PROOF");
            case "NO_KEY_IN_JOSE_HEADER" ->
                    assertCheck(report, CheckName.PROOF, CheckStatus.FAILED, verdict);
            case "UNSUPPORTED_CRYPTOSUITE_OR_PROOF_TYPE" ->
                    assertThat(report.check(CheckName.PROOF))
                            .get()
                            .satisfies(check -> assertThat(check.code()).isEqualTo(verdict))
                            .satisfies(
                                    check ->
                                            assertThat(check.status())
                                                    .isIn(
                                                            CheckStatus.COULD_NOT_CHECK,
                                                            CheckStatus.FAILED));
            case "REJECTED_RDFC_WORK_LIMIT" ->
                    assertCheck(
                            report, CheckName.CONTEXTS, CheckStatus.FAILED, "WORK_LIMIT_EXCEEDED");
            case "PROOF_OK_ISSUER_NOT_KEY_CONTROLLER" -> {
                assertCheck(report, CheckName.PROOF, CheckStatus.PASSED, "OK");
                assertCheck(report, CheckName.ISSUER_KEY_BINDING, CheckStatus.FAILED, verdict);
            }
            case "PROOF_OK_VC_DATA_MODEL_ERROR" -> {
                assertCheck(report, CheckName.PROOF, CheckStatus.PASSED, "OK");
                assertCheck(
                        report, CheckName.DATA_MODEL, CheckStatus.FAILED, "VC_DATA_MODEL_ERROR");
            }
            case "PROOF_OK_STATUS_UNSUPPORTED" -> {
                assertCheck(report, CheckName.PROOF, CheckStatus.PASSED, "OK");
                assertCheck(
                        report,
                        CheckName.STATUS,
                        CheckStatus.COULD_NOT_CHECK,
                        "STATUS_TYPE_UNSUPPORTED");
            }
            case "PROOF_OK_STATUS_UNVERIFIABLE_OFFLINE" -> {
                assertCheck(report, CheckName.PROOF, CheckStatus.PASSED, "OK");
                assertCheck(report, CheckName.STATUS, CheckStatus.COULD_NOT_CHECK, null);
            }
            case "SIGNATURE_OK_BUT_CLAIMS_FAIL" -> {
                assertCheck(report, CheckName.PROOF, CheckStatus.PASSED, "OK");
                assertCheck(report, CheckName.JWT_CLAIMS, CheckStatus.FAILED, null);
            }
            default -> {
                // VALID…: covered by the verdict; UNVERIFIABLE_OFFLINE: "not VERIFIED" is all it
                // says
            }
        }
    }

    private static void assertOutcome(VerificationReport report, Outcome expected) {
        assertThat(report.verdict())
                .as("%s; %s", expected.reason(), describe(report))
                .isEqualTo(expected.verdict());
        assertCheck(report, expected.check(), expected.status(), expected.code());
    }

    /** {@code code} null: any code. */
    private static void assertCheck(
            VerificationReport report, CheckName name, CheckStatus status, String code) {
        assertThat(report.check(name)).as("%s check; %s", name, describe(report)).isPresent();
        Check check = report.check(name).orElseThrow();
        assertThat(check.status()).as("%s status; %s", name, describe(report)).isEqualTo(status);
        if (code != null) {
            assertThat(check.code()).as("%s code; %s", name, describe(report)).isEqualTo(code);
        }
    }

    /** The checks that did not pass, for failure messages. */
    private static String describe(VerificationReport report) {
        return report.verdict()
                + " "
                + report.checks().stream()
                        .filter(check -> check.status() != CheckStatus.PASSED)
                        .filter(check -> check.status() != CheckStatus.NOT_APPLICABLE)
                        .map(
                                check ->
                                        check.name()
                                                + " "
                                                + check.status()
                                                + " "
                                                + check.code()
                                                + ": "
                                                + check.message())
                        .collect(Collectors.joining("; ", "[", "]"));
    }

    private static Outcome keyControl() {
        return new Outcome(
                REQUIRES_KEY_CONTROL,
                Verdict.FAILED,
                CheckName.ISSUER_KEY_BINDING,
                CheckStatus.FAILED,
                "PROOF_OK_ISSUER_NOT_KEY_CONTROLLER");
    }

    private static Outcome draftClrContext() {
        return new Outcome(
                "the credential " + DRAFT_CLR_CONTEXT,
                Verdict.FAILED,
                CheckName.CONTEXTS,
                CheckStatus.FAILED,
                "UNKNOWN_CONTEXT");
    }
}
