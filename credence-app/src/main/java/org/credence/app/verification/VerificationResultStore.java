package org.credence.app.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * SQL for kept verification results. Not filtered by organisation: a result belongs to nobody, its
 * random id is the permission. Stateless and thread-safe.
 */
final class VerificationResultStore {

    void insert(Handle handle, StoredVerification result) {
        handle.createUpdate(
                        """
                        INSERT INTO verification_results (id, created_at, expires_at, document,
                            report)
                        VALUES (:id, :createdAt, :expiresAt, :document, :report)
                        """)
                .bind("id", result.id())
                .bind("createdAt", result.checkedAt())
                .bind("expiresAt", result.expiresAt())
                .bind("document", result.document())
                .bind("report", ReportCodec.write(result.report()))
                .execute();
    }

    /** The result, unless unknown or expired at {@code now}. */
    Optional<StoredVerification> find(Handle handle, UUID id, Instant now) {
        return handle.createQuery(
                        """
                        SELECT id, created_at, expires_at, document, report
                        FROM verification_results
                        WHERE id = :id AND expires_at > :now
                        """)
                .bind("id", id)
                .bind("now", now)
                .map((row, context) -> result(row))
                .findOne();
    }

    /** Deletes the results that expired before {@code now}; returns how many. */
    int deleteExpired(Handle handle, Instant now) {
        return handle.createUpdate("DELETE FROM verification_results WHERE expires_at <= :now")
                .bind("now", now)
                .execute();
    }

    private static StoredVerification result(ResultSet row) throws SQLException {
        return new StoredVerification(
                row.getObject("id", UUID.class),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("expires_at", OffsetDateTime.class).toInstant(),
                row.getString("document"),
                ReportCodec.read(row.getString("report")));
    }
}
