package org.credence.server.web.wallet;

import java.net.URI;
import java.net.URISyntaxException;
import org.credence.app.wallet.WalletEntry;
import org.credence.core.verify.Assurance;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.Verdict;
import org.credence.server.web.credential.VerdictHeadline;

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

    /**
     * The plain-words headline of the credential's verification just now: "Verified" only when its
     * issuer is confirmed.
     */
    public static VerdictHeadline headline(WalletEntry entry) {
        return VerdictHeadline.of(entry.report());
    }

    /**
     * The credential's title, marked as its own claim when its content is not confirmed (its proof
     * does not verify with its issuer's key now).
     */
    public static String title(WalletEntry entry) {
        return headline(entry).contentConfirmed()
                ? entry.facts().title()
                : entry.facts().title() + " (claimed, not confirmed)";
    }

    /**
     * The headline an import had, in words: an {@link Assurance.Level} name; imports kept before
     * levels were recorded hold a bare verdict, which never said whether the issuer was confirmed.
     */
    public static String importVerdict(String stored) {
        for (Assurance.Level level : Assurance.Level.values()) {
            if (level.name().equals(stored)) {
                return level.label();
            }
        }
        return switch (stored) {
            case "VERIFIED" ->
                    "Its checks passed (whether its issuer was confirmed was not recorded)";
            case "FAILED" -> "Not verified";
            default -> "Could not fully check";
        };
    }

    /**
     * A page's heading for the credential: its title when its content is confirmed, else the
     * finding (a page never heads with a title nobody can confirm).
     */
    public static String pageTitle(WalletEntry entry) {
        VerdictHeadline headline = headline(entry);
        return headline.contentConfirmed() ? entry.facts().title() : headline.title();
    }

    /**
     * The issuer's name, marked as its own claim unless a registry or the operator confirms the
     * issuer.
     */
    public static String issuerName(WalletEntry entry) {
        return headline(entry).confirmed()
                ? entry.facts().issuerName()
                : entry.facts().issuerName() + " (the name it gives itself: not confirmed)";
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
