#!/usr/bin/env bash
# What search costs at scale (issue 18): the 20,222-page corpus of run.sh (10,000 pages per language)
# with the theme's two search pages, built with search on and with 'search: false', alternating,
# through the launcher; then the size of the index files. Prints one line per build and a summary.
#   generator/bench/search.sh [--paired] [ROUNDS] [WORK]     (after `mvn -B package`; installs nothing)
# --paired builds with search on and off at the same time, each on a core of its own (taskset; the
# cores swap every round): on a shared machine whose speed drifts by a quarter from one minute to the
# next, only builds that run side by side meet the same machine. Each build then sees one processor.
# ABIERTO (default: generator/cli/target/abierto) names the launcher, to measure another build of it.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
PAIRED=0
if [ "${1:-}" = --paired ]; then
  PAIRED=1
  shift
fi
ROUNDS=${1:-3}
WORK=${2:-$(mktemp -d)}
ABIERTO=${ABIERTO:-$REPO/generator/cli/target/abierto}
core=("$REPO"/generator/core/target/abierto-core-*.jar)
CP="$REPO/generator/bench/target/classes:${core[0]}"
java -cp "$CP" org.abierto.bench.Corpus --pages 10000 --out "$WORK/corpus" --i18n "$REPO/content/i18n" >/dev/null
cp "$REPO/content/es/buscar.md" "$WORK/corpus/es/"
cp "$REPO/content/en/search.md" "$WORK/corpus/en/"
# Two content folders, one for each setting, their pages shared as hard links: a paired build reads
# its own site.yaml while the other runs.
rm -rf "$WORK/corpus-on" "$WORK/corpus-off"
cp -al "$WORK/corpus" "$WORK/corpus-on"
cp -al "$WORK/corpus" "$WORK/corpus-off"
rm "$WORK/corpus-off/site.yaml"
{ cat "$WORK/corpus/site.yaml"; printf '\nsearch: false\n'; } > "$WORK/corpus-off/site.yaml"
build() {  # on|off ROUND [CORE]
  local out="$WORK/out-$1" time="$WORK/time-$1" pin=()
  if [ -n "${3:-}" ]; then
    pin=(taskset -c "$3")
  fi
  rm -rf "$out"
  /usr/bin/time -f "%e %U %S %M" -o "$time" "${pin[@]}" "$ABIERTO" build \
    --content "$WORK/corpus-$1" --templates "$REPO/templates" --out "$out" >/dev/null 2>"$WORK/err-$1" \
    || { cat "$WORK/err-$1" >&2; exit 1; }
  read -r wall user sys rss < "$time"
  # user and sys apart: on a shared machine sys (page faults, the file system) scatters most
  printf 'search %-3s round %s%s: wall %6.1f s  cpu %6.1f s (user %6.1f + sys %5.1f)  peak RSS %5d MiB\n' "$1" "$2" \
    "${3:+ core $3}" "$wall" "$(echo "$user + $sys" | bc)" "$user" "$sys" $((rss / 1024))
}
cpu() {  # on|off: the CPU seconds of its last build
  local wall user sys rss
  read -r wall user sys rss < "$WORK/time-$1"
  echo "$user + $sys" | bc
}
for r in $(seq 1 "$ROUNDS"); do
  if [ "$PAIRED" = 1 ]; then
    build on "$r" $((r % 2)) & on=$!
    build off "$r" $(((r + 1) % 2)) & off=$!
    wait "$on" "$off"
    printf 'round %s: cpu on / off = %s\n' "$r" "$(echo "scale=3; $(cpu on) / $(cpu off)" | bc)"
  elif [ $((r % 2)) = 1 ]; then build on "$r"; build off "$r"; else build off "$r"; build on "$r"; fi
done
for l in es/buscar en/search; do
  files=("$WORK/out-on/$l"/*.js)
  printf '%s: %d index files, %s bytes, %s bytes gzip -9\n' "$l" "${#files[@]}" \
    "$(cat "${files[@]}" | wc -c)" "$(for f in "${files[@]}"; do gzip -9c "$f" | wc -c; done | paste -sd+ | bc)"
done
echo "work folder: $WORK"
