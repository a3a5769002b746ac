package org.credence.server.web.wallet;

import java.net.URI;
import java.net.URISyntaxException;
import org.credence.app.wallet.WalletEntry;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.Verdict;

/**
 * Words and styles the wallet's templates show for verdicts, and which URLs from a credential may
 * become links. Stateless.
 */
public final class WalletLabels {

    private WalletLabels() {}

    /**
     * Whether a URL taken from a credential may be a link: only an absolute http or https URL. An
     * imported credential is anyone's JSON, so a {@code javascript:} or {@code data:} URL would run
     * in the wallet's origin when clicked; templates show anything else as plain text.
     */
    public static boolean webUrl(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

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
