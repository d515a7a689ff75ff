#!/usr/bin/env python3
"""Rebuilds tools/src/main/resources/datasets/*.csv from Debian's python3-sklearn data files.

Run: python3 tools/scripts/convert_sklearn_datasets.py  (from the repository root)
The sklearn files start with a "rows,cols,class names..." line instead of a header; we write plain
CSV with a header row and a named target column (class names instead of class indices).
"""
import csv
import gzip
import os

SRC = "/usr/lib/python3/dist-packages/sklearn/datasets/data"
DST = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "datasets")

IRIS = ["sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"]
WINE = ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols", "flavanoids",
        "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue", "od280_od315_of_diluted_wines",
        "proline"]
_BC = ["radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity", "concave_points",
       "symmetry", "fractal_dimension"]
BREAST = [f"mean_{n}" for n in _BC] + [f"{n}_error" for n in _BC] + [f"worst_{n}" for n in _BC]
DIGITS = [f"pixel_{r}_{c}" for r in range(8) for c in range(8)]
DIABETES = ["age", "sex", "bmi", "bp", "s1_tc", "s2_ldl", "s3_hdl", "s4_tch", "s5_ltg", "s6_glu"]


def write(name, header, rows):
    with open(os.path.join(DST, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"{name}: {len(rows)} rows, {len(header)} columns")


def classified(src, features, target, opener=open, class_names=None):
    with opener(os.path.join(SRC, src), "rt") as f:
        lines = [l.strip() for l in f if l.strip()]
    first = lines[0].split(",")
    n, p = int(first[0]), int(first[1])
    names = first[2:] if class_names is None else class_names
    rows = []
    for line in lines[1:]:
        cells = line.split(",")
        assert len(cells) == p + 1, (src, line)
        rows.append(cells[:p] + [names[int(float(cells[p]))]])
    assert len(rows) == n and len(features) == p, (src, len(rows), n)
    write(src.split(".")[0].replace("_data", "") + ".csv", features + [target], rows)


def digits():
    with gzip.open(os.path.join(SRC, "digits.csv.gz"), "rt") as f:
        rows = [l.strip().split(",") for l in f if l.strip()]
    assert all(len(r) == 65 for r in rows)
    write("digits.csv", DIGITS + ["digit"], [[str(int(float(c))) for c in r] for r in rows])


def diabetes():
    with gzip.open(os.path.join(SRC, "diabetes_data_raw.csv.gz"), "rt") as f:
        x = [l.split() for l in f if l.strip()]
    with gzip.open(os.path.join(SRC, "diabetes_target.csv.gz"), "rt") as f:
        y = [l.strip() for l in f if l.strip()]
    assert len(x) == len(y) and all(len(r) == 10 for r in x)
    write("diabetes.csv", DIABETES + ["progression"],
          [r + [str(int(float(t))) if float(t) == int(float(t)) else t] for r, t in zip(x, y)])


classified("iris.csv", IRIS, "species")
classified("wine_data.csv", WINE, "cultivar")
classified("breast_cancer.csv", BREAST, "diagnosis")
digits()
diabetes()
