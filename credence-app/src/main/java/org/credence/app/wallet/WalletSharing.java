package org.credence.app.wallet;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import org.credence.app.db.Database;

/**
 * The wallet's sharing features together: collections, share links (with the show-my-name choice),
 * and the files a learner downloads. Thread-safe.
 *
 * @param collections learners' named groups of credentials
 * @param shares public share links and the per-credential show-my-name choice
 * @param files JSON and baked PNG/SVG downloads of any wallet credential
 */
public record WalletSharing(CollectionService collections, ShareService shares, WalletFiles files) {

    public WalletSharing {
        Objects.requireNonNull(collections, "collections");
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(files, "files");
    }

    /** The services over one database, as the server wires them. */
    public static WalletSharing of(
            Database database,
            WalletService wallet,
            String baseUrl,
            Clock clock,
            SecureRandom random) {
        return new WalletSharing(
                new CollectionService(database, clock),
                new ShareService(database, wallet, baseUrl, clock, random),
                new WalletFiles());
    }
}
