package org.credence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoAndLauncherTest {

    @TempDir Path directory;

    @Test
    void should_verify_then_show_revoked_when_demo_runs() {
        // GIVEN
        CliRunner cli = new CliRunner(directory);

        // WHEN
        CliRunner.Run demo = cli.run("demo", "--dir", cli.file("demo"));

        // THEN
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("VERIFIED (png)", "FAILED (png)", "✗ status [REVOKED]");
        assertThat(cli.path("demo/badge-baked.png")).isRegularFile();
        assertThat(cli.path("demo/status-list.json")).isRegularFile();
    }

    @Test
    void should_reuse_key_when_demo_runs_twice() {
        // GIVEN
        CliRunner cli = new CliRunner(directory);
        cli.run("demo", "--dir", cli.file("demo"));

        // WHEN
        CliRunner.Run again = cli.run("demo", "--dir", cli.file("demo"));

        // THEN
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Reusing the issuer key");
    }

    @Test
    void should_be_executable_when_launcher_is_checked_out() {
        // GIVEN
        Path launcher = Path.of("..", "credence");

        // WHEN
        boolean executable = Files.isExecutable(launcher);

        // THEN
        assertThat(executable).isTrue();
    }
}
