package org.credence.app.issuer;

import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.credence.core.json.Jsons;
import org.credence.core.model.Profile;

/**
 * A stored issuer profile.
 *
 * @param id the issuer's id
 * @param organisationId the organisation it belongs to
 * @param did {@code did:web:<host>:issuers:<slug>}, or {@code did:key:<key>} for a did:key issuer
 * @param details what the owner entered
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record IssuerProfile(
        UUID id,
        UUID organisationId,
        String did,
        IssuerDraft details,
        Instant createdAt,
        Instant updatedAt) {

    public IssuerProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public String slug() {
        return details.slug();
    }

    public String name() {
        return details.name();
    }

    /** did:web (keys rotate) or did:key (the key is the identifier). */
    public DidMethod method() {
        return DidMethod.of(did);
    }

    /** The Open Badges 3.0 {@code Profile} credentials carry as their issuer; its id is the DID. */
    public Profile toProfile() {
        JsonObjectBuilder json =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("id", did)
                        .add("type", Jsons.PROVIDER.createArrayBuilder().add("Profile"))
                        .add("name", details.name());
        details.url().ifPresent(url -> json.add("url", url));
        details.email().ifPresent(email -> json.add("email", email));
        details.description().ifPresent(description -> json.add("description", description));
        details.image()
                .ifPresent(
                        image ->
                                json.add(
                                        "image",
                                        Jsons.PROVIDER
                                                .createObjectBuilder()
                                                .add("id", image)
                                                .add("type", "Image")));
        return Profile.of(json.build());
    }
}
