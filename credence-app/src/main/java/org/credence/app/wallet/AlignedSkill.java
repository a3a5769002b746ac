package org.credence.app.wallet;

import java.util.Objects;
import java.util.Optional;

/**
 * A skill or competency an achievement aligns to (Open Badges 3.0 {@code Alignment}).
 *
 * @param name {@code targetName}
 * @param url {@code targetUrl}, which identifies the skill
 * @param framework {@code targetFramework}, if given
 */
public record AlignedSkill(String name, String url, Optional<String> framework) {

    public AlignedSkill {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(framework, "framework");
    }
}
