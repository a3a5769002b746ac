package org.credence.app.wallet;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.db.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A learner's collections: named groups of their wallet credentials, made, renamed, filled, emptied
 * and deleted by the learner. Only a credential of the learner's own wallet can be added; every
 * method takes the learner from their session, so another learner's collection is not found.
 * Thread-safe.
 */
public final class CollectionService {

    /** The longest collection name. */
    public static final int MAX_NAME = 200;

    private final Jdbi jdbi;
    private final Clock clock;
    private final CollectionStore store = new CollectionStore();
    private final WalletStore wallet = new WalletStore();

    public CollectionService(Database database, Clock clock) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The learner's collections, by name. */
    public List<WalletCollection> collections(UUID learnerId) {
        return jdbi.withHandle(handle -> store.collections(handle, learnerId));
    }

    /**
     * One of the learner's collections.
     *
     * @throws AppException NOT_FOUND when the learner has no such collection
     */
    public WalletCollection collection(UUID learnerId, UUID collectionId) {
        return jdbi.withHandle(handle -> require(handle, learnerId, collectionId));
    }

    /**
     * Makes an empty collection.
     *
     * @throws AppException INVALID_INPUT (field {@code name}) for a blank, too long or taken name
     */
    public WalletCollection create(UUID learnerId, String name) {
        String clean = name(name);
        UUID id = UUID.randomUUID();
        return jdbi.inTransaction(
                handle -> {
                    requireFree(handle, learnerId, clean, id);
                    store.insert(handle, learnerId, id, clean, clock.instant());
                    return require(handle, learnerId, id);
                });
    }

    /** Renames a collection; NOT_FOUND and INVALID_INPUT as {@link #create}. */
    public void rename(UUID learnerId, UUID collectionId, String name) {
        String clean = name(name);
        jdbi.useTransaction(
                handle -> {
                    require(handle, learnerId, collectionId);
                    requireFree(handle, learnerId, clean, collectionId);
                    store.rename(handle, learnerId, collectionId, clean);
                });
    }

    /** Deletes a collection and revokes its share links (they then say "no longer shared"). */
    public void delete(UUID learnerId, UUID collectionId) {
        jdbi.useTransaction(
                handle -> {
                    if (!store.delete(handle, learnerId, collectionId, clock.instant())) {
                        throw AppException.notFound("Collection");
                    }
                });
    }

    /**
     * Adds a credential of the learner's wallet to one of their collections (again: no change).
     *
     * @throws AppException NOT_FOUND when the collection or the credential is not the learner's
     */
    public void add(UUID learnerId, UUID collectionId, UUID entryId) {
        jdbi.useTransaction(
                handle -> {
                    require(handle, learnerId, collectionId);
                    boolean inWallet =
                            wallet.entries(handle, learnerId).stream()
                                    .anyMatch(stored -> stored.id().equals(entryId));
                    if (!inWallet) {
                        throw AppException.notFound("Credential");
                    }
                    store.addItem(handle, collectionId, entryId, clock.instant());
                });
    }

    /** Takes a credential out of a collection (absent: no change); NOT_FOUND for the collection. */
    public void remove(UUID learnerId, UUID collectionId, UUID entryId) {
        jdbi.useTransaction(
                handle -> {
                    require(handle, learnerId, collectionId);
                    store.removeItem(handle, collectionId, entryId);
                });
    }

    private WalletCollection require(Handle handle, UUID learnerId, UUID collectionId) {
        return store.find(handle, learnerId, collectionId)
                .orElseThrow(() -> AppException.notFound("Collection"));
    }

    private void requireFree(Handle handle, UUID learnerId, String name, UUID except) {
        if (store.nameTaken(handle, learnerId, name, except)) {
            throw AppException.invalid("name: you already have a collection called " + name);
        }
    }

    private static String name(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw AppException.invalid("name: give the collection a name");
        }
        if (clean.length() > MAX_NAME) {
            throw AppException.invalid("name: at most " + MAX_NAME + " characters");
        }
        return clean;
    }
}
