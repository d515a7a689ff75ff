package dev.tuneagent.agent.proposers.fakes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic scripted stand-in for a model answering LLAMBO's prompts. It reads the prompt as
 * a model would (ranges, history rows, candidates, the requested format) and answers: a Latin
 * hypercube for the warm start, perturbations of the rows closest to the target for the sampler,
 * inverse-distance predictions for the surrogate. Randomness is seeded by the prompt text, so the
 * same prompt always gets the same answer. It demonstrates the mechanics, not a model's judgement.
 */
public final class ScriptedLlambo {
    private static final Pattern RANGE = Pattern.compile("(?m)^- ([A-Za-z_][A-Za-z0-9_.-]*): (.*)$");
    private static final Pattern FLOAT = Pattern.compile("\\[(-?[\\d.]+), (-?[\\d.]+)] \\(float, precise to (\\d+) decimals(, log scale)?\\)");
    private static final Pattern INT = Pattern.compile("\\[(-?\\d+), (-?\\d+)] \\(int(, log scale)?\\)");
    private static final Pattern CHOICE = Pattern.compile("\\((categorical|ordinal), must take a value in \\[(.*)]\\)");
    private static final Pattern SAMPLER_ROW = Pattern.compile("Performance: (\\S+)\\nHyperparameter configuration: ## (.*?) ##");
    private static final Pattern SURROGATE_ROW = Pattern.compile("Hyperparameter configuration: (.*)\\nPerformance: ## (\\S+) ##");
    private static final Pattern CANDIDATE = Pattern.compile("(?m)^C(\\d+): Hyperparameter configuration: (.*)$");

    private ScriptedLlambo() {
    }

    record Dim(String name, String kind, double low, double high, int decimals, boolean log, List<String> choices) {
    }

    /** @param prompt the first user message; {@code last} the latest one (a retry message or the prompt again) */
    public static String answer(String prompt, String last) {
        SplittableRandom rng = new SplittableRandom(prompt.hashCode() * 31L + last.hashCode());
        boolean json = prompt.contains("{\"configurations\"") || prompt.contains("{\"C1\"");
        if (prompt.contains("Predict the performance")) {
            return surrogate(prompt, rng, json);
        }
        List<Dim> dims = dims(prompt);
        if (prompt.contains("commence a Bayesian Optimization")) {
            return format(warmStart(dims, count(prompt, "Provide (\\d+) "), rng), dims, json);
        }
        if (prompt.contains("target performance of")) {
            return format(sample(prompt, dims, count(prompt, "Recommend (\\d+) "), rng), dims, json);
        }
        return "I can only help with hyperparameter prompts.";
    }

    static List<Dim> dims(String prompt) {
        List<Dim> out = new ArrayList<>();
        Matcher m = RANGE.matcher(prompt);
        while (m.find()) {
            String name = m.group(1);
            String rest = m.group(2);
            Matcher f = FLOAT.matcher(rest);
            Matcher i = INT.matcher(rest);
            Matcher c = CHOICE.matcher(rest);
            if (f.find()) {
                out.add(new Dim(name, "float", Double.parseDouble(f.group(1)), Double.parseDouble(f.group(2)),
                        Integer.parseInt(f.group(3)), f.group(4) != null, List.of()));
            } else if (i.find()) {
                out.add(new Dim(name, "int", Double.parseDouble(i.group(1)), Double.parseDouble(i.group(2)), 0,
                        i.group(3) != null, List.of()));
            } else if (c.find()) {
                out.add(new Dim(name, c.group(1), 0, 0, 0, false, List.of(c.group(2).split(", "))));
            }
        }
        return out;
    }

