#!/usr/bin/env bash
# What search costs at scale (issue 18): the 20,222-page corpus of run.sh (10,000 pages per language)
# with the theme's two search pages, built with search on and with 'search: false', alternating,
# through the launcher; then the size of the index files. Prints one line per build and a summary.
#   generator/bench/search.sh [ROUNDS] [WORK]     (after `mvn -B package`; installs nothing)
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
ROUNDS=${1:-3}
WORK=${2:-$(mktemp -d)}
core=("$REPO"/generator/core/target/abierto-core-*.jar)
CP="$REPO/generator/bench/target/classes:${core[0]}"
java -cp "$CP" org.abierto.bench.Corpus --pages 10000 --out "$WORK/corpus" --i18n "$REPO/content/i18n" >/dev/null
cp "$REPO/content/es/buscar.md" "$WORK/corpus/es/"
cp "$REPO/content/en/search.md" "$WORK/corpus/en/"
cp "$WORK/corpus/site.yaml" "$WORK/site-on.yaml"
{ cat "$WORK/site-on.yaml"; printf '\nsearch: false\n'; } > "$WORK/site-off.yaml"
build() {  # on|off ROUND
  cp "$WORK/site-$1.yaml" "$WORK/corpus/site.yaml"
  rm -rf "$WORK/out-$1"
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$REPO/generator/cli/target/abierto" build \
    --content "$WORK/corpus" --templates "$REPO/templates" --out "$WORK/out-$1" >/dev/null 2>"$WORK/err-$1" \
    || { cat "$WORK/err-$1" >&2; exit 1; }
  read -r wall user sys rss < "$WORK/time"
  # user and sys apart: on a shared machine sys (page faults, the file system) scatters most
  printf 'search %-3s round %s: wall %6.1f s  cpu %6.1f s (user %6.1f + sys %5.1f)  peak RSS %5d MiB\n' "$1" "$2" "$wall" \
    "$(echo "$user + $sys" | bc)" "$user" "$sys" $((rss / 1024))
}
for r in $(seq 1 "$ROUNDS"); do
  if [ $((r % 2)) = 1 ]; then build on "$r"; build off "$r"; else build off "$r"; build on "$r"; fi
done
for l in es/buscar en/search; do
  files=("$WORK/out-on/$l"/*.js)
  printf '%s: %d index files, %s bytes, %s bytes gzip -9\n' "$l" "${#files[@]}" \
    "$(cat "${files[@]}" | wc -c)" "$(for f in "${files[@]}"; do gzip -9c "$f" | wc -c; done | paste -sd+ | bc)"
done
echo "work folder: $WORK"
