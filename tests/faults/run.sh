#!/usr/bin/env bash
# Fault tests: a stack of their own (tools/stack), a steady create load
# (load.py) and, while it runs, a fault: PostgreSQL's postmaster killed -9,
# workers killed -9, nginx stopped and killed -9, slow clients. Afterwards the
# answers are held against the database (verify.py). Prints figures.
#   tests/faults/run.sh BUILDDIR SRCDIR
#   FAULTS="pg workers nginx slow" picks the tests (default: all, in that order).
# Writes "passed N failed M" to BUILDDIR/tests/faults.result and exits
# non-zero on any failure. Needs root (initdb runs as postgres), like the
# integration tests; see docs/reliability.md.
set -uo pipefail

BUILD=$(cd "${1:?builddir}" && pwd)
SRC=$(cd "${2:?srcdir}" && pwd)
FAULTS=${FAULTS:-pg workers nginx slow}
HERE=$SRC/tests/faults
STACK=$SRC/tools/stack
STATE=$(mktemp -d /tmp/toegang-faults.XXXXXX)
chmod 0755 "$STATE"
# A free port below the ephemeral range (32768-60999), where no client
# connection of the load can be holding it as its local port.
PORT=$(python3 - $$ <<'PY'
import socket, sys
for i in range(12000):
    port = 20000 + (int(sys.argv[1]) + i) % 12000
    try:
        socket.create_server(("127.0.0.1", port)).close()
        print(port)
        break
    except OSError:
        pass
PY
)
BASE=http://127.0.0.1:$PORT
WORKERS=4
RESULT=$BUILD/tests/faults.result
mkdir -p "$BUILD/tests"
rm -f "$RESULT"
# shellcheck source=tests/lib.sh
source "$SRC/tests/lib.sh"
# The load: 6 clients at most 25 creates/s each. A steady load, not the most
# the machine can do: on two shared cores the faults, not the CPU, must decide.
LOAD_ARGS=(--clients 6 --rate 25)

figure() { echo "# $*"; }
now() { date +%s.%N; }
since() { python3 -c "import sys; print('%.2f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$@"; }

LOADS=()
cleanup() {
	local pid
	for pid in "${LOADS[@]}"; do kill "$pid" 2>/dev/null; done
	"$STACK" down "$STATE" >/dev/null 2>&1
	echo "passed $PASSED failed $FAILED" >"$RESULT"
	if [ "$FAILED" -gt 0 ]; then
		echo "--- last lines of the daemon log ---"
		grep -v '"event":"request"' "$STATE/log/toegangd.log" 2>/dev/null | tail -n 10
	fi
	if [ -n "${KEEP_STATE:-}" ]; then echo "# state kept in $STATE"; else rm -rf "$STATE"; fi
}
trap cleanup EXIT

T_BEGIN=$(now)
DAEMON=("workers=$WORKERS" "shutdown_grace=5" "db_connect_timeout=2")
echo "# starting the stack in $STATE on port $PORT"
if ! "$STACK" up "$STATE" "$PORT" "$BUILD" "$SRC" "${DAEMON[@]}" >"$STATE/stack.log" 2>&1; then
	cat "$STATE/stack.log"
	not_ok "the stack starts"
	exit 1
fi
ok "the stack starts (PostgreSQL, toegangd with $WORKERS workers, nginx)"

# One token per role the load uses, valid for the whole run.
python3 - "$BUILD/toegang-token" "$STATE/jwt.secret" >"$STATE/tokens.json" <<'PY'
import json, subprocess, sys
tool, key = sys.argv[1:3]
roles = {"huisarts": [], "cjg": ["-c", "gemeente=0301"], "gi": ["-c", "org=00000009990000000001"]}
print(json.dumps({r: subprocess.check_output([tool, "-k", key, "-r", r, "-s", "faults-" + r, "-t", "3600"]
                                             + extra, text=True).strip() for r, extra in roles.items()}))
PY

