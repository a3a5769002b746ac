package org.credence.app.credential;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.app.AppException;
import org.credence.app.db.Database;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.jdbi.v3.core.Jdbi;

/**
 * The organisation's issued credentials as signed documents, oldest first, by offset and limit:
 * what the Open Badges 3.0 Service API's {@code getCredentials} returns. Revoked and suspended
 * credentials are included (their status lists say so). Any member. Immutable and thread-safe.
 */
public final class CredentialFeed {

    /** Most credentials one page holds. */
    public static final int MAX_LIMIT = 200;

    /**
     * One page of the feed.
     *
     * @param documents the signed credentials, oldest first
     * @param total how many credentials match, on all pages
     */
    public record Page(List<CredentialDocument> documents, long total) {
        public Page {
            documents = List.copyOf(documents);
        }
    }

    private final Jdbi jdbi;
    private final CredentialFeedStore store = new CredentialFeedStore();

    public CredentialFeed(Database database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    }

    /**
     * Credentials issued after {@code since} (all when empty), skipping {@code offset}.
     *
     * @throws AppException {@code INVALID_INPUT} for a limit outside 1 to {@link #MAX_LIMIT} or a
     *     negative offset
     */
    public Page page(Actor actor, Optional<Instant> since, long offset, int limit) {
        actor.require(Role.VIEWER);
        Objects.requireNonNull(since, "since");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw AppException.invalid("limit: must be 1 to " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw AppException.invalid("offset: must not be negative");
        }
        return jdbi.withHandle(
                handle ->
                        new Page(
                                store.documents(
                                        handle, actor.organisationId(), since, offset, limit),
                                store.count(handle, actor.organisationId(), since)));
    }
}
