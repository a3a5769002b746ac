package org.credence.core.ob2;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.credence.core.did.DocumentFetcher;
import org.credence.core.did.ResolutionException;
import org.credence.core.json.JsonValues;

/**
 * The fetches of one OB 2.0 verification: through the injected {@link DocumentFetcher} only, each
 * URL at most once, and at most {@link #MAX_FETCHES} in all, so a hostile chain of links cannot
 * make the verifier fetch without end. Not thread-safe: one instance per verification.
 */
final class Fetches {

    /**
     * Assertion, BadgeClass, issuer Profile, signing key, revocation list, and one spare for an
     * issuer that lists a second key.
     */
    static final int MAX_FETCHES = 6;

    static final String FETCH_LIMIT = "FETCH_LIMIT";
    static final String NOT_HTTP = "NOT_HTTP";
    static final String ID_MISMATCH = "ID_MISMATCH";

    private final DocumentFetcher fetcher;
    private final Map<String, Resolved> done = new HashMap<>();

    Fetches(DocumentFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** Whether an id can be fetched: an absolute http(s) URL. */
    static boolean isHttp(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /**
     * The document at {@code url}, described as {@code what} ("the BadgeClass") in messages. Never
     * throws: a failure is a {@link Resolved} without document.
     */
    Resolved fetch(String url, String what) {
        Resolved earlier = done.get(url);
        if (earlier != null) {
            return earlier;
        }
        Resolved result = fetchOnce(url, what);
        done.put(url, result);
        return result;
    }

    /** Records a document the caller already fetched, so it is not fetched again. */
    void seed(String url, JsonObject document) {
        done.put(url, Resolved.found(document, "fetched from " + url));
    }

    /**
     * A badge object at {@code url} that must say it is the one there ({@code id} equal to the
     * URL): otherwise a document hosted anywhere could speak for another.
     */
    Resolved fetchObject(String url, String what) {
        Resolved fetched = fetch(url, what);
        if (!fetched.isFound()) {
            return fetched;
        }
        String id = JsonValues.string(fetched.get(), "id").orElse("");
        if (!id.equals(url)) {
            return Resolved.missing(
                    ID_MISMATCH,
                    "The document fetched from "
                            + url
                            + " as "
                            + what
                            + " says its id is "
                            + (id.isEmpty() ? "nothing" : id));
        }
        return fetched;
    }

    private Resolved fetchOnce(String url, String what) {
        if (!isHttp(url)) {
            return Resolved.missing(NOT_HTTP, what + " id " + url + " is not an http(s) URL");
        }
        if (done.size() >= MAX_FETCHES) {
            return Resolved.missing(
                    FETCH_LIMIT,
                    "Did not fetch "
                            + what
                            + " at "
                            + url
                            + ": this badge already needed "
                            + MAX_FETCHES
                            + " documents");
        }
        try {
            return Resolved.found(fetcher.fetch(new URI(url)), "fetched from " + url);
        } catch (URISyntaxException e) {
            return Resolved.missing(NOT_HTTP, what + " id " + url + " is not a valid URL");
        } catch (ResolutionException e) {
            return Resolved.missing(
                    e.error().name(),
                    "Could not fetch " + what + " at " + url + ": " + e.getMessage());
        }
    }
}
