#!/usr/bin/env bash
# Scale-out test: two toegangd "hosts" (two daemons, each with its own state
# and spool) behind nginx, FastCGI over TCP on loopback, a PostgreSQL primary
# and a hot standby (pg_basebackup -R, streaming replication, a slot) on
# loopback with scram, reads routed to the standby. Then the primary is
# stopped (fast, later kill -9): reads keep their data, their access-log
# records wait in the spools and reach the access log exactly once when the
# primary is back; writes answer 503 problem+json; no worker dies.
#   tests/scaleout/run.sh BUILDDIR SRCDIR
# Writes "passed N failed M" to BUILDDIR/tests/scaleout.result. Run as root.
set -uo pipefail

BUILD=$(cd "${1:?builddir}" && pwd)
SRC=$(cd "${2:?srcdir}" && pwd)
STATE=$(mktemp -d /tmp/toegang-scaleout.XXXXXX)
chmod 0755 "$STATE"
RESULT=$BUILD/tests/scaleout.result
mkdir -p "$BUILD/tests"
rm -f "$RESULT"
# shellcheck source=tests/lib.sh
source "$SRC/tests/lib.sh"

[ "$(id -u)" = 0 ] || { echo "scaleout: run as root (initdb runs as postgres)" >&2; exit 1; }
PGBIN=$( (ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true) | sort -V | tail -n 1)
[ -n "$PGBIN" ] || { echo "scaleout: PostgreSQL server binaries not found" >&2; exit 1; }
id toegang >/dev/null 2>&1 ||
	useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin toegang

# Free TCP ports on 127.0.0.1, chosen by the kernel (other stacks run beside us).
read -r PG1 PG2 F1 F2 HTTPS HTTP FAKE < <(python3 -c '
import socket
ss = [socket.socket() for _ in range(7)]
for s in ss: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in ss))')
BASE=https://127.0.0.1:$HTTPS
PLUGINS="whoami verwijzing mandaat melding overdracht zaken cjg gezin pgb producten berichten"

pg() { (cd / && runuser -u postgres -- "$PGBIN/$@"); }
pg_ctl_() { local n=$1; shift; pg pg_ctl -D "$STATE/pg$n" -l "$STATE/log/pg$n.log" -w -t 60 "$@" >/dev/null; }
# psql as the superuser on server N (over its unix socket, peer authentication)
su_psql() { (cd / && runuser -u postgres -- psql -X -q -At -v ON_ERROR_STOP=1 -h "$STATE/run/pg$1" -p "$(port_of "$1")" -d "${3:-toegang}" -c "$2"); }
port_of() { if [ "$1" = 1 ]; then echo "$PG1"; else echo "$PG2"; fi; }

stop_daemon() {
	local n=$1 pid
	[ -f "$STATE/d$n/toegangd.pid" ] || return 0
	pid=$(cat "$STATE/d$n/toegangd.pid")
	kill -TERM "$pid" 2>/dev/null
	for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null
	rm -f "$STATE/d$n/toegangd.pid"
}
cleanup() {
	[ -f "$STATE/nginx/nginx.pid" ] && kill -QUIT "$(cat "$STATE/nginx/nginx.pid")" 2>/dev/null
	[ -n "${FAKE_PID:-}" ] && kill "$FAKE_PID" 2>/dev/null
	for n in 1 2; do stop_daemon "$n"; done
	for n in 1 2; do
		[ -f "$STATE/pg$n/postmaster.pid" ] && pg_ctl_ "$n" -m immediate stop 2>/dev/null
	done
	echo "passed $PASSED failed $FAILED" >"$RESULT"
	if [ "$FAILED" -gt 0 ]; then
		echo "--- last lines of the daemon logs ---"
		tail -n 15 "$STATE"/d1/toegangd.log "$STATE"/d2/toegangd.log 2>/dev/null
	fi
	[ -n "${KEEP_STATE:-}" ] && echo "state kept in $STATE" || rm -rf "$STATE"
}
trap cleanup EXIT

mkdir -p "$STATE/log" "$STATE/run"
chown postgres "$STATE/log"

# ---------------------------------------------------------------- the primary
install -d -o postgres -g postgres -m 0700 "$STATE/pg1" "$STATE/pg2"
install -d -o postgres -g postgres -m 0755 "$STATE/run/pg1" "$STATE/run/pg2"
PW_APP=$(openssl rand -hex 16)
PW_REPL=$(openssl rand -hex 16)
pg initdb -D "$STATE/pg1" -U postgres --auth-local=peer --auth-host=scram-sha-256 -E UTF8 \
	--locale=C.UTF-8 >"$STATE/log/initdb.log" 2>&1 || { cat "$STATE/log/initdb.log"; exit 1; }
