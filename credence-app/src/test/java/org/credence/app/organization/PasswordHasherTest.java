package org.credence.app.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PasswordHasherTest {

    private static final PasswordHasher HASHER =
            new PasswordHasher(PasswordHasher.DEFAULT, new SecureRandom());

    @Test
    void should_write_a_phc_string_with_the_parameters_when_hashing() {
        // WHEN
        String phc = HASHER.hash("correct horse battery staple");

        // THEN
        assertThat(phc)
                .matches(
                        "\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(HASHER.verify("correct horse battery staple", phc)).isTrue();
        assertThat(HASHER.verify("correct horse battery stapl", phc)).isFalse();
        assertThat(HASHER.needsRehash(phc)).isFalse();
    }

    @Test
    void should_verify_a_known_argon2id_hash_when_it_comes_from_another_implementation() {
        // GIVEN: from the reference implementation's CLI (Debian's argon2 package):
        // echo -n password | argon2 somesalt -id -t 2 -m 16 -p 4 -l 32 -e
        String phc =
                "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo";

        // THEN: parameters are read from the string, and an old string asks to be rehashed
        assertThat(HASHER.verify("password", phc)).isTrue();
        assertThat(HASHER.verify("Password", phc)).isFalse();
        assertThat(HASHER.needsRehash(phc)).isTrue();
    }

    @Test
    void should_refuse_to_match_when_the_stored_string_is_malformed() {
        assertThat(HASHER.verify("password", "")).isFalse();
        assertThat(
                        HASHER.verify(
                                "password",
                                "$argon2i$v=19$m=16,t=2,p=1$c29tZXNhbHQ$abcdefghijklmnopqrstuv"))
                .isFalse();
        assertThat(
                        HASHER.verify(
                                "password",
                                "$argon2id$v=19$m=1,t=1,p=1$c29tZXNhbHQ$abcdefghijklmnopqrstuv"))
                .isFalse();
    }

    static IntStream seeds() {
        return IntStream.range(0, 8);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void should_round_trip_any_password_when_hashed_with_cheap_parameters(int seed) {
        // GIVEN: a random password of any characters, including non-ASCII
        Random random = new Random(seed);
        PasswordHasher cheap =
                new PasswordHasher(new PasswordHasher.Parameters(64, 1, 1), new SecureRandom());
        String password =
                random.ints(12 + random.nextInt(40), 0x20, 0x2FFF)
                        .collect(
                                StringBuilder::new,
                                StringBuilder::appendCodePoint,
                                StringBuilder::append)
                        .toString();

        // WHEN
        String phc = cheap.hash(password);

        // THEN
        assertThat(cheap.verify(password, phc)).as("seed %d", seed).isTrue();
        assertThat(cheap.verify(password + "x", phc)).as("seed %d", seed).isFalse();
        assertThat(cheap.hash(password)).as("fresh salt").isNotEqualTo(phc);
    }
}
