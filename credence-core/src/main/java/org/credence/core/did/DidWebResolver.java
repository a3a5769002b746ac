package org.credence.core.did;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Resolves {@code did:web} verification methods: {@code did:web:example.com:issuers:1#key-1} is
 * looked up in {@code https://example.com/issuers/1/did.json} ({@code did:web:example.com} in
 * {@code /.well-known/did.json}; a percent-encoded port such as {@code example.com%3A8443} is
 * decoded), fetched through the {@link DocumentFetcher}. The method must be listed in {@code
 * assertionMethod}; its controller is the DID. Immutable, thread-safe if the fetcher is.
 */
public final class DidWebResolver implements VerificationMethodResolver {

    static final String PREFIX = "did:web:";

    private final DocumentFetcher fetcher;

    public DidWebResolver(DocumentFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    @Override
    public VerificationMethod resolve(String verificationMethodUrl) throws ResolutionException {
        if (verificationMethodUrl == null || !verificationMethodUrl.startsWith(PREFIX)) {
            throw new ResolutionException(
                    ResolutionError.UNSUPPORTED_METHOD, "not a did:web: " + verificationMethodUrl);
        }
        int hash = verificationMethodUrl.indexOf('#');
        if (hash < 0 || hash == verificationMethodUrl.length() - 1) {
            throw new ResolutionException(
                    ResolutionError.INVALID_DID,
                    "verification method must be a DID URL with a fragment: "
                            + verificationMethodUrl);
        }
        String did = verificationMethodUrl.substring(0, hash);
        JsonObject document = fetcher.fetch(documentUrl(did));
        return ControllerDocuments.findAssertionMethod(document, did, verificationMethodUrl);
    }

    /**
     * The HTTPS URL of the DID document of {@code did} (without fragment).
     *
     * @throws ResolutionException {@link ResolutionError#INVALID_DID} if it is not a valid did:web
     */
    public static URI documentUrl(String did) throws ResolutionException {
        if (did == null || !did.startsWith(PREFIX) || did.contains("?") || did.contains("/")) {
            throw new ResolutionException(ResolutionError.INVALID_DID, "not a did:web: " + did);
        }
        String[] segments = did.substring(PREFIX.length()).split(":", -1);
        if (Arrays.stream(segments).anyMatch(String::isEmpty)) {
            throw new ResolutionException(ResolutionError.INVALID_DID, "empty segment in " + did);
        }
        StringBuilder url = new StringBuilder("https://").append(decode(segments[0], did));
        if (segments.length == 1) {
            url.append("/.well-known");
        }
        for (int i = 1; i < segments.length; i++) {
            url.append('/').append(segments[i]);
        }
        url.append("/did.json");
        try {
            URI uri = new URI(url.toString());
            if (uri.getHost() == null) {
                throw new ResolutionException(ResolutionError.INVALID_DID, "no host in " + did);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ResolutionException(ResolutionError.INVALID_DID, "invalid did:web " + did, e);
        }
    }

    private static String decode(String host, String did) throws ResolutionException {
        try {
            return URLDecoder.decode(host.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ResolutionException(ResolutionError.INVALID_DID, "bad host in " + did, e);
        }
    }
}
