package org.credence.app.wallet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * SQL for the credentials in a learner's wallet. Every query is filtered by the learner: a
 * learner's rows, and this installation's credentials issued to the learner's verified addresses
 * and DIDs. Stateless and thread-safe.
 */
final class WalletStore {

    private static final String EFFORT =
            "(SELECT v.effort_hours FROM achievement_versions v"
                    + " WHERE v.achievement_id = c.achievement_id"
                    + " AND v.version = c.achievement_version)";

    /**
     * The wallet's credentials, newest first: its rows (an issued one read from {@code
     * credentials}), then credentials issued here to the learner's verified e-mail addresses
     * (compared ignoring case) or verified DIDs (the recipient identifier, exactly) that have no
     * row.
     */
    private static final String ROWS =
            "SELECT COALESCE(w.credential_id, w.id) AS id, w.source,"
                    + " COALESCE(c.document, w.document) AS document, w.import_format,"
                    + " w.source_url, w.import_verdict, w.addressed, "
                    + EFFORT
                    + " AS effort_hours, w.added_at"
                    + " FROM wallet_credentials w LEFT JOIN credentials c ON c.id = w.credential_id"
                    + " WHERE w.learner_id = :learner"
                    + " UNION ALL"
                    + " SELECT c.id, 'issued', c.document, NULL, NULL, NULL, TRUE, "
                    + EFFORT
                    + ", c.issued_at"
                    + " FROM credentials c"
                    + " WHERE (LOWER(c.recipient_email) IN (SELECT i.verified_value"
                    + "   FROM learner_identifiers i WHERE i.learner_id = :learner"
                    + "   AND i.kind = 'email' AND i.verified_value IS NOT NULL)"
                    + " OR c.recipient_identifier IN (SELECT i.verified_value"
                    + "   FROM learner_identifiers i WHERE i.learner_id = :learner"
                    + "   AND i.kind = 'did' AND i.verified_value IS NOT NULL))"
                    + " AND NOT EXISTS (SELECT 1 FROM wallet_credentials w2"
                    + "   WHERE w2.learner_id = :learner AND w2.credential_id = c.id)";

    private static final String ENTRIES = ROWS + " ORDER BY added_at DESC, id";

    List<StoredCredential> entries(Handle handle, UUID learnerId) {
        return handle.createQuery(ENTRIES)
                .bind("learner", learnerId)
                .map((row, context) -> stored(row))
                .list();
    }

    /** The ids of the wallet's credentials, in {@link #entries} order, without their documents. */
    List<UUID> ids(Handle handle, UUID learnerId) {
        return handle.createQuery(
                        "SELECT e.id FROM (" + ROWS + ") e ORDER BY e.added_at DESC, e.id")
                .bind("learner", learnerId)
                .mapTo(UUID.class)
                .list();
    }

    /** One credential of the wallet (an id of {@link #ids}). */
    Optional<StoredCredential> entry(Handle handle, UUID learnerId, UUID id) {
        return handle.createQuery("SELECT e.* FROM (" + ROWS + ") e WHERE e.id = :id")
                .bind("learner", learnerId)
                .bind("id", id)
                .map((row, context) -> stored(row))
                .findFirst();
    }

    /** Whether the issued credential was claimed into this learner's wallet. */
    boolean hasIssued(Handle handle, UUID learnerId, UUID credentialId) {
        return handle.createQuery(
                                "SELECT COUNT(*) FROM wallet_credentials"
                                        + " WHERE learner_id = :learner"
                                        + " AND credential_id = :credential")
                        .bind("learner", learnerId)
                        .bind("credential", credentialId)
                        .mapTo(Long.class)
                        .one()
                > 0;
    }

    /** Adds an issued credential to the wallet, unless it is there; false when it was. */
    boolean addIssued(Handle handle, UUID learnerId, UUID credentialId, Instant now) {
        if (hasIssued(handle, learnerId, credentialId)) {
            return false;
        }
        handle.createUpdate(
                        """
                        INSERT INTO wallet_credentials
                            (id, learner_id, source, credential_id, addressed, added_at)
                        VALUES (:id, :learner, 'issued', :credential, TRUE, :now)
                        """)
                .bind("id", UUID.randomUUID())
                .bind("learner", learnerId)
                .bind("credential", credentialId)
                .bind("now", now)
                .execute();
        return true;
    }

    void addImported(Handle handle, UUID learnerId, StoredCredential imported) {
        handle.createUpdate(
                        """
                        INSERT INTO wallet_credentials (id, learner_id, source, document,
                            import_format, source_url, import_verdict, addressed, added_at)
                        VALUES (:id, :learner, 'imported', :document, :format, :url, :verdict,
                            :addressed, :now)
                        """)
                .bind("id", imported.id())
                .bind("learner", learnerId)
                .bind("document", imported.document())
                .bind("format", imported.importFormat().orElse(null))
                .bind("url", imported.sourceUrl().orElse(null))
                .bind("verdict", imported.importVerdict().orElse(null))
                .bind("addressed", imported.addressed())
                .bind("now", imported.addedAt())
                .execute();
    }

    private static StoredCredential stored(ResultSet row) throws SQLException {
        return new StoredCredential(
                row.getObject("id", UUID.class),
                CredentialSource.valueOf(row.getString("source").toUpperCase(Locale.ROOT)),
                row.getString("document"),
                Optional.ofNullable(row.getString("import_format")),
                Optional.ofNullable(row.getString("source_url")),
                Optional.ofNullable(row.getString("import_verdict")),
                row.getBoolean("addressed"),
                Optional.ofNullable(row.getBigDecimal("effort_hours")),
                LearnerStore.instant(row, "added_at"));
    }
}
