package org.credence.app.verification;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * How long a fetched document may be reused (RFC 9111, as a shared cache would): {@code
 * Cache-Control: no-store} or {@code no-cache} — not at all; {@code s-maxage}, else {@code max-age}
 * seconds; else {@code Expires} minus {@code Date}; else a default. A Bitstring Status List
 * credential's {@code ttl} (milliseconds, in its subject) shortens that, never lengthens what the
 * headers allow. Everything is capped. Stateless.
 */
final class Freshness {

    private Freshness() {}

    /**
     * @param headers the response's caching headers
     * @param now the current instant (for {@code Expires} without {@code Date})
     * @param settings the default and the cap
     */
    static Duration of(CachingHeaders headers, Instant now, FetchSettings settings) {
        Duration fresh = fromHeaders(headers, now).orElse(settings.defaultCacheAge());
        return min(fresh, settings.maxCacheAge());
    }

    /** The same, shortened by a status list's {@code ttl} when the document has one. */
    static Duration of(
            CachingHeaders headers, JsonObject document, Instant now, FetchSettings settings) {
        Optional<Duration> fromHeaders = fromHeaders(headers, now);
        Optional<Duration> ttl = statusListTtl(document);
        Duration fresh =
                fromHeaders
                        .map(age -> ttl.map(t -> min(age, t)).orElse(age))
                        .orElse(ttl.orElse(settings.defaultCacheAge()));
        return min(fresh, settings.maxCacheAge());
    }

    private static Optional<Duration> fromHeaders(CachingHeaders headers, Instant now) {
        Optional<String> cacheControl = headers.cacheControl();
        if (cacheControl.isPresent()) {
            String value = cacheControl.get().toLowerCase(Locale.ROOT);
            if (value.contains("no-store") || value.contains("no-cache")) {
                return Optional.of(Duration.ZERO);
            }
            Optional<Duration> age =
                    directive(value, "s-maxage").or(() -> directive(value, "max-age"));
            if (age.isPresent()) {
                return age;
            }
        }
        return headers.expires()
                .map(
                        expires -> {
                            Optional<Instant> at = date(expires);
                            Instant base = headers.date().flatMap(Freshness::date).orElse(now);
                            // An invalid Expires (e.g. "0") means already expired (RFC 9111 5.3).
                            return at.map(instant -> Duration.between(base, instant))
                                    .filter(d -> !d.isNegative())
                                    .orElse(Duration.ZERO);
                        });
    }

    /** {@code credentialSubject.ttl} of a status list credential, in milliseconds. */
    private static Optional<Duration> statusListTtl(JsonObject document) {
        if (document.get("credentialSubject") instanceof JsonObject subject
                && subject.get("ttl") instanceof JsonNumber ttl
                && ttl.isIntegral()
                && ttl.longValue() >= 0) {
            return Optional.of(Duration.ofMillis(ttl.longValue()));
        }
        return Optional.empty();
    }

    private static Optional<Duration> directive(String cacheControl, String name) {
        for (String part : cacheControl.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equals(name)) {
                try {
                    long seconds = Long.parseLong(pair[1].strip().replace("\"", ""));
                    return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
                } catch (NumberFormatException e) {
                    return Optional.of(Duration.ZERO);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> date(String httpDate) {
        try {
            return Optional.of(
                    ZonedDateTime.parse(httpDate.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The response headers caching depends on. */
    record CachingHeaders(
            Optional<String> cacheControl, Optional<String> expires, Optional<String> date) {}
}
