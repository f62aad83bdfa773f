# Outbound calls: the VNG landelijke inkoop list and the BRP (issue 8;
# sourced by run.sh after ijw.sh).
#
# The portal fetches from services it does not own, so every test here talks
# to tests/http/fixture_server.py on loopback, which serves the fixtures of
# tests/fixtures/vng and tests/fixtures/brp well or in one of its failure
# modes (chosen by the first path segment), and logs every request it gets.
# Covered, for toegang-landelijk-sync: a valid list in JSON and in CSV is
# stored and searchable through GET /api/v1/aanbieders (by name, AGB, KvK,
# productcategorie, landelijk; expired contracts left out; a new list
# replaces the copy), health shows the copy's age, a 304 confirms the copy;
# every failure (timeouts, 5xx, garbage, truncation, invalid records, an
# empty list, oversize bodies, redirects, a 304 nobody asked for) ends within
# the configured deadline, exits 3 or 4 naming the cause, records it for
# health and leaves the last good copy as it was; no redirect is followed;
# https only (plain http only to loopback, when allowed), TLS verified
# against the system store or landelijk.ca_file; the daemon's master runs the
# sync itself. For POST /api/v1/zaken/{id}/brp-woonplaats: the proposed
# gemeente (or "needs a person") for every fixture child of
# tests/fixtures/brp/README.md, the API key header and the BSN only in the
# POST body; every failure of the BRP answers 502/504 problem+json within the
# deadline, stores nothing and leaves no BSN in the daemon's log; who may ask.
# Uses the BSNs of tests/fixtures/brp (7100000xx children, 7100001xx and
# 7100002xx adults), the AGB codes 79xxxxxx of tests/fixtures/vng and the
# gemeenten 0080 and 0935 (the region for the BRP part). The daemon gets its
# defaults back at the end.
# Everything here is named o_/O_ and needs only run.sh's helpers.

# ---------------------------------------------------------------- helpers
O_DIR=$STATE/outbound
mkdir -p "$O_DIR"
O_FX_LOG=$O_DIR/fixture.log
O_FX_PIDS=()
# A failing check must not leave fixture servers behind: stop them on exit
# too (run.sh's cleanup still runs); the trap is put back at the end.
o_stop_servers() {
	local pid
	for pid in "${O_FX_PIDS[@]}"; do
		kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	done
	O_FX_PIDS=()
}
trap 'o_stop_servers; cleanup' EXIT

# o_fixture_start PORTVAR [fixture_server args...]: a fixture server on an
# ephemeral port of 127.0.0.1, serving tests/fixtures and logging to O_FX_LOG;
# its port in PORTVAR (empty when it did not start)
o_fixture_start() {
	local var=$1 pf=$O_DIR/$1.port; shift
	rm -f "$pf"
	python3 "$SRC/tests/http/fixture_server.py" --root "$SRC/tests/fixtures" --port-file "$pf" \
		--log "$O_FX_LOG" "$@" >"$O_DIR/$var.out" 2>&1 &
	O_FX_PIDS+=($!)
	for _ in $(seq 1 100); do [ -s "$pf" ] && break; sleep 0.05; done
	printf -v "$var" '%s' "$(cat "$pf" 2>/dev/null)"
}
o_fx_count() { if [ -f "$O_FX_LOG" ]; then wc -l <"$O_FX_LOG"; else echo 0; fi; }
# o_fx_since N PYTHON: PYTHON's asserts on the requests logged after the first
# N lines (reqs: a list of {method, path, headers, body}); prints why not
o_fx_since() {
	tail -n +"$(($1 + 1))" "$O_FX_LOG" 2>/dev/null | python3 -c "
import json, re, sys
reqs = [json.loads(l) for l in sys.stdin if l.strip()]
a = sys.argv[1:]
$2" "${@:3}" 2>&1 | tail -n 1
}

