package org.credence.core.did;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Resolves {@code did:web} verification methods: {@code did:web:example.com:issuers:1#key-1} is
 * looked up in {@code https://example.com/issuers/1/did.json} ({@code did:web:example.com} in
 * {@code /.well-known/did.json}; a percent-encoded port such as {@code example.com%3A8443} is
 * decoded, and nothing else is: the host is a DNS name and an optional port, so an encoded {@code
 * /}, {@code ?} or {@code @} cannot smuggle a path, query or user into the URL), fetched through
 * the {@link DocumentFetcher}. The document's {@code id} must be the DID, and the method must be
 * listed in {@code assertionMethod}; its controller is the DID. Immutable, thread-safe if the
 * fetcher is.
 */
public final class DidWebResolver implements VerificationMethodResolver {

    static final String PREFIX = "did:web:";

    /** A did:web host once its port colon is decoded: a DNS name (or IPv4) and optional port. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?");

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
        if (!(document.get("id") instanceof JsonString id) || !id.getString().equals(did)) {
            // A DID document must say which DID it describes; one served for another name (or
            // for none) is not this DID's document.
            throw new ResolutionException(
                    ResolutionError.INVALID_DOCUMENT,
                    "the document at " + documentUrl(did) + " does not have id " + did);
        }
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

    /** The host segment with its port colon decoded; any other escape or character is refused. */
    private static String decode(String host, String did) throws ResolutionException {
        String decoded = host.replace("%3A", ":").replace("%3a", ":");
        if (!HOST.matcher(decoded).matches()) {
            throw new ResolutionException(
                    ResolutionError.INVALID_DID,
                    "bad host in " + did + ": only a DNS name and a port (as %3A) are allowed");
        }
        return decoded;
    }
}
