package org.credence.core.did;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Routes a verification method URL to the resolver registered for its prefix ({@code did:key:},
 * {@code did:web:}, {@code https:}); anything else is refused with {@link
 * ResolutionError#UNSUPPORTED_METHOD}. Immutable, thread-safe if its resolvers are.
 */
public final class CompositeResolver implements VerificationMethodResolver {

    private final Map<String, VerificationMethodResolver> resolversByPrefix;

    /**
     * @param resolversByPrefix resolvers keyed by URL prefix, e.g. {@code "did:key:"}; the longest
     *     matching prefix wins
     */
    public CompositeResolver(Map<String, VerificationMethodResolver> resolversByPrefix) {
        Map<String, VerificationMethodResolver> sorted = new LinkedHashMap<>();
        resolversByPrefix.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> -e.getKey().length()))
                .forEach(e -> sorted.put(e.getKey(), Objects.requireNonNull(e.getValue())));
        this.resolversByPrefix = Collections.unmodifiableMap(sorted);
    }

    /** did:key only (strict): needs no network. */
    public static CompositeResolver offline() {
        return new CompositeResolver(Map.of(DidKey.PREFIX, new DidKeyResolver()));
    }

    /** did:key (strict), did:web and https methods, fetching through {@code fetcher}. */
    public static CompositeResolver standard(DocumentFetcher fetcher) {
        return new CompositeResolver(
                Map.of(
                        DidKey.PREFIX,
                        new DidKeyResolver(),
                        DidWebResolver.PREFIX,
                        new DidWebResolver(fetcher),
                        "https:",
                        new HttpsMethodResolver(fetcher)));
    }

    @Override
    public VerificationMethod resolve(String verificationMethodUrl) throws ResolutionException {
        if (verificationMethodUrl != null) {
            for (Map.Entry<String, VerificationMethodResolver> entry :
                    resolversByPrefix.entrySet()) {
                if (verificationMethodUrl.startsWith(entry.getKey())) {
                    return entry.getValue().resolve(verificationMethodUrl);
                }
            }
        }
        throw new ResolutionException(
                ResolutionError.UNSUPPORTED_METHOD,
                "unsupported verification method: " + verificationMethodUrl);
    }
}