o_verdict() { if [ -z "$2" ]; then ok "$1"; else not_ok "$1" "$2"; fi; }
o_answer() { printf 'got %s %s %s' "$STATUS" "$(header Content-Type)" "${BODY:0:300}"; }
# o_py NAME PYTHON [ARGS...]: PYTHON's asserts on BODY (parsed as d) as a check
o_py() {
	local name=$1 code=$2 why; shift 2
	if why=$(printf '%s' "$BODY" | python3 -c "
import json, sys
raw = sys.stdin.read()
try:
    d = json.loads(raw)
except ValueError:
    sys.exit('not JSON')
a = sys.argv[1:]
$code" "$@" 2>&1); then
		ok "$name"
	else
		not_ok "$name" "$(tail -n 1 <<<"$why") [$(o_answer)]"
	fi
}
# o_problem_type: the problem's type in BODY
o_problem_type() { json "['type']"; }

# toegang-landelijk-sync with the stack's database, the code lists and
# O_LIMITS, then the caller's -s key=value pairs. Sets O_RC, O_OUT (stdout
# and stderr), O_MS (wall time), O_PEAK_KB (peak RSS, when /usr/bin/time
# exists) and O_N0 (fixture log lines before the run).
O_DB="host=$STATE/run/pg dbname=toegang user=toegang_app"
O_LIMITS=(-s landelijk.connect_timeout_ms=1000 -s landelijk.timeout_ms=1500 -s landelijk.deadline_ms=4000
	-s landelijk.low_speed_bytes=100 -s landelijk.low_speed_secs=2 -s landelijk.max_bytes=1048576
	-s landelijk.retries=2 -s landelijk.backoff_ms=200)
O_TIME=
[ -x /usr/bin/time ] && O_TIME=/usr/bin/time
o_sync() {
	local t0 args=()
	while [ $# -gt 0 ]; do args+=(-s "$1"); shift; done
	O_N0=$(o_fx_count)
	O_PEAK_KB=
	t0=$(date +%s%N)
	if [ -n "$O_TIME" ]; then
		O_OUT=$("$O_TIME" -f %M -o "$O_DIR/peak" "$BUILD/toegang-landelijk-sync" -c "$SRC/etc/toegang.conf" \
			-s "database=$O_DB" -s "data_dir=$SRC/data" "${O_LIMITS[@]}" "${args[@]}" 2>&1)
		O_RC=$?
		O_PEAK_KB=$(grep -E '^[0-9]+$' "$O_DIR/peak" | tail -n 1)
	else
		O_OUT=$("$BUILD/toegang-landelijk-sync" -c "$SRC/etc/toegang.conf" \
			-s "database=$O_DB" -s "data_dir=$SRC/data" "${O_LIMITS[@]}" "${args[@]}" 2>&1)
		O_RC=$?
	fi
	O_MS=$((($(date +%s%N) - t0) / 1000000))
}
o_url() { echo "http://127.0.0.1:$O_PORT/$1"; }                  # o_url MODE/PATH
o_fetch() { o_sync "landelijk.url=$(o_url "$1")" landelijk.allow_http_loopback=yes "${@:2}"; }
o_secs() { printf '%d.%01d s' $(($1 / 1000)) $((($1 % 1000) / 100)); } # o_secs MS

# The stored copy: every record, when it was fetched and changed, how many,
# its validators and source
o_copy() {
	psql_owner "SELECT concat_ws('|', (SELECT md5(string_agg(t::text, ',' ORDER BY id)) FROM landelijke_aanbieder t),
		opgehaald, gewijzigd, aantal, etag, last_modified, bron) FROM landelijke_lijst"
}
o_lijst() { psql_owner "SELECT $1 FROM landelijke_lijst"; } # o_lijst SQL-EXPRESSION
# The records without their ids, in name order: the same list gives the same text
o_records() {
	psql_owner "SELECT md5(string_agg(concat_ws('|', naam, agb, kvk, functies::text, productcategorieen::text,
		ingangsdatum, einddatum), ',' ORDER BY naam)) FROM landelijke_aanbieder"
}
# o_health_until NAME PYTHON [ARGS...]: PYTHON's asserts on l, health's
# landelijke_inkoop, hold within 12 s (each worker re-reads it at most every
# 10 s: core/dispatch.c HEALTH_DETAILS_TTL)
o_health_until() {
	local name=$1 code=$2 why t0 end; shift 2
	t0=$(date +%s%N) end=$(($(date +%s) + 12))
	while :; do
		request GET /api/v1/health
		why=$(printf '%s' "$BODY" | python3 -c "
import json, sys
l = json.load(sys.stdin)['details']['landelijke_inkoop']
a = sys.argv[1:]
$code" "$@" 2>&1) && break
		[ "$(date +%s)" -lt "$end" ] || break
		sleep 0.5
	done
	if [ -z "$why" ]; then ok "$name (health, after $(o_secs $((($(date +%s%N) - t0) / 1000000))))"; else not_ok "$name (health)" "$(tail -n 1 <<<"$why")"; fi
}
# o_status NAME PYTHON [ARGS...]: PYTHON's asserts on l, the landelijke_lijst
# of GET /api/v1/aanbieders (read at every request)
o_status() {
	local name=$1 code=$2; shift 2
	o_aanbieders "limit=1"
	o_py "$name" "l = d['landelijke_lijst']"$'\n'"$code" "$@"
}
O_HUISARTS=$(token -r huisarts -c agb=01234567 -s o-huisarts)
# o_aanbieders QUERY: GET /api/v1/aanbieders?QUERY as a huisarts
o_aanbieders() { request GET "/api/v1/aanbieders?$1" -H "$(bearer "$O_HUISARTS")"; }
# Python for the answers of /aanbieders: the entries by AGB (or KvK)
O_KEYS='
def key(e): return e.get("agb") or e.get("kvk")
keys = [key(e) for e in d["aanbieders"]]
lnd = sorted(key(e) for e in d["aanbieders"] if e.get("landelijk"))
'

# ---------------------------------------------------------------- the fixture server
o_fixture_start O_PORT
check "outbound setup: the fixture HTTP server listens on loopback (port ${O_PORT:-none})" test -n "$O_PORT"

o_health_until "before any sync, the landelijke inkoop list is not set up (ingericht false, aantal 0, verouderd)" '
assert l["ingericht"] is False and l["aantal"] == 0 and l["opgehaald"] is None and l["verouderd"] is True, l'

# ---------------------------------------------------------------- a valid list, JSON
o_fetch ok/vng/lijst.json
O_BASE_KB=$O_PEAK_KB
o_verdict "VNG sync of lijst.json: exit 0, 6 aanbieders stored" \
	"$([ "$O_RC" = 0 ] && grep -q 'bijgewerkt: 6 aanbieders' <<<"$O_OUT" &&
		[ "$(o_lijst aantal)" = 6 ] && [ "$(psql_owner 'SELECT count(*) FROM landelijke_aanbieder')" = 6 ] ||
		echo "exit $O_RC: $O_OUT")"
O_JSON_RECORDS=$(o_records)
o_verdict "the request asked for JSON or CSV and carried no validators (nothing stored for that URL yet)" \
	"$(o_fx_since "$O_N0" '
assert len(reqs) == 1, "%d requests" % len(reqs)
h = reqs[0]["headers"]
assert reqs[0]["method"] == "GET" and reqs[0]["path"] == "/ok/vng/lijst.json", reqs[0]
assert "application/json" in h.get("accept", "") and "text/csv" in h.get("accept", ""), h
assert "if-none-match" not in h and "if-modified-since" not in h, h')"
o_health_until "after the sync: ingericht, opgehaald and gewijzigd set, aantal 6, not verouderd, no laatste_fout" '
assert l["ingericht"] is True and l["aantal"] == 6 and l["verouderd"] is False, l
assert l["opgehaald"] and l["gewijzigd"] and l["laatste_fout"] is None, l
assert l["max_leeftijd_uren"] == 48, l'

