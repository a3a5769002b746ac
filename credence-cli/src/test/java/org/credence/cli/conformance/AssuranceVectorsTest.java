package org.credence.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.credence.core.verify.Assurance;
import org.credence.core.verify.Assurance.Level;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.KnownIssuer;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.credence.testing.Vectors;
import org.credence.testing.Vectors.Vector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The headline people see for every public vector, verified as {@link VectorConformanceTest} does:
 * without a registry no issuer is confirmed, so nothing says "Verified"; the finding each reference
 * verdict names is the headline's level; and a registry that lists every issuer turns only a
 * genuine signature made with the issuer's own key into "Verified", never a failure nor a signature
 * by a key nothing binds to the issuer.
 */
class AssuranceVectorsTest {

    static Stream<Vector> vectors() {
        return Vectors.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void should_never_say_verified_when_no_registry_confirms_the_issuer(Vector vector) {
        // GIVEN
        VerificationReport report = verify(vector, false);

        // WHEN
        Assurance assurance = Assurance.of(report);

        // THEN
        assertThat(assurance.level()).as(assurance.toString()).isNotEqualTo(Level.CONFIRMED);
        assertThat(assurance.title()).doesNotStartWith("Verified");
        if (report.isVerified()) {
            assertThat(assurance.level()).isEqualTo(Level.SIGNATURE_ONLY);
            assertThat(assurance.title()).contains("could not confirm who the issuer is");
        } else {
            assertThat(assurance.level()).isNotEqualTo(Level.SIGNATURE_ONLY);
        }
        Optional<Level> expected = expectedLevel(vector, report);
        expected.ifPresent(
                level ->
                        assertThat(assurance.level())
                                .as("%s: %s", vector.referenceVerdict(), assurance)
                                .isEqualTo(level));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void should_confirm_only_a_verified_credential_when_a_registry_lists_its_issuer(Vector vector) {
        // GIVEN
        Assurance unlisted = Assurance.of(verify(vector, false));

        // WHEN
        VerificationReport report = verify(vector, true);
        Assurance listed = Assurance.of(report);

        // THEN
        if (unlisted.level() == Level.SIGNATURE_ONLY && Assurance.contentConfirmed(report)) {
            assertThat(listed.level()).as(report.checks().toString()).isEqualTo(Level.CONFIRMED);
            assertThat(listed.title()).isEqualTo("Verified");
        } else if (unlisted.level() == Level.SIGNATURE_ONLY) {
            // A valid signature with a key nothing binds to the issuer (a VC-JWT's embedded
            // key): a registry entry for the issuer's id says nothing about who signed.
            assertThat(listed.level()).isEqualTo(Level.SIGNATURE_ONLY);
            assertThat(listed.explanation()).contains("nothing shows that its key belongs to");
        } else {
            assertThat(listed.level()).as(listed.toString()).isEqualTo(unlisted.level());
            assertThat(listed.title()).isEqualTo(unlisted.title());
        }
    }

    private static VerificationReport verify(Vector vector, boolean listEveryIssuer) {
        var builder = VectorConformanceTest.builderFor(vector, vector.needs(Vector.BARE_DID));
        if (listEveryIssuer) {
            builder.registry(
                    id ->
                            Optional.of(
                                    new KnownIssuer(
                                            id,
                                            "Listed issuer",
                                            Optional.empty(),
                                            Optional.empty(),
                                            "Test registry")));
        }
        return builder.build().verify(vector.bytes(), VerifyOptions.DEFAULT);
    }

    /**
     * The level the reference verdict's finding deserves; empty where Credence differs from the
     * reference on purpose (see {@link VectorConformanceTest#EXPECTED_DIFFERENCES}) or the
     * reference verdict names no single finding.
     */
    private static Optional<Level> expectedLevel(Vector vector, VerificationReport report) {
        if (VectorConformanceTest.EXPECTED_DIFFERENCES.containsKey(vector.file())) {
            return Optional.empty();
        }
        String verdict = vector.referenceVerdict().split(" ")[0];
        boolean revoked =
                report.check(CheckName.STATUS)
                        .filter(check -> check.isFailed() && check.code().equals("REVOKED"))
                        .isPresent();
        return switch (verdict) {
            case "INVALID_PROOF", "INVALID_SIGNATURE" -> Optional.of(Level.CHANGED);
            case "REVOKED" -> Optional.of(Level.REVOKED);
            // Revoked and expired: the issuer's withdrawal is the graver finding.
            case "EXPIRED" -> Optional.of(revoked ? Level.REVOKED : Level.EXPIRED);
            case "NO_PROOF",
                    "NO_KEY_IN_JOSE_HEADER",
                    "NOT_YET_VALID",
                    "JSONLD_SAFE_MODE_ERROR",
                    "REJECTED_RDFC_WORK_LIMIT",
                    "PROOF_OK_ISSUER_NOT_KEY_CONTROLLER",
                    "PROOF_OK_VC_DATA_MODEL_ERROR",
                    "SIGNATURE_OK_BUT_CLAIMS_FAIL" ->
                    Optional.of(Level.FAILED);
            case "PROOF_OK_STATUS_UNSUPPORTED", "PROOF_OK_STATUS_UNVERIFIABLE_OFFLINE" ->
                    Optional.of(Level.COULD_NOT_CHECK);
            default -> Optional.empty();
        };
    }
}
