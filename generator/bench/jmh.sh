#!/usr/bin/env bash
# Runs the JMH benchmarks of the pipeline's stages (org.abierto.bench.StageBenchmarks) and splices
# their table into docs/PERFORMANCE.md between its own markers. Warm, in-process numbers: what each
# stage costs once the JIT has compiled it, and what a build costs without JVM start-up.
#
#   mvn -B -Pjmh -pl generator/bench -am package -DskipTests    # builds generator/bench/target/benchmarks.jar
#   generator/bench/jmh.sh [--out FILE] [JMH options, e.g. -wi 1 -i 2 or a benchmark name pattern]
#
# Not part of `mvn verify`. Default JMH settings are in the annotations of StageBenchmarks
# (1 fork, 3 warm-up and 5 measured iterations of 2 s, heap fixed at 1 GB): about 5 minutes.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAR=$REPO/generator/bench/target/benchmarks.jar
out=$REPO/docs/PERFORMANCE.md
if [ "${1:-}" = --out ]; then out=$2; shift 2; fi
if [ ! -f "$JAR" ]; then
  echo "jmh.sh: no $JAR; run: mvn -B -Pjmh -pl generator/bench -am package -DskipTests" >&2
  exit 2
fi
pattern=StageBenchmarks
case "${1:-}" in ''|-*) ;; *) pattern=$1; shift ;; esac

work=$REPO/generator/bench/target/jmh
mkdir -p "$work"
started=$(date -u +%Y-%m-%dT%H:%MZ)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
java -Dabierto.repo="$REPO" -jar "$JAR" "$pattern" -rf csv -rff "$work/results.csv" "$@" | tee "$work/output.txt" >&2
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
corpus=$(grep -m1 '^Corpus:' "$work/output.txt" || true)
commit=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)

generated=$work/generated.md
{
  echo "Run of \`generator/bench/jmh.sh $pattern${*:+ $*}\` on $started at commit $commit, on the machine described above"
  echo "(load average at the start $load_start, at the end $load_end). ${corpus}."
  echo
  echo "| benchmark | what one operation is | score | ± (99.9 %) | unit |"
  echo "|---|---|---:|---:|---|"
  awk -F, 'NR > 1 {
      gsub(/"/, "")
      name = $1; sub(/.*\./, "", name)
      what = (name ~ /Page$/) ? "one page" : "the whole corpus"
      printf "| `%s` | %s | %.1f | %s | %s |\n", name, what, $5, ($6 == "NaN" ? "–" : sprintf("%.1f", $6)), $7
    }' "$work/results.csv"
} > "$generated"

"$REPO/generator/bench/splice.sh" "$out" generator/bench/jmh.sh "$generated" "## Stages, warm (JMH)"
echo "jmh.sh: wrote $out" >&2
cat "$generated"
