package org.credence.app.award;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.status.StatusPolicy;
import org.credence.app.status.StatusSlot;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/** SQL for issuance records (rows of {@code credentials}). Stateless and thread-safe. */
final class AwardStore {

    /** An earlier credential found by its idempotency key, with the request's fingerprint. */
    record Keyed(IssuedCredential credential, String fingerprint) {}

    private static final String INSERT =
            """
            INSERT INTO credentials (id, organisation_id, issuer_id, achievement_id,
                achievement_version, recipient_email, recipient_identifier,
                recipient_name, format, document, issued_at, valid_from, valid_until,
                status_list_id, status_index, suspendable, idempotency_key, request_hash)
            VALUES (:id, :organisation, :issuer, :achievement, :version, :email,
                :identifier, :name, :format, :document, :issuedAt, :validFrom,
                :validUntil, :list, :index, :suspendable, :key, :hash)
            """;

    void insert(Handle handle, SignedCredential signed) {
        bind(handle.createUpdate(INSERT), signed).execute();
    }

    /** Inserts many credentials in one JDBC batch. */
    void insertAll(Handle handle, List<SignedCredential> credentials) {
        PreparedBatch batch = handle.prepareBatch(INSERT);
        for (SignedCredential signed : credentials) {
            bind(batch, signed).add();
        }
        batch.execute();
    }

    private static <T extends SqlStatement<T>> T bind(T statement, SignedCredential signed) {
        return statement
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
                .bind("suspendable", signed.statusPolicy().suspendable())
                .bind("key", signed.request().idempotencyKey().orElse(null))
                .bind("hash", signed.request().fingerprint());
    }

    /** Inserts a credential the caller provided whole (no achievement design, no request). */
    void insertProvided(
            Handle handle,
            UUID organisationId,
            UUID issuerId,
            ProvidedCredential provided,
            StatusSlot slot,
            StatusPolicy policy,
            boolean withStatus,
            String document,
            Instant issuedAt) {
        handle.createUpdate(
                        """
                        INSERT INTO credentials (id, organisation_id, issuer_id,
                            provided_achievement_name, recipient_identifier, format, document,
                            issued_at, valid_from, valid_until, status_list_id, status_index,
                            external_id, suspendable, revocable)
                        VALUES (:id, :organisation, :issuer, :name, :identifier, :format,
                            :document, :issuedAt, :validFrom, :validUntil, :list, :index,
                            :externalId, :suspendable, :revocable)
                        """)
                .bind("id", provided.id())
                .bind("organisation", organisationId)
                .bind("issuer", issuerId)
                .bind("name", provided.achievementName())
                .bind("identifier", provided.recipient())
                .bind("format", SecuringFormat.DATA_INTEGRITY.value())
                .bind("document", document)
                .bind("issuedAt", issuedAt)
                .bind("validFrom", provided.validFrom())
                .bind("validUntil", provided.validUntil().orElse(null))
                .bind("list", slot.listId())
                .bind("index", slot.index())
                .bind("externalId", provided.ids().externalId().orElse(null))
                .bind("suspendable", withStatus && policy.suspendable())
                .bind("revocable", withStatus)
                .execute();
    }

    /** Earlier credentials of many idempotency keys, by key. */
    Map<String, Keyed> byIdempotencyKeys(
            Handle handle, UUID organisationId, List<String> keys, String baseUrl) {
        Map<String, Keyed> found = new HashMap<>();
        handle.createQuery(
                        """
                        SELECT id, format, document, issued_at, request_hash, idempotency_key
                        FROM credentials
                        WHERE organisation_id = :organisation AND idempotency_key IN (<keys>)
                        """)
                .bind("organisation", organisationId)
                .bindList("keys", keys)
                .map(
                        (row, context) ->
                                Map.entry(row.getString("idempotency_key"), keyed(row, baseUrl)))
                .forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        return found;
    }

    private static Keyed keyed(java.sql.ResultSet row, String baseUrl)
            throws java.sql.SQLException {
        UUID id = row.getObject("id", UUID.class);
        return new Keyed(
                new IssuedCredential(
                        id,
                        baseUrl + "/credentials/" + id,
                        SecuringFormat.fromValue(row.getString("format")),
                        row.getString("document"),
                        row.getObject("issued_at", OffsetDateTime.class).toInstant(),
                        true),
                row.getString("request_hash"));
    }

    Optional<Keyed> byIdempotencyKey(
            Handle handle, UUID organisationId, String key, String baseUrl) {
        return Optional.ofNullable(
                byIdempotencyKeys(handle, organisationId, List.of(key), baseUrl).get(key));
    }
}
