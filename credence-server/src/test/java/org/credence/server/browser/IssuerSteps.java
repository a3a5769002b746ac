package org.credence.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.credence.server.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * What an issuer does through the pages, step by step, as a person would: typing into the fields,
 * choosing files and pressing the buttons. Each step waits for the page it leads to and checks it.
 */
final class IssuerSteps {

    static final String ISSUER = "Escola de Enfermagem";
    static final String ACHIEVEMENT = "Cuidados de feridas — nível 1";
    static final String SKILLS =
            "code,name,description,url\n"
                    + "N1,Wound care,Cleans and dresses wounds,https://skills.example.org/n1\n"
                    + "N2,Medication safety,Checks the five rights,\n"
                    + "N3,Triagem de urgência,Classifica a prioridade dos doentes,\n";

    private IssuerSteps() {}

    /** Signs up a new organisation; the browser is then signed in as its owner. */
    static void signUp(Chromium chromium, Site site) {
        chromium.open(site.uri("/signup"));
        chromium.type("organisationName", "Hospital Escola São João");
        chromium.type("displayName", "Ana Lúcia Gonçalves");
        chromium.type("email", "ana@example.edu");
        chromium.type("password", TestServer.PASSWORD);
        chromium.press("Create organisation");
        confirmEmailedLink(chromium, site, "ana@example.edu", "/signup/");
        chromium.waitUntil(ExpectedConditions.urlToBe(site.uri("/app").toString()));
        assertThat(chromium.find(By.className("who")).getText())
                .startsWith("Ana Lúcia Gonçalves · Hospital Escola São João (owner)");
    }

    /**
     * After a sign-up form: the page says to check the e-mail; the e-mailed link (read from the
     * outbox) opens the confirmation page, whose button finishes the sign-up.
     */
    static void confirmEmailedLink(Chromium chromium, Site site, String email, String path) {
        assertThat(chromium.text("notice")).contains("We have sent a link");
        chromium.open(site.uri(site.server().emailedLink(email, path)));
        chromium.press("Confirm and sign in");
    }

    static void createIssuer(Chromium chromium, Site site) {
        chromium.open(site.uri("/app/issuers"));
        chromium.type("slug", "enfermagem");
        chromium.type("name", ISSUER);
        chromium.press("Create issuer");
        chromium.waitUntil(ExpectedConditions.urlMatches("/app/issuers/[0-9a-f-]{36}$"));
        assertThat(chromium.find(By.tagName("main")).getText())
                .contains("did:web:localhost:issuers:enfermagem");
    }

    /** Imports {@link #SKILLS}, written to that file, as the framework "Clinical skills". */
    static void importSkills(Chromium chromium, Site site, Path csv) {
        chromium.open(site.uri("/app/skills"));
        chromium.type("name", "Clinical skills");
        chromium.type("version", "2025");
        chromium.find(By.id("csv")).sendKeys(csv.toAbsolutePath().toString());
        chromium.press("Import");
        chromium.waitUntil(
                ExpectedConditions.textToBe(
                        By.cssSelector(".notice p"), "Imported 3 skills of Clinical skills."));
    }

    /** Designs {@link #ACHIEVEMENT} aligned with "Wound care", found with the skill picker. */
    static void createAchievement(Chromium chromium, Site site) {
        chromium.open(site.uri("/app/achievements/new"));
        chromium.type("name", ACHIEVEMENT);
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
        assertThat(chromium.find(By.id("name")).getAttribute("value")).isEqualTo(ACHIEVEMENT);
        skill.click();
        chromium.press("Create achievement");
        chromium.waitUntil(ExpectedConditions.urlMatches("/app/achievements/[0-9a-f-]{36}$"));
        assertThat(chromium.find(By.tagName("main")).getText())
                .contains(ACHIEVEMENT)
                .contains("Wound care (Clinical skills N1)")
                .doesNotContain("Medication safety");
    }

    /** Uploads a recipients file for the dry run; the browser is then on its report. */
    static void uploadRecipients(Chromium chromium, Site site, Path csv) {
        chromium.open(site.uri("/app/bulk"));
        new Select(chromium.find(By.id("issuerId"))).selectByVisibleText(ISSUER);
        new Select(chromium.find(By.id("achievementId")))
                .selectByVisibleText(ACHIEVEMENT + " (v1)");
        chromium.find(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        chromium.press("Check the file");
        chromium.waitUntil(ExpectedConditions.urlMatches("/app/bulk/[0-9a-f-]{36}$"));
    }

    /** Waits for the page that bulk.js reloads once the job is over (rendered as finished). */
    static void waitUntilFinished(Chromium chromium) {
        chromium.waitUntil(
                ExpectedConditions.attributeToBe(By.id("progress"), "data-finished", "true"));
    }
}
