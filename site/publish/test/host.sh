#!/usr/bin/env bash
# The web host of the publishing tests: sshd, nginx and Apache on 127.0.0.1 with throwaway keys,
# certificate, ports and folders, configured from docs/hosting/ as an administrator would (README,
# Publishing, steps 1-3; only ports, host name, certificate and folder replaced). It never touches the
# machine's own services or /etc: every server runs in the foreground from a temporary folder.
#
# Two uses:
# - sourced by publish-e2e.sh, which sets ROOT, PREFIX, W (an empty temporary folder), pids=(), say
#   and fail, calls host_start, and stops the servers in its own cleanup;
# - run on its own by the pipeline rehearsal (site/pipelines), which publishes to it:
#     host.sh serve DIR   starts the host in the empty folder DIR, writes DIR/host.env (ports, user,
#                         folders), prints "ready", serves until its standard input closes or it is
#                         stopped, then stops every server and leaves DIR for inspection.
# Needs openssh-server openssh-client nginx apache2 curl openssl (listed in .ci/prerequisites).

# Polls until the command succeeds, without sleeping longer than needed.
wait_until() {
  local timeout=$1; shift
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.05
  done
}
alive() { kill -0 "$1" 2>/dev/null; }
answers_https() { curl -s -o /dev/null --max-time 2 --cacert "$W/tls/cert.pem" "https://127.0.0.1:$1/"; }
answers_ssh() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1 && head -c 4 <&3" 2>/dev/null | grep -q '^SSH-'; }
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Ports picked at random and checked free; a server that still loses its port to a race is started
# again on new ones (start_with_retry).
pick_ports() {
  local p n=$1
  ports=()
  while [ ${#ports[@]} -lt "$n" ]; do
    p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    port_taken "$p" || [[ " ${ports[*]} " == *" $p "* ]] || ports+=("$p")
  done
}
start_with_retry() {  # NAME PORT_COUNT START_FUNCTION READY_FUNCTION
  local name=$1 count=$2 start=$3 ready=$4 attempt
  for attempt in 1 2 3 4 5; do
    pick_ports "$count"
    "$start" "${ports[@]}"
    if wait_until 20 "$ready"; then return 0; fi
    kill "${pids[-1]}" 2>/dev/null || true
    grep -qi 'in use' "$W/logs/$name.log" || fail "$name did not start (attempt $attempt)"
  done
  fail "$name found no free ports in 5 attempts"
}

# Writes a file of docs/hosting/ with the given replacements, each of which must apply: a
# configuration that no longer has the expected line fails the test instead of being half-tested.
adapt() {  # SOURCE DEST [FROM TO]...
  local src=$1 dest=$2 text
  text=$(<"$src"); shift 2
  while [ $# -gt 0 ]; do
    [[ $text == *"$1"* ]] || fail "${src#"$ROOT"/} no longer contains '$1': update the test with the configuration"
    text=${text//"$1"/"$2"}
    shift 2
  done
  printf '%s\n' "$text" > "$dest"
}

# The server's host key, the deploy key of step 2 of the README (and an impostor's), a TLS certificate.
host_keys() {
  ssh-keygen -q -t ed25519 -N '' -C e2e-host -f "$W/ssh/host_ed25519"
  ssh-keygen -q -t ed25519 -N '' -C e2e-deploy -f "$W/ssh/deploy_ed25519"
  ssh-keygen -q -t ed25519 -N '' -C e2e-impostor -f "$W/ssh/impostor_ed25519"
  # 'restrict' (no forwarding, no terminal), as README tells the IT person to write it.
  printf 'restrict %s\n' "$(cat "$W/ssh/deploy_ed25519.pub")" > "$W/ssh/authorized_keys"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -addext basicConstraints=critical,CA:FALSE \
    -keyout "$W/tls/key.pem" -out "$W/tls/cert.pem" 2>/dev/null
  chmod 644 "$W/tls/key.pem"   # read by nginx and Apache whatever user they run as (throwaway key)
}

# --- sshd -----------------------------------------------------------------------------------------
start_sshd() {
  cat > "$W/ssh/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $1
HostKey $W/ssh/host_ed25519
PidFile $W/ssh/sshd.pid
AuthorizedKeysFile $W/ssh/authorized_keys
AllowUsers $(id -un)
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
# The temporary directory is under /tmp, which StrictModes rejects; a real server keeps it on.
StrictModes no
# Debian's bash reads ~/.bashrc for commands run over ssh unless SHLVL says it is nested: the
# test's user's own ~/.bashrc (pyenv, nvm, ...) is not under test and can take seconds per command.
SetEnv SHLVL=1
EOF
  /usr/sbin/sshd -D -e -f "$W/ssh/sshd_config" 2> "$W/logs/sshd.log" &
  pids+=($!)
  SSH_PORT=$1
}
sshd_ready() { alive "${pids[-1]}" && answers_ssh "$SSH_PORT"; }

# --- nginx: docs/hosting/nginx.conf under the sub-path, and again at the root ---------------------
start_nginx() {
  local nh=$1 ns=$2 rh=$3 rs=$4 user=""
  [ "$(id -u)" != 0 ] || user="user nobody nogroup;"
  adapt "$ROOT/docs/hosting/nginx.conf" "$W/nginx/sub.conf" \
    "listen 80;" "listen 127.0.0.1:$nh;" "listen [::]:80;" "" \
    "listen 443 ssl;" "listen 127.0.0.1:$ns ssl;" "listen [::]:443 ssl;" "" \
    /etc/ssl/certs/www.example.org.pem "$W/tls/cert.pem" \
    /etc/ssl/private/www.example.org.key "$W/tls/key.pem" \
    www.example.org 127.0.0.1 /srv/abierto "$W/server"
  # At the root: what the comment at the top of the file tells the reader to do.
  adapt "$W/nginx/sub.conf" "$W/nginx/root.conf" \
    "$nh;" "$rh;" "$ns ssl;" "$rs ssl;" "$PREFIX" / \
    abierto_cache_control abierto_cache_control_root abierto_csp abierto_csp_root
  cat > "$W/nginx/nginx.conf" <<EOF
$user
daemon off;
worker_processes 2;
pid $W/nginx/nginx.pid;
error_log $W/logs/nginx.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path $W/nginx/tmp/body;
    proxy_temp_path $W/nginx/tmp/proxy;
    fastcgi_temp_path $W/nginx/tmp/fastcgi;
    uwsgi_temp_path $W/nginx/tmp/uwsgi;
    scgi_temp_path $W/nginx/tmp/scgi;
    include $W/nginx/sub.conf;
    include $W/nginx/root.conf;
}
EOF
  nginx -e "$W/logs/nginx.log" -p "$W/nginx" -c "$W/nginx/nginx.conf" 2> "$W/logs/nginx-stderr.log" &
  pids+=($!)
  # shellcheck disable=SC2034 # read by publish-e2e.sh, which sources this file
  NGINX_HTTP=$nh NGINX=$ns NGINX_ROOT=$rs
}
nginx_ready() { alive "${pids[-1]}" && answers_https "$NGINX" && answers_https "$NGINX_ROOT"; }

# --- Apache: docs/hosting/apache.conf under the sub-path, and again at the root -------------------
start_apache() {
  local ah=$1 as=$2 rh=$3 rs=$4 user=""
  [ "$(id -u)" != 0 ] || user=$'User nobody\nGroup nogroup'
  adapt "$ROOT/docs/hosting/apache.conf" "$W/apache/sub.conf" \
    "<VirtualHost *:80>" "<VirtualHost 127.0.0.1:$ah>" \
    "<VirtualHost *:443>" "<VirtualHost 127.0.0.1:$as>" \
    /etc/ssl/certs/www.example.org.pem "$W/tls/cert.pem" \
    /etc/ssl/private/www.example.org.key "$W/tls/key.pem" \
    https://www.example.org/ "https://127.0.0.1:$as/" \
    www.example.org 127.0.0.1 /srv/abierto "$W/server"
  adapt "$W/apache/sub.conf" "$W/apache/root.conf" \
    "127.0.0.1:$ah>" "127.0.0.1:$rh>" "127.0.0.1:$as>" "127.0.0.1:$rs>" "127.0.0.1:$as/" "127.0.0.1:$rs/" \
    "Alias /transparencia/informe $W/server/current" "DocumentRoot $W/server/current" \
    "$PREFIX" /
  local m=/usr/lib/apache2/modules
  cat > "$W/apache/httpd.conf" <<EOF
ServerRoot $W/apache
ServerName 127.0.0.1
Listen 127.0.0.1:$ah
Listen 127.0.0.1:$as
Listen 127.0.0.1:$rh
Listen 127.0.0.1:$rs
PidFile $W/apache/httpd.pid
DefaultRuntimeDir $W/apache/run
ErrorLog $W/logs/apache.log
LogLevel warn
$user
LoadModule mpm_event_module $m/mod_mpm_event.so
LoadModule authz_core_module $m/mod_authz_core.so
LoadModule alias_module $m/mod_alias.so
LoadModule dir_module $m/mod_dir.so
LoadModule mime_module $m/mod_mime.so
LoadModule headers_module $m/mod_headers.so
LoadModule rewrite_module $m/mod_rewrite.so
LoadModule ssl_module $m/mod_ssl.so
LoadModule filter_module $m/mod_filter.so
LoadModule deflate_module $m/mod_deflate.so
TypesConfig /etc/mime.types
# As Debian enables it by default: on-the-fly compression must not touch the .gz copies.
AddOutputFilterByType DEFLATE text/html text/plain text/xml text/css
Include $W/apache/sub.conf
Include $W/apache/root.conf
EOF
  /usr/sbin/apache2 -d "$W/apache" -f "$W/apache/httpd.conf" -DFOREGROUND 2>> "$W/logs/apache.log" &
  pids+=($!)
  # shellcheck disable=SC2034 # read by publish-e2e.sh, which sources this file
  APACHE_HTTP=$ah APACHE=$as APACHE_ROOT=$rs
}
apache_ready() { alive "${pids[-1]}" && answers_https "$APACHE" && answers_https "$APACHE_ROOT"; }

# Keys, then sshd, nginx and Apache, each on free ports. Sets SSH_PORT, NGINX, NGINX_HTTP, NGINX_ROOT,
# APACHE, APACHE_HTTP and APACHE_ROOT; writes W/ssh/known_hosts, the pinned host key as an administrator
# copies it from the server's /etc/ssh/ssh_host_ed25519_key.pub (README, Publishing, step 2).
host_start() {
  mkdir -p "$W"/{ssh,tls,nginx/tmp,apache/run,server,logs}
  chmod 755 "$W" "$W/server"   # nginx and Apache workers run as 'nobody' when the test runs as root
  if [ "$(id -u)" = 0 ] && [ ! -d /run/sshd ]; then
    # sshd running as root insists on its privilege-separation directory; Debian's service script
    # creates it at boot, a container has none. (Not configuration: an empty runtime directory.)
    mkdir -p /run/sshd && chmod 755 /run/sshd
  fi
  host_keys
  start_with_retry sshd 1 start_sshd sshd_ready
  printf '[127.0.0.1]:%s %s\n' "$SSH_PORT" "$(cut -d' ' -f1,2 "$W/ssh/host_ed25519.pub")" > "$W/ssh/known_hosts"
  printf '[127.0.0.1]:%s %s\n' "$SSH_PORT" "$(cut -d' ' -f1,2 "$W/ssh/impostor_ed25519.pub")" > "$W/ssh/wrong_known_hosts"
  start_with_retry nginx 4 start_nginx nginx_ready
  start_with_retry apache 4 start_apache apache_ready
}

# --- Run on its own -------------------------------------------------------------------------------
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  if [ $# -ne 2 ] || [ "$1" != serve ]; then
    echo "usage: $0 serve DIR   (DIR: an empty folder for the host's keys, configuration, logs and releases)" >&2
    exit 2
  fi
  ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
  PREFIX=/transparencia/informe/
  mkdir -p "$2"
  W=$(cd "$2" && pwd)
  [ -z "$(ls -A "$W")" ] || { echo "host.sh: $W is not empty" >&2; exit 2; }
  say() { printf 'host: %s\n' "$*" >&2; }
  fail() { printf 'host: FAIL: %s\n' "$*" >&2; exit 1; }
  pids=()
  stop() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
      kill -9 "$pid" 2>/dev/null || true
    done
  }
  trap stop EXIT
  trap 'exit 130' INT TERM
  host_start
  cat > "$W/host.env" <<ENV
SSH_PORT=$SSH_PORT
HTTPS_PORT=$NGINX
USER=$(id -un)
SERVER_DIR=$W/server
DEPLOY_KEY=$W/ssh/deploy_ed25519
KNOWN_HOSTS=$W/ssh/known_hosts
CERTIFICATE=$W/tls/cert.pem
PREFIX=$PREFIX
ENV
  say "sshd :$SSH_PORT, nginx :$NGINX (https, $PREFIX), Apache :$APACHE"
  echo ready
  # Serves until the caller closes standard input (or stops this script).
  cat > /dev/null || true
fi
