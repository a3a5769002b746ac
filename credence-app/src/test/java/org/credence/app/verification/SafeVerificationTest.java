package org.credence.app.verification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.credence.app.job.MutableClock;
import org.credence.core.Issuer;
import org.credence.core.Verifier;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyType;
import org.credence.core.did.CompositeResolver;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Verification through the safe fetcher: did:web over the network, and refusals never pass. */
class SafeVerificationTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private TestHttpServer server;
    private SafeFetcher fetcher;
    private VerificationService service;

    @BeforeEach
    void setUp() throws Exception {
        server = new TestHttpServer();
        // http:// — the test server has no TLS, yet stands for a did:web (https) host.
        fetcher =
                new SafeFetcher(
                        FetchSettings.STANDARD.withAllowedHosts(
                                List.of(AllowedHost.parse("http://" + server.authority()))),
                        clock);
        Verifier verifier =
                Verifier.builder()
                        .resolver(CompositeResolver.standard(fetcher))
                        .fetcher(fetcher)
                        .clock(clock)
                        .build();
        service = new VerificationService(verifier, Optional.of(fetcher));
    }

    @AfterEach
    void tearDown() {
        service.close();
        server.close();
    }

    @Test
    void should_verify_a_did_web_credential_resolved_over_the_network_and_cache_its_document() {
        // GIVEN
        String did = "did:web:127.0.0.1%3A" + server.port();
        KeyFile key = publish(did);
        byte[] credential = signed(key);

        // WHEN
        VerificationReport first = service.verify(credential, VerifyOptions.DEFAULT);
        VerificationReport second = service.verify(credential, VerifyOptions.DEFAULT);

        // THEN
        assertThat(first.verdict()).as(first.problems().toString()).isEqualTo(Verdict.VERIFIED);
        assertThat(second.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(server.hits("/.well-known/did.json")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "did:web:127.0.0.1, 127.0.0.1 is a loopback address",
        "did:web:10.0.0.1, 10.0.0.1 is a private address",
        "did:web:169.254.169.254, 169.254.169.254 is a link-local address",
        "did:web:localhost%3A8443, localhost is a loopback name"
    })
    void should_not_pass_when_the_did_document_is_at_a_forbidden_address(
            String did, String reason) {
        // GIVEN
        byte[] credential =
                signed(
                        KeyFile.generate(KeyType.ED25519, new SecureRandom())
                                .withController(did, did + "#key-1"));

        // WHEN
        VerificationReport report = service.verify(credential, VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(report.check(CheckName.PROOF).orElseThrow())
                .satisfies(
                        check -> assertThat(check.status()).isEqualTo(CheckStatus.COULD_NOT_CHECK))
                .satisfies(check -> assertThat(check.message()).contains("refused: " + reason));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "http://127.0.0.1/credentials/1.json, 127.0.0.1 is a loopback address",
        "http://10.0.0.1/credentials/1, 10.0.0.1 is a private address",
        "http://169.254.169.254/latest/meta-data/, 169.254.169.254 is a link-local address",
        "'http://[::1]/c', is a loopback address",
        "http://localhost/c, localhost is a loopback name"
    })
    void should_report_could_not_check_when_verifying_a_forbidden_url(String url, String reason) {
        // WHEN
        VerificationReport report = service.verifyUrl(url, VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(report.check(CheckName.SYNTAX).orElseThrow())
                .satisfies(check -> assertThat(check.code()).isEqualTo("URL_NOT_FETCHED"))
                .satisfies(check -> assertThat(check.message()).contains("refused: ", reason));
    }

    @Test
    void should_report_could_not_check_when_an_allowed_server_redirects_to_metadata() {
        // GIVEN
        server.redirect("/credentials/2", "http://169.254.169.254/latest/meta-data/");

        // WHEN
        VerificationReport report =
                service.verifyUrl(server.url("/credentials/2"), VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(report.check(CheckName.SYNTAX).orElseThrow().message())
                .contains("refused: 169.254.169.254 is a link-local address");
    }

    @Test
    void should_verify_a_credential_page_url_through_its_json_alternate() {
        // GIVEN
        KeyFile key = publish("did:web:127.0.0.1%3A" + server.port());
        server.serve(
                "/credentials/3",
                "text/html",
                "<html><head><link rel=\"alternate\" type=\"application/ld+json\""
                        + " href=\"/credentials/3.json\"></head></html>");
        server.serve(
                "/credentials/3.json",
                "application/vc+ld+json",
                new String(signed(key), StandardCharsets.UTF_8));

        // WHEN
        VerificationReport report =
                service.verifyUrl(server.url("/credentials/3"), VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.VERIFIED);
    }

    /** A key for {@code did}, and its DID document served by the test server. */
    private KeyFile publish(String did) {
        KeyFile key =
                KeyFile.generate(KeyType.ED25519, new SecureRandom())
                        .withController(did, did + "#key-1");
        JsonObject document =
                Json.createObjectBuilder()
                        .add(
                                "@context",
                                Json.createArrayBuilder()
                                        .add("https://www.w3.org/ns/did/v1")
                                        .add("https://w3id.org/security/multikey/v1"))
                        .add("id", did)
                        .add(
                                "verificationMethod",
                                Json.createArrayBuilder()
                                        .add(
                                                Json.createObjectBuilder()
                                                        .add("id", did + "#key-1")
                                                        .add("type", "Multikey")
                                                        .add("controller", did)
                                                        .add(
                                                                "publicKeyMultibase",
                                                                key.signingKey()
                                                                        .publicKey()
                                                                        .multibase())))
                        .add("assertionMethod", Json.createArrayBuilder().add(did + "#key-1"))
                        .build();
        server.serve(
                "/.well-known/did.json",
                "application/did+json",
                document.toString(),
                "Cache-Control",
                "max-age=300");
        return key;
    }

    private byte[] signed(KeyFile key) {
        JsonObject credential =
                new Issuer(key, org.credence.core.jsonld.Canonicalizer.standard(), clock)
                        .sign(Credentials.unsigned(key.controller()));
        return credential.toString().getBytes(StandardCharsets.UTF_8);
    }
}
