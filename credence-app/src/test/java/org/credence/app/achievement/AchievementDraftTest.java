package org.credence.app.achievement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AchievementDraftTest {

    private static final AchievementDraft VALID =
            AchievementDraft.of("Safe care", "Gives safe care", "Pass the test");

    static Stream<Arguments> invalidDrafts() {
        return Stream.of(
                invalid("achievementType", draft -> draft.withAchievementType("MegaBadge")),
                invalid("achievementType", draft -> draft.withAchievementType("ext:")),
                invalid("language", draft -> draft.withLanguage("english please")),
                invalid("language", draft -> draft.withLanguage("en_GB")),
                invalid("effortHours", draft -> draft.withEffortHours(BigDecimal.ZERO)),
                invalid("effortHours", draft -> draft.withEffortHours(new BigDecimal("-3"))),
                invalid("effortHours", draft -> draft.withEffortHours(new BigDecimal("10000.5"))),
                invalid("effortHours", draft -> draft.withEffortHours(new BigDecimal("1.125"))),
                invalid(
                        "creditsAvailable",
                        draft -> draft.withCreditsAvailable(new BigDecimal("-1"))),
                invalid("image", draft -> draft.withImage("javascript:alert(1)")),
                invalid("image", draft -> draft.withImage("data:text/html;base64,PHNjcmlwdD4=")),
                invalid("name", draft -> draft.withName("  ")),
                invalid("name", draft -> draft.withName("x".repeat(201))),
                invalid("tags", draft -> draft.withTags(java.util.List.of("ok", ""))));
    }

    private static Arguments invalid(String field, UnaryOperator<AchievementDraft> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDrafts")
    void should_name_the_field_when_a_value_is_invalid(
            String field, UnaryOperator<AchievementDraft> change) {
        assertThatThrownBy(() -> change.apply(VALID))
                .isInstanceOf(AppException.class)
                .hasMessageStartingWith(field + ":")
                .extracting(e -> ((AppException) e).problem())
                .isEqualTo(Problem.INVALID_INPUT);
    }

    @Test
    void should_accept_extension_types_and_bcp47_tags_when_they_are_well_formed() {
        // WHEN
        AchievementDraft draft =
                VALID.withAchievementType("ext:Microcert")
                        .withLanguage("zh-Hans-CN")
                        .withEffortHours(new BigDecimal("40.00"))
                        .withImage("data:image/svg+xml;base64,PHN2Zy8+");

        // THEN
        assertThat(draft.achievementType()).isEqualTo("ext:Microcert");
        assertThat(draft.language()).contains("zh-Hans-CN");
        assertThat(draft.effortHours()).contains(new BigDecimal("40"));
        assertThat(VALID.achievementType()).isEqualTo("MicroCredential");
    }
}
