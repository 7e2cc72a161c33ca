#!/usr/bin/env bash
# Runs shellcheck on every shell script of the repository and fails on any finding, of any
# severity. 'mvn -B verify' runs it (site module, integration-test phase); -Dshellcheck.skip=true
# skips it (so does -DskipTests). Needs shellcheck (Debian: apt-get install shellcheck).
#
# A shell script is a file of the work tree (tracked, or new and not ignored by .gitignore) that is
# named *.sh or whose first line starts sh, bash, dash or ksh (#!/bin/sh, #!/usr/bin/env bash, ...):
# so .ci/run and the launcher generator/cli/src/main/sh/abierto are checked too, and any new script.
#
# Where shellcheck is wrong, the script says so on the line before, with the reason:
#   # shellcheck disable=SC2034 # read by publish-e2e.sh, which sources this file
set -euo pipefail

cd "$(dirname "$0")/.."
PROG=shellcheck.sh

if ! command -v shellcheck > /dev/null 2>&1; then
  printf '%s: error: shellcheck is not installed: apt-get install shellcheck (Debian, Ubuntu), or skip this check with -Dshellcheck.skip=true\n' "$PROG" >&2
  exit 1
fi

# The work tree's files, NUL-separated. Without git (a source archive), every file but build output.
list_files() {
  if git rev-parse --is-inside-work-tree > /dev/null 2>&1; then
    git ls-files -z --cached --others --exclude-standard
  else
    find . \( -name .git -o -name target -o -name node_modules \) -prune -o -type f -printf '%P\0'
  fi
}

shebang='^#![[:space:]]*(/usr)?/bin/(env[[:space:]]+)?(sh|bash|dash|ksh)([[:space:]]|$)'
scripts=()
while IFS= read -r -d '' file; do
  [ -f "$file" ] || continue   # listed by git, deleted in the work tree
  first=""
  case $file in
    *.sh) scripts+=("$file") ;;
    *) IFS= read -r first < "$file" 2>/dev/null || true
       [[ $first =~ $shebang ]] && scripts+=("$file") ;;
  esac
done < <(list_files)
# A check that found nothing to check cannot pass.
[ ${#scripts[@]} -gt 0 ] || { printf '%s: error: found no shell script under %s\n' "$PROG" "$PWD" >&2; exit 1; }

printf '%s: %s shell scripts, shellcheck %s\n' "$PROG" "${#scripts[@]}" "$(shellcheck --version | sed -n 's/^version: //p')"
# --norc: the same checks on every machine, whatever .shellcheckrc lies around. -x with the script's
# own folder as source path: a sourced file (publish-e2e.sh sources host.sh) is read as it is used.
if ! shellcheck --norc --external-sources --source-path=SCRIPTDIR --format=gcc -- "${scripts[@]}"; then
  printf '%s: error: shellcheck found the problems above (file:line:col): fix them; where a warning is wrong, disable it on the line before with the reason (# shellcheck disable=SCnnnn # why). https://www.shellcheck.net/wiki/SCnnnn explains each.\n' "$PROG" >&2
  exit 1
fi
printf '%s: no findings\n' "$PROG"
