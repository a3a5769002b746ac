package org.credence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.credence.core.Issuer;
import org.credence.core.crypto.KeyFile;
import org.credence.core.json.JsonInput;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.model.ClrCredentialFactory;
import org.credence.core.model.ClrRequest;
import org.credence.core.model.Profile;
import org.credence.core.model.Recipient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FragmentKeyTest {

    private static final String CONTROLLER = "https://issuer.example.org/keys";
    private static final Clock CLOCK = Clock.fixed(CliRunner.NOW, ZoneOffset.UTC);

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

    @Test
    void should_apply_the_fragment_key_fallback_to_the_credentials_inside_a_clr() {
        // GIVEN a CLR by the same unreachable issuer holding a JSON credential and a VC-JWT
        CliRunner.Run jwt =
                cli.run(
                        "issue",
                        "--key",
                        cli.file("key.json"),
                        "--achievement",
                        cli.file("achievement.json"),
                        "--recipient-id",
                        "did:example:learner",
                        "--format",
                        "jwt",
                        "--out",
                        cli.file("c.jwt"));
        assertThat(jwt.exitCode()).as(jwt.err()).isZero();
        KeyFile key = KeyFile.read(cli.read("key.json"));
        JsonObject clr =
                new Issuer(key, Canonicalizer.standard(), CLOCK)
                        .sign(
                                new ClrCredentialFactory(CLOCK, new SecureRandom())
                                        .unsigned(
                                                ClrRequest.of(
                                                        "urn:uuid:7d3f1a2b-0c4d-4e5f-8a6b-9c0d1e2f3a4b",
                                                        Profile.of(
                                                                Json.createObjectBuilder()
                                                                        .add("id", CONTROLLER)
                                                                        .add("type", "Profile")
                                                                        .add("name", "Registrar")
                                                                        .build()),
                                                        "Transcript",
                                                        Recipient.ofId("did:example:learner"),
                                                        List.of(
                                                                JsonInput.DEFAULT.parseObject(
                                                                        cli.read("c.json")),
                                                                Json.createValue(
                                                                        cli.read("c.jwt")
                                                                                .strip())))));
        cli.write("clr.json", clr.toString());

        // WHEN
        CliRunner.Run strict = cli.run("verify", cli.file("clr.json"));
        CliRunner.Run lenient = cli.run("verify", cli.file("clr.json"), "--fragment-key");

        // THEN the fallback reaches the nested credentials: all three verify
        assertThat(strict.exitCode()).as(strict.out()).isEqualTo(2);
        assertThat(lenient.exitCode()).as(lenient.out()).isZero();
        assertThat(lenient.out())
                .startsWith("VERIFIED")
                .contains("2 nested credential(s): all verified")
                .doesNotContain("COULD NOT CHECK");
    }
}
