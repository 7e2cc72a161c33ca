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
#   DIR/.publish.lock            flock(1)ed by the publish or rollback that runs, and names it
#
# No value given to this script is ever pasted into shell code, here or on the server: paths and
# names travel as arguments (shell_quote below for the one command line ssh sends), and the file
# lists as quoted here-documents.
set -euo pipefail

readonly PROG=${0##*/}
readonly MANIFEST=abierto-manifest.json

usage() {
  cat <<EOF
Usage: $PROG [OPTIONS] COMMAND

Commands:
  publish SITE_DIR            upload SITE_DIR as a new release, verify it, make it current
  publish --dry-run SITE_DIR  show what would change on the server; change nothing
  rollback [ID]               make the release before the current one (or release ID) current,
                              after checking it against its own $MANIFEST on the server
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
  --release-id ID      name of the new release (default: the server's UTC time when the
                       upload starts, e.g. 20240701T120000Z). Releases are ordered by name:
                       a new ID must sort after every kept one.
  --lock-wait SECONDS  how long to wait while another publish or rollback of DIR runs
                       (default 600; 0 refuses at once)                   [PUBLISH_LOCK_WAIT]
  --dry-run            with publish: show what would change, change nothing
  -h, --help           show this help

One at a time: publish and rollback hold a lock on the server (DIR/.publish.lock, flock) from
before the upload to after the switch. Another one waits for it (up to --lock-wait seconds, saying
so and naming the holder), then runs; it never touches the upload of the one that runs.

Interrupted (Ctrl-C, SIGTERM, SIGHUP, a cancelled CI job): the script stops its rsync or ssh,
closes its SSH connection, which releases the lock, and removes its temporary files (the copy of
the key among them). The served site is unchanged unless the switch was done; the next publish
removes the partial upload.

Temporary files go to \$TMPDIR (default /tmp); ssh cannot take a TMPDIR holding % " \\ \$ or a
control character, and the path must stay short (a socket lives there).

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

# Quotes each argument for any POSIX shell ('it'\''s'), for the one place where a command line is
# unavoidable: the command ssh asks the server's login shell to run.
shell_quote() {
  local a out=""
  for a in "$@"; do out+=" '${a//\'/\'\\\'\'}'"; done
  printf '%s' "${out# }"
}

# --- The code that runs on the server (and, for the manifest check, locally) -------------------
# POSIX sh with GNU coreutils, findutils and util-linux's flock, so it runs under any login shell of
# a Linux server. It is sent whole each time (on ssh's standard input, or for the lock as the
# argument of sh -c); nothing is installed on the server. Its arguments: the site directory, then
# the step to run and the step's arguments (see dispatch at the end).
read -r -d '' SERVER_LIB <<'SERVER_LIB' || true
set -eu
umask 022
DIR=$1; shift
fail() { printf 'on the server: %s\n' "$*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A step stopped by a signal (the publishing machine gone, the connection lost) still removes $work.
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM
enter_site_dir() {
  [ -d "$DIR" ] || fail "the site directory $DIR does not exist: create it, owned by the deploy user (README, Publishing)"
  cd "$DIR"
}
# publish.sh checks every id it sends; this only makes sure no path is built from anything else.
check_id() {
  case $1 in
    ''|[!A-Za-z0-9]*|*[!A-Za-z0-9._-]*|*.partial) fail "'$1' is not a release id" ;;
  esac
}
check_number() {
  case $1 in ''|*[!0-9]*) fail "'$1' is not a number" ;; esac
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
# True when release id $1 sorts strictly after $2 (or $2 is empty).
sorts_after() {
  [ -z "$2" ] || { [ "$1" != "$2" ] && [ "$(printf '%s\n%s\n' "$2" "$1" | LC_ALL=C sort | tail -n 1)" = "$1" ]; }
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

# Takes the lock that makes publishes and rollbacks of DIR run one at a time, and holds it until
# the publishing machine closes this session: when it is done, when it is killed, or when the
# connection is lost (the kernel releases a flock with the last process that holds it).
cmd_lock() {  # WAIT_SECONDS WHO
  check_number "$1"
  enter_site_dir
  [ -w . ] || fail "$DIR is not writable by this user: the deploy user must own it (README, Publishing)"
  command -v flock > /dev/null 2>&1 || fail "flock is not installed (Debian: apt-get install util-linux): publish.sh needs it to keep two publishes apart"
  exec 9>> .publish.lock
  if ! flock -n 9; then
    holder=$(cat .publish.lock 2>/dev/null || true)
    [ "$1" -gt 0 ] || fail "another publish or rollback is running (${holder:-holder unknown}); nothing was changed. Try again when it has ended, or give --lock-wait SECONDS"
    printf 'on the server: another publish or rollback is running (%s); waiting up to %s s for it to end\n' "${holder:-holder unknown}" "$1" >&2
    flock -w "$1" 9 || fail "the other publish or rollback still runs after $1 s ($(cat .publish.lock 2>/dev/null || true)); nothing was changed"
  fi
  printf 'pid %s, since %s: %s\n' "$$" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$2" > .publish.lock
  echo locked
  # exec keeps the pid written above: killing it on the server releases the lock too.
  rm -rf "$work"
  exec cat > /dev/null
}
cmd_status() {
  enter_site_dir
  cur=$(current_release)
  printf 'current %s\n' "$cur"
  releases | sed 's/^/release /'
}
# Runs under the lock: a .partial folder here was left by a publish that no longer runs.
cmd_prepare() {  # ID (empty: the server's UTC time)
  enter_site_dir
  cur=$(current_release)
  mkdir -p releases
  latest=$(releases | tail -n 1)
  id=$1
  if [ -z "$id" ]; then
    # One clock, the server's, for every publishing machine. A publish that waited for the lock can
    # start within the second that named the release before it: it takes the next second.
    id=$(date -u +%Y%m%dT%H%M%SZ)
    sorts_after "$id" "$latest" || { sleep 1; id=$(date -u +%Y%m%dT%H%M%SZ); }
  fi
  check_id "$id"
  [ ! -e "releases/$id" ] || fail "release $id already exists; give another --release-id"
  sorts_after "$id" "$latest" \
    || fail "release id $id must sort after the newest release, $latest (releases are ordered by name; the default id, the server's UTC time, always does)"
  for p in releases/*.partial; do
    [ -e "$p" ] || continue
    printf 'removing %s, left by an interrupted upload\n' "$p" >&2
    rm -rf "$p"
  done
  printf '%s %s\n' "$id" "$cur"
}
cmd_verify() {  # ID
  check_id "$1"
  enter_site_dir
  [ -d "releases/$1.partial" ] || fail "releases/$1.partial does not exist"
  cd "releases/$1.partial"
  verify_tree "$work/sizes" "$work/sums" || fail "the upload in $DIR/releases/$1.partial differs from the manifest (see above); nothing was switched"
}
cmd_activate() {  # ID KEEP
  check_id "$1"; check_number "$2"
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
# Prints "TARGET CURRENT": the release a rollback switches to (ID, or the one before the current).
cmd_rollback_target() {  # [ID]
  enter_site_dir
  cur=$(current_release)
  [ -n "$cur" ] || fail "nothing is published yet, so there is nothing to roll back to"
  if [ -n "${1:-}" ]; then
    check_id "$1"
    to=$1
    releases | grep -qxF "$to" || fail "there is no kept release $to (see the list command)"
  else
    to=$(releases | awk -v c="$cur" '$0 == c { print p; found = 1; exit } { p = $0 } END { if (!found) exit 1 }') \
      || fail "the current release $cur is not among the kept releases; give the release to switch to (see 'list')"
    [ -n "$to" ] || fail "no release older than $cur is kept, so there is nothing to roll back to"
  fi
  printf '%s %s\n' "$to" "$cur"
}
cmd_manifest() {  # ID
  check_id "$1"
  enter_site_dir
  [ -f "releases/$1/abierto-manifest.json" ] \
    || fail "release $1 has no abierto-manifest.json, so it cannot be checked; current was not switched"
  cat "releases/$1/abierto-manifest.json"
}
cmd_verify_release() {  # ID
  check_id "$1"
  enter_site_dir
  cd "releases/$1"
  verify_tree "$work/sizes" "$work/sums" \
    || fail "release $1 in $DIR/releases differs from its own manifest (see above): it was changed after it was published; current was not switched"
}
cmd_switch() {  # TO WAS
  check_id "$1"
  enter_site_dir
  cur=$(current_release)
  [ "$cur" = "$2" ] || fail "current changed from $2 to $cur meanwhile; nothing was switched"
  switch_to "$1"
  printf 'current -> releases/%s (was %s)\n' "$1" "$2"
}
# Locally: the build in DIR against the lists.
cmd_check_here() {
  cd "$DIR"
  verify_tree "$work/sizes" "$work/sums"
}
dispatch() {
  case ${1-} in
    cmd_lock|cmd_status|cmd_prepare|cmd_verify|cmd_activate|cmd_rollback_target|cmd_manifest|cmd_verify_release|cmd_switch|cmd_check_here) "$@" ;;
    *) fail "unknown step '${1-}'" ;;
  esac
}
SERVER_LIB
# shellcheck disable=SC2016 # shell code for sh, where "$@" is expanded
readonly SERVER_MAIN='dispatch "$@"'

# --- Arguments --------------------------------------------------------------------------------
host=${PUBLISH_HOST:-}
port=${PUBLISH_PORT:-22}
user=${PUBLISH_USER:-}
dir=${PUBLISH_DIR:-}
key=${PUBLISH_SSH_KEY_FILE:-}
known_hosts=${PUBLISH_KNOWN_HOSTS_FILE:-}
keep=${PUBLISH_KEEP:-5}
lock_wait=${PUBLISH_LOCK_WAIT:-600}
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
    --lock-wait) need_value "$@"; lock_wait=$2; shift 2 ;;
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

# What goes into the ssh configuration, and names the server's paths, is checked here too: quoting
# keeps values out of code, these checks keep them meaning what they say.
[ -n "$host" ] || usage_error "no server: give --host or PUBLISH_HOST"
[[ $host =~ ^[A-Za-z0-9._:-]+$ ]] || usage_error "--host '$host' is not a host name or address"
if ! [[ $port =~ ^[0-9]{1,5}$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
  usage_error "--port '$port' is not a port number"
fi
[ -z "$user" ] || [[ $user =~ ^[A-Za-z0-9._-]+$ ]] || usage_error "--user '$user' is not a user name"
[ -n "$dir" ] || usage_error "no site directory: give --dir or PUBLISH_DIR (e.g. /srv/abierto)"
dir=${dir%/}
[[ $dir =~ ^/[A-Za-z0-9._/+-]+$ ]] || usage_error "--dir '$dir' must be an absolute path of letters, digits and . _ - + /"
if ! [[ $keep =~ ^[0-9]{1,4}$ ]] || [ "$keep" -lt 2 ]; then
  usage_error "--keep '$keep' must be a number of at least 2, so that rollback stays possible"
fi
[[ $lock_wait =~ ^[0-9]{1,6}$ ]] || usage_error "--lock-wait '$lock_wait' must be a number of seconds"
release_id_pattern='^[A-Za-z0-9][A-Za-z0-9._-]*$'
if [ -n "$release_id" ]; then
  [[ $release_id =~ $release_id_pattern && $release_id != *.partial ]] \
    || usage_error "--release-id '$release_id' must be letters, digits and . _ - and not end in .partial"
fi
[ -z "$key" ] || [ -r "$key" ] || die "cannot read the SSH key $key"
[ -z "$known_hosts" ] || [ -s "$known_hosts" ] || die "the known_hosts file $known_hosts is missing or empty: it must hold the server's host key"

for tool in ssh rsync jq sha256sum find mkfifo; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed here (Debian: apt-get install openssh-client rsync jq coreutils findutils)"
done

# --- Temporary files, and their cleanup on every exit ----------------------------------------------
tmp=""         # this run's folder under $TMPDIR: ssh configuration, key copy, control socket, lists
child=""       # the command that runs now (ssh, rsync, the local check), stopped if we are
lock_pid=""    # the ssh session that holds the server's lock
locked=false

# Stops what runs, closes the lock session (so the server releases the lock at once), closes the
# shared SSH connection and removes the temporary folder. On every exit: success, failure, or a
# signal (HUP, INT, TERM: the traps below turn them into an exit, which runs this).
cleanup() {
  local status=$?
  trap '' HUP INT TERM   # finish cleaning even if a second signal comes
  if [ -n "$child" ]; then kill "$child" 2>/dev/null || true; wait "$child" 2>/dev/null || true; fi
  release_lock
  if [ -n "$tmp" ]; then
    [ ! -S "$tmp/connection" ] || ssh -F "$tmp/ssh_config" -O exit abierto-server > /dev/null 2>&1 || true
    rm -rf "$tmp"
  fi
  exit "$status"
}
# Runs a command in the background and waits for it: bash runs a trap only between commands, but
# at once during 'wait', so a signal stops the script now, not when a long upload ends. The command
# gets neither end of the lock session's pipes (fds 6, 7).
run() {
  "$@" <&0 6<&- 7>&- &
  child=$!
  local status=0
  wait "$child" || status=$?
  child=""
  return "$status"
}
# Ends the lock session: closing its input ends the server's cat, which releases the lock.
release_lock() {
  [ -n "$lock_pid" ] || return 0
  exec 6<&- 7>&-
  if [ "$locked" = true ]; then
    # Up to 5 s for the session to end by itself; a lock still awaited has no input to notice.
    local tries=50
    while [ "$tries" -gt 0 ] && kill -0 "$lock_pid" 2>/dev/null; do sleep 0.1; tries=$((tries - 1)); done
  fi
  kill "$lock_pid" 2>/dev/null || true
  wait "$lock_pid" 2>/dev/null || true
  lock_pid=""
  locked=false
}

trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

tmp=$(mktemp -d) || die "cannot create a temporary folder in ${TMPDIR:-/tmp}"
case $tmp in /*) ;; *) tmp=$PWD/$tmp ;; esac
# ssh reads these paths from its configuration file, where % and ${ are expanded and " \ end or
# escape; and a Unix socket path has at most 108 bytes.
if [[ $tmp == *[%\"\\\$]* || $tmp == *[[:cntrl:]]* ]]; then
  die "the temporary folder $tmp holds a character that ssh cannot take in a file name (% \" \\ \$ or a control character): set TMPDIR to another folder"
fi
[ ${#tmp} -le 90 ] || die "the temporary folder $tmp is too long a path for ssh's connection socket: set TMPDIR to a shorter one"

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
target="abierto-server:$dir"
where="${user:+$user@}$host:$dir (port $port)"

# Opens the connection that every later step shares. ssh -f forks it into the background once it is
# up; cleanup closes it with ssh -O exit.
connect() {
  if ! run ssh -F "$tmp/ssh_config" -o ControlMaster=yes -f -N abierto-server > /dev/null 2> "$tmp/ssh-errors"; then
    sed 's/^/  /' "$tmp/ssh-errors" >&2
    die "cannot reach $where over SSH (see ssh's message above: is the server's host key in the known_hosts file, the key authorised for the user, the port open?)"
  fi
}

# Runs SERVER_LIB on the server with the site directory, the step and its arguments as arguments of
# sh (quoted for the server's login shell); with --lists, the manifest's lists travel in the script.
# The server's own messages say what went wrong there; status 255 is a lost connection.
on_server() {  # [--lists] STEP [ARG...]
  local status=0 lists=false
  if [ "$1" = --lists ]; then lists=true; shift; fi
  { printf '%s\n' "$SERVER_LIB"; if [ "$lists" = true ]; then lists_as_shell; fi; printf '%s\n' "$SERVER_MAIN"; } > "$tmp/script"
  run ssh -F "$tmp/ssh_config" abierto-server "sh -s $(shell_quote "$dir" "$@")" < "$tmp/script" || status=$?
  [ "$status" -ne 255 ] || die "lost the SSH connection to $where"
  return "$status"
}

# Takes the server's lock (cmd_lock) in a session of its own that lasts until release_lock or the
# end of this script. Its input and output are named pipes held open on fds 7 and 6; the server
# holds the lock until fd 7 closes. WHO is what another publish is told holds it.
lock_server() {  # WHO
  mkfifo "$tmp/lock-in" "$tmp/lock-out"
  ssh -F "$tmp/ssh_config" abierto-server \
    "sh -c $(shell_quote "$SERVER_LIB"$'\n'"$SERVER_MAIN") publish.sh-lock $(shell_quote "$dir" cmd_lock "$lock_wait" "$1")" \
    < "$tmp/lock-in" > "$tmp/lock-out" &
  lock_pid=$!
  exec 7> "$tmp/lock-in" 6< "$tmp/lock-out"
  local answer=""
  read -r -u 6 answer || true
  if [ "$answer" != locked ]; then
    local status=0
    wait "$lock_pid" || status=$?
    lock_pid=""
    exec 6<&- 7>&-
    [ "$status" -ne 255 ] || die "lost the SSH connection to $where"
    die "$command did not start (see above); the served site is unchanged"
  fi
  locked=true
}

# --- The manifest: what the build wrote ----------------------------------------------------------
# Turns SITE/abierto-manifest.json into the lists verify_tree reads: "SIZE PATH" and sha256sum
# lines, the manifest itself included. Refuses paths that could leave the release dir, and paths
# with a newline (the lists are line-based). NAME names the manifest in messages.
manifest_lists() {  # SITE NAME
  local site=$1 name=$2 out=$tmp
  [ -f "$site/$MANIFEST" ] || die "$name does not exist: is it the output of 'abierto build'?"
  local bad
  bad=$(jq -r '
      if (.files | type) != "array" then "the manifest has no \"files\" list"
      else .files[] | select(
          (.path | type) != "string" or (.size | type) != "number"
          or (.sha256 | type) != "string" or (.sha256 | test("^[0-9a-f]{64}$") | not)
          or (.path | test("^/|(^|/)\\.\\.?(/|$)|[\\\\\\n\\r\\t]|^$"))
          or .path == "abierto-manifest.json")
        | "bad entry: \(tojson)"
      end' "$site/$MANIFEST" 2>&1) || die "$name is not valid JSON: $bad"
  [ -z "$bad" ] || die "$name: ${bad%%$'\n'*}"
  jq -r '.files[] | "\(.size) \(.path)"' "$site/$MANIFEST" > "$out/sizes.unsorted"
  jq -r '.files[] | "\(.sha256)  \(.path)"' "$site/$MANIFEST" > "$out/sums"
  local msize msum
  msize=$(stat -c %s "$site/$MANIFEST")
  msum=$(sha256sum < "$site/$MANIFEST"); msum=${msum%% *}
  printf '%s %s\n' "$msize" "$MANIFEST" >> "$out/sizes.unsorted"
  printf '%s  %s\n' "$msum" "$MANIFEST" >> "$out/sums"
  LC_ALL=C sort "$out/sizes.unsorted" > "$out/sizes"
  [ -z "$(cut -d' ' -f2- "$out/sizes" | uniq -d)" ] || die "$name lists a path twice"
}

# The lists travel inside the script as quoted here-documents: data, never expanded. No line can
# end one early: every line starts with a size or a hash, and paths hold no newline (checked above).
lists_as_shell() {
  printf "cat > \"\$work/sizes\" <<'ABIERTO_SIZES'\n%s\nABIERTO_SIZES\n" "$(cat "$tmp/sizes")"
  printf "cat > \"\$work/sums\" <<'ABIERTO_SUMS'\n%s\nABIERTO_SUMS\n" "$(cat "$tmp/sums")"
}

# The same check the server runs, on the build, before anything is sent: a build that does not
# match its own manifest (interrupted, edited by hand) is never uploaded. The folder is an
# argument of sh, whatever characters its name holds.
verify_locally() {
  local site=$1
  { printf '%s\n' "$SERVER_LIB"; lists_as_shell; printf '%s\n' "$SERVER_MAIN"; } > "$tmp/local-check"
  if ! TMPDIR=$tmp run sh "$tmp/local-check" "$site" cmd_check_here > "$tmp/local-check.out" 2> "$tmp/local-check.err"; then
    sed 's/^/  /' "$tmp/local-check.err" >&2
    die "$site does not match its $MANIFEST (see above): rebuild it; nothing was sent"
  fi
  [ "$(cat "$tmp/local-check.out")" = "verified $(wc -l < "$tmp/sizes") files" ] \
    || die "the check of $site did not run to its end: $(cat "$tmp/local-check.out")"
}

# rsync runs from the temporary folder and finds the ssh configuration there by a relative name:
# rsync splits -e at spaces, so no path of TMPDIR ever goes through it.
rsync_in_tmp() { cd "$tmp" && exec rsync "$@"; }
rsync_common=(--recursive --perms '--chmod=D0755,F0644' --checksum --delete --timeout=120 --itemize-changes -e 'ssh -F ssh_config')

# --- Commands ----------------------------------------------------------------------------------
cmd_publish() {
  local site=${1%/}
  [ -d "$site" ] || die "$site is not a directory"
  case $site in /*) ;; *) site=$PWD/$site ;; esac
  manifest_lists "$site" "$site/$MANIFEST"
  local count
  count=$(wc -l < "$tmp/sizes")
  verify_locally "$site"
  say "$site: $count files match $MANIFEST"

  connect
  if [ "$dry_run" = true ]; then
    local current
    on_server cmd_status > "$tmp/status"
    current=$(sed -n 's/^current //p' "$tmp/status")
    say "dry run: nothing on $where will change"
    if [ -z "$current" ]; then
      say "nothing is published yet: all $count files would be uploaded as release ${release_id:-<the server time>}"
    else
      say "changes against the current release, $current ('<f' a file that would be sent, 'cd+' a new folder, '*deleting' a file that would go):"
      run rsync_in_tmp "${rsync_common[@]}" --dry-run "$site/" "$target/current/"
    fi
    say "would verify the new release against $MANIFEST and make it current"
    local gone
    gone=$( { sed -n 's/^release //p' "$tmp/status"; echo "${release_id:-$(date -u +%Y%m%dT%H%M%SZ)}"; } \
      | LC_ALL=C sort | head -n "-$keep" | grep -vxF "$current" || true)
    [ -z "$gone" ] || say "would remove old releases (keeping $keep): $(tr '\n' ' ' <<<"$gone")"
    return 0
  fi

  lock_server "publish of ${release_id:+release }${release_id:-a new release} from $(uname -n)"
  local current
  on_server cmd_prepare "$release_id" > "$tmp/prepare" || die "could not prepare the upload (see above); the served site is unchanged"
  read -r release_id current < "$tmp/prepare" || true
  [[ $release_id =~ $release_id_pattern ]] || die "the server named the release '$release_id'"
  [[ -z $current || $current =~ $release_id_pattern ]] || die "the current release on the server, '$current', is not a release id"
  say "uploading to $where as release $release_id"
  local link_dest=()
  # Files unchanged since the current release become hard links to it: only changes travel.
  [ -z "$current" ] || link_dest=(--link-dest="../$current")
  run rsync_in_tmp "${rsync_common[@]}" "${link_dest[@]}" "$site/" "$target/releases/$release_id.partial/" \
    || die "the upload failed (see above); the served site is unchanged, the next publish removes the partial upload"
  on_server --lists cmd_verify "$release_id" > "$tmp/verified" \
    || die "the uploaded release does not match the build (see above); the served site is unchanged"
  [ "$(cat "$tmp/verified")" = "verified $count files" ] || die "the check on the server did not run to its end: $(cat "$tmp/verified")"
  say "release $release_id: all $count files on the server match $MANIFEST"
  on_server cmd_activate "$release_id" "$keep" \
    || die "could not switch to release $release_id (see above)"
  release_lock
  say "published release $release_id; undo with: $PROG [same options] rollback"
}

# A rollback switches only to a release that still matches its own manifest, checked on the server
# as a publish checks an upload: a kept release damaged since (a disk error, a hand edit) is refused.
cmd_rollback() {
  if [ -n "${1:-}" ] && ! [[ $1 =~ $release_id_pattern && $1 != *.partial ]]; then
    usage_error "'$1' is not a release id"
  fi
  connect
  lock_server "rollback from $(uname -n)"
  local to current
  on_server cmd_rollback_target "${1:-}" > "$tmp/target" || die "rollback failed (see above); the served site is unchanged"
  read -r to current < "$tmp/target" || true
  [[ $to =~ $release_id_pattern ]] || die "the server named the release '$to'"
  mkdir "$tmp/release"
  on_server cmd_manifest "$to" > "$tmp/release/$MANIFEST" || die "rollback failed (see above); the served site is unchanged"
  manifest_lists "$tmp/release" "the $MANIFEST of release $to on the server"
  local count
  count=$(wc -l < "$tmp/sizes")
  on_server --lists cmd_verify_release "$to" > "$tmp/verified" \
    || die "release $to is damaged (see above), so current stays $current: publish again, or roll back to another release (see 'list')"
  [ "$(cat "$tmp/verified")" = "verified $count files" ] || die "the check on the server did not run to its end: $(cat "$tmp/verified")"
  say "release $to: all $count files on the server match its $MANIFEST"
  on_server cmd_switch "$to" "$current" || die "rollback failed (see above)"
  release_lock
}

cmd_list() {
  local current
  connect
  on_server cmd_status > "$tmp/status" || exit 1
  current=$(sed -n 's/^current //p' "$tmp/status")
  sed -n 's/^release //p' "$tmp/status" | while read -r r; do
    if [ "$r" = "$current" ]; then printf '%s  (current)\n' "$r"; else printf '%s\n' "$r"; fi
  done
  [ -n "$current" ] || say "nothing is published yet on $where"
}

case $command in
  publish) cmd_publish "${args[1]}" ;;
  rollback) cmd_rollback "${args[1]:-}" ;;
  list) cmd_list ;;
esac
