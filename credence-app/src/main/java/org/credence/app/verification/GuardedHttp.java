package org.credence.app.verification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;
import org.credence.app.verification.GuardedDnsResolver.RefusedAddressException;
import org.credence.core.did.ResolutionError;
import org.credence.core.did.ResolutionException;

/**
 * One guarded GET, redirects followed by hand so that each target is checked again: only http and
 * https, never a refused address (checked on the URL's literal and again at connection time by
 * {@link GuardedDnsResolver}), at most {@link FetchSettings#maxRedirects()} hops, timeouts, a
 * deadline over the whole exchange and a body size limit enforced while reading. The deadline is
 * hard: each request is cancelled (its connection closed) when it passes, so a server that trickles
 * its TLS handshake or headers a byte at a time, each within the read timeout, cannot hold a
 * verification open; headers are also limited in number and line length. No cookies, no proxy, no
 * retries. Thread-safe (HttpClient's pooled client is).
 */
final class GuardedHttp implements AutoCloseable {

    private static final String USER_AGENT = "Credence-Verifier/1";

    /** Response headers beyond these limits fail the fetch (a DID document needs a handful). */
    private static final Http1Config HTTP1 =
            Http1Config.custom().setMaxHeaderCount(50).setMaxLineLength(8192).build();

    /**
     * Cancels requests that pass their deadline. One daemon thread for every fetcher: its tasks
     * only close a connection, and each is removed when its request ends in time.
     */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor executor =
                new ScheduledThreadPoolExecutor(
                        1,
                        task -> {
                            Thread thread = new Thread(task, "credence-fetch-deadline");
                            thread.setDaemon(true);
                            return thread;
                        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private final FetchSettings settings;
    private final CloseableHttpClient client;

    GuardedHttp(FetchSettings settings, DnsResolver dns) {
        this.settings = settings;
        this.client =
                HttpClients.custom()
                        .setConnectionManager(
                                PoolingHttpClientConnectionManagerBuilder.create()
                                        .setDnsResolver(new GuardedDnsResolver(dns, settings))
                                        .setConnectionFactory(
                                                ManagedHttpClientConnectionFactory.builder()
                                                        .http1Config(HTTP1)
                                                        .build())
                                        .setDefaultTlsConfig(
                                                TlsConfig.custom()
                                                        .setHandshakeTimeout(
                                                                timeout(settings.connectTimeout()))
                                                        .build())
                                        .setDefaultConnectionConfig(
                                                ConnectionConfig.custom()
                                                        .setConnectTimeout(
                                                                timeout(settings.connectTimeout()))
                                                        .setSocketTimeout(
                                                                timeout(settings.readTimeout()))
                                                        .build())
                                        .setDefaultSocketConfig(
                                                SocketConfig.custom()
                                                        .setSoTimeout(
                                                                timeout(settings.readTimeout()))
                                                        .build())
                                        .build())
                        .disableRedirectHandling()
                        .disableCookieManagement()
                        .disableAuthCaching()
                        .disableAutomaticRetries()
                        .setUserAgent(USER_AGENT)
                        .build();
    }

    /** What one request gave: a redirect to follow, or the response. */
    private sealed interface Hop permits Redirect, Response {}

    private record Redirect(URI to) implements Hop {}

    /** A response body with what caching needs. */
    record Response(URI url, String contentType, byte[] body, Freshness.CachingHeaders headers)
            implements Hop {}

    /**
     * Fetches {@code url}, following up to the allowed number of redirects.
     *
     * @throws ResolutionException {@link ResolutionError#REFUSED} for a refused URL or address, too
     *     many redirects or a body too large; {@link ResolutionError#NOT_FOUND} for 404/410; {@link
     *     ResolutionError#NETWORK_UNAVAILABLE} for timeouts, connection and server errors
     */
    Response get(URI url, String accept) throws ResolutionException {
        long deadline = System.nanoTime() + settings.deadline().toNanos();
        URI current = url;
        for (int hop = 0; ; hop++) {
            URI target = target(current);
            Hop result = exchange(target, accept, deadline);
            if (result instanceof Response response) {
                return response;
            }
            if (hop >= settings.maxRedirects()) {
                throw refused(
                        "refused: more than " + settings.maxRedirects() + " redirects from " + url);
            }
            current = ((Redirect) result).to();
        }
    }

    /** Checks scheme and host, and says where to connect (https to plain http for test hosts). */
    URI target(URI url) throws ResolutionException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw refused("refused: only http and https URLs are fetched, not " + url);
        }
        String host = url.getHost();
        if (host == null || host.isEmpty() || url.getRawUserInfo() != null) {
            throw refused("refused: no host (or a user name) in " + url);
        }
        int port = url.getPort() > 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        if (!settings.allows(host, port)) {
            String name = host.toLowerCase(Locale.ROOT);
            if (name.equals("localhost") || name.endsWith(".localhost")) {
                throw refused("refused: " + host + " is a loopback name");
            }
            Optional<String> refusal = AddressRules.literal(host).flatMap(AddressRules::refusal);
            if (refusal.isPresent()) {
                throw refused("refused: " + refusal.get());
            }
        }
        if (scheme.equals("https") && settings.plainHttp(host, port)) {
            try {
                return new URI("http", null, host, port, url.getPath(), url.getQuery(), null);
            } catch (URISyntaxException e) {
                throw refused("refused: malformed URL " + url);
            }
        }
        return url;
    }

