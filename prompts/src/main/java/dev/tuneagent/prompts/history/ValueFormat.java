package dev.tuneagent.prompts.history;

import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.IntParam;
import dev.tuneagent.core.space.OrdinalParam;
import dev.tuneagent.core.space.Param;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * LLAMBO's value rules: a float is written with as many decimals as its bounds carry (so the model
 * sees the precision the space asks for), integers as integers, categorical and ordinal values as
 * text, scores fixed-width with six decimals.
 */
public final class ValueFormat {
    /** Scores are written {@code %.6f}, as LLAMBO does. */
    public static final int SCORE_DECIMALS = 6;
    private static final int MAX_DECIMALS = 10;

    private ValueFormat() {
    }

    /**
     * Decimals for a float parameter: the most either bound carries, and at least enough to show
     * a thousandth of the range (LLAMBO reads only the lower bound, which gives 0 decimals for
     * [0, 1]; we keep its rule and add this floor so such spaces stay usable). A log-scale parameter
     * also gets three significant digits at its lower bound, where a log scale spends most trials.
     */
    public static int decimals(FloatParam p) {
        int fromBounds = Math.max(decimalPlaces(p.low()), decimalPlaces(p.high()));
        int forRange = (int) Math.floor(3 - Math.log10(p.high() - p.low()));
        int forLog = p.log() ? (int) Math.ceil(3 - Math.log10(p.low())) - 1 : 0;
        return Math.max(0, Math.min(MAX_DECIMALS, Math.max(Math.max(fromBounds, forRange), forLog)));
    }

    /** Decimal places of a number as written with 10 decimals, trailing zeros stripped (LLAMBO's rule). */
    static int decimalPlaces(double v) {
        String s = new BigDecimal(v).setScale(MAX_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        int dot = s.indexOf('.');
        return dot < 0 ? 0 : s.length() - dot - 1;
    }

    public static String value(Param p, Object v) {
        if (p instanceof FloatParam f) {
            double d = ((Number) f.coerce(v)).doubleValue();
            return String.format(Locale.ROOT, "%." + decimals(f) + "f", d);
        }
        if (p instanceof IntParam i) {
            return Long.toString((Long) i.coerce(v));
        }
        if (p instanceof CategoricalParam c) {
            return choice(c.coerce(v));
        }
        return choice(((OrdinalParam) p).coerce(v));
    }

    public static String score(double v) {
        return String.format(Locale.ROOT, "%." + SCORE_DECIMALS + "f", v);
    }

    /** How a parameter's allowed values are described in a prompt (LLAMBO's "allowable ranges"). */
    public static String range(Param p) {
        if (p instanceof FloatParam f) {
            int d = decimals(f);
            String fmt = "%." + d + "f";
            return String.format(Locale.ROOT, "[" + fmt + ", " + fmt + "] (float, precise to %d decimals%s)",
                    f.low(), f.high(), d, f.log() ? ", log scale" : "");
        }
        if (p instanceof IntParam i) {
            return "[" + i.low() + ", " + i.high() + "] (int" + (i.log() ? ", log scale" : "") + ")";
        }
        if (p instanceof CategoricalParam c) {
            return "(categorical, must take a value in " + choices(c.choices()) + ")";
        }
        return "(ordinal, must take a value in " + choices(((OrdinalParam) p).values()) + ")";
    }

    private static String choices(List<Object> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(choice(values.get(i)));
        }
        return out.append(']').toString();
    }

    /** Numbers and booleans as they are; strings (task-supplied labels) quoted as data. */
    static String choice(Object v) {
        if (v instanceof String s) {
            return dev.tuneagent.prompts.card.Quote.data(s, 64);
        }
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }
}
