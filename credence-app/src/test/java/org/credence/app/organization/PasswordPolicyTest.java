package org.credence.app.organization;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.credence.app.AppException;
import org.credence.app.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "password1234",
                "Password123!",
                "qwertyuiopasdf",
                "123456789012",
                "iloveyou2024",
                "liverpool1234",
                "monkey12345678",
                "correct horse battery staple",
                "trustno1trustno1"
            })
    void should_refuse_a_common_or_leaked_password(String password) {
        assertThatThrownBy(() -> PasswordPolicy.require("password", password))
                .isInstanceOf(AppException.class)
                .hasMessageStartingWith("password: this password is too easy to guess")
                .extracting(e -> ((AppException) e).problem())
                .isEqualTo(Problem.INVALID_INPUT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "aaaaaaaaaaaa",
                "111111111111111111111111111111",
                "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂"
            })
    void should_refuse_one_character_repeated(String password) {
        assertThatThrownBy(() -> PasswordPolicy.require("password", password))
                .hasMessage(
                        "password: one character repeated is easy to guess; choose another"
                                + " password");
    }

    @Test
    void should_refuse_a_password_shorter_than_twelve_characters_with_advice() {
        assertThatThrownBy(() -> PasswordPolicy.require("newPassword", "xk7!pq2mzr9"))
                .hasMessageStartingWith("newPassword: use at least 12 characters");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "a long enough passphrase",
                "xk7!pq2mzr9w",
                "ghfjtyeirowq",
                "Bäckerei Zürich Dienstag Regen",
                "seven purple otters juggle quietly at dawn in the old harbour"
            })
    void should_accept_a_long_or_unusual_password_without_composition_rules(String password) {
        assertThatCode(() -> PasswordPolicy.require("password", password))
                .doesNotThrowAnyException();
    }

    @Test
    void should_accept_a_long_password_quickly_and_refuse_one_over_the_limit() {
        String longOne = "seven purple otters juggle quietly ".repeat(28);
        long started = System.nanoTime();
        assertThatCode(() -> PasswordPolicy.require("password", longOne))
                .doesNotThrowAnyException();
        org.assertj.core.api.Assertions.assertThat((System.nanoTime() - started) / 1_000_000)
                .isLessThan(5_000);
        assertThatThrownBy(() -> PasswordPolicy.require("password", "xk7!pq2mzr9w".repeat(90)))
                .hasMessage("password: use at most 1000 characters");
    }
}
