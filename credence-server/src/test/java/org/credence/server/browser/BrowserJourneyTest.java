package org.credence.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.credence.server.TestServer;
import org.credence.testing.db.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An issuer's whole journey through the pages in a real browser: sign up, create an issuer, import
 * skills, design an achievement with the skill picker, and bulk-issue a CSV with one bad row.
 */
@BrowserTest
class BrowserJourneyTest {

    static final String XSS = "<script>window.__xss = 'name'</script>";
    static final String BAD_EMAIL = "ines.example.org<img src=x onerror=\"window.__xss='email'\">";
    static final String SKILLS =
            "code,name,description,url\n"
                    + "N1,Wound care,Cleans and dresses wounds,https://skills.example.org/n1\n"
                    + "N2,Medication safety,Checks the five rights,\n"
                    + "N3,Triagem de urgência,Classifica a prioridade dos doentes,\n";
    static final String RECIPIENTS =
            "email,name\n"
                    + "zofia@example.org,Zofia Łukasiewicz\n"
                    + "hiroshi@example.org,山田 博\n"
                    + "\""
                    + BAD_EMAIL.replace("\"", "\"\"")
                    + "\",Inês Araújo\n"
                    + "amara@example.org,Amara "
                    + XSS
                    + "\n"
                    + "renee@example.org,Renée Ødegård\n";

    @TempDir Path files;

    @Test
    void should_issue_a_bulk_file_when_an_issuer_goes_through_the_pages(Chromium chromium)
            throws IOException {
        try (Site site = Site.start(Engine.H2).startJobs()) {
            // GIVEN
            signUp(chromium, site);
            createIssuer(chromium, site);
            importSkills(chromium, site);
            createAchievement(chromium, site);

            // WHEN
            uploadRecipients(chromium, site);

            // THEN: the dry run refuses exactly the bad row, by its line, shown as text
            assertThat(chromium.text("rows")).isEqualTo("5");
            assertThat(chromium.text("refused")).isEqualTo("1");
            assertThat(chromium.text("to-issue")).isEqualTo("4");
            List<WebElement> problems =
                    chromium.driver().findElements(By.cssSelector("#problems tbody tr"));
            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).findElement(By.cssSelector("td")).getText()).isEqualTo("4");
            assertThat(problems.get(0).getText())
                    .contains("email: not an e-mail address: " + BAD_EMAIL);
            assertMarkupNotRun(chromium);

            // WHEN
            chromium.find(By.id("confirm")).click();

            // THEN: the page follows the job until it has issued the four good rows
            waitUntilFinished(chromium);
            assertThat(chromium.text("state")).isEqualTo("completed");
            assertThat(chromium.text("issued")).isEqualTo("4");
            assertThat(chromium.text("failed-count")).isEqualTo("0");
            assertMarkupNotRun(chromium);
        }
    }

    static void signUp(Chromium chromium, Site site) {
        chromium.open(site.uri("/signup"));
        chromium.type("organisationName", "Hospital Escola São João");
        chromium.type("displayName", "Ana Lúcia Gonçalves");
        chromium.type("email", "ana@example.edu");
        chromium.type("password", TestServer.PASSWORD);
        chromium.press("Create organisation");
        chromium.waitUntil(ExpectedConditions.urlToBe(site.uri("/app").toString()));
        assertThat(chromium.find(By.className("who")).getText())
                .startsWith("Ana Lúcia Gonçalves · Hospital Escola São João (owner)");
    }

    static void createIssuer(Chromium chromium, Site site) {
        chromium.open(site.uri("/app/issuers"));
        chromium.type("slug", "enfermagem");
        chromium.type("name", "Escola de Enfermagem");
        chromium.press("Create issuer");
        chromium.waitUntil(ExpectedConditions.urlMatches("/app/issuers/[0-9a-f-]{36}$"));
        assertThat(chromium.find(By.tagName("main")).getText())
                .contains("did:web:localhost:issuers:enfermagem");
    }

    void importSkills(Chromium chromium, Site site) throws IOException {
        chromium.open(site.uri("/app/skills"));
        chromium.type("name", "Clinical skills");
        chromium.type("version", "2025");
        chromium.find(By.id("csv")).sendKeys(file("skills.csv", SKILLS));
        chromium.press("Import");
        chromium.waitUntil(
                ExpectedConditions.textToBe(
                        By.cssSelector(".notice p"), "Imported 3 skills of Clinical skills."));
    }

    static void createAchievement(Chromium chromium, Site site) {
        chromium.open(site.uri("/app/achievements/new"));
        chromium.type("name", "Cuidados de feridas — nível 1");
        chromium.type("description", "Limpa e trata feridas simples.");
        chromium.type("criteriaNarrative", "Three **supervised** dressings.");
        chromium.script("window.__samePage = true;");
        chromium.type("q", "wound");
        chromium.press("Search skills");
        WebElement skill =
                chromium.waitUntil(
                        ExpectedConditions.elementToBeClickable(
                                By.xpath(
                                        "//div[@id='skill-results']//li[contains(., 'Wound care')]"
                                                + "/input[@name='skillIds']")));
        // The picker answered in place: the page was not reloaded and kept what was typed.
        assertThat(chromium.script("return window.__samePage === true;")).isEqualTo(true);
        assertThat(chromium.find(By.id("name")).getAttribute("value"))
                .isEqualTo("Cuidados de feridas — nível 1");
        skill.click();
        chromium.press("Create achievement");
        chromium.waitUntil(ExpectedConditions.urlMatches("/app/achievements/[0-9a-f-]{36}$"));
        assertThat(chromium.find(By.tagName("main")).getText())
                .contains("Cuidados de feridas — nível 1")
                .contains("Wound care (Clinical skills N1)")
                .doesNotContain("Medication safety");
    }

    void uploadRecipients(Chromium chromium, Site site) throws IOException {
        chromium.open(site.uri("/app/bulk"));
        new Select(chromium.find(By.id("issuerId"))).selectByVisibleText("Escola de Enfermagem");
        new Select(chromium.find(By.id("achievementId")))
                .selectByVisibleText("Cuidados de feridas — nível 1 (v1)");
        chromium.find(By.id("file")).sendKeys(file("recipients.csv", RECIPIENTS));
        chromium.press("Check the file");
        chromium.waitUntil(ExpectedConditions.urlMatches("/app/bulk/[0-9a-f-]{36}$"));
    }

    /** Waits for the page that bulk.js reloads once the job is over (rendered as finished). */
    static void waitUntilFinished(Chromium chromium) {
        chromium.waitUntil(
                ExpectedConditions.attributeToBe(By.id("progress"), "data-finished", "true"));
    }

    /** Markup in names and e-mails is shown as text: nothing ran, no element was made of it. */
    static void assertMarkupNotRun(Chromium chromium) {
        assertThat(chromium.script("return typeof window.__xss;")).isEqualTo("undefined");
        assertThat(
                        chromium.script(
                                "return Array.from(document.querySelectorAll('script, img'))"
                                        + ".filter(e => e.outerHTML.includes('__xss')).length;"))
                .isEqualTo(0L);
    }

    private String file(String name, String content) throws IOException {
        Path path = files.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path.toAbsolutePath().toString();
    }
}
