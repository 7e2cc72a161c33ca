#!/usr/bin/env bash
# The side-by-side benchmark of issue 8: builds synthetic bilingual corpora and the real report with
# Abierto (cold CLI, JVM start-up included) and with Hugo, alternating runs, and writes the medians of
# wall time, CPU time (user + sys) and peak RSS, their ratios, the JVM options compared, the floor
# (reading the corpus, copying the output) and a JFR profile of the largest Abierto build.
#
#   mvn -B package                     # builds generator/cli/target/abierto.jar and the bench classes
#   generator/bench/run.sh --quick     # minutes: real report, 30 and 1,000 pages per language
#   generator/bench/run.sh             # about 50 minutes: also 10,000 pages per language; rewrites docs/PERFORMANCE.md
#                                      # (then generator/bench/directions.sh: issue 15's changes, JMH before and after)
#
# Options: --quick, --runs N (rounds per corpus), --out FILE (default: docs/PERFORMANCE.md, or
# target/perf/PERFORMANCE-quick.md with --quick), --work DIR (default: generator/bench/target/perf),
# --sizes "30 1000 10000" (pages per language), --no-profile, --no-jvm-options.
# --no-serve, --no-directions, --resume (after a run stopped part-way: keep the work folder's corpora and
# every measurement it completed, measure only what is missing; the report gives the first start).
# Abierto runs twice in every round: `java -jar abierto.jar` with ABIERTO_JAVA_OPTS (default: none,
# the JVM's defaults) and through the launcher `generator/cli/target/abierto` that `mvn package`
# writes ("launcher": its class-data archive, C1 only, the serial collector). Then, on the largest
# corpus, `abierto serve` and `hugo server` are timed from the write of an edited page to the new
# page being served (org.abierto.bench.ServeLatency, 20 edits each).
#
# Installs nothing. Needs: java (17), hugo (Debian's package, 0.111), hyperfine, GNU time (/usr/bin/time).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAR=$REPO/generator/cli/target/abierto.jar
LAUNCHER=$REPO/generator/cli/target/abierto
BENCH_CLASSES=$REPO/generator/bench/target/classes
THEMES=$REPO/generator/bench
HUGO_THEME=hugo-theme
TEMPLATES=$REPO/templates
REAL_CONTENT=$REPO/content
# The options of the main table. Empty: the JVM's defaults (G1, tiered compilation, the JDK's CDS archive).
ABIERTO_JAVA_OPTS=${ABIERTO_JAVA_OPTS:-}

quick=false
runs=""
out=""
work=$REPO/generator/bench/target/perf
sizes=""
profile=true
jvm_options=true
serve=true
directions=true
resume=false
serve_edits=20
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --runs) runs=$2; shift ;;
    --out) out=$2; shift ;;
    --work) work=$2; shift ;;
    --sizes) sizes=$2; shift ;;
    --no-profile) profile=false ;;
    --no-jvm-options) jvm_options=false ;;
    --no-serve) serve=false ;;
    --no-directions) directions=false ;;
    --resume) resume=true ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if $quick; then
  sizes=${sizes:-"30 1000"}
  small_runs=${runs:-3}; mid_runs=${runs:-3}; large_runs=${runs:-2}; startup_runs=10
  out=${out:-$work/PERFORMANCE-quick.md}
  profile=false
  directions=false
else
  sizes=${sizes:-"30 1000 10000"}
  small_runs=${runs:-10}; mid_runs=${runs:-5}; large_runs=${runs:-3}; startup_runs=30
  out=${out:-$REPO/docs/PERFORMANCE.md}
fi
largest=$(tr ' ' '\n' <<<"$sizes" | sort -n | tail -1)
# A Java 25 or later beside the default one, as class-archive.sh finds it: the real report is then also
# built on it, through the launcher and its AOT cache (issue 15, direction 3: which Java gives what).
JAVA25_HOME=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java25=false
if [ -x "$JAVA25_HOME/bin/java" ] && [ -f "$(dirname "$LAUNCHER")/abierto.aot" ]; then java25=true; fi

