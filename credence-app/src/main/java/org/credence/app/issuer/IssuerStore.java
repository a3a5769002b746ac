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
            "id, organisation_id, slug, key_did, name, url, email, description, image,"
                    + " created_at, updated_at";
    private static final String STANDING_COLUMNS =
            "vetted_at, vetted_by, domain_host, domain_token, domain_verified_at,"
                    + " domain_verified_by";
    private static final String KEY_COLUMNS =
            "key_number, key_type, public_key_multibase, encrypted_secret, status, created_at,"
                    + " retired_at";

    void insert(Handle handle, IssuerProfile issuer) {
        handle.createUpdate(
                        """
                        INSERT INTO issuers (id, organisation_id, slug, key_did, name, url, email,
                                             description, image, created_at, updated_at)
                        VALUES (:id, :organisation, :slug, :keyDid, :name, :url, :email,
                                :description, :image, :created, :updated)
                        """)
                .bind("id", issuer.id())
                .bind("organisation", issuer.organisationId())
                .bind("slug", issuer.slug())
                .bind("keyDid", issuer.method() == DidMethod.KEY ? issuer.did() : null)
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

    /** The issuer answering to a slug, whatever its organisation (slugs are unique). */
    Optional<UUID> idBySlug(Handle handle, String slug) {
        return handle.createQuery("SELECT id FROM issuers WHERE slug = :slug")
                .bind("slug", slug)
                .mapTo(UUID.class)
                .findOne();
    }

    /** The did:web issuer published under a slug (a did:key issuer publishes no document). */
    Optional<UUID> webIssuerBySlug(Handle handle, String slug) {
        return handle.createQuery("SELECT id FROM issuers WHERE slug = :slug AND key_did IS NULL")
                .bind("slug", slug)
                .mapTo(UUID.class)
                .findOne();
    }

    /**
     * The public identity of the issuer with this DID, whatever its organisation: a did:web issuer
     * by its slug, a did:key issuer by its stored DID.
     *
     * @param slug the slug when the DID is one of this installation's did:web issuer DIDs
     */
    Optional<IssuerIdentityRow> publicIdentity(Handle handle, Optional<String> slug, String did) {
        String where = slug.isPresent() ? "slug = :key AND key_did IS NULL" : "key_did = :key";
        return handle.createQuery(
                        "SELECT name, " + STANDING_COLUMNS + " FROM issuers WHERE " + where)
                .bind("key", slug.orElse(did))
                .map((row, context) -> new IssuerIdentityRow(row.getString("name"), standing(row)))
                .findOne();
    }

    /** A name and standing, for issuer trust and pages naming an issuer. */
    record IssuerIdentityRow(String name, IssuerStanding standing) {}

    Optional<IssuerStanding> standing(Handle handle, UUID organisationId, UUID issuerId) {
        return handle.createQuery(
                        "SELECT "
                                + STANDING_COLUMNS
                                + " FROM issuers WHERE id = :id AND organisation_id ="
                                + " :organisation")
                .bind("id", issuerId)
                .bind("organisation", organisationId)
                .map((row, context) -> standing(row))
                .findOne();
    }

    /** Every issuer's standing in the organisation, by issuer id. */
    Map<UUID, IssuerStanding> standings(Handle handle, UUID organisationId) {
        Map<UUID, IssuerStanding> standings = new HashMap<>();
        handle.createQuery(
                        "SELECT id, "
                                + STANDING_COLUMNS
                                + " FROM issuers WHERE organisation_id = :organisation")
                .bind("organisation", organisationId)
                .map((row, context) -> Map.entry(row.getObject("id", UUID.class), standing(row)))
                .forEach(entry -> standings.put(entry.getKey(), entry.getValue()));
        return standings;
    }

    /** Sets (or, with no time, clears) the issuer's vetting. */
    void setVetting(
            Handle handle,
            UUID organisationId,
            UUID issuerId,
            Optional<Instant> at,
            Optional<String> by) {
        handle.createUpdate(
                        """
                        UPDATE issuers SET vetted_at = :at, vetted_by = :by
                        WHERE id = :id AND organisation_id = :organisation
                        """)
                .bind("id", issuerId)
                .bind("organisation", organisationId)
                .bind("at", at.orElse(null))
                .bind("by", by.orElse(null))
                .execute();
    }

    /** Records the domain verification state (all empty: no verification asked). */
    void setDomain(Handle handle, UUID organisationId, UUID issuerId, IssuerStanding standing) {
        handle.createUpdate(
                        """
                        UPDATE issuers SET domain_host = :host, domain_token = :token,
                            domain_verified_at = :verifiedAt, domain_verified_by = :verifiedBy
                        WHERE id = :id AND organisation_id = :organisation
                        """)
                .bind("id", issuerId)
                .bind("organisation", organisationId)
                .bind("host", standing.domainHost().orElse(null))
                .bind("token", standing.domainToken().orElse(null))
                .bind("verifiedAt", standing.domainVerifiedAt().orElse(null))
                .bind("verifiedBy", standing.domainVerifiedBy().orElse(null))
                .execute();
    }

    /**
     * Every issuer of every organisation with its organisation's name and its standing, by name:
     * for installation operators only (the service checks).
     */
    List<OperatorIssuerRow> allIssuers(Handle handle, Function<String, String> didOf) {
        return handle.createQuery(
                        "SELECT i.id, i.organisation_id, i.slug, i.key_did, i.name, i.url,"
                                + " i.email, i.description, i.image, i.created_at, i.updated_at,"
                                + " o.name AS organisation_name, i.vetted_at, i.vetted_by,"
                                + " i.domain_host, i.domain_token, i.domain_verified_at,"
                                + " i.domain_verified_by FROM issuers i JOIN organisations o ON"
                                + " o.id = i.organisation_id ORDER BY i.name, i.slug")
                .map(
                        (row, context) ->
                                new OperatorIssuerRow(
                                        issuer(row, didOf),
                                        row.getString("organisation_name"),
                                        standing(row)))
                .list();
    }

    /** One issuer of any organisation, for operators. */
    Optional<IssuerProfile> anyIssuer(
            Handle handle, UUID issuerId, Function<String, String> didOf) {
        return handle.createQuery("SELECT " + ISSUER_COLUMNS + " FROM issuers WHERE id = :id")
                .bind("id", issuerId)
                .map((row, context) -> issuer(row, didOf))
                .findOne();
    }

    /** An issuer as an operator sees it. */
    record OperatorIssuerRow(
            IssuerProfile issuer, String organisationName, IssuerStanding standing) {}

    private static IssuerStanding standing(ResultSet row) throws SQLException {
        return new IssuerStanding(
                optionalInstant(row, "vetted_at"),
                Optional.ofNullable(row.getString("vetted_by")),
                Optional.ofNullable(row.getString("domain_host")),
                Optional.ofNullable(row.getString("domain_token")),
                optionalInstant(row, "domain_verified_at"),
                Optional.ofNullable(row.getString("domain_verified_by")));
    }

    private static Optional<Instant> optionalInstant(ResultSet row, String column)
            throws SQLException {
        return Optional.ofNullable(row.getObject(column, OffsetDateTime.class))
                .map(OffsetDateTime::toInstant);
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
                Optional.ofNullable(row.getString("key_did")).orElseGet(() -> didOf.apply(slug)),
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
