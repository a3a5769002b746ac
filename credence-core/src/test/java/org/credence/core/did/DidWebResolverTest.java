package org.credence.core.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.credence.core.crypto.KeyType;
import org.credence.core.crypto.SigningKey;
import org.credence.core.crypto.VerificationKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DidWebResolverTest {

    private static final String DID = "did:web:example.com:issuers:1";
    private static final String URL = "https://example.com/issuers/1/did.json";
    private static final VerificationKey ED25519 =
            SigningKey.generate(KeyType.ED25519, new SecureRandom()).publicKey();
    private static final VerificationKey P256 =
            SigningKey.generate(KeyType.P256, new SecureRandom()).publicKey();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "did:web:example.com, https://example.com/.well-known/did.json",
        "did:web:example.com:issuers:1, https://example.com/issuers/1/did.json",
        "did:web:localhost%3A8443, https://localhost:8443/.well-known/did.json",
        "did:web:localhost%3A8443:u:alice, https://localhost:8443/u/alice/did.json"
    })
    void should_map_did_to_https_url_when_did_is_valid(String did, String url) throws Exception {
        // WHEN / THEN
        assertThat(DidWebResolver.documentUrl(did)).hasToString(url);
    }

    @Test
    void should_refuse_url_when_did_is_malformed() {
        // WHEN / THEN
        assertThatThrownBy(() -> DidWebResolver.documentUrl("did:web:"))
                .extracting(e -> ((ResolutionException) e).error())
                .isEqualTo(ResolutionError.INVALID_DID);
        assertThatThrownBy(() -> DidWebResolver.documentUrl("did:web:example.com::x"))
                .extracting(e -> ((ResolutionException) e).error())
                .isEqualTo(ResolutionError.INVALID_DID);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "did:web:uni.edu%2Fredirect%3Fto%3Devil.com",
        "did:web:uni.edu%2Fx",
        "did:web:uni.edu%3Fq",
        "did:web:user%40uni.edu",
        "did:web:uni.edu%23x",
        "did:web:uni.edu%3A8443%2Fx",
        "did:web:uni.edu%3Ahttps",
        "did:web:uni_edu",
        "did:web:%5B%3A%3A1%5D"
    })
    void should_refuse_a_host_with_any_escape_but_the_port_colon(String did) {
        // WHEN / THEN
        assertThatThrownBy(() -> DidWebResolver.documentUrl(did))
                .extracting(e -> ((ResolutionException) e).error())
                .isEqualTo(ResolutionError.INVALID_DID);
    }

    @Test
    void should_refuse_a_document_without_an_id() {
        // GIVEN
        String anonymous = document().replace("\"id\": \"" + DID + "\",", "");
        assertThat(anonymous).doesNotContain("\"id\": \"" + DID + "\"");
        DidWebResolver resolver = new DidWebResolver(new FixtureFetcher().with(URL, anonymous));

        // WHEN / THEN
        assertThatThrownBy(() -> resolver.resolve(DID + "#key-1"))
                .extracting(e -> ((ResolutionException) e).error())
                .isEqualTo(ResolutionError.INVALID_DOCUMENT);
    }

    @Test
    void should_resolve_every_key_format_when_listed_in_assertion_method() throws Exception {
        // GIVEN
        DidWebResolver resolver = new DidWebResolver(new FixtureFetcher().with(URL, document()));

        // WHEN
        VerificationMethod multikey = resolver.resolve(DID + "#key-1");
        VerificationMethod jwk = resolver.resolve(DID + "#key-2");
        VerificationMethod ed2020 = resolver.resolve(DID + "#key-3");

        // THEN
        assertThat(multikey.key()).isEqualTo(ED25519);
        assertThat(multikey.controller()).isEqualTo(DID);
        assertThat(jwk.key()).isEqualTo(P256);
        assertThat(ed2020.key()).isEqualTo(ED25519);
    }

    @Test
    void should_refuse_method_when_not_an_assertion_method() {
        // GIVEN
        DidWebResolver resolver = new DidWebResolver(new FixtureFetcher().with(URL, document()));

        // WHEN / THEN
        assertThatThrownBy(() -> resolver.resolve(DID + "#key-4"))
                .extracting(e -> ((ResolutionException) e).error())
                .isEqualTo(ResolutionError.NOT_AUTHORIZED);
        assertThatThrownBy(() -> resolver.resolve(DID + "#key-9"))
                .extracting(e -> ((ResolutionException) e).error())
                .isEqualTo(ResolutionError.NOT_FOUND);
    }

    @Test
    void should_report_network_unavailable_when_document_cannot_be_fetched() {
        // GIVEN
        DidWebResolver resolver = new DidWebResolver(new FixtureFetcher());

        // WHEN / THEN
        assertThatThrownBy(() -> resolver.resolve(DID + "#key-1"))
                .extracting(e -> ((ResolutionException) e).error())
                .isEqualTo(ResolutionError.NETWORK_UNAVAILABLE);
    }

    @Test
    void should_refuse_document_when_its_id_is_another_did() {
        // GIVEN
        String other =
                document().replace("\"id\": \"" + DID + "\"", "\"id\": \"did:web:evil.com\"");
        DidWebResolver resolver = new DidWebResolver(new FixtureFetcher().with(URL, other));

        // WHEN / THEN
        assertThatThrownBy(() -> resolver.resolve(DID + "#key-1"))
                .extracting(e -> ((ResolutionException) e).error())
                .isEqualTo(ResolutionError.INVALID_DOCUMENT);
    }

    static String document() {
        String ed = ED25519.multibase();
        String jwk = P256.toJwk().toJSONString();
        return """
                {"@context": ["https://www.w3.org/ns/did/v1"],
                 "id": "%1$s",
                 "verificationMethod": [
                   {"id": "#key-1", "type": "Multikey", "controller": "%1$s",
                    "publicKeyMultibase": "%2$s"},
                   {"id": "%1$s#key-2", "type": "JsonWebKey2020", "controller": "%1$s",
                    "publicKeyJwk": %3$s},
                   {"id": "%1$s#key-4", "type": "Multikey", "controller": "%1$s",
                    "publicKeyMultibase": "%2$s"}],
                 "assertionMethod": ["#key-1", "%1$s#key-2",
                   {"id": "%1$s#key-3", "type": "Ed25519VerificationKey2020",
                    "controller": "%1$s", "publicKeyMultibase": "%2$s"}]}
                """
                .formatted(DID, ed, jwk);
    }
}
