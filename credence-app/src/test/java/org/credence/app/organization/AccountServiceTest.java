package org.credence.app.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.audit.AuditEvent;
import org.credence.app.db.Database;
import org.credence.app.issuer.TestOrganisations;
import org.credence.testing.FixedClock;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AccountServiceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    static final PasswordHasher.Parameters CHEAP = new PasswordHasher.Parameters(64, 1, 1);
    static final String PASSWORD = "a long enough passphrase";

    static AccountService accounts(Database database, SteppingClock clock) {
        return new AccountService(database, clock, new SecureRandom(), CHEAP);
    }

    static SignUp signUp(String organisation, String email) {
        return new SignUp(organisation, "Ada Lovelace", email, PASSWORD);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_create_organisation_owner_and_session_when_signing_up(TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            SteppingClock clock = new SteppingClock(FixedClock.VECTORS_NOW);
            AccountService accounts = accounts(database, clock);

            // WHEN
            SignedIn signedIn = accounts.signUp(signUp("Riverside Côllege", " Ada@Example.EDU "));
            SignedIn second = accounts.signUp(signUp("Riverside Côllege!", "grace@example.edu"));

            // THEN
            Session session = accounts.session(signedIn.token()).orElseThrow();
            assertThat(session.email()).isEqualTo("ada@example.edu");
            assertThat(session.role()).isEqualTo(Role.OWNER);
            assertThat(session.organisationName()).isEqualTo("Riverside Côllege");
            assertThat(session.expiresAt())
                    .isEqualTo(FixedClock.VECTORS_NOW.plus(Duration.ofHours(12)));
            assertThat(session.csrfToken()).hasSize(43).isNotEqualTo(signedIn.token());
            assertThat(signedIn.token()).hasSize(43);
            assertThat(second.session().organisationId()).isNotEqualTo(session.organisationId());
            assertThat(slugs(database))
                    .containsExactlyInAnyOrder("riverside-college", "riverside-college-2");
            assertThat(storedSessionHashes(database)).doesNotContain(signedIn.token()).hasSize(2);
            List<AuditEvent> log = new AuditLog(database).newest(session.actor(), 10);
            assertThat(log)
                    .singleElement()
                    .satisfies(
                            event -> {
                                assertThat(event.action()).isEqualTo("organisation.created");
                                assertThat(event.actor()).isEqualTo("ada@example.edu");
                            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_sign_in_and_out_when_the_password_matches(TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            SteppingClock clock = new SteppingClock(FixedClock.VECTORS_NOW);
            AccountService accounts = accounts(database, clock);
            accounts.signUp(signUp("Riverside", "ada@example.edu"));

            // WHEN
            SignedIn signedIn = accounts.login("ADA@example.edu", PASSWORD);

            // THEN
            assertThat(accounts.session(signedIn.token())).isPresent();
            accounts.logout(signedIn.token());
            assertThat(accounts.session(signedIn.token())).isEmpty();
            assertThat(accounts.session("made-up")).isEmpty();
            assertThat(accounts.session(null)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_end_the_session_when_twelve_hours_have_passed(TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            SteppingClock clock = new SteppingClock(FixedClock.VECTORS_NOW);
            AccountService accounts = accounts(database, clock);
            SignedIn signedIn = accounts.signUp(signUp("Riverside", "ada@example.edu"));

            // WHEN
            clock.advance(Duration.ofHours(12));

            // THEN
            assertThat(accounts.session(signedIn.token())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_a_wrong_password_and_brake_the_guessing_client_but_not_the_owner(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            SteppingClock clock = new SteppingClock(FixedClock.VECTORS_NOW);
            AccountService accounts = accounts(database, clock);
            accounts.signUp(signUp("Riverside", "ada@example.edu"));
            String attacker = "203.0.113.9";

            // WHEN / THEN: wrong password and unknown address get the same answer
            for (int i = 0; i < 3; i++) {
                assertProblem(
                        () -> accounts.login("ada@example.edu", "wrong password!", attacker),
                        Problem.UNAUTHENTICATED);
            }
            assertProblem(
                    () -> accounts.login("nobody@example.edu", PASSWORD, attacker),
                    Problem.UNAUTHENTICATED);
            // the attacker now waits, even with the right password
            assertThatThrownBy(() -> accounts.login("ada@example.edu", PASSWORD, attacker))
                    .isInstanceOf(AppException.class)
                    .hasMessageContaining("Too many failed attempts: wait 1 seconds")
                    .extracting(e -> ((AppException) e).problem())
                    .isEqualTo(Problem.TOO_MANY_REQUESTS);
            // Ada from her own computer gets in meanwhile
            assertThat(
                            accounts.login("ada@example.edu", PASSWORD, "198.51.100.7")
                                    .session()
                                    .email())
                    .isEqualTo("ada@example.edu");

            clock.advance(Duration.ofSeconds(1));
            assertThat(accounts.login("ada@example.edu", PASSWORD, attacker).session().email())
                    .isEqualTo("ada@example.edu");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_when_the_email_has_an_account(TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            SteppingClock clock = new SteppingClock(FixedClock.VECTORS_NOW);
            AccountService accounts = accounts(database, clock);
            accounts.signUp(signUp("Riverside", "ada@example.edu"));

            assertThatThrownBy(() -> accounts.signUp(signUp("Other", "ADA@example.edu")))
                    .hasMessageStartingWith("email:")
                    .extracting(e -> ((AppException) e).problem())
                    .isEqualTo(Problem.CONFLICT);
            assertThat(slugs(database)).containsExactly("riverside");
        }
    }

    @Test
    void should_refuse_when_the_password_is_shorter_than_twelve_characters() {
        assertThatThrownBy(() -> new SignUp("Riverside", "Ada", "ada@example.edu", "short pass"))
                .isInstanceOf(AppException.class)
                .hasMessageStartingWith("password: use at least 12 characters");
        assertThatThrownBy(() -> new SignUp("Riverside", "Ada", "not an address", PASSWORD))
                .hasMessageStartingWith("email:");
        assertThat(new SignUp("R", "Ada", "ada@example.edu", PASSWORD).toString())
                .doesNotContain(PASSWORD);
    }

    @Test
    void should_make_ascii_slugs_when_names_have_accents_and_symbols() {
        assertThat(AccountService.slug("École Polytechnique — Paris"))
                .isEqualTo("ecole-polytechnique-paris");
        assertThat(AccountService.slug("<script>")).isEqualTo("script");
        assertThat(AccountService.slug("日本")).isEqualTo("organisation");
        assertThat(AccountService.slug("a".repeat(100))).hasSize(50);
    }

    static void assertProblem(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Problem problem) {
        assertThatThrownBy(call)
                .isInstanceOf(AppException.class)
                .extracting(e -> ((AppException) e).problem())
                .isEqualTo(problem);
    }

    private static List<String> slugs(Database database) {
        return database.jdbi()
                .withHandle(
                        handle ->
                                handle.createQuery("SELECT slug FROM organisations")
                                        .mapTo(String.class)
                                        .list());
    }

    private static List<String> storedSessionHashes(Database database) {
        return database.jdbi()
                .withHandle(
                        handle ->
                                handle.createQuery("SELECT token_hash FROM sessions")
                                        .mapTo(String.class)
                                        .list());
    }
}
