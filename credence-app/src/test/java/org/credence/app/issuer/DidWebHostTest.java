package org.credence.app.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.credence.core.did.DidWebResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DidWebHostTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "https://Badges.Example.edu, did:web:badges.example.edu,"
                + " https://badges.example.edu/issuers/nursing/did.json",
        "https://badges.example.edu:8443/, did:web:badges.example.edu%3A8443,"
                + " https://badges.example.edu:8443/issuers/nursing/did.json",
    })
    void should_derive_resolvable_dids_when_the_base_url_has_a_host_and_optional_port(
            String baseUrl, String platformDid, String issuerDocument) throws Exception {
        // GIVEN
        DidWebHost host = DidWebHost.of(baseUrl);

        // WHEN
        String issuerDid = host.issuerDid("nursing");

        // THEN
        assertThat(host.platformDid()).isEqualTo(platformDid);
        assertThat(DidWebResolver.documentUrl(issuerDid)).hasToString(issuerDocument);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "ftp://example.com",
                "https://example.com/app",
                "https://example.com/?a=1",
                "/relative"
            })
    void should_refuse_the_base_url_when_it_is_not_a_bare_https_origin(String baseUrl) {
        assertThatThrownBy(() -> DidWebHost.of(baseUrl))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
