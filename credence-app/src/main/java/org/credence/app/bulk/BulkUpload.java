package org.credence.app.bulk;

import java.util.Objects;
import java.util.UUID;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.issuer.WebReferences;

/**
 * What a bulk issue awards, besides its rows: one achievement by one issuer, in one format, with or
 * without e-mails to the recipients.
 */
public record BulkUpload(
        UUID issuerId,
        UUID achievementId,
        String fileName,
        SecuringFormat format,
        boolean sendEmail) {

    public BulkUpload {
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(format, "format");
        fileName = WebReferences.optionalText("fileName", fileName == null ? "" : fileName, 255);
        if (fileName.isEmpty()) {
            fileName = "recipients.csv";
        }
    }
}
