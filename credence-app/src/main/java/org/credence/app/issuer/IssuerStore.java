package org.credence.app.issuer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.credence.core.crypto.KeyType;
import org.jdbi.v3.core.Handle;

/**
 * SQL for issuers, their keys and the platform's keys. Methods run on the caller's handle (the
 * service owns the transaction); every issuer query is filtered by organisation, except the lookup
 * by slug that serves public DID documents. Stateless and thread-safe.
 */
final class IssuerStore {

    private static final String ISSUER_COLUMNS =
            "id, organisation_id, slug, name, url, email, description, image, created_at,"
                    + " updated_at";
    private static final String KEY_COLUMNS =
            "key_number, key_type, public_key_multibase, encrypted_secret, status, created_at,"
                    + " retired_at";

    void insert(Handle handle, IssuerProfile issuer) {
        handle.createUpdate(
                        """
                        INSERT INTO issuers (id, organisation_id, slug, name, url, email,
                                             description, image, created_at, updated_at)
                        VALUES (:id, :organisation, :slug, :name, :url, :email,
                                :description, :image, :created, :updated)
                        """)
                .bind("id", issuer.id())
                .bind("organisation", issuer.organisationId())
                .bind("slug", issuer.slug())
                .bind("created", issuer.createdAt())
                .bindMap(details(issuer))
                .execute();
    }

    void update(Handle handle, IssuerProfile issuer) {
        handle.createUpdate(
                        """
                        UPDATE issuers
                        SET name = :name, url = :url, email = :email, description = :description,
                            image = :image, updated_at = :updated
                        WHERE id = :id AND organisation_id = :organisation
                        """)
                .bind("id", issuer.id())
                .bind("organisation", issuer.organisationId())
                .bindMap(details(issuer))
                .execute();
    }

    private static Map<String, Object> details(IssuerProfile issuer) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", issuer.details().name());
        values.put("url", issuer.details().url().orElse(null));
        values.put("email", issuer.details().email().orElse(null));
        values.put("description", issuer.details().description().orElse(null));
        values.put("image", issuer.details().image().orElse(null));
        values.put("updated", issuer.updatedAt());
        return values;
    }

    Optional<IssuerProfile> find(
            Handle handle, UUID organisationId, UUID issuerId, Function<String, String> didOf) {
        return handle.createQuery(
                        "SELECT "
                                + ISSUER_COLUMNS
                                + " FROM issuers WHERE id = :id AND organisation_id ="
                                + " :organisation")
                .bind("id", issuerId)
                .bind("organisation", organisationId)
                .map((row, context) -> issuer(row, didOf))
                .findOne();
    }

    /** Locks the issuer's row until the transaction ends, so rotations run one at a time. */
    boolean lock(Handle handle, UUID organisationId, UUID issuerId) {
        return handle.createQuery(
                        """
                        SELECT id FROM issuers
                        WHERE id = :id AND organisation_id = :organisation
                        FOR UPDATE
                        """)
                .bind("id", issuerId)
                .bind("organisation", organisationId)
                .mapTo(UUID.class)
                .findOne()
                .isPresent();
    }

    /** The issuer answering to a public slug, whatever its organisation. */
    Optional<UUID> idBySlug(Handle handle, String slug) {
        return handle.createQuery("SELECT id FROM issuers WHERE slug = :slug")
                .bind("slug", slug)
                .mapTo(UUID.class)
                .findOne();
    }

    /** The name of the issuer answering to a public slug. */
    Optional<String> nameBySlug(Handle handle, String slug) {
        return handle.createQuery("SELECT name FROM issuers WHERE slug = :slug")
                .bind("slug", slug)
                .mapTo(String.class)
                .findOne();
    }

    List<IssuerProfile> list(Handle handle, UUID organisationId, Function<String, String> didOf) {
        return handle.createQuery(
                        "SELECT "
                                + ISSUER_COLUMNS
                                + " FROM issuers WHERE organisation_id = :organisation ORDER BY"
                                + " name, slug")
                .bind("organisation", organisationId)
                .map((row, context) -> issuer(row, didOf))
                .list();
    }

    void insertKey(Handle handle, UUID issuerId, StoredKey key) {
        handle.createUpdate(
                        """
                        INSERT INTO issuer_keys (id, issuer_id, key_number, key_type,
                            public_key_multibase, encrypted_secret, status, created_at)
                        VALUES (:id, :issuer, :number, :type, :publicKey, :secret, :status,
                                :created)
                        """)
                .bind("id", UUID.randomUUID())
                .bind("issuer", issuerId)
                .bindMap(keyValues(key))
                .execute();
    }

    /** Retires the issuer's active key(s). */
    void retireKeys(Handle handle, UUID issuerId, Instant at) {
        handle.createUpdate(
                        """
                        UPDATE issuer_keys SET status = 'retired', retired_at = :at
                        WHERE issuer_id = :issuer AND status = 'active'
                        """)
                .bind("issuer", issuerId)
                .bind("at", at)
                .execute();
    }

    /** All the issuer's keys, oldest first. */
    List<StoredKey> keys(Handle handle, UUID issuerId) {
        return handle.createQuery(
                        "SELECT "
                                + KEY_COLUMNS
                                + " FROM issuer_keys WHERE issuer_id = :issuer ORDER BY"
                                + " key_number")
                .bind("issuer", issuerId)
                .map((row, context) -> key(row))
                .list();
    }

    void insertPlatformKey(Handle handle, StoredKey key) {
        handle.createUpdate(
                        """
                        INSERT INTO platform_keys (key_number, key_type, public_key_multibase,
                            encrypted_secret, status, created_at)
                        VALUES (:number, :type, :publicKey, :secret, :status, :created)
                        """)
                .bindMap(keyValues(key))
                .execute();
    }

    /** The platform's keys, oldest first. */
    List<StoredKey> platformKeys(Handle handle) {
        return handle.createQuery(
                        "SELECT " + KEY_COLUMNS + " FROM platform_keys ORDER BY key_number")
                .map((row, context) -> key(row))
                .list();
    }

    private static Map<String, Object> keyValues(StoredKey key) {
        Map<String, Object> values = new HashMap<>();
        values.put("number", key.number());
        values.put("type", key.type().name().toLowerCase(Locale.ROOT));
        values.put("publicKey", key.publicKeyMultibase());
        values.put("secret", key.sealedSecret());
        values.put("status", key.status().value());
        values.put("created", key.createdAt());
        return values;
    }

    private static IssuerProfile issuer(ResultSet row, Function<String, String> didOf)
            throws SQLException {
        String slug = row.getString("slug");
        IssuerDraft details =
                new IssuerDraft(
                        slug,
                        row.getString("name"),
                        Optional.ofNullable(row.getString("url")),
                        Optional.ofNullable(row.getString("email")),
                        Optional.ofNullable(row.getString("description")),
                        Optional.ofNullable(row.getString("image")));
        return new IssuerProfile(
                row.getObject("id", UUID.class),
                row.getObject("organisation_id", UUID.class),
                didOf.apply(slug),
                details,
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    private static StoredKey key(ResultSet row) throws SQLException {
        return new StoredKey(
                row.getInt("key_number"),
                KeyType.valueOf(row.getString("key_type").toUpperCase(Locale.ROOT)),
                row.getString("public_key_multibase"),
                row.getString("encrypted_secret"),
                KeyStatus.fromValue(row.getString("status")),
                instant(row, "created_at"),
                Optional.ofNullable(row.getObject("retired_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