# --- What the benchmark needs, checked before anything runs -------------------------------------
missing=()
command -v java >/dev/null || missing+=("java (openjdk-17-jdk-headless)")
command -v hugo >/dev/null || missing+=("hugo (apt-get install hugo)")
command -v hyperfine >/dev/null || missing+=("hyperfine (apt-get install hyperfine)")
{ [ -x /usr/bin/time ] && /usr/bin/time --version 2>&1 | grep -q GNU; } || missing+=("GNU time at /usr/bin/time (apt-get install time)")
[ -f "$JAR" ] || missing+=("$JAR (run: mvn -B package)")
[ -x "$LAUNCHER" ] && [ -f "$(dirname "$LAUNCHER")/abierto.jsa" ] || missing+=("$LAUNCHER and its archive abierto.jsa (run: mvn -B package, on Unix)")
[ -f "$BENCH_CLASSES/org/abierto/bench/Corpus.class" ] || missing+=("$BENCH_CLASSES (run: mvn -B package)")
if [ ${#missing[@]} -gt 0 ]; then
  printf 'run.sh: missing %s\n' "${missing[@]}" >&2
  exit 2
fi

mkdir -p "$work/results"
$resume || rm -f "$work"/results/*
generated=$work/generated.md
: > "$generated"
say() { printf '%s\n' "$*" >&2; }
md() { printf '%s\n' "$*" >> "$generated"; }

# --- Measuring -------------------------------------------------------------------------------------
# One timed run: `measure KEY OUTDIR COMMAND...` appends "wall cpu rss_kib" to results/KEY.txt.
measure() {
  local key=$1 outdir=$2; shift 2
  [ "$outdir" = - ] || rm -rf "$outdir"
  if ! /usr/bin/time -v -o "$work/results/$key.time" "$@" > "$work/results/$key.stdout" 2> "$work/results/$key.stderr"; then
    say "run.sh: failed: $*"; tail -20 "$work/results/$key.stderr" >&2; tail -5 "$work/results/$key.stdout" >&2
    exit 1
  fi
  awk -F': ' '
    /User time/ {u = $2} /System time/ {s = $2} /Maximum resident set size/ {m = $2}
    /Elapsed \(wall clock\)/ { n = split($2, a, ":"); w = (n == 3) ? a[1] * 3600 + a[2] * 60 + a[3] : a[1] * 60 + a[2] }
    END { printf "%.3f %.3f %d\n", w, u + s, m }' "$work/results/$key.time" >> "$work/results/$key.txt"
}

# `rounds N WARMUPS ENTRY...`, each ENTRY "KEY|OUTDIR|COMMAND": every round runs every entry once,
# starting with a different one each round, so that a change in the machine's load hits all alike.
rounds() {
  local n=$1 warmups=$2; shift 2
  local entries=("$@") count=$# i r k kept=true
  if $resume; then
    for e in "${entries[@]}"; do IFS='|' read -r k o c <<<"$e"; [ "$(done_runs "$k")" -ge "$n" ] || kept=false; done
    if $kept; then say "  kept from the run resumed: ${entries[*]%%|*}"; return; fi
    for e in "${entries[@]}"; do IFS='|' read -r k o c <<<"$e"; rm -f "$work/results/$k.txt"; done # rounds alternate: all again
  fi
  for ((r = 0; r < warmups; r++)); do
    for e in "${entries[@]}"; do IFS='|' read -r k o c <<<"$e"; eval "measure warmup-$k $(printf %q "$o") $c"; done
  done
  for ((r = 0; r < n; r++)); do
    for ((i = 0; i < count; i++)); do
      IFS='|' read -r k o c <<<"${entries[(i + r) % count]}"
      say "  round $((r + 1))/$n: $k"
      eval "measure $k $(printf %q "$o") $c"
    done
  done
}

# How many runs of KEY the results hold (for --resume).
done_runs() { if [ -f "$work/results/$1.txt" ]; then wc -l < "$work/results/$1.txt" | tr -d ' '; else echo 0; fi; }
# `kept NAME FILE`: with --resume, whether FILE (a step's result) is there, so that the step is skipped.
kept() { if $resume && [ -s "$2" ]; then say "$1: kept from the run resumed"; return 0; fi; return 1; }

median() { sort -g | awk '{a[NR] = $1} END {if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
# `med KEY COLUMN`: the median of one column (1 wall s, 2 CPU s, 3 peak RSS KiB).
med() { awk -v c="$2" '{print $c}' "$work/results/$1.txt" | median; }
count() { wc -l < "$work/results/$1.txt" | tr -d ' '; }
seconds() { awk -v x="$1" 'BEGIN {if (x < 10) printf "%.2f s", x; else printf "%.1f s", x}'; }
mib() { awk -v x="$1" 'BEGIN {printf "%.0f MiB", x / 1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
pages_built() { sed -n 's/^Built \([0-9]*\) pages.*/\1/p' "$work/results/$1.stdout" | tail -1; }
html_files() { find "$1" -name '*.html' | wc -l | tr -d ' '; }

abierto() { printf '%s' "java $1 -jar $(printf %q "$JAR") build --content $(printf %q "$2") --templates $(printf %q "$TEMPLATES") --out $(printf %q "$3")"; }
launcher() { printf '%s' "$(printf %q "$LAUNCHER") build --content $(printf %q "$1") --templates $(printf %q "$TEMPLATES") --out $(printf %q "$2")"; }
hugo_build() { printf '%s' "hugo --quiet --source $(printf %q "$1") --destination $(printf %q "$2") --themesDir $(printf %q "$THEMES") --theme $HUGO_THEME"; }

# --- The machine -----------------------------------------------------------------------------------
load() { cut -d' ' -f1-3 /proc/loadavg; }
pressure() { [ -r /proc/pressure/cpu ] && sed -n 's/^some avg10=\([0-9.]*\) avg60=\([0-9.]*\).*/\2 %/p' /proc/pressure/cpu || echo "n/a"; }
# The start, kept with the results so that a resumed run reports when and at which commit it began.
if ! kept "the start of the run" "$work/results/start.txt"; then
  printf '%s\n%s\n%s\n%s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$(load)" "$(pressure)" \
    "$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)" > "$work/results/start.txt"
fi
{ read -r started; read -r load_start; read -r pressure_start; read -r commit_start; } < "$work/results/start.txt"
say "run.sh: $($quick && echo quick || echo full) benchmark, sizes: $sizes pages per language, work folder $work"

# --- Corpora ---------------------------------------------------------------------------------------
corpus_cmd() { printf 'java -cp %q org.abierto.bench.Corpus --pages %s --out %q --hugo %q --i18n %q' \
  "$BENCH_CLASSES:$JAR" "$1" "$work/corpus-$1/abierto" "$work/corpus-$1/hugo" "$REAL_CONTENT/i18n"; }
for n in $sizes; do
  if kept "the corpus of $n pages per language" "$work/corpus-$n/abierto/site.yaml"; then continue; fi
  say "Writing the corpus of $n pages per language"
  eval "$(corpus_cmd "$n")" >&2
done

# --- AppCDS: the classes one build of the real report loads, archived for the JVM-option comparison ---
if ! kept "AppCDS" "$work/results/appcds-dump.txt"; then
say "AppCDS: archiving the classes a build of the real report loads"
rm -f "$work/abierto.jsa"
eval "measure appcds-dump $(printf %q "$work/out-appcds-dump") $(abierto "-XX:ArchiveClassesAtExit=$work/abierto.jsa" "$REAL_CONTENT" "$work/out-appcds-dump")"
fi

# --- JVM start-up, alone -----------------------------------------------------------------------------
say "JVM start-up"
rounds 5 1 "startup-abierto|-|java $ABIERTO_JAVA_OPTS -jar $(printf %q "$JAR") --version" \
  "startup-tuned|-|$(printf %q "$LAUNCHER") --version" "startup-hugo|-|hugo version"
kept "hyperfine" "$work/results/startup-hyperfine.csv" ||
hyperfine --style basic --warmup 3 --runs "$startup_runs" --export-csv "$work/results/startup-hyperfine.csv" \
  "java $ABIERTO_JAVA_OPTS -jar $(printf %q "$JAR") --version" "hugo version" > "$work/results/startup-hyperfine.txt" 2>&1
hf_median() { awk -F, -v row="$1" 'NR == row + 1 {printf "%.0f ms (mean user+sys %.0f ms)", $4 * 1000, ($5 + $6) * 1000}' "$work/results/startup-hyperfine.csv"; }

# --- Side by side ------------------------------------------------------------------------------------
corpora=(real)
for n in $sizes; do corpora+=("$n"); done
for c in "${corpora[@]}"; do
  if [ "$c" = real ]; then content=$REAL_CONTENT; hugo_src=""; else content=$work/corpus-$c/abierto; hugo_src=$work/corpus-$c/hugo; fi
  # The largest corpus: fewer rounds, no warm-up (its files are in the page cache, just written).
  if [ "$c" = "$largest" ]; then n_runs=$large_runs; warm=0
  elif [ "$c" = real ] || [ "$c" -le 100 ]; then n_runs=$small_runs; warm=1
  else n_runs=$mid_runs; warm=1; fi
  say "Corpus $c: $n_runs rounds"
  # A synthetic corpus is built without the PDFs and the offline copy (Hugo makes neither, and a PDF of
  # 20,000 pages is not the goal); the real report with them, as it is published.
  skip=""; [ "$c" = real ] || skip=" --no-pdf --no-offline"
  entries=("abierto-$c|$work/out-$c-abierto|$(abierto "$ABIERTO_JAVA_OPTS" "$content" "$work/out-$c-abierto")$skip"
           "tuned-$c|$work/out-$c-tuned|$(launcher "$content" "$work/out-$c-tuned")$skip")
  [ -n "$hugo_src" ] && entries+=("hugo-$c|$work/out-$c-hugo|$(hugo_build "$hugo_src" "$work/out-$c-hugo")")
  rounds "$n_runs" "$warm" "${entries[@]}"
done

# --- The downloads (issue 17): what the PDFs and the offline copy add to a cold build of the real report ---
# With a Java 25, the same builds on it (as published, and with neither download) in the same rounds.
downloads=(
  "downloads-all|$work/out-dl-all|$(launcher "$REAL_CONTENT" "$work/out-dl-all")"
  "downloads-no-offline|$work/out-dl-no-offline|$(launcher "$REAL_CONTENT" "$work/out-dl-no-offline") --no-offline"
  "downloads-none|$work/out-dl-none|$(launcher "$REAL_CONTENT" "$work/out-dl-none") --no-pdf --no-offline")
if $java25; then
  downloads+=(
    "java25-all|$work/out-j25-all|env JAVA_HOME=$(printf %q "$JAVA25_HOME") $(launcher "$REAL_CONTENT" "$work/out-j25-all")"
    "java25-none|$work/out-j25-none|env JAVA_HOME=$(printf %q "$JAVA25_HOME") $(launcher "$REAL_CONTENT" "$work/out-j25-none") --no-pdf --no-offline")
fi
say "Downloads on the real report$($java25 && echo ", and on Java 25"): $small_runs rounds"
rounds "$small_runs" 1 "${downloads[@]}"

# --- JVM options -------------------------------------------------------------------------------------
jvm_variants=(
  "defaults|"
  "serial-gc|-XX:+UseSerialGC"
  "parallel-gc|-XX:+UseParallelGC"
  "c1-only|-XX:TieredStopAtLevel=1"
  "no-cds|-Xshare:off"
  "appcds|-XX:SharedArchiveFile=$work/abierto.jsa"
  "appcds-c1-serial|-XX:SharedArchiveFile=$work/abierto.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
)
jvm_corpora=(real)
if ! $quick; then for n in $sizes; do if [ "$n" -le 1000 ] && [ "$n" -gt 30 ]; then jvm_corpora+=("$n"); fi; done; fi
if $jvm_options; then
  for c in "${jvm_corpora[@]}"; do
    if [ "$c" = real ]; then content=$REAL_CONTENT; n_runs=$(( small_runs < 5 ? small_runs : 5 )); else content=$work/corpus-$c/abierto; n_runs=$(( mid_runs < 3 ? mid_runs : 3 )); fi
    say "JVM options on corpus $c: $n_runs rounds"
    entries=()
    for v in "${jvm_variants[@]}"; do
      name=${v%%|*}; opts=${v#*|}
      entries+=("jvm-$c-$name|$work/out-jvm-$c-$name|$(abierto "$opts" "$content" "$work/out-jvm-$c-$name")")
    done
    rounds "$n_runs" 1 "${entries[@]}"
  done
fi

# --- The floor: reading the corpus, copying the output ---------------------------------------------------
say "Floor on corpus $largest"
floor_runs=3
if $resume && [ "$(done_runs floor-read)" -ge "$floor_runs" ] && [ "$(done_runs floor-copy)" -ge "$floor_runs" ]; then
  floor_runs=0
else
  rm -f "$work/results/floor-read.txt" "$work/results/floor-copy.txt"
fi
for ((r = 0; r < floor_runs; r++)); do
  measure floor-read - bash -c "find $(printf %q "$work/corpus-$largest/abierto") -type f -print0 | xargs -0 cat > /dev/null"
  measure floor-copy "$work/out-floor-copy" cp -r "$work/out-$largest-abierto" "$work/out-floor-copy"
done

# --- Profile ------------------------------------------------------------------------------------------------
# Through the launcher, as the goals' verdicts are given: the recording in ABIERTO_JAVA_OPTS reaches the
# JVM that builds (a `java -jar` JVM given -XX:StartFlightRecording builds itself, unsized for the site).
if $profile && ! kept "the profile" "$work/results/profile.md"; then
  say "Profiling Abierto on corpus $largest (JFR, launcher)"
  rm -f "$work/profile.jfr"
  eval "measure profile $(printf %q "$work/out-profile") env ABIERTO_JAVA_OPTS=$(printf %q "-XX:StartFlightRecording=filename=$work/profile.jfr,settings=profile") $(launcher "$work/corpus-$largest/abierto" "$work/out-profile") --no-pdf --no-offline"
  java -cp "$BENCH_CLASSES" org.abierto.bench.ProfileSummary "$work/profile.jfr" > "$work/results/profile.md.new"
  mv "$work/results/profile.md.new" "$work/results/profile.md"
fi

# --- Live preview: from the write of an edited page to the new page served -----------------------------------
# One server at a time (each uses both cores while it builds); ServeLatency starts it, waits for its
# first build, edits 3 + N pages one by one and puts them back. Port 0 is not an option for Hugo.
serve_latency() {
  local key=$1 content=$2 port=$3; shift 3
  if kept "$key" "$work/results/$key.txt"; then return; fi
  java -cp "$BENCH_CLASSES" org.abierto.bench.ServeLatency --content "$content" --port "$port" --edits "$serve_edits" \
    --log "$work/results/$key.log" -- "$@" > "$work/results/$key.txt.new" 2> "$work/results/$key.stderr" \
    || { say "run.sh: $key failed"; tail -n 20 "$work/results/$key.stderr" "$work/results/$key.log" >&2; exit 1; }
  mv "$work/results/$key.txt.new" "$work/results/$key.txt"
}
if $serve; then
  # The real report too (issue 15 wants ≤ 50 ms on both): a copy, since ServeLatency edits its pages.
  rm -rf "$work/serve-real" && mkdir -p "$work/serve-real" && cp -r "$REAL_CONTENT" "$work/serve-real/content"
  say "Live preview on the real report: abierto serve, $serve_edits edits"
  serve_latency serve-real "$work/serve-real/content" 18183 \
    "$LAUNCHER" serve --content "$work/serve-real/content" --templates "$TEMPLATES" --port 18183
  say "Live preview on corpus $largest: abierto serve, then hugo server, $serve_edits edits each"
  serve_latency serve-abierto "$work/corpus-$largest/abierto" 18181 \
    "$LAUNCHER" serve --content "$work/corpus-$largest/abierto" --templates "$TEMPLATES" --port 18181
  serve_latency serve-hugo "$work/corpus-$largest/hugo/content" 18182 \
    hugo server --source "$work/corpus-$largest/hugo" --themesDir "$THEMES" --theme "$HUGO_THEME" --port 18182 --bind 127.0.0.1
fi

load_end=$(load); pressure_end=$(pressure)
finished=$(date -u +%Y-%m-%dT%H:%MZ)

# --- The report ------------------------------------------------------------------------------------------
label() { case "$1" in real) echo "the real report (\`content/\`)";; *) printf "%d pages per language" "$1";; esac; }
cpu_model=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
# shellcheck source=/dev/null # the machine's own file, not part of the repository
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
java_version=$(java -version 2>&1 | sed -n '2p')
spec() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
java_feature=$(spec java)
java25_version=
if $java25; then java25_version=$(spec "$JAVA25_HOME/bin/java"); fi
hugo_version=$(hugo version | cut -d' ' -f1-2)
commit=$commit_start
[ "$commit" = "$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)" ] || commit="$commit (resumed at a later commit)"
git -C "$REPO" diff --quiet HEAD 2>/dev/null || commit="$commit (with uncommitted changes)"

md "Run of \`generator/bench/run.sh$($quick && echo " --quick")\` from $started to $finished, at commit $commit."
md ""
md "## Machine"
md ""
md "| | |"
md "|---|---|"
md "| CPU | $cpu_model, $(nproc) cores |"
md "| memory | $mem |"
md "| system | $os, Linux $(uname -r) |"
md "| Java | $java_version |"
md "| Hugo | $hugo_version |"
md "| tools | $(hyperfine --version), GNU time (Debian package $(dpkg-query -W -f '${Version}' time 2>/dev/null || echo '?')) |"
md "| load average (1, 5, 15 min) | at the start $load_start; at the end $load_end |"
md "| CPU pressure (share of time some task waited for a CPU, last minute) | at the start $pressure_start; at the end $pressure_end |"
md ""
md "The machine is shared: a load average above the number of cores means other processes competed for"
md "the CPUs during the run. Wall times suffer first; CPU times and peak memory much less. Runs alternate"
md "between the tools, so both met the same load."
md ""
md "## Commands"
md ""
shown_opts=${ABIERTO_JAVA_OPTS:-none, the JVM defaults}
md "Abierto runs in two ways: \`java -jar abierto.jar\` with JVM options \`$shown_opts\` (\"defaults\"), and through the"
md "launcher \`generator/cli/target/abierto\` that \`mvn package\` writes (\"launcher\": the class-data archive written beside"
md "the jar by a build of a new site's sample, the C1 compiler only, the serial collector). Each run starts with an empty output folder."
md ""
md '```sh'
md "$(corpus_cmd N | sed "s|$work|\$WORK|g; s|$REPO/||g")"
md "$(abierto "$ABIERTO_JAVA_OPTS" "$work/corpus-N/abierto" "$work/out" | sed "s|$work|\$WORK|g; s|$REPO/||g; s|java  |java |")"
md "$(launcher "$work/corpus-N/abierto" "$work/out" | sed "s|$work|\$WORK|g; s|$REPO/||g")"
md "$(hugo_build "$work/corpus-N/hugo" "$work/out" | sed "s|$work|\$WORK|g; s|$REPO/||g")"
md "/usr/bin/time -v …   # wall, user + sys, maximum resident set size of each run"
md '```'
md ""
md "## Side by side: medians"
md ""
md "Ratios are Abierto ÷ Hugo: below 1, Abierto is faster or smaller."
md ""
md "| corpus | Abierto's JVM | pages built | runs | wall Abierto | wall Hugo | ratio | CPU Abierto | CPU Hugo | ratio | peak RSS Abierto | peak RSS Hugo | ratio |"
md "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
# `row LABEL JVM ABIERTO_KEY HUGO_KEY`: one line of the table; HUGO_KEY may have no results.
row() {
  local a=$3 h=$4
  if [ -f "$work/results/$h.txt" ]; then
    md "| $1 | $2 | $(pages_built "$a") | $(count "$a") | $(seconds "$(med "$a" 1)") | $(seconds "$(med "$h" 1)") | $(ratio "$(med "$a" 1)" "$(med "$h" 1)") | $(seconds "$(med "$a" 2)") | $(seconds "$(med "$h" 2)") | $(ratio "$(med "$a" 2)" "$(med "$h" 2)") | $(mib "$(med "$a" 3)") | $(mib "$(med "$h" 3)") | $(ratio "$(med "$a" 3)" "$(med "$h" 3)") |"
  else
    md "| $1 | $2 | $(pages_built "$a") | $(count "$a") | $(seconds "$(med "$a" 1)") | – | – | $(seconds "$(med "$a" 2)") | – | – | $(mib "$(med "$a" 3)") | – | – |"
  fi
}
for c in "${corpora[@]}"; do
  row "$(label "$c")" defaults "abierto-$c" "hugo-$c"
  row "$(label "$c")" launcher "tuned-$c" "hugo-$c"
done
row "start-up alone (\`--version\`, \`hugo version\`)" defaults startup-abierto startup-hugo
row "start-up alone (\`abierto --version\`)" launcher startup-tuned startup-hugo
md ""
md "Pages built: Abierto's count (the bilingual landing page and the 404 pages aside); Hugo wrote"
md "$(for c in "${corpora[@]}"; do [ "$c" = real ] || printf '%s HTML files for %s, ' "$(html_files "$work/out-$c-hugo")" "$(label "$c")"; done)Abierto"
md "$(for c in "${corpora[@]}"; do [ "$c" = real ] || printf '%s, ' "$(html_files "$work/out-$c-abierto")"; done | sed 's/, $//') HTML files."
md ""
md "Start-up measured by hyperfine ($startup_runs runs after 3 warm-ups): \`java -jar abierto.jar --version\` median $(hf_median 1);"
md "\`hugo version\` median $(hf_median 2)."
md ""
md "Time per page (median ÷ pages Abierto built):"
md ""
md "| corpus | Abierto wall | Abierto CPU | launcher wall | launcher CPU | Hugo wall | Hugo CPU |"
md "|---|---:|---:|---:|---:|---:|---:|"
per_page() { awk -v t="$(med "$1" "$2")" -v p="$3" 'BEGIN {printf "%.2f ms", 1000 * t / p}'; }
for c in "${corpora[@]}"; do
  [ "$c" = real ] && continue
  p=$(pages_built "abierto-$c")
  md "| $(label "$c") | $(per_page "abierto-$c" 1 "$p") | $(per_page "abierto-$c" 2 "$p") | $(per_page "tuned-$c" 1 "$p") | $(per_page "tuned-$c" 2 "$p") | $(per_page "hugo-$c" 1 "$p") | $(per_page "hugo-$c" 2 "$p") |"
done

md ""
md "## Goals of issues 8 and 15"
md ""
md "Issue 15 keeps issue 8's goals; each verdict below is computed from this run's medians."
md ""
verdict() { awk -v x="$1" -v limit="$2" 'BEGIN {if (x <= limit) print "**holds**"; else printf "**does not hold** (%.2f× the limit)\n", x / limit}'; }
big=$largest
second=$(tr ' ' '\n' <<<"$sizes" | sort -n | tail -2 | head -1)
md "| goal | JVM | measured | verdict |"
md "|---|---|---|---|"
for jvm in abierto tuned; do
  name=$([ "$jvm" = abierto ] && echo defaults || echo launcher)
  if [ -f "$work/results/hugo-$big.txt" ]; then
    wr=$(ratio "$(med "$jvm-$big" 1)" "$(med "hugo-$big" 1)"); cr=$(ratio "$(med "$jvm-$big" 2)" "$(med "hugo-$big" 2)")
    rss=$(med "$jvm-$big" 3)
    md "| $(label "$big"): wall ≤ 0.5 × Hugo's | $name | $wr × | $(verdict "$wr" 0.5) |"
    md "| $(label "$big"): CPU ≤ 0.5 × Hugo's | $name | $cr × | $(verdict "$cr" 0.5) |"
    md "| $(label "$big"): peak memory ≤ 1 GB (10⁹ bytes) | $name | $(mib "$rss") | $(verdict "$(awk -v k="$rss" 'BEGIN {print k * 1024}')" 1000000000) |"
  fi
  md "| the real report, cold, as published (PDFs and ZIP): wall ≤ 0.8 s | $name | $(seconds "$(med "$jvm-real" 1)") | $(verdict "$(med "$jvm-real" 1)" 0.8) |"
  if [ "$jvm" = tuned ] && $java25; then
    md "| the real report, cold, as published: wall ≤ 0.8 s | launcher on Java $java25_version (AOT cache) | $(seconds "$(med java25-all 1)") | $(verdict "$(med java25-all 1)" 0.8) |"
    md "| the real report, cold, without the downloads (\`--no-pdf --no-offline\`): wall ≤ 0.8 s | launcher on Java $java_feature (class-data archive) | $(seconds "$(med downloads-none 1)") | $(verdict "$(med downloads-none 1)" 0.8) |"
    md "| the same | launcher on Java $java25_version (AOT cache) | $(seconds "$(med java25-none 1)") | $(verdict "$(med java25-none 1)" 0.8) |"
  fi
  smallest=$(tr ' ' '\n' <<<"$sizes" | sort -n | head -1)
  if [ -f "$work/results/hugo-$smallest.txt" ]; then
    sr=$(ratio "$(med "$jvm-real" 1)" "$(med "hugo-$smallest" 1)")
    md "| stretch: the real report within 2 × Hugo's build of $(label "$smallest") | $name | $sr × | $(verdict "$sr" 2) |"
  fi
  if [ "$second" != "$big" ]; then
    pw=$(awk -v a="$(med "$jvm-$big" 1)" -v pa="$(pages_built "abierto-$big")" -v b="$(med "$jvm-$second" 1)" -v pb="$(pages_built "abierto-$second")" 'BEGIN {printf "%.2f", (a / pa) / (b / pb)}')
    pc=$(awk -v a="$(med "$jvm-$big" 2)" -v pa="$(pages_built "abierto-$big")" -v b="$(med "$jvm-$second" 2)" -v pb="$(pages_built "abierto-$second")" 'BEGIN {printf "%.2f", (a / pa) / (b / pb)}')
    md "| linear: wall per page at $(label "$big") within 20 % of $(label "$second") | $name | $pw × | $(verdict "$pw" 1.2) |"
    md "| linear: CPU per page, the same | $name | $pc × | $(verdict "$pc" 1.2) |"
  fi
done
serve_stat() { sed -n "s/^$2 \\([0-9.]*\\) ms/\\1/p" "$work/results/$1.txt"; }
if $serve; then
  sm=$(serve_stat serve-abierto median)
  md "| \`serve\` at $(label "$largest"): an edited page served ≤ 50 ms after the write (median of $serve_edits) | launcher | $sm ms (\`hugo server\`: $(serve_stat serve-hugo median) ms) | $(verdict "$sm" 50) |"
  sr=$(serve_stat serve-real median)
  md "| \`serve\` on the real report: the same | launcher | $sr ms | $(verdict "$sr" 50) |"
else
  md "| \`serve\`: an edited page served ≤ 50 ms after the write | – | not measured (\`--no-serve\`) | – |"
fi
if $serve; then
  md ""
  md "## Live preview"
  md ""
  md "On $(label "$largest"): milliseconds from the moment the write of an edited page returns to the moment the"
  md "new page is read from the server, asking every 5 ms; $serve_edits edits of different pages after 3 warm-up edits"
  md "(\`java -cp generator/bench/target/classes org.abierto.bench.ServeLatency --content … --port … -- SERVER…\`)."
  md ""
  md "| server | first build served after | median | p90 | max |"
  md "|---|---:|---:|---:|---:|"
  for k in serve-abierto serve-hugo serve-real; do
    case $k in serve-abierto) name="\`abierto serve\` (launcher)";; serve-hugo) name="\`hugo server\`";; *) name="\`abierto serve\` (launcher), the real report";; esac
    md "| $name | $(sed -n 's/^first build served after \(.*\)/\1/p' "$work/results/$k.txt") | $(serve_stat "$k" median) ms | $(serve_stat "$k" p90) ms | $(serve_stat "$k" max) ms |"
  done
