package org.credence.app.verification;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.credence.core.did.DocumentFetcher;
import org.credence.core.did.ResolutionError;
import org.credence.core.did.ResolutionException;
import org.credence.core.json.InputException;
import org.credence.core.json.JsonInput;

/**
 * Fetches what a verifier needs from the network — did:web documents, https verification methods,
 * status list credentials, Open Badges 2.0 hosted documents, and any document for "verify this URL"
 * — without letting a credential's URLs reach the server's own network: see {@link GuardedHttp}
 * (limits, redirects) and {@link GuardedDnsResolver} (address rules, checked on the address
 * connected to). Successful responses are cached in memory as their headers (and a status list's
 * {@code ttl}) allow, up to an hour; failures are not cached: each costs at most the deadline, and
 * remembering one would keep a brief outage visible as "could not check" after it ended.
 *
 * <p>Thread-safe; one per process. Close it to release pooled connections.
 */
public final class SafeFetcher implements DocumentFetcher, AutoCloseable {

    /** What a document fetch asks for: JSON(-LD) first. */
    static final String JSON_ACCEPT = "application/ld+json, application/json";

    /** What "verify this URL" asks for: JSON first, but a JWT or a baked image will do. */
    static final String ANY_ACCEPT =
            "application/ld+json, application/vc+ld+json, application/json;q=0.9, */*;q=0.1";

    /** What a domain verification file is asked as. */
    static final String TEXT_ACCEPT = "text/plain, */*;q=0.1";

    private final FetchSettings settings;
    private final Clock clock;
    private final GuardedHttp http;

    /**
     * What a parsed JSON document is charged against the cache, per byte of its body. A JsonObject
     * holds every key and value as Java strings and objects in hash maps: several times the size of
     * its text (about 4–8× measured on DID documents), so charging the body length alone would let
     * the cache hold several times its bound. 6× keeps the bound honest on average.
     */
    static final int PARSED_JSON_WEIGHT = 6;

    private final ResponseCache<JsonObject> documents;
    private final ResponseCache<FetchedResource> resources;

    public SafeFetcher(FetchSettings settings, Clock clock) {
        this(settings, SystemDefaultDnsResolver.INSTANCE, clock);
    }

    /**
     * @param dns how names become addresses (the system resolver; tests pass a stub), always
     *     wrapped in the address rules
     */
    public SafeFetcher(FetchSettings settings, DnsResolver dns, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = new GuardedHttp(settings, Objects.requireNonNull(dns, "dns"));
        this.documents = new ResponseCache<>(clock, settings.cacheBytes());
        this.resources = new ResponseCache<>(clock, settings.cacheBytes());
    }

    /**
     * A JSON object document (DID document, controller document, status list, OB 2.0 assertion).
     *
     * @throws ResolutionException {@link ResolutionError#REFUSED} with the reason when a rule
     *     refuses the URL, {@link ResolutionError#INVALID_DOCUMENT} when it is not a JSON object,
     *     else as {@link GuardedHttp#get}
     */
    @Override
    public JsonObject fetch(URI url) throws ResolutionException {
        String key = url.toString();
        Optional<JsonObject> cached = documents.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        GuardedHttp.Response response = http.get(url, JSON_ACCEPT);
        JsonObject document;
        try {
            document =
                    JsonInput.DEFAULT.parseObject(
                            new String(response.body(), StandardCharsets.UTF_8));
        } catch (InputException e) {
            throw new ResolutionException(
                    ResolutionError.INVALID_DOCUMENT,
                    url + " is not a JSON document: " + e.getMessage(),
                    e);
        }
        documents.put(
                key,
                document,
                (long) response.body().length * PARSED_JSON_WEIGHT,
                Freshness.of(response.headers(), document, clock.instant(), settings));
        return document;
    }

    /**
     * Any document, as bytes, for "verify this URL": JSON is asked for first; an HTML page that
     * links its JSON ({@code <link rel="alternate" type="application/ld+json">}) is followed to it.
     *
     * @throws ResolutionException as {@link #fetch}
     */
    public FetchedResource fetchResource(URI url) throws ResolutionException {
        String key = url.toString();
        Optional<FetchedResource> cached = resources.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        GuardedHttp.Response response = http.get(url, ANY_ACCEPT);
        FetchedResource resource = resource(response);
        if (resource.isHtml()) {
            Optional<URI> alternate = AlternateLink.of(response.body(), response.url());
            if (alternate.isPresent()) {
                response = http.get(alternate.get(), JSON_ACCEPT);
                resource = resource(response);
            }
        }
        resources.put(
                key,
                resource,
                response.body().length,
                Freshness.of(response.headers(), clock.instant(), settings));
        return resource;
    }

    /**
     * A small text document fetched now, never from or into the cache (an issuer's domain
     * verification file: a re-check must see the file as it is). Same rules and limits as every
     * fetch.
     *
     * @throws ResolutionException as {@link #fetch}
     */
    public byte[] fetchUncached(URI url) throws ResolutionException {
        return http.get(url, TEXT_ACCEPT).body();
    }

    private static FetchedResource resource(GuardedHttp.Response response) {
        return new FetchedResource(response.url(), response.contentType(), response.body());
    }

    @Override
    public void close() {
        http.close();
    }
}