o_aanbieders "q=veluwe"
o_py "GET /api/v1/aanbieders?q=veluwe (a piece of the name, any case): Stichting Jeugdzorg Plus De Hoge Veluwe (79000001)" "$O_KEYS"'
assert keys == ["79000001"], keys
e = d["aanbieders"][0]
assert e["naam"] == "Stichting Jeugdzorg Plus De Hoge Veluwe" and e["kvk"] == "41056789", e'
o_aanbieders "q=79000002"
o_py "?q=79000002 (an AGB code): that provider, landelijk, with its VNG raamcontract (functies, looptijd)" "$O_KEYS"'
assert keys == ["79000002"], keys
e = d["aanbieders"][0]
assert e["landelijk"] is True and e["productenboek"] is False, e
r = e["raamcontract"]
assert r["soort"] == "VNG landelijke inkoop" and r["ingangsdatum"] == "2025-01-01" and r["einddatum"] == "2027-12-31", r
assert r["functies"][2] == "Programma \"Thuis na de kliniek\"" and len(r["functies"]) == 3, r
assert sorted(e["productcategorieen"]) == ["54", "55"], e'
o_aanbieders "q=41490123"
o_py "?q=41490123 (a KvK number): De Luisterlijn, which has no AGB code" "$O_KEYS"'
assert keys == ["41490123"], keys
e = d["aanbieders"][0]
assert e["agb"] is None and e["naam"] == "Stichting De Luisterlijn voor Kinderen en Jongeren" and e["landelijk"] is True, e'
o_aanbieders "q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("coöperatie"))')"
o_py "?q=coöperatie (non-ASCII, lower case): Forensisch Jeugdcentrum Coöperatie De Waag U.A. (79000003)" "$O_KEYS"'
assert keys == ["79000003"], keys
assert d["aanbieders"][0]["naam"] == "Forensisch Jeugdcentrum Coöperatie De Waag U.A.", d["aanbieders"][0]'
o_aanbieders "productcategorie=54&limit=500"
o_py "?productcategorie=54: every entry has 54, and of the VNG list only 79000002 (55|54)" "$O_KEYS"'
assert all("54" in e["productcategorieen"] for e in d["aanbieders"]), d["aanbieders"]
assert lnd == ["79000002"], lnd'
o_aanbieders "landelijk=true&limit=500"
o_py "?landelijk=true: exactly the 5 current VNG providers, each marked landelijk with a raamcontract; the expired 79000006 left out" "$O_KEYS"'
assert sorted(keys) == ["41490123", "79000001", "79000002", "79000003", "79000004"], keys
for e in d["aanbieders"]:
    r = e["raamcontract"]
    assert e["landelijk"] is True and r and r["soort"] == "VNG landelijke inkoop" and r["functies"], e
assert d["meer"] is False and d["datum"], d
l = d["landelijke_lijst"]
assert l["aantal"] == 6 and l["verouderd"] is False and l["ingericht"] is True, l'
o_aanbieders "landelijk=false&limit=500"
o_py "?landelijk=false: no VNG provider, none with a raamcontract" "$O_KEYS"'
assert lnd == [] and not any(k and k.startswith("790000") for k in keys), keys
assert all(e["landelijk"] is False and e["raamcontract"] is None for e in d["aanbieders"]), d["aanbieders"]'
o_aanbieders "q=79000006"
o_py "?q=79000006: the contract that ended 2024-12-31 is not listed today" "$O_KEYS"'
assert keys == [], keys'
o_aanbieders "q=79000006&datum=2024-06-01"
o_py "?q=79000006&datum=2024-06-01: it is listed on a day its contract ran (stored, filtered by date)" "$O_KEYS"'
assert keys == ["79000006"], keys
assert d["datum"] == "2024-06-01" and d["aanbieders"][0]["raamcontract"]["einddatum"] == "2024-12-31", d'
request GET "/api/v1/aanbieders?q=veluwe"
check "GET /api/v1/aanbieders without a token: 401 problem" is_problem 401
# /aanbieders answers a bad query parameter as the other lists do (and as
# www/openapi.yaml documents): 400 invalid-query naming it.
o_bad_query() { # o_bad_query QUERY PARAM [LABEL]
	local why=
	o_aanbieders "$1"
	if ! is_problem 400 || [[ "$(o_problem_type)" != *invalid-query ]]; then
		why=$(o_answer)
	elif ! printf '%s' "$BODY" | python3 -c '
import json, sys
sys.exit(0 if any(p.get("name") == sys.argv[1] for p in json.load(sys.stdin).get("invalid-params", [])) else 1)' "$2"; then
		why="invalid-params does not name $2: $BODY"
	fi
	o_verdict "GET /api/v1/aanbieders?${3:-$1}: 400 invalid-query naming $2" "$why"
}
o_bad_query "q=x" q
o_bad_query "q=$(head -c 101 /dev/zero | tr '\0' a)" q "q=<101 characters>"
o_bad_query "productcategorie=99" productcategorie
o_bad_query "landelijk=ja" landelijk

# ---------------------------------------------------------------- 304: the copy is confirmed
O_BEFORE=$(o_copy)
O_ETAG=$(o_lijst etag) O_OPGEHAALD=$(o_lijst opgehaald) O_GEWIJZIGD=$(o_lijst gewijzigd)
o_fetch ok/vng/lijst.json
o_verdict "the same URL again: exit 0, 'ongewijzigd (HTTP 304)'" \
	"$([ "$O_RC" = 0 ] && grep -q 'ongewijzigd (HTTP 304)' <<<"$O_OUT" || echo "exit $O_RC: $O_OUT")"
o_verdict "the second request was conditional: If-None-Match with the stored ETag" \
	"$(o_fx_since "$O_N0" '
assert len(reqs) == 1, "%d requests" % len(reqs)
h = reqs[0]["headers"]
assert h.get("if-none-match") == a[0], "If-None-Match %r, stored ETag %r" % (h.get("if-none-match"), a[0])' "$O_ETAG")"
o_verdict "after the 304: the records and gewijzigd unchanged, opgehaald advanced" \
	"$([ "$(psql_owner "SELECT (SELECT md5(string_agg(t::text, ',' ORDER BY id)) FROM landelijke_aanbieder t) = '$(cut -d'|' -f1 <<<"$O_BEFORE")'
		AND gewijzigd = '$O_GEWIJZIGD'::timestamptz AND opgehaald > '$O_OPGEHAALD'::timestamptz FROM landelijke_lijst")" = t ] ||
		echo "before $O_BEFORE, after $(o_copy)")"

