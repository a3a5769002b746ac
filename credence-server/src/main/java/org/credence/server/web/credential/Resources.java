package org.credence.server.web.credential;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Static files bundled with the server. */
final class Resources {

    private Resources() {}

    static byte[] read(String name) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
