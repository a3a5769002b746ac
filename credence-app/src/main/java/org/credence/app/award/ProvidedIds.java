package org.credence.app.award;

import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.credential.CredentialIds;
import org.credence.core.json.JsonValues;

/**
 * The ids of a provided credential. Credence's public id (the row, and the credential page's
 * address) is the UUID of a given {@code urn:uuid:} or own {@code <base>/credentials/<uuid>} id,
 * else a fresh one. Any other URL the caller gives as {@code id} is kept in the document and
 * recorded as the caller's id, as is {@code options.credentialId}; a credential without an id gets
 * {@code <base>/credentials/<uuid>}.
 *
 * @param publicId Credence's id of the credential
 * @param documentId the credential's {@code id}
 * @param externalId the caller's id, by which the VC-API's status endpoint finds it
 */
record ProvidedIds(UUID publicId, String documentId, Optional<String> externalId) {

    /** A URL (RFC 3986 scheme, then anything): https:, did:, urn: … */
    private static final String URL = "^[A-Za-z][A-Za-z0-9+.\\-]*:\\S+$";

    private static final int MAX_LENGTH = 2000;

    static ProvidedIds of(JsonObject credential, Optional<String> credentialId, String baseUrl) {
        credentialId.ifPresent(ProvidedIds::checkCredentialId);
        if (!credential.containsKey("id")) {
            UUID fresh = UUID.randomUUID();
            return new ProvidedIds(fresh, baseUrl + "/credentials/" + fresh, credentialId);
        }
        String given =
                JsonValues.string(credential, "id")
                        .filter(id -> id.matches(URL) && id.length() <= MAX_LENGTH)
                        .orElseThrow(
                                () ->
                                        AppException.invalid(
                                                "credential.id: must be a URL (at most "
                                                        + MAX_LENGTH
                                                        + " characters), or left out"));
        if (credentialId.isPresent() && !credentialId.get().equals(given)) {
            throw AppException.invalid(
                    "options.credentialId: names a credential without an id; this one has"
                            + " credential.id "
                            + given);
        }
        Optional<UUID> own = CredentialIds.ownId(given, baseUrl);
        if (own.isEmpty() && given.startsWith(baseUrl + "/credentials/")) {
            throw AppException.invalid(
                    "credential.id: " + baseUrl + "/credentials/ ids are <uuid>s Credence assigns");
        }
        return own.map(id -> new ProvidedIds(id, given, Optional.<String>empty()))
                .orElseGet(() -> new ProvidedIds(UUID.randomUUID(), given, Optional.of(given)));
    }

    private static void checkCredentialId(String credentialId) {
        if (credentialId.isBlank() || credentialId.length() > MAX_LENGTH) {
            throw AppException.invalid(
                    "options.credentialId: must be 1 to " + MAX_LENGTH + " characters");
        }
    }
}
