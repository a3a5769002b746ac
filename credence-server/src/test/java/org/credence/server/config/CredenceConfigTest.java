package org.credence.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredenceConfigTest {

    @TempDir Path dir;

    @Test
    void should_use_the_embedded_defaults_and_generate_the_master_key_once() throws Exception {
        // WHEN
        Map<String, String> env = Map.of("CREDENCE_DATA_DIR", dir.toString(), "PATH", "/bin");
        CredenceConfig first = CredenceConfig.load(Optional.empty(), env, Map.of());
        CredenceConfig second = CredenceConfig.load(Optional.empty(), env, Map.of());

        // THEN
        Path keyFile = dir.resolve("master.key");
        assertThat(first.database().jdbcUrl()).startsWith("jdbc:h2:file:" + dir.toAbsolutePath());
        assertThat(first.port()).isEqualTo(8080);
        assertThat(first.baseUrl().base()).isEqualTo("http://localhost:8080");
        assertThat(first.secureCookies()).isFalse();
        assertThat(Files.getPosixFilePermissions(keyFile))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(second.masterKey().toBase64()).isEqualTo(first.masterKey().toBase64());
        assertThat(first.smtp()).isEmpty();
    }

    @Test
    void should_prefer_overrides_then_environment_then_file() throws Exception {
        // GIVEN
        Path file = dir.resolve("credence.properties");
        Files.writeString(
                file,
                "credence.port=9000\ncredence.base.url=https://badges.example.edu\n"
                        + "CREDENCE_SMTP_HOST=smtp.example.edu\ncredence.smtp.from=badges@example.edu\n");
        String key = Base64.getEncoder().encodeToString(new byte[32]);

        // WHEN
        CredenceConfig config =
                CredenceConfig.load(
                        Optional.of(file),
                        Map.of(
                                "CREDENCE_PORT",
                                "9100",
                                "CREDENCE_DATA_DIR",
                                dir.toString(),
                                "CREDENCE_MASTER_KEY",
                                key),
                        Map.of("CREDENCE_PORT", "9200"));

        // THEN
        assertThat(config.port()).isEqualTo(9200);
        assertThat(config.baseUrl().base()).isEqualTo("https://badges.example.edu");
        assertThat(config.secureCookies()).isTrue();
        assertThat(config.masterKey().toBase64()).isEqualTo(key);
        assertThat(config.smtp())
                .hasValueSatisfying(
                        smtp -> {
                            assertThat(smtp.port()).isEqualTo(587);
                            assertThat(smtp.startTls()).isTrue();
                        });
        assertThat(dir.resolve("master.key")).doesNotExist();
    }

    @Test
    void should_name_the_setting_when_a_value_is_invalid() {
        Map<String, String> base = Map.of("CREDENCE_DATA_DIR", dir.toString());
        assertThatThrownBy(() -> load(base, "CREDENCE_PORT", "eighty"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("CREDENCE_PORT:");
        assertThatThrownBy(() -> load(base, "CREDENCE_PORT", "70000"))
                .hasMessageStartingWith("CREDENCE_PORT:");
        assertThatThrownBy(() -> load(base, "CREDENCE_BASE_URL", "ftp://x"))
                .hasMessageStartingWith("CREDENCE_BASE_URL:");
        assertThatThrownBy(() -> load(base, "CREDENCE_MASTER_KEY", "c2hvcnQ="))
                .hasMessageStartingWith("CREDENCE_MASTER_KEY:");
        assertThatThrownBy(() -> load(base, "CREDENCE_DATABASE_URL", "jdbc:mysql://x/y"))
                .hasMessageStartingWith("CREDENCE_DATABASE_URL:");
        assertThatThrownBy(
                        () -> load(base, "CREDENCE_DATABASE_URL", "jdbc:postgresql://db/credence"))
                .hasMessageStartingWith("CREDENCE_MASTER_KEY: required");
        assertThatThrownBy(() -> load(base, "CREDENCE_SMTP_HOST", "smtp.example.edu"))
                .hasMessageStartingWith("CREDENCE_SMTP_FROM:");
    }

    private static CredenceConfig load(Map<String, String> base, String name, String value) {
        java.util.HashMap<String, String> env = new java.util.HashMap<>(base);
        env.put(name, value);
        return CredenceConfig.load(Optional.empty(), env, Map.of());
    }

    @Test
    void should_read_fetch_allow_hosts_and_trust_registries_and_name_a_bad_registry()
            throws Exception {
        // GIVEN
        Path registry = dir.resolve("members.json");
        Files.writeString(registry, "{\"registry\":{\"did:web:a.example\":{\"name\":\"A\"}}}");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[]");

        // WHEN
        CredenceConfig config =
                CredenceConfig.load(
                        Optional.empty(),
                        Map.of(
                                "CREDENCE_DATA_DIR",
                                dir.toString(),
                                "CREDENCE_FETCH_ALLOW_HOSTS",
                                "127.0.0.1:54321, http://[::1]:8443",
                                "CREDENCE_TRUST_REGISTRY",
                                registry.toString()),
                        Map.of());

        // THEN
        assertThat(config.fetchAllowHosts())
                .extracting(host -> host.host() + " " + host.port() + " " + host.plainHttp())
                .containsExactly("127.0.0.1 54321 false", "::1 8443 true");
        assertThat(config.trustRegistries()).containsExactly(registry);
        assertThatThrownBy(
                        () ->
                                CredenceConfig.load(
                                        Optional.empty(),
                                        Map.of(
                                                "CREDENCE_DATA_DIR",
                                                dir.toString(),
                                                "CREDENCE_TRUST_REGISTRY",
                                                bad.toString()),
                                        Map.of()))
                .hasMessageContaining("CREDENCE_TRUST_REGISTRY");
        assertThatThrownBy(
                        () ->
                                CredenceConfig.load(
                                        Optional.empty(),
                                        Map.of(
                                                "CREDENCE_DATA_DIR",
                                                dir.toString(),
                                                "CREDENCE_FETCH_ALLOW_HOSTS",
                                                "127.0.0.1"),
                                        Map.of()))
                .hasMessageContaining("CREDENCE_FETCH_ALLOW_HOSTS");
    }

    @Test
    void should_read_operator_emails_and_refuse_what_is_not_an_address() {
        Map<String, String> base = Map.of("CREDENCE_DATA_DIR", dir.toString());

        CredenceConfig config =
                load(base, "CREDENCE_OPERATOR_EMAILS", " ops@credence.example, Ada@Example.org ,");

        assertThat(config.operatorEmails())
                .containsExactly("ops@credence.example", "Ada@Example.org");
        assertThat(load(base, "CREDENCE_PORT", "8080").operatorEmails()).isEmpty();
        assertThatThrownBy(() -> load(base, "CREDENCE_OPERATOR_EMAILS", "ops"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("CREDENCE_OPERATOR_EMAILS:");
    }
}
