package org.credence.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DccIssuerRegistryTest {

    /** The shape of digitalcredentials/community-registry's registry.json. */
    static final String REGISTRY =
            """
            {
              "meta": {"created": "2022-10-27T17:57:31+00:00", "updated": "2022-10-27T17:57:31+00:00"},
              "registry": {
                "did:key:z6MkpLDL3RoAoMRTwTgo3rs39ZwssfaPKtGdZw7AGRN7CK4W": {
                  "name": "My University",
                  "location": "Cambridge, MA, USA",
                  "url": "https://digitalcredentials.mit.edu"
                },
                "did:web:credentials.myschool.ca": {"name": "My School"},
                "did:web:nameless.example": {"url": "https://nameless.example"}
              }
            }
            """;

    @Test
    void should_read_issuers_by_did_when_file_is_in_dcc_format() {
        // WHEN
        DccIssuerRegistry registry = DccIssuerRegistry.read(REGISTRY, "DCC Community Registry");

        // THEN
        assertThat(registry.size()).isEqualTo(2);
        assertThat(registry.lookup("did:key:z6MkpLDL3RoAoMRTwTgo3rs39ZwssfaPKtGdZw7AGRN7CK4W"))
                .contains(
                        new KnownIssuer(
                                "did:key:z6MkpLDL3RoAoMRTwTgo3rs39ZwssfaPKtGdZw7AGRN7CK4W",
                                "My University",
                                Optional.of("https://digitalcredentials.mit.edu"),
                                Optional.of("Cambridge, MA, USA"),
                                "DCC Community Registry"));
        assertThat(registry.lookup("did:web:credentials.myschool.ca"))
                .hasValueSatisfying(issuer -> assertThat(issuer.url()).isEmpty());
        assertThat(registry.lookup("did:web:nameless.example")).isEmpty();
        assertThat(registry.lookup("did:web:unknown.example")).isEmpty();
    }

    @Test
    void should_read_older_files_that_name_the_map_entries() {
        // WHEN
        DccIssuerRegistry registry =
                DccIssuerRegistry.read(
                        "{\"meta\":{},\"entries\":{\"did:web:a.example\":{\"name\":\"A\"}}}",
                        "old");

        // THEN
        assertThat(registry.lookup("did:web:a.example")).map(KnownIssuer::name).contains("A");
    }

    @Test
    void should_refuse_file_when_it_is_not_a_registry() {
        // WHEN / THEN
        assertThatThrownBy(() -> DccIssuerRegistry.read("{\"issuers\": []}", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a DCC issuer registry");
        assertThatThrownBy(() -> DccIssuerRegistry.read("not json", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_answer_from_the_first_registry_that_knows_the_issuer() {
        // GIVEN
        IssuerRegistry first =
                DccIssuerRegistry.read(
                        "{\"registry\":{\"did:web:a.example\":{\"name\":\"A (pilot)\"}}}", "pilot");
        IssuerRegistry second = DccIssuerRegistry.read(REGISTRY, "community");

        // WHEN
        IssuerRegistry both = IssuerRegistry.firstOf(List.of(first, second));

        // THEN
        assertThat(both.lookup("did:web:a.example")).map(KnownIssuer::registry).contains("pilot");
        assertThat(both.lookup("did:web:credentials.myschool.ca"))
                .map(KnownIssuer::registry)
                .contains("community");
    }
}
