package org.credence.server.web.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.credence.app.wallet.CredentialFacts;
import org.junit.jupiter.api.Test;

/** LinkedIn's "Add to profile" URL for a wallet credential. */
class LinkedInLinkTest {

    private static final String CERT_URL =
            "https://badges.example.edu/credentials/3f2b1c5e-0000-4000-8000-000000000001";

    @Test
    void should_name_the_certification_organisation_dates_url_and_id_when_all_are_known() {
        // GIVEN
        CredentialFacts facts =
                new CredentialFacts(
                        "Wound care & dressing: level 2",
                        "Riverside School of Nursing",
                        Optional.of(Instant.parse("2026-03-31T23:30:00Z")),
                        Optional.of(Instant.parse("2028-02-01T00:00:00Z")),
                        List.of(),
                        Optional.empty());

        // WHEN
        String url = LinkedInLink.of(facts, CERT_URL, "3f2b1c5e").url();

        // THEN every value is percent-encoded, spaces as %20, months 1–12 in UTC
        assertThat(url)
                .isEqualTo(
                        "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"
                                + "&name=Wound%20care%20%26%20dressing%3A%20level%202"
                                + "&organizationName=Riverside%20School%20of%20Nursing"
                                + "&issueYear=2026&issueMonth=3"
                                + "&expirationYear=2028&expirationMonth=2"
                                + "&certUrl=https%3A%2F%2Fbadges.example.edu%2Fcredentials%2F"
                                + "3f2b1c5e-0000-4000-8000-000000000001"
                                + "&certId=3f2b1c5e");
        assertThat(query(url))
                .containsEntry("name", "Wound care & dressing: level 2")
                .containsEntry("certUrl", CERT_URL);
    }

    @Test
    void should_leave_out_the_dates_when_the_credential_states_none() {
        // GIVEN an import without validFrom or validUntil, with non-Latin text
        CredentialFacts facts =
                new CredentialFacts(
                        "Безопасность сетей",
                        "Université de Genève",
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        Optional.empty());

        // WHEN
        String url =
                LinkedInLink.of(facts, "https://wallet.example/shared/abc_-", "urn:uuid:1").url();

        // THEN
        Map<String, String> query = query(url);
        assertThat(query)
                .doesNotContainKeys("issueYear", "issueMonth", "expirationYear", "expirationMonth")
                .containsEntry("name", "Безопасность сетей")
                .containsEntry("organizationName", "Université de Genève")
                .containsEntry("certUrl", "https://wallet.example/shared/abc_-")
                .containsEntry("certId", "urn:uuid:1");
        assertThat(URI.create(url).getRawQuery()).doesNotContain(" ", "+");
    }

    private static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        Arrays.stream(URI.create(url).getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .forEach(
                        pair ->
                                values.put(
                                        pair[0],
                                        URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        return values;
    }
}
