#!/usr/bin/env bash
# Issue 15's directions, before and after: for each change listed in generator/bench/directions.tsv,
# builds the benchmarks of the commit before it and of the commit after it (each commit's own core,
# with today's benchmark classes, so both sides run the same benchmark code), runs the change's JMH
# benchmarks on both, alternating (before, after, before, after, …: three forks each), and splices
# one table per direction into docs/PERFORMANCE.md between its own markers.
#
#   generator/bench/directions.sh [--out FILE] [--only N] [--forks N] [JMH options]   # about 20 minutes
#
# --only N measures the Nth change of the list only. Default JMH settings per fork: 5 warm-up and 5
# measured iterations of 1 s. Needs git, Maven (the
# dependencies in ~/.m2; offline is fine) and Java 17. Builds in generator/bench/target/directions/.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=$REPO/docs/PERFORMANCE.md
only=
forks=3
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --forks) forks=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
jmh_options=("$@")
[ ${#jmh_options[@]} -gt 0 ] || jmh_options=(-wi 5 -i 5 -w 1 -r 1)

work=$REPO/generator/bench/target/directions
mkdir -p "$work"
say() { printf 'directions.sh: %s\n' "$*" >&2; }

# The benchmarks jar of a commit: its core and CLI, today's generator/bench sources.
jar_of() {
  local commit=$1 sha tree
  sha=$(git -C "$REPO" rev-parse --short=12 "$commit")
  tree=$work/tree-$sha
  if [ ! -f "$tree/generator/bench/target/benchmarks.jar" ]; then
    say "building the benchmarks of $commit ($sha)"
    rm -rf "$tree"
    git -C "$REPO" worktree prune
    git -C "$REPO" worktree add --force --detach "$tree" "$sha" > /dev/null
    rm -rf "$tree/generator/bench"
    mkdir -p "$tree/generator/bench"
    cp -r "$REPO/generator/bench/pom.xml" "$REPO/generator/bench/src" "$tree/generator/bench/"
    (cd "$tree" && mvn -B -q -o -Pjmh -pl generator/bench -am package -DskipTests > "$work/build-$sha.log" 2>&1) \
      || { say "the benchmarks do not build at $commit: see $work/build-$sha.log"; return 1; }
  fi
  printf '%s' "$tree/generator/bench/target/benchmarks.jar"
}

# One fork of the benchmarks on a jar: appends "benchmark score" lines to a file.
run_fork() {
  local jar=$1 pattern=$2 into=$3 csv=$work/fork.csv
  java -Dabierto.repo="$REPO" -jar "$jar" "$pattern" -f 1 "${jmh_options[@]}" -rf csv -rff "$csv" > "$work/fork.log" 2>&1 \
    || { say "JMH failed: see $work/fork.log"; return 1; }
  awk -F, 'NR > 1 {gsub(/["\r]/, ""); name = $1; sub(/.*\./, "", name); print name, $5, $7}' "$csv" >> "$into"
}

generated=$work/generated.md
started=$(date -u +%Y-%m-%dT%H:%MZ)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
: > "$work/tables.md"
n=0
while IFS=$'\t' read -r direction before after pattern what; do
  case "$direction" in '' | '#'*) continue ;; esac
  n=$((n + 1))
  if [ -n "$only" ] && [ "$only" != "$n" ]; then continue; fi
  before_sha=$(git -C "$REPO" rev-parse --short "$before")
  after_sha=$(git -C "$REPO" rev-parse --short "$after")
  before_jar=$(jar_of "$before")
  after_jar=$(jar_of "$after")
  : > "$work/before-$n.txt"
  : > "$work/after-$n.txt"
  for round in $(seq 1 "$forks"); do
    say "$direction ($after_sha), round $round: before"
    run_fork "$before_jar" "$pattern" "$work/before-$n.txt"
    say "$direction ($after_sha), round $round: after"
    run_fork "$after_jar" "$pattern" "$work/after-$n.txt"
  done
  {
    echo "**$direction** — $what: \`$before_sha\` → \`$after_sha\`."
    echo
    echo "| benchmark | before: median | after: median | after ÷ before | unit | before: each fork | after: each fork |"
    echo "|---|---:|---:|---:|---|---|---|"
    awk -f "$REPO/generator/bench/forks.awk" "$work/before-$n.txt" "$work/after-$n.txt" | sort
    echo
  } >> "$work/tables.md"
done < "$REPO/generator/bench/directions.tsv"
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "Run of \`generator/bench/directions.sh${*:+ $*}\` from $started to $(date -u +%Y-%m-%dT%H:%MZ) at commit $(git -C "$REPO" rev-parse --short HEAD),"
  echo "on the machine described above (load average at the start $load_start, at the end $load_end). Each side: $forks"
  echo "forks, alternating with the other side's, JMH \`${jmh_options[*]}\`; a fork's score is its average time per"
  echo "operation (lower is faster), and the table gives each side's median fork and every fork, since forks of the same"
  echo "code scatter (each compiles differently). \`StageBenchmarks\` use a corpus of 30 pages per language,"
  echo "\`PreviewBenchmarks\` the real report."
  echo
  cat "$work/tables.md"
} > "$generated"
"$REPO/generator/bench/splice.sh" "$out" generator/bench/directions.sh "$generated" "## Issue 15's directions, before and after (JMH)"
say "wrote $out"
cat "$generated"
