package org.credence.core.did;

import jakarta.json.JsonObject;
import java.net.URI;

/**
 * Fetches a JSON document (a DID document, a controller document) from the network. The seam
 * between resolution logic and I/O: the server provides an HTTP implementation with caching and
 * limits; tests and offline tools pass fixtures. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface DocumentFetcher {

    /**
     * @throws ResolutionException {@link ResolutionError#NETWORK_UNAVAILABLE} when the document
     *     could not be fetched, {@link ResolutionError#NOT_FOUND} when the server says it does not
     *     exist, {@link ResolutionError#INVALID_DOCUMENT} when it is not a JSON object
     */
    JsonObject fetch(URI url) throws ResolutionException;
}
