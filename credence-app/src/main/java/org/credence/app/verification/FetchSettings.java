package org.credence.app.verification;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The limits of the {@link SafeFetcher}.
 *
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout how long to wait for the next bytes of a response
 * @param deadline the whole fetch, redirects included
 * @param maxBytes the largest response body read (reading stops past it)
 * @param maxRedirects how many redirects are followed (each target is checked again)
 * @param maxCacheAge the longest a response is kept, whatever its headers say
 * @param defaultCacheAge how long a response without caching headers or {@code ttl} is kept
 * @param cacheBytes the total size of the bodies kept in memory
 * @param allowedHosts host:port pairs exempt from the address rules (tests only)
 */
public record FetchSettings(
        Duration connectTimeout,
        Duration readTimeout,
        Duration deadline,
        int maxBytes,
        int maxRedirects,
        Duration maxCacheAge,
        Duration defaultCacheAge,
        long cacheBytes,
        List<AllowedHost> allowedHosts) {

    /** 3 s to connect, 5 s between bytes, 10 s in all, 2 MiB, 3 redirects, cached ≤ 1 h. */
    public static final FetchSettings STANDARD =
            new FetchSettings(
                    Duration.ofSeconds(3),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(10),
                    2 * 1024 * 1024,
                    3,
                    Duration.ofHours(1),
                    Duration.ofMinutes(5),
                    64L * 1024 * 1024,
                    List.of());

    public FetchSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(maxCacheAge, "maxCacheAge");
        Objects.requireNonNull(defaultCacheAge, "defaultCacheAge");
        allowedHosts = List.copyOf(allowedHosts);
        if (maxBytes < 1 || maxRedirects < 0 || cacheBytes < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public FetchSettings withAllowedHosts(List<AllowedHost> hosts) {
        return new FetchSettings(
                connectTimeout,
                readTimeout,
                deadline,
                maxBytes,
                maxRedirects,
                maxCacheAge,
                defaultCacheAge,
                cacheBytes,
                hosts);
    }

    public FetchSettings withTimeouts(Duration connect, Duration read, Duration total) {
        return new FetchSettings(
                connect,
                read,
                total,
                maxBytes,
                maxRedirects,
                maxCacheAge,
                defaultCacheAge,
                cacheBytes,
                allowedHosts);
    }

    public FetchSettings withMaxBytes(int bytes) {
        return new FetchSettings(
                connectTimeout,
                readTimeout,
                deadline,
                bytes,
                maxRedirects,
                maxCacheAge,
                defaultCacheAge,
                cacheBytes,
                allowedHosts);
    }

    /** Whether host:port is exempt from the address rules. */
    boolean allows(String host, int port) {
        return allowedHosts.stream().anyMatch(allowed -> allowed.matches(host, port));
    }

    /** Whether https URLs for host:port are fetched over plain http (a test server). */
    boolean plainHttp(String host, int port) {
        return allowedHosts.stream()
                .anyMatch(allowed -> allowed.plainHttp() && allowed.matches(host, port));
    }
}
