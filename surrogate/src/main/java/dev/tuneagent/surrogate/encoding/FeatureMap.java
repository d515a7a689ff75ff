package dev.tuneagent.surrogate.encoding;

import dev.tuneagent.core.space.CategoricalParam;
import dev.tuneagent.core.space.FloatParam;
import dev.tuneagent.core.space.Param;
import dev.tuneagent.core.space.SearchSpace;

/**
 * Maps points of the search space's unit cube (one coordinate per parameter, from
 * {@link SearchSpace#encode}) to GP input features: float, int and ordinal coordinates are kept
 * (log-scaled parameters are already in log space), a categorical coordinate becomes a one-hot
 * block so categories are exchangeable rather than falsely ordered.
 *
 * <p>Integer, ordinal and categorical coordinates are snapped by {@link #round} (decode then
 * encode: the centre of the value's cell), which the acquisition optimizer applies to every point
 * it scores; gradient steps move them continuously (relaxation) and the result is rounded again.
 */
public final class FeatureMap {
    private final SearchSpace space;
    private final int[] column;
    private final int[] categories; // 0 for non-categorical
    private final int features;

    public FeatureMap(SearchSpace space) {
        this.space = space;
        int d = space.dimension();
        column = new int[d];
        categories = new int[d];
        int c = 0;
        for (int i = 0; i < d; i++) {
            column[i] = c;
            Param p = space.params().get(i);
            if (p instanceof CategoricalParam cat) {
                categories[i] = cat.choices().size();
                c += cat.choices().size();
            } else {
                c += 1;
            }
        }
        features = c;
    }

    public SearchSpace space() {
        return space;
    }

    public int dimension() {
        return column.length;
    }

    public int featureCount() {
        return features;
    }

    /** True when the coordinate can move continuously in the gradient refinement (not categorical). */
    public boolean continuous(int i) {
        return categories[i] == 0;
    }

    public int column(int i) {
        return column[i];
    }

    /** Snaps a point to valid values: floats are clamped, other parameters go to the centre of their cell. */
    public double[] round(double[] u) {
        double[] out = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            Param p = space.params().get(i);
            double c = Param.clamp01(u[i]);
            out[i] = p instanceof FloatParam ? c : p.encode(p.decode(c));
        }
        return out;
    }

    public double[] features(double[] u) {
        double[] f = new double[features];
        for (int i = 0; i < u.length; i++) {
            if (categories[i] == 0) {
                f[column[i]] = u[i];
            } else {
                int k = categories[i];
                int idx = Math.min(k - 1, (int) Math.floor(Param.clamp01(u[i]) * k));
                f[column[i] + idx] = 1.0;
            }
        }
        return f;
    }
}
