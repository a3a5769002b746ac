package org.credence.app.verification;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Objects;
import org.credence.core.did.DocumentFetcher;
import org.credence.core.did.ResolutionException;

/**
 * This installation's own documents from the database ({@link LocalDocuments}), everything else
 * from the network: the server never fetches its own did:web documents or status lists over HTTP
 * (its public URL may not even be reachable from inside). Thread-safe.
 */
final class LocalFirstFetcher implements DocumentFetcher {

    private final LocalDocuments local;
    private final DocumentFetcher network;

    LocalFirstFetcher(LocalDocuments local, DocumentFetcher network) {
        this.local = Objects.requireNonNull(local, "local");
        this.network = Objects.requireNonNull(network, "network");
    }

    @Override
    public JsonObject fetch(URI url) throws ResolutionException {
        if (local.isLocal(url)) {
            return local.fetch(url);
        }
        FetchBudget.spend(url);
        return network.fetch(url);
    }
}
