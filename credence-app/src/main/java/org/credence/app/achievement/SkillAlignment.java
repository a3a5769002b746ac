package org.credence.app.achievement;

import jakarta.json.JsonObjectBuilder;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.core.json.Jsons;
import org.credence.core.model.Alignment;

/**
 * An achievement version's alignment to a skill, copied from the skill when the version was saved
 * so that the version's JSON never changes afterwards.
 *
 * @param skillId the skill aligned to
 * @param targetName the skill's name
 * @param targetUrl the skill's URL (or Credence's page for it when the framework has none)
 * @param targetFramework the framework's name
 * @param targetCode the skill's code
 * @param targetDescription the skill's description
 */
public record SkillAlignment(
        UUID skillId,
        String targetName,
        String targetUrl,
        String targetFramework,
        String targetCode,
        Optional<String> targetDescription) {

    public SkillAlignment {
        Objects.requireNonNull(skillId, "skillId");
        Objects.requireNonNull(targetName, "targetName");
        Objects.requireNonNull(targetUrl, "targetUrl");
        Objects.requireNonNull(targetFramework, "targetFramework");
        Objects.requireNonNull(targetCode, "targetCode");
        Objects.requireNonNull(targetDescription, "targetDescription");
    }

    /** The Open Badges 3.0 {@code Alignment}. */
    public Alignment toAlignment() {
        JsonObjectBuilder json =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("type", Jsons.PROVIDER.createArrayBuilder().add("Alignment"))
                        .add("targetName", targetName)
                        .add("targetUrl", targetUrl)
                        .add("targetFramework", targetFramework)
                        .add("targetCode", targetCode);
        targetDescription.ifPresent(text -> json.add("targetDescription", text));
        return Alignment.of(json.build());
    }
}
