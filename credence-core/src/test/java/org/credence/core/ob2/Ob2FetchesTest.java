package org.credence.core.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

/** The fetch budget of one OB 2.0 verification. */
class Ob2FetchesTest {

    @Test
    void should_stop_fetching_when_the_budget_is_spent() {
        // GIVEN
        Ob2Badges.Web web = new Ob2Badges.Web();
        for (int i = 0; i <= Fetches.MAX_FETCHES; i++) {
            String url = "https://chain.example/" + i;
            web.serve(url, Json.createObjectBuilder().add("id", url).build());
        }
        Fetches fetches = new Fetches(web);

        // WHEN
        for (int i = 0; i < Fetches.MAX_FETCHES; i++) {
            assertThat(fetches.fetch("https://chain.example/" + i, "a document").isFound())
                    .isTrue();
        }
        Resolved over = fetches.fetch("https://chain.example/" + Fetches.MAX_FETCHES, "a document");

        // THEN
        assertThat(over.isFound()).isFalse();
        assertThat(over.code()).isEqualTo(Fetches.FETCH_LIMIT);
        assertThat(web.asked).hasSize(Fetches.MAX_FETCHES);
    }

    @Test
    void should_fetch_each_url_once_and_never_a_non_http_id() {
        // GIVEN
        String url = "https://issuer.example/x";
        Ob2Badges.Web web =
                new Ob2Badges.Web().serve(url, Json.createObjectBuilder().add("id", url).build());
        Fetches fetches = new Fetches(web);

        // WHEN
        fetches.fetch(url, "a document");
        fetches.fetch(url, "a document");
        Resolved urn = fetches.fetch("urn:uuid:1234", "a document");

        // THEN
        assertThat(web.asked).containsExactly(url);
        assertThat(urn.code()).isEqualTo(Fetches.NOT_HTTP);
    }
}
