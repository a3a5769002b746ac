package org.credence.app.verification;

import java.util.Optional;
import java.util.UUID;

/**
 * This installation's own issued credentials by id, so that "verify this URL" of one of its own
 * public pages ({@code /credentials/<id>}, {@code .json}, {@code .png}, {@code .svg}) reads the
 * stored credential instead of fetching the server from itself. Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface LocalCredentials {

    /** None: every URL goes to the network. */
    LocalCredentials NONE = id -> Optional.empty();

    /** The credential exactly as signed (JSON or compact JWS), if this installation issued it. */
    Optional<byte[]> document(UUID id);
}
