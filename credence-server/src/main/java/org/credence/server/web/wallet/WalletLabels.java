package org.credence.server.web.wallet;

import org.credence.app.wallet.WalletEntry;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.Verdict;

/** Words and styles the wallet's templates show for verdicts. Stateless. */
public final class WalletLabels {

    private WalletLabels() {}

    /** "Verified", "Not verified" or "Could not check". */
    public static String verdict(Verdict verdict) {
        return switch (verdict) {
            case VERIFIED -> "Verified";
            case FAILED -> "Not verified";
            case COULD_NOT_CHECK -> "Could not check";
        };
    }

    /** The CSS class of the verdict (the verify page's). */
    public static String style(Verdict verdict) {
        return switch (verdict) {
            case VERIFIED -> "passed";
            case FAILED -> "failed";
            case COULD_NOT_CHECK -> "could-not-check";
        };
    }

    /** What the status check found, else the first problem, else nothing to say. */
    public static String reason(WalletEntry entry) {
        if (entry.verdict() == Verdict.VERIFIED) {
            return entry.report()
                    .check(CheckName.STATUS)
                    .filter(check -> !check.isFailed())
                    .map(Check::message)
                    .orElse("");
        }
        return entry.report().problems().stream().findFirst().map(Check::message).orElse("");
    }
}