fi
md ""
md "## The downloads of the real report"
md ""
md "A cold build of the real report with the launcher, with both PDFs and the offline ZIP (as published), without"
md "the ZIP (\`--no-offline\`), and with neither (\`--no-pdf --no-offline\`); medians of $(count downloads-all) rounds."
md "The synthetic corpora above are built with neither. Issue 17's limit: the PDFs add at most 1 s."
md ""
md "| build | wall | CPU | peak RSS | added wall |"
md "|---|---|---|---|---|"
for k in downloads-none downloads-no-offline downloads-all; do
  md "| \`$k\` | $(seconds "$(med $k 1)") | $(seconds "$(med $k 2)") | $(mib "$(med $k 3)") | $(seconds "$(awk -v a="$(med $k 1)" -v b="$(med downloads-none 1)" 'BEGIN {print a - b}')") |"
done
pdf_added=$(awk -v a="$(med downloads-no-offline 1)" -v b="$(med downloads-none 1)" 'BEGIN {printf "%.3f", a - b}')
md ""
md "Issue 17's limit, the PDFs' added wall time (\`--no-offline\` − \`--no-pdf --no-offline\`) ≤ 1 s: $(seconds "$pdf_added"), $(verdict "$pdf_added" 1)."
if $java25; then
  md ""
  md "## Which Java"
  md ""
  md "The same cold builds of the real report through the launcher, in the same rounds: on the default Java"
  md "(Java $java_feature, with the class-data archive \`abierto.jsa\`) and on \`$JAVA25_HOME\` (Java $java25_version, with"
  md "the AOT cache \`abierto.aot\`: classes loaded and linked ahead, and method profiles); medians of $(count java25-all) rounds."
  md ""
  md "| build | Java | wall | CPU | peak RSS | wall, Java $java25_version ÷ Java $java_feature |"
  md "|---|---|---:|---:|---:|---:|"
  for pair in "as published|downloads-all|java25-all" "without the downloads|downloads-none|java25-none"; do
    IFS='|' read -r what k17 k25 <<<"$pair"
    md "| $what | $java_feature | $(seconds "$(med "$k17" 1)") | $(seconds "$(med "$k17" 2)") | $(mib "$(med "$k17" 3)") | |"
    md "| $what | $java25_version | $(seconds "$(med "$k25" 1)") | $(seconds "$(med "$k25" 2)") | $(mib "$(med "$k25" 3)") | $(ratio "$(med "$k25" 1)" "$(med "$k17" 1)") |"
  done
