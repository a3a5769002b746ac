package org.credence.app.wallet;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.json.JsonValues;
import org.credence.core.model.Achievement;
import org.credence.core.model.AchievementSubject;
import org.credence.core.model.OpenBadgeCredential;

/**
 * What the wallet shows of a credential, read from its JSON as verified: an Open Badges 3.0
 * credential's achievement, issuer, dates, aligned skills and credits; for any other credential
 * what its envelope says. Reading never fails: a field that is absent or malformed is simply not
 * shown (the verification report says what is wrong).
 *
 * @param title the achievement's name, else the credential's {@code name}, else its type
 * @param issuerName the issuer's name, else its id
 * @param validFrom {@code validFrom} (or VC 1.1 {@code issuanceDate}, OB 2.0 {@code issuedOn})
 * @param validUntil {@code validUntil} (or {@code expirationDate}, {@code expires})
 * @param skills the achievement's alignments
 * @param credits {@code creditsEarned} of the subject, else the achievement's {@code
 *     creditsAvailable} (the credits that awarding the achievement gives)
 */
public record CredentialFacts(
        String title,
        String issuerName,
        Optional<Instant> validFrom,
        Optional<Instant> validUntil,
        List<AlignedSkill> skills,
        Optional<BigDecimal> credits) {

    public CredentialFacts {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(issuerName, "issuerName");
        skills = List.copyOf(skills);
    }

    /** The facts of a credential as the verifier decoded it. */
    public static CredentialFacts of(JsonObject credential) {
        Optional<OpenBadgeCredential> badge = OpenBadgeCredential.tryOf(credential);
        Optional<Achievement> achievement = badge.map(OpenBadgeCredential::achievement);
        return new CredentialFacts(
                achievement
                        .map(Achievement::name)
                        .or(() -> JsonValues.string(credential, "name"))
                        .orElse(typeOf(credential)),
                issuerName(credential),
                date(credential, "validFrom", "issuanceDate", "issuedOn"),
                date(credential, "validUntil", "expirationDate", "expires"),
                achievement.map(CredentialFacts::skills).orElse(List.of()),
                badge.flatMap(CredentialFacts::credits));
    }

    private static List<AlignedSkill> skills(Achievement achievement) {
        return achievement.alignments().stream()
                .map(
                        alignment ->
                                new AlignedSkill(
                                        alignment.targetName(),
                                        alignment.targetUrl(),
                                        alignment.targetFramework()))
                .toList();
    }

    private static Optional<BigDecimal> credits(OpenBadgeCredential badge) {
        AchievementSubject subject = badge.credentialSubject();
        return subject.creditsEarned().or(() -> subject.achievement().creditsAvailable());
    }

    private static String issuerName(JsonObject credential) {
        JsonValue issuer = credential.get("issuer");
        if (issuer instanceof JsonObject profile) {
            return JsonValues.string(profile, "name")
                    .or(() -> JsonValues.string(profile, "id"))
                    .orElse("Unknown issuer");
        }
        return JsonValues.string(credential, "issuer").orElse("Unknown issuer");
    }

    private static Optional<Instant> date(JsonObject credential, String... keys) {
        for (String key : keys) {
            Optional<String> text = JsonValues.string(credential, key);
            if (text.isPresent()) {
                try {
                    return Optional.of(Instant.parse(text.get()));
                } catch (DateTimeParseException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static String typeOf(JsonObject credential) {
        List<String> types = JsonValues.strings(credential, "type");
        return types.isEmpty() ? "Credential" : types.get(types.size() - 1);
    }
}
