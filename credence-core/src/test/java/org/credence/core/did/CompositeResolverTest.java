package org.credence.core.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CompositeResolverTest {

    private static final String KEY = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    @Test
    void should_route_by_scheme_when_method_is_supported() throws Exception {
        // GIVEN
        CompositeResolver resolver = CompositeResolver.standard(new FixtureFetcher());

        // WHEN
        VerificationMethod method = resolver.resolve("did:key:" + KEY + "#" + KEY);

        // THEN
        assertThat(method.controller()).isEqualTo("did:key:" + KEY);
        assertThatThrownBy(() -> resolver.resolve("did:web:example.com#key-1"))
                .extracting(e -> ((ResolutionException) e).error())
                .isEqualTo(ResolutionError.NETWORK_UNAVAILABLE);
    }

    @Test
    void should_refuse_as_unsupported_when_method_is_unknown() {
        // GIVEN
        CompositeResolver resolver = CompositeResolver.standard(new FixtureFetcher());

        // WHEN / THEN
        for (String url : new String[] {"did:velocity:v2:0x4a#key-1", "urn:uuid:1", "ftp://x#y"}) {
            assertThatThrownBy(() -> resolver.resolve(url))
                    .extracting(e -> ((ResolutionException) e).error())
                    .isEqualTo(ResolutionError.UNSUPPORTED_METHOD);
        }
    }

    @Test
    void should_trust_fragment_key_when_explicitly_chosen_for_vectors() throws Exception {
        // WHEN
        VerificationMethod method =
                new FragmentKeyResolver().resolve("https://example.edu/issuers/565049#" + KEY);

        // THEN
        assertThat(method.controller()).isEqualTo("https://example.edu/issuers/565049");
        assertThat(method.key().multibase()).isEqualTo(KEY);
        assertThatThrownBy(() -> new FragmentKeyResolver().resolve("https://x#key-1"))
                .isInstanceOf(ResolutionException.class);
    }
}
