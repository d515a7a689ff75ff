package dev.tuneagent.core.space;

final class Numbers {
    private Numbers() {
    }

    static double toDouble(String name, Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (raw instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new InvalidValueException(name + ": \"" + s + "\" is not a number");
            }
        }
        throw new InvalidValueException(name + ": expected a number, got " + (raw == null ? "nothing" : raw));
    }

    /** Normalizes YAML/JSON scalars: all integers become Long, all reals Double. */
    static Object canonicalScalar(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof java.math.BigInteger b) {
            return b.longValueExact();
        }
        if (v instanceof Float || v instanceof java.math.BigDecimal) {
            return ((Number) v).doubleValue();
        }
        return v;
    }
}
