package org.credence.app.issuer;

import java.net.URI;
import org.credence.core.did.ResolutionException;

/**
 * Reads a domain verification file from the issuer's host. The server passes the verifier's safe
 * fetcher (address rules, size and time limits, no cache), so a URL an owner enters cannot reach
 * the server's own network. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface DomainFiles {

    /**
     * The body at {@code url}, fetched now (never from a cache: a re-check must see the file as it
     * is).
     *
     * @throws ResolutionException when it is refused or cannot be fetched, with the reason
     */
    byte[] read(URI url) throws ResolutionException;
}
