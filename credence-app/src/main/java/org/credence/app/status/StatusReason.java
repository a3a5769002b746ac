package org.credence.app.status;

import java.util.Objects;
import org.credence.app.issuer.WebReferences;

/**
 * Why an issuer revoked or suspended a credential, and whether the world may read it. The recipient
 * is always told the reason (claim page, e-mail); a public reason is also shown on the credential's
 * public page and in verification results, a private one is replaced there by "by its issuer".
 *
 * @param text the reason, at most 1,000 characters; empty when none was given
 * @param isPublic whether the public page and verifiers may show it
 */
public record StatusReason(String text, boolean isPublic) {

    /** No reason given. */
    public static final StatusReason NONE = new StatusReason("", true);

    public StatusReason {
        Objects.requireNonNull(text, "text");
        text = WebReferences.optionalText("reason", text, 1000);
    }

    /** A reason shown publicly (what revoking did before reasons could be kept private). */
    public static StatusReason publicly(String text) {
        return new StatusReason(text == null ? "" : text, true);
    }

    /** A reason only the recipient is told. */
    public static StatusReason privately(String text) {
        return new StatusReason(text == null ? "" : text, false);
    }

    /** What the audit log records: the reason, marked when it is private. */
    String auditDetail() {
        return isPublic || text.isEmpty() ? text : text + " (private reason)";
    }
}
