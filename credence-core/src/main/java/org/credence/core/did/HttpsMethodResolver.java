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
            return methodDocument(document, verificationMethodUrl, documentUrl);
        }
        if (url.getFragment() != null && ControllerDocuments.isControllerDocument(document)) {
            return ControllerDocuments.findAssertionMethod(
                    document, documentUrl, verificationMethodUrl);
        }
        throw new ResolutionException(
                ResolutionError.NOT_FOUND,
                documentUrl + " neither is nor contains the method " + verificationMethodUrl);
    }

    /**
     * The method document's own {@code controller} is only a claim of whoever hosts it: unless the
     * controller is the document itself, the controller's document must list the method in {@code
     * assertionMethod} (Controlled Identifiers: a verification relationship is stated by the
     * controller). Without this check, anyone could host a key naming any issuer as controller.
     */
    private VerificationMethod methodDocument(JsonObject document, String id, String documentUrl)
            throws ResolutionException {
        String controller = ControllerDocuments.stringOrNull(document, "controller");
        if (controller == null || controller.isBlank()) {
            throw new ResolutionException(
                    ResolutionError.INVALID_DOCUMENT, "verification method has no controller");
        }
        if (!controller.equals(documentUrl) && !controller.equals(id)) {
            requireListedByController(controller, id);
        }
        return new VerificationMethod(id, controller, ControllerDocuments.keyOf(document));
    }

    private void requireListedByController(String controller, String methodId)
            throws ResolutionException {
        if (!controller.startsWith("https://") || controller.contains("#")) {
            throw new ResolutionException(
                    ResolutionError.NOT_AUTHORIZED,
                    methodId
                            + " names "
                            + controller
                            + " as its controller, which cannot be checked to list it (an https"
                            + " controller document listing it in assertionMethod is needed)");
        }
        JsonObject controllerDocument = fetcher.fetch(URI.create(controller));
        String controllerId = ControllerDocuments.stringOrNull(controllerDocument, "id");
        if (controllerId != null && !controllerId.equals(controller)) {
            throw new ResolutionException(
                    ResolutionError.INVALID_DOCUMENT,
                    "controller document id " + controllerId + " does not match " + controller);
        }
        if (!ControllerDocuments.isAssertionMethod(controllerDocument, controller, methodId)) {
            throw new ResolutionException(
                    ResolutionError.NOT_AUTHORIZED,
                    "the controller "
                            + controller
                            + " does not list "
                            + methodId
                            + " in assertionMethod");
        }
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
