package org.credence.server.web.wallet;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.wallet.CredentialSource;
import org.credence.app.wallet.WalletEntry;
import org.credence.app.wallet.WalletShare;
import org.credence.app.wallet.WalletSharing;

/**
 * The sharing part of a wallet credential's page: the show-my-name choice, its live share links,
 * and for credentials issued here the public page (the LinkedIn URL, the PDF, the send-to-wallet
 * flow build on it).
 *
 * @param nameShown whether shares (and, issued here, the public page) show the learner's name
 * @param publicUrl the public credential page, for credentials issued here
 * @param linkedIn LinkedIn's "Add to profile" URL, for credentials issued here (imports make a
 *     share link first, with a POST)
 * @param shares the credential's share links that still work
 */
public record WalletDetail(
        boolean nameShown,
        Optional<String> publicUrl,
        Optional<String> linkedIn,
        List<WalletShare> shares) {

    public WalletDetail {
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(linkedIn, "linkedIn");
        shares = List.copyOf(shares);
    }

    static WalletDetail of(
            UUID learnerId, WalletEntry entry, WalletSharing sharing, String baseUrl) {
        boolean issued = entry.source() == CredentialSource.ISSUED;
        Optional<String> url = issued ? Optional.of(publicUrl(baseUrl, entry)) : Optional.empty();
        return new WalletDetail(
                sharing.shares().nameShown(learnerId, entry.id()),
                url,
                url.map(
                        publicUrl ->
                                LinkedInLink.of(entry.facts(), publicUrl, entry.id().toString())
                                        .url()),
                sharing.shares().liveShares(learnerId).stream()
                        .filter(share -> share.entryId().equals(Optional.of(entry.id())))
                        .toList());
    }

    /** The public page of a credential issued here. */
    static String publicUrl(String baseUrl, WalletEntry entry) {
        return baseUrl + "/credentials/" + entry.id();
    }

    public boolean issuedHere() {
        return publicUrl.isPresent();
    }
}
