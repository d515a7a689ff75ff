package dev.tuneagent.tools.inprocess;

import dev.tuneagent.tools.data.Dataset;

/** Per-column standardization fitted on training rows; a constant column is only centred (std taken as 1). */
record Scaler(double[] mean, double[] scale) {

    static Scaler identity(int columns) {
        double[] zero = new double[columns];
        double[] one = new double[columns];
        java.util.Arrays.fill(one, 1.0);
        return new Scaler(zero, one);
    }

    static Scaler features(Dataset d, int[] rows) {
        int p = d.featureNames().size();
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            Column c = fit(d.features(), j, rows);
            mean[j] = c.mean();
            scale[j] = c.scale();
        }
        return new Scaler(mean, scale);
    }

    double[] apply(double[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - mean[j]) / scale[j];
        }
        return out;
    }

    /** One standardized column (the regression target). */
    record Column(double mean, double scale) {
        double apply(double v) {
            return (v - mean) / scale;
        }

        double unscale(double v) {
            return v * scale + mean;
        }
    }

    static Column column(double[] values, int[] rows) {
        double sum = 0;
        for (int r : rows) {
            sum += values[r];
        }
        double mean = sum / rows.length;
        double ss = 0;
        for (int r : rows) {
            ss += (values[r] - mean) * (values[r] - mean);
        }
        double sd = Math.sqrt(ss / rows.length);
        return new Column(mean, sd > 0 ? sd : 1);
    }

    private static Column fit(double[][] x, int j, int[] rows) {
        double[] col = new double[x.length];
        for (int r : rows) {
            col[r] = x[r][j];
        }
        return column(col, rows);
    }
}
