package dev.tuneagent.agent.llm.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Property
    void aKnownKeyNeverSurvivesWhateverSurroundsIt(@ForAll String before, @ForAll String after,
                                                   @ForAll @AlphaChars @StringLength(min = 8, max = 40) String key) {
        Assume.that(!Redactor.MARK.contains(key)); // a "key" spelled like the mark itself cannot be told apart
        String redacted = new Redactor(List.of(key)).redact(before + key + after + key);
        assertThat(redacted).doesNotContain(key);
    }

    @Test
    void keyShapedTokensAreRedactedEvenWhenTheKeyIsNotKnown() {
        Redactor r = Redactor.none();
        assertThat(r.redact("auth sk-proj-abcdefghijklmnop1234 and sk-ant-api03-ZZZZZZZZZZZZZZZZZZ"))
                .isEqualTo("auth [REDACTED] and [REDACTED]");
    }

    @Test
    void proseThatMerelyStartsLikeAKeyIsLeftAlone() {
        assertThat(Redactor.none().redact("use sk-learn or task-sk-1 and risk-free")).isEqualTo(
                "use sk-learn or task-sk-1 and risk-free");
    }

    @Test
    void credentialHeadersAreRecognisedInAnyCase() {
        assertThat(Redactor.isSecretHeader("Authorization")).isTrue();
        assertThat(Redactor.isSecretHeader("X-API-Key")).isTrue();
        assertThat(Redactor.isSecretHeader("api-key")).isTrue();
        assertThat(Redactor.isSecretHeader("content-type")).isFalse();
    }
}
