package dev.tuneagent.core.space;

/** A real-valued parameter on [low, high], optionally searched on a log scale. */
public record FloatParam(String name, double low, double high, boolean log) implements Param {
    /** Sampling maps [0, 1] onto low + u * (high - low); a width beyond the largest double would make it infinite. */
    public static final String WIDTH_LIMIT = "high - low must be at most " + Double.MAX_VALUE
            + " (the largest double); narrow the range or use log: true on a positive range";

    public FloatParam {
        Names.check(name);
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException(name + ": bounds must be finite numbers, got [" + low + ", " + high + "]");
        }
        if (!(low < high)) {
            throw new IllegalArgumentException(name + ": low must be below high, got low=" + low + " high=" + high);
        }
        if (!log && Double.isInfinite(high - low)) {
            throw new IllegalArgumentException(name + ": " + WIDTH_LIMIT + ", got [" + low + ", " + high + "]");
        }
        if (log && low <= 0) {
            throw new IllegalArgumentException(name + ": a log-scale parameter needs low > 0, got low=" + low);
        }
    }

    @Override
    public double encode(Object value) {
        double v = (Double) coerce(value);
        double u = log ? (Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low)) : (v - low) / (high - low);
        return Param.clamp01(u);
    }

    @Override
    public Object decode(double u) {
        double c = Param.clamp01(u);
        double v = log ? Math.exp(Math.log(low) + c * (Math.log(high) - Math.log(low))) : low + c * (high - low);
        return Math.max(low, Math.min(high, v));
    }

    @Override
    public Object coerce(Object raw) {
        double v = Numbers.toDouble(name, raw);
        if (!Double.isFinite(v) || v < low || v > high) {
            throw new InvalidValueException(name + ": " + raw + " is outside [" + low + ", " + high + "]");
        }
        return v;
    }

    @Override
    public String describe() {
        return "float [" + low + ", " + high + "]" + (log ? " log" : "");
    }
}
