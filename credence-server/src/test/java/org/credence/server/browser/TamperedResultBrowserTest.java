package org.credence.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.credence.app.award.IssuedCredential;
import org.credence.app.credential.SecuringFormat;
import org.credence.core.json.JsonInput;
import org.credence.server.VerifyFixtures;
import org.credence.testing.db.Engine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A tampered credential's result page in a real browser on a 390 px wide screen: what a person sees
 * first is the finding, the forged title is hidden under "What the document claims (not confirmed)"
 * until they open it, and nothing runs off the side of the screen.
 */
@BrowserTest
class TamperedResultBrowserTest {

    private static final String FORGED = "Forged Surgeon Licence";

    @Test
    void should_show_the_change_first_and_the_forged_title_only_when_its_claims_are_opened(
            Chromium chromium) {
        try (Site site = Site.start(Engine.H2)) {
            // GIVEN a credential issued here, its achievement renamed afterwards
            VerifyFixtures fixtures = VerifyFixtures.create(site.server(), "tampered");
            IssuedCredential issued =
                    fixtures.issue("ada@example.org", SecuringFormat.DATA_INTEGRITY);
            String tampered = renamed(issued.document());
            chromium.driver().manage().window().setSize(new Dimension(390, 844));

            // WHEN it is pasted on the verify page
            chromium.open(site.uri("/verify"));
            chromium.script(
                    "document.getElementById('text').value = "
                            + Json.createValue(tampered).toString()
                            + ";");
            chromium.press("Verify the text");
            chromium.waitUntil(ExpectedConditions.urlMatches("/verify/results/[0-9a-f-]{36}$"));

            // THEN the heading is the finding, the forged title is not visible
            assertThat(chromium.find(By.tagName("h1")).getText())
                    .isEqualTo(
                            "This credential was changed after it was issued: do not rely on it");
            assertThat(chromium.text("verdict"))
                    .isEqualTo("✗ Changed after issue: do not rely on it");
            assertThat(chromium.find(By.tagName("main")).getText())
                    .doesNotContain(FORGED)
                    .contains("What the document claims (not confirmed)");
            assertThat(chromium.driver().getTitle()).doesNotContain(FORGED);
            assertThat(chromium.driver().findElements(By.cssSelector("img.badge"))).isEmpty();
            assertThat(
                            ((Number)
                                            chromium.script(
                                                    "return document.documentElement.scrollWidth;"))
                                    .intValue())
                    .as("page width at 390 px")
                    .isLessThanOrEqualTo(390);

            // WHEN the claims are opened, THEN the forged title shows, marked as a claim
            chromium.find(By.cssSelector("#claims summary")).click();
            assertThat(chromium.find(By.id("claims")).getText())
                    .contains("Title (claimed)\n" + FORGED)
                    .contains("Nothing below is confirmed");
        }
    }

    private static String renamed(String document) {
        JsonObject credential = JsonInput.DEFAULT.parseObject(document);
        JsonObject subject = credential.getJsonObject("credentialSubject");
        return Json.createObjectBuilder(credential)
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder(subject)
                                .add(
                                        "achievement",
                                        Json.createObjectBuilder(
                                                        subject.getJsonObject("achievement"))
                                                .add("name", FORGED)))
                .build()
                .toString();
    }
}