    private static int count(String prompt, String regex) {
        Matcher m = Pattern.compile(regex).matcher(prompt);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    private static List<Map<String, String>> warmStart(List<Dim> dims, int n, SplittableRandom rng) {
        List<Map<String, String>> out = new ArrayList<>();
        List<int[]> strata = new ArrayList<>();
        for (Dim ignored : dims) {
            int[] perm = new int[n];
            for (int k = 0; k < n; k++) {
                perm[k] = k;
            }
            for (int k = n - 1; k > 0; k--) {
                int j = rng.nextInt(k + 1);
                int t = perm[k];
                perm[k] = perm[j];
                perm[j] = t;
            }
            strata.add(perm);
        }
        for (int k = 0; k < n; k++) {
            Map<String, String> c = new LinkedHashMap<>();
            for (int d = 0; d < dims.size(); d++) {
                c.put(dims.get(d).name(), fromUnit(dims.get(d), (strata.get(d)[k] + rng.nextDouble()) / n));
            }
            out.add(c);
        }
        return out;
    }

    private static List<Map<String, String>> sample(String prompt, List<Dim> dims, int n, SplittableRandom rng) {
        Matcher t = Pattern.compile("target performance of (-?\\d+(?:\\.\\d+)?)").matcher(prompt);
        double target = t.find() ? Double.parseDouble(t.group(1)) : 0;
        List<double[]> scores = new ArrayList<>();
        List<Map<String, String>> rows = new ArrayList<>();
        Matcher m = SAMPLER_ROW.matcher(prompt);
        while (m.find()) {
            scores.add(new double[] {Math.abs(Double.parseDouble(m.group(1)) - target), rows.size()});
            rows.add(pairs(m.group(2), ": "));
        }
        scores.sort((a, b) -> Double.compare(a[0], b[0]));
        List<Map<String, String>> out = new ArrayList<>();
        for (int j = 0; j < n && !rows.isEmpty(); j++) {
            Map<String, String> base = rows.get((int) scores.get(j % Math.min(3, scores.size()))[1]);
            Map<String, String> c = new LinkedHashMap<>();
            for (Dim d : dims) {
                c.put(d.name(), perturb(d, base.get(d.name()), rng));
            }
            out.add(c);
        }
        return out;
    }

    private static String perturb(Dim d, String value, SplittableRandom rng) {
        if (value == null) {
            return fromUnit(d, rng.nextDouble());
        }
        if (!d.choices().isEmpty()) {
            return rng.nextDouble() < 0.25 ? d.choices().get(rng.nextInt(d.choices().size())) : value;
        }
        double u = toUnit(d, Double.parseDouble(value)) + 0.12 * rng.nextGaussian();
        return fromUnit(d, Math.max(0.001, Math.min(0.999, u)));
    }

    private static double toUnit(Dim d, double v) {
        if (d.log() && d.low() > 0) {
            return (Math.log(v) - Math.log(d.low())) / (Math.log(d.high()) - Math.log(d.low()));
        }
        return (v - d.low()) / (d.high() - d.low());
    }

    private static String fromUnit(Dim d, double u) {
        if (!d.choices().isEmpty()) {
            return d.choices().get(Math.min(d.choices().size() - 1, (int) (u * d.choices().size())));
        }
        double v = d.log() && d.low() > 0 ? Math.exp(Math.log(d.low()) + u * (Math.log(d.high()) - Math.log(d.low())))
                : d.low() + u * (d.high() - d.low());
        if (d.kind().equals("int")) {
            return Long.toString(Math.round(v));
        }
        return String.format(Locale.ROOT, "%." + d.decimals() + "f", v);
    }

    private static String format(List<Map<String, String>> configs, List<Dim> dims, boolean json) {
        StringBuilder out = new StringBuilder();
        if (json) {
            out.append("{\"configurations\": [");
            for (int k = 0; k < configs.size(); k++) {
                out.append(k == 0 ? "" : ", ").append('{');
                int i = 0;
                for (var e : configs.get(k).entrySet()) {
                    String v = e.getValue();
                    out.append(i++ == 0 ? "" : ", ").append('"').append(e.getKey()).append("\": ")
                            .append(v.startsWith("\"") || isNumber(v) ? v : "\"" + v + "\"");
                }
                out.append('}');
            }
            return out.append("]}").toString();
        }
        for (Map<String, String> c : configs) {
            out.append("## ");
            int i = 0;
            for (var e : c.entrySet()) {
                out.append(i++ == 0 ? "" : ", ").append(e.getKey()).append(": ").append(e.getValue());
            }
            out.append(" ##\n");
        }
        return out.toString().strip();
    }

    private static boolean isNumber(String s) {
        return s.matches("-?[0-9.]+([eE][-+]?\\d+)?");
    }

    private static String surrogate(String prompt, SplittableRandom rng, boolean json) {
        List<Map<String, String>> rows = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        Matcher m = SURROGATE_ROW.matcher(prompt);
        while (m.find()) {
            rows.add(pairs(m.group(1), " is "));
            scores.add(Double.parseDouble(m.group(2)));
        }
        double spread = scores.stream().mapToDouble(d -> d).max().orElse(1) - scores.stream().mapToDouble(d -> d).min().orElse(0);
        StringBuilder out = new StringBuilder(json ? "{" : "");
        Matcher c = CANDIDATE.matcher(prompt);
        int k = 0;
        while (c.find()) {
            Map<String, String> cand = pairs(c.group(2), " is ");
            double num = 0;
            double den = 0;
            for (int r = 0; r < rows.size(); r++) {
                double w = 1 / (1e-6 + distance(cand, rows.get(r)));
                num += w * scores.get(r);
                den += w;
            }
            double pred = (den == 0 ? 0 : num / den) + 0.05 * (spread == 0 ? 1 : spread) * rng.nextGaussian();
            String v = String.format(Locale.ROOT, "%.6f", pred);
            if (json) {
                out.append(k++ == 0 ? "" : ", ").append("\"C").append(c.group(1)).append("\": ").append(v);
            } else {
                out.append("## C").append(c.group(1)).append(": ").append(v).append(" ##\n");
            }
        }
        return json ? out.append('}').toString() : out.toString().strip();
    }

    private static double distance(Map<String, String> a, Map<String, String> b) {
        double s = 0;
        for (var e : a.entrySet()) {
            String x = e.getValue();
            String y = b.get(e.getKey());
            if (y == null) {
                continue;
            }
            if (isNumber(x) && isNumber(y)) {
                double dx = Double.parseDouble(x);
                double dy = Double.parseDouble(y);
                double scale = Math.max(1e-12, Math.max(Math.abs(dx), Math.abs(dy)));
                s += Math.pow((dx - dy) / scale, 2);
            } else if (!x.equals(y)) {
                s += 1;
            }
        }
        return Math.sqrt(s);
    }

    static Map<String, String> pairs(String text, String separator) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : text.split(", (?=[A-Za-z_][A-Za-z0-9_.-]*" + Pattern.quote(separator) + ")")) {
            int at = part.indexOf(separator);
            if (at > 0) {
                out.put(part.substring(0, at).trim(), part.substring(at + separator.length()).trim());
            }
        }
        return out;
    }
}
