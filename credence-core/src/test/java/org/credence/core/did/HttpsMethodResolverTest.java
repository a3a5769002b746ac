package org.credence.core.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.credence.core.crypto.KeyType;
import org.credence.core.crypto.SigningKey;
import org.credence.core.crypto.VerificationKey;
import org.junit.jupiter.api.Test;

class HttpsMethodResolverTest {

    private static final VerificationKey KEY =
            SigningKey.generate(KeyType.ED25519, new SecureRandom()).publicKey();

    @Test
    void should_resolve_method_when_url_is_a_controller_document() throws Exception {
        // GIVEN
        String issuer = "https://example.edu/issuers/565049";
        String json =
                """
                {"id": "%1$s",
                 "verificationMethod": [{"id": "%1$s#key-1", "type": "Multikey",
                   "controller": "%1$s", "publicKeyMultibase": "%2$s"}],
                 "assertionMethod": ["%1$s#key-1"]}
                """
                        .formatted(issuer, KEY.multibase());
        HttpsMethodResolver resolver =
                new HttpsMethodResolver(new FixtureFetcher().with(issuer, json));

        // WHEN
        VerificationMethod method = resolver.resolve(issuer + "#key-1");

        // THEN
        assertThat(method.controller()).isEqualTo(issuer);
        assertThat(method.key()).isEqualTo(KEY);
    }

    @Test
    void should_resolve_method_when_url_is_the_method_document() throws Exception {
        // GIVEN
        String url = "https://example.edu/keys/1";
        String json =
                """
                {"id": "%1$s", "type": "JsonWebKey", "controller": "https://example.edu/issuer",
                 "publicKeyJwk": %2$s}
                """
                        .formatted(url, KEY.toJwk().toJSONString());
        String issuer =
                """
                {"id": "https://example.edu/issuer", "assertionMethod": ["%s"]}
                """
                        .formatted(url);
        HttpsMethodResolver resolver =
                new HttpsMethodResolver(
                        new FixtureFetcher()
                                .with(url, json)
                                .with("https://example.edu/issuer", issuer));

        // WHEN
        VerificationMethod method = resolver.resolve(url);

        // THEN
        assertThat(method.controller()).isEqualTo("https://example.edu/issuer");
        assertThat(method.key()).isEqualTo(KEY);
    }

    @Test
    void should_refuse_a_method_document_naming_a_controller_that_does_not_list_it() {
        // GIVEN a key hosted anywhere that names a university (DID or URL) as its controller
        String url = "https://evil.example/k";
        HttpsMethodResolver resolver =
                new HttpsMethodResolver(
                        new FixtureFetcher()
                                .with(url, method(url, "did:web:university.example"))
                                .with(
                                        "https://evil.example/k2",
                                        method("https://evil.example/k2", "https://uni.example/"))
                                .with(
                                        "https://uni.example/",
                                        "{\"id\": \"https://uni.example/\", \"assertionMethod\": []}"));

        // WHEN / THEN the controller's word is needed, and it is missing
        assertThatThrownBy(() -> resolver.resolve(url))
                .extracting(e -> ((ResolutionException) e).error())
                .isEqualTo(ResolutionError.NOT_AUTHORIZED);
        assertThatThrownBy(() -> resolver.resolve("https://evil.example/k2"))
                .extracting(e -> ((ResolutionException) e).error())
                .isEqualTo(ResolutionError.NOT_AUTHORIZED);
    }

    private static String method(String id, String controller) {
        return """
                {"id": "%1$s", "type": "JsonWebKey", "controller": "%2$s", "publicKeyJwk": %3$s}
                """
                .formatted(id, controller, KEY.toJwk().toJSONString());
    }

    @Test
    void should_refuse_url_when_not_https() {
        // GIVEN
        HttpsMethodResolver resolver = new HttpsMethodResolver(new FixtureFetcher());

        // WHEN / THEN
        assertThatThrownBy(() -> resolver.resolve("http://example.edu/keys/1"))
                .extracting(e -> ((ResolutionException) e).error())
                .isEqualTo(ResolutionError.UNSUPPORTED_METHOD);
    }
}
