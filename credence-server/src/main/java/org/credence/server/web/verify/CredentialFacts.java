package org.credence.server.web.verify;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.credence.app.image.GeneratedBadge;
import org.credence.app.image.ImageUploads;
import org.credence.server.web.credential.Formats;

/**
 * What a result page shows of a verified credential, read leniently from its JSON (a failed
 * credential may lack any field): Open Badges 3.0 and CLR names, the achievement image, the issuer
 * and the validity dates (VC 2.0 names, else VC 1.1). Images are shown only from {@code
 * data:image/} URLs: the page never makes the reader's browser fetch an address the credential
 * chose.
 *
 * @param name the achievement's (else the credential's) name
 * @param description the achievement's (else the credential's) description, or empty
 * @param image a {@code data:} URL: the achievement's image, else a generated badge
 * @param issuerName the issuer's name, else its id
 * @param issuerImage the issuer's image as a {@code data:} URL, if it has one
 * @param validFrom when it became valid, in words
 * @param validUntil when it stops being valid, in words
 */
public record CredentialFacts(
        String name,
        String description,
        String image,
        String issuerName,
        Optional<String> issuerImage,
        Optional<String> validFrom,
        Optional<String> validUntil) {

    static CredentialFacts of(Optional<JsonObject> read) {
        JsonObject credential = read.orElse(JsonValue.EMPTY_JSON_OBJECT);
        JsonObject achievement = object(subject(credential).get("achievement"));
        String name =
                text(achievement.get("name"))
                        .or(() -> text(credential.get("name")))
                        .orElse(credential.isEmpty() ? "Unreadable credential" : "Credential");
        JsonValue issuerValue = credential.get("issuer");
        JsonObject issuer = object(issuerValue);
        return new CredentialFacts(
                name,
                text(achievement.get("description"))
                        .or(() -> text(credential.get("description")))
                        .orElse(""),
                inlineImage(achievement.get("image"))
                        .or(() -> inlineImage(credential.get("image")))
                        .orElseGet(() -> GeneratedBadge.svgDataUrl(name)),
                text(issuer.get("name"))
                        .or(() -> text(issuer.get("id")))
                        .or(() -> text(issuerValue))
                        .orElse("not named"),
                inlineImage(issuer.get("image")),
                date(credential, "validFrom", "issuanceDate"),
                date(credential, "validUntil", "expirationDate"));
    }

    private static JsonObject subject(JsonObject credential) {
        JsonValue subject = credential.get("credentialSubject");
        if (subject instanceof JsonArray array && !array.isEmpty()) {
            return object(array.get(0));
        }
        return object(subject);
    }

    private static JsonObject object(JsonValue value) {
        return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static Optional<String> text(JsonValue value) {
        return value instanceof JsonString string && !string.getString().isBlank()
                ? Optional.of(string.getString())
                : Optional.empty();
    }

    /** An image given as a string or an Image object, only when it is inline data. */
    private static Optional<String> inlineImage(JsonValue value) {
        return text(value)
                .or(() -> text(object(value).get("id")))
                .filter(url -> url.startsWith("data:image/"))
                // the upload limits: a decompression bomb or broken image is left out
                .flatMap(url -> ImageUploads.embedded(url).dataUrl());
    }

    private static Optional<String> date(JsonObject credential, String name, String oldName) {
        return text(credential.get(name))
                .or(() -> text(credential.get(oldName)))
                .map(CredentialFacts::inWords);
    }

    private static String inWords(String date) {
        try {
            return Formats.dateTime(OffsetDateTime.parse(date).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Formats.dateTime(Instant.parse(date));
            } catch (DateTimeParseException again) {
                return date;
            }
        }
    }
}
