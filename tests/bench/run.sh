#!/usr/bin/env bash
# The benchmark (make bench, ./dev bench): a throwaway stack as the
# integration tests start it, loopback only, then
#   A. this machine's limits through the same nginx: "return 200", an empty
#      FastCGI responder (tests/bench/responder.c, as many processes as the
#      portal has workers), that responder plus one primary-key SELECT, and
#      plus one INSERT commit;
#   B. the portal: health, GET /zaken/{id} (random zaken, a token that may
#      see each), POST /verwijzingen (a new family and Idempotency-Key each);
#      each as a ratio to its limit, with the targets;
#   C. GET /zaken/{id} again after filling the database to BENCH_ZAKEN zaken
#      (tests/bench/fill.sql), and what grows with it;
#   D. instructions per request (callgrind) of a read, a create, health and
#      the empty responder, with the functions that dominate;
#   E. the proposed fixes tried on the filled database, with what they give.
# They run in the order A, B, D, C, E (the instruction counts before the big
# fill, which makes creates slow); each with a warm-up, and the main ones
# also one request at a time ("alone"). It prints every figure
# docs/performance.md reports, each target with PASS or MISS, and exits 0
# either way: figures, not a test.
#   tests/bench/run.sh BUILDDIR SRCDIR [SECONDS]
# Settings (environment): BENCH_SECONDS (per wrk run, default 10),
# BENCH_WARMUP (seconds of wrk before each run, 2), BENCH_CONNECTIONS (32),
# BENCH_WORKERS (4, as etc/toegang.conf: on 2 cores the portal reads about a
# third faster with 4 than with 2, whose workers sit waiting for their
# commits), BENCH_ZAKEN_KLEIN (10000), BENCH_ZAKEN (1000000),
# BENCH_CALLGRIND_REQUESTS (200; 0 skips D), BENCH_WHATIF (1; 0 skips E),
# BENCH_FILL_TIMEOUT (seconds for one fill, 900), BENCH_KEEP=1 keeps the stack.
# Run it on a release build (./dev bench): sanitizers cost several times over.
set -euo pipefail

BUILD=$(cd "${1:?builddir}" && pwd)
SRC=$(cd "${2:?srcdir}" && pwd)
SECS=${3:-${BENCH_SECONDS:-10}}
WARMUP=${BENCH_WARMUP:-2}
CONNS=${BENCH_CONNECTIONS:-32}
WORKERS=${BENCH_WORKERS:-4}
KLEIN=${BENCH_ZAKEN_KLEIN:-10000}
GROOT=${BENCH_ZAKEN:-1000000}
CG_N=${BENCH_CALLGRIND_REQUESTS:-200}
FILL_TIMEOUT=${BENCH_FILL_TIMEOUT:-900}
BENCH=$SRC/tests/bench
STACK=$SRC/tools/stack
STATE=$(mktemp -d /tmp/toegang-bench.XXXXXX)
chmod 0755 "$STATE"
PORT=$((20000 + $$ % 20000))
LPORT=$((PORT + 1))
BASE=http://127.0.0.1:$PORT
LIMITS=http://127.0.0.1:$LPORT
RUN=$STATE/run/bench
RESPONDERS=()

cleanup() {
	local pid
	for pid in "${RESPONDERS[@]}"; do kill "$pid" 2>/dev/null || true; done
	if [ "${BENCH_KEEP:-0}" = 1 ]; then
		echo "# kept: $STATE (tools/stack down $STATE)"
		return
	fi
	"$STACK" down "$STATE" >/dev/null 2>&1 || true
	rm -rf "$STATE"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in wrk curl python3; do
	command -v "$tool" >/dev/null || { echo "bench: $tool is not installed (./dev bench installs it)" >&2; exit 1; }
done
[ -x "$BUILD/tests/bench/responder" ] || { echo "bench: $BUILD/tests/bench/responder missing: make bench builds it" >&2; exit 1; }
PGBIN=$( (ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true) | sort -V | tail -n 1)
super() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -h "$STATE/run/pg" -d toegang "$@"; }
token() { "$BUILD/toegang-token" -k "$STATE/jwt.secret" "$@"; }

