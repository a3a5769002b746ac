package org.credence.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import java.io.StringReader;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AchievementBuilderTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"数据科学基础", "أساسيات علم البيانات", "Données et société — Ça marche"})
    void should_keep_the_text_when_the_name_is_not_ascii(String name) {
        // GIVEN
        AchievementBuilder builder =
                AchievementBuilder.achievement("urn:uuid:7b1f0c1e-4a4e-4c55-9a9b-3f2d2a1b0c9d")
                        .name(name)
                        .description(name + " — description")
                        .criteriaNarrative("# " + name);

        // WHEN
        Achievement achievement = builder.build();
        String written = achievement.json().toString();

        // THEN
        Achievement reread =
                Achievement.of(Json.createReader(new StringReader(written)).readObject());
        assertThat(reread.name()).isEqualTo(name);
        assertThat(reread.criteria().narrative()).contains("# " + name);
    }

    @Test
    void should_write_the_spec_fields_when_building_a_micro_credential() {
        // GIVEN
        AchievementBuilder builder =
                AchievementBuilder.achievement("https://example.edu/achievements/data-101")
                        .name("Data 101")
                        .description("Foundations of data analysis.")
                        .criteriaUrl("https://example.edu/achievements/data-101/criteria")
                        .achievementType(AchievementType.MICRO_CREDENTIAL)
                        .creditsAvailable(new BigDecimal("2.5"))
                        .tags("data", "statistics")
                        .image("https://example.edu/data-101.png", "Data 101 badge");

        // WHEN
        Achievement achievement = builder.build();

        // THEN
        assertThat(achievement.json().getJsonArray("type").getString(0)).isEqualTo("Achievement");
        assertThat(achievement.achievementType()).contains("MicroCredential");
        assertThat(achievement.creditsAvailable()).contains(new BigDecimal("2.5"));
        assertThat(achievement.criteria().id())
                .contains("https://example.edu/achievements/data-101/criteria");
        assertThat(achievement.image().flatMap(Image::caption)).contains("Data 101 badge");
        assertThat(achievement.tags()).containsExactly("data", "statistics");
    }

    @Test
    void should_name_the_missing_field_when_the_description_is_not_set() {
        // GIVEN
        AchievementBuilder builder =
                AchievementBuilder.achievement("urn:uuid:1")
                        .name("No description")
                        .criteriaNarrative("x");

        // WHEN
        ModelException exception = catchThrowableOfType(builder::build, ModelException.class);

        // THEN
        assertThat(exception.problem()).isEqualTo(ModelProblem.MISSING_PROPERTY);
        assertThat(exception.field()).isEqualTo("description");
    }

    @Test
    void should_refuse_the_type_when_it_is_neither_a_spec_term_nor_an_extension() {
        // GIVEN
        AchievementBuilder builder =
                AchievementBuilder.achievement("urn:uuid:1")
                        .name("n")
                        .description("d")
                        .criteriaNarrative("c")
                        .achievementType("Nanodegree");

        // WHEN
        ModelException exception = catchThrowableOfType(builder::build, ModelException.class);

        // THEN
        assertThat(exception.problem()).isEqualTo(ModelProblem.INVALID_VALUE);
        assertThat(builder.achievementType("ext:Nanodegree").build().achievementType())
                .contains("ext:Nanodegree");
    }
}
