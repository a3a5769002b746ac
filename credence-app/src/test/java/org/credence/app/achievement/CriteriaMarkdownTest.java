package org.credence.app.achievement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CriteriaMarkdownTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "**Pass** the test | <p><strong>Pass</strong> the test</p>",
                "<div onmouseover=\"x()\">hidden</div> | ''",
                "a <img src=x onerror=alert(1)> b | <p>a  b</p>",
                "[x](javascript:alert(1)) | <p><a rel=\"nofollow\" href=\"\">x</a></p>",
                "[x](JaVaScRiPt&#58;alert(1)) | <p><a rel=\"nofollow\" href=\"\">x</a></p>",
                "![i](data:image/svg+xml;base64,AAAA) | <p><img src=\"\" alt=\"i\" /></p>",
                "[site](https://example.org/a?b=1) | <p><a rel=\"nofollow\" href=\"https://example.org/a?b=1\">site</a></p>",
                "[rel](/criteria#step-2) | <p><a rel=\"nofollow\" href=\"/criteria#step-2\">rel</a></p>",
                "5 < 6 & 7 > 3 | <p>5 &lt; 6 &amp; 7 &gt; 3</p>",
            })
    void should_render_safe_html_when_markdown_contains_raw_html_or_script_urls(
            String markdown, String html) {
        assertThat(CriteriaMarkdown.toHtml(markdown).strip()).isEqualTo(html);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Pass the **observed** assessment. | Pass the observed assessment.",
                "a <img src=x onerror=alert(1)> b | a  b",
                "<div>hidden</div> | ''",
                "Réussir — 通过 — [site](https://example.org) | Réussir — 通过 — \"site\" (https://example.org)",
            })
    void should_drop_the_markup_when_plain_text_is_asked_for(String markdown, String text) {
        assertThat(CriteriaMarkdown.toPlainText(markdown)).isEqualTo(text);
    }
}
