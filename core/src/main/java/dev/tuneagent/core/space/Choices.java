package dev.tuneagent.core.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Shared logic of the two choice-list parameters. */
final class Choices {
    private Choices() {
    }

    static List<Object> check(String name, List<?> choices) {
        Names.check(name);
        if (choices == null || choices.isEmpty()) {
            throw new IllegalArgumentException(name + ": needs at least one choice");
        }
        List<Object> out = new ArrayList<>();
        for (Object c : choices) {
            Object v = Numbers.canonicalScalar(c);
            if (!(v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean)) {
                throw new IllegalArgumentException(name + ": choice " + c + " must be a string, number or boolean");
            }
            out.add(v);
        }
        if (new HashSet<>(out).size() != out.size()) {
            throw new IllegalArgumentException(name + ": choices must be distinct, got " + choices);
        }
        return List.copyOf(out);
    }

    static Object coerce(String name, List<Object> choices, Object raw) {
        Object v = Numbers.canonicalScalar(raw);
        if (choices.contains(v)) {
            return choices.get(choices.indexOf(v));
        }
        String s = String.valueOf(raw).trim();
        for (Object c : choices) {
            if (String.valueOf(c).equals(s)) {
                return c;
            }
            if (c instanceof Number n && v instanceof Number m && n.doubleValue() == m.doubleValue()) {
                return c;
            }
        }
        throw new InvalidValueException(name + ": " + raw + " is not one of " + choices);
    }

    static int indexOf(String name, List<Object> choices, Object value) {
        return choices.indexOf(coerce(name, choices, value));
    }

    static Object decode(List<Object> choices, double u) {
        int k = choices.size();
        int i = (int) Math.floor(Param.clamp01(u) * k);
        return choices.get(Math.min(k - 1, i));
    }

    static double encode(int index, int k) {
        return (index + 0.5) / k;
    }
}
