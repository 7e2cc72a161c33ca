#!/usr/bin/env bash
# End-to-end test of publishing: real sshd, nginx and Apache on 127.0.0.1 with throwaway keys,
# certificates, ports and directories; the very publish script the pipelines run
# (site/publish/publish.sh); the very server configurations of docs/hosting/ (only ports, host
# name, certificate and directory replaced). Run by 'mvn -B verify' (site module, integration-test
# phase) once the CLI is built; .ci/run installs what it needs.
#
# Usage: publish-e2e.sh [ABIERTO_JAR]   (default: generator/cli/target/abierto.jar)
# PUBLISH_E2E_KEEP_TMP=1 keeps the temporary directory (printed at the end) for inspection.
#
# It never touches the machine's own services or /etc: every server runs in the foreground from a
# temporary directory and is stopped, and the directory removed, on exit, pass or fail.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
JAR=${1:-$ROOT/generator/cli/target/abierto.jar}
PUBLISH=$ROOT/site/publish/publish.sh
PREFIX=/transparencia/informe/
# Every page's policy has no 'script-src': no page runs a script. Only the search pages' own addresses
# add 'script-src self', for the search script and the index files it loads (docs/hosting/*.conf).
CSP="default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
SEARCH_CSP="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
SEARCH_PAGES='^(es/buscar|en/search)/(index\.html(\.gz)?)?$'
STARTED=$SECONDS

say() { printf 'publish-e2e: %s\n' "$*"; }
fail() { printf 'publish-e2e: FAIL: %s\n' "$*" >&2; exit 1; }

