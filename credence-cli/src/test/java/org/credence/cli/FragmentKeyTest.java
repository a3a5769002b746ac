package org.credence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FragmentKeyTest {

    private static final String CONTROLLER = "https://issuer.example.org/keys";

    @TempDir Path directory;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        // An issuer on an unreachable host whose method id carries its public key, as in some
        // public test vectors.
        cli = new CliRunner(directory);
        String did = cli.keyAndAchievement("Data literacy");
        String multibase = did.substring("did:key:".length());
        String key =
                cli.read("key.json")
                        .replace(
                                "\"id\":\"" + did + "#" + multibase + "\"",
                                "\"id\":\"" + CONTROLLER + "#" + multibase + "\"")
                        .replace(
                                "\"controller\":\"" + did + "\"",
                                "\"controller\":\"" + CONTROLLER + "\"");
        cli.write("key.json", key);
        CliRunner.Run issue =
                cli.run(
                        "issue",
                        "--key",
                        cli.file("key.json"),
                        "--achievement",
                        cli.file("achievement.json"),
                        "--recipient-id",
                        "did:example:learner",
                        "--out",
                        cli.file("c.json"));
        assertThat(issue.exitCode()).as(issue.err()).isZero();
    }

    @Test
    void should_not_check_when_key_host_is_unreachable() {
        // GIVEN
        String credential = cli.file("c.json");

        // WHEN
        CliRunner.Run verify = cli.run("verify", credential);

        // THEN
        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.out()).startsWith("COULD NOT CHECK");
    }

    @Test
    void should_verify_when_fragment_key_fallback_is_asked_for() {
        // GIVEN
        String credential = cli.file("c.json");

        // WHEN
        CliRunner.Run verify = cli.run("verify", credential, "--fragment-key");

        // THEN
        assertThat(verify.exitCode()).as(verify.out()).isZero();
    }
}
