package org.credence.core.verify;

import java.util.List;

/** The overall answer of a verification, derived from its checks. */
public enum Verdict {
    /** Every check that applies passed (warnings allowed). */
    VERIFIED,
    /** At least one check failed. */
    FAILED,
    /**
     * No check failed, but at least one could not be carried out: the credential is not verified.
     */
    COULD_NOT_CHECK;

    /** Any failure wins; then any check that could not be made; otherwise verified. */
    public static Verdict of(List<Check> checks) {
        if (checks.stream().anyMatch(Check::isFailed)) {
            return FAILED;
        }
        if (checks.stream().anyMatch(Check::isCouldNotCheck)) {
            return COULD_NOT_CHECK;
        }
        return VERIFIED;
    }
}
