package org.credence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BakeAndStatusListTest {

    private static final String LIST_URL = "https://issuer.example.org/status/7";
    private static final String SVG =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\">"
                    + "<circle cx=\"32\" cy=\"32\" r=\"30\" fill=\"gold\"/></svg>";

    @TempDir Path directory;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(directory);
        cli.keyAndAchievement("Data literacy");
    }

    @Test
    void should_unbake_and_verify_when_credential_baked_into_png() throws Exception {
        // GIVEN
        issue("--out", cli.file("credential.json"));
        Files.write(cli.path("badge.png"), BadgeImage.png());

        // WHEN
        CliRunner.Run bake = bake("badge.png", "credential.json", "baked.png");
        CliRunner.Run unbake = cli.run("unbake", cli.file("baked.png"));
        CliRunner.Run verify = cli.run("verify", cli.file("baked.png"), "--json");

        // THEN
        assertThat(bake.exitCode()).as(bake.err()).isZero();
        assertThat(unbake.out().strip()).isEqualTo(cli.read("credential.json").strip());
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).contains("\"format\": \"png\"", "\"verdict\": \"VERIFIED\"");
    }

    @Test
    void should_unbake_and_verify_when_jwt_baked_into_svg() {
        // GIVEN
        issue("--format", "jwt", "--out", cli.file("credential.jwt"));
        cli.write("badge.svg", SVG);

        // WHEN
        CliRunner.Run bake = bake("badge.svg", "credential.jwt", "baked.svg");
        CliRunner.Run unbake = cli.run("unbake", cli.file("baked.svg"));
        CliRunner.Run verify = cli.run("verify", cli.file("baked.svg"), "--json");

        // THEN
        assertThat(bake.exitCode()).as(bake.err()).isZero();
        assertThat(unbake.out().strip()).isEqualTo(cli.read("credential.jwt").strip());
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("\"format\": \"svg\"");
    }

    @Test
    void should_exit_2_when_unbaking_an_image_without_credential() {
        // GIVEN
        cli.write("plain.svg", SVG);

        // WHEN
        CliRunner.Run unbake = cli.run("unbake", cli.file("plain.svg"));

        // THEN
        assertThat(unbake.exitCode()).isEqualTo(2);
        assertThat(unbake.out()).isEmpty();
        assertThat(unbake.err()).contains("plain.svg");
    }

    @Test
    void should_report_status_when_list_is_created_set_and_checked() {
        // GIVEN
        createList();

        // WHEN
        CliRunner.Run before =
                cli.run("status-list", "check", cli.file("list.json"), "--index", "5");
        CliRunner.Run set = setStatus("5", "true");
        CliRunner.Run after =
                cli.run("status-list", "check", cli.file("list.json"), "--index", "5");
        CliRunner.Run other =
                cli.run("status-list", "check", cli.file("list.json"), "--index", "6");

        // THEN
        assertThat(before.out().strip()).isEqualTo("false");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(after.out().strip()).isEqualTo("true");
        assertThat(other.out().strip()).isEqualTo("false");
    }

    @Test
    void should_verify_signed_list_when_created_and_updated() {
        // GIVEN
        createList();
        setStatus("5", "true");

        // WHEN
        CliRunner.Run verify = cli.run("verify", cli.file("list.json"));

        // THEN
        assertThat(verify.exitCode()).as(verify.out()).isZero();
    }

    @Test
    void should_fail_as_revoked_when_status_bit_is_set() {
        // GIVEN
        createList();
        issue("--status-list", LIST_URL, "--status-index", "5", "--out", cli.file("c.json"));
        setStatus("5", "true");
        writeFixture();

        // WHEN
        CliRunner.Run verify =
                cli.run("verify", cli.file("c.json"), "--fixtures", cli.file("fixtures"), "--json");

        // THEN
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("\"code\": \"REVOKED\"");
    }

    @Test
    void should_verify_when_status_bit_is_cleared_again() {
        // GIVEN
        createList();
        issue("--status-list", LIST_URL, "--status-index", "5", "--out", cli.file("c.json"));
        setStatus("5", "true");
        setStatus("5", "false");
        writeFixture();

        // WHEN
        CliRunner.Run verify =
                cli.run("verify", cli.file("c.json"), "--fixtures", cli.file("fixtures"));

        // THEN
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("✓ status [OK]");
    }

    @Test
    void should_exit_2_with_could_not_check_when_list_is_not_available() {
        // GIVEN
        issue("--status-list", LIST_URL, "--status-index", "5", "--out", cli.file("c.json"));

        // WHEN
        CliRunner.Run verify = cli.run("verify", cli.file("c.json"));

        // THEN
        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.out()).startsWith("COULD NOT CHECK").contains("? status");
    }

    @Test
    void should_refuse_update_when_key_is_not_the_list_issuer() {
        // GIVEN
        createList();
        cli.run("keygen", "--out", cli.file("other-key.json"));

        // WHEN
        CliRunner.Run set =
                cli.run(
                        "status-list",
                        "set",
                        cli.file("list.json"),
                        "--key",
                        cli.file("other-key.json"),
                        "--index",
                        "5");

        // THEN
        assertThat(set.exitCode()).isEqualTo(2);
        assertThat(set.err()).contains("the list was issued by");
    }

    private void createList() {
        CliRunner.Run create =
                cli.run(
                        "status-list",
                        "create",
                        "--key",
                        cli.file("key.json"),
                        "--id",
                        LIST_URL,
                        "--out",
                        cli.file("list.json"));
        assertThat(create.exitCode()).as(create.err()).isZero();
    }

    private CliRunner.Run setStatus(String index, String value) {
        return cli.run(
                "status-list",
                "set",
                cli.file("list.json"),
                "--key",
                cli.file("key.json"),
                "--index",
                index,
                "--value",
                value);
    }

    private void writeFixture() {
        try {
            Files.createDirectories(cli.path("fixtures"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        cli.write(
                "fixtures/list.json",
                "{\"url\": \"" + LIST_URL + "\", \"document\": " + cli.read("list.json") + "}");
    }

    private CliRunner.Run bake(String image, String credential, String out) {
        return cli.run(
                "bake",
                "--image",
                cli.file(image),
                "--credential",
                cli.file(credential),
                "--out",
                cli.file(out));
    }

    private void issue(String... extra) {
        String[] base = {
            "issue",
            "--key",
            cli.file("key.json"),
            "--achievement",
            cli.file("achievement.json"),
            "--recipient-email",
            "learner@example.org"
        };
        String[] arguments = new String[base.length + extra.length];
        System.arraycopy(base, 0, arguments, 0, base.length);
        System.arraycopy(extra, 0, arguments, base.length, extra.length);
        CliRunner.Run issue = cli.run(arguments);
        assertThat(issue.exitCode()).as(issue.err()).isZero();
    }
}
