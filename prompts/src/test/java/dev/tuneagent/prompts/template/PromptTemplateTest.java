package dev.tuneagent.prompts.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {
    final PromptTemplate t = new PromptTemplate("demo", "v1", "Hello {{name}}, try {{n}} things.");

    @Test
    void rendersEveryPlaceholder() {
        assertThat(t.render(Map.of("name", "model", "n", "3"))).isEqualTo("Hello model, try 3 things.");
    }

    @Test
    void aMissingVariableIsAnErrorNamingIt() {
        assertThatThrownBy(() -> t.render(Map.of("name", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing variables [n]");
    }

    @Test
    void anUnusedVariableIsAnErrorSoTyposCannotHide() {
        assertThatThrownBy(() -> t.render(Map.of("name", "x", "n", "1", "nn", "2")))
                .hasMessageContaining("unknown variables [nn]");
    }

    @Test
    void substitutedTextIsNeverExpandedAgain() {
        assertThat(t.render(Map.of("name", "{{n}} $1 \\", "n", "3"))).isEqualTo("Hello {{n}} $1 \\, try 3 things.");
    }

    @Test
    void shippedTemplatesLoadWithTheirVersion() {
        PromptTemplate sampler = PromptTemplate.load("sampler", "v1");
        assertThat(sampler.id()).isEqualTo("sampler/v1");
        assertThat(sampler.placeholders()).contains("history", "target", "format", "space");
    }

    @Test
    void aMissingTemplateIsAClearError() {
        assertThatThrownBy(() -> PromptTemplate.load("nope", "v9")).hasMessageContaining("prompts/nope/v9.txt");
    }
}