# --- Prerequisites ---------------------------------------------------------------------------------
missing=()
for tool in /usr/sbin/sshd ssh ssh-keygen rsync nginx /usr/sbin/apache2 curl jq openssl java pgrep; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[ ${#missing[@]} -eq 0 ] || fail "missing ${missing[*]}; on Debian: apt-get install openssh-server openssh-client rsync nginx apache2 curl jq openssl procps (.ci/run does it); or skip this test with -Dpublish.e2e.skip=true"
[ -f "$JAR" ] || fail "$JAR does not exist: build the CLI first (mvn -B package)"

# --- Temporary world, and its cleanup --------------------------------------------------------------
W=$(mktemp -d "${TMPDIR:-/tmp}/abierto-e2e.XXXXXX")
pids=()
cleanup() {
  local status=$?
  [ -z "${W:-}" ] || touch "$W/loop-stop" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ]; then
    for log in "$W"/logs/*.log; do
      [ -s "$log" ] || continue
      printf -- '--- last lines of %s\n' "${log#"$W"/}" >&2
      tail -n 15 "$log" >&2
    done
  fi
  if [ -n "${PUBLISH_E2E_KEEP_TMP:-}" ]; then say "kept $W"; else rm -rf "$W"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$W"/{build,logs,curl,loop}

# The host: sshd, nginx and Apache (host.sh, shared with the pipeline rehearsal).
# shellcheck source=host.sh # (beside this script; shellcheck runs with --source-path=SCRIPTDIR)
source "$ROOT/site/publish/test/host.sh"
host_start
say "sshd :$SSH_PORT, nginx :$NGINX (root :$NGINX_ROOT), Apache :$APACHE (root :$APACHE_ROOT) ready after $((SECONDS - STARTED)) s"

# --- Two versions of the site --------------------------------------------------------------------
BASE_URL="https://127.0.0.1:$NGINX$PREFIX"
# Through the launcher beside the jar when `mvn package` wrote it (Unix), as editors run it; so CI runs it too.
LAUNCHER=$(dirname "$JAR")/abierto
abierto() { if [ -x "$LAUNCHER" ]; then "$LAUNCHER" "$@"; else java -jar "$JAR" "$@"; fi; }
if [ -x "$LAUNCHER" ]; then say "builds with $LAUNCHER"; else say "builds with java -jar $JAR"; fi
# As the pipelines build for publishing: --strict, for the public address, with .gz copies.
build() {  # CONTENT OUT
  abierto build --content "$1" --templates "$ROOT/templates" --out "$2" \
    --base-url "$BASE_URL" --strict --gzip > "$W/logs/build.log" 2>&1 || fail "the build of $1 failed (logs/build.log)"
}
build "$ROOT/content" "$W/build/v1"
# Version 2: one Markdown page changed, and a CSV data file added (its type is checked too).
cp -R "$ROOT/content" "$W/content2"
changed_md=$(find "$W/content2/es" -name '*.md' ! -name '_index.md' | LC_ALL=C sort | head -n 1)
[ -n "$changed_md" ] || fail "content/es has no page to change"
printf '\nPárrafo añadido por la prueba de publicación.\n' >> "$changed_md"
# An editor who changes an original updates its translation and marks it, or --strict refuses the build.
abierto translations --content "$W/content2" --templates "$ROOT/templates" --mark --all > "$W/logs/mark.log" 2>&1 \
  || fail "marking the translations of version 2 failed (logs/mark.log)"
mkdir -p "$W/content2/static/datos"
printf 'institucion,ejemplares\nprueba,1\n' > "$W/content2/static/datos/prueba-de-publicacion.csv"
build "$W/content2" "$W/build/v2"

# manifest entries as "path sha256" lines, the manifest itself included
entries() {
  jq -r '.files[] | "\(.path) \(.sha256)"' "$1/abierto-manifest.json"
  printf 'abierto-manifest.json %s\n' "$(sha256sum < "$1/abierto-manifest.json" | cut -d' ' -f1)"
}
declare -A SUM1 SUM2
while read -r p s; do SUM1[$p]=$s; done < <(entries "$W/build/v1")
while read -r p s; do SUM2[$p]=$s; done < <(entries "$W/build/v2")
changed=()
for p in "${!SUM1[@]}"; do
  [ -n "${SUM2[$p]:-}" ] || fail "$p is in version 1 but not in version 2"
  [ "${SUM1[$p]}" = "${SUM2[$p]}" ] || changed+=("$p")
done
changed_page=""
for p in "${changed[@]}"; do [[ $p == *.html && $p != *404.html ]] && changed_page=$p && break; done
[ -n "$changed_page" ] || fail "changing ${changed_md#"$W"/content2/} changed no page"
say "built two versions in $((SECONDS - STARTED)) s; ${#changed[@]} files differ, e.g. $changed_page"

PUBLISH_ARGS=(--host 127.0.0.1 --port "$SSH_PORT" --user "$(id -un)" --dir "$W/server"
  --key "$W/ssh/deploy_ed25519" --known-hosts "$W/ssh/known_hosts" --keep 2)
publish() { "$PUBLISH" "${PUBLISH_ARGS[@]}" "$@"; }
server_snapshot() { (cd "$W/server" && find . -printf '%p %y %i %s %T@ %l\n' | LC_ALL=C sort); }

# --- HTTP checks ---------------------------------------------------------------------------------
problems=()
problem() { problems+=("$*"); }

# Fetches every URL of the list "NAME URL [HEADER]" on standard input with one curl (one
# connection), then reads the responses into STATUS[NAME], HEADER[NAME|lower-case name] and
# BODY_SUM[NAME] (sha256 of the body). Bash builtins only per response: hundreds of them stay fast.
declare -A STATUS HEADER BODY_SUM
fetch_all() {
  local name url header line key sum file first=true
  rm -f "$W"/curl/*
  STATUS=() HEADER=() BODY_SUM=()
  while read -r name url header; do
    $first || printf 'next\n'
    first=false
    printf 'url = "%s"\noutput = "%s"\ndump-header = "%s"\n' "$url" "$W/curl/$name.body" "$W/curl/$name.head"
    printf 'cacert = "%s"\nsilent\nshow-error\nmax-time = 20\n' "$W/tls/cert.pem"
    [ -z "$header" ] || printf 'header = "%s"\n' "$header"
  done > "$W/curl.config"
  curl -K "$W/curl.config" 2> "$W/curl.errors" || true
  while read -r sum file; do
    name=${file##*/}; BODY_SUM[${name%.body}]=$sum
  done < <(cd "$W/curl" && sha256sum -- *.body 2>/dev/null)
  for file in "$W"/curl/*.head; do
    [ -e "$file" ] || continue
    name=${file##*/}; name=${name%.head}
    { read -r _ "STATUS[$name]" _
      while IFS= read -r line; do
        line=${line%$'\r'}
        [[ $line == *:* ]] || continue
        key=${line%%:*}; line=${line#*:}; line=${line# }
        HEADER["$name|${key,,}"]=$line
      done
    } < "$file"
  done
}
expected_type() {
  case $1 in
    *.html) echo 'text/html; charset=utf-8' ;;
    *.css) echo 'text/css; charset=utf-8' ;;
    *.json) echo 'application/json; charset=utf-8' ;;
    *.jsonld) echo 'application/ld+json; charset=utf-8' ;;
    *.csv) echo 'text/csv; charset=utf-8' ;;
    *.js) echo 'text/javascript; charset=utf-8|application/javascript; charset=utf-8' ;;   # RFC 9239's, and nginx's older name
    *.svg) echo 'image/svg+xml; charset=utf-8' ;;
    *.txt) echo 'text/plain; charset=utf-8' ;;
    *.xml) echo 'text/xml; charset=utf-8|application/xml; charset=utf-8' ;;   # both are XML's
    *.jpg|*.jpeg) echo 'image/jpeg' ;;
    *.png) echo 'image/png' ;;
    *.pdf) echo 'application/pdf' ;;
    *.zip) echo 'application/zip' ;;   # the offline copy (issue 17): in both servers' own tables
    *.gz) echo '' ;;   # fetched as they are here; check_gzip checks their use
    *) echo unknown ;;
  esac
}
check_security_headers() {  # NAME LABEL PATH (in the site, for the policy it must have)
  local csp=${HEADER[$1|content-security-policy]:-} want=$CSP
  [[ ! ${3:-} =~ $SEARCH_PAGES ]] || want=$SEARCH_CSP
  [ "$csp" = "$want" ] || problem "$2: Content-Security-Policy is '$csp', expected '$want'"
  [ "${HEADER[$1|x-content-type-options]:-}" = nosniff ] || problem "$2: no X-Content-Type-Options: nosniff"
  [ "${HEADER[$1|referrer-policy]:-}" = no-referrer ] || problem "$2: Referrer-Policy is '${HEADER[$1|referrer-policy]:-}'"
  [ -n "${HEADER[$1|strict-transport-security]:-}" ] || problem "$2: no Strict-Transport-Security"
}
declare -A SUM_OF   # manifest sha256 by path, of the build being checked
load_entries() { local p s; SUM_OF=(); while read -r p s; do SUM_OF[$p]=$s; done < <(entries "$1"); }

