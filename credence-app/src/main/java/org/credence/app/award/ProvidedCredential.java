package org.credence.app.award;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.issuer.IssuerProfile;
import org.credence.core.json.JsonValues;
import org.credence.core.json.Jsons;
import org.credence.core.model.AchievementSubject;
import org.credence.core.model.IdentityObject;
import org.credence.core.model.IssuingRules;
import org.credence.core.model.ModelException;
import org.credence.core.model.OpenBadgeCredential;
import org.credence.core.verify.DataModelCheck;

/**
 * An unsigned credential a caller provides whole (the VC-API's {@code POST /credentials/issue}),
 * checked and completed for signing. Any Verifiable Credential (data model 1.1 or 2.0) that passes
 * the core {@link DataModelCheck} is accepted; the Open Badges 3.0 model is checked too when the
 * type is an Open Badges type. Completed with its id (see {@link ProvidedIds}) and its start date
 * ({@code validFrom}, or {@code issuanceDate} for 1.1; now when absent); a 1.1 credential also gets
 * the Data Integrity and Bitstring Status List contexts its proof and status entries need. Signed
 * input is refused. Nothing the VC Data Model forbids an issuer to sign passes ({@link
 * IssuingRules}: untyped evidence, schemas, status entries …, empty subjects, bad dates). A subject
 * may have no id: its first {@code identifier} then names the recipient, or no one.
 *
 * @param ids Credence's id, the document's id and the caller's id
 * @param unsigned the completed credential; a {@code credentialStatus} in it is the caller's own
 *     (typed, {@link IssuingRules}), and Credence then adds none
 * @param achievementName for lists: the achievement's name, else the credential's name or type
 * @param recipient the (first) subject's id, else the first identifier's identity hash; empty for a
 *     subject that names no one (allowed outside Open Badges)
 * @param validFrom the credential's {@code validFrom} (or {@code issuanceDate})
 * @param validUntil its {@code validUntil} (or {@code expirationDate})
 */
