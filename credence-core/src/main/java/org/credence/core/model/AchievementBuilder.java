package org.credence.core.model;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.credence.core.json.Jsons;

/**
 * Builds a new, spec-conformant {@link Achievement}. {@link #build()} checks the result like {@link
 * Achievement#of} and may be called again after further changes. Not thread-safe: use one builder
 * per thread; the achievements it builds are immutable.
 */
public final class AchievementBuilder {

    private final Map<String, JsonValue> fields = new LinkedHashMap<>();
    private final Map<String, JsonValue> criteria = new LinkedHashMap<>();
    private final List<JsonValue> alignments = new ArrayList<>();
    private final List<JsonValue> resultDescriptions = new ArrayList<>();

    private AchievementBuilder(String id) {
        fields.put("id", Jsons.PROVIDER.createValue(id));
        fields.put("type", Jsons.PROVIDER.createArrayBuilder().add("Achievement").build());
    }

    /** Starts an achievement with its id (a URL or {@code urn:uuid:…}). */
    public static AchievementBuilder achievement(String id) {
        return new AchievementBuilder(Objects.requireNonNull(id, "id"));
    }

    public AchievementBuilder name(String name) {
        return string("name", name);
    }

    public AchievementBuilder description(String description) {
        return string("description", description);
    }

    /** The criteria as Markdown text. */
    public AchievementBuilder criteriaNarrative(String narrative) {
        criteria.put(
                "narrative",
                Jsons.PROVIDER.createValue(Objects.requireNonNull(narrative, "narrative")));
        return this;
    }

    /** The URL of a page describing the criteria. */
    public AchievementBuilder criteriaUrl(String url) {
        criteria.put("id", Jsons.PROVIDER.createValue(Objects.requireNonNull(url, "url")));
        return this;
    }

    public AchievementBuilder achievementType(AchievementType type) {
        return string("achievementType", type.value());
    }

    /** A spec term or an {@code ext:} extension; other values fail at {@link #build()}. */
    public AchievementBuilder achievementType(String type) {
        return string("achievementType", type);
    }

    public AchievementBuilder image(String url, String caption) {
        JsonObjectBuilder image =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("id", Objects.requireNonNull(url, "url"))
                        .add("type", "Image");
        if (caption != null) {
            image.add("caption", caption);
        }
        return value("image", image.build());
    }

    public AchievementBuilder creditsAvailable(BigDecimal credits) {
        return value(
                "creditsAvailable", Jsons.PROVIDER.createValue(Objects.requireNonNull(credits)));
    }

    public AchievementBuilder fieldOfStudy(String fieldOfStudy) {
        return string("fieldOfStudy", fieldOfStudy);
    }

    public AchievementBuilder humanCode(String humanCode) {
        return string("humanCode", humanCode);
    }

    public AchievementBuilder specialization(String specialization) {
        return string("specialization", specialization);
    }

    public AchievementBuilder inLanguage(String languageTag) {
        return string("inLanguage", languageTag);
    }

    public AchievementBuilder version(String version) {
        return string("version", version);
    }

    public AchievementBuilder tags(String... tags) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        for (String tag : tags) {
            array.add(Objects.requireNonNull(tag, "tag"));
        }
        return value("tag", array.build());
    }

    public AchievementBuilder creator(Profile creator) {
        return value("creator", creator.json());
    }

    public AchievementBuilder alignment(Alignment alignment) {
        alignments.add(alignment.json());
        return this;
    }

    public AchievementBuilder resultDescription(ResultDescription resultDescription) {
        resultDescriptions.add(resultDescription.json());
        return this;
    }

    /** Any other property, e.g. of an extension; replaces what was set under that name. */
    public AchievementBuilder property(String name, JsonValue value) {
        return value(name, value);
    }

    /** The achievement; throws {@link ModelException} if a required property is missing. */
    public Achievement build() {
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder();
        fields.forEach(json::add);
        if (!criteria.isEmpty()) {
            json.add("criteria", Jsons.PROVIDER.createObjectBuilder(criteria));
        }
        if (!alignments.isEmpty()) {
            json.add("alignment", Jsons.PROVIDER.createArrayBuilder(alignments));
        }
        if (!resultDescriptions.isEmpty()) {
            json.add("resultDescription", Jsons.PROVIDER.createArrayBuilder(resultDescriptions));
        }
        return Achievement.of(json.build());
    }

    private AchievementBuilder string(String name, String value) {
        return value(name, Jsons.PROVIDER.createValue(Objects.requireNonNull(value, name)));
    }

    private AchievementBuilder value(String name, JsonValue value) {
        fields.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
        return this;
    }
}
