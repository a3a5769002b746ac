package org.credence.server.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.credence.app.db.DatabaseSettings;
import org.credence.app.delivery.SmtpSettings;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.MasterKey;
import org.credence.app.verification.AllowedHost;
import org.credence.app.verification.RegistryFiles;

/**
 * An installation's settings: where the data lives, its public URL and port, the master key that
 * seals signing keys, and the mail server. Read from environment variables ({@code
 * CREDENCE_DATABASE_URL} …) over an optional properties file (the same names, or their dotted
 * lowercase form {@code credence.database.url}) over the defaults: an embedded H2 database in the
 * data directory, {@code http://localhost:<port>}, and a master key generated once into {@code
 * <data-dir>/master.key}. A PostgreSQL installation must be given its master key, since several
 * nodes share it.
 *
 * @param database the database
 * @param baseUrl the public base URL (no path)
 * @param port the HTTP port (0: any free port)
 * @param dataDirectory where the embedded database and generated key live
 * @param masterKey the key that encrypts signing keys at rest
 * @param smtp the mail server, if configured
 * @param jobLease how long a background job's worker may go without a heartbeat before another node
 *     (or this one, restarted) takes the job over ({@code CREDENCE_JOB_LEASE_SECONDS}, 30)
 * @param verifyPerSecond the verification rate limit ({@code CREDENCE_VERIFY_PER_SECOND})
 * @param fetchAllowHosts host:port pairs the verifier may fetch from although they are private or
 *     loopback, for tests only ({@code CREDENCE_FETCH_ALLOW_HOSTS}, comma-separated; none)
 * @param trustRegistries issuer registry files in the DCC format, most authoritative first ({@code
 *     CREDENCE_TRUST_REGISTRY}, comma-separated paths; none)
 * @param operatorEmails the account e-mails of the installation's operators, who vet issuers
 *     ({@code CREDENCE_OPERATOR_EMAILS}, comma-separated; none)
 */