# ---------------------------------------------------------------- a valid list, CSV
o_fetch ok/vng/lijst.csv
o_verdict "VNG sync of lijst.csv: exit 0, 6 aanbieders" \
	"$([ "$O_RC" = 0 ] && grep -q 'bijgewerkt: 6 aanbieders' <<<"$O_OUT" || echo "exit $O_RC: $O_OUT")"
check "the CSV gives exactly the records of the JSON list (quoted comma, \"\"-escaped quotes, empty fields)" \
	test "$(o_records)" = "$O_JSON_RECORDS"
o_aanbieders "q=horizonbos&datum=2024-06-01"
o_py "CSV: the quoted name with a comma is one field ('Horizonbos, landelijk centrum voor jeugd en verslaving')" "$O_KEYS"'
assert keys == ["79000006"], keys
assert d["aanbieders"][0]["naam"] == "Horizonbos, landelijk centrum voor jeugd en verslaving", d["aanbieders"][0]'

# ---------------------------------------------------------------- a new list replaces the copy
o_fetch ok/vng/lijst-v2.json
o_verdict "VNG sync of lijst-v2.json: exit 0, the copy replaced" \
	"$([ "$O_RC" = 0 ] && grep -q 'bijgewerkt: 6 aanbieders' <<<"$O_OUT" || echo "exit $O_RC: $O_OUT")"
check "lijst-v2: 79000006 is gone from the stored copy, 79000007 is in it" \
	test "$(psql_owner "SELECT count(*) FILTER (WHERE agb = '79000006') || ' ' || count(*) FILTER (WHERE agb = '79000007') FROM landelijke_aanbieder")" = "0 1"
o_aanbieders "q=79000006&datum=2024-06-01"
o_py "lijst-v2: /aanbieders no longer knows 79000006, not even on a day its contract ran" "$O_KEYS"'
assert keys == [], keys'
o_aanbieders "landelijk=true&limit=500"
o_py "lijst-v2: ?landelijk=true lists the added 79000007 (from 2025-07-01)" "$O_KEYS"'
assert "79000007" in lnd and len(lnd) == 6, lnd'

