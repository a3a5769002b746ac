package org.credence.app.organization;

import java.util.Objects;
import me.gosimple.nbvcxz.Nbvcxz;
import org.credence.app.AppException;

/**
 * The rules a new password must meet, after NIST SP 800-63B §3.1.1.2: a minimum length and no upper
 * bound worth noticing, no composition rules (no "one digit, one symbol"), and a refusal of
 * passwords that attackers try first. Those are found by <a
 * href="https://github.com/GoSimpleLLC/nbvcxz">nbvcxz</a> (MIT), whose bundled dictionaries hold
 * the most common leaked passwords, English words, names and keyboard walks, and which also sees
 * repeats, sequences and years: a password it estimates below {@link #MIN_ENTROPY_BITS} bits (about
 * a million guesses) is refused. A single character repeated is refused however long.
 *
 * <p>Only the first {@link #ESTIMATED_PREFIX} characters are estimated: the estimate's cost grows
 * fast with length, and a prefix that is hard to guess already makes the whole so.
 *
 * <p>Thread-safe (nbvcxz's estimator is built per call over dictionaries loaded once).
 */
public final class PasswordPolicy {

    /** The fewest characters (code points) a password may have. */
    public static final int MIN_LENGTH = 12;

    /** The most characters accepted (a bound on hashing work, not a rule for people). */
    public static final int MAX_LENGTH = 1000;

    /** The estimated guessing entropy below which a password is refused. */
    static final double MIN_ENTROPY_BITS = 20;

    static final int ESTIMATED_PREFIX = 40;

    private PasswordPolicy() {}

    /**
     * Refuses a password that breaks a rule.
     *
     * @throws AppException {@link org.credence.app.Problem#INVALID_INPUT}, the message starting
     *     with {@code field} and saying what to do instead
     */
    public static void require(String field, String password) {
        Objects.requireNonNull(password, field);
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw AppException.invalid(
                    field
                            + ": use at least "
                            + MIN_LENGTH
                            + " characters; a few unrelated words make a good password");
        }
        if (password.length() > MAX_LENGTH) {
            throw AppException.invalid(field + ": use at most " + MAX_LENGTH + " characters");
        }
        if (password.codePoints().distinct().count() == 1) {
            throw AppException.invalid(
                    field + ": one character repeated is easy to guess; choose another password");
        }
        if (tooGuessable(password)) {
            throw AppException.invalid(
                    field
                            + ": this password is too easy to guess: it is, or is made of, common"
                            + " passwords, words or sequences found in lists of leaked passwords."
                            + " Choose another; a few unrelated words work well");
        }
    }

    private static boolean tooGuessable(String password) {
        String prefix =
                password.substring(
                        0,
                        password.offsetByCodePoints(
                                0,
                                Math.min(
                                        ESTIMATED_PREFIX,
                                        password.codePointCount(0, password.length()))));
        return new Nbvcxz().estimate(prefix).getEntropy() < MIN_ENTROPY_BITS;
    }
}
