package org.credence.server.browser;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.credence.server.Background;
import org.credence.server.TestServer;
import org.credence.testing.db.Engine;
import org.credence.testing.db.TestDatabases;

/**
 * A running Credence site for browser tests: a {@link TestServer} on a fresh database and, once
 * {@link #startJobs() started}, the background job runner that carries out bulk issues (no SMTP:
 * e-mails stay queued). Closing stops both. Not thread-safe.
 */
final class Site implements AutoCloseable {

    private final TestServer server;
    private Background background;

    private Site(TestServer server) {
        this.server = server;
    }

    /** A site on a fresh database of that engine, without background jobs yet. */
    static Site start(Engine engine) {
        return new Site(TestServer.start(TestDatabases.fresh(engine)));
    }

    /**
     * Starts the job runner (once). Tests that watch a job from its first state start it only after
     * the page is open, so that the job cannot finish before the page shows it.
     */
    Site startJobs() {
        if (background == null) {
            background = Background.start(server.services(), Optional.empty(), Clock.systemUTC());
        }
        return this;
    }

    /** The server, for what a test sets up through the services. */
    TestServer server() {
        return server;
    }

    URI uri(String path) {
        return server.uri(path);
    }

    @Override
    public void close() {
        try {
            if (background != null) {
                background.close();
            }
        } finally {
            server.close();
        }
    }
}
