package org.credence.app.credential;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a credential's public page shows. Never the recipient's email; the name only if the earner
 * chose to show it. Texts are as issued, unescaped: escaping is the page's job.
 *
 * @param criteriaHtml the criteria narrative rendered as safe HTML
 * @param image the achievement's image URL (or data URL), if any
 * @param alignments the skills the achievement aligns to
 * @param statusReason why it was revoked or suspended, when it was, a reason was given and the
 *     issuer made it public (the recipient reads every reason through {@link
 *     CredentialService#recipientNotice})
 */
public record PublicCredential(
        UUID id,
        String url,
        String achievementName,
        String achievementDescription,
        Optional<String> criteriaNarrative,
        String criteriaHtml,
        Optional<String> image,
        List<SkillView> alignments,
        String issuerName,
        Optional<String> issuerUrl,
        Optional<String> issuerImage,
        Optional<String> recipientName,
        Instant issuedAt,
        Instant validFrom,
        Optional<Instant> validUntil,
        CredentialState state,
        Optional<String> statusReason,
        SecuringFormat format) {

    /** An aligned skill or competency. */
    public record SkillView(
            String targetName,
            String targetUrl,
            Optional<String> targetFramework,
            Optional<String> targetCode) {}

    public PublicCredential {
        Objects.requireNonNull(id, "id");
        alignments = List.copyOf(alignments);
        Objects.requireNonNull(state, "state");
    }
}
