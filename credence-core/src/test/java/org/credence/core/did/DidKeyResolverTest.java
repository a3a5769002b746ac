package org.credence.core.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.credence.core.crypto.VerificationKey;
import org.junit.jupiter.api.Test;

class DidKeyResolverTest {

    private static final String KEY = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    private static final String DID = "did:key:" + KEY;

    @Test
    void should_resolve_key_and_controller_when_fragment_is_the_key() throws Exception {
        // WHEN
        VerificationMethod method = new DidKeyResolver().resolve(DID + "#" + KEY);

        // THEN
        assertThat(method.id()).isEqualTo(DID + "#" + KEY);
        assertThat(method.controller()).isEqualTo(DID);
        assertThat(method.key()).isEqualTo(VerificationKey.fromMultibase(KEY));
        assertThat(DidKey.did(method.key())).isEqualTo(DID);
        assertThat(DidKey.verificationMethodId(method.key())).isEqualTo(DID + "#" + KEY);
    }

    @Test
    void should_refuse_when_fragment_is_not_the_key() {
        // WHEN / THEN
        assertThatThrownBy(() -> new DidKeyResolver().resolve(DID + "#key-1"))
                .isInstanceOf(ResolutionException.class)
                .extracting(e -> ((ResolutionException) e).error())
                .isEqualTo(ResolutionError.NOT_FOUND);
    }

    @Test
    void should_refuse_bare_did_when_strict() {
        // WHEN / THEN
        assertThatThrownBy(() -> new DidKeyResolver().resolve(DID))
                .extracting(e -> ((ResolutionException) e).error())
                .isEqualTo(ResolutionError.INVALID_DID);
    }

    @Test
    void should_resolve_bare_did_to_its_only_method_when_lenient() throws Exception {
        // WHEN
        VerificationMethod method = new DidKeyResolver(true).resolve(DID);

        // THEN
        assertThat(method.id()).isEqualTo(DID + "#" + KEY);
        assertThat(method.controller()).isEqualTo(DID);
    }

    @Test
    void should_refuse_when_did_is_not_a_supported_key() {
        // WHEN / THEN
        assertThatThrownBy(
                        () ->
                                new DidKeyResolver()
                                        .resolve(
                                                "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme#x"))
                .extracting(e -> ((ResolutionException) e).error())
                .isEqualTo(ResolutionError.INVALID_DID);
        assertThatThrownBy(() -> new DidKeyResolver().resolve("did:web:example.com#key-1"))
                .extracting(e -> ((ResolutionException) e).error())
                .isEqualTo(ResolutionError.UNSUPPORTED_METHOD);
    }
}
