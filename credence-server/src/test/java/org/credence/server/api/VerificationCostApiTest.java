package org.credence.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.credence.core.json.Jsons;
import org.credence.server.TestServer;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9, point 1, against the real server: wide credentials (30,000 results, 1.2 MB) sent to the
 * public {@code POST /credentials/verify} in parallel with ordinary ones are refused as
 * TOO_COMPLEX, and the ordinary ones still verify. Before the complexity limits each wide request
 * held a server thread for minutes; the timeout is a hang guard, not a timing assertion.
 */
class VerificationCostApiTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);
    private static final int HOSTILE = 4;
    private static final int ORDINARY = 8;

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_wide_credentials_as_too_complex_while_ordinary_ones_still_verify(
            TestDatabase testDatabase) throws Exception {
        try (TestServer server = TestServer.start(testDatabase, 10_000)) {
            // GIVEN
            VcApiTest.World world = VcApiTest.world(server, "cost");
            JsonObject ordinary = world.issue();
            String ordinaryBody = body(ordinary);
            String hostileBody = body(widened(ordinary, 30_000));
            assertThat(hostileBody.length()).isGreaterThan(1_000_000);

            // WHEN hostile and ordinary requests arrive together
            ExecutorService clients = Executors.newFixedThreadPool(HOSTILE + ORDINARY);
            List<Future<HttpResponse<String>>> hostile = new ArrayList<>();
            List<Future<HttpResponse<String>>> plain = new ArrayList<>();
            try {
                for (int i = 0; i < Math.max(HOSTILE, ORDINARY); i++) {
                    if (i < HOSTILE) {
                        hostile.add(clients.submit(() -> verify(server, hostileBody)));
                    }
                    if (i < ORDINARY) {
                        plain.add(clients.submit(() -> verify(server, ordinaryBody)));
                    }
                }
                List<HttpResponse<String>> hostileAnswers = answers(hostile);
                List<HttpResponse<String>> plainAnswers = answers(plain);

                // THEN
                assertThat(hostileAnswers)
                        .allSatisfy(
                                response -> {
                                    assertThat(response.statusCode())
                                            .as(response.body())
                                            .isEqualTo(400);
                                    JsonObject result = VcApiTest.json(response);
                                    assertThat(result.getBoolean("verified")).isFalse();
                                    JsonObject error =
                                            result.getJsonArray("errors").getJsonObject(0);
                                    assertThat(error.getString("code")).isEqualTo("TOO_COMPLEX");
                                    assertThat(
                                                    result.getJsonObject("credence")
                                                            .getString("verdict"))
                                            .isEqualTo("COULD_NOT_CHECK");
                                });
                assertThat(plainAnswers)
                        .allSatisfy(
                                response -> {
                                    assertThat(response.statusCode())
                                            .as(response.body())
                                            .isEqualTo(200);
                                    assertThat(VcApiTest.json(response).getBoolean("verified"))
                                            .isTrue();
                                });
            } finally {
                clients.shutdownNow();
            }
        }
    }

    private static List<HttpResponse<String>> answers(List<Future<HttpResponse<String>>> futures) {
        return assertTimeoutPreemptively(
                HANG_GUARD,
                () -> {
                    List<HttpResponse<String>> answers = new ArrayList<>();
                    for (Future<HttpResponse<String>> future : futures) {
                        answers.add(future.get());
                    }
                    return answers;
                });
    }

    private static HttpResponse<String> verify(TestServer server, String body) {
        return server.api("POST", "/credentials/verify", null, body);
    }

    private static String body(JsonObject credential) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("verifiableCredential", credential)
                .build()
                .toString();
    }

    /** The signed credential with {@code count} Result objects added to its subject. */
    private static JsonObject widened(JsonObject credential, int count) {
        JsonArrayBuilder results = Jsons.PROVIDER.createArrayBuilder();
        for (int i = 0; i < count; i++) {
            results.add(
                    Jsons.PROVIDER
                            .createObjectBuilder()
                            .add("type", Jsons.PROVIDER.createArrayBuilder().add("Result"))
                            .add("value", "v" + i));
        }
        JsonObject subject =
                Jsons.PROVIDER
                        .createObjectBuilder(credential.getJsonObject("credentialSubject"))
                        .add("result", results)
                        .build();
        return Jsons.PROVIDER
                .createObjectBuilder(credential)
                .add("credentialSubject", subject)
                .build();
    }
}
