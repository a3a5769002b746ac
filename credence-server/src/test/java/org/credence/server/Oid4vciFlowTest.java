package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.credence.app.job.MutableClock;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyType;
import org.credence.core.json.JsonInput;
import org.credence.core.verify.VerificationReport;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OpenID4VCI pre-authorised code flow, end to end over HTTP: a wallet client that follows the
 * protocol receives the claimed credential exactly as issued, and every secret is refused once
 * used, expired or wrong.
 */
class Oid4vciFlowTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final String ISSUER = "http://localhost";
    private static final KeyFile HOLDER = KeyFile.generate(KeyType.ED25519, new SecureRandom());

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_deliver_the_credential_as_issued_in_its_format(TestDatabase testDatabase) {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try (TestServer server = TestServer.start(testDatabase, clock)) {
            // GIVEN two claimed credentials, one per securing format
            Oid4vciWalletClient wallet = new Oid4vciWalletClient(server, HOLDER, clock);
            WalletSteps.WalletLinks ldp = WalletSteps.claimedAndOffered(server, "data-integrity");
            WalletSteps.WalletLinks jwt = WalletSteps.claimedAndOffered(server, "vc-jwt");

            // WHEN the wallet follows each offer
            Oid4vciWalletClient.Received asLdp = wallet.receive(ldp.credentialOfferUri());
            Oid4vciWalletClient.Received asJwt = wallet.receive(jwt.credentialOfferUri());

            // THEN each arrives as issued, in the offered configuration, and verifies
            assertThat(ldp.offerLink())
                    .startsWith("openid-credential-offer://?credential_offer_uri=");
            assertThat(asLdp.configurationId()).isEqualTo("OpenBadgeCredential_ldp_vc");
            String issuedLdp = server.services().credentials().document(ldp.credentialId()).text();
            assertThat(asLdp.credential()).isEqualTo(JsonInput.DEFAULT.parseObject(issuedLdp));
            assertThat(verify(server, asLdp.credential().toString()).isVerified()).isTrue();
            assertThat(asJwt.configurationId()).isEqualTo("OpenBadgeCredential_jwt_vc_json");
            String issuedJwt = server.services().credentials().document(jwt.credentialId()).text();
            assertThat(((JsonString) asJwt.credential()).getString()).isEqualTo(issuedJwt);
            assertThat(verify(server, issuedJwt).isVerified()).isTrue();
            JsonObject authorization =
                    Oid4vciWalletClient.ok(
                            wallet.get(ISSUER + "/.well-known/oauth-authorization-server"));
            assertThat(authorization.getBoolean("pre-authorized_grant_anonymous_access_supported"))
                    .isTrue();
            assertThat(authorization.getString("issuer")).isEqualTo(ISSUER);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_used_or_expired_codes_stale_nonces_bad_proofs_and_missing_tokens(
            TestDatabase testDatabase) {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try (TestServer server = TestServer.start(testDatabase, clock)) {
            // GIVEN a claimed credential offered to the wallet
            Oid4vciWalletClient wallet = new Oid4vciWalletClient(server, HOLDER, clock);
            WalletSteps.WalletLinks links = WalletSteps.claimedAndOffered(server, "data-integrity");
            String replaced = code(wallet, links.credentialOfferUri());
            String code = code(wallet, links.credentialOfferUri());
            String tokenEndpoint = ISSUER + "/oid4vci/token";
            String credentialEndpoint = ISSUER + "/oid4vci/credential";
            String configuration = "OpenBadgeCredential_ldp_vc";

            // WHEN the code is redeemed, then redeemed again; and a code replaced by a new fetch
            String token =
                    Oid4vciWalletClient.ok(wallet.token(tokenEndpoint, code))
                            .getString("access_token");
            HttpResponse<String> reused = wallet.token(tokenEndpoint, code);
            HttpResponse<String> stale = wallet.token(tokenEndpoint, replaced);
            HttpResponse<String> offerAfterUse = wallet.get(links.credentialOfferUri());

            // THEN
            assertError(reused, 400, "invalid_grant");
            assertError(stale, 400, "invalid_grant");
            assertThat(offerAfterUse.statusCode()).isEqualTo(404);

            // WHEN the credential is asked for without a token, with made-up or reused nonces,
            // with a proof for another audience, or for another configuration
            long now = clock.instant().getEpochSecond();
            String nonce = wallet.nonce(ISSUER + "/oid4vci/nonce");
            String good = wallet.proof(ISSUER, nonce, now);
            HttpResponse<String> noToken =
                    wallet.credential(credentialEndpoint, null, configuration, good);
            HttpResponse<String> madeUpNonce =
                    wallet.credential(
                            credentialEndpoint,
                            token,
                            configuration,
                            wallet.proof(ISSUER, "not-a-c-nonce", now));
            HttpResponse<String> otherAudience =
                    wallet.credential(
                            credentialEndpoint,
                            token,
                            configuration,
                            wallet.proof("https://elsewhere.example", nonce, now));
            HttpResponse<String> otherConfiguration =
                    wallet.credential(
                            credentialEndpoint, token, "OpenBadgeCredential_jwt_vc_json", good);
            HttpResponse<String> delivered =
                    wallet.credential(credentialEndpoint, token, configuration, good);
            HttpResponse<String> replayedProof =
                    wallet.credential(credentialEndpoint, token, configuration, good);

            // THEN only the fresh, well-addressed proof with the token gets the credential
            assertError(noToken, 401, "invalid_token");
            assertThat(noToken.headers().firstValue("WWW-Authenticate"))
                    .hasValue("Bearer error=\"invalid_token\"");
            assertError(madeUpNonce, 400, "invalid_nonce");
            assertError(otherAudience, 400, "invalid_proof");
            assertError(otherConfiguration, 400, "unknown_credential_configuration");
            assertThat(Oid4vciWalletClient.ok(delivered).getJsonArray("credentials")).hasSize(1);
            assertError(replayedProof, 400, "invalid_nonce");

            // WHEN the access token outlives its five minutes
            clock.advance(Duration.ofMinutes(6));
            String laterNonce = wallet.nonce(ISSUER + "/oid4vci/nonce");
            HttpResponse<String> expiredToken =
                    wallet.credential(
                            credentialEndpoint,
                            token,
                            configuration,
                            wallet.proof(ISSUER, laterNonce, clock.instant().getEpochSecond()));

            // THEN
            assertError(expiredToken, 401, "invalid_token");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_an_offer_and_its_code_after_ten_minutes(TestDatabase testDatabase) {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try (TestServer server = TestServer.start(testDatabase, clock)) {
            // GIVEN an offer fetched at once, its code kept
            Oid4vciWalletClient wallet = new Oid4vciWalletClient(server, HOLDER, clock);
            WalletSteps.WalletLinks links = WalletSteps.claimedAndOffered(server, "vc-jwt");
            String code = code(wallet, links.credentialOfferUri());

            // WHEN ten minutes pass
            clock.advance(Duration.ofMinutes(10));
            HttpResponse<String> token = wallet.token(ISSUER + "/oid4vci/token", code);
            HttpResponse<String> offer = wallet.get(links.credentialOfferUri());

            // THEN
            assertError(token, 400, "invalid_grant");
            assertThat(offer.statusCode()).isEqualTo(404);
            assertThat(offer.headers().firstValue("Content-Type"))
                    .hasValue("application/problem+json");
        }
    }

    private static String code(Oid4vciWalletClient wallet, String offerUri) {
        return Oid4vciWalletClient.ok(wallet.get(offerUri))
                .getJsonObject("grants")
                .getJsonObject("urn:ietf:params:oauth:grant-type:pre-authorized_code")
                .getString("pre-authorized_code");
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JsonInput.DEFAULT.parseObject(response.body()).getString("error"))
                .isEqualTo(error);
    }

    private static VerificationReport verify(TestServer server, String credential) {
        return server.services().credentials().verify(credential.getBytes(StandardCharsets.UTF_8));
    }
}
