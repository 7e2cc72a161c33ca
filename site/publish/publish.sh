#!/usr/bin/env bash
# Publishes a built Abierto site to a web server over SSH, in three steps that never show a
# half-uploaded site: rsync uploads the build into a new release directory, the server checks every
# file against the build's abierto-manifest.json, and one rename(2) of a symlink makes it live.
# The same script runs from a laptop and from CI; see "Publishing" in README.md.
#
# Layout on the server (DIR is --dir):
#   DIR/releases/<id>/           one complete, verified build per release, kept for rollback
#   DIR/releases/<id>.partial/   an upload in progress: never served, removed by the next publish
#   DIR/current -> releases/<id> what the web server serves
set -euo pipefail

readonly PROG=${0##*/}
readonly MANIFEST=abierto-manifest.json

usage() {
  cat <<EOF
Usage: $PROG [OPTIONS] COMMAND

Commands:
  publish SITE_DIR            upload SITE_DIR as a new release, verify it, make it current
  publish --dry-run SITE_DIR  show what would change on the server; change nothing
  rollback [ID]               make the release before the current one (or release ID) current
  list                        list the releases kept on the server, marking the current one

SITE_DIR is the output of 'abierto build' (it holds $MANIFEST).

Options (each can also be given as the environment variable in brackets):
  --host HOST          the server's name or address                       [PUBLISH_HOST]
  --port PORT          its SSH port (default 22)                          [PUBLISH_PORT]
  --user USER          the SSH user that owns DIR (default: ssh's choice)  [PUBLISH_USER]
  --dir DIR            absolute path of the site directory on the server  [PUBLISH_DIR]
  --key FILE           private SSH key (default: ssh's own keys and agent) [PUBLISH_SSH_KEY_FILE]
  --known-hosts FILE   known_hosts file holding the server's host key; only this file is
                       trusted (default: ssh's own known_hosts). An unknown or changed
                       host key always stops the script.                  [PUBLISH_KNOWN_HOSTS_FILE]
  --keep N             releases to keep, at least 2 (default 5); the current
                       release is never removed                           [PUBLISH_KEEP]
  --release-id ID      name of the new release (default: the UTC time, e.g. 20240701T120000Z).
                       Releases are ordered by name: a new ID must sort after every kept one.
  --dry-run            with publish: show what would change, change nothing
  -h, --help           show this help

Exit codes: 0 done, 1 failed (the message says why; the served site is unchanged unless it says
otherwise), 2 wrong usage.

Example:
  $PROG --host www.example.org --user deploy --dir /srv/abierto \\
        --key ~/.ssh/abierto_deploy --known-hosts ./known_hosts publish site/target/publish
EOF
}

die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }
usage_error() {
  printf '%s: %s\n' "$PROG" "$*" >&2
  printf "Run '%s --help' for usage.\n" "$PROG" >&2
  exit 2
}
say() { printf '%s: %s\n' "$PROG" "$*"; }

# --- The code that runs on the server (and, for the manifest check, locally) -------------------
# POSIX sh with GNU coreutils and findutils, so it runs under any login shell of a Linux server.
# It is sent on ssh's standard input; nothing is installed on the server.
read -r -d '' SERVER_LIB <<'SERVER_LIB' || true
set -eu
umask 022
fail() { printf 'on the server: %s\n' "$*" >&2; exit 1; }
enter_site_dir() {
  [ -d "$DIR" ] || fail "the site directory $DIR does not exist: create it, owned by the deploy user (README, Publishing)"
  cd "$DIR"
}
# Complete releases, oldest first.
releases() {
  [ -d releases ] || return 0
  for d in releases/*/; do
    [ -d "$d" ] || continue
    n=${d#releases/}; n=${n%/}
    case $n in *.partial) ;; *) printf '%s\n' "$n" ;; esac
  done | LC_ALL=C sort
}
current_release() {
  if [ -L current ]; then
    t=$(readlink current); printf '%s\n' "${t#releases/}"
  elif [ -e current ]; then
    fail "$DIR/current is not a symlink, so it was not made by publish.sh; move it away and publish again"
  fi
}
# The atomic switch: a new symlink under a temporary name, then rename(2) over 'current'. Every
# request sees either the old link or the new one, never no link and never a half-copied tree.
switch_to() {
  rm -f ".current.$$"
  ln -s "releases/$1" ".current.$$"
  mv -T ".current.$$" current
}
# Compares the tree in the working directory with the expected lists: "SIZE PATH" lines (sorted,
# C locale) in $1 and sha256sum lines in $2. Prints every difference.
verify_tree() {
  LC_ALL=C; export LC_ALL
  find . ! -type d -printf '%s %P\n' | sort > "$work/actual"
  if ! cmp -s "$1" "$work/actual"; then
    comm -3 "$1" "$work/actual" | awk -F '\t' '
      $1 != "" { want[substr($1, index($1, " ") + 1)] = 1 }
      $2 != "" { have[substr($2, index($2, " ") + 1)] = 1 }
      END {
        for (p in want) print (p in have ? "size differs from the manifest: " : "missing: ") p
        for (p in have) if (!(p in want)) print "not in the manifest: " p
      }' >&2
    return 1
  fi
  sha256sum --quiet --strict -c "$2" >&2 || return 1
  # The caller compares this count with its own: a check that did not run cannot pass.
  printf 'verified %s files\n' "$(wc -l < "$1")"
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmd_status() {
  enter_site_dir
  cur=$(current_release)
  printf 'current %s\n' "$cur"
  releases | sed 's/^/release /'
}
cmd_prepare() {
  enter_site_dir
  cur=$(current_release)
  mkdir -p releases
  [ ! -e "releases/$1" ] || fail "release $1 already exists; give another --release-id"
  latest=$(releases | tail -n 1)
  if [ -n "$latest" ] && [ "$(printf '%s\n%s\n' "$latest" "$1" | LC_ALL=C sort | tail -n 1)" != "$1" ]; then
    fail "release id $1 must sort after the newest release, $latest (releases are ordered by name; the default id, the UTC time, always does)"
  fi
  for p in releases/*.partial; do
    [ -e "$p" ] || continue
    printf 'removing %s, left by an interrupted upload\n' "$p" >&2
    rm -rf "$p"
  done
  printf '%s\n' "$cur"
}
cmd_verify() {
  enter_site_dir
  [ -d "releases/$1.partial" ] || fail "releases/$1.partial does not exist"
  cd "releases/$1.partial"
  verify_tree "$work/sizes" "$work/sums" || fail "the upload in $DIR/releases/$1.partial differs from the manifest (see above); nothing was switched"
}
cmd_activate() {
  enter_site_dir
  cur=$(current_release)
  mv -T "releases/$1.partial" "releases/$1"
  switch_to "$1"
  printf 'current -> releases/%s (was %s)\n' "$1" "${cur:-nothing}"
  # Keep the newest $2 releases, and always the current one.
  excess=$(( $(releases | wc -l) - $2 ))
  if [ "$excess" -gt 0 ]; then
    releases | head -n "$excess" | while read -r old; do
      [ "$old" = "$1" ] && continue
      rm -rf "releases/$old"
      printf 'removed old release %s\n' "$old"
    done
  fi
}
cmd_rollback() {
  enter_site_dir
  cur=$(current_release)
  [ -n "$cur" ] || fail "nothing is published yet, so there is nothing to roll back to"
  if [ -n "${1:-}" ]; then
    to=$1
    releases | grep -qxF "$to" || fail "there is no kept release $to (see the list command)"
  else
    to=$(releases | awk -v c="$cur" '$0 == c { print p; found = 1; exit } { p = $0 } END { if (!found) exit 1 }') \
      || fail "the current release $cur is not among the kept releases; give the release to switch to (see 'list')"
    [ -n "$to" ] || fail "no release older than $cur is kept, so there is nothing to roll back to"
  fi
  switch_to "$to"
  printf 'current -> releases/%s (was %s)\n' "$to" "$cur"
}
SERVER_LIB

# --- Arguments --------------------------------------------------------------------------------
host=${PUBLISH_HOST:-}
port=${PUBLISH_PORT:-22}
user=${PUBLISH_USER:-}
dir=${PUBLISH_DIR:-}
key=${PUBLISH_SSH_KEY_FILE:-}
known_hosts=${PUBLISH_KNOWN_HOSTS_FILE:-}
keep=${PUBLISH_KEEP:-5}
release_id=""
dry_run=false
args=()

need_value() { if [ $# -lt 2 ] || [ -z "$2" ]; then usage_error "option $1 needs a value"; fi; }
while [ $# -gt 0 ]; do
  case $1 in
    --host) need_value "$@"; host=$2; shift 2 ;;
    --port) need_value "$@"; port=$2; shift 2 ;;
    --user) need_value "$@"; user=$2; shift 2 ;;
    --dir) need_value "$@"; dir=$2; shift 2 ;;
    --key) need_value "$@"; key=$2; shift 2 ;;
    --known-hosts) need_value "$@"; known_hosts=$2; shift 2 ;;
    --keep) need_value "$@"; keep=$2; shift 2 ;;
    --release-id) need_value "$@"; release_id=$2; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; args+=("$@"); break ;;
    -*) usage_error "unknown option $1" ;;
    *) args+=("$1"); shift ;;
  esac
done
[ ${#args[@]} -gt 0 ] || usage_error "missing command: publish, rollback or list"
command=${args[0]}
case $command in
  publish) [ ${#args[@]} -eq 2 ] || usage_error "publish needs exactly one SITE_DIR" ;;
  rollback) [ ${#args[@]} -le 2 ] || usage_error "rollback takes at most one release id" ;;
  list) [ ${#args[@]} -eq 1 ] || usage_error "list takes no arguments" ;;
  *) usage_error "unknown command '$command': use publish, rollback or list" ;;
esac
[ "$command" = publish ] || [ "$dry_run" = false ] || usage_error "--dry-run goes with publish"

# Everything that reaches the server's shell is checked here, so nothing needs quoting there.
[ -n "$host" ] || usage_error "no server: give --host or PUBLISH_HOST"
[[ $host =~ ^[A-Za-z0-9._:-]+$ ]] || usage_error "--host '$host' is not a host name or address"
if ! [[ $port =~ ^[0-9]{1,5}$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
  usage_error "--port '$port' is not a port number"
fi
[ -z "$user" ] || [[ $user =~ ^[A-Za-z0-9._-]+$ ]] || usage_error "--user '$user' is not a user name"
[ -n "$dir" ] || usage_error "no site directory: give --dir or PUBLISH_DIR (e.g. /srv/abierto)"
dir=${dir%/}
[[ $dir =~ ^/[A-Za-z0-9._/+-]+$ ]] || usage_error "--dir '$dir' must be an absolute path of letters, digits and . _ - + /"
if ! [[ $keep =~ ^[0-9]+$ ]] || [ "$keep" -lt 2 ]; then
  usage_error "--keep '$keep' must be a number of at least 2, so that rollback stays possible"
fi
if [ -n "$release_id" ]; then
  [[ $release_id =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ && $release_id != *.partial ]] \
    || usage_error "--release-id '$release_id' must be letters, digits and . _ - and not end in .partial"
else
  release_id=$(date -u +%Y%m%dT%H%M%SZ)
fi
[ -z "$key" ] || [ -r "$key" ] || die "cannot read the SSH key $key"
[ -z "$known_hosts" ] || [ -s "$known_hosts" ] || die "the known_hosts file $known_hosts is missing or empty: it must hold the server's host key"

for tool in ssh rsync jq sha256sum find; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed here (Debian: apt-get install openssh-client rsync jq coreutils findutils)"
done

tmp=$(mktemp -d)
connected=false
close() {
  [ "$connected" = false ] || ssh -F "$tmp/ssh_config" -O exit abierto-server 2>/dev/null || true
  rm -rf "$tmp"
}
trap close EXIT

# One ssh configuration for ssh and rsync alike. StrictHostKeyChecking=yes: a host key that is not
# in the known_hosts file stops the connection; nothing is ever trusted on first use.
{
  printf 'Host abierto-server\n'
  printf '  HostName %s\n  Port %s\n' "$host" "$port"
  [ -z "$user" ] || printf '  User %s\n' "$user"
  printf '  BatchMode yes\n  StrictHostKeyChecking yes\n  ConnectTimeout 30\n  ServerAliveInterval 15\n  LogLevel ERROR\n'
  # One SSH connection (opened by 'connect') carries every step, rsync included.
  printf '  ControlMaster no\n  ControlPath "%s"\n' "$tmp/connection"
  if [ -n "$known_hosts" ]; then
    cp -- "$known_hosts" "$tmp/known_hosts"
    printf '  UserKnownHostsFile "%s"\n  GlobalKnownHostsFile /dev/null\n' "$tmp/known_hosts"
  fi
  if [ -n "$key" ]; then
    # A copy with mode 600: ssh ignores keys that others can read, as CI checkouts may leave them.
    (umask 077 && cp -- "$key" "$tmp/key")
    printf '  IdentityFile "%s"\n  IdentitiesOnly yes\n' "$tmp/key"
  fi
} > "$tmp/ssh_config"
rsh="ssh -F $tmp/ssh_config"
target="abierto-server:$dir"
where="${user:+$user@}$host:$dir (port $port)"

# Opens the connection that every later step shares (called outside any $(...), so that the exit
# trap knows to close it).
connect() {
  if ! ssh -F "$tmp/ssh_config" -o ControlMaster=yes -f -N abierto-server > /dev/null 2> "$tmp/ssh-errors"; then
    sed 's/^/  /' "$tmp/ssh-errors" >&2
    die "cannot reach $where over SSH (see ssh's message above: is the server's host key in the known_hosts file, the key authorised for the user, the port open?)"
  fi
  connected=true
}

# Runs SERVER_LIB, then the shell lines given as arguments, on the server. The server's own
# messages say what went wrong there; status 255 is a lost connection.
on_server() {
  local status=0
  { printf "DIR='%s'\n" "$dir"; printf '%s\n' "$SERVER_LIB" "$@"; } > "$tmp/script"
  ssh -F "$tmp/ssh_config" abierto-server 'sh -s' < "$tmp/script" || status=$?
  [ "$status" -ne 255 ] || die "lost the SSH connection to $where"
  return "$status"
}

# --- The manifest: what the build wrote ----------------------------------------------------------
# Turns SITE_DIR/abierto-manifest.json into the lists verify_tree reads: "SIZE PATH" and
# sha256sum lines, the manifest itself included. Refuses paths that could leave the release dir.
manifest_lists() {
  local site=$1 out=$2
  [ -f "$site/$MANIFEST" ] || die "$site/$MANIFEST does not exist: is $site the output of 'abierto build'?"
  local bad
  bad=$(jq -r '
      if (.files | type) != "array" then "the manifest has no \"files\" list"
      else .files[] | select(
          (.path | type) != "string" or (.size | type) != "number"
          or (.sha256 | type) != "string" or (.sha256 | test("^[0-9a-f]{64}$") | not)
          or (.path | test("^/|(^|/)\\.\\.?(/|$)|[\\\\\\n\\r\\t]|^$"))
          or .path == "abierto-manifest.json")
        | "bad entry: \(tojson)"
      end' "$site/$MANIFEST" 2>&1) || die "$site/$MANIFEST is not valid JSON: $bad"
  [ -z "$bad" ] || die "$site/$MANIFEST: ${bad%%$'\n'*}"
  jq -r '.files[] | "\(.size) \(.path)"' "$site/$MANIFEST" > "$out/sizes.unsorted"
  jq -r '.files[] | "\(.sha256)  \(.path)"' "$site/$MANIFEST" > "$out/sums"
  local msize msum
  msize=$(stat -c %s "$site/$MANIFEST")
  msum=$(sha256sum < "$site/$MANIFEST"); msum=${msum%% *}
  printf '%s %s\n' "$msize" "$MANIFEST" >> "$out/sizes.unsorted"
  printf '%s  %s\n' "$msum" "$MANIFEST" >> "$out/sums"
  LC_ALL=C sort "$out/sizes.unsorted" > "$out/sizes"
  [ -z "$(cut -d' ' -f2- "$out/sizes" | uniq -d)" ] || die "$site/$MANIFEST lists a path twice"
}

# The lists travel inside the script, as here-documents (paths hold no newlines: checked above).
lists_as_shell() {
  printf "cat > \"\$work/sizes\" <<'ABIERTO_SIZES'\n%s\nABIERTO_SIZES\n" "$(cat "$tmp/sizes")"
  printf "cat > \"\$work/sums\" <<'ABIERTO_SUMS'\n%s\nABIERTO_SUMS\n" "$(cat "$tmp/sums")"
}

# The same check the server runs, on the build, before anything is sent: a build that does not
# match its own manifest (interrupted, edited by hand) is never uploaded.
verify_locally() {
  local site=$1
  # shellcheck disable=SC2016 # the last line is shell code for sh, expanded there
  { printf "DIR='%s'\n" "$site"; printf '%s\n' "$SERVER_LIB" "$(lists_as_shell)" \
    'cd "$DIR" && verify_tree "$work/sizes" "$work/sums"'; } > "$tmp/local-check"
  local out
  if ! out=$(sh "$tmp/local-check" 2> "$tmp/local-check.err"); then
    sed 's/^/  /' "$tmp/local-check.err" >&2
    die "$site does not match its $MANIFEST (see above): rebuild it; nothing was sent"
  fi
  [ "$out" = "verified $(wc -l < "$tmp/sizes") files" ] || die "the check of $site did not run to its end: $out"
}

server_status() { on_server cmd_status; }

# --- Commands ----------------------------------------------------------------------------------
rsync_common=(--recursive --perms '--chmod=D0755,F0644' --checksum --delete --timeout=120 --itemize-changes -e "$rsh")

cmd_publish() {
  local site=${1%/}
  [ -d "$site" ] || die "$site is not a directory"
  case $site in /*) ;; *) site=$PWD/$site ;; esac
  manifest_lists "$site" "$tmp"
  local count
  count=$(wc -l < "$tmp/sizes")
  verify_locally "$site"
  say "$site: $count files match $MANIFEST"

  connect
  if [ "$dry_run" = true ]; then
    local status current
    status=$(server_status)
    current=$(sed -n 's/^current //p' <<<"$status")
    say "dry run: nothing on $where will change"
    if [ -z "$current" ]; then
      say "nothing is published yet: all $count files would be uploaded as release $release_id"
    else
      say "changes against the current release, $current ('<f' a file that would be sent, 'cd+' a new folder, '*deleting' a file that would go):"
      rsync "${rsync_common[@]}" --dry-run "$site/" "$target/current/"
    fi
    say "would verify release $release_id against $MANIFEST and make it current"
    local gone
    gone=$( { sed -n 's/^release //p' <<<"$status"; echo "$release_id"; } \
      | LC_ALL=C sort | head -n "-$keep" | grep -vxF "$current" || true)
    [ -z "$gone" ] || say "would remove old releases (keeping $keep): $(tr '\n' ' ' <<<"$gone")"
    return 0
  fi

  say "uploading to $where as release $release_id"
  local current
  current=$(on_server "cmd_prepare '$release_id'") || die "could not prepare the upload (see above); the served site is unchanged"
  local link_dest=()
  # Files unchanged since the current release become hard links to it: only changes travel.
  [ -z "$current" ] || link_dest=(--link-dest="../$current")
  rsync "${rsync_common[@]}" "${link_dest[@]}" "$site/" "$target/releases/$release_id.partial/" \
    || die "the upload failed (see above); the served site is unchanged, the next publish removes the partial upload"
  local verified
  verified=$(on_server "$(lists_as_shell)" "cmd_verify '$release_id'") \
    || die "the uploaded release does not match the build (see above); the served site is unchanged"
  [ "$verified" = "verified $count files" ] || die "the check on the server did not run to its end: $verified"
  say "release $release_id: all $count files on the server match $MANIFEST"
  on_server "cmd_activate '$release_id' '$keep'" \
    || die "could not switch to release $release_id (see above)"
  say "published release $release_id; undo with: $PROG [same options] rollback"
}

cmd_rollback() {
  if [ -n "${1:-}" ] && ! [[ $1 =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]]; then
    usage_error "'$1' is not a release id"
  fi
  connect
  on_server "cmd_rollback '${1:-}'" || die "rollback failed (see above); the served site is unchanged"
}

cmd_list() {
  local status current
  connect
  status=$(server_status) || exit 1
  current=$(sed -n 's/^current //p' <<<"$status")
  sed -n 's/^release //p' <<<"$status" | while read -r r; do
    if [ "$r" = "$current" ]; then printf '%s  (current)\n' "$r"; else printf '%s\n' "$r"; fi
  done
  [ -n "$current" ] || say "nothing is published yet on $where"
}

case $command in
  publish) cmd_publish "${args[1]}" ;;
  rollback) cmd_rollback "${args[1]:-}" ;;
  list) cmd_list ;;
esac
