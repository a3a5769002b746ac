package org.credence.core.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeModeTest {

    /** The rule as a regular expression: the reference for the hand-written check. */
    private static final Pattern RULE =
            Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:[^\\x00-\\x20<>\"{}|^`\\\\]*$");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "did:key:z6Mk#z6Mk, true",
        "https://example.org/a?b=c#d, true",
        "urn:uuid:1, true",
        "x:, true",
        "relative#key, false",
        "1http://x, false",
        ":nothing, false",
        "'https://ex ample.org', false",
        "https://example.org/<x>, false",
        "h+t.t-p:ok, true",
        "ht_tp:no, false",
        "https://例え.jp/パス, true"
    })
    void should_accept_only_absolute_well_formed_iris(String iri, boolean expected) {
        assertThat(SafeMode.isWellFormedIri(iri)).isEqualTo(expected);
    }

    @Test
    void should_agree_with_the_regular_expression_on_random_strings() {
        Random random = new Random(3987);
        String alphabet = "aZ09+-.:_/# <>\"{}|^`\\\u0000\u001f\u007f例é";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(12); j >= 0; j--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = text.toString();
            assertThat(SafeMode.isWellFormedIri(candidate))
                    .as("%s", candidate)
                    .isEqualTo(RULE.matcher(candidate).matches());
        }
    }
}
