package org.credence.core.verify;

import java.util.Objects;

/**
 * One named check of a verification: its status, a machine code (upper snake case, e.g. {@code
 * INVALID_SIGNATURE}) and a plain-language reason.
 */
public record Check(CheckName name, CheckStatus status, String code, String message) {

    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Check passed(CheckName name, String message) {
        return new Check(name, CheckStatus.PASSED, "OK", message);
    }

    public static Check failed(CheckName name, String code, String message) {
        return new Check(name, CheckStatus.FAILED, code, message);
    }

    public static Check couldNotCheck(CheckName name, String code, String message) {
        return new Check(name, CheckStatus.COULD_NOT_CHECK, code, message);
    }

    public static Check warning(CheckName name, String code, String message) {
        return new Check(name, CheckStatus.WARNING, code, message);
    }

    public static Check notApplicable(CheckName name, String message) {
        return new Check(name, CheckStatus.NOT_APPLICABLE, "NOT_APPLICABLE", message);
    }

    public boolean isFailed() {
        return status == CheckStatus.FAILED;
    }

    public boolean isCouldNotCheck() {
        return status == CheckStatus.COULD_NOT_CHECK;
    }
}