public record CredenceConfig(
        DatabaseSettings database,
        DidWebHost baseUrl,
        int port,
        Path dataDirectory,
        MasterKey masterKey,
        Optional<SmtpSettings> smtp,
        Duration jobLease,
        double verifyPerSecond,
        List<AllowedHost> fetchAllowHosts,
        List<Path> trustRegistries,
        List<String> operatorEmails) {

    public static final String MASTER_KEY_FILE = "master.key";

    public CredenceConfig {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(jobLease, "jobLease");
        fetchAllowHosts = List.copyOf(fetchAllowHosts);
        trustRegistries = List.copyOf(trustRegistries);
        operatorEmails = List.copyOf(operatorEmails);
    }

    /** Whether cookies must be {@code Secure} (the public URL is https). */
    public boolean secureCookies() {
        return baseUrl.baseUrl().getScheme().equalsIgnoreCase("https");
    }

    /**
     * Loads the settings.
     *
     * @param file a properties file, if given
     * @param environment the environment variables (e.g. {@code System.getenv()})
     * @param overrides settings from the command line by variable name (e.g. {@code
     *     CREDENCE_PORT}), which win over both
     * @throws ConfigException naming the first invalid setting
     */
    public static CredenceConfig load(
            Optional<Path> file, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>();
        file.ifPresent(path -> settings.putAll(readFile(path)));
        environment.forEach(
                (name, value) -> {
                    if (name.startsWith("CREDENCE_")) {
                        settings.put(name, value);
                    }
                });
        settings.putAll(overrides);
        return new Loader(settings).load();
    }

    private static Map<String, String> readFile(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("--config", "cannot read " + path + ": " + e.getMessage(), e);
        }
        Map<String, String> settings = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            String key =
                    name.startsWith("credence.")
                            ? name.toUpperCase(Locale.ROOT).replace('.', '_')
                            : name;
            settings.put(key, properties.getProperty(name).strip());
        }
        return settings;
    }

    /** Reads and checks one set of settings. */
    private record Loader(Map<String, String> settings) {

        CredenceConfig load() {
            int port = integer("CREDENCE_PORT", 8080, 0, 65535);
            Path dataDirectory = dataDirectory();
            Optional<String> databaseUrl = text("CREDENCE_DATABASE_URL");
            DatabaseSettings database = database(databaseUrl, dataDirectory);
            DidWebHost baseUrl = baseUrl(port);
            MasterKey masterKey =
                    text("CREDENCE_MASTER_KEY")
                            .map(Loader::masterKey)
                            .orElseGet(() -> generatedKey(databaseUrl, dataDirectory));
            return new CredenceConfig(
                    database,
                    baseUrl,
                    port,
                    dataDirectory,
                    masterKey,
                    smtp(),
                    Duration.ofSeconds(integer("CREDENCE_JOB_LEASE_SECONDS", 30, 2, 3600)),
                    integer("CREDENCE_VERIFY_PER_SECOND", 10, 1, 1_000_000),
                    allowHosts(),
                    registries(),
                    operators());
        }

        private List<String> list(String name) {
            return text(name).stream()
                    .flatMap(value -> Arrays.stream(value.split(",")))
                    .map(String::strip)
                    .filter(item -> !item.isEmpty())
                    .toList();
        }

        private List<AllowedHost> allowHosts() {
            try {
                return list("CREDENCE_FETCH_ALLOW_HOSTS").stream().map(AllowedHost::parse).toList();
            } catch (IllegalArgumentException e) {
                throw new ConfigException("CREDENCE_FETCH_ALLOW_HOSTS", e.getMessage(), e);
            }
        }

        /** Operators are named by account e-mail; anything else is a typo that would vet nobody. */
        private List<String> operators() {
            List<String> emails = list("CREDENCE_OPERATOR_EMAILS");
            for (String email : emails) {
                if (!email.matches("[^@\\s]+@[^@\\s]+")) {
                    throw new ConfigException(
                            "CREDENCE_OPERATOR_EMAILS", "not an e-mail address: " + email);
                }
            }
            return emails;
        }

        /** The registry files, each read once here so that a bad file stops the start. */
        private List<Path> registries() {
            List<Path> files = list("CREDENCE_TRUST_REGISTRY").stream().map(Path::of).toList();
            try {
                RegistryFiles.read(files);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("CREDENCE_TRUST_REGISTRY", e.getMessage(), e);
            }
            return files;
        }

        private Optional<String> text(String name) {
            return Optional.ofNullable(settings.get(name))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty());
        }

        private int integer(String name, int fallback, int min, int max) {
            Optional<String> value = text(name);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                int number = Integer.parseInt(value.get());
                if (number < min || number > max) {
                    throw new ConfigException(name, "must be between " + min + " and " + max);
                }
                return number;
            } catch (NumberFormatException e) {
                throw new ConfigException(name, "not a number: " + value.get(), e);
            }
        }

        private Path dataDirectory() {
            String value = text("CREDENCE_DATA_DIR").orElse("credence-data");
            try {
                return Path.of(value).toAbsolutePath();
            } catch (RuntimeException e) {
                throw new ConfigException("CREDENCE_DATA_DIR", "not a path: " + value, e);
            }
        }

        private DatabaseSettings database(Optional<String> url, Path dataDirectory) {
            if (url.isEmpty()) {
                return DatabaseSettings.embedded(dataDirectory);
            }
            try {
                return new DatabaseSettings(
                        url.get(),
                        text("CREDENCE_DATABASE_USER").orElse(""),
                        text("CREDENCE_DATABASE_PASSWORD").orElse(""),
                        integer("CREDENCE_DATABASE_POOL_SIZE", 10, 1, 500));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("CREDENCE_DATABASE_URL", e.getMessage(), e);
            }
        }

        private DidWebHost baseUrl(int port) {
            String fallback = port == 0 ? "http://localhost" : "http://localhost:" + port;
            String value = text("CREDENCE_BASE_URL").orElse(fallback);
            try {
                return new DidWebHost(new URI(value));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new ConfigException("CREDENCE_BASE_URL", e.getMessage(), e);
            }
        }

        private static MasterKey masterKey(String value) {
            try {
                return MasterKey.fromBase64(value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(
                        "CREDENCE_MASTER_KEY",
                        "must be 32 bytes in base64 (" + e.getMessage() + ")",
                        e);
            }
        }

        private static MasterKey generatedKey(Optional<String> databaseUrl, Path dataDirectory) {
            if (databaseUrl.isPresent()) {
                throw new ConfigException(
                        "CREDENCE_MASTER_KEY",
                        "required with CREDENCE_DATABASE_URL (every server node must use the same"
                                + " key; generate one with `openssl rand -base64 32`)");
            }
            try {
                return MasterKeyFile.readOrCreate(
                        dataDirectory.resolve(MASTER_KEY_FILE), new SecureRandom());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(
                        "CREDENCE_MASTER_KEY",
                        dataDirectory.resolve(MASTER_KEY_FILE) + " is not a valid key",
                        e);
            }
        }

        private Optional<SmtpSettings> smtp() {
            Optional<String> host = text("CREDENCE_SMTP_HOST");
            if (host.isEmpty()) {
                return Optional.empty();
            }
            String from =
                    text("CREDENCE_SMTP_FROM")
                            .orElseThrow(
                                    () ->
                                            new ConfigException(
                                                    "CREDENCE_SMTP_FROM",
                                                    "required with CREDENCE_SMTP_HOST"));
            if (!from.matches("[^@\\s]+@[^@\\s]+")) {
                throw new ConfigException("CREDENCE_SMTP_FROM", "not an e-mail address: " + from);
            }
            String startTls =
                    text("CREDENCE_SMTP_STARTTLS").orElse("true").toLowerCase(Locale.ROOT);
            if (!startTls.equals("true") && !startTls.equals("false")) {
                throw new ConfigException("CREDENCE_SMTP_STARTTLS", "must be true or false");
            }
            return Optional.of(
                    new SmtpSettings(
                            host.get(),
                            integer("CREDENCE_SMTP_PORT", 587, 1, 65535),
                            text("CREDENCE_SMTP_USERNAME"),
                            text("CREDENCE_SMTP_PASSWORD").orElse(""),
                            from,
                            text("CREDENCE_SMTP_FROM_NAME").orElse("Credence"),
                            Boolean.parseBoolean(startTls),
                            Duration.ofSeconds(10),
                            Duration.ofSeconds(30)));
        }
    }
}
