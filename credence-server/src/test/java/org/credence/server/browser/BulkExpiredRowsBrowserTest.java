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

/**
 * The bulk confirmation page in a real browser: a row that would be expired when issued is warned
 * about in words, listed, and issued only when the issuer ticks the box before confirming.
 */
@BrowserTest
class BulkExpiredRowsBrowserTest {

    private static final String RECIPIENTS =
            "email,name,valid_from,valid_until\n"
                    + "zofia@example.org,Zofia,2020-01-01,2021-01-01\n"
                    + "amara@example.org,Amara,,2099-12-31\n";

    @TempDir Path files;

    @Test
    void should_issue_the_expired_row_only_when_the_box_is_ticked(Chromium chromium)
            throws IOException {
        try (Site site = Site.start(Engine.H2)) {
            // GIVEN a dry run with one expired row
            IssuerSteps.signUp(chromium, site);
            IssuerSteps.createIssuer(chromium, site);
            IssuerSteps.importSkills(chromium, site, file("skills.csv", IssuerSteps.SKILLS));
            IssuerSteps.createAchievement(chromium, site);
            IssuerSteps.uploadRecipients(chromium, site, file("recipients.csv", RECIPIENTS));

            // THEN the page says so in words and lists it
            assertThat(chromium.text("expired-warning"))
                    .contains("1 row(s) would be expired the moment they are issued");
            assertThat(chromium.text("expired-count")).startsWith("1");
            assertThat(chromium.find(By.id("expired")).getText()).contains("2021-01-01T23:59:59Z");
            assertThat(chromium.find(By.id("include-expired")).isSelected()).isFalse();

            // WHEN the issuer ticks the box and confirms, and the job runs
            chromium.find(By.id("include-expired")).click();
            chromium.find(By.id("confirm")).click();
            site.startJobs();
            IssuerSteps.waitUntilFinished(chromium);

            // THEN both rows are issued, and the page says the expired one was included
            assertThat(chromium.text("state")).isEqualTo("completed");
            assertThat(chromium.text("issued")).isEqualTo("2");
            assertThat(chromium.text("expired-count")).contains("issued: you included them");
        }
    }

    private Path file(String name, String content) throws IOException {
        Path path = files.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }
}