# ---------------------------------------------------------------- machine
echo "# toegang benchmark, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$SRC" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$SRC" diff --quiet 2>/dev/null || echo ' (with local changes)')"
echo "machine     $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM, kernel $(uname -r)"
echo "software    $("$PGBIN/postgres" --version), $(nginx -v 2>&1 | sed 's/^nginx version: //'), $(wrk --version 2>&1 | head -n 1 | awk '{print "wrk " $2}'), $(valgrind --version 2>/dev/null || echo 'no valgrind')"
echo "load        $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) before the run: anything above 0 is other work on these cores"
if grep -qE '^SANITIZE_CFLAGS = .*-fsanitize' "$BUILD/Makefile" 2>/dev/null; then
	echo "WARNING     $BUILD is built with sanitizers: the figures are not the daemon's"
fi
echo "settings    $CONNS connections, ${SECS}s per run, $WORKERS workers (and responder processes), wrk -t2; BENCH_ZAKEN_KLEIN=$KLEIN BENCH_ZAKEN=$GROOT"

# ---------------------------------------------------------------- the stack
# The shipped plugins (and the stack's dev sign-in, which it configures).
"$STACK" up "$STATE" "$PORT" "$BUILD" "$SRC" "workers=$WORKERS" "log_requests=no" >"$STATE/stack.log" 2>&1 ||
	{ cat "$STATE/stack.log"; exit 1; }
echo "postgresql  $(super -At -c "SELECT 'shared_buffers ' || current_setting('shared_buffers') || ', synchronous_commit ' || current_setting('synchronous_commit') || ', fsync ' || current_setting('fsync') || ', wal_level ' || current_setting('wal_level')") (as tools/stack runs it)"

# The responders' tables: a primary-key read on rows that are there, an
# insert with an identity key and a timestamp, as the access log has.
"$STACK" psql "$STATE" owner <<-'SQL'
	CREATE TABLE bench_rij (id integer PRIMARY KEY, waarde text NOT NULL);
	INSERT INTO bench_rij SELECT i, md5(i::text) FROM generate_series(1, 100000) AS i;
	CREATE TABLE bench_schrijf (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	    tijdstip timestamptz NOT NULL DEFAULT clock_timestamp(), waarde text NOT NULL);
	GRANT SELECT ON bench_rij TO toegang_app;
	GRANT INSERT ON bench_schrijf TO toegang_app;
	VACUUM ANALYZE bench_rij;
SQL

# responder MODE [SOCKET]: N processes as the daemon's user, like toegangd's workers.
responder() {
	local sock=${2:-$RUN/$1.sock}
	rm -f "$sock"
	setpriv --reuid=toegang --regid=toegang --init-groups ${RESPONDER_WRAPPER:-} \
		"$BUILD/tests/bench/responder" -s "$sock" -n "${RESPONDER_N:-$WORKERS}" -m "$1" \
		-d "host=$STATE/run/pg dbname=toegang user=toegang_app" -r 100000 \
		</dev/null >>"$STATE/log/responder.log" 2>&1 &
	RESPONDERS+=($!)
	for _ in $(seq 1 100); do [ -S "$sock" ] && return 0; sleep 0.1; done
	cat "$STATE/log/responder.log" >&2
	exit 1
}
install -d -o toegang -g www-data -m 0750 "$RUN"
for m in empty select insert; do responder "$m"; done

# nginx: the bench's server block next to the portal's, with the fastcgi_*
# settings of the portal's /api/ location (read from the generated
# configuration, so that they stay the same).
sed -n '/location \/api\/ {/,/^ *}/p' "$STATE/nginx/nginx.conf" |
	grep -E '^ *fastcgi_[a-z_]+ ' | grep -v 'fastcgi_pass ' >"$RUN/fastcgi-params.conf"
sed -e "s|@PORT@|$LPORT|g" -e "s|@ETC@|$SRC/etc|g" -e "s|@RUN@|$RUN|g" \
	"$BENCH/nginx-bench.conf.in" >"$RUN/nginx-bench.conf"
sed -i "s|^http {|&\n    include $RUN/nginx-bench.conf;|" "$STATE/nginx/nginx.conf"
nginx -t -q -c "$STATE/nginx/nginx.conf" -p "$STATE/nginx"
nginx -c "$STATE/nginx/nginx.conf" -p "$STATE/nginx" -s reload 2>/dev/null
for _ in $(seq 1 50); do curl -sf -o /dev/null "$LIMITS/bench/empty" && break; sleep 0.1; done
for m in return200 empty select insert; do
	curl -sf -o /dev/null "$LIMITS/bench/$m" || { echo "bench: $LIMITS/bench/$m does not answer 200" >&2; exit 1; }
