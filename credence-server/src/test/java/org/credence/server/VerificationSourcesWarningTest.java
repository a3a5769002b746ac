package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.credence.app.verification.SafeFetcher;
import org.credence.app.verification.VerificationSources;
import org.credence.server.config.CredenceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerificationSourcesWarningTest {

    private final Logger logger = Logger.getLogger(Services.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture =
            new Handler() {
                @Override
                public void publish(LogRecord record) {
                    records.add(record);
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };

    @TempDir Path dir;

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stop() {
        logger.removeHandler(capture);
    }

    private void build(Map<String, String> env) {
        CredenceConfig config = CredenceConfig.load(Optional.empty(), env, Map.of());
        VerificationSources sources = Services.verificationSources(config, Clock.systemUTC());
        sources.network().ifPresent(SafeFetcher::close);
    }

    @Test
    void should_warn_loudly_when_fetch_allow_hosts_is_set() {
        // WHEN
        build(
                Map.of(
                        "CREDENCE_DATA_DIR",
                        dir.toString(),
                        "CREDENCE_FETCH_ALLOW_HOSTS",
                        "127.0.0.1:54321"));

        // THEN
        assertThat(records)
                .singleElement()
                .satisfies(
                        record -> {
                            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
                            assertThat(record.getMessage())
                                    .contains("CREDENCE_FETCH_ALLOW_HOSTS")
                                    .contains("127.0.0.1:54321")
                                    .contains("tests only");
                        });
    }

    @Test
    void should_not_warn_when_no_host_is_allowed() {
        // WHEN
        build(Map.of("CREDENCE_DATA_DIR", dir.toString()));

        // THEN
        assertThat(records).isEmpty();
    }
}
