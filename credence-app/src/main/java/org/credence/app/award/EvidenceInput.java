package org.credence.app.award;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Objects;
import java.util.Optional;
import org.credence.app.AppException;
import org.credence.app.issuer.WebReferences;
import org.credence.core.json.Jsons;
import org.credence.core.model.Evidence;

/**
 * Evidence supporting an award: a URL and/or a narrative, with an optional name and description.
 *
 * @param url where the evidence is, an absolute http(s) URL
 * @param narrative the evidence itself, in text
 */
public record EvidenceInput(
        Optional<String> url,
        Optional<String> narrative,
        Optional<String> name,
        Optional<String> description) {

    public EvidenceInput {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(narrative, "narrative");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        url = url.map(value -> WebReferences.requireAbsoluteUrl("evidence.url", value.strip()));
        narrative = text("evidence.narrative", narrative, 20000);
        name = text("evidence.name", name, 200);
        description = text("evidence.description", description, 4000);
        if (url.isEmpty() && narrative.isEmpty()) {
            throw AppException.invalid("evidence: needs a url or a narrative");
        }
    }

    public static EvidenceInput ofUrl(String url) {
        return new EvidenceInput(
                Optional.of(url), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static EvidenceInput ofNarrative(String narrative) {
        return new EvidenceInput(
                Optional.empty(), Optional.of(narrative), Optional.empty(), Optional.empty());
    }

    public EvidenceInput withName(String value) {
        return new EvidenceInput(url, narrative, Optional.of(value), description);
    }

    public EvidenceInput withDescription(String value) {
        return new EvidenceInput(url, narrative, name, Optional.of(value));
    }

    /** The Open Badges 3.0 {@code Evidence}. */
    Evidence toEvidence() {
        return Evidence.of(json());
    }

    JsonObject json() {
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder();
        url.ifPresent(value -> json.add("id", value));
        json.add("type", Jsons.PROVIDER.createArrayBuilder().add("Evidence"));
        narrative.ifPresent(value -> json.add("narrative", value));
        name.ifPresent(value -> json.add("name", value));
        description.ifPresent(value -> json.add("description", value));
        return json.build();
    }

    private static Optional<String> text(String field, Optional<String> value, int max) {
        return value.map(text -> WebReferences.optionalText(field, text, max))
                .filter(text -> !text.isEmpty());
    }
}
