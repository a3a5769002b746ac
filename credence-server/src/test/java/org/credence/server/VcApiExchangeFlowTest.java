package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.credence.app.job.MutableClock;
import org.credence.core.Holder;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyType;
import org.credence.core.json.JsonInput;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * VC-API exchanges as the DCC Learner Credential Wallet runs them, end to end over HTTP: the wallet
 * authenticates its DID against the exchange's challenge and receives the claimed credential once;
 * wrong challenges, replays and expired exchanges are refused.
 */
class VcApiExchangeFlowTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Holder HOLDER =
            Holder.of(KeyFile.generate(KeyType.ED25519, new SecureRandom()));

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_deliver_the_credential_after_did_authentication(TestDatabase testDatabase) {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try (TestServer server = TestServer.start(testDatabase, clock)) {
            // GIVEN claimed credentials in both formats and their wallet links
            VcApiWalletClient wallet = new VcApiWalletClient(server, HOLDER);
            WalletSteps.WalletLinks ldp = WalletSteps.claimedAndOffered(server, "data-integrity");
            WalletSteps.WalletLinks jwt = WalletSteps.claimedAndOffered(server, "vc-jwt");

            // WHEN the wallet follows each exchange
            JsonObject received = wallet.receive(ldp.exchangeUrl());
            JsonObject enveloped = wallet.receive(jwt.exchangeUrl());

            // THEN it gets each credential as issued, which verifies
            assertThat(ldp.lcwLink()).startsWith("https://lcw.app/request?request=");
            assertThat(ldp.exchangeUrl()).startsWith("http://localhost/exchanges/");
            String issued = server.services().credentials().document(ldp.credentialId()).text();
            assertThat(received).isEqualTo(JsonInput.DEFAULT.parseObject(issued));
            assertThat(
                            server.services()
                                    .credentials()
                                    .verify(received.toString().getBytes(StandardCharsets.UTF_8))
                                    .isVerified())
                    .isTrue();
            assertThat(enveloped.getString("type")).isEqualTo("EnvelopedVerifiableCredential");
            assertThat(enveloped.getString("id"))
                    .isEqualTo(
                            "data:application/vc+jwt,"
                                    + server.services()
                                            .credentials()
                                            .document(jwt.credentialId())
                                            .text());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_wrong_challenges_unsigned_answers_replays_and_expired_exchanges(
            TestDatabase testDatabase) {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try (TestServer server = TestServer.start(testDatabase, clock)) {
            // GIVEN an exchange the wallet has started
            VcApiWalletClient wallet = new VcApiWalletClient(server, HOLDER);
            WalletSteps.WalletLinks links = WalletSteps.claimedAndOffered(server, "data-integrity");
            String exchange = links.exchangeUrl();
            VcApiWalletClient.DidAuthRequest request = wallet.start(exchange);

            // WHEN it answers with another challenge, another domain, or no proof
            HttpResponse<String> wrongChallenge =
                    wallet.present(
                            exchange,
                            wallet.didAuthentication("not-the-challenge", request.domain()));
            HttpResponse<String> wrongDomain =
                    wallet.present(
                            exchange,
                            wallet.didAuthentication(request.challenge(), "elsewhere.example"));
            JsonObject signed = wallet.didAuthentication(request.challenge(), request.domain());
            JsonObject unsigned =
                    JsonInput.DEFAULT.parseObject(signed.toString()).entrySet().stream()
                            .filter(entry -> !entry.getKey().equals("proof"))
                            .collect(
                                    jakarta.json.Json::createObjectBuilder,
                                    (builder, entry) ->
                                            builder.add(entry.getKey(), entry.getValue()),
                                    jakarta.json.JsonObjectBuilder::addAll)
                            .build();
            HttpResponse<String> noProof = wallet.present(exchange, unsigned);

            // THEN each is refused and the exchange stays open
            assertProblem(wrongChallenge, 400, "INVALID_CHALLENGE");
            assertProblem(wrongDomain, 400, "INVALID_DOMAIN");
            assertProblem(noProof, 400, "NO_PROOF");

            // WHEN the right answer comes, then is replayed, and the exchange is started again
            HttpResponse<String> delivered = wallet.present(exchange, signed);
            HttpResponse<String> replayed = wallet.present(exchange, signed);
            HttpResponse<String> restarted = wallet.post(exchange, "{}");

            // THEN the credential is delivered once
            assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
            assertProblem(replayed, 409, "already complete");
            assertProblem(restarted, 409, "already complete");

            // WHEN another exchange of the credential outlives its fifteen minutes, and an
            // unknown exchange is asked for
            String later = WalletSteps.publicPostWallet(server, links.claimPath());
            clock.advance(Duration.ofMinutes(15));
            HttpResponse<String> expired = wallet.post(later, "{}");
            HttpResponse<String> unknown =
                    wallet.post("http://localhost/exchanges/" + java.util.UUID.randomUUID(), "{}");

            // THEN
            assertProblem(expired, 409, "expired");
            assertThat(unknown.statusCode()).isEqualTo(404);
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/problem+json");
        assertThat(JsonInput.DEFAULT.parseObject(response.body()).getString("detail"))
                .contains(detail);
    }
}