# ---------------------------------------------------------------- failures keep the last good copy
O_GOOD=$(o_copy)
# o_fails NAME MODE/PATH RC MAX_MS REQUESTS CAUSE [MORE...]: the sync of that
# URL exits RC within MAX_MS, its message holds CAUSE (and each of MORE),
# health's laatste_fout holds CAUSE, laatste_poging advanced, the copy is as
# it was; when REQUESTS is not empty, the fixture server saw exactly that
# many requests, each for the URL's own path
o_fails() {
	local name=$1 path=$2 rc=$3 max=$4 nreq=$5 cause=$6 why="" more poging_before; shift 6
	poging_before=$(o_lijst laatste_poging)
	o_fetch "$path"
	if [ "$O_RC" != "$rc" ]; then
		why="exit $O_RC, want $rc: $O_OUT"
	elif ! grep -qF -- "$cause" <<<"$O_OUT"; then
		why="no '$cause' in: $O_OUT"
	elif [ "$O_MS" -ge "$max" ]; then
		why="took $(o_secs "$O_MS"), want under $(o_secs "$max")"
	fi
	for more in "$@"; do
		[ -n "$why" ] || grep -qF -- "$more" <<<"$O_OUT" || why="no '$more' in: $O_OUT"
	done
	o_verdict "$name: exit $rc naming '$cause'${*:+ and $*} in $(o_secs "$O_MS") (limit $(o_secs "$max"))" "$why"
	o_aanbieders "limit=1"
	why=$(printf '%s' "$BODY" | python3 -c '
import json, sys
l = json.load(sys.stdin)["landelijke_lijst"]
f = l["laatste_fout"] or ""
if sys.argv[1] not in f: print("laatste_fout %r" % f)
elif l["aantal"] != 6 or l["ingericht"] is not True: print(l)' "$cause" 2>&1)
	[ -n "$why" ] || [ "$(o_copy)" = "$O_GOOD" ] || why="the copy changed: $O_GOOD -> $(o_copy)"
	[ -n "$why" ] || [ "$(psql_owner "SELECT laatste_poging > '$poging_before'::timestamptz FROM landelijke_lijst")" = t ] ||
		why="laatste_poging did not advance"
	o_verdict "$name: the last good copy stays (records, opgehaald, gewijzigd, ETag), laatste_fout names '$cause'" "$why"
	if [ -n "$nreq" ]; then
		o_verdict "$name: the fixture server saw exactly $nreq request(s), for /$path only (no redirect followed)" \
			"$(o_fx_since "$O_N0" '
assert len(reqs) == int(a[0]), "%d requests: %s" % (len(reqs), [r["path"] for r in reqs])
assert all(r["path"] == a[1] for r in reqs), [r["path"] for r in reqs]' "$nreq" "/$path")"
	fi
}
# Limits: connect 1 s, 1.5 s an attempt, 4 s in all, 2 retries 0.2 s then
# 0.4 s apart, 1 MiB. A timeout runs into the deadline: under 5 s.
o_fails "slow (5 s before the headers, timeout 1.5 s)" slow5/vng/lijst.json 3 5000 "" "timeout"
o_fails "drip (1 byte a second)" drip/vng/lijst.json 3 5000 "" "timeout"
o_fails "hang (no answer at all)" hang/vng/lijst.json 3 5000 "" "timeout"
o_fails "HTTP 500" error500/vng/lijst.json 3 3000 3 "http-status: HTTP 500" "3 pogingen"
o_fails "HTTP 404 (not retried)" error404/vng/lijst.json 3 3000 1 "http-status: HTTP 404"
o_fails "garbage (not UTF-8)" garbage/vng/lijst.json 4 3000 1 "download geweigerd" "UTF-8"
o_fails "half a JSON document" half/vng/lijst.json 4 3000 1 "download geweigerd" "geen geldige JSON"
o_fails "half a CSV document" half/vng/lijst.csv 4 3000 1 "download geweigerd" "regel 4"
o_fails "half-valid.json (4 of 6 records valid)" ok/vng/half-valid.json 4 3000 1 "download geweigerd" \
	"aanbieders[2].agb" "aanbieders[4].einddatum"
o_fails "half-valid.csv (4 of 6 rows valid)" ok/vng/half-valid.csv 4 3000 1 "download geweigerd" \
	"regel 4" "regel 6, ingangsdatum"
o_fails "leeg.json (an empty list)" ok/vng/leeg.json 4 3000 1 "download geweigerd: de lijst is leeg"
o_fails "big (50 MiB with Content-Length, cap 1 MiB)" big/vng/lijst.json 3 3000 1 "too-large"
O_BIG_KB=$O_PEAK_KB
o_fails "bignolength (50 MiB without Content-Length, cap 1 MiB)" bignolength/vng/lijst.json 3 3000 1 "too-large"
O_BIGNL_KB=$O_PEAK_KB
if [ -n "$O_BASE_KB" ] && [ -n "$O_BIG_KB" ] && [ -n "$O_BIGNL_KB" ]; then
	check "the size cap holds in memory: peak RSS of big ${O_BIG_KB} KiB, bignolength ${O_BIGNL_KB} KiB, under a good run's ${O_BASE_KB} KiB + 16 MiB" \
		test "$O_BIG_KB" -lt $((O_BASE_KB + 16384)) -a "$O_BIGNL_KB" -lt $((O_BASE_KB + 16384))
else
	echo "# skipped: peak memory of the oversize downloads (/usr/bin/time, package time, not installed)"
fi
o_fails "redirect-host (302 to http://localhost, same server)" redirect-host/vng/lijst.json 3 3000 1 "redirect-refused"
o_fails "redirect-file (302 to file:///etc/passwd)" redirect-file/vng/lijst.json 3 3000 1 "redirect-refused"
o_fails "redirect-gopher (302 to gopher://)" redirect-gopher/vng/lijst.json 3 3000 1 "redirect-refused"
o_fails "redirect-https (301 to https://example.invalid)" redirect-https/vng/lijst.json 3 3000 1 "redirect-refused"
o_fails "close (connection closed mid-body)" close/vng/lijst.json 3 5000 "" "truncated"
o_fails "notmodified (a 304 to a request without validators)" notmodified/vng/lijst-v2.json 3 3000 1 "304"
o_verdict "notmodified: the request for that URL carried no If-None-Match (the stored ETag is of another URL)" \
	"$(o_fx_since "$O_N0" 'assert all("if-none-match" not in r["headers"] for r in reqs), reqs')"
o_aanbieders "q=79000007"
o_py "after all failures /aanbieders still serves the last good copy (79000007)" "$O_KEYS"'
assert keys == ["79000007"], keys'
o_health_until "health shows the last failure in laatste_fout (HTTP 304 not asked for), aantal 6, not verouderd" '
assert "HTTP 304" in (l["laatste_fout"] or "") and l["aantal"] == 6 and l["verouderd"] is False, l'

# A good run after the failures: the source confirms the copy, the error goes.
o_fetch ok/vng/lijst-v2.json
o_status "the next good run (304 for lijst-v2) clears laatste_fout; the records and gewijzigd are as before" '
assert l["laatste_fout"] is None and l["aantal"] == 6 and l["verouderd"] is False, l
assert a[0] == "0" and a[1] == a[2], (a[0], a[1], a[2])' "$O_RC" "$(o_copy | cut -d'|' -f1,3)" "$(cut -d'|' -f1,3 <<<"$O_GOOD")"

# ---------------------------------------------------------------- an old copy
o_fetch ok/vng/lijst-v2.json landelijk.max_age_hours=1
psql_owner "UPDATE landelijke_lijst SET opgehaald = now() - interval '2 hours'" >/dev/null
o_health_until "max_age_hours=1 and a copy fetched 2 hours ago: verouderd true, max_leeftijd_uren 1" '
assert l["verouderd"] is True and l["max_leeftijd_uren"] == 1 and l["aantal"] == 6, l'
o_aanbieders "landelijk=true&limit=500"
o_py "and /aanbieders says so too (landelijke_lijst.verouderd true), still listing the copy" "$O_KEYS"'
assert d["landelijke_lijst"]["verouderd"] is True and len(lnd) == 6, (d["landelijke_lijst"], lnd)'
o_fetch error503/vng/lijst-v2.json landelijk.max_age_hours=1
o_status "a failed fetch does not make an old copy current (verouderd stays true, laatste_fout HTTP 503)" '
assert l["verouderd"] is True and "HTTP 503" in (l["laatste_fout"] or ""), l'
o_fetch ok/vng/lijst-v2.json landelijk.max_age_hours=1
o_status "a confirming 304 makes it current again (verouderd false, no laatste_fout)" '
assert l["verouderd"] is False and l["laatste_fout"] is None, l'
o_fetch ok/vng/lijst-v2.json landelijk.max_age_hours=0
check "landelijk.max_age_hours=0: a configuration error, exit 2" test "$O_RC" = 2

# ---------------------------------------------------------------- https only, TLS verified
O_GOOD=$(o_copy)
o_sync "landelijk.url=$(o_url ok/vng/lijst.json)"
o_verdict "plain http without landelijk.allow_http_loopback: refused, exit 2 ('https only'), nothing fetched" \
	"$([ "$O_RC" = 2 ] && grep -q 'https only' <<<"$O_OUT" && [ "$(o_fx_count)" = "$O_N0" ] || echo "exit $O_RC: $O_OUT")"
o_sync "landelijk.url=http://example.invalid/ok/vng/lijst.json" landelijk.allow_http_loopback=yes
o_verdict "http://example.invalid/ with allow_http_loopback: refused, exit 2 (plain http only to loopback)" \
	"$([ "$O_RC" = 2 ] && grep -q 'loopback' <<<"$O_OUT" || echo "exit $O_RC: $O_OUT")"
o_sync "landelijk.url=gopher://127.0.0.1:$O_PORT/" landelijk.allow_http_loopback=yes
o_verdict "a gopher:// URL: refused, exit 2, nothing fetched" \
	"$([ "$O_RC" = 2 ] && [ "$(o_fx_count)" = "$O_N0" ] || echo "exit $O_RC: $O_OUT")"
check "the refused URLs left the copy as it was" test "$(o_copy)" = "$O_GOOD"

openssl req -x509 -newkey rsa:2048 -nodes -keyout "$O_DIR/tls.key" -out "$O_DIR/tls.crt" -days 2 \
	-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 >/dev/null 2>&1
o_fixture_start O_TLS_PORT --tls-cert "$O_DIR/tls.crt" --tls-key "$O_DIR/tls.key"
check "a second fixture server with a throwaway self-signed certificate for 127.0.0.1 (port ${O_TLS_PORT:-none})" test -n "$O_TLS_PORT"
o_sync "landelijk.url=https://127.0.0.1:$O_TLS_PORT/ok/vng/lijst.json"
o_verdict "https to a self-signed certificate without landelijk.ca_file: exit 3, tls-failed, the copy stays" \
	"$([ "$O_RC" = 3 ] && grep -q 'tls-failed' <<<"$O_OUT" && [ "$(o_copy)" = "$O_GOOD" ] || echo "exit $O_RC: $O_OUT")"
o_sync "landelijk.url=https://localhost:$O_TLS_PORT/ok/vng/lijst.json" "landelijk.ca_file=$O_DIR/tls.crt"
o_verdict "https://localhost with that CA but a certificate for 127.0.0.1 only: exit 3, tls-failed (the name is checked)" \
	"$([ "$O_RC" = 3 ] && grep -q 'tls-failed' <<<"$O_OUT" && [ "$(o_copy)" = "$O_GOOD" ] || echo "exit $O_RC: $O_OUT")"
o_sync "landelijk.url=https://127.0.0.1:$O_TLS_PORT/ok/vng/lijst.json" "landelijk.ca_file=$O_DIR/tls.crt"
o_verdict "the same https URL with landelijk.ca_file=<that certificate>: exit 0, lijst.json stored" \
	"$([ "$O_RC" = 0 ] && grep -q 'bijgewerkt: 6 aanbieders' <<<"$O_OUT" && [ "$(o_records)" = "$O_JSON_RECORDS" ] ||
		echo "exit $O_RC: $O_OUT")"

