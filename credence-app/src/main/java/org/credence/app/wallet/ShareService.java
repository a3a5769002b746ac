package org.credence.app.wallet;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.db.Database;
import org.credence.app.organization.SecretTokens;
import org.jdbi.v3.core.Jdbi;

/**
 * Public share links of wallet credentials and collections, and the per-credential choice to show
 * the learner's name.
 *
 * <p>A link carries a random 256-bit token ({@link SecretTokens}); only its SHA-256 is stored, so
 * the link is shown once, when made. It may expire and may be revoked at any time. Opening it
 * resolves what it shares against the owner's wallet at that moment ({@link
 * WalletService#entries(UUID, List)}): each credential verified now, and a credential that has left
 * the wallet never shown. A revoked or expired link answers with its status alone: no name, no
 * credential. The learner's name appears next to a credential only when they chose to show it for
 * that credential (for credentials issued here, the same {@code show_name} the public page and the
 * certificate obey). Thread-safe.
 */
public final class ShareService {

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecretTokens tokens;
    private final String baseUrl;
    private final WalletService wallet;
    private final ShareStore store = new ShareStore();
    private final CollectionStore collections = new CollectionStore();
    private final WalletStore credentials = new WalletStore();

    /**
     * @param baseUrl the installation's public base URL, without a trailing slash
     */
    public ShareService(
            Database database,
            WalletService wallet,
            String baseUrl,
            Clock clock,
            SecureRandom random) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = new SecretTokens(random);
    }

    /**
     * Makes a share link of one of the learner's credentials or collections.
     *
     * @throws AppException NOT_FOUND when the credential or collection is not the learner's
     */
    public CreatedShare create(UUID learnerId, ShareRequest request) {
        String token = tokens.next();
        Instant now = clock.instant();
        WalletShare share =
                new WalletShare(
                        UUID.randomUUID(),
                        request.entryId(),
                        request.collectionId(),
                        now,
                        request.validity().map(now::plus),
                        Optional.empty());
        jdbi.useTransaction(
                handle -> {
                    if (request.entryId().isPresent()) {
                        UUID entry = request.entryId().get();
                        if (credentials.entries(handle, learnerId).stream()
                                .noneMatch(stored -> stored.id().equals(entry))) {
                            throw AppException.notFound("Credential");
                        }
                    } else if (collections
                            .find(handle, learnerId, request.collectionId().get())
                            .isEmpty()) {
                        throw AppException.notFound("Collection");
                    }
                    store.insert(handle, learnerId, SecretTokens.hash(token), share);
                });
        return new CreatedShare(share, url(token));
    }

    /** The public address of a token. */
    public String url(String token) {
        return baseUrl + "/shared/" + token;
    }

    /** The learner's share links, oldest first, revoked and expired ones included. */
    public List<WalletShare> shares(UUID learnerId) {
        return jdbi.withHandle(handle -> store.shares(handle, learnerId));
    }

    /** The learner's links that work now (neither revoked nor expired), oldest first. */
    public List<WalletShare> liveShares(UUID learnerId) {
        Instant now = clock.instant();
        return shares(learnerId).stream().filter(share -> share.active(now)).toList();
    }

    /**
     * Revokes one of the learner's links at once (revoked already: no change).
     *
     * @throws AppException NOT_FOUND when the learner has no such link
     */
    public void revoke(UUID learnerId, UUID shareId) {
        jdbi.useTransaction(
                handle -> {
                    if (store.find(handle, learnerId, shareId).isEmpty()) {
                        throw AppException.notFound("Share link");
                    }
                    store.revoke(handle, learnerId, shareId, clock.instant());
                });
    }

    /** What the link of {@code token} shows now; never anything private unless it is shared. */
    public SharedView open(String token) {
        return open(token, Optional.empty());
    }

    /**
     * One credential of the link of {@code token} (its files: JSON, badge image), verified alone:
     * the others of a shared collection are not read again for each file. A SHARED view with no
     * credential when the link does not share that one.
     */
    public SharedView openOne(String token, UUID entryId) {
        return open(token, Optional.of(entryId));
    }

    private SharedView open(String token, Optional<UUID> only) {
        Instant now = clock.instant();
        Optional<ShareStore.Owned> found =
                jdbi.withHandle(handle -> store.byTokenHash(handle, SecretTokens.hash(token)));
        if (found.isEmpty()) {
            return SharedView.withdrawn(ShareStatus.UNKNOWN);
        }
        WalletShare share = found.get().share();
        if (share.expired(now)) {
            return SharedView.withdrawn(ShareStatus.EXPIRED);
        }
        if (!share.active(now)) {
            return SharedView.withdrawn(ShareStatus.REVOKED);
        }
        UUID owner = found.get().learnerId();
        Optional<WalletCollection> collection =
                share.collectionId()
                        .flatMap(id -> jdbi.withHandle(h -> collections.find(h, owner, id)));
        List<UUID> shared =
                collection
                        .map(WalletCollection::entryIds)
                        .orElseGet(() -> share.entryId().stream().toList());
        List<UUID> ids =
                only.map(id -> shared.contains(id) ? List.of(id) : List.<UUID>of()).orElse(shared);
        List<WalletEntry> entries = wallet.entries(owner, ids);
        if (only.isEmpty() && collection.isEmpty() && entries.isEmpty()) {
            return SharedView.withdrawn(ShareStatus.REVOKED); // the credential left the wallet
        }
        return new SharedView(
                ShareStatus.SHARED,
                collection.map(WalletCollection::name),
                jdbi.withHandle(
                        handle -> {
                            String name = store.displayName(handle, owner);
                            return entries.stream()
                                    .map(
                                            entry ->
                                                    new SharedView.SharedCredential(
                                                            entry,
                                                            entry.addressed()
                                                                            && store.nameShown(
                                                                                    handle, owner,
                                                                                    entry)
                                                                    ? Optional.of(name)
                                                                    : Optional.empty()))
                                    .toList();
                        }));
    }

    /**
     * Whether shares of the credential (and, for one issued here, its public page and certificate)
     * show the learner's name.
     *
     * @throws AppException NOT_FOUND when it is not in the learner's wallet
     */
    public boolean nameShown(UUID learnerId, UUID entryId) {
        WalletEntry entry = wallet.entry(learnerId, entryId);
        return jdbi.withHandle(handle -> store.nameShown(handle, learnerId, entry));
    }

    /**
     * Sets the choice of {@link #nameShown}.
     *
     * @throws AppException {@link Problem#NOT_FOUND} when it is not in the learner's wallet, {@link
     *     Problem#CONFLICT} for a credential issued here to an address or DID that is not one of
     *     the learner's verified ones (its public page is its recipient's to name)
     */
    public void showName(UUID learnerId, UUID entryId, boolean show) {
        WalletEntry entry = wallet.entry(learnerId, entryId);
        boolean changed =
                jdbi.inTransaction(handle -> store.showName(handle, learnerId, entry, show));
        if (!changed) {
            throw new AppException(
                    Problem.CONFLICT,
                    "Your name can be shown with this credential once the address or DID it was"
                            + " issued to is verified in your wallet");
        }
    }
}
