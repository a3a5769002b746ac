package org.credence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code credence verify} on the Open Badges 2.0 specification's hosted example, with example.org
 * answered by {@code --fixtures} (files and provenance in credence-core's test resources).
 */
class Ob2VerifyTest {

    private static final Path EXAMPLE =
            Path.of("../credence-core/src/test/resources/ob2/spec-example");

    @TempDir Path directory;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(directory);
    }

    @Test
    void should_verify_a_hosted_ob2_assertion_when_fixtures_stand_in_for_its_issuer() {
        // WHEN
        CliRunner.Run run =
                cli.run(
                        "verify",
                        EXAMPLE.resolve("assertion.json").toString(),
                        "--fixtures",
                        EXAMPLE.resolve("fixtures").toString(),
                        "--at",
                        "2017-01-15T00:00:00Z");

        // THEN
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .startsWith("VERIFIED (ob2-hosted)")
                .contains("https://example.org/beths-robotics-badge.json");
    }

    @Test
    void should_answer_could_not_check_when_the_issuer_cannot_be_reached() {
        // WHEN
        CliRunner.Run run =
                cli.run(
                        "verify",
                        EXAMPLE.resolve("assertion.json").toString(),
                        "--at",
                        "2017-01-15T00:00:00Z",
                        "--json");

        // THEN
        assertThat(run.exitCode()).isEqualTo(ExitCodes.COULD_NOT_CHECK_OR_INPUT_ERROR);
        assertThat(run.out()).contains("\"verdict\": \"COULD_NOT_CHECK\"", "NETWORK_UNAVAILABLE");
    }
}
