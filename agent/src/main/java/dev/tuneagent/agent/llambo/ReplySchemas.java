package dev.tuneagent.agent.llambo;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.OrdinalParam;
import dev.tuneagent.core.space.Param;
import dev.tuneagent.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON schemas for providers with structured output (OpenAI's {@code json_schema}): the shape of a
 * configurations reply for a space and of a predictions reply. They only guide the model; every
 * reply is still checked by the strict parsers, bounds included.
 */
public final class ReplySchemas {
    private ReplySchemas() {
    }

    public static JsonSchema configurations(SearchSpace space) {
        JsonObjectSchema.Builder config = JsonObjectSchema.builder();
        for (Param p : space.params()) {
            config.addProperty(p.name(), element(p));
        }
        config.required(space.names()).additionalProperties(false);
        JsonObjectSchema root = JsonObjectSchema.builder()
                .addProperty("configurations", JsonArraySchema.builder().items(config.build()).build())
                .required("configurations").additionalProperties(false).build();
        return JsonSchema.builder().name("configurations").rootElement(root).build();
    }

    public static JsonSchema predictions(int candidates) {
        JsonObjectSchema.Builder root = JsonObjectSchema.builder();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= candidates; i++) {
            root.addNumberProperty("C" + i);
            ids.add("C" + i);
        }
        return JsonSchema.builder().name("predictions").rootElement(root.required(ids).additionalProperties(false)
                .build()).build();
    }

    private static JsonSchemaElement element(Param p) {
        if (p instanceof FloatParam) {
            return JsonNumberSchema.builder().build();
        }
        if (p instanceof IntParam) {
            return JsonIntegerSchema.builder().build();
        }
        List<Object> choices = p instanceof CategoricalParam c ? c.choices() : ((OrdinalParam) p).values();
        if (choices.stream().allMatch(v -> v instanceof String)) {
            return JsonEnumSchema.builder().enumValues(choices.stream().map(String::valueOf).toList()).build();
        }
        if (choices.stream().allMatch(v -> v instanceof Boolean)) {
            return JsonBooleanSchema.builder().build();
        }
        if (choices.stream().allMatch(v -> v instanceof Long)) {
            return JsonIntegerSchema.builder().build();
        }
        return JsonNumberSchema.builder().build();
    }
}
