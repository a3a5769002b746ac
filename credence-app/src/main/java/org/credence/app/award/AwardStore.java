package org.credence.app.award;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.credential.SecuringFormat;
import org.jdbi.v3.core.Handle;

/** SQL for issuance records (rows of {@code credentials}). Stateless and thread-safe. */
final class AwardStore {

    /** An earlier credential found by its idempotency key, with the request's fingerprint. */
    record Keyed(IssuedCredential credential, String fingerprint) {}

    void insert(Handle handle, SignedCredential signed) {
        handle.createUpdate(
                        """
                        INSERT INTO credentials (id, organisation_id, issuer_id, achievement_id,
                            achievement_version, recipient_email, recipient_identifier,
                            recipient_name, format, document, issued_at, valid_from, valid_until,
                            status_list_id, status_index, idempotency_key, request_hash)
                        VALUES (:id, :organisation, :issuer, :achievement, :version, :email,
                            :identifier, :name, :format, :document, :issuedAt, :validFrom,
                            :validUntil, :list, :index, :key, :hash)
                        """)
                .bind("id", signed.id())
                .bind("organisation", signed.organisationId())
                .bind("issuer", signed.issuerId())
                .bind("achievement", signed.achievementId())
                .bind("version", signed.achievementVersion())
                .bind("email", signed.request().recipient().email().orElse(null))
                .bind("identifier", signed.request().recipient().identifier().orElse(null))
                .bind("name", signed.request().recipient().name().orElse(null))
                .bind("format", signed.request().format().value())
                .bind("document", signed.document())
                .bind("issuedAt", signed.issuedAt())
                .bind("validFrom", signed.validFrom())
                .bind("validUntil", signed.validUntil().orElse(null))
                .bind("list", signed.slot().listId())
                .bind("index", signed.slot().index())
                .bind("key", signed.request().idempotencyKey().orElse(null))
                .bind("hash", signed.request().fingerprint())
                .execute();
    }

    Optional<Keyed> byIdempotencyKey(
            Handle handle, UUID organisationId, String key, String baseUrl) {
        return handle.createQuery(
                        """
                        SELECT id, format, document, issued_at, request_hash FROM credentials
                        WHERE organisation_id = :organisation AND idempotency_key = :key
                        """)
                .bind("organisation", organisationId)
                .bind("key", key)
                .map(
                        (row, context) -> {
                            UUID id = row.getObject("id", UUID.class);
                            return new Keyed(
                                    new IssuedCredential(
                                            id,
                                            baseUrl + "/credentials/" + id,
                                            SecuringFormat.fromValue(row.getString("format")),
                                            row.getString("document"),
                                            row.getObject("issued_at", OffsetDateTime.class)
                                                    .toInstant(),
                                            true),
                                    row.getString("request_hash"));
                        })
                .findOne();
    }
}
