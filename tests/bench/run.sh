#!/usr/bin/env bash
# Benchmarks: a throwaway stack (as the integration tests start it), then wrk
# against each endpoint through nginx. Prints figures; asserts nothing.
#   tests/bench/run.sh BUILDDIR SRCDIR [SECONDS]
# Run it on a release build (./dev bench): sanitizers cost several times over.
set -euo pipefail

BUILD=${1:?builddir}
SRC=${2:?srcdir}
SECS=${3:-8}
STACK=$SRC/tools/stack
STATE=$(mktemp -d /tmp/toegang-bench.XXXXXX)
chmod 0755 "$STATE"
PORT=$((20000 + $$ % 20000))
BASE=http://127.0.0.1:$PORT
CONNS=${BENCH_CONNECTIONS:-16}
trap '"$STACK" down "$STATE" >/dev/null 2>&1; rm -rf "$STATE"' EXIT

command -v wrk >/dev/null || { echo "bench: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
"$STACK" up "$STATE" "$PORT" "$BUILD" "$SRC" "plugins=whoami verwijzing mandaat melding overdracht zaken cjg gezin pgb producten berichten" \
	"workers=${BENCH_WORKERS:-4}" "log_requests=no" >"$STATE/stack.log" 2>&1 ||
	{ cat "$STATE/stack.log"; exit 1; }
token() { "$BUILD/toegang-token" -k "$STATE/jwt.secret" "$@"; }
HA=$(token -r huisarts)

# Each create is another family (BSNs counted up, passing the 11-proef): one
# family's creates wait for each other (the gezin is found under a lock per
# BSN), which a stream of different families does not.
cat >"$STATE/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local threads, n = 0, 0
function setup(thread)
	threads = threads + 1
	thread:set("base", 600000000 + threads * 10000000)
end
function init(args)
	n = base
end
local function next_bsn()
	while true do
		n = n + 1
		local s, sum = tostring(n), 0
		for i = 1, 8 do sum = sum + (10 - i) * tonumber(s:sub(i, i)) end
		if (sum - tonumber(s:sub(9, 9))) % 11 == 0 then return s end
	end
end
request = function()
	local kind, parent = next_bsn(), next_bsn()
	return wrk.format(nil, nil, nil, '{"jeugdige": {"bsn": "' .. kind .. '", "geboortedatum": "2014-05-01", "naam": "Sam de Vries"}, "gezaghebbenden": [{"bsn": "' .. parent .. '", "naam": "Anna de Vries", "gemeente": "0301"}], "hulpvraag": "vrije tekst", "spoed": false}')
end
LUA
# bench NAME [wrk args...] URL: one line of figures
bench() {
	local name=$1; shift
	local out
	out=$(wrk -t2 -c"$CONNS" -d"${SECS}s" --latency "$@")
	printf '%-28s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$name" \
		"$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
		"$(awk '$1 == "50%" {print $2}' <<<"$out")" \
		"$(awk '$1 == "99%" {print $2}' <<<"$out")" \
		"$(awk '/Non-2xx/ {print $NF}' <<<"$out" | grep . || echo 0)"
}

echo "# $CONNS connections, ${SECS}s each, ${BENCH_WORKERS:-4} workers, $(nproc) cores"
bench "GET health" "$BASE/api/v1/health"
bench "GET whoami (audited)" -H "Authorization: Bearer $HA" "$BASE/api/v1/whoami"
bench "POST verwijzingen" -s "$STATE/post.lua" -H "Authorization: Bearer $HA" "$BASE/api/v1/verwijzingen"
# Statistics as autovacuum would have them by now on a live system.
"$STACK" psql "$STATE" owner -q -c "ANALYZE zaak; ANALYZE betrokkene; ANALYZE zaak_status; ANALYZE zaak_termijn;" >/dev/null
ID=$(curl -s -H "Authorization: Bearer $HA" "$BASE/api/v1/zaken?limit=1" |
	python3 -c 'import json, sys; print(json.load(sys.stdin)["zaken"][0]["id"])')
bench "GET zaken/{id}" -H "Authorization: Bearer $HA" "$BASE/api/v1/zaken/$ID"
bench "GET zaken?limit=20" -H "Authorization: Bearer $HA" "$BASE/api/v1/zaken?limit=20"
# The CJG: a record-only action (repeatable) on one zaak — every request waits
# for that zaak's row lock and the answer carries its ever longer history, so
# this is the worst case, not the typical one — and an (empty) worklist.
CJG=$(token -r cjg)
MID=$(curl -s -H "Authorization: Bearer $(token -r ouder)" -H 'Content-Type: application/json' \
	--data-binary '{"jeugdige": {"bsn": "123456782", "geboortedatum": "2014-05-01", "naam": "Sam"}, "gezaghebbenden": [{"bsn": "111222333", "naam": "Anna", "gemeente": "0301"}], "hulpvraag": "x"}' \
	"$BASE/api/v1/meldingen" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
cat >"$STATE/actie.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"fase": "vraagverheldering", "opvoedsituatie": "opvoedingsspanning"}'
LUA
bench "POST acties (1 zaak, locked)" -s "$STATE/actie.lua" -H "Authorization: Bearer $CJG" \
	"$BASE/api/v1/zaken/$MID/acties/werkwijze"
bench "GET werkvoorraad (empty)" -H "Authorization: Bearer $(token -r cjg -c gemeente=0200)" "$BASE/api/v1/werkvoorraad"
echo "# zaken in the database: $("$STACK" psql "$STATE" owner -At -c \
	"SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = 'zaak'")"
echo "# worker RSS (kB): $(ps -o rss= --ppid "$(cat "$STATE/run/toegangd.pid")" | tr '\n' ' ')"
