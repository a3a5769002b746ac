package org.credence.app.organization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing with Argon2id (RFC 9106), stored as a PHC string such as {@code
 * $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}. The parameters travel in the string, so they can
 * be raised later while older hashes still verify ({@link #needsRehash}).
 *
 * <p>The PHC encoding is written here by hand because Bouncy Castle provides only the raw Argon2
 * function, and the format is small and fixed (unpadded standard base64, three parameters); a
 * second library (most wrap a native Argon2) would be a larger risk than these lines.
 *
 * <p>Immutable and thread-safe.
 */
public final class PasswordHasher {

    /** OWASP's recommended minimum for Argon2id: 19 MiB, 2 iterations, 1 lane. */
    public static final Parameters DEFAULT = new Parameters(19456, 2, 1);

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC =
            Pattern.compile(
                    "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})"
                            + "\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final Parameters parameters;
    private final SecureRandom random;

    /**
     * Argon2id cost parameters.
     *
     * @param memoryKib memory in KiB
     * @param iterations passes over the memory
     * @param parallelism lanes
     */
    public record Parameters(int memoryKib, int iterations, int parallelism) {
        public Parameters {
            if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("Invalid Argon2id parameters");
            }
        }
    }

    public PasswordHasher(Parameters parameters, SecureRandom random) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The PHC string of {@code password} with a fresh random salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, parameters, HASH_BYTES);
        return "$argon2id$v=19$m="
                + parameters.memoryKib()
                + ",t="
                + parameters.iterations()
                + ",p="
                + parameters.parallelism()
                + "$"
                + ENCODER.encodeToString(salt)
                + "$"
                + ENCODER.encodeToString(hash);
    }

    /**
     * Whether {@code password} matches the PHC string, compared in constant time. A malformed
     * string never matches.
     */
    public boolean verify(String password, String phc) {
        Matcher matcher = PHC.matcher(phc);
        if (!matcher.matches()) {
            return false;
        }
        Parameters stored;
        try {
            stored =
                    new Parameters(
                            Integer.parseInt(matcher.group(1)),
                            Integer.parseInt(matcher.group(2)),
                            Integer.parseInt(matcher.group(3)));
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] salt = DECODER.decode(matcher.group(4));
        byte[] expected = DECODER.decode(matcher.group(5));
        byte[] actual = argon2(password, salt, stored, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether the PHC string was made with other parameters than the current ones. */
    public boolean needsRehash(String phc) {
        return !phc.startsWith(
                "$argon2id$v=19$m="
                        + parameters.memoryKib()
                        + ",t="
                        + parameters.iterations()
                        + ",p="
                        + parameters.parallelism()
                        + "$");
    }

    private static byte[] argon2(String password, byte[] salt, Parameters parameters, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(
                new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                        .withMemoryAsKB(parameters.memoryKib())
                        .withIterations(parameters.iterations())
                        .withParallelism(parameters.parallelism())
                        .withSalt(salt)
                        .build());
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(secret, out);
            return out;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