record ProvidedCredential(
        ProvidedIds ids,
        JsonObject unsigned,
        String achievementName,
        String recipient,
        Instant validFrom,
        Optional<Instant> validUntil) {

    private static final String VC_V1 = "https://www.w3.org/2018/credentials/v1";
    private static final String STATUS_V1 = "https://www.w3.org/ns/credentials/status/v1";
    private static final List<String> V1_ADDED_CONTEXTS =
            List.of("https://w3id.org/security/data-integrity/v2", STATUS_V1);
    private static final List<String> OPEN_BADGES_TYPES =
            List.of(OpenBadgeCredential.TYPE, OpenBadgeCredential.ACHIEVEMENT_CREDENTIAL);
    private static final int MAX_NAME = 500;
    private static final int MAX_RECIPIENT = 2000;

    UUID id() {
        return ids.publicId();
    }

    /** Whether the caller brought its own status entries (Credence then adds none). */
    boolean ownStatus() {
        return unsigned.containsKey("credentialStatus");
    }

    /**
     * Checks the request's credential and completes it for {@code issuer}, its signer.
     *
     * @throws AppException {@code INVALID_INPUT} naming the offending field
     */
    static ProvidedCredential of(
            ProvidedRequest request, IssuerProfile issuer, String baseUrl, Instant now) {
        JsonObject credential = request.credential();
        if (credential.containsKey("proof")) {
            throw AppException.invalid("credential.proof: the credential must be unsigned");
        }
        if (!JsonValues.idOf(credential, "issuer").equals(Optional.of(issuer.did()))) {
            throw AppException.invalid(
                    "credential.issuer: must be " + issuer.did() + ", the signing issuer");
        }
        ProvidedIds ids = ProvidedIds.of(credential, request.credentialId(), baseUrl);
        boolean addsStatus = request.withStatus() && !credential.containsKey("credentialStatus");
        JsonObject unsigned = complete(credential, ids.documentId(), now, addsStatus);
        List<String> problems = DataModelCheck.problems(unsigned);
        if (!problems.isEmpty()) {
            throw AppException.invalid(
                    "credential: not a Verifiable Credential: " + String.join("; ", problems));
        }
        List<IssuingRules.Violation> violations = IssuingRules.violations(unsigned);
        if (!violations.isEmpty()) {
            throw AppException.invalid("credential." + violations.get(0));
        }
        boolean v1 = isV1(unsigned);
        Instant from = date(unsigned, v1 ? "issuanceDate" : "validFrom").orElseThrow();
        Optional<Instant> until = date(unsigned, v1 ? "expirationDate" : "validUntil");
        boolean openBadge =
                JsonValues.strings(unsigned, "type").stream().anyMatch(OPEN_BADGES_TYPES::contains);
        return openBadge
                ? openBadge(ids, unsigned, from, until)
                : new ProvidedCredential(
                        ids, unsigned, plainName(unsigned), plainRecipient(unsigned), from, until);
    }

    private static ProvidedCredential openBadge(
            ProvidedIds ids, JsonObject unsigned, Instant from, Optional<Instant> until) {
        try {
            OpenBadgeCredential badge = OpenBadgeCredential.of(unsigned);
            String name = badge.achievement().name();
            if (name.length() > MAX_NAME) {
                throw AppException.invalid(
                        "credential.credentialSubject.achievement.name: at most "
                                + MAX_NAME
                                + " characters");
            }
            return new ProvidedCredential(
                    ids, unsigned, name, recipient(badge.credentialSubject()), from, until);
        } catch (ModelException e) {
            throw AppException.invalid("credential." + e.field() + ": " + e.detail());
        }
    }

    /**
     * Adds the id and issuance date, and to a 1.1 credential the contexts of what Credence adds to
     * it: the Data Integrity proof, and the status context only when Credence adds a status entry
     * (verifiers that bundle few contexts cannot read a context the credential does not use).
     */
    private static JsonObject complete(
            JsonObject credential, String id, Instant now, boolean addsStatus) {
        JsonObjectBuilder completed = Jsons.PROVIDER.createObjectBuilder(credential).add("id", id);
        if (isV1(credential)) {
            JsonArrayBuilder contexts =
                    Jsons.PROVIDER.createArrayBuilder(credential.getJsonArray("@context"));
            V1_ADDED_CONTEXTS.stream()
                    .filter(context -> addsStatus || !context.equals(STATUS_V1))
                    .filter(
                            context ->
                                    !credential.getJsonArray("@context").contains(string(context)))
                    .forEach(contexts::add);
            completed.add("@context", contexts);
            if (!credential.containsKey("issuanceDate")) {
                completed.add("issuanceDate", now.toString());
            }
        } else if (!credential.containsKey("validFrom")
                && !credential.containsKey("issuanceDate")) {
            completed.add("validFrom", now.toString());
        }
        return completed.build();
    }

    /** A 1.1 credential: an {@code @context} array that starts with the 1.1 context. */
    private static boolean isV1(JsonObject credential) {
        return credential.get("@context") instanceof JsonArray contexts
                && !contexts.isEmpty()
                && contexts.get(0).equals(string(VC_V1));
    }

    private static JsonString string(String text) {
        return Jsons.PROVIDER.createValue(text);
    }

    private static Optional<Instant> date(JsonObject credential, String field) {
        return JsonValues.string(credential, field)
                .map(text -> OffsetDateTime.parse(text).toInstant());
    }

    /** For lists: the credential's name when it is a plain string, else its most specific type. */
    private static String plainName(JsonObject credential) {
        String name =
                JsonValues.string(credential, "name")
                        .or(
                                () ->
                                        JsonValues.strings(credential, "type").stream()
                                                .filter(
                                                        type ->
                                                                !type.equals(
                                                                        "VerifiableCredential"))
                                                .reduce((first, second) -> second))
                        .orElse("VerifiableCredential");
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    /**
     * The (first) subject's id, else its first {@code identifier} (an {@code IdentityObject}, as
     * Open Badges 3.0 builds them) as its identity hash, else empty: VC 2.0 allows a subject that
     * names no one (a bearer credential).
     */
    private static String plainRecipient(JsonObject credential) {
        Optional<JsonObject> subject =
                JsonValues.objects(credential, "credentialSubject").stream().findFirst();
        Optional<String> named =
                subject.flatMap(first -> JsonValues.string(first, "id"))
                        .or(() -> subject.flatMap(ProvidedCredential::identityHash));
        if (named.isPresent() && (named.get().isBlank() || named.get().length() > MAX_RECIPIENT)) {
            throw AppException.invalid(
                    "credential.credentialSubject.id: the recipient must be 1 to "
                            + MAX_RECIPIENT
                            + " characters");
        }
        return named.orElse("");
    }

    private static Optional<String> identityHash(JsonObject subject) {
        List<JsonObject> identifiers = JsonValues.objects(subject, "identifier");
        if (identifiers.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(IdentityObject.of(identifiers.get(0)).identityHash());
        } catch (ModelException e) {
            throw AppException.invalid(
                    "credential.credentialSubject.identifier." + e.field() + ": " + e.detail());
        }
    }

    private static String recipient(AchievementSubject subject) {
        return subject.id()
                .or(
                        () ->
                                subject.identifiers().stream()
                                        .findFirst()
                                        .map(IdentityObject::identityHash))
                .filter(recipient -> recipient.length() <= MAX_RECIPIENT)
                .orElseThrow(
                        () ->
                                AppException.invalid(
                                        "credential.credentialSubject: needs an id or an"
                                                + " identifier (the recipient, at most "
                                                + MAX_RECIPIENT
                                                + " characters)"));
    }
}
