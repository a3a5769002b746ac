package org.credence.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.credence.cli.VerifierFactory;
import org.credence.core.Verifier;
import org.credence.core.json.JsonInput;
import org.credence.core.verify.VerifyOptions;
import org.credence.server.TestServer;
import org.credence.testing.Vectors;
import org.credence.testing.Vectors.Vector;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public vector of the manifest through the web API ({@code POST /verify} of a real server)
 * reaches the same verdict as the verifier {@code credence verify} builds without offline options
 * ({@link VerifierFactory.Settings#offline()}), at the same moment.
 */
class WebCliParityTest {

    /** Above the anti-abuse default: every vector is sent from one address at once. */
    private static final double VERIFY_PER_SECOND = 1_000;

    private static String contentType(String file) {
        if (file.endsWith(".png")) {
            return "image/png";
        }
        if (file.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (file.endsWith(".jwt")) {
            return "application/vc+jwt";
        }
        return "application/json";
    }

    private static String webVerdict(TestServer server, Vector vector) {
        HttpResponse<String> response =
                server.send(
                        HttpRequest.newBuilder(server.uri("/verify"))
                                .header("Content-Type", contentType(vector.file()))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(vector.bytes())));
        assertThat(response.statusCode()).as(vector.file()).isIn(200, 400);
        return JsonInput.DEFAULT
                .parseObject(response.body())
                .getJsonObject("credence")
                .getString("verdict");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.credence.testing.db.TestDatabases#engines")
    void should_reach_the_cli_verdict_for_every_vector_through_post_verify(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase, VERIFY_PER_SECOND)) {
            // GIVEN
            Verifier cli =
                    VerifierFactory.create(VerifierFactory.Settings.offline(), Clock.systemUTC());
            Map<String, String> web = new TreeMap<>();
            Map<String, String> expected = new TreeMap<>();

            // WHEN
            for (Vector vector : Vectors.all()) {
                expected.put(
                        vector.file(),
                        cli.verify(vector.bytes(), VerifyOptions.DEFAULT).verdict().name());
                web.put(vector.file(), webVerdict(server, vector));
            }

            // THEN
            assertThat(web).hasSize(Vectors.all().size()).isEqualTo(expected);
            assertThat(expected.values())
                    .as("the vectors cover every verdict")
                    .contains("VERIFIED", "FAILED", "COULD_NOT_CHECK");
        }
    }
}
