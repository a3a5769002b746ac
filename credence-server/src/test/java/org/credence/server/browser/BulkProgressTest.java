package org.credence.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.credence.testing.db.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The bulk issue page follows its job in place (bulk.js), without anyone reloading it. */
@BrowserTest
class BulkProgressTest {

    static final String RECIPIENTS =
            "email,name\n"
                    + "zofia@example.org,Zofia Łukasiewicz\n"
                    + "hiroshi@example.org,山田 博\n"
                    + "amara@example.org,Amara Okafor\n"
                    + "renee@example.org,Renée Ødegård\n";

    /**
     * Records every text the page's script writes into the counts, in session storage: it survives
     * the reload bulk.js does once the job is over, and the page as served never writes.
     */
    static final String RECORD_CHANGES =
            "sessionStorage.setItem('written', '[]');"
                    + "new MutationObserver(function () {"
                    + "  var written = JSON.parse(sessionStorage.getItem('written'));"
                    + "  written.push(document.getElementById('state').textContent + ' '"
                    + "      + document.getElementById('issued').textContent);"
                    + "  sessionStorage.setItem('written', JSON.stringify(written));"
                    + "}).observe(document.querySelector('dl.counts'),"
                    + "    {subtree: true, childList: true, characterData: true});";

    @TempDir Path files;

    @Test
    void should_show_the_issued_count_when_the_job_runs_behind_an_open_page(Chromium chromium)
            throws IOException {
        try (Site site = Site.start(Engine.H2)) {
            // GIVEN: a confirmed bulk issue whose job cannot start before the page is open
            IssuerSteps.signUp(chromium, site);
            IssuerSteps.createIssuer(chromium, site);
            IssuerSteps.importSkills(chromium, site, file("skills.csv", IssuerSteps.SKILLS));
            IssuerSteps.createAchievement(chromium, site);
            IssuerSteps.uploadRecipients(chromium, site, file("recipients.csv", RECIPIENTS));
            chromium.find(By.id("confirm")).click();
            chromium.waitUntil(driver -> chromium.text("state").equals("queued"));
            assertThat(chromium.text("issued")).isEqualTo("0");
            chromium.script(RECORD_CHANGES);

            // WHEN
            site.startJobs();

            // THEN: the script wrote the final counts into the open page, then reloaded it
            chromium.waitUntil(
                    driver ->
                            String.valueOf(chromium.script("return sessionStorage.written;"))
                                    .contains("completed 4"));
            IssuerSteps.waitUntilFinished(chromium);
            assertThat(chromium.text("state")).isEqualTo("completed");
            assertThat(chromium.text("issued")).isEqualTo("4");
            assertThat(chromium.find(By.id("percent")).getText()).isEqualTo("100%");
        }
    }

    private Path file(String name, String content) throws IOException {
        Path path = files.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }
}
