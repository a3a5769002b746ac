package org.credence.core.did;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.crypto.VerificationKey;

/**
 * Whether a controller (a credential's issuer) publishes a given public key as one of its assertion
 * methods: a {@code did:key} is its own key; a {@code did:web} lists its keys in its DID document;
 * an {@code https} id in the controller document served at that address. Documents come through the
 * injected {@link DocumentFetcher} (the server's safe fetcher, or fixtures).
 *
 * <p>Used for a key that arrived with the signature itself (a JWS {@code jwk} header): such a key
 * proves the signature, but only the issuer's own publication binds it to the issuer. Immutable,
 * thread-safe if the fetcher is.
 */
public final class PublishedKeys {

    private final DocumentFetcher fetcher;

    public PublishedKeys(DocumentFetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /**
     * The controller's assertion method with {@code key}, or empty when the controller's document
     * was read and does not list it.
     *
     * @throws ResolutionException when the controller's keys could not be read (unsupported id,
     *     document not fetched, a document for another id)
     */
    public Optional<VerificationMethod> find(String controller, VerificationKey key)
            throws ResolutionException {
        Objects.requireNonNull(key, "key");
        if (controller == null || controller.isBlank()) {
            throw new ResolutionException(
                    ResolutionError.UNSUPPORTED_METHOD, "the credential names no issuer id");
        }
        if (controller.startsWith(DidKey.PREFIX)) {
            VerificationKey own = DidKey.keyOf(controller);
            return own.equals(key)
                    ? Optional.of(
                            new VerificationMethod(
                                    DidKey.verificationMethodId(own), controller, own))
                    : Optional.empty();
        }
        if (controller.startsWith(DidWebResolver.PREFIX)) {
            return ControllerDocuments.findAssertionKey(
                    document(DidWebResolver.documentUrl(controller), controller), controller, key);
        }
        if (controller.startsWith("https://") && !controller.contains("#")) {
            return ControllerDocuments.findAssertionKey(
                    document(https(controller), controller), controller, key);
        }
        throw new ResolutionException(
                ResolutionError.UNSUPPORTED_METHOD,
                "the keys of " + controller + " cannot be looked up (did:key, did:web or https)");
    }

    private JsonObject document(URI url, String controller) throws ResolutionException {
        JsonObject document = fetcher.fetch(url);
        if (!(document.get("id") instanceof JsonString id) || !id.getString().equals(controller)) {
            throw new ResolutionException(
                    ResolutionError.INVALID_DOCUMENT,
                    "the document at " + url + " is not the document of " + controller);
        }
        return document;
    }

    private static URI https(String controller) throws ResolutionException {
        try {
            URI url = new URI(controller);
            if (url.getHost() == null) {
                throw new ResolutionException(
                        ResolutionError.INVALID_DID, "no host in " + controller);
            }
            return url;
        } catch (URISyntaxException e) {
            throw new ResolutionException(
                    ResolutionError.INVALID_DID, "not a valid address: " + controller, e);
        }
    }
}
