package org.credence.app.credential;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for reading credentials and the earner's show-name choice. Listing is filtered by
 * organisation; lookups by public id are not (credential pages are public). Stateless and
 * thread-safe.
 */
final class CredentialStore {

    private static final String COLUMNS =
            """
            SELECT c.id, c.organisation_id, c.issuer_id, c.achievement_id, c.achievement_version,
                COALESCE(v.name, c.provided_achievement_name) AS achievement_name,
                c.recipient_email, c.recipient_identifier,
                c.recipient_name, c.show_name, c.format, c.document, c.issued_at, c.valid_from,
                c.valid_until, c.revoked_at, c.suspended, c.suspendable,
                CASE WHEN c.revoked_at IS NOT NULL THEN c.revocation_reason
                     WHEN c.suspended THEN c.suspension_reason END AS status_reason,
                CASE WHEN c.revoked_at IS NOT NULL THEN c.revocation_reason_public
                     WHEN c.suspended THEN c.suspension_reason_public
                     ELSE TRUE END AS status_reason_public
            FROM credentials c
            LEFT JOIN achievement_versions v
              ON v.achievement_id = c.achievement_id AND v.version = c.achievement_version
            """;

    Optional<CredentialRow> find(Handle handle, UUID id) {
        return handle.createQuery(COLUMNS + " WHERE c.id = :id")
                .bind("id", id)
                .map(CredentialStore::row)
                .findOne();
    }

    Optional<CredentialRow> find(Handle handle, UUID organisationId, UUID id) {
        return handle.createQuery(
                        COLUMNS + " WHERE c.id = :id AND c.organisation_id = :organisation")
                .bind("id", id)
                .bind("organisation", organisationId)
                .map(CredentialStore::row)
                .findOne();
    }

    /** The public id of the organisation's credential issued under a caller's id, if any. */
    Optional<UUID> findByExternalId(Handle handle, UUID organisationId, String externalId) {
        return handle.createQuery(
                        """
                        SELECT id FROM credentials
                        WHERE organisation_id = :organisation AND external_id = :externalId
                        """)
                .bind("organisation", organisationId)
                .bind("externalId", externalId)
                .mapTo(UUID.class)
                .findOne();
    }

    /** Sets show_name of a credential whose recipient is {@code recipient}; false if none. */
    boolean setShowName(Handle handle, UUID id, String recipient, boolean show) {
        return handle.createUpdate(
                                """
                                UPDATE credentials SET show_name = :show
                                WHERE id = :id
                                  AND (LOWER(recipient_email) = :email
                                       OR (recipient_identifier = :recipient
                                           AND recipient_identifier <> ''))
                                """)
                        .bind("id", id)
                        .bind("show", show)
                        .bind("email", recipient.strip().toLowerCase(Locale.ROOT))
                        .bind("recipient", recipient.strip())
                        .execute()
                == 1;
    }

    List<CredentialRow> list(
            Handle handle, UUID organisationId, CredentialQuery query, Instant now) {
        Query select =
                handle.createQuery(
                        COLUMNS
                                + where(query)
                                + " ORDER BY c.issued_at DESC, c.id LIMIT :limit OFFSET :offset");
        bindFilters(select, organisationId, query, now);
        return select.bind("limit", query.pageSize())
                .bind("offset", (long) query.page() * query.pageSize())
                .map(CredentialStore::row)
                .list();
    }

    long count(Handle handle, UUID organisationId, CredentialQuery query, Instant now) {
        Query select =
                handle.createQuery(
                        """
                        SELECT COUNT(*) FROM credentials c
                        """
                                + where(query));
        bindFilters(select, organisationId, query, now);
        return select.mapTo(Long.class).one();
    }

    /**
     * Fixed SQL fragments only: every value is a named bind. LIKE escapes with {@code !} (Jdbi's
     * parser does not accept a quoted backslash).
     */
    private static String where(CredentialQuery query) {
        List<String> conditions = new ArrayList<>();
        conditions.add("c.organisation_id = :organisation");
        query.achievementId().ifPresent(id -> conditions.add("c.achievement_id = :achievement"));
        query.recipient()
                .ifPresent(
                        text ->
                                conditions.add(
                                        "(LOWER(c.recipient_email) LIKE :pattern ESCAPE '!'"
                                                + " OR LOWER(c.recipient_identifier) LIKE :pattern"
                                                + " ESCAPE '!' OR LOWER(c.recipient_name) LIKE"
                                                + " :pattern ESCAPE '!')"));
        query.state().ifPresent(state -> conditions.add(stateCondition(state)));
        return " WHERE " + String.join(" AND ", conditions);
    }

    private static String stateCondition(CredentialState state) {
        String live = "c.revoked_at IS NULL AND c.suspended = FALSE";
        String notExpired = "(c.valid_until IS NULL OR c.valid_until > :now)";
        return switch (state) {
            case REVOKED -> "c.revoked_at IS NOT NULL";
            case SUSPENDED -> "c.revoked_at IS NULL AND c.suspended = TRUE";
            case EXPIRED -> live + " AND c.valid_until IS NOT NULL AND c.valid_until <= :now";
            case NOT_YET_VALID -> live + " AND c.valid_from > :now AND " + notExpired;
            case VALID -> live + " AND c.valid_from <= :now AND " + notExpired;
        };
    }

    private static void bindFilters(
            Query select, UUID organisationId, CredentialQuery query, Instant now) {
        select.bind("organisation", organisationId).bind("now", now);
        query.achievementId().ifPresent(id -> select.bind("achievement", id));
        query.recipient().ifPresent(text -> select.bind("pattern", likePattern(text)));
    }

    private static String likePattern(String text) {
        String escaped =
                text.toLowerCase(Locale.ROOT)
                        .replace("!", "!!")
                        .replace("%", "!%")
                        .replace("_", "!_");
        return "%" + escaped + "%";
    }

    private static CredentialRow row(ResultSet row, StatementContext context) throws SQLException {
        return new CredentialRow(
                row.getObject("id", UUID.class),
                row.getObject("organisation_id", UUID.class),
                row.getObject("issuer_id", UUID.class),
                row.getObject("achievement_id", UUID.class),
                row.getInt("achievement_version"),
                row.getString("achievement_name"),
                Optional.ofNullable(row.getString("recipient_email")),
                // '' marks a provided credential whose subject names no one (see V26)
                Optional.ofNullable(row.getString("recipient_identifier"))
                        .filter(identifier -> !identifier.isEmpty()),
                Optional.ofNullable(row.getString("recipient_name")),
                row.getBoolean("show_name"),
                SecuringFormat.fromValue(row.getString("format")),
                row.getString("document"),
                instant(row, "issued_at").orElseThrow(),
                instant(row, "valid_from").orElseThrow(),
                instant(row, "valid_until"),
                instant(row, "revoked_at"),
                row.getBoolean("suspended"),
                row.getBoolean("suspendable"),
                Optional.ofNullable(row.getString("status_reason")).filter(text -> !text.isEmpty()),
                row.getBoolean("status_reason_public"));
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }
}
