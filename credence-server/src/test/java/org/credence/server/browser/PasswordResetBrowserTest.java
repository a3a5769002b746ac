package org.credence.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.credence.testing.db.Engine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A forgotten password set anew in a real browser, through the e-mailed link. */
@BrowserTest
class PasswordResetBrowserTest {

    private static final String NEW_PASSWORD = "seven purple otters juggle";

    @Test
    void should_set_a_new_password_through_the_emailed_link_and_sign_in_with_it(Chromium chromium) {
        try (Site site = Site.start(Engine.H2)) {
            // GIVEN a member with an account
            site.server().signUp("Riverside", "ada@example.edu");

            // WHEN she asks for a reset from the sign-in page
            chromium.open(site.uri("/login"));
            chromium.find(org.openqa.selenium.By.linkText("Forgot your password?")).click();
            chromium.type("email", "ada@example.edu");
            chromium.press("E-mail me a link");
            assertThat(chromium.text("notice")).contains("we have e-mailed it a link");

            // AND opens the link, first trying a common password
            chromium.open(
                    site.uri(site.server().emailedLink("ada@example.edu", "/password-reset/")));
            chromium.type("password", "password1234");
            chromium.press("Set the new password");
            assertThat(chromium.text("password-error")).contains("too easy to guess");
            chromium.type("password", NEW_PASSWORD);
            chromium.press("Set the new password");

            // THEN the new password is set and signs her in
            assertThat(chromium.text("notice")).contains("Your new password is set");
            chromium.open(site.uri("/login"));
            chromium.type("email", "ada@example.edu");
            chromium.type("password", NEW_PASSWORD);
            chromium.press("Sign in");
            chromium.waitUntil(ExpectedConditions.urlToBe(site.uri("/app").toString()));
        }
    }
}
