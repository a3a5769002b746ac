package org.credence.app.award;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.AppException;
import org.credence.app.issuer.IssuerProfile;
import org.credence.core.json.JsonValues;
import org.credence.core.json.Jsons;
import org.credence.core.model.AchievementSubject;
import org.credence.core.model.IdentityObject;
import org.credence.core.model.ModelException;
import org.credence.core.model.OpenBadgeCredential;

/**
 * An unsigned Open Badges 3.0 credential a caller provides whole (the VC-API's {@code POST
 * /credentials/issue}), checked and completed for signing: its id ({@code
 * <base>/credentials/<uuid>} when absent; a given {@code urn:uuid:} or own credential URL is kept),
 * its issuer (the signing issuer's profile when absent) and its {@code validFrom} (now when
 * absent). Signed or status-carrying input is refused: Credence signs and adds the status entries
 * itself.
 *
 * @param id the row id (the UUID in the credential's id)
 * @param unsigned the completed credential, without {@code credentialStatus}
 * @param achievementName the achievement's name, for lists
 * @param recipient {@code credentialSubject.id}, else the first identifier's identity hash
 * @param validFrom the credential's {@code validFrom} (or {@code issuanceDate})
 * @param validUntil its {@code validUntil} (or {@code expirationDate})
 */
record ProvidedCredential(
        UUID id,
        JsonObject unsigned,
        String achievementName,
        String recipient,
        Instant validFrom,
        Optional<Instant> validUntil) {

    private static final Pattern URN_UUID =
            Pattern.compile(
                    "urn:uuid:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");

    /**
     * Checks the credential and completes it for {@code issuer}.
     *
     * @throws AppException {@code INVALID_INPUT} naming the offending field
     */
    static ProvidedCredential of(
            JsonObject credential, IssuerProfile issuer, String baseUrl, Instant now) {
        if (credential.containsKey("proof")) {
            throw AppException.invalid("credential.proof: the credential must be unsigned");
        }
        if (credential.containsKey("credentialStatus")) {
            throw AppException.invalid(
                    "credential.credentialStatus: Credence adds the status entries itself");
        }
        Optional<String> issuerId = JsonValues.idOf(credential, "issuer");
        if (credential.containsKey("issuer") && !issuerId.equals(Optional.of(issuer.did()))) {
            throw AppException.invalid(
                    "credential.issuer: must be " + issuer.did() + ", the signing issuer");
        }
        UUID id = id(credential, baseUrl);
        JsonObjectBuilder completed =
                Jsons.PROVIDER
                        .createObjectBuilder(credential)
                        .add(
                                "id",
                                JsonValues.string(credential, "id")
                                        .orElse(baseUrl + "/credentials/" + id));
        if (!credential.containsKey("issuer")) {
            completed.add("issuer", issuer.toProfile().json());
        }
        if (!credential.containsKey("validFrom") && !credential.containsKey("issuanceDate")) {
            completed.add("validFrom", now.toString());
        }
        JsonObject unsigned = completed.build();
        try {
            OpenBadgeCredential badge = OpenBadgeCredential.of(unsigned);
            String name = badge.achievement().name();
            if (name.length() > 500) {
                throw AppException.invalid(
                        "credential.credentialSubject.achievement.name: at most 500 characters");
            }
            return new ProvidedCredential(
                    id,
                    unsigned,
                    name,
                    recipient(badge.credentialSubject()),
                    badge.validFrom(),
                    badge.validUntil());
        } catch (ModelException e) {
            throw AppException.invalid("credential." + e.field() + ": " + e.detail());
        }
    }

    private static UUID id(JsonObject credential, String baseUrl) {
        Optional<String> given = JsonValues.string(credential, "id");
        if (credential.containsKey("id") && given.isEmpty()) {
            throw AppException.invalid("credential.id: must be a string");
        }
        if (given.isEmpty()) {
            return UUID.randomUUID();
        }
        Matcher urn = URN_UUID.matcher(given.get());
        String own = baseUrl + "/credentials/";
        String uuid =
                urn.matches()
                        ? urn.group(1)
                        : given.get().startsWith(own) ? given.get().substring(own.length()) : "";
        try {
            UUID parsed = UUID.fromString(uuid);
            if (parsed.toString().equalsIgnoreCase(uuid)) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the refusal below
        }
        throw AppException.invalid(
                "credential.id: leave it out (Credence assigns "
                        + own
                        + "<uuid>) or give a urn:uuid:<uuid>");
    }

    private static String recipient(AchievementSubject subject) {
        return subject.id()
                .or(
                        () ->
                                subject.identifiers().stream()
                                        .findFirst()
                                        .map(IdentityObject::identityHash))
                .filter(recipient -> recipient.length() <= 2000)
                .orElseThrow(
                        () ->
                                AppException.invalid(
                                        "credential.credentialSubject: needs an id or an"
                                                + " identifier (the recipient, at most 2000"
                                                + " characters)"));
    }
}