# Every file of the manifest, and each page at its pretty address too, from the server at BASE.
check_every_file() {  # LABEL BASE
  local label=$1 base=$2 i=0 p name want cache type
  local -A path_of=()
  for p in "${!SUM_OF[@]}"; do
    i=$((i + 1)); path_of[f$i]=$p; printf 'f%s %s%s\n' "$i" "$base" "$p"
    if [[ $p == index.html || $p == */index.html ]]; then
      path_of[d$i]=$p; printf 'd%s %s%s\n' "$i" "$base" "${p%index.html}"
    fi
  done > "$W/urls"
  fetch_all < "$W/urls"
  for name in "${!path_of[@]}"; do
    p=${path_of[$name]}
    local what="$label ${name:0:1}=$p"
    [ "${STATUS[$name]:-}" = 200 ] || { problem "$what: status ${STATUS[$name]:-none}"; continue; }
    [ "${BODY_SUM[$name]:-}" = "${SUM_OF[$p]}" ] || problem "$what: body differs from the manifest's sha256"
    want=$(expected_type "$p")
    type=${HEADER[$name|content-type]:-}
    [ "$want" != unknown ] || problem "$what: no expected Content-Type for this kind of file; add it to the test and to docs/hosting"
    [ -z "$want" ] || [[ "|$want|" == *"|${type,,}|"* ]] || problem "$what: Content-Type '$type', expected '$want'"
    [[ $p == *.gz || -z ${HEADER[$name|content-encoding]:-} ]] || problem "$what: Content-Encoding although the request did not accept gzip"
    if [[ $name == d* ]]; then check_security_headers "$name" "$what" "${p%index.html}"; else check_security_headers "$name" "$what" "$p"; fi
    cache=${HEADER[$name|cache-control]:-}
    if [[ $p =~ ^assets/.+\.[0-9a-f]{10}\.[a-z0-9]+$ ]]; then
      [[ $cache == *max-age=31536000* && $cache == *immutable* ]] || problem "$what: fingerprinted asset with Cache-Control '$cache'"
    elif [[ $p == *.html || $p == abierto-manifest.json ]]; then
      [ "$cache" = no-cache ] || problem "$what: Cache-Control '$cache', expected no-cache"
    fi
  done
  # No inline script or style in any page: the Content-Security-Policy would block it. JSON-LD data
  # blocks (<script type="application/ld+json">) are data, never run: the CSP allows them; so is an
  # empty <script src> of the site's own on a search page, the only pages whose policy has 'script-src'.
  local inline scripted
  inline=$(cd "$W/curl" && { grep -Pil '<script(?! type="application/ld\+json">)(?! src="[^"]+"( defer)?></script>)|<style|[[:space:]]style[[:space:]]*=|javascript:' -- *.body || true; })
  for name in $inline; do
    name=${name%.body}
    [[ ${path_of[$name]} != *.html ]] || problem "$label ${path_of[$name]}: inline script or style"
  done
  scripted=$(cd "$W/curl" && { grep -Pil '<script src=' -- *.body || true; })
  for name in $scripted; do
    name=${name%.body}
    [[ ${path_of[$name]} != *.html || ${path_of[$name]} =~ $SEARCH_PAGES ]] \
      || problem "$label ${path_of[$name]}: a script on a page whose policy has no 'script-src'"
  done
  say "$label: ${#path_of[@]} responses checked"
}

# Missing pages: status 404 with the 404 page of their language; a folder without its slash.
check_errors() {  # LABEL BASE BUILD_DIR
  local label=$1 base=$2 folder name want
  folder=$(cd "$3" && find es -mindepth 2 -name index.html | LC_ALL=C sort | head -n 1)
  folder=${folder%/index.html}
  fetch_all < <(printf '%s\n' "en ${base}en/nope/" "es ${base}es/no-existe/" "root ${base}nope/" "slash $base$folder")
  for name in en es root; do
    if [ "$name" = root ]; then want=404.html; else want=$name/404.html; fi
    [ "${STATUS[$name]:-}" = 404 ] || problem "$label $name/…: status ${STATUS[$name]:-none}, expected 404"
    [ "${BODY_SUM[$name]:-}" = "${SUM_OF[$want]}" ] || problem "$label $name/…: the body is not $want"
    check_security_headers "$name" "$label $name/…" "$want"
  done
  [[ ${STATUS[slash]:-} == 301 && ${HEADER[slash|location]:-} == *"$folder/" ]] \
    || problem "$label $folder (no slash): status ${STATUS[slash]:-none}, Location '${HEADER[slash|location]:-}'"
}

