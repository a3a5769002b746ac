package org.credence.core.verify;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.did.DocumentFetcher;
import org.credence.core.did.PublishedKeys;
import org.credence.core.did.ResolutionException;
import org.credence.core.did.VerificationMethod;
import org.credence.core.json.JsonValues;

/**
 * Binds a key that came with a signature (a VC-JWT's {@code jwk} header, as Open Badges 3.0 §8.2
 * allows) to the credential's issuer: only when the issuer publishes that same key (its {@code
 * did:key}, its {@code did:web} document, or the controller document at its https id). Otherwise
 * the issuer key binding is "could not check", with the reason: a valid signature by a key of
 * unknown owner is not a forgery, but not the issuer's word either. Immutable, thread-safe if the
 * fetcher is.
 */
public final class HeaderKeyBinding {

    /** The code of a header key the issuer does not publish. */
    public static final String KEY_NOT_PUBLISHED = "KEY_NOT_PUBLISHED_BY_ISSUER";

    private final PublishedKeys publishedKeys;

    public HeaderKeyBinding(DocumentFetcher fetcher) {
        this.publishedKeys = new PublishedKeys(Objects.requireNonNull(fetcher, "fetcher"));
    }

    /**
     * What the header key means for the issuer.
     *
     * @param method the issuer's method with that key, when the issuer publishes it
     * @param check the ISSUER_KEY_BINDING check, when it could not be bound
     */
    public record Outcome(Optional<VerificationMethod> method, Optional<Check> check) {}

    /**
     * @param headerKey the key that verified the signature, with no controller
     */
    public Outcome bind(JsonObject credential, VerificationMethod headerKey) {
        String issuer = JsonValues.idOf(credential, "issuer").orElse("");
        Optional<VerificationMethod> published;
        try {
            published = publishedKeys.find(issuer, headerKey.key());
        } catch (ResolutionException e) {
            return notBound(
                    e.error().name(),
                    "The signature is valid, but it was made with a key carried in the JWT itself"
                            + " (its jwk header), and the keys the issuer "
                            + describe(issuer)
                            + " publishes could not be read ("
                            + e.getMessage()
                            + "): it cannot be confirmed that the issuer signed it");
        }
        if (published.isPresent()) {
            return new Outcome(published, Optional.empty());
        }
        return notBound(
                KEY_NOT_PUBLISHED,
                "The signature is valid, but it was made with a key carried in the JWT itself (its"
                        + " jwk header) that the issuer "
                        + describe(issuer)
                        + " does not publish: it cannot be confirmed that the issuer signed it");
    }

    private static Outcome notBound(String code, String message) {
        return new Outcome(
                Optional.empty(),
                Optional.of(Check.couldNotCheck(CheckName.ISSUER_KEY_BINDING, code, message)));
    }

    private static String describe(String issuer) {
        return issuer.isEmpty() ? "(none named)" : issuer;
    }
}