# ---------------------------------------------------------------- the master's periodic run
O_DONE0=$(grep -c '"event":"landelijk-sync-done"' "$STATE/log/toegangd.log")
O_GEWIJZIGD=$(o_lijst gewijzigd)
O_N0=$(o_fx_count)
restart_daemon "landelijk.url=$(o_url ok/vng/lijst-v2.json)" landelijk.allow_http_loopback=yes \
	landelijk.interval=10 "landelijk.command=$BUILD/toegang-landelijk-sync"
O_T0=$(date +%s)
for _ in $(seq 1 48); do
	[ "$(grep -c '"event":"landelijk-sync-done"' "$STATE/log/toegangd.log")" -gt "$O_DONE0" ] && break
	sleep 0.25
done
o_verdict "toegangd with landelijk.interval=10 runs the sync itself: landelijk-sync-done in its log within 12 s (after $(($(date +%s) - O_T0)) s)" \
	"$([ "$(grep -c '"event":"landelijk-sync-done"' "$STATE/log/toegangd.log")" -gt "$O_DONE0" ] ||
		grep landelijk "$STATE/log/toegangd.log" | tail -n 3)"
o_health_until "the master's run filled the list: aantal 6, no laatste_fout, gewijzigd advanced, lijst-v2's 79000007 stored" '
assert l["aantal"] == 6 and l["laatste_fout"] is None and a[1] == "t", (l, a)' "" \
	"$(psql_owner "SELECT gewijzigd > '$O_GEWIJZIGD'::timestamptz AND EXISTS (SELECT FROM landelijke_aanbieder WHERE agb = '79000007') FROM landelijke_lijst")"
o_verdict "the master's run fetched the configured URL from the fixture server" \
	"$(o_fx_since "$O_N0" 'assert any(r["path"] == "/ok/vng/lijst-v2.json" for r in reqs), [r["path"] for r in reqs]')"

# ---------------------------------------------------------------- BRP: the woonplaats proposal
O_GEM=0080 O_GEM2=0935
O_CJG=$(token -r cjg -c gemeente=$O_GEM -s o-cjg-0080)
O_CJG2=$(token -r cjg -c gemeente=$O_GEM2 -s o-cjg-0935)
printf 'test-brp-key\n' >"$O_DIR/brp.key"
printf 'wrong-key\n' >"$O_DIR/brp-wrong.key"
chown toegang "$O_DIR/brp.key" "$O_DIR/brp-wrong.key"
chmod 0600 "$O_DIR/brp.key" "$O_DIR/brp-wrong.key"
O_BRP_LIMITS=(cjg.brp_connect_timeout_ms=1000 cjg.brp_timeout_ms=1500 cjg.brp_deadline_ms=3000
	cjg.brp_retries=1 cjg.brp_backoff_ms=200 cjg.brp_max_bytes=65536)
