package org.credence.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailTemplateTest {

    private static final EmailTemplate TEMPLATE = EmailTemplate.load("credential-email");

    @Test
    void should_escape_every_value_in_the_html_and_keep_the_text_verbatim_when_rendering() {
        // GIVEN
        Map<String, String> values =
                Map.of(
                        "recipientName", "<script>alert('x')</script> O'Brien & \"Co\"",
                        "achievementName", "Safe <b>medication</b>",
                        "issuerName", "School of Nursing",
                        "claimUrl", "https://badges.example.edu/claim/abc?x=1&y=2");

        // WHEN
        EmailTemplate.RenderedEmail email = TEMPLATE.render(values);

        // THEN
        assertThat(email.html())
                .doesNotContain("<script>", "<b>medication")
                .contains(
                        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; O&#39;Brien &amp;"
                                + " &quot;Co&quot;")
                .contains("href=\"https://badges.example.edu/claim/abc?x=1&amp;y=2\"");
        assertThat(email.text())
                .contains("Dear <script>alert('x')</script> O'Brien & \"Co\",")
                .contains("https://badges.example.edu/claim/abc?x=1&y=2");
        assertThat(email.subject())
                .isEqualTo("School of Nursing awarded you Safe <b>medication</b>");
    }

    @Test
    void should_fold_line_breaks_in_the_subject_when_a_value_has_them() {
        // GIVEN
        EmailTemplate template = new EmailTemplate("{{name}} done", "{{name}}", "{{name}}");

        // WHEN
        EmailTemplate.RenderedEmail email = template.render(Map.of("name", "a\r\nBcc: x@evil"));

        // THEN
        assertThat(email.subject()).isEqualTo("a Bcc: x@evil done");
    }

    @Test
    void should_refuse_to_render_when_a_placeholder_has_no_value() {
        assertThatThrownBy(() -> TEMPLATE.render(Map.of("recipientName", "Ada")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{");
    }
}
