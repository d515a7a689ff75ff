package dev.tuneagent.agent.proposers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.tuneagent.agent.llambo.LlmSettings;
import dev.tuneagent.agent.llambo.StudyBudget;
import dev.tuneagent.agent.proposers.fakes.Deps;
import dev.tuneagent.agent.proposers.fakes.FakeChatModel;
import dev.tuneagent.agent.proposers.fakes.MiniLoop;
import dev.tuneagent.core.study.Trial;
import dev.tuneagent.prompts.card.ContextLevel;
import dev.tuneagent.prompts.history.HistoryBudget;
import dev.tuneagent.prompts.llambo.PromptSettings;
import dev.tuneagent.prompts.parse.ReplyFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReplyModeTest {

    @Test
    void jsonRepliesAreRequestedWithAJsonSchemaAndParsed() {
        FakeChatModel model = FakeChatModel.llambo();
        LlmSettings settings = LlmSettings.defaults(Deps.MODEL)
                .withPrompts(new PromptSettings(ContextLevel.PARTIAL, ReplyFormat.JSON, HistoryBudget.tokens(4000)));
        var proposer = LlmProposers.create("llambo", Deps.of(model, settings, StudyBudget.unlimited(), Deps.CARD))
                .orElseThrow();
        List<Trial> trials = MiniLoop.run(proposer, MiniLoop.study("json", 5, 8), 7, MiniLoop::accuracy);

        assertThat(trials).allSatisfy(t -> {
            assertThat(t.provenance().proposer()).isEqualTo("llambo");
            assertThat(t.provenance().fallback()).isNull();
        });
        assertThat(model.requests).allSatisfy(r -> {
            assertThat(r.responseFormat().type()).isEqualTo(ResponseFormatType.JSON);
            assertThat(r.responseFormat().jsonSchema()).isNotNull();
        });
        assertThat(model.requests.get(0).responseFormat().jsonSchema().rootElement().toString())
                .contains("configurations", "lr", "criterion", "gini", "entropy");
        assertThat(model.requests.get(model.requests.size() - 1).responseFormat().jsonSchema().name())
                .isEqualTo("predictions");
        assertThat(FakeChatModel.firstUser(model.requests.get(1))).contains("{\"configurations\": [...]}");
        assertThat(model.requests.get(model.requests.size() - 1).messages().get(1).toString()).contains("{\"C1\"");
    }
}
