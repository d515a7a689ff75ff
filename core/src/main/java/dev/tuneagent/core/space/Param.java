package dev.tuneagent.core.space;

/**
 * One dimension of a search space. Every parameter maps its values to the unit interval and back,
 * so proposers (Sobol, GP, LLM clamping) work in one coordinate system.
 *
 * <p>Canonical value types: float parameters hold {@link Double}, int parameters {@link Long},
 * categorical and ordinal parameters hold one of their declared choices (String, Long, Double or
 * Boolean).
 */
public sealed interface Param permits FloatParam, IntParam, CategoricalParam, OrdinalParam {

    String name();

    /** Maps a valid value to [0, 1]. */
    double encode(Object value);

    /** Maps any u (clamped to [0, 1]) to a valid value. */
    Object decode(double u);

    /**
     * Turns a raw value (from YAML, JSON or a model's reply) into the canonical value of this
     * parameter, or throws {@link InvalidValueException} saying what was expected.
     */
    Object coerce(Object raw);

    /** True when {@code value} is already a valid canonical value of this parameter. */
    default boolean contains(Object value) {
        try {
            return coerce(value).equals(value);
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /** A short human description such as {@code float [0.001, 1] log}. */
    String describe();

    static double clamp01(double u) {
        if (Double.isNaN(u)) {
            return 0.5;
        }
        return Math.max(0.0, Math.min(1.0, u));
    }
}
