package org.credence.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.credence.app.award.IssuedCredential;
import org.credence.app.credential.SecuringFormat;
import org.credence.server.VerifyFixtures;
import org.credence.testing.db.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The public verify page in a real browser: a baked PNG uploaded, a VC-JWT pasted, and the address
 * of a credential this server serves (valid, then revoked) entered; each result page says the right
 * verdict in words.
 */
@BrowserTest
class VerifyPageBrowserTest {

    @TempDir Path files;

    @Test
    void should_show_the_verdict_when_a_png_is_uploaded_a_jwt_pasted_or_an_address_entered(
            Chromium chromium) throws IOException {
        try (Site site = Site.start(Engine.H2)) {
            // GIVEN
            VerifyFixtures fixtures = VerifyFixtures.create(site.server(), "browser").vetted();
            IssuedCredential signed =
                    fixtures.issue("ada@example.org", SecuringFormat.DATA_INTEGRITY);
            IssuedCredential jwt = fixtures.issue("bo@example.org", SecuringFormat.VC_JWT);
            IssuedCredential revoked =
                    fixtures.issue("cy@example.org", SecuringFormat.DATA_INTEGRITY);
            site.server()
                    .services()
                    .status()
                    .revoke(fixtures.actor(), revoked.id(), "issued in error");
            Path png = files.resolve("badge.png");
            Files.write(png, site.server().services().credentials().bakedPng(signed.id()));

            // WHEN / THEN: upload the baked badge
            chromium.open(site.uri("/verify"));
            chromium.find(By.id("file")).sendKeys(png.toString());
            chromium.press("Verify the file");
            assertThat(verdict(chromium)).isEqualTo("✓ Verified");
            assertThat(chromium.find(By.tagName("h2")).getText())
                    .isEqualTo(VerifyFixtures.ACHIEVEMENT);
            assertThat(chromium.find(By.tagName("main")).getText()).contains("School of Nursing");

            // WHEN / THEN: paste the JWT, with the recipient's address
            chromium.open(site.uri("/verify"));
            chromium.type("text", jwt.document());
            chromium.type("text-email", "bo@example.org");
            chromium.press("Verify the text");
            assertThat(verdict(chromium)).isEqualTo("✓ Verified");
            assertThat(chromium.find(By.tagName("main")).getText())
                    .contains("Recipient")
                    .contains("recipient: Passed");

            // WHEN / THEN: the addresses of credentials served by this server
            chromium.open(site.uri("/verify"));
            chromium.type("url", signed.url());
            chromium.press("Verify the address");
            assertThat(verdict(chromium)).isEqualTo("✓ Verified");

            chromium.open(site.uri("/verify"));
            chromium.type("url", revoked.url());
            chromium.press("Verify the address");
            assertThat(verdict(chromium)).isEqualTo("✗ Revoked");
            assertThat(chromium.find(By.tagName("h1")).getText())
                    .isEqualTo("This credential was revoked by its issuer");
        }
    }

    private static String verdict(Chromium chromium) {
        chromium.waitUntil(ExpectedConditions.urlMatches("/verify/results/[0-9a-f-]{36}$"));
        return chromium.text("verdict");
    }
}
