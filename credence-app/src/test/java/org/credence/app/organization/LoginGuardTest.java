package org.credence.app.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.testing.FixedClock;
import org.junit.jupiter.api.Test;

class LoginGuardTest {

    private static final String ADA = "ada@example.edu";
    private static final String ATTACKER = "203.0.113.9";
    private static final String ADAS_LAPTOP = "198.51.100.7";

    private final SteppingClock clock = new SteppingClock(FixedClock.VECTORS_NOW);
    private final LoginGuard guard = new LoginGuard(clock);

    @Test
    void should_back_off_exponentially_when_one_client_keeps_failing_on_one_account() {
        // GIVEN three free failures
        for (int i = 0; i < 3; i++) {
            assertThat(guard.wait(ADA, ATTACKER)).isEmpty();
            guard.failed(ADA, ATTACKER);
        }

        // THEN each further failure doubles the wait: 1 s, 2 s, 4 s, 8 s
        for (long seconds : new long[] {1, 2, 4, 8}) {
            assertThat(guard.wait(ADA, ATTACKER)).contains(Duration.ofSeconds(seconds));
            clock.advance(Duration.ofSeconds(seconds));
            assertThat(guard.wait(ADA, ATTACKER)).isEmpty();
            guard.failed(ADA, ATTACKER);
        }
        assertThatThrownBy(() -> guard.check(ADA, ATTACKER))
                .isInstanceOf(AppException.class)
                .hasMessage(
                        "Too many failed attempts: wait 16 seconds before trying to sign in again")
                .extracting(e -> ((AppException) e).problem())
                .isEqualTo(Problem.TOO_MANY_REQUESTS);
    }

    @Test
    void should_never_wait_longer_than_fifteen_minutes_and_forget_after_an_hour() {
        for (int i = 0; i < 40; i++) {
            guard.failed(ADA, ATTACKER);
        }
        assertThat(guard.wait(ADA, ATTACKER)).contains(Duration.ofMinutes(15));
        assertThatThrownBy(() -> guard.check(ADA, ATTACKER))
                .hasMessageContaining("wait 15 minutes");

        clock.advance(Duration.ofHours(1));
        assertThat(guard.wait(ADA, ATTACKER)).isEmpty();
        guard.failed(ADA, ATTACKER);
        assertThat(guard.wait(ADA, ATTACKER)).isEmpty(); // counting starts again
    }

    @Test
    void should_let_the_owner_in_from_a_clean_client_while_another_address_hammers_the_account() {
        // GIVEN an attacker far into backoff on Ada's account
        for (int i = 0; i < 30; i++) {
            guard.failed(ADA, ATTACKER);
        }
        assertThat(guard.wait(ADA, ATTACKER)).isPresent();

        // THEN Ada's own computer may still try, and her success does not free the attacker
        assertThat(guard.wait(ADA, ADAS_LAPTOP)).isEmpty();
        guard.succeeded(ADA, ADAS_LAPTOP);
        assertThat(guard.wait(ADA, ADAS_LAPTOP)).isEmpty();
        assertThat(guard.wait("grace@example.edu", ATTACKER)).isPresent(); // per client too
    }

    @Test
    void should_slow_many_addresses_on_one_account_after_their_first_guess_each() {
        // GIVEN ten addresses that each failed once on Ada's account (the account's free ones)
        for (int i = 0; i < 10; i++) {
            guard.failed(ADA, "192.0.2." + i);
        }

        // THEN a new address still gets its first guess, but not a second one at once
        String fresh = "192.0.2.200";
        assertThat(guard.wait(ADA, fresh)).isEmpty();
        guard.failed(ADA, fresh);
        Optional<Duration> second = guard.wait(ADA, fresh);
        assertThat(second).contains(Duration.ofSeconds(2));
        // and the owner's clean client is not affected
        assertThat(guard.wait(ADA, ADAS_LAPTOP)).isEmpty();
    }

    @Test
    void should_slow_one_client_trying_many_accounts() {
        for (int i = 0; i < 20; i++) {
            guard.failed("person" + i + "@example.edu", ATTACKER);
        }
        assertThat(guard.wait("someone.new@example.edu", ATTACKER)).contains(Duration.ofSeconds(1));
        assertThat(guard.wait("someone.new@example.edu", ADAS_LAPTOP)).isEmpty();
    }
}
