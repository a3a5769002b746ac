package org.credence.cli;

import org.credence.core.verify.Verdict;

/**
 * The exit codes of every {@code credence} command. Scripts rely on them, so they never change
 * meaning: 0 success (or verified), 1 verification failed, 2 could not check or bad usage/input.
 */
public final class ExitCodes {

    /** The command succeeded; for {@code verify}, the credential is verified. */
    public static final int OK = 0;

    /**
     * {@code verify}: at least one check failed (bad proof, revoked, expired, wrong recipient …).
     */
    public static final int VERIFICATION_FAILED = 1;

    /**
     * Could not check (a document could not be fetched), or the command line or an input file is
     * unusable (malformed JSON, missing key, issuer/key mismatch …). The reason is on stderr.
     */
    public static final int COULD_NOT_CHECK_OR_INPUT_ERROR = 2;

    static final String OK_LINE = "0:success; for verify: the credential is VERIFIED";
    static final String FAILED_LINE = "1:verification FAILED (a check failed)";
    static final String ERROR_LINE =
            "2:COULD NOT CHECK, or bad usage or unreadable input (reason on stderr)";

    private ExitCodes() {}

    /** The exit code of a verification with that verdict. */
    public static int of(Verdict verdict) {
        return switch (verdict) {
            case VERIFIED -> OK;
            case FAILED -> VERIFICATION_FAILED;
            case COULD_NOT_CHECK -> COULD_NOT_CHECK_OR_INPUT_ERROR;
        };
    }
}
