package org.credence.app.credential;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** SQL for {@link CredentialFeed}: filtered by organisation. Stateless and thread-safe. */
final class CredentialFeedStore {

    private static final String SINCE = " AND issued_at > :since";

    List<CredentialDocument> documents(
            Handle handle, UUID organisationId, Optional<Instant> since, long offset, int limit) {
        Query query =
                handle.createQuery(
                        "SELECT format, document FROM credentials WHERE organisation_id ="
                                + " :organisation"
                                + (since.isPresent() ? SINCE : "")
                                + " ORDER BY issued_at, id LIMIT :limit OFFSET :offset");
        bind(query, organisationId, since);
        return query.bind("limit", limit)
                .bind("offset", offset)
                .map(
                        (row, context) ->
                                new CredentialDocument(
                                        SecuringFormat.fromValue(row.getString("format")),
                                        row.getString("document")))
                .list();
    }

    long count(Handle handle, UUID organisationId, Optional<Instant> since) {
        Query query =
                handle.createQuery(
                        "SELECT COUNT(*) FROM credentials WHERE organisation_id = :organisation"
                                + (since.isPresent() ? SINCE : ""));
        bind(query, organisationId, since);
        return query.mapTo(Long.class).one();
    }

    private static void bind(Query query, UUID organisationId, Optional<Instant> since) {
        query.bind("organisation", organisationId);
        since.ifPresent(at -> query.bind("since", at));
    }
}
