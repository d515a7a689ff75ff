#!/usr/bin/env bash
# Optuna's samplers and our proposers on the same seven functions, in ONE run on THIS machine, then both tables.
# Optional, not part of CI. Needs Debian's Optuna for the Python side:  apt-get install -y python3-optuna
#
#   bench/side-by-side.sh [RESULTS_DIR] [-- extra bench options]
#   e.g.  bench/side-by-side.sh /tmp/sbs -- --proposers gp,sobol,random --seeds 10 --trials 100
#
# Environment: SAMPLERS (default "random tpe"), TRIALS (100), SEEDS (10), ANCHORS (found: ../shared/anchors),
# JOBS (parallel Optuna runs, default 1: the machine has two cores and timings suffer from sharing).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=${1:-"$root/target/side-by-side"}
shift || true
[ "${1:-}" = "--" ] && shift
# The anchors live in shared/anchors next to the repository (../shared/anchors), or further up for a worktree.
anchors=${ANCHORS:-}
if [ -z "$anchors" ]; then
  d=$root
  while [ "$d" != / ] && [ ! -f "$d/../shared/anchors/optuna_baseline.py" ]; do d=$(dirname "$d"); done
  anchors=$(cd "$d/../shared/anchors" 2>/dev/null && pwd) || { echo "set ANCHORS to the anchors directory" >&2; exit 1; }
fi
samplers=${SAMPLERS:-"random tpe"}
trials=${TRIALS:-100}
seeds=${SEEDS:-10}
jobs=${JOBS:-1}
mkdir -p "$out/optuna" "$out/tune"

if ! /usr/bin/python3 -c 'import optuna' 2>/dev/null; then
  echo "Optuna is missing: apt-get install -y python3-optuna" >&2
  exit 1
fi

echo "== Optuna ($samplers; $seeds seeds x $trials trials) -> $out/optuna" >&2
for f in branin hartmann3 hartmann6 ackley5 rosenbrock4 levy6 styblinskitang8; do
  for s in $samplers; do rm -f "$out/optuna/$f-$s.jsonl"; echo "$f $s"; done
done | (cd "$anchors" && xargs -P "$jobs" -n 2 sh -c '/usr/bin/python3 optuna_baseline.py --function "$0" --sampler "$1" \
          --trials "'"$trials"'" --seeds "'"$seeds"'" --out "'"$out"'/optuna/$0-$1.jsonl"')

echo "== tune-agent bench -> $out/tune" >&2
# package (jars stay in each module's target/, nothing goes to ~/.m2): agent's tests need core's test-jar.
mvn -o -B -q -pl evals -am package -DskipTests org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$out/classpath.txt" >&2
java -cp "evals/target/classes:$(cat "$out/classpath.txt")" dev.tuneagent.evals.bench.BenchMain \
  --seeds "$seeds" --trials "$trials" --out "$out/tune" --anchors "$out/optuna" "$@" > "$out/tune-table.md"

echo
echo "### Optuna, this run (summarize.py)"
echo
/usr/bin/python3 "$anchors/summarize.py" "$out"/optuna/*.jsonl
echo
echo "### tune-agent, this run, with the Optuna rows above interleaved"
echo
cat "$out/tune-table.md"
echo
echo "### Both through summarize.py (one table, same code)"
echo
/usr/bin/python3 "$anchors/summarize.py" "$out"/optuna/*.jsonl "$out"/tune/*.jsonl