O_BRP_DEADLINE_MS=3000
# o_brp_daemon MODE [KEYFILE]: the daemon serving 0080 0935, asking the BRP at /MODE/brp
o_brp_daemon() {
	restart_daemon "regio=$O_GEM $O_GEM2" "cjg.brp_url=http://127.0.0.1:$O_PORT/$1/brp" \
		"cjg.brp_api_key_file=${2:-$O_DIR/brp.key}" cjg.brp_api_key_header=X-API-Key \
		cjg.brp_allow_http_loopback=yes "${O_BRP_LIMITS[@]}"
}
# o_brp TOKEN ZAAK: POST /api/v1/zaken/ZAAK/brp-woonplaats; O_MS its time
o_brp() {
	local t0
	O_N0=$(o_fx_count)
	t0=$(date +%s%N)
	request POST "/api/v1/zaken/$2/brp-woonplaats" -H "$(bearer "$1")"
	O_MS=$((($(date +%s%N) - t0) / 1000000))
}
# What the zaak holds, as the postgres superuser (row-level security hides it
# from the other roles): the zaak row and its betrokkenen
o_zaak_state() {
	(cd / && runuser -u postgres -- psql -X -q -At -h "$STATE/run/pg" -d toegang -c \
		"SELECT md5(z::text) || ':' || (SELECT md5(string_agg(b::text, ',' ORDER BY b::text)) FROM betrokkene b WHERE b.zaak_id = z.id)
		   FROM zaak z WHERE z.id = '$1'")
}

restart_daemon "regio=$O_GEM $O_GEM2"
# The fixture children, as tests/fixtures/brp/README.md names them
O_KIDS=(710000005 710000017 710000029 710000030 710000042 710000054 710000066 710000078 710000091 710000108 710000121 710000133)
declare -A O_ZAAK=()
for o_bsn in "${O_KIDS[@]}"; do
	request POST /api/v1/meldingen -H "$(bearer "$O_CJG")" -H 'Content-Type: application/json' \
		--data-binary '{"jeugdige": {"bsn": "'"$o_bsn"'", "geboortedatum": "2017-01-01", "naam": "Kind '"${o_bsn: -3}"'"},
		"gezaghebbenden": [{"bsn": "710000145", "naam": "Ouder van '"${o_bsn: -3}"'", "gemeente": "'"$O_GEM"'"}],
		"hulpvraag": "Het CJG meldt: de woonplaats moet nog worden vastgesteld."}'
	O_ZAAK[$o_bsn]=$( [ "$STATUS" = 201 ] && json "['id']")
done
O_MISSING=$(for o_bsn in "${O_KIDS[@]}"; do [ -n "${O_ZAAK[$o_bsn]}" ] || printf '%s ' "$o_bsn"; done)
o_verdict "BRP setup: the CJG of $O_GEM made a zaak (melding) for each of the 12 fixture children" \
	"${O_MISSING:+no zaak for $O_MISSING: $(o_answer)}"
O_Z1=${O_ZAAK[710000005]:-00000000-0000-0000-0000-000000000000}

o_brp "$O_CJG" "$O_Z1"
o_verdict "BRP not configured (no cjg.brp_url): 404 problem brp-niet-ingericht" \
	"$(is_problem 404 && [[ "$(o_problem_type)" == *brp-niet-ingericht ]] || o_answer)"

o_brp_daemon ok
O_FX_BRP0=$(o_fx_count)
# o_expect BSN GEMEENTE|- BINNEN_REGIO GROND|null CASE: the proposal for that child
o_expect() {
	local bsn=$1 gem=$2 binnen=$3 grond=$4 what=$5 before want
	before=$(o_zaak_state "${O_ZAAK[$bsn]:-none}")
	o_brp "$O_CJG" "${O_ZAAK[$bsn]:-00000000-0000-0000-0000-000000000000}"
	if [ "$gem" = - ]; then want="persoon_nodig, grond $grond"; else want="gemeente $gem (binnen_regio $binnen), grond $grond"; fi
	o_py "BRP $bsn ($what): $want" '
assert a[4] == a[5], "the zaak changed"
gem, binnen, grond = a[0], a[1], a[2]
v = d.get("voorstel")
if gem == "-":
    assert v is None and d.get("persoon_nodig") is True, d
else:
    assert v == {"gemeente": gem, "binnen_regio": binnen == "true"}, v
    assert d.get("persoon_nodig") is False, d
want = None if grond == "null" else grond
assert d.get("grond") == want, "grond %r, want %r" % (d.get("grond"), want)
assert isinstance(d.get("reden"), str) and len(d["reden"]) > 10, "reden %r" % d.get("reden")
assert a[3] not in json.dumps(d), "the answer repeats the BSN"' \
		"$gem" "$binnen" "$grond" "$bsn" "$before" "$(o_zaak_state "${O_ZAAK[$bsn]:-none}")"
}
o_expect 710000005 0935 true EenhoofdigOuderlijkGezag "a: eenhoofdig, the ouder lives in 0935"
o_expect 710000017 0080 true GezamenlijkOuderlijkGezag "b: gezamenlijk, both ouders in 0080"
o_expect 710000029 0363 false GezamenlijkOuderlijkGezag "c: gezamenlijk, apart; the child lives with the ouder in 0363, outside the region"
o_expect 710000030 - x GezamenlijkOuderlijkGezag "d: gezamenlijk, apart, the child with neither"
o_expect 710000042 0935 true GezamenlijkGezag "e: ouder and derde, both in 0935"
o_expect 710000054 0080 true Voogdij "f: voogdij without a known voogd: the child's gemeente"
o_expect 710000066 0935 true Voogdij "g: voogdij by a person in 0935"
o_expect 710000078 - x TijdelijkGeenGezag "h: tijdelijk geen gezag"
o_expect 710000091 - x GezagNietTeBepalen "i: gezag niet te bepalen"
o_expect 710000108 - x EenhoofdigOuderlijkGezag "j: gezag in onderzoek"
o_expect 710000121 - x null "k: no gezag field"
o_expect 710000133 - x null "l: gezag []"
o_verdict "the BRP requests: POST /ok/brp/personen with X-API-Key test-brp-key, JSON, the BSNs in the body only, never in a URL" \
	"$(o_fx_since "$O_FX_BRP0" '
assert len(reqs) >= 12, "%d requests" % len(reqs)
asked = set()
for r in reqs:
    assert r["method"] == "POST" and r["path"] == "/ok/brp/personen", (r["method"], r["path"])
    assert r["headers"].get("x-api-key") == "test-brp-key", r["headers"]
    assert r["headers"].get("content-type", "").startswith("application/json"), r["headers"]
    assert not re.search(r"\d{9}", r["path"]), r["path"]
    b = json.loads(r["body"])
    assert b.get("type") == "RaadpleegMetBurgerservicenummer" and isinstance(b.get("fields"), list), b
    asked.update(b["burgerservicenummer"])
