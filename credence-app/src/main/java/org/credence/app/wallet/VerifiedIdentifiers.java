package org.credence.app.wallet;

import java.util.List;

/**
 * A learner's verified identifiers, the ones credentials are matched on.
 *
 * @param emails verified e-mail addresses, lowercased
 * @param dids verified DIDs, as given
 */
record VerifiedIdentifiers(List<String> emails, List<String> dids) {

    VerifiedIdentifiers {
        emails = List.copyOf(emails);
        dids = List.copyOf(dids);
    }
}