# A gzip-accepting client gets the precompressed copy byte for byte, with the type of the
# original and "Vary: Accept-Encoding".
check_gzip() {  # LABEL BASE BUILD_DIR
  local label=$1 base=$2 css name p
  css=$(cd "$3" && ls assets/*.css)
  fetch_all < <(printf '%s\n' "page ${base}es/ Accept-Encoding: gzip" "css $base$css Accept-Encoding: gzip" \
    "search ${base}en/search/ Accept-Encoding: gzip")
  # The search page's precompressed copy keeps the search page's policy.
  [ "${HEADER[search|content-encoding]:-}" = gzip ] || problem "$label gzip en/search/: no Content-Encoding: gzip"
  check_security_headers search "$label gzip en/search/" en/search/
  for name in page css; do
    if [ "$name" = page ]; then p=es/index.html; else p=$css; fi
    [ "${STATUS[$name]:-}" = 200 ] || problem "$label gzip $p: status ${STATUS[$name]:-none}"
    [ "${HEADER[$name|content-encoding]:-}" = gzip ] || problem "$label gzip $p: no Content-Encoding: gzip"
    [ "${BODY_SUM[$name]:-}" = "${SUM_OF[$p.gz]}" ] || problem "$label gzip $p: the body is not $p.gz"
    local type=${HEADER[$name|content-type]:-}
    [ "${type,,}" = "$(expected_type "$p")" ] || problem "$label gzip $p: Content-Type '$type'"
    [[ ${HEADER[$name|vary]:-} == *Accept-Encoding* ]] || problem "$label gzip $p: no Vary: Accept-Encoding"
  done
}

check_redirect_to_https() {  # LABEL HTTP_PORT
  fetch_all < <(printf '%s\n' "plain http://127.0.0.1:$2${PREFIX}es/")
  [[ ${STATUS[plain]:-} == 301 && ${HEADER[plain|location]:-} == https://127.0.0.1*"${PREFIX}es/" ]] \
    || problem "$1 http: status ${STATUS[plain]:-none}, Location '${HEADER[plain|location]:-}', expected a redirect to https"
}

check_served() {  # BUILD_DIR
  load_entries "$1"
  [[ -n ${SUM_OF[es/buscar/index.html]:-} && -n ${SUM_OF[en/search/index.html]:-} ]] \
    || problem "the build has no es/buscar/index.html or en/search/index.html: update SEARCH_PAGES here and in docs/hosting"
  check_every_file "nginx" "https://127.0.0.1:$NGINX$PREFIX"
  check_every_file "Apache" "https://127.0.0.1:$APACHE$PREFIX"
  check_every_file "nginx at /" "https://127.0.0.1:$NGINX_ROOT/"
  check_every_file "Apache at /" "https://127.0.0.1:$APACHE_ROOT/"
  check_errors nginx "https://127.0.0.1:$NGINX$PREFIX" "$1"
  check_errors Apache "https://127.0.0.1:$APACHE$PREFIX" "$1"
  check_errors "nginx at /" "https://127.0.0.1:$NGINX_ROOT/" "$1"
  check_errors "Apache at /" "https://127.0.0.1:$APACHE_ROOT/" "$1"
  check_gzip nginx "https://127.0.0.1:$NGINX$PREFIX" "$1"
  check_gzip Apache "https://127.0.0.1:$APACHE$PREFIX" "$1"
  check_redirect_to_https nginx "$NGINX_HTTP"
  check_redirect_to_https Apache "$APACHE_HTTP"
  if [ ${#problems[@]} -gt 0 ]; then
    printf "  %s\n" "${problems[@]}" | head -n 200 >&2
    fail "${#problems[@]} problems in what the servers send (above)"
  fi
}

# Crawls the site from its root under the sub-path, as a visitor would, following every link, stylesheet
# and image on the same server: no link may be broken, and every page must be reached.
check_crawl() {  # BUILD_DIR
  local log="$W/logs/crawl.log" pages reached
  (cd "$W" && wget --spider --recursive --level=inf --no-parent --no-verbose --ca-certificate="$W/tls/cert.pem" \
    --output-file="$log" "https://127.0.0.1:$NGINX$PREFIX") || true
  grep -q 'Found no broken links' "$log" || { grep -iE 'broken|404' "$log" | head -20 >&2; fail "the crawl from $PREFIX found broken links (logs/crawl.log)"; }
  pages=$(cd "$1" && find . -name '*.html' ! -name '404.html' | wc -l)
  # wget logs a page it parsed as "URL:<address> [size/size] -> …", another file as "URL: <address> 200 OK".
  reached=$(grep -cE 'URL: ?https?://[^ ]*(/|\.html)( 200 OK| \[)' "$log" || true)
  [ "$reached" -ge "$pages" ] || fail "the crawl reached $reached pages, the build has $pages"
  say "crawl from $PREFIX: $reached pages and files reached by following links, no broken link"
}

# Which version of PATH nginx and Apache send: 1, 2 or "?".
served_version() {  # PATH
  fetch_all < <(printf '%s\n' "n https://127.0.0.1:$NGINX$PREFIX$1" "a https://127.0.0.1:$APACHE$PREFIX$1")
  local n=${BODY_SUM[n]:-} a=${BODY_SUM[a]:-}
  if [ "$n" != "$a" ]; then echo "?"
  elif [ "$n" = "${SUM1[$1]}" ]; then echo 1
  elif [ "$n" = "${SUM2[$1]}" ]; then echo 2
  else echo "?"
  fi
}

# --- 1. Refusals: an unknown host key, a build that does not match its manifest -----------------
before=$(server_snapshot)
if out=$("$PUBLISH" --host 127.0.0.1 --port "$SSH_PORT" --user "$(id -un)" --dir "$W/server" \
    --key "$W/ssh/deploy_ed25519" --known-hosts "$W/ssh/wrong_known_hosts" publish "$W/build/v1" 2>&1); then
  fail "publish trusted a server whose host key is not the pinned one"
fi
[[ $out == *"cannot reach"* ]] || fail "a wrong host key gave no clear message: $out"
cp -R "$W/build/v1" "$W/build/tampered"
printf 'x' >> "$W/build/tampered/$changed_page"
if out=$(publish publish "$W/build/tampered" 2>&1); then fail "publish uploaded a build that does not match its manifest"; fi
[[ $out == *"does not match its abierto-manifest.json"* && $out == *"$changed_page"* ]] || fail "a tampered build gave no clear message: $out"
[ "$before" = "$(server_snapshot)" ] || fail "a refused publish changed the server"
# Folder names are data, whatever they hold: the local check passes, and no part of a name runs.
# (The server refuses the connection: only the local side is under test here.) HOSTILE, the
# hardest, is published for real in part 2.
HOSTILE="it's \$(touch PWNED) \`touch PWNED\` \"a\\b\"; "$'\n'"touch PWNED; x"
mkdir -p "$W/names"
for name in "x'; touch PWNED; '" "sp ace" "-dash" "$HOSTILE"; do
  cp -R "$W/build/v1" "$W/names/$name"
  out=$(cd "$W/names" && "$PUBLISH" "${PUBLISH_ARGS[@]}" --known-hosts "$W/ssh/wrong_known_hosts" publish -- "$name" 2>&1) || true
  [[ $out == *"$name: ${#SUM1[@]} files match abierto-manifest.json"* && $out == *"cannot reach"* ]] \
    || fail "the build in the folder '$name' was not checked as it is: $out"
done
[ -z "$(find "$W" -name 'PWNED*')" ] || fail "a folder name ran as shell code: $(find "$W" -name 'PWNED*')"
# Values that reach the server's shell are refused unless they are what they say (exit 2, before
# any connection); no option value runs either.
bad_values=(--dir "$W/server';touch $W/PWNED-dir;'" --dir "$W/server/\$(touch PWNED-dir)"
  --release-id "x';touch $W/PWNED-id;'" --release-id "x\$(touch PWNED-id)" --release-id "x.partial"
  --keep "2;touch $W/PWNED-keep" --lock-wait "\$(touch $W/PWNED-wait)" --port "22 -oProxyCommand=touch")
for ((i = 0; i < ${#bad_values[@]}; i += 2)); do
  status=0; out=$(cd "$W/names" && publish "${bad_values[i]}" "${bad_values[i + 1]}" publish "$W/build/v1" 2>&1) || status=$?
  [[ $status == 2 && $out == *"${bad_values[i]} '${bad_values[i + 1]}'"* ]] \
    || fail "${bad_values[i]} '${bad_values[i + 1]}' was not refused as wrong usage (exit $status): $out"
done
status=0; out=$(cd "$W/names" && publish rollback "x';touch $W/PWNED-rollback;'" 2>&1) || status=$?
[[ $status == 2 && $out == *"is not a release id"* ]] || fail "rollback took a hostile release id (exit $status): $out"
# A TMPDIR that ssh's configuration cannot name is refused, and the temporary folder removed.
mkdir -p "$W/tmp%odd"
if out=$(TMPDIR="$W/tmp%odd" publish list 2>&1); then fail "publish ran with a TMPDIR holding %"; fi
[[ $out == *"set TMPDIR to another folder"* ]] || fail "a TMPDIR holding % gave no clear message: $out"
[ -z "$(ls -A "$W/tmp%odd")" ] || fail "a refused TMPDIR kept the temporary folder: $(ls -A "$W/tmp%odd")"
[ -z "$(find "$W" -name 'PWNED*')" ] || fail "an option value ran as shell code: $(find "$W" -name 'PWNED*')"
[ "$before" = "$(server_snapshot)" ] || fail "a refused publish changed the server"
say "folder names with quotes, \$(), backquotes and a newline are data; hostile option values refused"
# A transfer gone wrong: rsync works, then one byte of the upload changes on the "server".
mkdir -p "$W/bin"
cat > "$W/bin/rsync" <<EOF
#!/bin/sh
$(command -v rsync) "\$@" || exit
for f in "$W"/server/releases/*.partial/index.html; do [ -f "\$f" ] && printf x >> "\$f"; done
exit 0
EOF
chmod 755 "$W/bin/rsync"
if out=$(PATH="$W/bin:$PATH" publish publish "$W/build/v1" 2>&1); then fail "publish made a corrupted upload current"; fi
[[ $out == *"size differs from the manifest: index.html"* && $out == *"the served site is unchanged"* ]] \
  || fail "a corrupted upload gave no clear message: $out"
[ ! -e "$W/server/current" ] || fail "a corrupted upload was made current"
say "refused an unknown host key, a tampered build and a corrupted upload; nothing served"

# --- 2. First publication, then every file over HTTP ---------------------------------------------
# From the folder whose name holds every kind of quote and a newline: the upload takes it as it is.
(cd "$W/names" && publish publish -- "$HOSTILE") > "$W/logs/publish-1.log" 2>&1 || { cat "$W/logs/publish-1.log" >&2; fail "the first publish failed"; }
[ -z "$(find "$W" -name 'PWNED*')" ] || fail "a folder name ran as shell code: $(find "$W" -name 'PWNED*')"
grep -q 'removing releases/.*[.]partial, left by an interrupted upload' "$W/logs/publish-1.log" || fail "publish did not remove the corrupted upload"
R1=$(publish list 2>&1 | sed -n 's/  (current)$//p')
[[ $R1 =~ ^[0-9]{8}T[0-9]{6}Z$ ]] || fail "the default release id '$R1' is not a UTC time"
check_served "$W/build/v1"
say "version 1 served completely and correctly by all four servers ($((SECONDS - STARTED)) s)"
check_crawl "$W/build/v1"

# --- 3. Dry run: shows the change, changes nothing ------------------------------------------------
before=$(server_snapshot)
# With a TMPDIR holding a space and an apostrophe: rsync's ssh command must still find its configuration.
SPACED_TMP="$W/tmp a'b"
mkdir -p "$SPACED_TMP"
TMPDIR=$SPACED_TMP publish publish --dry-run --release-id "$R1-2" "$W/build/v2" > "$W/logs/dry-run.log" 2>&1 || { cat "$W/logs/dry-run.log" >&2; fail "the dry run failed"; }
grep -q "^<f.* $changed_page\$" "$W/logs/dry-run.log" || fail "the dry run does not show that $changed_page changes"
! grep -q " assets/" "$W/logs/dry-run.log" || fail "the dry run lists unchanged theme files as changes"
[ "$before" = "$(server_snapshot)" ] || fail "the dry run changed the server"
[ -z "$(ls -A "$SPACED_TMP")" ] || fail "the dry run left files in TMPDIR: $(ls -A "$SPACED_TMP")"

# --- 4. Second publication while requests run: the switch is atomic -------------------------------
# Workers fetch every file both versions share, over and over, from nginx and Apache, and log the
# status and sha256 of each response. The test waits for each worker's first round before the
# switch and for a full round after it: both versions are seen, whatever the machine's speed.
mapfile -t shared < <(printf '%s\n' "${!SUM1[@]}" | LC_ALL=C sort)
worker() {  # ID BASE
  local base=$2 dir=$W/loop/$1 round=0 i sum file code
  mkdir -p "$dir"
  for i in "${!shared[@]}"; do
    [ "$i" = 0 ] || printf 'next\n'
    printf 'url = "%s%s"\noutput = "%s/%s.body"\ncacert = "%s"\nsilent\nshow-error\nmax-time = 20\nwrite-out = "%s %%{http_code}\\n"\n' \
      "$base" "${shared[$i]}" "$dir" "$i" "$W/tls/cert.pem" "$i"
  done > "$dir/config"
  local -A sums
  while [ ! -e "$W/loop-stop" ]; do
    round=$((round + 1))
    rm -f "$dir"/*.body
    curl -K "$dir/config" > "$dir/status" 2> "$dir/curl-errors" || echo "round $round: curl exit $?" >> "$dir/errors"
    sums=()
    while read -r sum file; do sums[${file%.body}]=$sum; done < <(cd "$dir" && sha256sum -- *.body 2>/dev/null)
    while read -r i code; do
      printf '%s %s %s %s\n' "$round" "${shared[$i]}" "$code" "${sums[$i]:-none}"
    done < "$dir/status" >> "$dir/log"
    echo "$round" > "$dir/rounds.tmp" && mv "$dir/rounds.tmp" "$dir/rounds"
  done
}
workers=(n1 n2 a1 a2)
worker n1 "https://127.0.0.1:$NGINX$PREFIX" & pids+=($!)
worker n2 "https://127.0.0.1:$NGINX$PREFIX" & pids+=($!)
worker a1 "https://127.0.0.1:$APACHE$PREFIX" & pids+=($!)
worker a2 "https://127.0.0.1:$APACHE$PREFIX" & pids+=($!)
rounds() { cat "$W/loop/$1/rounds" 2>/dev/null || echo 0; }
all_rounds_at_least() {  # N, or "+" to compare with the rounds recorded in START_ROUNDS
  local w
  for w in "${workers[@]}"; do [ "$(rounds "$w")" -ge "$((${START_ROUNDS[$w]:-0} + $1))" ] || return 1; done
}
declare -A START_ROUNDS=()
wait_until 60 all_rounds_at_least 1 || fail "the request loops did not complete a round"
TMPDIR=$SPACED_TMP publish publish --release-id "$R1-2" "$W/build/v2" > "$W/logs/publish-2.log" 2>&1 || { cat "$W/logs/publish-2.log" >&2; fail "the second publish failed"; }
for w in "${workers[@]}"; do START_ROUNDS[$w]=$(rounds "$w"); done
wait_until 60 all_rounds_at_least 2 || fail "the request loops stalled after the switch"
touch "$W/loop-stop"
for _ in "${workers[@]}"; do wait "${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'; done
rm -f "$W/loop-stop"
total=0; seen1=0; seen2=0
for w in "${workers[@]}"; do
  [ ! -s "$W/loop/$w/errors" ] || problem "worker $w: $(head -n 3 "$W/loop/$w/errors")"
  while read -r round p code sum; do
    total=$((total + 1))
    if [ "$code" != 200 ]; then problem "worker $w round $round: $p answered $code"
    elif [ "$sum" != "${SUM1[$p]}" ] && [ "$sum" != "${SUM2[$p]}" ]; then problem "worker $w round $round: $p is a file of neither release"
    fi
    if [ "$p" = "$changed_page" ]; then
      [ "$sum" = "${SUM1[$p]}" ] && seen1=$((seen1 + 1))
      [ "$sum" = "${SUM2[$p]}" ] && seen2=$((seen2 + 1))
    fi
  done < "$W/loop/$w/log"
done
if [ ${#problems[@]} -gt 0 ]; then
  printf '  %s\n' "${problems[@]}" | head -n 20 >&2
  fail "${#problems[@]} bad responses while switching releases: the switch is not atomic"
fi
[[ $seen1 -gt 0 && $seen2 -gt 0 ]] || fail "the request loops did not run through the switch (version 1 seen $seen1 times, version 2 $seen2 times)"
say "switch to version 2 atomic: $total responses during the publication, all complete files of one release ($seen1 × v1, $seen2 × v2 of $changed_page)"
[ "$(readlink "$W/server/current" || true)" = "releases/$R1-2" ] || fail "current is not a symlink to releases/$R1-2"
# The old release was never touched, and unchanged files were hard-linked, not sent again.
(cd "$W/server/releases/$R1" && sha256sum --quiet -c <(entries "$W/build/v1" | awk '{ print $2 "  " $1 }')) || fail "publishing version 2 changed release $R1"
css=$(cd "$W/build/v1" && ls assets/*.css)
[ "$(stat -c %i "$W/server/releases/$R1/$css")" = "$(stat -c %i "$W/server/releases/$R1-2/$css")" ] || fail "$css was uploaded again instead of hard-linked to the previous release"
check_served "$W/build/v2"
say "version 2 served completely and correctly ($((SECONDS - STARTED)) s)"

# --- 5. Rollback, keep-N, and the edges --------------------------------------------------------
publish rollback > "$W/logs/rollback.log" 2>&1 || { cat "$W/logs/rollback.log" >&2; fail "rollback failed"; }
[ "$(served_version "$changed_page")" = 1 ] || fail "after rollback the servers do not send version 1 of $changed_page"
if out=$(publish publish --release-id "$R1-1" "$W/build/v2" 2>&1); then fail "publish accepted a release id that sorts before the newest release"; fi
[[ $out == *"must sort after the newest release"* ]] || fail "an out-of-order release id gave no clear message: $out"
publish publish --release-id "$R1-3" "$W/build/v2" > "$W/logs/publish-3.log" 2>&1 || { cat "$W/logs/publish-3.log" >&2; fail "the third publish failed"; }
[ "$(served_version "$changed_page")" = 2 ] || fail "after the third publish the servers do not send version 2"
kept=$(cd "$W/server/releases" && printf '%s ' *)
[ "$kept" = "$R1-2 $R1-3 " ] || fail "--keep 2 kept: $kept"
[ "$(publish list 2>&1)" = "$R1-2"$'\n'"$R1-3  (current)" ] || fail "list shows: $(publish list 2>&1)"
publish rollback > "$W/logs/rollback-2.log" 2>&1 || fail "the second rollback failed"
[ "$(readlink "$W/server/current" || true)" = "releases/$R1-2" ] || fail "rollback did not return to $R1-2"
if out=$(publish rollback 2>&1); then fail "rollback past the oldest kept release succeeded"; fi
[[ $out == *"no release older than $R1-2"* ]] || fail "rollback past the oldest release gave no clear message: $out"
[ "$(readlink "$W/server/current" || true)" = "releases/$R1-2" ] || fail "a refused rollback changed current"
say "rollback, keep 2, release order and list work"

# --- 6. Two publishes at once: one at a time, under the server's lock --------------------------------
# A blocking rsync: uploads, then holds the publish between its upload and its check until the test
# creates block/go (at most 60 s, so that a failing test cannot hang).
mkdir -p "$W/bin-block" "$W/block"
cat > "$W/bin-block/rsync" <<EOF
#!/bin/sh
$(command -v rsync) "\$@" || exit
touch "$W/block/started"
i=0
while [ ! -e "$W/block/go" ] && [ \$i -lt 1200 ]; do sleep 0.05; i=\$((i + 1)); done
EOF
chmod 755 "$W/bin-block/rsync"
started() { [ -e "$W/block/started" ]; }
says() { grep -q -- "$2" "$1" 2>/dev/null; }   # LOG TEXT
gone() { ! kill -0 "$1" 2>/dev/null; }
# The release on the server holds exactly the files of BUILD_DIR's manifest, byte for byte.
release_is() {  # RELEASE BUILD_DIR
  local rel=$W/server/releases/$1
  [ -d "$rel" ] || return 1
  [ "$(cd "$rel" && find . ! -type d -printf '%P\n' | LC_ALL=C sort)" = "$(entries "$2" | cut -d' ' -f1 | LC_ALL=C sort)" ] || return 1
  (cd "$rel" && sha256sum --quiet --strict -c <(entries "$2" | awk '{ print $2 "  " $1 }')) > /dev/null 2>&1
}
# What a publish leaves on this machine when it ends: nothing. Its TMPDIR is empty, and no process
# (the ssh master above all) names it any more.
nothing_runs() { ! pgrep -f -- "$1" > /dev/null; }   # PATTERN
left_nothing() {  # TMPDIR LABEL
  [ -z "$(ls -A "$1")" ] || fail "$2 left files in its TMPDIR: $(ls -A "$1")"
  # ssh -O exit asks the master to end; it may take a moment to do so.
  wait_until 5 nothing_runs "$1" || fail "$2 left processes running: $(pgrep -af -- "$1" | cut -c1-160)"
}
# A: publishes version 1 and is held after its upload.
PATH="$W/bin-block:$PATH" "$PUBLISH" "${PUBLISH_ARGS[@]}" --release-id "$R1-4" publish "$W/build/v1" > "$W/logs/concurrent-a.log" 2>&1 &
a=$!; pids+=("$a")
wait_until 60 started || fail "publish A did not reach its upload: $(cat "$W/logs/concurrent-a.log")"
# C, while A holds the lock, with --lock-wait 0: refused at once, A's upload untouched.
status=0; out=$(publish --lock-wait 0 --release-id "$R1-5" publish "$W/build/v2" 2>&1) || status=$?
[[ $status == 1 && $out == *"another publish or rollback is running"*"publish of release $R1-4"* ]] \
  || fail "a publish while another runs, with --lock-wait 0, was not refused clearly (exit $status): $out"
[ -d "$W/server/releases/$R1-4.partial" ] || fail "a refused publish removed the upload of the running one"
# W: waits for the lock, and is interrupted (SIGINT, as Ctrl-C) while it waits.
mkdir -p "$W/tmp-int"
TMPDIR="$W/tmp-int" env --default-signal=INT "$PUBLISH" "${PUBLISH_ARGS[@]}" --release-id "$R1-5" publish "$W/build/v2" > "$W/logs/concurrent-w.log" 2>&1 &
w=$!; pids+=("$w")
wait_until 60 says "$W/logs/concurrent-w.log" "waiting up to" || fail "publish W did not wait for the lock: $(cat "$W/logs/concurrent-w.log")"
kill -INT "$w"
wait_until 15 gone "$w" || fail "publish W did not stop within 15 s of SIGINT"
status=0; wait "$w" || status=$?
[ "$status" = 130 ] || fail "publish W, interrupted, exited with $status instead of 130: $(cat "$W/logs/concurrent-w.log")"
left_nothing "$W/tmp-int" "an interrupted publish"
# B: waits for A, then publishes version 2.
"$PUBLISH" "${PUBLISH_ARGS[@]}" --release-id "$R1-5" publish "$W/build/v2" > "$W/logs/concurrent-b.log" 2>&1 &
b=$!; pids+=("$b")
wait_until 60 says "$W/logs/concurrent-b.log" "waiting up to" || fail "publish B did not wait for the lock: $(cat "$W/logs/concurrent-b.log")"
[ -d "$W/server/releases/$R1-4.partial" ] || fail "a waiting publish removed the upload of the running one"
touch "$W/block/go"
status=0; wait "$a" || status=$?
[ "$status" = 0 ] || { cat "$W/logs/concurrent-a.log" >&2; fail "publish A failed (exit $status) while B waited"; }
status=0; wait "$b" || status=$?
[ "$status" = 0 ] || { cat "$W/logs/concurrent-b.log" >&2; fail "publish B failed (exit $status) after waiting for A"; }
! says "$W/logs/concurrent-b.log" "interrupted upload" || fail "publish B removed an upload: $(cat "$W/logs/concurrent-b.log")"
[ "$(readlink "$W/server/current" || true)" = "releases/$R1-5" ] || fail "after A then B, current is $(readlink "$W/server/current")"
release_is "$R1-4" "$W/build/v1" || fail "release $R1-4 (A) is not version 1 complete"
release_is "$R1-5" "$W/build/v2" || fail "release $R1-5 (B) is not version 2 complete"
say "two publishes at once ran one after the other (one refused with --lock-wait 0, one interrupted while waiting); both releases complete"

# --- 7. A publish killed (SIGTERM) during its upload cleans up after itself -----------------------------
rm -f "$W/block/started" "$W/block/go"
mkdir -p "$W/tmp kill"
TMPDIR="$W/tmp kill" PATH="$W/bin-block:$PATH" env --default-signal=TERM "$PUBLISH" "${PUBLISH_ARGS[@]}" --release-id "$R1-6" publish "$W/build/v1" > "$W/logs/killed.log" 2>&1 &
k=$!; pids+=("$k")
wait_until 60 started || fail "the publish to kill did not reach its upload: $(cat "$W/logs/killed.log")"
pgrep -f -- "$W/tmp kill" > /dev/null || fail "the test found no process of the publish to kill (is pgrep -f still the way to find its ssh master?)"
kill -TERM "$k"
wait_until 15 gone "$k" || fail "a publish did not stop within 15 s of SIGTERM"
status=0; wait "$k" || status=$?
[ "$status" = 143 ] || fail "a publish killed with SIGTERM exited with $status: $(cat "$W/logs/killed.log")"
wait_until 5 nothing_runs "$W/bin-block" || fail "the killed publish left its rsync running"
left_nothing "$W/tmp kill" "a publish killed with SIGTERM"
[ "$(readlink "$W/server/current" || true)" = "releases/$R1-5" ] || fail "a killed publish changed current"
# Its lock went with it: the next publish needs no wait, and removes the partial upload.
publish --lock-wait 0 --release-id "$R1-7" publish "$W/build/v2" > "$W/logs/after-kill.log" 2>&1 \
  || { cat "$W/logs/after-kill.log" >&2; fail "the publish after a killed one failed"; }
says "$W/logs/after-kill.log" "removing releases/$R1-6.partial, left by an interrupted upload" || fail "the partial upload of the killed publish was not removed"
# Killed (SIGHUP, a closed terminal) while connecting, just after ssh has started the shared
# connection and before it returned: that connection must be closed too. An ssh that pauses after
# starting it holds the publish in that moment.
rm -f "$W/block/started" "$W/block/go"
mkdir -p "$W/bin-connect" "$W/tmp connect"
cat > "$W/bin-connect/ssh" <<EOF
#!/bin/sh
$(command -v ssh) "\$@" || exit
case " \$* " in
  *" ControlMaster=yes "*)
    touch "$W/block/started"
    i=0
    while [ ! -e "$W/block/go" ] && [ \$i -lt 1200 ]; do sleep 0.05; i=\$((i + 1)); done ;;
esac
EOF
chmod 755 "$W/bin-connect/ssh"
# With SIGHUP at its default, as a terminal's shell starts a command: a test started under nohup (or by
# a runner that ignores SIGHUP) would otherwise pass that on, and a script cannot trap a signal ignored
# at its start, so the publish would never see the signal this checks it handles.
TMPDIR="$W/tmp connect" PATH="$W/bin-connect:$PATH" env --default-signal=HUP "$PUBLISH" "${PUBLISH_ARGS[@]}" list > "$W/logs/killed-connecting.log" 2>&1 &
k=$!; pids+=("$k")
wait_until 60 started || fail "the publish to kill did not connect: $(cat "$W/logs/killed-connecting.log")"
kill -HUP "$k"
wait_until 15 gone "$k" || fail "a publish did not stop within 15 s of SIGHUP; its log: $(cat "$W/logs/killed-connecting.log");" \
  "its processes: $(ps -o pid,ppid,stat,wchan:24,args --pid "$k" --ppid "$k" 2>&1 | cut -c1-200);" \
  "processes of the test's folder: $(pgrep -af -- "$W" | cut -c1-200)"
status=0; wait "$k" || status=$?
[ "$status" = 129 ] || fail "a publish killed with SIGHUP exited with $status: $(cat "$W/logs/killed-connecting.log")"
left_nothing "$W/tmp connect" "a publish killed while connecting"
say "a publish killed with SIGTERM or SIGHUP stopped at once, left no process or temporary file, and released the lock"

# --- 8. A rollback checks the release it switches to ----------------------------------------------
# Release R1-5's copy of a page is replaced by one of the same size with one byte changed (a new
# file: the hard-linked copy in R1-7 stays sound).
damaged=$W/server/releases/$R1-5/$changed_page
cp "$damaged" "$W/damaged"
printf 'X' | dd of="$W/damaged" bs=1 seek=10 conv=notrunc 2>/dev/null
cmp -s "$W/damaged" "$damaged" && fail "the test did not change $changed_page"
mv "$W/damaged" "$damaged"
if out=$(publish rollback 2>&1); then fail "rollback switched to release $R1-5, which no longer matches its manifest"; fi
[[ $out == *"$changed_page"* && $out == *"release $R1-5 is damaged"* && $out == *"current stays $R1-7"* ]] \
  || fail "a rollback to a damaged release gave no clear message: $out"
[ "$(readlink "$W/server/current" || true)" = "releases/$R1-7" ] || fail "a refused rollback changed current"
cp "$W/build/v2/$changed_page" "$damaged"
publish rollback > "$W/logs/rollback-3.log" 2>&1 || { cat "$W/logs/rollback-3.log" >&2; fail "the rollback to the repaired release failed"; }
says "$W/logs/rollback-3.log" "release $R1-5: all ${#SUM2[@]} files on the server match its abierto-manifest.json" \
  || fail "the rollback did not say it checked the release: $(cat "$W/logs/rollback-3.log")"
[ "$(readlink "$W/server/current" || true)" = "releases/$R1-5" ] || fail "the rollback did not switch to $R1-5"
say "a rollback refuses a damaged release and switches to a sound one"

say "passed in $((SECONDS - STARTED)) s"
