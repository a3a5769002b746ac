package org.credence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.credence.app.db.Database;
import org.credence.app.db.DatabaseSettings;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.MasterKey;
import org.credence.app.organization.Actor;
import org.credence.server.Services;
import org.credence.testing.db.Engine;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kills {@code credence serve} with SIGKILL in the middle of a 10,000-row bulk issue, starts it
 * again on the same database, and checks that the job finishes with every row issued exactly once:
 * one credential, one audit event and one queued e-mail per row, none twice.
 */
class BulkCrashRecoveryTest {

    private static final String BASE = "https://badges.example.edu";
    private static final int ROWS = 10_000;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.credence.testing.db.TestDatabases#engines")
    void a_bulk_issue_killed_mid_way_finishes_after_a_restart_with_every_row_issued_once(
            TestDatabase testDatabase, @TempDir Path dataDirectory) throws Exception {
        // GIVEN a demo organisation (owner token, issuer, achievements) in a fresh database
        MasterKey masterKey = MasterKey.generate(new SecureRandom());
        DemoData.Credentials demo;
        UUID issuerId;
        UUID achievementId;
        try (Services services =
                Services.of(
                        Database.open(settings(testDatabase)),
                        DidWebHost.of(BASE),
                        masterKey,
                        Clock.systemUTC())) {
            demo = DemoData.seed(services, dataDirectory, new SecureRandom());
            Actor owner = services.apiTokens().authenticate(demo.apiToken()).orElseThrow();
            issuerId = services.issuers().list(owner).get(0).id();
            achievementId = services.achievements().list(owner).get(0).id();
        }
        long[] before = new long[3];
        try (Database database = Database.open(settings(testDatabase))) {
            before[0] = count(database, "SELECT COUNT(*) FROM credentials");
            before[1] = count(database, "SELECT COUNT(*) FROM email_outbox");
            before[2] =
                    count(
                            database,
                            "SELECT COUNT(*) FROM audit_events WHERE action = 'credential.issued'");
        }
        Map<String, String> environment =
                Map.of(
                        "CREDENCE_DATABASE_URL", testDatabase.jdbcUrl(),
                        "CREDENCE_DATABASE_USER", testDatabase.user(),
                        "CREDENCE_DATABASE_PASSWORD", testDatabase.password(),
                        "CREDENCE_MASTER_KEY", masterKey.toBase64(),
                        "CREDENCE_BASE_URL", BASE,
                        "CREDENCE_JOB_LEASE_SECONDS", "5");
        int port = freePort();
        Process server = serve(environment, port, dataDirectory);
        try {
            // WHEN a 10,000-row bulk issue is uploaded and confirmed
            JsonObject report =
                    call(
                            port,
                            demo.apiToken(),
                            "POST",
                            "/api/v1/bulk-issues?issuerId="
                                    + issuerId
                                    + "&achievementId="
                                    + achievementId
                                    + "&fileName=cohort.csv",
                            "text/csv",
                            csv());
            assertThat(report.getInt("toIssue")).isEqualTo(ROWS);
            String bulk = "/api/v1/bulk-issues/" + report.getString("id");
            call(port, demo.apiToken(), "POST", bulk + "/confirm", "application/json", "{}");

            // AND the server is killed (SIGKILL) while the job runs
            JsonObject beforeKill =
                    awaitIssued(port, demo.apiToken(), bulk, 1, Duration.ofMinutes(3));
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(server.isAlive()).as("killed").isFalse();
            long issuedAtKill;
            try (Database database = Database.open(settings(testDatabase))) {
                issuedAtKill = count(database, "SELECT issued_count FROM bulk_issues");
            }
            assertThat(issuedAtKill).as("the job was interrupted").isLessThan(ROWS);
            if (testDatabase.engine() == Engine.POSTGRESQL) {
                // PostgreSQL: what the server answered was durable. (Embedded H2 may lose the
                // last moment of commits to a kill; the resumed job redoes them, checked below.)
                assertThat(issuedAtKill)
                        .as("rows issued when killed (the server had answered %s)", beforeKill)
                        .isGreaterThanOrEqualTo(beforeKill.getInt("issued"));
            }

            // AND started again on the same database
            server = serve(environment, port, dataDirectory);
            JsonObject done = awaitIssued(port, demo.apiToken(), bulk, ROWS, Duration.ofMinutes(5));

            // THEN the job finished with every row issued once
            assertThat(done.getString("state")).isEqualTo("completed");
            assertThat(done.getInt("issued")).isEqualTo(ROWS);
            assertThat(done.getInt("failed")).isZero();
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            if (server.isAlive()) {
                server.destroyForcibly();
            }
        }
        try (Database database = Database.open(settings(testDatabase))) {
            assertThat(count(database, "SELECT COUNT(*) FROM credentials") - before[0])
                    .as("credentials issued")
                    .isEqualTo(ROWS);
            assertThat(
                            count(
                                    database,
                                    "SELECT COUNT(DISTINCT idempotency_key) FROM credentials"
                                            + " WHERE idempotency_key LIKE 'csv%'"))
                    .isEqualTo(ROWS);
            assertThat(
                            count(
                                    database,
                                    "SELECT COUNT(DISTINCT credential_id) FROM bulk_issue_rows"
                                            + " WHERE state = 'issued'"))
                    .isEqualTo(ROWS);
            assertThat(count(database, "SELECT COUNT(*) FROM email_outbox")).isEqualTo(ROWS);
            assertThat(count(database, "SELECT COUNT(DISTINCT credential_id) FROM email_outbox"))
                    .isEqualTo(ROWS);
            assertThat(
                            count(
                                            database,
                                            "SELECT COUNT(*) FROM audit_events"
                                                    + " WHERE action = 'credential.issued'")
                                    - before[2])
                    .as("audit events")
                    .isEqualTo(ROWS);
        }
    }

    private static DatabaseSettings settings(TestDatabase testDatabase) {
        return new DatabaseSettings(
                testDatabase.jdbcUrl(), testDatabase.user(), testDatabase.password(), 4);
    }

    private static String csv() {
        StringBuilder csv = new StringBuilder("email,name,narrative\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("learner")
                    .append(i)
                    .append("@example.org,Learner ")
                    .append(i)
                    .append(",Completed the practical assessment\n");
        }
        return csv.toString();
    }

    private Process serve(Map<String, String> environment, int port, Path dataDirectory)
            throws IOException {
        // Logs stay in target/ for a failed run to be read.
        Path log =
                Files.createTempFile(
                        Files.createDirectories(Path.of("target", "serve-logs")), "serve-", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CredenceCli.class.getName());
        command.add("serve");
        command.add("--port");
        command.add(Integer.toString(port));
        command.add("--data-dir");
        command.add(dataDirectory.toString());
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("credence serve exited: " + Files.readString(log));
            }
            try {
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                return process;
            } catch (IOException notYet) {
                sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("credence serve did not start: " + Files.readString(log));
    }

    private JsonObject awaitIssued(
            int port, String token, String bulk, int atLeast, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            last = call(port, token, "GET", bulk, null, null);
            if (last.getInt("issued") >= atLeast
                    && (atLeast < ROWS || "completed".equals(last.getString("state")))) {
                return last;
            }
            sleep(100);
        }
        throw new AssertionError("not " + atLeast + " issued in " + timeout + ": " + last);
    }

    private JsonObject call(
            int port, String token, String method, String path, String type, String body)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", type)
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isBetween(200, 299);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static long count(Database database, String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
