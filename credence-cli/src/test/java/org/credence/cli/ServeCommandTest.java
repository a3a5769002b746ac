package org.credence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

    private static final Pattern URL = Pattern.compile("running at (http://localhost:\\d+)");
    private static final Pattern CREDENTIAL =
            Pattern.compile("Demo credential: \\S+/credentials/([0-9a-f-]{36})");
    private static final Pattern TOKEN = Pattern.compile("Demo API token \\(owner\\): (cred_\\S+)");

    @TempDir Path dataDirectory;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void should_serve_the_demo_organisation_and_reuse_it_when_run_again() throws Exception {
        // WHEN
        String first = serveOnce();
        String second = serveOnce();

        // THEN
        assertThat(first).contains("sign in as owner@demo.credence.example with password ");
        assertThat(token(second)).isEqualTo(token(first));
        assertThat(dataDirectory.resolve("master.key")).exists();
        assertThat(dataDirectory.resolve("credence.mv.db")).exists();
    }

    @Test
    void should_refuse_to_start_when_a_setting_is_invalid() {
        // WHEN
        StringWriter err = new StringWriter();
        CommandLine commandLine = CredenceCli.commandLine(environment());
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode =
                commandLine.execute(
                        "serve", "--port", "70000", "--data-dir", dataDirectory.toString());

        // THEN
        assertThat(exitCode).isEqualTo(ExitCodes.COULD_NOT_CHECK_OR_INPUT_ERROR);
        assertThat(err.toString()).contains("CREDENCE_PORT: must be between 0 and 65535");
    }

    /**
     * Runs `serve --port 0 --demo`, checks `/` and `/api/v1/me`, stops; returns what it printed.
     */
    private String serveOnce() throws Exception {
        ServeCommand command = new ServeCommand(environment(), Map.of());
        new CommandLine(command)
                .parseArgs("--port", "0", "--data-dir", dataDirectory.toString(), "--demo");
        StringWriter out = new StringWriter();
        try (ServeCommand.Running running = command.start(new PrintWriter(out, true))) {
            Matcher url = URL.matcher(out.toString());
            assertThat(url.find()).as(out.toString()).isTrue();
            assertThat(running.url()).isEqualTo(url.group(1));

            HttpResponse<String> landing =
                    client.send(
                            HttpRequest.newBuilder(URI.create(url.group(1) + "/")).build(),
                            HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> me =
                    client.send(
                            HttpRequest.newBuilder(URI.create(url.group(1) + "/api/v1/me"))
                                    .header("Authorization", "Bearer " + token(out.toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(landing.statusCode()).isEqualTo(200);
            assertThat(landing.body()).contains("Credence");
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"role\":\"owner\"", "\"name\":\"token:demo\"");
            HttpResponse<String> achievements =
                    client.send(
                            HttpRequest.newBuilder(
                                            URI.create(url.group(1) + "/api/v1/achievements"))
                                    .header("Authorization", "Bearer " + token(out.toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(achievements.body())
                    .contains(
                            "Safe Practice Foundations",
                            "Medicines Management",
                            "Interprofessional Teamwork");
            Matcher credential = CREDENTIAL.matcher(out.toString());
            assertThat(credential.find()).as(out.toString()).isTrue();
            HttpResponse<String> page =
                    client.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    url.group(1)
                                                            + "/credentials/"
                                                            + credential.group(1)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Safe Practice Foundations", "Valid");
            HttpResponse<String> revoked =
                    client.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    url.group(1)
                                                            + "/api/v1/credentials?state=revoked"))
                                    .header("Authorization", "Bearer " + token(out.toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(revoked.body()).contains("\"total\":1", "Sam Taylor");
            HttpResponse<String> suspended =
                    client.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    url.group(1)
                                                            + "/api/v1/credentials?state=suspended"))
                                    .header("Authorization", "Bearer " + token(out.toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(suspended.body()).contains("\"total\":1", "Noor Hassan");
            String medicines =
                    Json.createReader(new StringReader(achievements.body()))
                            .readArray()
                            .getValuesAs(JsonObject.class)
                            .stream()
                            .filter(item -> item.getString("name").equals("Medicines Management"))
                            .findFirst()
                            .orElseThrow()
                            .getString("id");
            HttpResponse<String> suspendable =
                    client.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    url.group(1)
                                                            + "/api/v1/achievements/"
                                                            + medicines))
                                    .header("Authorization", "Bearer " + token(out.toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(suspendable.body())
                    .contains("\"statusPolicy\":\"revocable-and-suspendable\"");
        }
        return out.toString();
    }

    private static String token(String output) {
        Matcher token = TOKEN.matcher(output);
        assertThat(token.find()).as(output).isTrue();
        return token.group(1);
    }

    private static Environment environment() {
        return new Environment(Clock.systemUTC(), new SecureRandom(), System.in);
    }
}
