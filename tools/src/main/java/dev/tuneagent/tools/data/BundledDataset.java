package dev.tuneagent.tools.data;

import java.util.List;

/** A data set shipped in {@code tools/src/main/resources/datasets/} (sources and licences in its README). */
public record BundledDataset(String name, String resource, String target, TaskKind kind, String description) {

    public static final List<BundledDataset> ALL = List.of(
            new BundledDataset("iris", "iris.csv", "species", TaskKind.CLASSIFICATION,
                    "Fisher's iris flowers: 150 rows, 4 measurements, 3 species"),
            new BundledDataset("wine", "wine.csv", "cultivar", TaskKind.CLASSIFICATION,
                    "UCI wine recognition: 178 rows, 13 chemical measurements, 3 cultivars"),
            new BundledDataset("breast-cancer", "breast_cancer.csv", "diagnosis", TaskKind.CLASSIFICATION,
                    "Wisconsin diagnostic breast cancer: 569 rows, 30 cell-nucleus features, malignant or benign"),
            new BundledDataset("digits", "digits.csv", "digit", TaskKind.CLASSIFICATION,
                    "8x8 handwritten digits: 1797 rows, 64 pixel intensities (0-16), 10 classes"),
            new BundledDataset("diabetes", "diabetes.csv", "progression", TaskKind.REGRESSION,
                    "Efron et al. diabetes: 442 rows, 10 baseline variables, disease progression after one year"));

    /** Finds a bundled data set; {@code breast_cancer} (the file's spelling) is accepted for {@code breast-cancer}. */
    public static java.util.Optional<BundledDataset> named(String name) {
        String wanted = name == null ? "" : name.replace('_', '-');
        return ALL.stream().filter(d -> d.name().equals(wanted)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(BundledDataset::name).toList();
    }
}
