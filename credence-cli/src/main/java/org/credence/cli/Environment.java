package org.credence.cli;

import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * What the commands take from the outside world besides their files and output streams.
 *
 * @param clock gives issuance and verification times
 * @param random draws keys, credential ids and salts
 * @param stdin what {@code -} reads
 */
record Environment(Clock clock, SecureRandom random, InputStream stdin) {

    Environment {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(stdin, "stdin");
    }

    static Environment system() {
        return new Environment(Clock.systemUTC(), new SecureRandom(), System.in);
    }
}
