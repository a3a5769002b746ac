package org.credence.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.achievement.AchievementDraft;
import org.credence.app.award.AwardRecipient;
import org.credence.app.award.IssueRequest;
import org.credence.app.issuer.IssuerDraft;
import org.credence.app.organization.Actor;
import org.credence.server.Services;
import org.credence.server.TestServer;
import org.credence.testing.Vectors;
import org.credence.testing.db.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Sharing a collection in a real browser: a learner with a credential claimed here and one imported
 * makes a collection of both, shares it, and the link opened in a fresh browser (a new Chromium
 * session with its own empty profile: no cookies) shows the collection; once she revokes the link,
 * the same fresh browser gets "no longer shared" and none of the credentials' names.
 */
@BrowserTest
class ShareJourneyTest {

    private static final Pattern CLAIM = Pattern.compile("/claim/([A-Za-z0-9_-]{43})");
    private static final String FOREIGN = "dcc-verifier-core/v2__v2NoStatus.json";

    @TempDir Path files;

    @Test
    void should_show_a_shared_collection_in_a_fresh_browser_until_the_link_is_revoked(
            Chromium chromium) throws IOException {
        try (Site site = Site.start(Engine.H2)) {
            // GIVEN Zofia's wallet: a credential claimed from its e-mail, and an imported one
            issue(site.server(), "zofia@example.org");
            chromium.open(
                    site.uri("/wallet/signup?claim=" + claimToken(site, "zofia@example.org")));
            chromium.type("displayName", "Zofia Łukasiewicz");
            chromium.type("email", "zofia@example.org");
            chromium.type("password", TestServer.PASSWORD);
            chromium.press("Open my wallet");
            IssuerSteps.confirmEmailedLink(chromium, site, "zofia@example.org", "/wallet/signup/");
            chromium.waitUntil(ExpectedConditions.urlContains("/wallet/credentials/"));
            chromium.open(site.uri("/wallet"));
            Path foreign = files.resolve("teamwork.json");
            Files.write(foreign, Vectors.bytes(FOREIGN));
            chromium.find(By.id("file")).sendKeys(foreign.toString());
            chromium.press("Import");
            chromium.waitUntil(ExpectedConditions.urlMatches("/wallet/credentials/[0-9a-f-]{36}$"));

            // WHEN she makes a collection of both and shares it
            chromium.open(site.uri("/wallet"));
            chromium.type("collection-name", "Cybersecurity toolkit");
            chromium.press("Create collection");
            chromium.waitUntil(
                    ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("article.collection")));
            addToCollection(chromium, "Wound care");
            addToCollection(chromium, "Teamwork");
            assertThat(chromium.find(By.cssSelector("article.collection ul")).getText())
                    .contains("Wound care")
                    .contains("Teamwork");
            chromium.press("Share this collection");
            chromium.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("share-url")));
            URI link = URI.create(chromium.find(By.id("share-url")).getAttribute("value"));

            // THEN a fresh browser, without any cookie, sees the collection
            try (Chromium fresh = Chromium.start()) {
                assertThat(fresh.driver().manage().getCookies()).isEmpty();
                fresh.open(site.uri(link.getPath()));
                assertThat(fresh.find(By.tagName("h1")).getText())
                        .isEqualTo("Cybersecurity toolkit");
                String shared = fresh.find(By.tagName("main")).getText();
                assertThat(shared)
                        .contains("Wound care")
                        .contains("Riverside School of Nursing")
                        .contains("Teamwork")
                        .contains("Verified")
                        .doesNotContain("Zofia")
                        .doesNotContain("zofia@example.org");

                // WHEN she revokes the link
                chromium.open(site.uri("/wallet"));
                chromium.press("Revoke link");
                chromium.waitUntil(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("shares"), "None."));

                // THEN the same fresh browser gets "no longer shared", and nothing of hers
                fresh.open(site.uri(link.getPath()));
                String gone = fresh.find(By.tagName("main")).getText();
                assertThat(gone)
                        .contains("This link is no longer shared.")
                        .doesNotContain("Wound care")
                        .doesNotContain("Teamwork")
                        .doesNotContain("Cybersecurity toolkit")
                        .doesNotContain("Riverside")
                        .doesNotContain("Zofia");
                assertThat(fresh.driver().getPageSource()).doesNotContain("Wound care", "Teamwork");
            }
        }
    }

    static void addToCollection(Chromium chromium, String title) {
        WebElementSelect.of(chromium).selectByVisibleTextStartingWith(title);
        chromium.press("Add to collection");
        chromium.waitUntil(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("article.collection ul"), title));
    }

    /** The collection's "Credential" list, chosen by the start of an option's text. */
    private record WebElementSelect(Select select) {
        static WebElementSelect of(Chromium chromium) {
            return new WebElementSelect(
                    new Select(chromium.find(By.cssSelector("article.collection select"))));
        }

        void selectByVisibleTextStartingWith(String title) {
            select.getOptions().stream()
                    .filter(option -> option.getText().startsWith(title))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no option " + title))
                    .click();
        }
    }

    private static void issue(TestServer server, String recipient) {
        Services services = server.services();
        Actor owner =
                server.signUp("Riverside College", "owner@riverside.example").session().actor();
        UUID issuer =
                services.issuers()
                        .create(owner, IssuerDraft.of("riverside", "Riverside School of Nursing"))
                        .id();
        server.vet(issuer); // the operator vets it: only then is it "Verified"
        UUID achievement =
                services.achievements()
                        .create(
                                owner,
                                AchievementDraft.of(
                                        "Wound care",
                                        "Dresses wounds safely.",
                                        "Pass the observed assessment."))
                        .achievementId();
        services.awards()
                .issue(
                        owner,
                        IssueRequest.of(issuer, achievement, AwardRecipient.ofEmail(recipient)),
                        services.delivery().emailOnIssue(services.host().base()));
    }

    /** The claim token of the e-mail queued to the address (the outbox, as no SMTP runs). */
    private static String claimToken(Site site, String address) {
        String text =
                site.server()
                        .services()
                        .database()
                        .jdbi()
                        .withHandle(
                                handle ->
                                        handle.createQuery(
                                                        "SELECT text FROM email_outbox"
                                                                + " WHERE to_address = :to")
                                                .bind("to", address)
                                                .mapTo(String.class)
                                                .one());
        Matcher matcher = CLAIM.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }
}