kids = set(a)
assert kids <= asked, "not asked: %s" % sorted(kids - asked)
assert "710000145" in asked and "710000236" in asked, "the gezaghebbenden were not looked up: %s" % sorted(asked)' "${O_KIDS[@]}")"
O_ZAAK_IDS=$(for o_bsn in "${O_KIDS[@]}"; do printf "'%s'," "${O_ZAAK[$o_bsn]:-none}"; done)
check "each of the 12 consultations is in the access log (zaak, role cjg, a pseudonym, no BSN)" test \
	"$(psql_owner "SELECT count(DISTINCT zaak_id) FROM toegangslog WHERE actie LIKE '%brp%' AND rol = 'cjg'
		AND persoon_ref IS NOT NULL AND persoon_ref !~ '^[0-9]{9}$' AND zaak_id IN (${O_ZAAK_IDS%,})")" = 12

# Who may ask
o_brp "$O_CJG2" "$O_Z1"
o_verdict "the CJG of another gemeente ($O_GEM2) asks for a zaak of $O_GEM: 404 problem, no BRP request" \
	"$(is_problem 404 && [ "$(o_fx_count)" = "$O_N0" ] || o_answer)"
o_brp "$O_HUISARTS" "$O_Z1"
o_verdict "a huisarts asks: 403/404 problem, no BRP request" \
	"$({ is_problem 403 || is_problem 404; } && [ "$(o_fx_count)" = "$O_N0" ] || o_answer)"
o_brp "$(token -r ouder -c bsn=710000145 -s o-ouder)" "$O_Z1"
o_verdict "an ouder of the zaak asks: 403/404 problem, no BRP request" \
	"$({ is_problem 403 || is_problem 404; } && [ "$(o_fx_count)" = "$O_N0" ] || o_answer)"
o_brp "$O_CJG" 3f0c1a9e-0000-4000-8000-000000000000
o_verdict "a zaak that does not exist: 404 problem, no BRP request" \
	"$(is_problem 404 && [ "$(o_fx_count)" = "$O_N0" ] || o_answer)"
request POST "/api/v1/zaken/$O_Z1/brp-woonplaats"
check "without a token: 401 problem" is_problem 401

# o_brp_fails NAME MODE CODE [KEYFILE]: with the BRP behind /MODE/brp, the CJG
# gets CODE as problem+json within the deadline + 1 s, and the zaak is as it was
o_brp_fails() {
	local name=$1 mode=$2 code=$3 before why=""
	o_brp_daemon "$mode" "${4:-}"
	before=$(o_zaak_state "$O_Z1")
	o_brp "$O_CJG" "$O_Z1"
	if ! is_problem "$code"; then
		why=$(o_answer)
	elif [ "$O_MS" -ge $((O_BRP_DEADLINE_MS + 1000)) ]; then
		why="took $(o_secs "$O_MS")"
	elif [ "$(o_zaak_state "$O_Z1")" != "$before" ]; then
		why="the zaak changed"
	fi
	o_verdict "BRP $name: $code problem+json ($(o_problem_type)) in $(o_secs "$O_MS") (deadline 3 s + 1 s), the zaak unchanged" "$why"
}
o_brp_fails "hang (no answer)" hang 504
o_brp_fails "slow (5 s before the headers, timeout 1.5 s)" slow5 504
o_brp_fails "HTTP 500" error500 502
o_brp_fails "garbage (not JSON)" garbage 502
o_brp_fails "half a JSON answer" half 502
o_brp_fails "big (50 MiB, cap 64 KiB)" big 502
o_brp_fails "bignolength (50 MiB, no Content-Length)" bignolength 502
o_brp_fails "redirect-host (302 to localhost)" redirect-host 502
o_verdict "BRP redirect-host: exactly one request, no redirect followed" \
	"$(o_fx_since "$O_N0" 'assert [r["path"] for r in reqs] == ["/redirect-host/brp/personen"], [r["path"] for r in reqs]')"
o_brp_fails "close (connection closed mid-body)" close 502
o_brp_fails "a wrong API key (401 from the BRP)" ok 502 "$O_DIR/brp-wrong.key"
o_verdict "BRP wrong key: the request carried the configured (wrong) key; not retried" \
	"$(o_fx_since "$O_N0" '
assert len(reqs) == 1 and reqs[0]["headers"].get("x-api-key") == "wrong-key", reqs')"

o_verdict "no fixture BSN in any URL the fixture server saw" \
	"$(python3 -c '
import json, sys
paths = [json.loads(l)["path"] for l in open(sys.argv[1]) if l.strip()]
bad = [p for p in paths if any(b in p for b in sys.argv[2:])]
assert not bad, bad' "$O_FX_LOG" "${O_KIDS[@]}" 710000145 710000157 710000169 710000170 710000182 710000194 \
	710000200 710000212 710000224 710000236 710000248 2>&1 | tail -n 1)"
O_BSN_RE="(^|[^0-9])(7100000[0-9]{2}|7100001[0-9]{2}|7100002[0-9]{2})([^0-9]|$)"
o_verdict "the daemon's log holds no BSN of the BRP fixtures" \
	"$(grep -E "$O_BSN_RE" "$STATE/log/toegangd.log" | head -n 2)"
o_verdict "the access log holds no BSN of the BRP fixtures (pseudonyms only)" \
	"$(psql_owner "SELECT count(*) FROM toegangslog t WHERE t::text ~ '(^|[^0-9])(7100000[0-9]{2}|71000[12][0-9]{2})([^0-9]|$)'" | grep -v '^0$')"

# ---------------------------------------------------------------- back to the defaults
o_stop_servers
trap cleanup EXIT
restart_daemon
request GET /api/v1/health
check "after the outbound tests the daemon restarted with its defaults" test "$STATUS" = 200
