package org.credence.core.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.credence.core.did.CompositeResolver;
import org.credence.core.did.ResolutionError;
import org.credence.core.did.ResolutionException;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every public VC-JWT vector and compares with the manifest's reference verdict. */
class VcJwtVectorsTest {

    private static final Path VECTORS =
            Path.of("../credence-testing/src/main/resources/org/credence/testing/vectors");
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String CLAIMS_FAIL = "SIGNATURE_OK_BUT_CLAIMS_FAIL";

    private final VcJwtVerifier verifier =
            new VcJwtVerifier(
                    CompositeResolver.standard(
                            url -> {
                                throw new ResolutionException(
                                        ResolutionError.NETWORK_UNAVAILABLE, "offline: " + url);
                            }),
                    CLOCK);

    static Stream<String> jwtVectors() throws IOException {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(manifest()))) {
            return reader.readArray().stream()
                    .map(JsonObject.class::cast)
                    .filter(entry -> entry.getString("file").endsWith(".jwt"))
                    .map(
                            entry ->
                                    entry.getString("file")
                                            + " => "
                                            + entry.getString("referenceVerdict"))
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jwtVectors")
    void should_reach_the_reference_verdict_when_verifying_a_public_vector(String vector)
            throws IOException {
        // GIVEN
        String[] fileAndVerdict = vector.split(" => ", 2);
        String verdict = fileAndVerdict[1];
        String jwt = Files.readString(VECTORS.resolve(fileAndVerdict[0]));

        // WHEN
        JwtVerification result = verifier.verify(jwt);

        // THEN
        assertThat(result.check(CheckName.SYNTAX)).map(Check::status).contains(CheckStatus.PASSED);
        Check proof = result.check(CheckName.PROOF).orElseThrow();
        if (verdict.equals("VALID")) {
            assertThat(result.checks()).allMatch(check -> check.status() == CheckStatus.PASSED);
            assertThat(result.isVerified()).isTrue();
        } else if (verdict.startsWith(CLAIMS_FAIL)) {
            assertThat(proof.status()).isEqualTo(CheckStatus.PASSED);
            assertThat(result.failures()).containsExactlyInAnyOrderElementsOf(listedIn(verdict));
        } else if (verdict.startsWith("UNVERIFIABLE_OFFLINE")) {
            assertThat(proof.status()).isEqualTo(CheckStatus.COULD_NOT_CHECK);
            assertThat(proof.code()).isEqualTo("UNSUPPORTED_METHOD");
        } else {
            assertThat(proof.status()).isEqualTo(CheckStatus.FAILED);
            assertThat(proof.code()).isEqualTo(verdict);
        }
    }

    private static Path manifest() {
        return VECTORS.resolve("manifest.json");
    }

    private static List<String> listedIn(String verdict) {
        String names = verdict.substring(verdict.indexOf('(') + 1, verdict.lastIndexOf(')'));
        return Arrays.stream(names.split(",")).map(String::strip).toList();
    }
}