# As docs/scale-out.md asks of a production primary: scram over TCP for the
# app role and for replication, from the app hosts and the standby only.
cat >"$STATE/pg1/pg_hba.conf" <<EOF
local all postgres peer
local toegang toegang_owner peer map=toegang
host toegang toegang_app 127.0.0.1/32 scram-sha-256
host replication replicator 127.0.0.1/32 scram-sha-256
EOF
echo "toegang root toegang_owner" >"$STATE/pg1/pg_ident.conf"
cat >>"$STATE/pg1/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$STATE/run/pg1'
port = $PG1
wal_level = replica
max_wal_senders = 4
max_replication_slots = 4
hot_standby = on
log_line_prefix = '%m [%p] %a %u '
EOF
pg_ctl_ 1 start || { tail "$STATE/log/pg1.log"; exit 1; }
su_psql 1 "CREATE ROLE toegang_owner LOGIN;
	CREATE ROLE toegang_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '$PW_APP';
	CREATE ROLE replicator REPLICATION LOGIN PASSWORD '$PW_REPL';" postgres
su_psql 1 "CREATE DATABASE toegang OWNER toegang_owner" postgres
if "$BUILD/toegang-migrate" "host=$STATE/run/pg1 port=$PG1 dbname=toegang user=toegang_owner" "$SRC/sql" \
	>"$STATE/log/migrate.log" 2>&1; then ok "the primary runs, migrated"; else cat "$STATE/log/migrate.log"; not_ok "the primary runs, migrated"; exit 1; fi

# ---------------------------------------------------------------- the standby
# pg_basebackup -R writes primary_conninfo and standby.signal; -C -S a slot,
# so the primary keeps the WAL the standby has not had yet.
if (cd / && runuser -u postgres -- env PGPASSWORD="$PW_REPL" "$PGBIN/pg_basebackup" -h 127.0.0.1 \
	-p "$PG1" -U replicator -D "$STATE/pg2" -R -X stream -C -S standby1 -c fast >"$STATE/log/basebackup.log" 2>&1); then
	ok "pg_basebackup -R -C -S copies the primary for the standby"
else
	cat "$STATE/log/basebackup.log"; not_ok "pg_basebackup"; exit 1
fi
cat >>"$STATE/pg2/postgresql.conf" <<EOF
unix_socket_directories = '$STATE/run/pg2'
port = $PG2
# Every statement the standby runs is logged: the proof that reads go there.
log_statement = 'all'
EOF
pg_ctl_ 2 start || { tail "$STATE/log/pg2.log"; exit 1; }
streaming=""
for _ in $(seq 1 100); do
	streaming=$(su_psql 1 "SELECT state FROM pg_stat_replication LIMIT 1" postgres)
	[ "$streaming" = streaming ] && break
	sleep 0.1
done
check "the standby streams from the primary over its slot, in recovery, read-only" \
	eval '[ "$streaming" = streaming ] && [ "$(su_psql 2 "SELECT pg_is_in_recovery()" postgres)" = t ] &&
		[ "$(su_psql 1 "SELECT active FROM pg_replication_slots WHERE slot_name = '\''standby1'\''" postgres)" = t ]'

# ---------------------------------------------------------------- two toegangd hosts
(umask 077 && openssl rand -hex 32 >"$STATE/jwt.secret" && openssl rand -hex 32 >"$STATE/pseudonym.key")
install -o toegang -g toegang -m 0600 /dev/null "$STATE/pgpass"
printf '127.0.0.1:%s:toegang:toegang_app:%s\n127.0.0.1:%s:toegang:toegang_app:%s\n' \
	"$PG1" "$PW_APP" "$PG2" "$PW_APP" >"$STATE/pgpass"