done

# ---------------------------------------------------------------- helpers
declare -A RPS P50 P99
# wrk's latency (850.00us, 1.23ms, 2.01s) in milliseconds.
ms() {
	awk '{v = $1; u = v; gsub(/[0-9.]/, "", u); sub(/[a-z]+$/, "", v)
		f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : 1
		printf "%.2f", v * f}' <<<"$1"
}
# bench KEY LABEL [wrk args...] URL: one line of figures, kept under KEY.
bench() {
	local key=$1 label=$2 out rps p50 p99 bad errs
	shift 2
	# A warm-up first: plans, caches, connections as a running portal has them.
	[ "${warm:-$WARMUP}" = 0 ] || wrk -t2 -c"$CONNS" -d"${warm:-$WARMUP}s" "$@" >/dev/null
	out=$(wrk -t2 -c"$CONNS" -d"${SECS}s" --latency "$@")
	rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
	p50=$(ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
	p99=$(ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
	bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out" | grep . || echo 0)
	errs=$(sed -n 's/^ *Socket errors: //p' <<<"$out")
	RPS[$key]=$rps P50[$key]=$p50 P99[$key]=$p99
	printf '%-34s %9.0f req/s   p50 %7.2f ms   p99 %7.2f ms%s%s\n' "$label" "$rps" "$p50" "$p99" \
		"$([ "$bad" = 0 ] || echo "   non-2xx $bad")" "${errs:+   socket errors: $errs}"
}
declare -a SUMMARY
# target LABEL VALUE OP LIMIT UNIT: PASS or MISS, printed and kept for the summary.
target() {
	local label=$1 value=$2 op=$3 limit=$4 unit=${5:-} ok line
	ok=$(awk -v v="$value" -v l="$limit" -v op="$op" 'BEGIN {
		print ((op == ">=" && v >= l) || (op == "<" && v < l) || (op == "<=" && v <= l)) ? "PASS" : "MISS" }')
	line=$(printf '%-44s %10s%s   target %s %s%s   %s' "$label" "$value" "$unit" "$op" "$limit" "$unit" "$ok")
	echo "$line"
	SUMMARY+=("$line")
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}'; }

# curl_run NAME CONFIG: the requests one after another; all must be 2xx.
curl_run() {
	local codes
	codes=$(curl -s -K "$2")
	if grep -qvE '^2[0-9][0-9]$' <<<"$codes"; then
		echo "bench: $1: not every request succeeded: $(sort <<<"$codes" | uniq -c | tr -s ' \n' ' ')" >&2
		exit 1
	fi
}
# alone LABEL CONFIG: the requests of a curl config (tests/bench/requests.py)
# one after another, nothing else running: the median time of one.
alone() {
	local out
	out=$(sed -e 's/%{http_code}\\n/%{http_code} %{time_total}\\n/' -e '/^url = /a max-time = 300' "$2" | curl -s -K -)
	if grep -qvE '^2[0-9][0-9] ' <<<"$out"; then
		echo "bench: $1: not every request succeeded: $(cut -d' ' -f1 <<<"$out" | sort | uniq -c | tr -s ' \n' ' ')" >&2
		exit 1
	fi
	printf '%-34s %9.2f ms, one request alone (median of %d)\n' "$1" \
		"$(cut -d' ' -f2 <<<"$out" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)] * 1000}')" \
		"$(wc -l <<<"$out")"
}
GEMEENTEN=$(grep -oE '^\| *[0-9]{4} ' "$SRC/data/codelijsten/CBS_Gemeentecodes.md" | tr -dc '0-9\n' | paste -sd,)
# fill UPTO: the database to UPTO zaken made by tests/bench/fill.sql (numbers
# after those already there), then VACUUM ANALYZE as autovacuum would have.
FILLED=0
fill() {
	local upto=$1 t0 t1 t2
	[ "$upto" -gt "$FILLED" ] || return 0
	t0=$(date +%s.%N)
	timeout "$FILL_TIMEOUT" runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -h "$STATE/run/pg" -d toegang \
		-v van=$((FILLED + 1)) -v tot="$upto" -v gemeenten="$GEMEENTEN" <"$BENCH/fill.sql"
	t1=$(date +%s.%N)
	super -c "VACUUM ANALYZE" 2>/dev/null
	t2=$(date +%s.%N)
	printf 'fill %-11s %8.1f s for %d zaken (%.0f zaken/s), VACUUM ANALYZE %.1f s; database %s\n' \
		"to $upto:" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')" $((upto - FILLED)) \
		"$(awk -v a="$t0" -v b="$t1" -v n=$((upto - FILLED)) 'BEGIN {print n / (b - a)}')" \
		"$(awk -v a="$t1" -v b="$t2" 'BEGIN {print b - a}')" \
		"$(super -At -c "SELECT pg_size_pretty(pg_database_size('toegang'))")"
	FILLED=$upto
}
counts() {
	super -At -F' ' -c "SELECT 'rows        zaak ' || (SELECT count(*) FROM zaak) || ', betrokkene ' ||
		(SELECT count(*) FROM betrokkene) || ', zaak_status ' || (SELECT count(*) FROM zaak_status) ||
		', zaak_termijn ' || (SELECT count(*) FROM zaak_termijn) || ', gezin ' || (SELECT count(*) FROM gezin) ||
		', gezinsplan ' || (SELECT count(*) FROM gezinsplan) || ', gezin_regisseur ' ||
		(SELECT count(*) FROM gezin_regisseur) || ', toewijzing ' || (SELECT count(*) FROM toewijzing) ||
		', idempotentie ' || (SELECT count(*) FROM idempotentie) || ', toegangslog ' ||
		(SELECT count(*) FROM toegangslog)"
}
# The read's tokens: 200 huisartsen of the fill (AGB 02000000-02000199); the
# zaken they referred, up to 10000 in random order, each with its token.
for a in $(seq 0 199); do token -r huisarts -c agb="$(printf '02%06d' "$a")"; done >"$STATE/tokens"
reads() {
	super -At -F' ' -c "SELECT verwijzer_agb::int - 2000000 + 1, id FROM zaak
		WHERE verwijzer_agb BETWEEN '02000000' AND '02000199' ORDER BY random() LIMIT 10000" >"$STATE/reads"
	echo "reads       $(wc -l <"$STATE/reads") zaken of 200 huisartsen, in random order, each read with its referrer's token"
}
HA=$(token -r huisarts)
# gezin_van BSN: the family lookup every create makes (sql/006_gezin.sql),
# alone, as the owner, rolled back.
gezin_van() {
	printf '%-34s %9.1f ms, one call in a fresh session (every create makes one)\n' "gezin_van() $2" \
		"$("$STACK" psql "$STATE" owner -At <<-SQL | sed -n 's/^Execution Time: \([0-9.]*\) ms$/\1/p'
			BEGIN;
			EXPLAIN (ANALYZE, COSTS OFF) SELECT gezin_van(ARRAY['$1']);
			ROLLBACK;
		SQL
		)"
}

# ---------------------------------------------------------------- A
echo
echo "## A. This machine's limits (nginx -> FastCGI -> PostgreSQL, $WORKERS processes)"
bench return200 "nginx return 200" "$LIMITS/bench/return200"
bench empty "empty FastCGI responder" "$LIMITS/bench/empty"
bench select "responder + 1 PK SELECT" "$LIMITS/bench/select"
bench insert "responder + 1 INSERT commit" "$LIMITS/bench/insert"
# One at a time: what a request costs when it need not wait for others (an
# INSERT's commit waits for its WAL flush; under load commits share flushes).
for m in return200 empty select insert; do
	python3 "$BENCH/requests.py" get "$LIMITS" "/bench/$m" "" 20 >"$STATE/alone.curl"
	alone "/bench/$m" "$STATE/alone.curl"
done

# ---------------------------------------------------------------- B
echo
echo "## B. The portal ($KLEIN zaken filled)"
fill "$KLEIN"
reads
bench health "GET /api/v1/health" "$BASE/api/v1/health"
bench read "GET /api/v1/zaken/{id}" -s "$BENCH/read.lua" "$BASE/api/v1/zaken" -- "$STATE/reads" "$STATE/tokens"
# Its warm-up with families of its own: the same BSNs again would be replays.
wrk -t2 -c"$CONNS" -d"${WARMUP}s" -s "$BENCH/post.lua" -H "Authorization: Bearer $HA" \
	"$BASE/api/v1/verwijzingen" -- 500000000 >/dev/null
warm=0 bench create "POST /api/v1/verwijzingen" -s "$BENCH/post.lua" -H "Authorization: Bearer $HA" \
	"$BASE/api/v1/verwijzingen" -- 600000000
CREATED=$(super -At -c "SELECT count(*) FROM zaak WHERE verwijzer_agb = '01234567'")
echo "created     $CREATED zaken by POST, warm-up included (each its own family and Idempotency-Key)"
# The same, one at a time: what a request costs without waiting for others.
python3 "$BENCH/requests.py" health "$BASE" 20 >"$STATE/alone.curl"
alone "GET /api/v1/health" "$STATE/alone.curl"
python3 "$BENCH/requests.py" read "$BASE" "$STATE/reads" "$STATE/tokens" 0 20 >"$STATE/alone.curl"
alone "GET /api/v1/zaken/{id}" "$STATE/alone.curl"
python3 "$BENCH/requests.py" create "$BASE" "$HA" 900000000 5 >"$STATE/alone.curl"
alone "POST /api/v1/verwijzingen" "$STATE/alone.curl"

echo
echo "## Other endpoints (no target)"
bench whoami "GET /api/v1/whoami (audited)" -H "Authorization: Bearer $HA" "$BASE/api/v1/whoami"
bench list "GET /api/v1/zaken?limit=20" -H "Authorization: Bearer $HA" "$BASE/api/v1/zaken?limit=20"
# The CJG: a record-only action (repeatable) on one zaak: every request waits
# for that zaak's row lock and the answer carries its ever longer history, so
# this is the worst case, not the typical one.
MID=$(curl -s -H "Authorization: Bearer $(token -r ouder)" -H 'Content-Type: application/json' \
	--data-binary '{"jeugdige": {"bsn": "123456782", "geboortedatum": "2014-05-01", "naam": "Sam"}, "gezaghebbenden": [{"bsn": "111222333", "naam": "Anna", "gemeente": "0301"}], "hulpvraag": "x"}' \
	"$BASE/api/v1/meldingen" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
cat >"$STATE/actie.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"fase": "vraagverheldering", "opvoedsituatie": "opvoedingsspanning"}'
LUA
bench actie "POST acties (1 zaak, locked)" -s "$STATE/actie.lua" -H "Authorization: Bearer $(token -r cjg)" \
	"$BASE/api/v1/zaken/$MID/acties/werkwijze"
# A parent's list: the zaken whose partij_bsn holds the token's BSN.
OUDER_BSN=$(super -At -c "SELECT partij_bsn[2] FROM zaak WHERE id = md5('zaak1000')::uuid")
OUDER=$(token -r ouder -c bsn="$OUDER_BSN")
bench ouder "GET /api/v1/zaken as ouder" -H "Authorization: Bearer $OUDER" "$BASE/api/v1/zaken"
python3 "$BENCH/requests.py" get "$BASE" /api/v1/zaken "$OUDER" 5 >"$STATE/alone.curl"
alone "GET /api/v1/zaken as ouder" "$STATE/alone.curl"
gezin_van "$OUDER_BSN" "at $KLEIN"
WG=$(super -At -c "SELECT behandelende_gemeente FROM zaak GROUP BY 1 ORDER BY count(*), 1 LIMIT 1")
WN=$(super -At -c "SELECT count(*) FROM zaak WHERE behandelende_gemeente = '$WG' AND status NOT IN ('toegekend', 'gedeeltelijk_toegekend', 'afgewezen', 'ingetrokken', 'doorgezonden')")
bench werkvoorraad "GET werkvoorraad ($WN open zaken)" -H "Authorization: Bearer $(token -r cjg -c gemeente="$WG")" \
	"$BASE/api/v1/werkvoorraad"

# worker_rss: every worker's resident set now (kB), kept for the target.
RSS_ALL=""
worker_rss() {
	local rss
	rss=$(ps -o rss= --ppid "$(cat "$STATE/run/toegangd.pid")" | awk '{printf "%s%d", sep, $1; sep = " "}')
	echo "worker RSS  $rss kB ($1)"
	RSS_ALL="$RSS_ALL $rss"
}
worker_rss "after every run above"

# ---------------------------------------------------------------- D
CG=$STATE/callgrind
WARM=20
# daemon_profile NAME CONFIGS...: toegangd with one worker under callgrind,
# the requests of each config in turn, stopped; the worker's profile is CG/NAME.
daemon_profile() {
	local name=$1 master f
	shift
	rm -f "$CG"/cg.*
	TOEGANG_START_SECONDS=120 TOEGANG_WORKERS=1 \
		TOEGANG_DAEMON_WRAPPER="valgrind --tool=callgrind --callgrind-out-file=$CG/cg.%p" \
		"$STACK" daemon-restart "$STATE" "$BUILD" "$SRC" "workers=1" "log_requests=no" >>"$STATE/stack.log" 2>&1
	master=$(cat "$STATE/run/toegangd.pid")
	for f in "$@"; do curl_run "$name" "$f"; done
	"$STACK" daemon-stop "$STATE"
	for f in "$CG"/cg.*; do [ "$f" = "$CG/cg.$master" ] || mv "$f" "$CG/$name"; done
}
# empty_profile NAME N: the empty responder, one process, under callgrind, N
# requests; its profile (the child's) is CG/NAME.
empty_profile() {
	local name=$1 n=$2 pid f
	rm -f "$CG"/cg.*
	RESPONDER_N=1 RESPONDER_WRAPPER="valgrind --tool=callgrind --callgrind-out-file=$CG/cg.%p" responder empty
	pid=${RESPONDERS[-1]}
	for i in $(seq 1 "$n"); do
		[ "$i" = 1 ] || echo next
		printf 'url = "%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n' "$LIMITS/bench/empty"
	done >"$CG/empty.curl"
	curl_run "$name" "$CG/empty.curl"
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	for f in "$CG"/cg.*; do [ "$f" = "$CG/cg.$pid" ] || mv "$f" "$CG/$name"; done
}
# Function by function: the worker's profile minus the warm-up's.
callgrind_section() {
	install -d -o toegang -g toegang -m 0755 "$CG"
	python3 "$BENCH/requests.py" read "$BASE" "$STATE/reads" "$STATE/tokens" 0 "$WARM" >"$CG/warm-read.curl"
	python3 "$BENCH/requests.py" read "$BASE" "$STATE/reads" "$STATE/tokens" "$WARM" "$CG_N" >"$CG/read.curl"
	python3 "$BENCH/requests.py" health "$BASE" "$WARM" >"$CG/warm-health.curl"
	python3 "$BENCH/requests.py" health "$BASE" "$CG_N" >"$CG/health.curl"
	python3 "$BENCH/requests.py" create "$BASE" "$HA" 710000000 "$CG_N" >"$CG/create.curl"
	# Each run warms up with the same requests, but new families for its
	# creates: a create that met an earlier family would do other work.
	local run bsn=700000000
	for run in base read create health; do
		python3 "$BENCH/requests.py" create "$BASE" "$HA" "$bsn" "$WARM" >"$CG/warm-create.curl"
		bsn=$((bsn + 20000000))
		if [ "$run" = base ]; then
			daemon_profile base "$CG"/warm-{read,create,health}.curl
		else
			daemon_profile "$run" "$CG"/warm-{read,create,health}.curl "$CG/$run.curl"
		fi
	done
	python3 "$BENCH/callgrind-per-request.py" "$CG_N" "$CG/base" "$CG/read" --top 15 --label "GET /api/v1/zaken/{id}"
	python3 "$BENCH/callgrind-per-request.py" "$CG_N" "$CG/base" "$CG/create" --top 15 --label "POST /api/v1/verwijzingen"
	python3 "$BENCH/callgrind-per-request.py" "$CG_N" "$CG/base" "$CG/health" --top 8 --label "GET /api/v1/health"

	# The empty responder, one process, the same way (its profile is the child's).
	kill "${RESPONDERS[0]}"
	wait "${RESPONDERS[0]}" 2>/dev/null || true
	empty_profile empty-base "$WARM"
	empty_profile empty-run $((WARM + CG_N))
	python3 "$BENCH/callgrind-per-request.py" "$CG_N" "$CG/empty-base" "$CG/empty-run" --top 8 --label "empty FastCGI responder"
}
echo
echo "## D. Instructions per request (callgrind; the daemon's and responder's own, not PostgreSQL's)"
if [ "$CG_N" = 0 ]; then
	echo "skipped (BENCH_CALLGRIND_REQUESTS=0)"
elif ! command -v valgrind >/dev/null; then
	echo "skipped: valgrind is not installed (./dev bench installs it)"
else
	callgrind_section
	"$STACK" daemon-restart "$STATE" "$BUILD" "$SRC" "workers=$WORKERS" "log_requests=no" >>"$STATE/stack.log" 2>&1
fi


# ---------------------------------------------------------------- C
echo
echo "## C. GET /zaken/{id} at $GROOT zaken"
fill "$GROOT"
counts
reads
bench read_groot "GET /api/v1/zaken/{id} at $GROOT" -s "$BENCH/read.lua" "$BASE/api/v1/zaken" -- "$STATE/reads" "$STATE/tokens"
worker_rss "after the read at $GROOT"
# One at a time, as in B; no targets, but what grows with the database: a
# parent's list and a create (which looks for the family among all zaken)
# may take seconds each at this size, so only a few of them.
python3 "$BENCH/requests.py" read "$BASE" "$STATE/reads" "$STATE/tokens" 0 20 >"$STATE/alone.curl"
alone "GET /api/v1/zaken/{id} at $GROOT" "$STATE/alone.curl"
python3 "$BENCH/requests.py" get "$BASE" /api/v1/zaken "$OUDER" 3 >"$STATE/alone.curl"
alone "GET /api/v1/zaken as ouder at $GROOT" "$STATE/alone.curl"
python3 "$BENCH/requests.py" create "$BASE" "$HA" 910000000 2 >"$STATE/alone.curl"
alone "POST /api/v1/verwijzingen at $GROOT" "$STATE/alone.curl"
gezin_van "$OUDER_BSN" "at $GROOT"

# ---------------------------------------------------------------- E
# The fixes docs/performance.md proposes, tried on this throwaway database
# (as the superuser; nothing here is shipped): how much each would give.
echo
echo "## E. What-ifs at $GROOT zaken (proposed fixes tried on this database; not the shipped portal)"
whatif() {
	# (The family and a parent's list through betrokkene.bsn, what-ifs here
	# before, are shipped since sql/016_gezin_index.sql.)
	# Commits that do not wait for their WAL flush (the access-log row of a
	# read, the zaak of a create): a crash could lose the last ~0.6 s of them.
	super -c "ALTER ROLE toegang_app SET synchronous_commit = off"
	"$STACK" daemon-restart "$STATE" "$BUILD" "$SRC" "workers=$WORKERS" "log_requests=no" >>"$STATE/stack.log" 2>&1
	bench read_async "GET /api/v1/zaken/{id}, no flush wait" -s "$BENCH/read.lua" "$BASE/api/v1/zaken" -- \
		"$STATE/reads" "$STATE/tokens"
	warm=0 bench create_async "POST /api/v1/verwijzingen, no flush wait" -s "$BENCH/post.lua" \
		-H "Authorization: Bearer $HA" "$BASE/api/v1/verwijzingen" -- 400000000
	super -c "ALTER ROLE toegang_app RESET synchronous_commit"
	echo "(what-if ratios: read without flush wait / one-INSERT $(ratio "${RPS[read_async]}" "${RPS[insert]}"), create without flush wait / one-INSERT $(ratio "${RPS[create_async]:-0}" "${RPS[insert]}"))"
}
if [ "${BENCH_WHATIF:-1}" = 1 ]; then
	whatif
else
	echo "skipped (BENCH_WHATIF=0)"
fi

# ---------------------------------------------------------------- targets
echo
echo "## Targets"
SUMMARY=()
target "health / empty responder" "$(ratio "${RPS[health]}" "${RPS[empty]}")" ">=" 0.80
target "zaak read / one-INSERT" "$(ratio "${RPS[read]}" "${RPS[insert]}")" ">=" 0.50
target "referral create / one-INSERT" "$(ratio "${RPS[create]}" "${RPS[insert]}")" ">=" 0.40
target "zaak read p99" "${P99[read]}" "<" 15 " ms"
target "zaak read p99 at $GROOT" "${P99[read_groot]}" "<" 15 " ms"
target "worker RSS, largest" "$(tr ' ' '\n' <<<"$RSS_ALL" | sort -n | tail -n 1 | awk '{printf "%.1f", $1 / 1024}')" "<" 16 " MB"
target "zaak read at $GROOT / at $KLEIN" "$(ratio "${RPS[read_groot]}" "${RPS[read]}")" ">=" 0.80
echo "(for reference: select / empty $(ratio "${RPS[select]}" "${RPS[empty]}"), insert / empty $(ratio "${RPS[insert]}" "${RPS[empty]}"), empty / return 200 $(ratio "${RPS[empty]}" "${RPS[return200]}"), read / select $(ratio "${RPS[read]}" "${RPS[select]}"))"

echo
echo "## Summary"
printf '%s\n' "${SUMMARY[@]}"
