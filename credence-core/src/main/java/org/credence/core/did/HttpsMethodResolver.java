package org.credence.core.did;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Resolves {@code https://…#fragment} verification methods by fetching the URL (without fragment)
 * through the {@link DocumentFetcher}. Accepts either a controller document whose id is that URL
 * and which lists the method in {@code assertionMethod} (controller = the URL), or the method
 * document itself (its {@code id} equals the method URL, controller = its {@code controller}). Key
 * formats as for {@link DidWebResolver}. Plain {@code http:} is refused. Immutable, thread-safe if
 * the fetcher is.
 */
public final class HttpsMethodResolver implements VerificationMethodResolver {

    private final DocumentFetcher fetcher;

    public HttpsMethodResolver(DocumentFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    @Override
    public VerificationMethod resolve(String verificationMethodUrl) throws ResolutionException {
        URI url = parse(verificationMethodUrl);
        String documentUrl = verificationMethodUrl.split("#", 2)[0];
        JsonObject document = fetcher.fetch(URI.create(documentUrl));
        String documentId = ControllerDocuments.stringOrNull(document, "id");
        if (verificationMethodUrl.equals(documentId)) {
            return methodDocument(document, verificationMethodUrl);
        }
        if (url.getFragment() != null && ControllerDocuments.isControllerDocument(document)) {
            return ControllerDocuments.findAssertionMethod(
                    document, documentUrl, verificationMethodUrl);
        }
        throw new ResolutionException(
                ResolutionError.NOT_FOUND,
                documentUrl + " neither is nor contains the method " + verificationMethodUrl);
    }

    private static VerificationMethod methodDocument(JsonObject document, String id)
            throws ResolutionException {
        String controller = ControllerDocuments.stringOrNull(document, "controller");
        if (controller == null || controller.isBlank()) {
            throw new ResolutionException(
                    ResolutionError.INVALID_DOCUMENT, "verification method has no controller");
        }
        return new VerificationMethod(id, controller, ControllerDocuments.keyOf(document));
    }

    private static URI parse(String verificationMethodUrl) throws ResolutionException {
        if (verificationMethodUrl == null || !verificationMethodUrl.startsWith("https://")) {
            throw new ResolutionException(
                    ResolutionError.UNSUPPORTED_METHOD,
                    "only https verification methods are supported: " + verificationMethodUrl);
        }
        try {
            URI url = new URI(verificationMethodUrl);
            if (url.getHost() == null) {
                throw new ResolutionException(
                        ResolutionError.INVALID_DID, "no host in " + verificationMethodUrl);
            }
            return url;
        } catch (URISyntaxException e) {
            throw new ResolutionException(
                    ResolutionError.INVALID_DID, "malformed URL " + verificationMethodUrl, e);
        }
    }
}
