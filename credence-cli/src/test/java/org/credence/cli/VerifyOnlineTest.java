package org.credence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code credence verify --online} fetches with the server's safe fetcher, and only then. */
class VerifyOnlineTest {

    @TempDir Path directory;

    @Test
    void should_fetch_only_when_online_and_never_from_a_link_local_address() {
        // GIVEN the address of a hosted badge on the cloud metadata address
        CliRunner cli = new CliRunner(directory);
        cli.write("address.txt", "http://169.254.169.254/latest/badge.json");

        // WHEN
        CliRunner.Run offline = cli.run("verify", cli.file("address.txt"));
        CliRunner.Run online = cli.run("verify", "--online", cli.file("address.txt"));

        // THEN offline it is not fetched; online the safe fetcher refuses it, saying why
        assertThat(offline.exitCode()).isEqualTo(2);
        assertThat(offline.out() + offline.err()).contains("give --online to fetch");
        assertThat(online.exitCode()).isEqualTo(2);
        assertThat(online.out() + online.err())
                .contains("169.254.169.254 is a link-local address")
                .doesNotContain("VERIFIED");
    }
}
