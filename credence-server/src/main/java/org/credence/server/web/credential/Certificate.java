package org.credence.server.web.credential;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.app.achievement.CriteriaMarkdown;
import org.credence.app.credential.PublicCredential;

/**
 * What a printed certificate shows ({@link CertificatePdf}): the public facts of one credential, as
 * plain text. The recipient's name is present only when the earner chose to show it, as on the
 * public page. A future wallet can build one for credentials Credence did not issue.
 *
 * @param url the credential's public page, encoded in the QR code (live verification)
 * @param credentialId the id printed for reference
 * @param criteria the criteria narrative without its Markdown, if any
 * @param skills the names of the aligned skills
 * @param issuerLogo the issuer's image as a {@code data:} URL, if any (only PNG and JPEG print)
 */
public record Certificate(
        String url,
        String credentialId,
        String achievementName,
        String achievementDescription,
        Optional<String> criteria,
        List<String> skills,
        String issuerName,
        Optional<String> issuerLogo,
        Optional<String> recipientName,
        Instant issuedAt,
        Instant validFrom,
        Optional<Instant> validUntil) {

    public Certificate {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(achievementName, "achievementName");
        Objects.requireNonNull(achievementDescription, "achievementDescription");
        Objects.requireNonNull(criteria, "criteria");
        skills = List.copyOf(skills);
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(issuerLogo, "issuerLogo");
        Objects.requireNonNull(recipientName, "recipientName");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
    }

    /** The certificate of a credential this installation issued, from its public view. */
    public static Certificate of(PublicCredential view) {
        return new Certificate(
                view.url(),
                view.id().toString(),
                view.achievementName(),
                view.achievementDescription() == null ? "" : view.achievementDescription(),
                view.criteriaNarrative()
                        .map(CriteriaMarkdown::toPlainText)
                        .filter(text -> !text.isBlank()),
                view.alignments().stream().map(PublicCredential.SkillView::targetName).toList(),
                view.issuerName(),
                view.issuerImage(),
                view.recipientName(),
                view.issuedAt(),
                view.validFrom(),
                view.validUntil());
    }
}
