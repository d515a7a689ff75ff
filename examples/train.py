#!/usr/bin/env python3
"""A tiny objective for command jobs: reads the trial's parameters and prints one JSON line.

tune writes the parameters to a JSON file; its path is both the argument that replaced "{params}"
and the TUNE_PARAMS environment variable. The last JSON object printed on stdout carries the metrics.
Optional: TRAIN_SLEEP=seconds makes each trial take that long (used by the crash-safety test).
"""
import json
import math
import os
import sys
import time

path = sys.argv[1] if len(sys.argv) > 1 else os.environ["TUNE_PARAMS"]
with open(path) as f:
    p = json.load(f)

time.sleep(float(os.environ.get("TRAIN_SLEEP", "0")))

x, y = float(p["x"]), float(p["y"])
shape = p.get("shape", "bowl")
value = (x - 1.0) ** 2 + (y + 2.0) ** 2
if shape == "ridge":
    value += 0.5 * abs(math.sin(3 * x))
print("training...")  # any other output is fine; only the last JSON line counts
print(json.dumps({"value": value, "x_plus_y": x + y}))
