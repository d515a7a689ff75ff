package dev.tuneagent.agent.proposers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tuneagent.core.config.ConfigException;
import org.junit.jupiter.api.Test;

class ProposerFactoryTest {

    @Test
    void theClassicalProposersAreThereEachInsideItsFallbackChain() {
        ProposerFactory f = ProposerFactory.classical();
        assertThat(f.names()).containsExactly("gp", "sobol", "random");
        for (String name : f.names()) {
            assertThat(f.create(name, null).name()).isEqualTo(name);
            assertThat(f.create(name, null)).isInstanceOf(FallbackChain.class);
        }
        assertThat(((FallbackChain) f.create("gp", null)).fallbackNames()).containsExactly("sobol", "random");
        assertThat(((FallbackChain) f.create("sobol", null)).fallbackNames()).containsExactly("random");
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> ProposerFactory.classical().create("bayes", null)).isInstanceOf(ConfigException.class)
                .hasMessage("proposer: got \"bayes\", expected one of [gp, sobol, random]");
    }

    @Test
    void otherModulesCanRegisterMoreNames() {
        ProposerFactory f = ProposerFactory.classical().register("LLAMBO", t -> ProposerFactory.classical().create("sobol", t));
        assertThat(f.knows("llambo")).isTrue();
        assertThat(f.names()).endsWith("llambo");
    }
}
