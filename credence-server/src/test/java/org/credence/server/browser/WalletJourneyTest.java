package org.credence.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.achievement.AchievementDraft;
import org.credence.app.award.AwardRecipient;
import org.credence.app.award.IssueRequest;
import org.credence.app.delivery.DeliveryState;
import org.credence.app.delivery.SmtpSettings;
import org.credence.app.issuer.IssuerDraft;
import org.credence.app.organization.Actor;
import org.credence.server.Background;
import org.credence.server.Services;
import org.credence.server.TestServer;
import org.credence.testing.Vectors;
import org.credence.testing.db.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A learner's journey in a real browser: the credential e-mail arrives at the in-process SMTP
 * server, its claim link opens the claim page, "Add to my wallet" opens a wallet, the wallet lists
 * the credential as verified, and a foreign credential file imported from the vectors shows with
 * its verdict and the warning that it names someone else; both go into a collection whose share
 * link, opened in a fresh browser context, shows the collection; then two credentials ticked make a
 * CLR transcript, which is downloaded and shows as verified on the verify page (issue 5's journey).
 */
@BrowserTest
class WalletJourneyTest {

    private static final Pattern CLAIM_LINK = Pattern.compile("(/claim/[A-Za-z0-9_-]{43})");
    private static final String FOREIGN = "dcc-verifier-core/v2__v2NoStatus.json";

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir Path files;

    @Test
    void should_claim_into_a_new_wallet_and_import_a_foreign_credential(Chromium chromium)
            throws IOException {
        try (Site site = Site.start(Engine.H2);
                Background mail =
                        Background.start(
                                site.server().services(),
                                Optional.of(
                                        SmtpSettings.plain(
                                                "127.0.0.1",
                                                SMTP.getSmtp().getPort(),
                                                "badges@riverside.example",
                                                "Riverside Badges")),
                                Clock.systemUTC())) {
            // GIVEN a credential issued to Zofia and e-mailed to her
            Issuing issuing = Issuing.create(site.server());
            site.server()
                    .vetAllIssuers(); // the operator vets the issuer: only then is it "Verified"
            UUID credential = issuing.issueTo(site.server(), "zofia@example.org");
            // (the owner's sign-up confirmation went out first)
            assertThat(SMTP.waitForIncomingEmail(20_000, 2)).isTrue();
            String email = textOf(SMTP.getReceivedMessages()[1]);

            // WHEN she opens the claim link and adds the credential to a new wallet
            chromium.open(site.uri(claimPath(email)));
            assertThat(chromium.find(By.tagName("main")).getText())
                    .contains("has awarded you Wound care");
            chromium.find(By.id("add-to-wallet")).click();
            chromium.waitUntil(ExpectedConditions.urlContains("/wallet/signup?claim="));
            chromium.type("displayName", "Zofia Łukasiewicz");
            chromium.type("email", "zofia@example.org");
            chromium.type("password", TestServer.PASSWORD);
            chromium.press("Open my wallet");
            IssuerSteps.confirmEmailedLink(chromium, site, "zofia@example.org", "/wallet/signup/");

            // THEN the credential is in her wallet, verified, and the issuer sees it claimed
            chromium.waitUntil(
                    ExpectedConditions.urlToBe(
                            site.uri("/wallet/credentials/" + credential).toString()));
            assertThat(chromium.text("verdict")).isEqualTo("Verified");
            chromium.find(By.linkText("My wallet")).click();
            chromium.waitUntil(ExpectedConditions.urlToBe(site.uri("/wallet").toString()));
            assertThat(chromium.find(By.cssSelector("#wallet caption")).getText())
                    .isEqualTo("1 credential");
            assertThat(chromium.find(By.cssSelector("#wallet tbody")).getText())
                    .contains("Wound care")
                    .contains("Riverside School of Nursing")
                    .contains("Verified");
            assertThat(chromium.text("hours")).isEqualTo("12.5 hours");
            assertThat(chromium.text("credits")).isEqualTo("2");
            assertThat(delivery(site, credential)).isEqualTo(DeliveryState.CLAIMED);

            // WHEN she imports a credential file issued elsewhere to someone else's DID
            Path foreign = files.resolve("teamwork.json");
            Files.write(foreign, Vectors.bytes(FOREIGN));
            chromium.find(By.id("file")).sendKeys(foreign.toString());
            chromium.press("Import");

            // THEN it shows with its verdict and the warning, and the wallet lists both
            chromium.waitUntil(ExpectedConditions.urlMatches("/wallet/credentials/[0-9a-f-]{36}$"));
            assertThat(chromium.find(By.tagName("h1")).getText()).isEqualTo("Teamwork");
            // a did:key in no registry: a genuine signature, never the confirmed "Verified"
            assertThat(chromium.text("verdict"))
                    .isEqualTo("Genuine signature — but we could not confirm who the issuer is");
            assertThat(chromium.find(By.id("recipient-warning")).getText())
                    .contains("not issued to any of your verified identifiers");
            assertThat(chromium.find(By.id("checks")).getText()).contains("proof");
            chromium.find(By.linkText("My wallet")).click();
            chromium.waitUntil(ExpectedConditions.urlToBe(site.uri("/wallet").toString()));
            assertThat(chromium.find(By.cssSelector("#wallet caption")).getText())
                    .isEqualTo("2 credentials");
            assertThat(chromium.find(By.cssSelector("#wallet tbody")).getText())
                    .contains("Teamwork")
                    .contains("Example Corp")
                    .contains("Not issued to any of your verified identifiers");
            assertThat(chromium.text("counted")).isEqualTo("1");

            // WHEN she makes a collection of both and shares it
            chromium.type("collection-name", "Cybersecurity toolkit");
            chromium.press("Create collection");
            chromium.waitUntil(
                    ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("article.collection")));
            ShareJourneyTest.addToCollection(chromium, "Wound care");
            ShareJourneyTest.addToCollection(chromium, "Teamwork");
            chromium.press("Share this collection");
            chromium.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("share-url")));
            URI link = URI.create(chromium.find(By.id("share-url")).getAttribute("value"));

            // THEN the link opened in a fresh browser context (no cookie) shows the collection
            try (Chromium fresh = Chromium.start()) {
                assertThat(fresh.driver().manage().getCookies()).isEmpty();
                fresh.open(site.uri(link.getPath()));
                assertThat(fresh.find(By.tagName("h1")).getText())
                        .isEqualTo("Cybersecurity toolkit");
                assertThat(fresh.find(By.tagName("main")).getText())
                        .contains("Wound care")
                        .contains("Teamwork")
                        .doesNotContain("zofia@example.org");
            }

            // WHEN a second credential is issued to her and she ticks both for a transcript
            UUID second = issuing.issueTo(site.server(), "zofia@example.org");
            chromium.find(By.linkText("Transcripts")).click();
            chromium.waitUntil(
                    ExpectedConditions.urlToBe(site.uri("/wallet/transcripts").toString()));
            chromium.find(By.id("pick-" + credential)).click();
            chromium.find(By.id("pick-" + second)).click();
            chromium.press("Create transcript");

            // THEN it is listed; she downloads it, and the verify page says it is verified
            chromium.waitUntil(
                    ExpectedConditions.textToBe(
                            By.cssSelector("#transcripts caption"), "1 transcript"));
            String href =
                    chromium.find(By.cssSelector("#transcripts a[download]")).getAttribute("href");
            String clr = download(chromium, href);
            assertThat(clr)
                    .contains("ClrCredential")
                    .contains(credential.toString())
                    .contains(second.toString());
            Path transcript = files.resolve("transcript.json");
            Files.writeString(transcript, clr, StandardCharsets.UTF_8);
            chromium.open(site.uri("/verify"));
            chromium.find(By.id("file")).sendKeys(transcript.toString());
            chromium.press("Verify the file");
            chromium.waitUntil(ExpectedConditions.urlMatches("/verify/results/[0-9a-f-]{36}$"));
            assertThat(chromium.text("verdict")).isEqualTo("✓ Verified");
        }
    }

    /**
     * Fetches a download link in the page, as the browser downloads it (with the learner's cookie):
     * headless Chromium saves downloads nowhere a test can wait for reliably.
     */
    private static String download(Chromium chromium, String href) {
        Object text =
                ((JavascriptExecutor) chromium.driver())
                        .executeAsyncScript(
                                "const done = arguments[arguments.length - 1];"
                                        + " fetch(arguments[0], {credentials: 'same-origin'})"
                                        + ".then(r => r.ok ? r.text() : 'HTTP ' + r.status)"
                                        + ".then(done, e => done('failed: ' + e));",
                                href);
        return (String) text;
    }

    /** Riverside's owner, issuer and achievement, to issue "Wound care" to anyone. */
    private record Issuing(Actor owner, UUID issuer, UUID achievement) {

        static Issuing create(TestServer server) {
            Services services = server.services();
            Actor owner =
                    server.signUp("Riverside College", "owner@riverside.example").session().actor();
            UUID issuer =
                    services.issuers()
                            .create(
                                    owner,
                                    IssuerDraft.of("riverside", "Riverside School of Nursing"))
                            .id();
            UUID achievement =
                    services.achievements()
                            .create(
                                    owner,
                                    AchievementDraft.of(
                                                    "Wound care",
                                                    "Dresses wounds safely.",
                                                    "Pass the observed assessment.")
                                            .withEffortHours(new BigDecimal("12.5"))
                                            .withCreditsAvailable(new BigDecimal("2")))
                            .achievementId();
            return new Issuing(owner, issuer, achievement);
        }

        UUID issueTo(TestServer server, String recipient) {
            Services services = server.services();
            return services.awards()
                    .issue(
                            owner,
                            IssueRequest.of(issuer, achievement, AwardRecipient.ofEmail(recipient)),
                            services.delivery().emailOnIssue(services.host().base()))
                    .id();
        }
    }

    private static DeliveryState delivery(Site site, UUID credential) {
        Services services = site.server().services();
        Actor owner =
                services.accounts()
                        .login("owner@riverside.example", TestServer.PASSWORD)
                        .session()
                        .actor();
        return services.delivery().delivery(owner, credential).state();
    }

    private static String textOf(MimeMessage message) {
        try {
            Multipart parts = (Multipart) message.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return (String) parts.getBodyPart(i).getContent();
                }
            }
            throw new AssertionError("no text part");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The claim link's path. Links carry the installation's public base URL, which in tests has no
     * port: the path is opened on the test server.
     */
    private static String claimPath(String email) {
        Matcher matcher = CLAIM_LINK.matcher(email);
        assertThat(matcher.find()).as(email).isTrue();
        return matcher.group(1);
    }
}
