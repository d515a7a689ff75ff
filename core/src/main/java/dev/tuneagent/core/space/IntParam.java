package dev.tuneagent.core.space;

/**
 * An integer parameter on [low, high]. Encoding gives every integer an equal-width cell of the unit
 * interval (on the log scale when {@code log}), so decoding a uniform u is uniform over the cells.
 */
public record IntParam(String name, long low, long high, boolean log) implements Param {

    public IntParam {
        Names.check(name);
        if (!(low < high)) {
            throw new IllegalArgumentException(name + ": low must be below high, got low=" + low + " high=" + high);
        }
        if (high - low < 0) { // the subtraction overflowed
            throw new IllegalArgumentException(name + ": high - low must be at most " + Long.MAX_VALUE + ", got [" + low
                    + ", " + high + "]; narrow the range");
        }
        if (log && low <= 0) {
            throw new IllegalArgumentException(name + ": a log-scale parameter needs low > 0, got low=" + low);
        }
    }

    private double lo() {
        return log ? Math.log(low - 0.5) : low - 0.5; // low >= 1 when log, so low - 0.5 > 0
    }

    private double hi() {
        return log ? Math.log(high + 0.5) : high + 0.5;
    }

    @Override
    public double encode(Object value) {
        long v = (Long) coerce(value);
        double x = log ? Math.log(v) : v;
        return Param.clamp01((x - lo()) / (hi() - lo()));
    }

    @Override
    public Object decode(double u) {
        double x = lo() + Param.clamp01(u) * (hi() - lo());
        double v = log ? Math.exp(x) : x;
        long r = Math.round(v);
        return Math.max(low, Math.min(high, r));
    }

    @Override
    public Object coerce(Object raw) {
        long l = exactLong(raw);
        if (l < low || l > high) {
            throw new InvalidValueException(name + ": " + raw + " is outside [" + low + ", " + high + "]");
        }
        return l;
    }

    /** Integers beyond 2^53 lose digits as doubles, so they are read exactly when they arrive as integers. */
    private long exactLong(Object raw) {
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                // not a plain integer: try the general number forms below ("3.0", "1e3")
            }
        }
        double v = Numbers.toDouble(name, raw);
        if (!Double.isFinite(v) || v != Math.rint(v)) {
            throw new InvalidValueException(name + ": " + raw + " is not an integer");
        }
        return (long) v;
    }

    @Override
    public String describe() {
        return "int [" + low + ", " + high + "]" + (log ? " log" : "");
    }

    public long size() {
        return high - low + 1;
    }
}
