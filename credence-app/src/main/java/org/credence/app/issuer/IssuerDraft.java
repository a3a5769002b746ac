package org.credence.app.issuer;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.credence.app.AppException;

/**
 * What an owner enters for an issuer profile. Validated on construction: every failure is {@link
 * org.credence.app.Problem#INVALID_INPUT} naming the field. Text is stripped.
 *
 * @param slug lowercase letters, digits and inner hyphens (1–64); the last segment of the DID
 * @param name shown to learners and verifiers
 * @param url the issuer's web site (absolute https URL)
 * @param email contact address
 * @param description a few sentences
 * @param image an absolute URL or a base64 data URL of an image
 */
public record IssuerDraft(
        String slug,
        String name,
        Optional<String> url,
        Optional<String> email,
        Optional<String> description,
        Optional<String> image) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    public IssuerDraft {
        Objects.requireNonNull(slug, "slug");
        if (!SLUG.matcher(slug).matches()) {
            throw AppException.invalid(
                    "slug: use 1–64 lowercase letters, digits and inner hyphens, e.g."
                            + " school-of-nursing");
        }
        name = WebReferences.requireText("name", name, 200);
        url = present(url, "url").map(value -> WebReferences.requireAbsoluteUrl("url", value));
        email = present(email, "email").map(value -> WebReferences.requireEmail("email", value));
        description =
                present(description, "description")
                        .map(value -> WebReferences.optionalText("description", value, 4000));
        image = present(image, "image").map(value -> WebReferences.requireImage("image", value));
    }

    /** A draft with only the required parts. */
    public static IssuerDraft of(String slug, String name) {
        return new IssuerDraft(
                slug, name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public IssuerDraft withUrl(String value) {
        return new IssuerDraft(slug, name, Optional.of(value), email, description, image);
    }

    public IssuerDraft withEmail(String value) {
        return new IssuerDraft(slug, name, url, Optional.of(value), description, image);
    }

    public IssuerDraft withDescription(String value) {
        return new IssuerDraft(slug, name, url, email, Optional.of(value), image);
    }

    public IssuerDraft withImage(String value) {
        return new IssuerDraft(slug, name, url, email, description, Optional.of(value));
    }

    public IssuerDraft withName(String value) {
        return new IssuerDraft(slug, value, url, email, description, image);
    }

    /** Blank optional text counts as absent. */
    private static Optional<String> present(Optional<String> value, String field) {
        Objects.requireNonNull(value, field);
        return value.map(String::strip).filter(text -> !text.isEmpty());
    }
}
