package io.pricewar.alert.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelGlobTest {

    @Test
    void aStarStandsForAnyRunAndAQuestionMarkForOneCharacter() {
        assertThat(ModelGlob.matches("qwen-*", "qwen-long")).isTrue();
        assertThat(ModelGlob.matches("qwen-*", "qwen-")).isTrue();
        assertThat(ModelGlob.matches("doubao-*-32k", "doubao-pro-32k")).isTrue();
        assertThat(ModelGlob.matches("doubao-*-32k", "doubao-pro-128k")).isFalse();
        assertThat(ModelGlob.matches("glm-?-turbo", "glm-3-turbo")).isTrue();
        assertThat(ModelGlob.matches("glm-?-turbo", "glm-35-turbo")).isFalse();
        assertThat(ModelGlob.matches("*", "anything")).isTrue();
    }

    @Test
    void withoutWildcardsItIsAnExactMatch() {
        assertThat(ModelGlob.isGlob("deepseek-v2")).isFalse();
        assertThat(ModelGlob.matches("deepseek-v2", "deepseek-v2")).isTrue();
        assertThat(ModelGlob.matches("deepseek-v2", "deepseek-v2.5")).isFalse();
    }

    @Test
    void aPatternOfManyStarsDoesNotBacktrackExponentially() {
        String text = "a".repeat(5_000);

        assertThat(ModelGlob.matches("*a*a*a*a*a*a*a*a*b", text)).isFalse();
    }
}