fi
md ""
md "## The floor"
md ""
md "On $(label "$largest"), median of $(count floor-read) runs: reading every corpus file (\`find … | xargs cat > /dev/null\`, from the page cache)"
md "$(seconds "$(med floor-read 1)") wall; copying Abierto's output (\`cp -r\`, $(du -sh "$work/out-$largest-abierto" | cut -f1)) $(seconds "$(med floor-copy 1)") wall, $(seconds "$(med floor-copy 2)") CPU."

if $jvm_options; then
  md ""
  md "## Abierto's JVM options"
  md ""
  md "Same builds, all variants alternating round by round. AppCDS: a dynamic class-data archive written by"
  md "\`-XX:ArchiveClassesAtExit\` during one build of the real report ($(du -h "$work/abierto.jsa" | cut -f1)), used with \`-XX:SharedArchiveFile\`."
  md ""
  for c in "${jvm_corpora[@]}"; do
    md "$(label "$c"), $(count "jvm-$c-defaults") rounds:"
    md ""
    md "| options | wall | CPU | peak RSS | wall vs defaults |"
    md "|---|---:|---:|---:|---:|"
    for v in "${jvm_variants[@]}"; do
      name=${v%%|*}; opts=${v#*|}; k=jvm-$c-$name
      shown=${opts:-(defaults)}
      md "| \`${shown//$work/\$WORK}\` | $(seconds "$(med "$k" 1)") | $(seconds "$(med "$k" 2)") | $(mib "$(med "$k" 3)") | $(ratio "$(med "$k" 1)" "$(med "jvm-$c-defaults" 1)") |"
    done
    md ""
  done
fi

if $profile; then
  md "## Profile of Abierto on $(label "$largest")"
  md ""
  md "One more build through the launcher (\`--no-pdf --no-offline\`, as above), with \`ABIERTO_JAVA_OPTS=-XX:StartFlightRecording=settings=profile\`: $(seconds "$(med profile 1)") wall, $(seconds "$(med profile 2)") CPU,"
  md "peak RSS $(mib "$(med profile 3)"); summarised by \`java -cp generator/bench/target/classes org.abierto.bench.ProfileSummary profile.jfr\`."
  md ""
  cat "$work/results/profile.md" >> "$generated"
fi

# The generated part goes between its markers; the hand-written analysis around it stays.
"$REPO/generator/bench/splice.sh" "$out" generator/bench/run.sh "$generated" "# Performance"
say "run.sh: wrote $out"
sed -n '/^## Side by side/,/^## The floor/p' "$generated"
# Issue 15's directions, each change before and after, in JMH: a section of its own in the same report.
if $directions; then
  "$REPO/generator/bench/directions.sh" --out "$out"
fi