    private Hop exchange(URI target, String accept, long deadline) throws ResolutionException {
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        if (left.isNegative() || left.isZero()) {
            throw unavailable("gave up on " + target + ": the " + seconds() + " deadline passed");
        }
        HttpGet request = new HttpGet(target);
        request.setHeader("Accept", accept);
        request.setConfig(
                RequestConfig.custom()
                        .setResponseTimeout(timeout(min(settings.readTimeout(), left)))
                        .setConnectionRequestTimeout(timeout(min(settings.connectTimeout(), left)))
                        .build());
        ScheduledFuture<?> alarm =
                DEADLINES.schedule(request::cancel, left.toNanos(), TimeUnit.NANOSECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
            int code = response.getCode();
            if (code >= 300 && code < 400 && response.getFirstHeader("Location") != null) {
                return new Redirect(redirect(target, response.getFirstHeader("Location")));
            }
            if (code == 404 || code == 410) {
                throw new ResolutionException(
                        ResolutionError.NOT_FOUND, target + " answered HTTP " + code);
            }
            if (code < 200 || code >= 300) {
                throw unavailable(target + " answered HTTP " + code);
            }
            byte[] body = body(response.getEntity(), target, deadline);
            return new Response(
                    target,
                    header(response, "Content-Type").orElse("application/octet-stream"),
                    body,
                    new Freshness.CachingHeaders(
                            header(response, "Cache-Control"),
                            header(response, "Expires"),
                            header(response, "Date")));
        } catch (IOException e) {
            if (alarm.isDone() || request.isCancelled()) {
                throw unavailable(
                        "gave up on " + target + ": the " + seconds() + " deadline passed");
            }
            throw failure(target, e);
        } finally {
            alarm.cancel(false);
        }
    }

    private byte[] body(HttpEntity entity, URI target, long deadline)
            throws IOException, ResolutionException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentLength() > settings.maxBytes()) {
            throw tooLarge(target);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = entity.getContent()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                if (out.size() > settings.maxBytes()) {
                    throw tooLarge(target);
                }
                if (System.nanoTime() > deadline) {
                    throw unavailable(
                            "gave up on " + target + ": the " + seconds() + " deadline passed");
                }
            }
        }
        return out.toByteArray();
    }

    private static URI redirect(URI from, Header location) throws ResolutionException {
        try {
            return from.resolve(new URI(location.getValue().strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw refused(
                    "refused: malformed redirect from " + from + " to " + location.getValue());
        }
    }

    private static ResolutionException failure(URI target, IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedAddressException refusal) {
                return new ResolutionException(
                        ResolutionError.REFUSED, refusal.getMessage() + " (" + target + ")", e);
            }
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ResolutionException(
                ResolutionError.NETWORK_UNAVAILABLE,
                "could not fetch " + target + ": " + reason,
                e);
    }

    private ResolutionException tooLarge(URI target) {
        return refused("refused: " + target + " is larger than " + settings.maxBytes() + " bytes");
    }

    private String seconds() {
        return settings.deadline().toMillis() / 1000.0 + " s";
    }

    private static ResolutionException refused(String message) {
        return new ResolutionException(ResolutionError.REFUSED, message);
    }

    private static ResolutionException unavailable(String message) {
        return new ResolutionException(ResolutionError.NETWORK_UNAVAILABLE, message);
    }

    private static Optional<String> header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? Optional.empty() : Optional.of(header.getValue());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Timeout timeout(Duration duration) {
        return Timeout.of(Math.max(1, duration.toMillis()), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // Closing idle pooled connections: nothing left to clean up.
        }
    }
}
