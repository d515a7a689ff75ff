package dev.tuneagent.core.space;

import java.util.List;

/** An unordered choice. Surrogates should treat it with one-hot or an exchangeable kernel, not as a number. */
public record CategoricalParam(String name, List<Object> choices) implements Param {

    public CategoricalParam {
        choices = Choices.check(name, choices);
    }

    @Override
    public double encode(Object value) {
        return Choices.encode(Choices.indexOf(name, choices, value), choices.size());
    }

    @Override
    public Object decode(double u) {
        return Choices.decode(choices, u);
    }

    @Override
    public Object coerce(Object raw) {
        return Choices.coerce(name, choices, raw);
    }

    public int indexOf(Object value) {
        return Choices.indexOf(name, choices, value);
    }

    @Override
    public String describe() {
        return "categorical " + choices;
    }
}
