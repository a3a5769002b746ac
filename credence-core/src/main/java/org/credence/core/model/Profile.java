package org.credence.core.model;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.json.JsonValues;
import org.credence.core.json.Jsons;

/**
 * A {@code Profile}: an issuer, creator or endorser. Requires an {@code id} and a {@code type}
 * including {@code Profile}, except for a bare reference ({@code {"id": …}} or an issuer given as a
 * URL string), which names a profile without describing it. Immutable and thread-safe.
 */
public record Profile(JsonObject json) {

    public Profile {
        Objects.requireNonNull(json, "json");
        Fields.requireString(json, "id");
        if (!Fields.isReference(json)) {
            Fields.requireType(json, "Profile");
        }
        Fields.optionalView(json, "image", Image::of);
        Fields.optionalView(json, "parentOrg", Profile::of);
        Fields.views(json, "otherIdentifier", IdentifierEntry::of);
        Fields.views(json, "endorsement", EndorsementCredential::of);
    }

    public static Profile of(JsonObject json) {
        return new Profile(json);
    }

    /** A new profile with just an id (a URL or DID), {@code type} and {@code name}. */
    public static Profile named(String id, String name) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        return of(
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("id", id)
                        .add("type", Jsons.PROVIDER.createArrayBuilder().add("Profile"))
                        .add("name", name)
                        .build());
    }

    public String id() {
        return json.getString("id");
    }

    /** Whether this only names a profile by id, without describing it. */
    public boolean isReference() {
        return Fields.isReference(json);
    }

    public Optional<String> name() {
        return JsonValues.string(json, "name");
    }

    public Optional<String> url() {
        return JsonValues.string(json, "url");
    }

    public Optional<String> email() {
        return JsonValues.string(json, "email");
    }

    public Optional<String> phone() {
        return JsonValues.string(json, "phone");
    }

    public Optional<String> description() {
        return JsonValues.string(json, "description");
    }

    public Optional<Image> image() {
        return Fields.optionalView(json, "image", Image::of);
    }

    public Optional<Profile> parentOrg() {
        return Fields.optionalView(json, "parentOrg", Profile::of);
    }

    public List<IdentifierEntry> otherIdentifiers() {
        return Fields.views(json, "otherIdentifier", IdentifierEntry::of);
    }

    /** Embedded endorsement credentials ({@code endorsementJwt} strings are left in the JSON). */
    public List<EndorsementCredential> endorsements() {
        return Fields.views(json, "endorsement", EndorsementCredential::of);
    }
}
