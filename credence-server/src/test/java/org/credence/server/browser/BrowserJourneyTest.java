package org.credence.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.credence.testing.db.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An issuer's whole journey through the pages in a real browser: sign up, create an issuer, import
 * skills, design an achievement with the skill picker, bulk-issue a CSV with one bad row, then open
 * a credential's public page, verify it, revoke it and see the revocation there.
 */
@BrowserTest
class BrowserJourneyTest {

    static final String XSS = "<script>window.__xss = 'name'</script>";
    static final String BAD_EMAIL = "ines.example.org<img src=x onerror=\"window.__xss='email'\">";
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
    static final String REASON = "Emitida por engano — turma errada";

    @TempDir Path files;

    @Test
    void should_issue_verify_and_revoke_when_an_issuer_goes_through_the_pages(Chromium chromium)
            throws IOException {
        try (Site site = Site.start(Engine.H2).startJobs()) {
            // GIVEN: an organisation with an issuer and an achievement aligned with a skill
            IssuerSteps.signUp(chromium, site);
            IssuerSteps.createIssuer(chromium, site);
            IssuerSteps.importSkills(chromium, site, file("skills.csv", IssuerSteps.SKILLS));
            IssuerSteps.createAchievement(chromium, site);
            site.server().vetAllIssuers(); // the operator vets it: only then is it "Verified"

            // WHEN / THEN: five recipients, one with a bad e-mail, are checked, confirmed, issued
            issueInBulk(chromium, site);

            // WHEN: the issuer finds one credential and opens its public page
            URI detail = openCredential(chromium, site, "amara@example.org");
            URI publicPage = publicPage(chromium, site);

            // THEN
            assertThat(verifyOnPublicPage(chromium, publicPage))
                    .isEqualTo(new PublicView("Valid", "VERIFIED"));

            // WHEN
            revoke(chromium, detail);

            // THEN: a fresh public page and a fresh verification both say so
            assertThat(verifyOnPublicPage(chromium, publicPage))
                    .isEqualTo(new PublicView("Revoked", "REVOKED"));
            assertThat(chromium.find(By.tagName("main")).getText()).contains("Reason: " + REASON);
            assertMarkupNotRun(chromium);
        }
    }

    private void issueInBulk(Chromium chromium, Site site) throws IOException {
        IssuerSteps.uploadRecipients(chromium, site, file("recipients.csv", RECIPIENTS));
        // The dry run refuses exactly the bad row, by its line in the file, shown as text.
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

        chromium.find(By.id("confirm")).click();

        IssuerSteps.waitUntilFinished(chromium);
        assertThat(chromium.text("state")).isEqualTo("completed");
        assertThat(chromium.text("issued")).isEqualTo("4");
        assertThat(chromium.text("failed-count")).isEqualTo("0");
    }

    /** Opens the credential list and that recipient's credential; returns its page. */
    private static URI openCredential(Chromium chromium, Site site, String email) {
        chromium.find(By.linkText("Credentials")).click();
        chromium.waitUntil(ExpectedConditions.urlToBe(site.uri("/app/credentials").toString()));
        assertThat(chromium.find(By.tagName("caption")).getText()).isEqualTo("4 credentials");
        assertThat(chromium.find(By.tagName("tbody")).getText())
                .contains("Zofia Łukasiewicz zofia@example.org")
                .contains("山田 博 hiroshi@example.org")
                .contains("Renée Ødegård renee@example.org")
                .contains("Amara " + XSS + " amara@example.org")
                .doesNotContain("ines");
        assertMarkupNotRun(chromium);
        chromium.find(By.xpath("//tbody//a[contains(., '" + email + "')]")).click();
        chromium.waitUntil(ExpectedConditions.urlMatches("/app/credentials/[0-9a-f-]{36}$"));
        assertThat(chromium.find(By.tagName("main")).getText()).contains("Amara " + XSS);
        assertMarkupNotRun(chromium);
        return URI.create(chromium.driver().getCurrentUrl());
    }

    /**
     * The public page the credential's page links to. Links carry the installation's public base
     * URL, which in tests has no port: the path is opened on the test server.
     */
    private static URI publicPage(Chromium chromium, Site site) {
        WebElement link =
                chromium.find(By.xpath("//dt[.='Public page']/following-sibling::dd[1]/a"));
        String path = URI.create(link.getAttribute("href")).getPath();
        assertThat(path).matches("/credentials/[0-9a-f-]{36}");
        return site.uri(path);
    }

    /** What the public page says: the status it shows and the verdict of "Verify". */
    record PublicView(String status, String verdict) {}

    private static PublicView verifyOnPublicPage(Chromium chromium, URI publicPage) {
        chromium.open(publicPage);
        String status = chromium.find(By.cssSelector("section.credential .state")).getText();
        chromium.press("Verify this credential");
        WebElement verdict =
                chromium.waitUntil(
                        ExpectedConditions.visibilityOfElementLocated(
                                By.cssSelector("#verification .verdict")));
        return new PublicView(status, verdict.getText());
    }

    private static void revoke(Chromium chromium, URI detail) {
        chromium.open(detail);
        chromium.type("revoke-reason", REASON);
        chromium.find(By.xpath("//form[contains(@action, '/revoke')]//input[@name='confirm']"))
                .click();
        chromium.press("Revoke");
        chromium.waitUntil(
                ExpectedConditions.textToBe(By.cssSelector("main dd .state"), "Revoked"));
        assertThat(chromium.find(By.tagName("main")).getText()).contains("Revoked — " + REASON);
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

    private Path file(String name, String content) throws IOException {
        Path path = files.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }
}