master_pid() { cat "$STATE/run/toegangd.pid"; }
workers() { pgrep -P "$(master_pid)" | sort -n | tr '\n' ' '; }
nginx_ctl() { nginx -c "$STATE/nginx/nginx.conf" -p "$STATE/nginx" "$@"; }
# The daemon's ends of nginx's connections: connected sockets (state 03)
# under the daemon's socket path in /proc/net/unix (no iproute2 needed).
fcgi_conns() { awk -v p="$STATE/run/fcgi/toegangd.sock" '$6 == "03" && $8 == p' /proc/net/unix | wc -l; }
# Established TCP connections to nginx's port (state 01, local port in hex).
tcp_conns() {
	awk -v port="$(printf '%04X' "$PORT")" 'split($2, a, ":") && a[2] == port && $4 == "01"' \
		/proc/net/tcp | wc -l
}
# alive PID...: those of the PIDs that still run (a zombie has died)
alive() {
	local p
	for p in "$@"; do
		[ -e "/proc/$p" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$p/status" 2>/dev/null && echo "$p"
	done
	return 0
}
gone() { [ -z "$(alive "$@")" ]; }
health() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$BASE/api/v1/health"; }

# load_start NAME BSN_BASE [load.py args]: clients posting zaken until load_stop
load_start() {
	local name=$1 base=$2; shift 2
	rm -f "$STATE/$name.stop" "$STATE/$name.jsonl"
	python3 "$HERE/load.py" run --base "$BASE" --tokens "$STATE/tokens.json" \
		--out "$STATE/$name.jsonl" --stop "$STATE/$name.stop" --prefix "$name" \
		--bsn-base "$base" "${LOAD_ARGS[@]}" "$@" &
	LOAD_PID=$!
	LOADS+=("$LOAD_PID")
}
load_stop() { touch "$STATE/$1.stop"; wait "$LOAD_PID"; }
# load_retry NAME: every request of NAME that got no 2xx, once more, same key and body
load_retry() {
	python3 "$HERE/load.py" retry --base "$BASE" --tokens "$STATE/tokens.json" \
		--out "$STATE/$1-retry.jsonl" "$STATE/$1.jsonl"
}
# verify NAME [verify.py args]: the answers of NAME against the database;
# every "ok"/"FAIL" line it prints counts here
verify() {
	local name=$1 line records finished=""
	shift
	records=(--records "$STATE/$name.jsonl")
	[ -f "$STATE/$name-retry.jsonl" ] && records+=(--records "$STATE/$name-retry.jsonl")
	while IFS= read -r line; do
		echo "$line"
		case $line in
		"ok "*) PASSED=$((PASSED + 1)) ;;
		"FAIL "*) FAILED=$((FAILED + 1)) ;;
		"# checks: "*) finished=1 ;;
		esac
	done < <(python3 "$HERE/verify.py" "${records[@]}" --prefix "$name" "$@" \
		--psql "$STACK" psql "$STATE" owner -At 2>&1)
	[ -n "$finished" ] || not_ok "verify.py $name finishes"
}
# hold_commits SECONDS: an owner's session locks toegangslog against inserts
# for SECONDS. A create's access-log row travels in its COMMIT's round trip,
# so every create in flight then waits at its COMMIT: the fault that follows
# finds them there, not only where chance puts them.
hold_commits() {
	"$STACK" psql "$STATE" owner -c "BEGIN; LOCK TABLE toegangslog IN SHARE MODE; SELECT pg_sleep($1); COMMIT;" \
		>/dev/null 2>&1 &
	LOADS+=("$!")
	wait_for 3 eval '[ "$(commits_waiting)" -ge "$WORKERS" ]'
	AT_COMMIT=$(commits_waiting)
}
commits_waiting() {
	"$STACK" psql "$STATE" owner -At -c "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'toegangslog'::regclass" 2>/dev/null || echo 0
}
# wait_for SECONDS COMMAND...: polls every 0.1 s until COMMAND succeeds
wait_for() {
	local tenths=$(($1 * 10)); shift
	while [ "$tenths" -gt 0 ]; do
		"$@" && return 0
		sleep 0.1
		tenths=$((tenths - 1))
	done
	return 1
}

for fault in $FAULTS; do
	case $fault in
	pg|workers|nginx|slow) ;;
	*) not_ok "unknown fault test '$fault' (pg workers nginx slow)"; continue ;;
	esac
	echo "# ---------------------------------------------------------------- $fault"
	# shellcheck source=/dev/null
	. "$HERE/$fault.sh"
done

# ---------------------------------------------------------------- the daemon's log
LOG=$STATE/log/toegangd.log
check "no sanitizer report in the daemon's log" \
	eval '! grep -q -e "ERROR: AddressSanitizer" -e "runtime error:" "$LOG"'
died=$(grep '"event":"worker-died"' "$LOG" | grep -vc '"signal":9')
check "no worker died but those the tests killed (got $died)" test "$died" = 0
figure "fault tests took $(since "$T_BEGIN" "$(now)") s"
echo "passed $PASSED failed $FAILED"
[ "$FAILED" -eq 0 ]
