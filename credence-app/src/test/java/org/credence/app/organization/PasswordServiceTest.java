package org.credence.app.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.db.Database;
import org.credence.app.issuer.TestOrganisations;
import org.credence.testing.FixedClock;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PasswordServiceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final String BASE = "https://credence.example";
    private static final String NEW_PASSWORD = "seven purple otters juggle";

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_reset_once_within_thirty_minutes_and_end_every_session(TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN Ada signed in, and a reset asked for her and for an unknown address
            SteppingClock clock = new SteppingClock(FixedClock.VECTORS_NOW);
            AccountService accounts = AccountServiceTest.accounts(database, clock);
            SignedIn session =
                    accounts.signUp(AccountServiceTest.signUp("Riverside", "ada@example.edu"));
            PasswordService passwords = passwords(database, clock);
            passwords.requestReset("Ada@Example.edu", BASE);
            passwords.requestReset("nobody@example.edu", BASE);

            // THEN only Ada's address got an e-mail, and only the token's hash is stored
            assertThat(outboxTo(database)).containsExactly("ada@example.edu");
            String token = token(database, "ada@example.edu");
            assertThat(storedHashes(database)).doesNotContain(token).hasSize(1);

            // WHEN she sets a new password with the link
            passwords.reset(token, NEW_PASSWORD, BASE);

            // THEN it signs in, her session ended, and the link is dead
            assertThat(accounts.session(session.token())).isEmpty();
            assertThat(accounts.login("ada@example.edu", NEW_PASSWORD).session().email())
                    .isEqualTo("ada@example.edu");
            assertThatThrownBy(() -> passwords.reset(token, NEW_PASSWORD + "!", BASE))
                    .extracting(e -> ((AppException) e).problem())
                    .isEqualTo(Problem.NOT_FOUND);

            // WHEN a second link is left for 30 minutes, THEN it has expired
            clock.advance(Duration.ofSeconds(1));
            passwords.requestReset("ada@example.edu", BASE);
            String late = token(database, "ada@example.edu");
            clock.advance(AccountLinks.RESET_VALIDITY);
            assertThat(passwords.resetLinkWorks(late)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_confirm_a_sign_up_by_its_link_and_email_the_owner_of_a_taken_address(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            SteppingClock clock = new SteppingClock(FixedClock.VECTORS_NOW);
            AccountService accounts = AccountServiceTest.accounts(database, clock);
            accounts.signUp(AccountServiceTest.signUp("Riverside", "ada@example.edu"));

            // WHEN Ada's address and a new one sign up on the web
            accounts.register(AccountServiceTest.signUp("Other", "ada@example.edu"), BASE);
            accounts.register(AccountServiceTest.signUp("Hillside", "grace@example.edu"), BASE);

            // THEN Ada is told she has an account; Grace's organisation waits for her link
            assertThat(lastText(database, "ada@example.edu")).contains(BASE + "/login");
            List<String> slugs =
                    database.jdbi()
                            .withHandle(
                                    handle ->
                                            handle.createQuery("SELECT slug FROM organisations")
                                                    .mapTo(String.class)
                                                    .list());
            assertThat(slugs).containsExactly("riverside");
            String token = token(database, "grace@example.edu");
            SignedIn grace = accounts.confirmSignUp(token);
            assertThat(grace.session().organisationName()).isEqualTo("Hillside");
            assertThatThrownBy(() -> accounts.confirmSignUp(token))
                    .extracting(e -> ((AppException) e).problem())
                    .isEqualTo(Problem.NOT_FOUND);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_change_with_the_current_password_and_keep_only_this_session(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            SteppingClock clock = new SteppingClock(FixedClock.VECTORS_NOW);
            AccountService accounts = AccountServiceTest.accounts(database, clock);
            SignedIn here =
                    accounts.signUp(AccountServiceTest.signUp("Riverside", "ada@example.edu"));
            SignedIn elsewhere = accounts.login("ada@example.edu", AccountServiceTest.PASSWORD);
            PasswordService passwords = passwords(database, clock);

            assertThatThrownBy(
                            () ->
                                    passwords.change(
                                            here.session().userId(),
                                            here.token(),
                                            new PasswordChange("not my password", NEW_PASSWORD),
                                            BASE))
                    .hasMessage("currentPassword: this is not your current password");
            assertThatThrownBy(
                            () ->
                                    passwords.change(
                                            here.session().userId(),
                                            here.token(),
                                            new PasswordChange(
                                                    AccountServiceTest.PASSWORD, "aaaaaaaaaaaaaa"),
                                            BASE))
                    .hasMessageStartingWith("newPassword: one character repeated");

            passwords.change(
                    here.session().userId(),
                    here.token(),
                    new PasswordChange(AccountServiceTest.PASSWORD, NEW_PASSWORD),
                    BASE);

            assertThat(accounts.session(here.token())).isPresent();
            assertThat(accounts.session(elsewhere.token())).isEmpty();
            assertThat(accounts.login("ada@example.edu", NEW_PASSWORD).token()).isNotEmpty();
        }
    }

    private static PasswordService passwords(Database database, SteppingClock clock) {
        return new PasswordService(
                database,
                new MemberPasswordAccounts(),
                clock,
                new SecureRandom(),
                AccountServiceTest.CHEAP);
    }

    private static List<String> outboxTo(Database database) {
        return database.jdbi()
                .withHandle(
                        handle ->
                                handle.createQuery("SELECT to_address FROM email_outbox")
                                        .mapTo(String.class)
                                        .list());
    }

    private static List<String> storedHashes(Database database) {
        return database.jdbi()
                .withHandle(
                        handle ->
                                handle.createQuery("SELECT token_hash FROM account_links")
                                        .mapTo(String.class)
                                        .list());
    }

    private static String lastText(Database database, String to) {
        return database.jdbi()
                .withHandle(
                        handle ->
                                handle.createQuery(
                                                "SELECT text FROM email_outbox WHERE to_address ="
                                                        + " :to ORDER BY created_at DESC LIMIT 1")
                                        .bind("to", to)
                                        .mapTo(String.class)
                                        .one());
    }

    private static String token(Database database, String to) {
        Matcher matcher =
                Pattern.compile("/(?:password-reset|signup)/([A-Za-z0-9_-]{43})")
                        .matcher(lastText(database, to));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
