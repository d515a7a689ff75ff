package dev.tuneagent.core.space;

import java.util.List;

/** An ordered choice (e.g. batch size 16, 32, 64): neighbours in the list are neighbours in the space. */
public record OrdinalParam(String name, List<Object> values) implements Param {

    public OrdinalParam {
        values = Choices.check(name, values);
    }

    @Override
    public double encode(Object value) {
        return Choices.encode(Choices.indexOf(name, values, value), values.size());
    }

    @Override
    public Object decode(double u) {
        return Choices.decode(values, u);
    }

    @Override
    public Object coerce(Object raw) {
        return Choices.coerce(name, values, raw);
    }

    public int indexOf(Object value) {
        return Choices.indexOf(name, values, value);
    }

    @Override
    public String describe() {
        return "ordinal " + values;
    }
}
