package org.credence.core.verify;

import java.util.List;
import java.util.Optional;
import org.credence.core.work.DeadlineExceededException;

/**
 * Reports of documents that were not checked because checking them would cost too much: a single
 * SYNTAX check, "could not check", and no credential (nothing of its content is shown as if it had
 * been read and confirmed).
 *
 * <p>"Could not check" rather than "failed": the document was not examined, so nothing is known to
 * be wrong with it, and the verdict ({@link Verdict#COULD_NOT_CHECK}) already says it is not
 * verified. Stateless.
 */
public final class Unchecked {

    /** The code of a document over the {@link org.credence.core.json.JsonComplexity} limits. */
    public static final String TOO_COMPLEX = "TOO_COMPLEX";

    /** The code of a verification stopped by its {@link org.credence.core.work.Deadline}. */
    public static final String TIME_LIMIT = "TIME_LIMIT";

    private Unchecked() {}

    public static VerificationReport tooComplex(String format, String reason) {
        return report(
                format,
                Check.couldNotCheck(
                        CheckName.SYNTAX, TOO_COMPLEX, reason + ": it was not checked"));
    }

    public static VerificationReport tooCostly(String format, DeadlineExceededException e) {
        return report(format, Check.couldNotCheck(CheckName.SYNTAX, TIME_LIMIT, e.getMessage()));
    }

    private static VerificationReport report(String format, Check check) {
        return new VerificationReport(format, Optional.empty(), List.of(check), List.of());
    }
}
