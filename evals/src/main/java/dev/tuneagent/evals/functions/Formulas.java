package dev.tuneagent.evals.functions;

/**
 * The standard synthetic test functions, written term by term in the same order as
 * {@code ../shared/anchors/functions.py} so the values agree with the Python reference to the last few ulps.
 */
final class Formulas {
    private Formulas() {
    }

    static double branin(double[] x) {
        double x1 = x[0];
        double x2 = x[1];
        double a = 1.0;
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double r = 6.0;
        double s = 10.0;
        double t = 1 / (8 * Math.PI);
        double inner = x2 - b * x1 * x1 + c * x1 - r;
        return a * inner * inner + s * (1 - t) * Math.cos(x1) + s;
    }

    private static final double[][] A3 = {{3.0, 10, 30}, {0.1, 10, 35}, {3.0, 10, 30}, {0.1, 10, 35}};
    // P[3][0] = 0.0381 (Surjanovic & Bingham, BoTorch): its minimum is -3.86277978733266, not the often-quoted
    // -3.86278214782076, which belongs to the variant with 0.03815.
    private static final double[][] P3 = {
        {0.3689, 0.1170, 0.2673}, {0.4699, 0.4387, 0.7470}, {0.1091, 0.8732, 0.5547}, {0.0381, 0.5743, 0.8828}};
    private static final double[][] A6 = {
        {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P6 = {
        {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
        {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};
    private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};

    static double hartmann3(double[] x) {
        return hartmann(x, A3, P3);
    }

    static double hartmann6(double[] x) {
        return hartmann(x, A6, P6);
    }

    private static double hartmann(double[] x, double[][] a, double[][] p) {
        double outer = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < x.length; j++) {
                double d = x[j] - p[i][j];
                inner += a[i][j] * (d * d);
            }
            outer += ALPHA[i] * Math.exp(-inner);
        }
        return -outer;
    }

    static double ackley(double[] x) {
        int d = x.length;
        double squares = 0;
        double cosines = 0;
        for (double v : x) {
            squares += v * v;
            cosines += Math.cos(2 * Math.PI * v);
        }
        return -20 * Math.exp(-0.2 * Math.sqrt(squares / d)) - Math.exp(cosines / d) + 20 + Math.E;
    }

    static double rosenbrock(double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double u = x[i + 1] - x[i] * x[i];
            double v = 1 - x[i];
            sum += 100 * (u * u) + v * v;
        }
        return sum;
    }

    static double levy(double[] x) {
        int d = x.length;
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = 1 + (x[i] - 1) / 4;
        }
        double first = Math.sin(Math.PI * w[0]);
        double s = first * first;
        double middle = 0;
        for (int i = 0; i < d - 1; i++) {
            double sn = Math.sin(Math.PI * w[i] + 1);
            middle += (w[i] - 1) * (w[i] - 1) * (1 + 10 * (sn * sn));
        }
        s += middle;
        double last = Math.sin(2 * Math.PI * w[d - 1]);
        return s + (w[d - 1] - 1) * (w[d - 1] - 1) * (1 + last * last);
    }

    static double styblinskiTang(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v * v * v - 16 * v * v + 5 * v;
        }
        return sum / 2;
    }
}