install -d -m 0755 "$STATE/plugins"
for so in "$BUILD"/plugins/*/.libs/*.so; do ln -sf "$so" "$STATE/plugins/"; done
PRIMARY="host=127.0.0.1 port=$PG1 dbname=toegang user=toegang_app passfile=$STATE/pgpass"
STANDBY="host=127.0.0.1 port=$PG2 dbname=toegang user=toegang_app passfile=$STATE/pgpass"

# daemon_args N [key=value...]: host N's configuration on top of etc/toegang.conf
daemon_args() {
	local n=$1 kv; shift
	local port=$F1; [ "$n" = 2 ] && port=$F2
	for kv in "socket_path=" "listen=127.0.0.1:$port" "web_server_addrs=127.0.0.1" "user=toegang" \
		"plugin_dir=$STATE/plugins" "data_dir=$SRC/data" "database=$PRIMARY" \
		"database_standby=$STANDBY" "read_from=standby" "spool_dir=$STATE/d$n/spool" \
		"jwt_alg=HS256" "jwt_hs256_secret_file=$STATE/jwt.secret" \
		"pseudonym_key_file=$STATE/pseudonym.key" "jwt_issuer=toegang-dev" \
		"jwt_audience=toegang" "workers=2" "shutdown_grace=5" "db_connect_timeout=2" \
		"plugins=$PLUGINS" "$@"; do
		printf -- '-s\0%s\0' "$kv"
	done
}
start_daemon() {
	local n=$1; shift
	local port=$F1; [ "$n" = 2 ] && port=$F2
	install -d -m 0755 "$STATE/d$n"
	install -d -o toegang -g toegang -m 0700 "$STATE/d$n/spool"
	local args=()
	mapfile -d '' args < <(daemon_args "$n" "$@")
	setsid "$BUILD/toegangd" -c "$SRC/etc/toegang.conf" "${args[@]}" \
		</dev/null >>"$STATE/d$n/toegangd.log" 2>&1 &
	echo $! >"$STATE/d$n/toegangd.pid"
	for _ in $(seq 1 100); do
		python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' "$port" 2>/dev/null && return 0
		kill -0 "$(cat "$STATE/d$n/toegangd.pid")" 2>/dev/null || break
		sleep 0.1
	done
	tail -n 5 "$STATE/d$n/toegangd.log" >&2
	return 1
}
master_of() { cat "$STATE/d$1/toegangd.pid"; }
workers_of() { pgrep -P "$(master_of "$1")" | sort | tr '\n' ' '; }

check "toegangd host 1 listens on TCP 127.0.0.1:$F1" start_daemon 1
check "toegangd host 2 listens on TCP 127.0.0.1:$F2" start_daemon 2

# ---------------------------------------------------------------- nginx, from the example
# etc/nginx-scaleout.conf.example as shipped, with its paths, addresses and
# ports made local: the upstream is the two daemons.
install -d -m 0755 "$STATE/nginx" "$STATE/nginx/share/etc" "$STATE/nginx/ssl"
cp -R "$BUILD/site" "$STATE/nginx/share/site"
cp "$SRC"/etc/nginx-security-headers.conf "$SRC"/etc/nginx-hsts.conf "$STATE/nginx/share/etc/"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=portaal.example.nl \
	-keyout "$STATE/nginx/ssl/privkey.pem" -out "$STATE/nginx/ssl/fullchain.pem" >/dev/null 2>&1
sed -e "s|/etc/ssl/toegang/|$STATE/nginx/ssl/|g" -e "s|/usr/local/share/toegang/|$STATE/nginx/share/|g" \
	-e "s|/var/log/nginx/|$STATE/log/|g" -e "s|/run/nginx-toegang.pid|$STATE/nginx/nginx.pid|" \
	-e "s|idp.example.nl|127.0.0.1|g" -e "s|listen 80;|listen 127.0.0.1:$HTTP;|" \
	-e "/listen \[::\]/d" -e "s|listen 443 ssl http2;|listen 127.0.0.1:$HTTPS ssl http2;|" \
	-e "s|server 10.0.1.11:9000|server 127.0.0.1:$F1|" -e "s|server 10.0.1.12:9000|server 127.0.0.1:$F2|" \
	"$SRC/etc/nginx-scaleout.conf.example" >"$STATE/nginx/nginx.conf"
# The test's own temp directories (nginx's compiled-in ones may belong to another instance).
sed -i "s|^http {|http {\n    client_body_temp_path $STATE/nginx/tmp/body;\n    fastcgi_temp_path $STATE/nginx/tmp/fastcgi;\n    proxy_temp_path $STATE/nginx/tmp/proxy;\n    uwsgi_temp_path $STATE/nginx/tmp/uwsgi;\n    scgi_temp_path $STATE/nginx/tmp/scgi;|" "$STATE/nginx/nginx.conf"
install -d -o www-data -g www-data -m 0700 "$STATE/nginx/tmp"
out=$(nginx -t -c "$STATE/nginx/nginx.conf" -p "$STATE/nginx" 2>&1)
check "etc/nginx-scaleout.conf.example passes nginx -t" eval 'grep -q "test is successful" <<<"$out"'
check "etc/nginx-scaleout.conf.example is the production example with the upstream (tests/scaleout/nginx-example.py)" \
	eval 'python3 "$SRC/tests/scaleout/nginx-example.py" "$SRC/etc/nginx-production.conf.example" | cmp -s - "$SRC/etc/nginx-scaleout.conf.example"'
nginx -c "$STATE/nginx/nginx.conf" -p "$STATE/nginx" 2>/dev/null
NGINX_UP=$?
check "nginx runs the example, with the two daemons as its upstream" test "$NGINX_UP" = 0

# request METHOD PATH [curl args...]: sets STATUS, BODY, HEADERS
request() {
	local method=$1 path=$2; shift 2
	local hdr body
	hdr=$(mktemp) body=$(mktemp)
	STATUS=$(curl -sk -o "$body" -D "$hdr" -w '%{http_code}' -X "$method" "$@" "$BASE$path")
	BODY=$(cat "$body")
	HEADERS=$(tr -d '\r' <"$hdr")
	rm -f "$hdr" "$body"
}
header() { printf '%s\n' "$HEADERS" | grep -i "^$1:" | head -n 1 | cut -d' ' -f2- ; }
json() { printf '%s' "$BODY" | python3 -c "import json,sys; d=json.load(sys.stdin); print(d$1)" 2>/dev/null; }
is_problem() { # is_problem STATUS [SLUG]
	[ "$STATUS" = "$1" ] && [ "$(header Content-Type)" = "application/problem+json" ] &&
		[ "$(json "['status']")" = "$1" ] && { [ -z "${2:-}" ] || [ "$(json "['type']")" = "urn:toegang:problem:$2" ]; }
}
token() { "$BUILD/toegang-token" -k "$STATE/jwt.secret" "$@"; }
GP=$(token -r huisarts -c agb=01234567)
BODY_JSON='{"jeugdige": {"bsn": "123456782", "geboortedatum": "2014-05-01", "naam": "Sam de Vries"},
  "gezaghebbenden": [{"bsn": "111222333", "naam": "Anna de Vries", "gemeente": "0301"}],
  "hulpvraag": "vrije tekst", "spoed": false}'
create() { request POST /api/v1/verwijzingen -H "Authorization: Bearer $GP" -H 'Content-Type: application/json' \
	-H "Idempotency-Key: scaleout-$RANDOM-$RANDOM" --data-binary "$BODY_JSON"; }
read_zaak() { request GET "/api/v1/zaken/$1" -H "Authorization: Bearer $GP"; }
log_rows() { su_psql 1 "SELECT count(*) FROM toegangslog WHERE request_id = '$1'"; }
spool_files() { find "$STATE"/d1/spool "$STATE"/d2/spool -name '*.spool' 2>/dev/null; }
# until SECONDS COMMAND...: retries COMMAND every 0.2 s for up to SECONDS
until_() { local end=$(( $(date +%s) + $1 )); shift; until "$@"; do [ "$(date +%s)" -ge "$end" ] && return 1; sleep 0.2; done; }

# ---------------------------------------------------------------- the TCP listener's peers
probe=$(python3 "$SRC/tests/scaleout/fcgi_probe.py" 127.0.0.1 "$F1")
check "FastCGI from 127.0.0.1, a web_server_addrs host, is served ($probe)" eval '[[ "$probe" == "answered Status: 200"* ]]'
probe=$(python3 "$SRC/tests/scaleout/fcgi_probe.py" 127.0.0.2 "$F1")
check "FastCGI from 127.0.0.2, not in web_server_addrs, is closed unanswered ($probe)" test "$probe" = "closed"
probe=$(python3 "$SRC/tests/scaleout/fcgi_probe.py" 127.0.0.2 "$F2")
check "host 2 refuses 127.0.0.2 as well ($probe)" test "$probe" = "closed"
W1=$(workers_of 1) W2=$(workers_of 2)

# ---------------------------------------------------------------- both servers up
request GET /api/v1/health
check "health: 200 ok, primary and standby up" \
	eval '[ "$STATUS:$(json "['\''status'\'']"):$(json "['\''details'\''][\"database\"]")" = "200:ok:{'\''primary'\'': '\''up'\'', '\''standby'\'': '\''up'\''}" ]'

# Read-your-writes: each create is read at once, on whichever host nginx picks.
ryw_fail=0
IDS=()
for i in $(seq 1 6); do
	create
	id=$(json "['id']")
	[ "$STATUS" = 201 ] || { ryw_fail=$((ryw_fail + 1)); continue; }
	IDS+=("$id")
	read_zaak "$id"
	[ "$STATUS:$(json "['id']")" = "200:$id" ] || ryw_fail=$((ryw_fail + 1))
done
check "6 creates, each read at once: all 201 then 200 with the zaak (read-your-writes)" test "$ryw_fail" = 0
ZAAK=${IDS[0]}
# On a loaded machine (ASan, 2 cores) the standby can be more than
# standby_max_wait_ms behind for one of the reads above, which then sends
# that worker's reads to the primary for a second: let the standby catch up
# and that second pass, so this read shows where reads go when all is well.
primary_lsn=$(su_psql 1 "SELECT pg_current_wal_flush_lsn()" postgres)
for _ in $(seq 1 50); do
	[ "$(su_psql 2 "SELECT pg_last_wal_replay_lsn() >= '$primary_lsn'::pg_lsn" postgres)" = t ] && break
	sleep 0.1
done
sleep 1.1
read_zaak "$ZAAK"
REF=$(json "['referentie']")
check "the reads ran on the standby: its log shows the zaak read with the zaak's id" \
	eval 'grep -A1 "execute zaken.zaak_read" "$STATE/log/pg2.log" | grep -q "$ZAAK"'
check "the standby holds the daemons' connections (pg_stat_activity: toegangd-standby, toegang_app)" \
	eval '[ "$(su_psql 2 "SELECT count(*) FROM pg_stat_activity WHERE application_name = '\''toegangd-standby'\'' AND usename = '\''toegang_app'\''" postgres)" -ge 1 ]'
check "writes never ran on the standby: no INSERT in its log" eval '! grep -q "execute .*: *INSERT" "$STATE/log/pg2.log"'
check "nginx spread the requests over both hosts" \
	eval 'grep -q "127.0.0.1:$F1" "$STATE/log/toegang-access.log" && grep -q "127.0.0.1:$F2" "$STATE/log/toegang-access.log"'
rid=$(header X-Request-Id)
check "a standby read's access-log record reached the primary, once, with a delivery key" \
	eval '[ "$(su_psql 1 "SELECT count(*) || '\'':'\'' || count(delivery_key) FROM toegangslog WHERE request_id = '\''$rid'\''")" = 1:1 ]'

# A standby that falls behind: replay paused, a create on the primary is not
# on the standby. The read waits standby_max_wait_ms, then the primary answers.
su_psql 2 "SELECT pg_wal_replay_pause()" postgres >/dev/null
create
LAG_ID=$(json "['id']")
read_zaak "$LAG_ID"
check "replay paused on the standby: a zaak created just now is read (200, from the primary)" \
	test "$STATUS:$(json "['id']")" = "200:$LAG_ID"
check "the daemon logged that the standby was behind" eval 'grep -q "\"standby-behind\"" "$STATE"/d1/toegangd.log "$STATE"/d2/toegangd.log'
check "and the standby never saw that zaak read" eval '! grep -q "$LAG_ID" "$STATE/log/pg2.log"'
su_psql 2 "SELECT pg_wal_replay_resume()" postgres >/dev/null

# Every GET route, with reads on the standby: none may write (a write there
# fails with SQLSTATE 25006, and the answer would be a 5xx).
CJG=$(token -r cjg -c gemeente=0301)
read_zaak "$ZAAK"
GEZIN=$(json "['gezin']['id']")
EXEC_BEFORE=$(grep -c "toegang_app LOG:  execute" "$STATE/log/pg2.log")
get_fail=""
for call in "GP /api/v1/whoami" "GP /api/v1/zaken" "GP /api/v1/zaken/$ZAAK" "GP /api/v1/zaken/$ZAAK/inzage" \
	"CJG /api/v1/werkvoorraad" "GP /api/v1/gezinnen/$GEZIN" "GP /api/v1/producten" "GP /api/v1/aanbieders" \
	"CJG /api/v1/overzicht/producten?van=2026-01-01&tot=2026-12-31" "GP /api/v1/pgb/tarieven" \
	"CJG /api/v1/zaken/$ZAAK/toewijzingen/1/jw301" "- /api/v1/health"; do
	who=${call%% *} path=${call#* }
	if [ "$who" = - ]; then request GET "$path"; else request GET "$path" -H "Authorization: Bearer ${!who}"; fi
	[ "$STATUS" -ge 200 ] && [ "$STATUS" -lt 500 ] || get_fail="$get_fail $path:$STATUS"
done
check "every GET route answers without a 5xx with reads on the standby${get_fail:+:$get_fail}" test -z "$get_fail"
check "no GET route tried to write on the standby (no SQLSTATE 25006)" \
	eval '! grep -q "25006" "$STATE"/d1/toegangd.log "$STATE"/d2/toegangd.log'
check "and their statements ran on the standby" \
	eval '[ "$(grep -c "toegang_app LOG:  execute" "$STATE/log/pg2.log")" -ge $((EXEC_BEFORE + 10)) ]'

# ---------------------------------------------------------------- the primary stops
stop_primary() { # stop_primary fast|kill
	if [ "$1" = kill ]; then
		kill -KILL "$(head -n 1 "$STATE/pg1/postmaster.pid")"
		until_ 10 eval '! su_psql 1 "SELECT 1" postgres >/dev/null 2>&1'
	else
		pg_ctl_ 1 -m fast stop
	fi
}
# outage HOW: reads, writes and health with the primary gone; the request ids
# of the reads go to OUT_RIDS.
outage() {
	local how=$1 reads=0 rids=() i
	stop_primary "$how"
	for i in 1 2 3 4; do
		read_zaak "$ZAAK"
		[ "$STATUS:$(json "['referentie']")" = "200:$REF" ] && reads=$((reads + 1)) && rids+=("$(header X-Request-Id)")
	done
	check "primary stopped ($how): 4 reads of the zaak answer 200 with its data" test "$reads" = 4
	request GET /api/v1/zaken -H "Authorization: Bearer $GP"
	check "primary stopped ($how): the list answers 200 with the zaken" \
		eval '[ "$STATUS" = 200 ] && [ "$(json "['\''zaken'\''].__len__()")" -ge 6 ]'
	[ "$STATUS" = 200 ] && rids+=("$(header X-Request-Id)")
	create
	check "primary stopped ($how): a create answers 503 problem+json database-unavailable" is_problem 503 database-unavailable
	request GET /api/v1/health
	check "primary stopped ($how): health 200 ok, primary down, standby up" \
		eval '[ "$STATUS:$(json "['\''status'\'']"):$(json "['\''details'\''][\"database\"]")" = "200:ok:{'\''primary'\'': '\''down'\'', '\''standby'\'': '\''up'\''}" ]'
	check "primary stopped ($how): the reads' access-log records are in the spools" \
		eval '[ -n "$(spool_files)" ] && grep -qF "${rids[0]}" $(spool_files)'
	check "primary stopped ($how): the spools hold no BSN and no name" \
		eval '! grep -qE "123456782|111222333|Sam de Vries|Anna de Vries" $(spool_files)'
	check "primary stopped ($how): spool files are the daemon user's, mode 0600" \
		eval '[ -z "$(find "$STATE"/d1/spool "$STATE"/d2/spool -name "*.spool" ! \( -user toegang -perm 0600 \))" ]'
	OUT_RIDS=("${rids[@]}")
}
back() { # back HOW: the primary starts again; the spools drain into the access log
	local how=$1 ok_rows=1 r
	# After kill -9 the old backends may still be on their way out.
	until_ 20 pg_ctl_ 1 start 2>/dev/null
	check "primary back ($how): the spools empty within 20 s" until_ 20 eval '[ -z "$(spool_files)" ]'
	for r in "${OUT_RIDS[@]}"; do
		[ "$(su_psql 1 "SELECT count(*) = count(DISTINCT delivery_key) AND count(*) >= 1 FROM toegangslog WHERE request_id = '$r'")" = t ] || ok_rows=0
	done
	check "primary back ($how): each read of the outage is in the access log exactly once (${#OUT_RIDS[@]} requests)" test "$ok_rows" = 1
	check "primary back ($how): a single-zaak read is one row, with the zaak" \
		test "$(su_psql 1 "SELECT count(*) || ':' || min(zaak_id) || ':' || min(actie) FROM toegangslog WHERE request_id = '${OUT_RIDS[0]}'")" = "1:$ZAAK:zaak.lezen"
	check "primary back ($how): a create works again" until_ 5 eval 'create; [ "$STATUS" = 201 ]'
}

outage fast
SAVED=$STATE/saved-spool
mkdir -p "$SAVED"
cp -p $(spool_files) "$SAVED/"
FAST_RIDS=("${OUT_RIDS[@]}")
back fast

# A replay cut between its commit and the file's removal delivers the file
# again: put the delivered files back and let the master replay them.
ROWS_BEFORE=$(su_psql 1 "SELECT count(*) FROM toegangslog")
i=0
for f in "$SAVED"/*.spool; do
	i=$((i + 1))
	install -o toegang -g toegang -m 0600 "$f" "$STATE/d1/spool/toegangslog-again-$i.spool"
done
check "spool files delivered before and put back are replayed again" until_ 20 eval '[ -z "$(spool_files)" ]'
check "a second delivery adds no row to the access log" \
	test "$(su_psql 1 "SELECT count(*) FROM toegangslog")" = "$ROWS_BEFORE"
dup=0
for r in "${FAST_RIDS[@]}"; do
	[ "$(su_psql 1 "SELECT count(*) = count(DISTINCT delivery_key) FROM toegangslog WHERE request_id = '$r'")" = t ] || dup=1
done
check "each read is still in the access log exactly once" test "$dup" = 0

outage kill
back kill

# ---------------------------------------------------------------- no record, no read
pg_ctl_ 1 -m fast stop
chown root:root "$STATE"/d1/spool "$STATE"/d2/spool
read_zaak "$ZAAK"
check "primary away and the spool not writable: the read answers 503 problem+json, no data" \
	eval 'is_problem 503 && ! grep -q "$REF" <<<"$BODY"'
NO_RID=$(header X-Request-Id)
chown toegang:toegang "$STATE"/d1/spool "$STATE"/d2/spool
pg_ctl_ 2 -m fast stop
read_zaak "$ZAAK"
check "primary and standby both away: the read answers 503" is_problem 503
request GET /api/v1/health
check "primary and standby both away: health 503 database-unavailable" is_problem 503 database-unavailable
pg_ctl_ 1 start
pg_ctl_ 2 start
check "both back: reads answer again" until_ 10 eval 'read_zaak "$ZAAK"; [ "$STATUS" = 200 ]'
check "the read refused for want of a spool left no access-log record" test "$(log_rows "$NO_RID")" = 0

# ---------------------------------------------------------------- nginx and a host that is down
stop_daemon 2
fails=0
for _ in 1 2 3 4; do
	read_zaak "$ZAAK"; [ "$STATUS" = 200 ] || fails=$((fails + 1))
	create; [ "$STATUS" = 201 ] || fails=$((fails + 1))
done
check "host 2 stopped: nginx passes reads and creates to host 1 (connection refused: nothing was sent)" test "$fails" = 0
check "host 2 back" start_daemon 2

# A host that takes the request and dies before answering: nginx tries a GET
# on the next host, never a POST (the example has no non_idempotent).
cp "$STATE/nginx/nginx.conf" "$STATE/nginx/nginx.conf.shipped"
# max_fails=0 keeps the dropping host in the rotation for the whole test.
sed -i "s|server 127.0.0.1:$F1 max_fails=3|server 127.0.0.1:$FAKE max_fails=0|; s|server 127.0.0.1:$F2 |server 127.0.0.1:$F1 |" "$STATE/nginx/nginx.conf"
python3 -c '
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(16)
with open(sys.argv[2], "a") as log:
    while True:
        c, _ = s.accept(); c.settimeout(2)
        try: data = c.recv(65536)
        except OSError: data = b""
        log.write("POST\n" if b"POST" in data else "OTHER\n"); log.flush()
        c.close()' "$FAKE" "$STATE/fake.log" &
FAKE_PID=$!
sleep 0.3
nginx -c "$STATE/nginx/nginx.conf" -p "$STATE/nginx" -s reload 2>/dev/null
sleep 0.5
ZAKEN_BEFORE=$(su_psql 1 "SELECT count(*) FROM zaak")
gets=0 refused=0 created=0
for _ in $(seq 1 8); do
	read_zaak "$ZAAK"; [ "$STATUS" = 200 ] && gets=$((gets + 1))
	create; [ "$STATUS" = 201 ] && created=$((created + 1)); [ "$STATUS" = 503 ] && refused=$((refused + 1))
done
DROPPED=$(grep -c POST "$STATE/fake.log")
check "a host that drops the request: GETs are passed to the next host (8 of 8 answered 200, $(grep -c OTHER "$STATE/fake.log") dropped)" \
	eval '[ "$gets" = 8 ] && [ "$(grep -c OTHER "$STATE/fake.log")" -ge 1 ]'

check "a host that drops the request: a POST it took is not sent to another host ($DROPPED dropped, $refused answered 503, $created created)" \
	eval '[ "$DROPPED" -ge 1 ] && [ "$refused" = "$DROPPED" ] && [ "$(su_psql 1 "SELECT count(*) FROM zaak")" = "$((ZAKEN_BEFORE + created))" ]'
kill "$FAKE_PID" 2>/dev/null; FAKE_PID=
# The shipped upstream again, host 2 with it.
cp "$STATE/nginx/nginx.conf.shipped" "$STATE/nginx/nginx.conf"
nginx -c "$STATE/nginx/nginx.conf" -p "$STATE/nginx" -s reload 2>/dev/null

# ---------------------------------------------------------------- the daemons held up
check "no worker died on either host (the masters' logs)" \
	eval '! grep -q "\"worker-died\"" "$STATE"/d1/toegangd.log "$STATE"/d2/toegangd.log'
check "no sanitizer finding in the daemon logs" \
	eval '! grep -qE "AddressSanitizer|runtime error:" "$STATE"/d1/toegangd.log "$STATE"/d2/toegangd.log'
check "host 1 kept its workers through all of it" test "$(workers_of 1)" = "$W1"
check "no spool file was set aside as rejected" eval '[ -z "$(find "$STATE"/d1/spool "$STATE"/d2/spool -name "*.rejected")" ]'

# ---------------------------------------------------------------- configurations refused
refused() { # refused WHAT key=value...: toegangd -t refuses the configuration, naming WHAT
	local what=$1 args=(); shift
	mapfile -d '' args < <(daemon_args 1 "$@")
	local out
	out=$("$BUILD/toegangd" -t -c "$SRC/etc/toegang.conf" "${args[@]}" 2>&1) && return 1
	grep -q "$what" <<<"$out"
}
check "listen without web_server_addrs is refused" refused "needs web_server_addrs" "web_server_addrs="
check "listen on IPv6 is refused (libfcgi checks only IPv4 peers)" refused "IPv4" "listen=[::1]:9000"
check "listen and socket_path together are refused" refused "mutually exclusive" "socket_path=/run/x.sock"
check "web_server_addrs that is no address is refused" refused "web_server_addrs" "web_server_addrs=nginx.example.nl"
check "read_from = standby without database_standby is refused" refused "database_standby" "database_standby="
check "the shipped configuration with these keys passes -t" eval '! refused "x"'
chown root:root "$STATE/d1/spool"
stop_daemon 1
mapfile -d '' ARGS1 < <(daemon_args 1)
out=$(timeout 20 "$BUILD/toegangd" -c "$SRC/etc/toegang.conf" "${ARGS1[@]}" 2>&1)
rc=$?
check "a spool_dir the daemon user cannot write stops the start" eval '[ "$rc" = 1 ] && grep -q "spool_dir" <<<"$out"'
chown toegang:toegang "$STATE/d1/spool"

# ---------------------------------------------------------------- the systemd units
# As make install writes them, with this build's programs, checked offline.
if command -v systemd-analyze >/dev/null 2>&1; then
	UNITS=$STATE/units
	make -s -C "$BUILD" install-systemd-units DESTDIR="$UNITS" prefix=/ sbindir="$BUILD" bindir="$BUILD" >/dev/null
	UNITDIR=$UNITS/lib/systemd/system
	out=$(systemd-analyze verify --man=no "$UNITDIR"/toegangd.service "$UNITDIR"/toegang-landelijk-sync.service \
		"$UNITDIR"/toegang-landelijk-sync.timer 2>&1)
	check "systemd-analyze verify passes the three units${out:+: $out}" test -z "$out"
	exposure() { systemd-analyze security --offline=yes "$1" 2>/dev/null | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p'; }
	E1=$(exposure "$UNITDIR/toegangd.service")
	E2=$(exposure "$UNITDIR/toegang-landelijk-sync.service")
	echo "# systemd-analyze security: toegangd.service $E1, toegang-landelijk-sync.service $E2 (0 best, 10 worst)"
	check "toegangd.service: exposure $E1, at most 3.0 (it starts as root to drop to toegang)" \
		python3 -c 'import sys; sys.exit(not 0 < float(sys.argv[1]) <= 3.0)' "${E1:-99}"
	check "toegang-landelijk-sync.service: exposure $E2, at most 2.0" \
		python3 -c 'import sys; sys.exit(not 0 < float(sys.argv[1]) <= 2.0)' "${E2:-99}"
	check "toegangd.service keeps only the capabilities of the drop" \
		grep -qx 'CapabilityBoundingSet=CAP_SETUID CAP_SETGID CAP_CHOWN' "$UNITDIR/toegangd.service"
else
	echo "# systemd-analyze not found: the units were not checked"
fi
