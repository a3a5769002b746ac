package org.credence.server.web.wallet;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Optional;
import org.credence.app.achievement.CriteriaMarkdown;
import org.credence.app.image.ImageUploads;
import org.credence.app.wallet.AlignedSkill;
import org.credence.app.wallet.WalletEntry;
import org.credence.core.json.JsonValues;
import org.credence.core.model.Achievement;
import org.credence.core.model.Image;
import org.credence.core.model.ModelException;
import org.credence.core.model.OpenBadgeCredential;
import org.credence.core.model.Profile;
import org.credence.server.web.credential.Certificate;

/**
 * The printable certificate of a credential imported into a wallet: the facts the verifier decoded
 * (achievement, criteria, skills, issuer and its logo when it is an embedded image, dates), and a
 * QR code of the share link made for it. Stateless.
 */
final class ImportedCertificate {

    private ImportedCertificate() {}

    /**
     * @param url the share link the QR code leads to
     * @param recipientName the learner's name, only when they chose to show it
     */
    static Certificate of(WalletEntry entry, String url, Optional<String> recipientName) {
        Optional<JsonObject> credential = entry.report().credential();
        Optional<OpenBadgeCredential> badge = credential.flatMap(OpenBadgeCredential::tryOf);
        Optional<Achievement> achievement = badge.map(OpenBadgeCredential::achievement);
        Instant from = entry.facts().validFrom().orElse(entry.addedAt());
        return new Certificate(
                url,
                credential
                        .flatMap(json -> JsonValues.string(json, "id"))
                        .orElse(entry.id().toString()),
                entry.facts().title(),
                achievement.map(Achievement::description).orElse(""),
                achievement
                        .flatMap(a -> a.criteria().narrative())
                        .map(CriteriaMarkdown::toPlainText)
                        .filter(text -> !text.isBlank()),
                entry.facts().skills().stream().map(AlignedSkill::name).toList(),
                entry.facts().issuerName(),
                credential.flatMap(ImportedCertificate::issuerLogo),
                recipientName,
                from,
                from,
                entry.facts().validUntil());
    }

    /** The issuer's image when the credential embeds it ({@code data:}); nothing is fetched. */
    private static Optional<String> issuerLogo(JsonObject credential) {
        if (!(credential.get("issuer") instanceof JsonObject issuer)
                || issuer.get("image") == null
                || issuer.get("image") == JsonValue.NULL) {
            return Optional.empty();
        }
        try {
            return Profile.of(issuer)
                    .image()
                    .map(Image::id)
                    .filter(id -> id.startsWith("data:"))
                    // the upload limits before the PDF: a bomb or broken image is left out
                    .flatMap(id -> ImageUploads.embedded(id).dataUrl());
        } catch (ModelException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
