# Zaken: verwijzing create, visibility, idempotency, validation, access log (sourced by run.sh).
#
# Issue 3 through nginx with curl: POST /api/v1/verwijzingen makes a zaak that
# exactly its parties see (GET /api/v1/zaken/{id} and GET /api/v1/zaken); the
# same Idempotency-Key makes one zaak however often and however concurrently
# it is sent; bad input stores nothing; every read and write lands in the
# access log without a BSN; row-level security holds in the database itself.
# Everything here is named z_/Z_ so that it cannot clash with run.sh or the
# sections sourced after this one.

# ---------------------------------------------------------------- zaak helpers

# SQL as the postgres superuser, the one role that sees every row: FORCE ROW
# LEVEL SECURITY hides every zaak from the owner and the app role alike.
z_psql_super() {
	(cd / && runuser -u postgres -- psql -X -q -At -v ON_ERROR_STOP=1 -h "$STATE/run/pg" -d toegang -c "$1")
}
# z_psql_caller owner|app ROLE IDENTITY SQL: SQL in a transaction with the
# caller set as the daemon sets it; prints the SQL's result only.
z_psql_caller() {
	"$STACK" psql "$STATE" "$1" -At -c "BEGIN; SELECT set_config('toegang.rol', '$2', true), set_config('toegang.identiteit', '$3', true); $4; COMMIT;" |
		tail -n +2
}

# z_bsns COUNT FROM: COUNT nine-digit numbers above FROM that pass the
# 11-proef, one a line, so that each test file has identities nobody else
# uses (zaak.sh from 200000000, routes.sh 300000000, procedure.sh 400000000).
z_bsns() {
	python3 -c '
import sys
n, c = int(sys.argv[1]), int(sys.argv[2])
while n > 0:
    c += 1
    s = str(c)
    if (sum((9 - i) * int(s[i]) for i in range(8)) - int(s[8])) % 11 == 0:
        n -= 1
        print(c)' "$1" "$2"
}
# z_bsn N: the N-th of zaak.sh's own
z_bsn() { z_bsns "$1" 199999999 | tail -n 1; }

# z_body [PYTHON...]: the create body of API.md, changed by the given Python
# statements on d, as JSON (UTF-8, not \u-escaped).
z_body() {
	python3 -c '
import json, sys
d = {"jeugdige": {"bsn": "123456782", "geboortedatum": "2014-05-01", "naam": "Sam de Vries"},
     "gezaghebbenden": [{"bsn": "111222333", "naam": "Anna de Vries", "gemeente": "0301"}],
     "hulpvraag": "vrije tekst", "spoed": False}
for statement in sys.argv[1:]:
    exec(statement)
sys.stdout.write(json.dumps(d, ensure_ascii=False))' "$@"
}

# z_post TOKEN BODY [curl args...]: POST /api/v1/verwijzingen as JSON
z_post() {
	local tok=$1 body=$2; shift 2
	request POST /api/v1/verwijzingen -H "$(bearer "$tok")" -H 'Content-Type: application/json' \
		--data-binary "$body" "$@"
}
z_get() { request GET "/api/v1/zaken/$2" -H "$(bearer "$1")"; }           # z_get TOKEN ID
z_list() { request GET "/api/v1/zaken${2:+?$2}" -H "$(bearer "$1")"; }    # z_list TOKEN [QUERY]
z_rid() { header X-Request-Id | tr -cd 'A-Za-z0-9-'; }                   # this answer's request id

# The ids of a list answer, one per line (nothing when BODY is no list).
z_ids() { printf '%s' "$BODY" | python3 -c 'import json,sys; [print(z["id"]) for z in json.load(sys.stdin)["zaken"]]' 2>/dev/null; }

# z_verdict NAME WHY: ok when WHY is empty, else not_ok with WHY as the detail
z_verdict() { if [ -z "$2" ]; then ok "$1"; else not_ok "$1" "$2"; fi; }
# z_answer: the answer in brief, for a failure's detail
z_answer() { printf 'got %s %s %s' "$STATUS" "$(header Content-Type)" "${BODY:0:400}"; }
# z_status NAME CODE: the answer has that status
z_status() { if [ "$STATUS" = "$2" ]; then ok "$1"; else not_ok "$1" "$(z_answer)"; fi; }
# z_problem NAME CODE: the answer is that status as problem+json
z_problem() { if is_problem "$2"; then ok "$1"; else not_ok "$1" "$(z_answer)"; fi; }

# z_pyrun JSON PYTHON [ARGS...]: runs PYTHON with d (the parsed JSON) and a
# (ARGS); prints the failing assertion's message and fails when one fails
z_pyrun() {
	local doc=$1 code=$2 out; shift 2
	out=$(printf '%s' "$doc" | python3 -c "
import datetime, json, re, sys, zoneinfo
raw = sys.stdin.read()
try:
    d = json.loads(raw)
except ValueError:
    sys.exit('not JSON: ' + raw[:200])
a = sys.argv[1:]
$code" "$@" 2>&1) || { printf '%s' "$out" | tail -n 1; return 1; }
}
# z_py NAME PYTHON [ARGS...]: z_pyrun on BODY as a check; the detail is the
# failing assertion and the answer
z_py() {
	local name=$1 code=$2 why; shift 2
	if why=$(z_pyrun "$BODY" "$code" "$@"); then ok "$name"; else not_ok "$name" "$why [$(z_answer)]"; fi
}

# z_names PARAM: the problem's invalid-params has PARAM, with a reason
z_names() {
	printf '%s' "$BODY" | python3 -c '
import json, sys
p = json.load(sys.stdin).get("invalid-params", [])
sys.exit(0 if any(e.get("name") == sys.argv[1] and e.get("reason") for e in p) else 1)' "$1" 2>/dev/null
}
# z_problem_sig: what a 404 shows (status, content type, type, title, detail)
z_problem_sig() {
	printf '%s|%s|' "$STATUS" "$(header Content-Type)"
	printf '%s' "$BODY" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("status"), d.get("type"), d.get("title"), d.get("detail"), sep="|")' 2>/dev/null
}

# Rows that a create leaves: zaak, betrokkene, zaak_status, zaak_termijn,
# idempotentie, and access-log records of zaak.aanmaken.
z_counts() {
	z_psql_super "SELECT concat_ws(' ', (SELECT count(*) FROM zaak), (SELECT count(*) FROM betrokkene),
		(SELECT count(*) FROM zaak_status), (SELECT count(*) FROM zaak_termijn),
		(SELECT count(*) FROM idempotentie),
		(SELECT count(*) FROM toegangslog WHERE actie = 'zaak.aanmaken'))"
}
z_zaak_count() { z_psql_super "SELECT count(*) FROM zaak"; }

# z_refusal NAME "CODES" PARAM COUNTS COMMAND...: COMMAND (a request) is
# refused with one of CODES as problem+json, names PARAM in invalid-params
# when the answer is 422 (PARAM may be empty), and the row counts that the
# function COUNTS prints are the same before and after: nothing stored.
z_refusal() {
	local name=$1 codes=$2 param=$3 counts=$4 before after why=""; shift 4
	before=$("$counts")
	"$@"
	after=$("$counts")
	if [[ " $codes " != *" $STATUS "* ]] || ! is_problem "$STATUS"; then
		why="expected problem+json $codes; $(z_answer)"
	elif [ "$STATUS" = 422 ] && [ -n "$param" ] && ! z_names "$param"; then
		why="invalid-params does not name $param: ${BODY:0:400}"
	elif [ "$before" != "$after" ]; then
		why="rows ($counts) $before -> $after"
	fi
	z_verdict "$name" "$why"
}
# z_rejects NAME "CODES" PARAM [curl args...]: z_refusal for a POST to
# /api/v1/verwijzingen, counting zaak, betrokkene, status, termijn,
# idempotentie and aanmaken-log rows.
z_rejects() {
	local name=$1 codes=$2 param=$3; shift 3
	z_refusal "$name" "$codes" "$param" z_counts request POST /api/v1/verwijzingen "$@"
}
# z_rejects_body NAME "CODES" PARAM BODY: as z_rejects, a JSON body from the huisarts
z_rejects_body() {
	z_rejects "$1" "$2" "$3" -H "$(bearer "$Z_HA")" -H 'Content-Type: application/json' --data-binary "$4"
}

# z_sees NAME TOKEN ID: the caller gets the zaak (200, same id) and finds it in its list
z_sees() {
	local why=""
	z_get "$2" "$3"
	if [ "$STATUS:$(json "['id']"):$(header Content-Type)" != "200:$3:application/json" ]; then
		why="GET: $(z_answer)"
	else
		z_list "$2" limit=100
		[ "$STATUS" = 200 ] && z_ids | grep -qx "$3" || why="list: $(z_answer)"
	fi
	z_verdict "$1" "$why"
}
# z_blind NAME TOKEN ID: the caller gets the 404 of a zaak that does not exist,
# and its list is empty ({"zaken": [], "volgende": null})
z_blind() {
	local why=""
	z_get "$2" "$3"
	if [ "$(z_problem_sig)" != "$Z_404" ] || ! is_problem 404; then
		why="GET: $(z_problem_sig) instead of $Z_404"
	else
		z_list "$2" limit=100
		[ "$STATUS:$(json "['zaken']"):$(json "['volgende']")" = "200:[]:None" ] || why="list: $(z_answer)"
	fi
	z_verdict "$1" "$why"
}

# z_burst DIR N KEY BODY [BODY2]: N creates at once as the huisarts; @ in KEY
# becomes the request's number; even-numbered requests send BODY2 if given.
# Leaves DIR/I.status and DIR/I.body.
z_burst() {
	local dir=$1 n=$2 key=$3 body=$4 i pids=()
	mkdir -p "$dir"
	for i in $(seq 1 "$n"); do
		curl -s -o "$dir/$i.body" -w '%{http_code}' -X POST -H "$(bearer "$Z_HA")" \
			-H 'Content-Type: application/json' -H "Idempotency-Key: ${key//@/$i}" \
			--data-binary "$([ $((i % 2)) = 0 ] && [ -n "${5:-}" ] && printf '%s' "$5" || printf '%s' "$body")" \
			"$BASE/api/v1/verwijzingen" >"$dir/$i.status" &
		pids+=($!)
	done
	wait "${pids[@]}"
}
# z_burst_summary DIR: "the statuses seen | number of distinct ids | number of ids"
z_burst_summary() {
	python3 - "$1" <<-'PY'
		import collections, glob, json, os, sys
		statuses, ids = collections.Counter(), []
		for f in glob.glob(os.path.join(sys.argv[1], "*.status")):
		    statuses[open(f).read().strip()] += 1
		    try:
		        ids.append(json.load(open(f[:-len(".status")] + ".body"))["id"])
		    except (ValueError, KeyError, TypeError):
		        pass
		print(" ".join(sorted(statuses)), len(set(ids)), len(ids), sep="|")
	PY
}

# ---------------------------------------------------------------- identities
Z_G1=111222333            # the dev ouder: first gezaghebbende
Z_G2=$(z_bsn 1)           # second gezaghebbende, same gemeente
Z_J=123456782             # the dev jeugdige
Z_OTHER_OUDER=$(z_bsn 2)  # a parent of nobody here
Z_G_AMS=$(z_bsn 3)        # a gezaghebbende in Amsterdam (0363)
Z_HA=$(token -r huisarts)                                   # agb 01234567
Z_OTHER_HA=$(token -r huisarts -c agb=07654321 -s other-gp)
Z_CJG=$(token -r cjg)                                       # gemeente 0301
Z_CJG_AMS=$(token -r cjg -c gemeente=0363 -s cjg-amsterdam)
Z_UUID_NONE=$(python3 -c 'import uuid; print(uuid.uuid4())')
Z_BSNS=("$Z_G1" "$Z_G2" "$Z_J" "$Z_OTHER_OUDER" "$Z_G_AMS") # every BSN of a stored zaak or a token here

# ---------------------------------------------------------------- a huisarts creates a zaak
Z_MAIN_BODY=$(z_body \
	"d['gezaghebbenden'].append({'bsn': '$Z_G2', 'naam': 'Bram de Vries', 'gemeente': '0301'})" \
	"d.update(specialisme='Huisartsgeneeskunde', reden='Angstklachten, al langer dan een half jaar',
	          productcategorie='54', aanbieder_agb='98765432')")
Z_BEFORE=$(z_counts)
z_post "$Z_HA" "$Z_MAIN_BODY"
Z_ID=$(json "['id']")
Z_CREATE=$BODY
Z_CREATE_RID=$(z_rid)
z_verdict "huisarts POST /api/v1/verwijzingen: 201 application/json with Location: /api/v1/zaken/{id}" \
	"$([ "$STATUS:$(header Content-Type)" = 201:application/json ] && [ -n "$Z_ID" ] &&
		[ "$(header Location)" = "/api/v1/zaken/$Z_ID" ] || echo "$(z_answer) Location: $(header Location)")"
check "the create stored one zaak with its jeugdige and two gezaghebbenden" \
	test "$(z_psql_super "SELECT count(*) FROM zaak WHERE id::text = '$Z_ID'"):$(z_psql_super "SELECT count(*) FROM betrokkene WHERE zaak_id::text = '$Z_ID'")" = "1:3"
z_py "the zaak: opaque id, referentie JH-<year>-<6 digits>, route verwijzing, status ontvangen" '
assert isinstance(d.get("id"), str) and d["id"], "id %r" % d.get("id")
assert re.fullmatch(r"JH-20[0-9]{2}-[0-9]{6}", d.get("referentie") or ""), "referentie %r" % d.get("referentie")
year = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Amsterdam")).year
assert d["referentie"][3:7] == str(year), "referentie year %r, this year %d" % (d["referentie"], year)
assert d.get("route") == "verwijzing", "route %r" % d.get("route")
assert d.get("status") == "ontvangen", "status %r" % d.get("status")'
z_py "the zaak: verantwoordelijke_gemeente is the first gezaghebbende's, woonplaats_te_bepalen false" '
assert d.get("verantwoordelijke_gemeente") == "0301", "gemeente %r" % d.get("verantwoordelijke_gemeente")
assert d.get("woonplaats_te_bepalen") is False, "woonplaats_te_bepalen %r" % d.get("woonplaats_te_bepalen")'
z_py "the zaak: jeugdige, gezaghebbenden, hulpvraag, spoed, productcategorie, aanbieder_agb as sent; voortzetting false" '
s = json.loads(a[0])
for k in ("jeugdige", "gezaghebbenden", "hulpvraag", "spoed", "productcategorie", "aanbieder_agb"):
    assert d.get(k) == s[k], "%s: %r, sent %r" % (k, d.get(k), s[k])
assert d.get("voortzetting") is False, "voortzetting %r" % d.get("voortzetting")' "$Z_MAIN_BODY"
z_py "the zaak: verwijzer type 02 (huisarts) with the token's agb, specialisme and reden" '
v = d.get("verwijzer") or {}
assert v.get("type") == "02", "type %r" % v.get("type")
assert v.get("agb") == "01234567", "agb %r" % v.get("agb")
assert v.get("specialisme") == "Huisartsgeneeskunde", "specialisme %r" % v.get("specialisme")
assert v.get("reden") == "Angstklachten, al langer dan een half jaar", "reden %r" % v.get("reden")'
z_py "the zaak: aangemaakt is RFC 3339 with offset, now; statushistorie is [ontvangen, tijdstip, toelichting, door]" '
def ts(s):
    assert isinstance(s, str) and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", s), "not RFC 3339 with offset: %r" % s
    return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
age = abs((datetime.datetime.now(datetime.timezone.utc) - ts(d.get("aangemaakt"))).total_seconds())
assert age < 300, "aangemaakt %r is %d s from now" % (d["aangemaakt"], age)
h = d.get("statushistorie")
assert isinstance(h, list) and len(h) == 1, "statushistorie %r" % h
assert h[0].get("status") == "ontvangen", "status %r" % h[0].get("status")
ts(h[0].get("tijdstip"))
assert isinstance(h[0].get("toelichting"), str) and h[0]["toelichting"].strip(), "toelichting %r" % h[0].get("toelichting")
assert isinstance(h[0].get("door"), str) and h[0]["door"].strip(), "door %r" % h[0].get("door")'
z_py "the zaak: termijnen.beschikking is 8 weeks after the day of receipt in Amsterdam (next working day if free)" '
D, day = datetime.date, datetime.timedelta(days=1)
def easter(y):  # anonymous Gregorian algorithm
    a, b, c = y % 19, y // 100, y % 100
    h = (19 * a + b - b // 4 - (b - (b + 8) // 25 + 1) // 3 + 15) % 30
    l = (32 + 2 * (b % 4) + 2 * (c // 4) - h - c % 4) % 7
    m = (a + 11 * h + 22 * l) // 451
    return D(y, (h + l - 7 * m + 114) // 31, (h + l - 7 * m + 114) % 31 + 1)
def free(x):  # Saturday, Sunday or a feestdag of the Algemene termijnenwet (art. 3)
    y, e, k = x.year, easter(x.year), D(x.year, 4, 27)
    k = k - day if k.isoweekday() == 7 else k
    return x.isoweekday() > 5 or x in {D(y, 1, 1), e, e + day, k, D(y, 5, 5), e + 39 * day,
                                       e + 49 * day, e + 50 * day, D(y, 12, 25), D(y, 12, 26)}
received = datetime.datetime.fromisoformat(d["aangemaakt"].replace("Z", "+00:00")).astimezone(zoneinfo.ZoneInfo("Europe/Amsterdam")).date()
today = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Amsterdam")).date()
assert received == today, "received on %s, today is %s in Amsterdam" % (received, today)
want = received + 8 * 7 * day
while free(want):
    want += day
assert d.get("termijnen") == {"beschikking": want.isoformat()}, "termijnen %r, want beschikking %s" % (d.get("termijnen"), want)'
check "the create wrote exactly one zaak, 3 betrokkenen, 1 status, 1 termijn, 0 idempotentie, 1 aanmaken-log row" \
	test "$(z_counts)" = "$(read -r z b s t i l <<<"$Z_BEFORE"; echo "$((z + 1)) $((b + 3)) $((s + 1)) $((t + 1)) $i $((l + 1))")"
z_post "$Z_HA" "$(z_body)" -H 'Transfer-Encoding: chunked'
z_status "a create sent with Transfer-Encoding: chunked (no Content-Length): 201" 201
z_get "$Z_HA" "$Z_ID"
Z_READ_RID=$(z_rid)
# (The family's other zaken may have grown since: the same BSNs serve many tests.)
z_py "GET /api/v1/zaken/{id} by the referrer returns the same zaak as the create answer" '
c = json.loads(a[0])
for z in (c, d):
    z["gezin"].pop("zaken")
assert d == c, "GET %r\n differs from the create answer %r" % (d, a[0])' "$Z_CREATE"

# ---------------------------------------------------------------- who sees it
z_get "$Z_HA" "$Z_UUID_NONE"
Z_404=$(z_problem_sig)
Z_404_RID=$(z_rid)
z_problem "GET /api/v1/zaken/{random uuid}: 404 problem+json" 404
z_sees "first gezaghebbende (ouder $Z_G1) sees the zaak and finds it in the list" "$(token -r ouder -c bsn="$Z_G1")" "$Z_ID"
z_sees "second gezaghebbende (ouder $Z_G2) sees the zaak and finds it in the list" "$(token -r ouder -c bsn="$Z_G2" -s ouder-2)" "$Z_ID"
z_sees "the jeugdige sees the zaak and finds it in the list" "$(token -r jeugdige -c bsn="$Z_J")" "$Z_ID"
z_sees "the referring huisarts (same agb) sees the zaak and finds it in the list" "$Z_HA" "$Z_ID"
z_sees "the same practice, another user (same agb, other sub) sees the zaak" "$(token -r huisarts -s collega)" "$Z_ID"
z_sees "cjg of the verantwoordelijke gemeente 0301 sees the zaak and finds it in the list" "$Z_CJG" "$Z_ID"
for z_role in plein gst beheerder; do
	z_sees "$z_role of the verantwoordelijke gemeente 0301 sees the zaak and finds it in the list" "$(token -r "$z_role")" "$Z_ID"
done
z_blind "another parent: 404 exactly as a zaak that does not exist, empty list" \
	"$(token -r ouder -c bsn="$Z_OTHER_OUDER" -s other-parent)" "$Z_ID"
z_blind "another huisarts (other agb): 404 as for no zaak, empty list" "$Z_OTHER_HA" "$Z_ID"
z_blind "cjg of another gemeente (0363): 404 as for no zaak, empty list" "$Z_CJG_AMS" "$Z_ID"
z_blind "a gi: 404 as for no zaak, empty list" "$(token -r gi)" "$Z_ID"
for z_role in rechter om jji; do
	z_blind "a $z_role: 404 as for no zaak, empty list" "$(token -r "$z_role")" "$Z_ID"
done
z_blind "an aanbieder (a fresh agb): 404 as for no zaak, empty list" "$(token -r aanbieder -c agb=08888888 -s aanbieder-2)" "$Z_ID"
z_blind "the aanbieder named as aanbieder_agb (no toewijzing yet): 404, empty list" "$(token -r aanbieder)" "$Z_ID"
z_blind "a jeugdarts (another referring role, other agb): 404 as for no zaak, empty list" "$(token -r jeugdarts)" "$Z_ID"
z_get "$Z_HA" "$(tr a-f A-F <<<"$Z_ID")"
Z_UPPER_RID=$(z_rid)
z_get "$Z_HA" not-a-uuid
check "GET /api/v1/zaken/not-a-uuid: the same 404 as for a zaak that does not exist" test "$(z_problem_sig)" = "$Z_404"

# ---------------------------------------------------------------- other referrers, woonplaats, age
z_post "$(token -r jeugdarts)" "$(z_body)"
z_verdict "a jeugdarts creates a zaak: 201, verwijzer {type 03, agb 01234568}" \
	"$([ "$STATUS:$(json "['verwijzer']['type']"):$(json "['verwijzer']['agb']")" = "201:03:01234568" ] || z_answer)"
z_post "$(token -r medisch_specialist)" "$(z_body "d['specialisme'] = 'Kindergeneeskunde'")"
z_verdict "a medisch specialist creates a zaak: 201, verwijzer {type 05, agb 01234569}" \
	"$([ "$STATUS:$(json "['verwijzer']['type']"):$(json "['verwijzer']['agb']")" = "201:05:01234569" ] || z_answer)"
Z_WOON_BODY=$(z_body "d['gezaghebbenden'].append({'bsn': '$Z_G_AMS', 'naam': 'Kees Jansen', 'gemeente': '0363'})")
z_post "$Z_HA" "$Z_WOON_BODY"
Z_WOON_ID=$(json "['id']")
z_verdict "gezaghebbenden in 0301 and 0363: 201, verantwoordelijke_gemeente 0301 (the first), woonplaats_te_bepalen true" \
	"$([ "$STATUS:$(json "['verantwoordelijke_gemeente']"):$(json "['woonplaats_te_bepalen']")" = "201:0301:True" ] || z_answer)"
z_sees "the gezaghebbende in Amsterdam sees that zaak" "$(token -r ouder -c bsn="$Z_G_AMS" -s ouder-ams)" "$Z_WOON_ID"
z_get "$Z_CJG_AMS" "$Z_WOON_ID"
check "cjg 0363 (second gezaghebbende's gemeente, not the verantwoordelijke) gets the 404" test "$(z_problem_sig)" = "$Z_404"
z_post "$Z_HA" "$(z_body "d['gezaghebbenden'] = [{'bsn': '$Z_G_AMS', 'naam': 'Kees Jansen', 'gemeente': '0363'}, {'bsn': '$Z_G1', 'naam': 'Anna de Vries', 'gemeente': '0301'}]")"
check "gezaghebbenden in 0363 then 0301: verantwoordelijke_gemeente 0363, woonplaats_te_bepalen true" \
	test "$STATUS:$(json "['verantwoordelijke_gemeente']"):$(json "['woonplaats_te_bepalen']")" = "201:0363:True"

Z_19=$(python3 -c 'import datetime; t = datetime.date.today(); print(t.replace(year=t.year - 19, day=min(t.day, 28)).isoformat())')
Z_23=$(python3 -c 'import datetime; t = datetime.date.today(); print(t.replace(year=t.year - 23, day=min(t.day, 28)).isoformat())')
z_rejects_body "a jeugdige of 19 without voortzetting: 422 naming jeugdige.geboortedatum, nothing stored" 422 \
	jeugdige.geboortedatum "$(z_body "d['jeugdige']['geboortedatum'] = '$Z_19'")"
z_post "$Z_HA" "$(z_body "d['jeugdige']['geboortedatum'] = '$Z_19'" "d['voortzetting'] = True")"
check "a jeugdige of 19 with voortzetting true: 201, voortzetting true" test "$STATUS:$(json "['voortzetting']")" = "201:True"
z_rejects_body "a jeugdige of 23, even with voortzetting: 422 naming jeugdige.geboortedatum" 422 \
	jeugdige.geboortedatum "$(z_body "d['jeugdige']['geboortedatum'] = '$Z_23'" "d['voortzetting'] = True")"

# ---------------------------------------------------------------- Idempotency-Key
Z_KEY=zaak-sh-$(date +%s%N)
z_post "$Z_HA" "$Z_WOON_BODY" -H "Idempotency-Key: $Z_KEY"
Z_IDEM_ID=$(json "['id']")
z_status "a create with an Idempotency-Key: 201" 201
Z_BEFORE=$(z_counts)
Z_REORDERED=$(printf '%s' "$Z_WOON_BODY" | python3 -c '
import json, sys
def rev(v):
    if isinstance(v, dict):
        return {k: rev(v[k]) for k in reversed(list(v))}
    return [rev(x) for x in v] if isinstance(v, list) else v
print(json.dumps(rev(json.load(sys.stdin)), indent=2))')
z_post "$Z_HA" "$Z_REORDERED" -H "Idempotency-Key: $Z_KEY"
Z_REPLAY_RID=$(z_rid)
z_verdict "same key, same body with keys in another order: 200/201 with the same id and Location" \
	"$([[ $STATUS =~ ^20[01]$ ]] && [ -n "$Z_IDEM_ID" ] && [ "$(json "['id']")" = "$Z_IDEM_ID" ] &&
		[ "$(header Location)" = "/api/v1/zaken/$Z_IDEM_ID" ] || echo "first id $Z_IDEM_ID; $(z_answer)")"
Z_AFTER=$(z_counts)
check "the replay stored no new zaak, betrokkene, status, termijn or idempotentie row" \
	test "${Z_AFTER% *}" = "${Z_BEFORE% *}"
z_rejects "same key with another body: 422/409 problem, nothing stored" "409 422" "" \
	-H "$(bearer "$Z_HA")" -H 'Content-Type: application/json' -H "Idempotency-Key: $Z_KEY" \
	--data-binary "$(z_body "d['hulpvraag'] = 'een andere vraag'")"
z_post "$(token -r huisarts -c agb=07654321 -s other-gp)" "$Z_WOON_BODY" -H "Idempotency-Key: $Z_KEY"
z_verdict "another caller with the same key and body gets its own new zaak, not the first caller's" \
	"$([ "$STATUS" = 201 ] && [ -n "$(json "['id']")" ] && [ "$(json "['id']")" != "$Z_IDEM_ID" ] || z_answer)"
z_rejects "an Idempotency-Key of 201 characters: 400 problem, nothing stored" 400 "" \
	-H "$(bearer "$Z_HA")" -H 'Content-Type: application/json' -H "Idempotency-Key: $(printf 'k%.0s' $(seq 201))" \
	--data-binary "$Z_MAIN_BODY"
z_rejects "an Idempotency-Key with a space: 400 problem" 400 "" \
	-H "$(bearer "$Z_HA")" -H 'Content-Type: application/json' -H "Idempotency-Key: two words" \
	--data-binary "$Z_MAIN_BODY"
z_rejects "an Idempotency-Key with a non-ASCII character: 400 problem" 400 "" \
	-H "$(bearer "$Z_HA")" -H 'Content-Type: application/json' -H "Idempotency-Key: sleutel-é" \
	--data-binary "$Z_MAIN_BODY"
z_rejects "an empty Idempotency-Key: 400 problem" 400 "" \
	-H "$(bearer "$Z_HA")" -H 'Content-Type: application/json' -H "Idempotency-Key;" \
	--data-binary "$Z_MAIN_BODY"
z_post "$Z_HA" "$Z_MAIN_BODY" -H "Idempotency-Key: $(printf 'k%.0s' $(seq 200))"
z_status "an Idempotency-Key of exactly 200 characters is accepted: 201" 201
Z_KEY2=$Z_KEY-after-422
z_post "$Z_HA" "$(z_body "d['jeugdige']['bsn'] = '123456789'")" -H "Idempotency-Key: $Z_KEY2"
z_post "$Z_HA" "$Z_MAIN_BODY" -H "Idempotency-Key: $Z_KEY2"
z_status "a key first sent with an invalid body is not used up: the valid body then gets 201" 201

# ---------------------------------------------------------------- concurrency
Z_BEFORE=$(z_zaak_count)
z_burst "$STATE/zaak-burst-40" 40 "zaak-sh-burst-@-$Z_KEY" "$Z_MAIN_BODY"
Z_SUMMARY=$(z_burst_summary "$STATE/zaak-burst-40")
z_verdict "40 parallel creates with distinct keys: all 201, 40 distinct ids" \
	"$([ "$Z_SUMMARY" = "201|40|40" ] || echo "statuses|distinct ids|ids: $Z_SUMMARY")"
check "40 parallel creates with distinct keys: 40 new zaken in the database" \
	test "$(z_zaak_count)" = "$((Z_BEFORE + 40))"
Z_BEFORE=$(z_zaak_count)
z_burst "$STATE/zaak-burst-20" 20 "zaak-sh-shared-$Z_KEY" "$Z_MAIN_BODY"
Z_SUMMARY=$(z_burst_summary "$STATE/zaak-burst-20")
z_verdict "20 parallel creates with one key and one body: all 200/201 with one and the same id" \
	"$([[ $Z_SUMMARY =~ ^(200|201|200\ 201)\|1\|20$ ]] || echo "statuses|distinct ids|ids: $Z_SUMMARY")"
check "20 parallel creates with one key: exactly one new zaak in the database" \
	test "$(z_zaak_count)" = "$((Z_BEFORE + 1))"
Z_BEFORE=$(z_zaak_count)
z_burst "$STATE/zaak-burst-2bodies" 10 "zaak-sh-two-bodies-$Z_KEY" "$Z_MAIN_BODY" "$Z_WOON_BODY"
z_py "10 parallel creates, one key, two bodies: the winner's body gets its zaak (200/201), the other 409/422" '
import glob, os
answers = {}
for f in glob.glob(os.path.join(a[0], "*.status")):
    i = int(os.path.basename(f).split(".")[0])
    body = open(f[:-7] + ".body").read()
    answers[i] = (open(f).read().strip(), json.loads(body) if body.startswith("{") else body)
assert len(answers) == 10, "%d answers" % len(answers)
won = {i % 2 for i, (st, b) in answers.items() if st in ("200", "201")}
assert len(won) == 1, "both bodies or neither got a zaak: %r" % answers
for i, (st, b) in answers.items():
    if i % 2 in won:
        assert st in ("200", "201"), "request %d (winning body): %s %r" % (i, st, b)
    else:
        assert st in ("409", "422") and isinstance(b, dict) and b.get("status") == int(st), "request %d (other body): %s %r" % (i, st, b)
ids = {b["id"] for i, (st, b) in answers.items() if i % 2 in won}
assert len(ids) == 1, "several ids: %r" % ids' "$STATE/zaak-burst-2bodies"
check "10 parallel creates, one key, two bodies: exactly one new zaak in the database" \
	test "$(z_zaak_count)" = "$((Z_BEFORE + 1))"

# ---------------------------------------------------------------- bad input stores nothing
z_bad() { # z_bad WHAT "CODES" PARAM PYTHON...: the example body changed by PYTHON is refused
	local what=$1 codes=$2 param=$3; shift 3
	z_rejects_body "bad input, $what: ${codes// //} problem${param:+ naming $param}, nothing stored" \
		"$codes" "$param" "$(z_body "$@")"
}
z_bad "jeugdige BSN failing the 11-proef" 422 jeugdige.bsn "d['jeugdige']['bsn'] = '123456789'"
z_bad "gezaghebbende BSN of 8 digits" 422 "gezaghebbenden[0].bsn" "d['gezaghebbenden'][0]['bsn'] = '11122233'"
z_bad "jeugdige BSN of 10 digits" 422 jeugdige.bsn "d['jeugdige']['bsn'] = '1234567820'"
z_bad "BSN 000000000" 422 jeugdige.bsn "d['jeugdige']['bsn'] = '000000000'"
z_bad "missing jeugdige" 422 jeugdige "del d['jeugdige']"
z_bad "missing gezaghebbenden" 422 gezaghebbenden "del d['gezaghebbenden']"
z_bad "empty gezaghebbenden []" 422 gezaghebbenden "d['gezaghebbenden'] = []"
z_bad "missing hulpvraag" 422 hulpvraag "del d['hulpvraag']"
z_bad "impossible date 2014-02-30" 422 jeugdige.geboortedatum "d['jeugdige']['geboortedatum'] = '2014-02-30'"
z_bad "date as 01-05-2014" 422 jeugdige.geboortedatum "d['jeugdige']['geboortedatum'] = '01-05-2014'"
z_bad "birth date in the future" 422 jeugdige.geboortedatum \
	"import datetime; d['jeugdige']['geboortedatum'] = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()"
z_bad "unknown gemeentecode 9999" 422 "gezaghebbenden[0].gemeente" "d['gezaghebbenden'][0]['gemeente'] = '9999'"
z_bad "malformed gemeentecode 301" 422 "gezaghebbenden[0].gemeente" "d['gezaghebbenden'][0]['gemeente'] = '301'"
z_bad "BSN as a number" 422 jeugdige.bsn "d['jeugdige']['bsn'] = 123456782"
z_bad "spoed as a string" 422 spoed "d['spoed'] = 'false'"
z_bad "an unknown field" 422 kleur "d['kleur'] = 'blauw'"
z_bad "an unknown field in jeugdige" 422 jeugdige.kleur "d['jeugdige']['kleur'] = 'blauw'"
z_bad "control character U+0007 in naam" 422 jeugdige.naam "d['jeugdige']['naam'] = 'Sam\\u0007 de Vries'"
z_bad "NUL (U+0000) in naam" "400 422" jeugdige.naam "d['jeugdige']['naam'] = 'Sam\\u0000 de Vries'"
z_bad "an empty naam" 422 "gezaghebbenden[0].naam" "d['gezaghebbenden'][0]['naam'] = ''"
z_bad "a naam of only blanks (space, NBSP, U+3000)" 422 jeugdige.naam "d['jeugdige']['naam'] = ' \\u00a0\\u3000 '"
z_bad "a newline in naam" 422 jeugdige.naam "d['jeugdige']['naam'] = 'Sam\\nde Vries'"
z_bad "a naam of 201 characters" 422 jeugdige.naam "d['jeugdige']['naam'] = 'a' * 201"
z_bad "gezaghebbende with the jeugdige's BSN" 422 "gezaghebbenden[0].bsn" "d['gezaghebbenden'][0]['bsn'] = '123456782'"
z_bad "the same gezaghebbende twice" 422 "gezaghebbenden[1].bsn" "d['gezaghebbenden'].append(dict(d['gezaghebbenden'][0]))"
z_bad "five gezaghebbenden" 422 gezaghebbenden \
	"d['gezaghebbenden'] = [{'bsn': b, 'naam': 'X', 'gemeente': '0301'} for b in ('111222333', '$(z_bsn 4)', '$(z_bsn 5)', '$(z_bsn 6)', '$(z_bsn 7)')]"
z_bad "unknown productcategorie 00" 422 productcategorie "d['productcategorie'] = '00'"
z_bad "aanbieder_agb of 7 digits" 422 aanbieder_agb "d['aanbieder_agb'] = '1234567'"
z_bad "voortzetting as a number" 422 voortzetting "d['voortzetting'] = 1"
z_rejects_body "bad input, a JSON array instead of an object: 400/422 problem, nothing stored" "400 422" "" "[$(z_body)]"
z_rejects_body "bad input, a lone surrogate \\ud800 in naam: 400/422 problem, nothing stored" "400 422" jeugdige.naam \
	"$(z_body | sed 's/Sam de Vries/Sam \\ud800/')"
z_bad_bytes() { # z_bad_bytes WHAT BYTES: the example body with BYTES (printf escapes) in the naam
	z_body | sed "s/Sam de Vries/Sam $(printf "$2")/" >"$STATE/zaak-badutf8.json"
	z_rejects "bad input, $1 in naam: 400/422 problem, nothing stored" "400 422" jeugdige.naam \
		-H "$(bearer "$Z_HA")" -H 'Content-Type: application/json' --data-binary @"$STATE/zaak-badutf8.json"
}
z_bad_bytes "invalid UTF-8 byte FF" '\xff'
z_bad_bytes "a UTF-8-encoded surrogate (ED A0 80)" '\xed\xa0\x80'
z_bad_bytes "an overlong UTF-8 encoding (C0 AF)" '\xc0\xaf'
Z_FULL=$(z_body)
z_rejects_body "bad input, truncated JSON: 400/422 problem, nothing stored" "400 422" "" "${Z_FULL:0:$((${#Z_FULL} - 20))}"
python3 -c 'import sys; sys.stdout.write("[" * 100000 + "]" * 100000)' >"$STATE/zaak-deep.json"
z_rejects "bad input, 100000-deep nesting [[[...]]] (over the cap): 400/413/422 problem, nothing stored" "400 413 422" "" \
	-H "$(bearer "$Z_HA")" -H 'Content-Type: application/json' --data-binary @"$STATE/zaak-deep.json"
python3 -c 'import sys; sys.stdout.write("{\"jeugdige\": " + "[" * 30000 + "]" * 30000 + "}")' >"$STATE/zaak-deep-under-cap.json"
z_rejects "bad input, 30000-deep nesting under the size cap: 400/422 problem, nothing stored" "400 422" "" \
	-H "$(bearer "$Z_HA")" -H 'Content-Type: application/json' --data-binary @"$STATE/zaak-deep-under-cap.json"
z_body "d['hulpvraag'] = 'x' * 70000" >"$STATE/zaak-big.json"
z_rejects "bad input, a 70 000-byte body (cap 65536): 413 problem, nothing stored" 413 "" \
	-H "$(bearer "$Z_HA")" -H 'Content-Type: application/json' --data-binary @"$STATE/zaak-big.json"
z_rejects "bad input, Content-Type text/plain: 415 problem, nothing stored" 415 "" \
	-H "$(bearer "$Z_HA")" -H 'Content-Type: text/plain' --data-binary "$(z_body)"
z_rejects "bad input, an empty body: 400/411/422 problem, nothing stored" "400 411 422" "" \
	-H "$(bearer "$Z_HA")" -H 'Content-Type: application/json' --data-binary ''
z_rejects_body "bad input, duplicate keys in an object: 400/422 problem, nothing stored" "400 422" "" \
	"$(z_body | sed 's/"spoed": false/"spoed": false, "spoed": true/')"

# ---------------------------------------------------------------- text comes back as sent
Z_NAAM="Zoë d'Ármagnac-李小龍 🙂"
Z_NAAM2=$(printf 'Zoe\xcc\x88 (decomposed e + U+0308)')
Z_VRAAG="'); DROP TABLE zaak; -- and a backslash \\ and %_ and \"quotes\""
# z_body's arguments are statements: the texts go through the environment.
Z_TEXT_BODY=$(Z_NAAM=$Z_NAAM Z_NAAM2=$Z_NAAM2 Z_VRAAG=$Z_VRAAG z_body "import os" \
	"d['jeugdige']['naam'] = os.environ['Z_NAAM']" "d['gezaghebbenden'][0]['naam'] = os.environ['Z_NAAM2']" \
	"d['hulpvraag'] = os.environ['Z_VRAAG']")
z_post "$Z_HA" "$Z_TEXT_BODY"
Z_TEXT_ID=$(json "['id']")
z_status "a naam with diacritics, apostrophe, CJK and emoji, a hulpvraag with SQL metacharacters: 201" 201
z_get "$Z_HA" "$Z_TEXT_ID"
z_py "GET returns the naam (precomposed and decomposed) and the hulpvraag byte for byte" '
for got, want in ((d["jeugdige"]["naam"], a[0]), (d["gezaghebbenden"][0]["naam"], a[1]), (d["hulpvraag"], a[2])):
    assert got.encode() == want.encode(), "%r != %r" % (got, want)' "$Z_NAAM" "$Z_NAAM2" "$Z_VRAAG"
z_hex() { printf '%s' "$1" | xxd -p | tr -d '\n'; }
check "the database holds the hulpvraag verbatim (read as the owner with the huisarts set)" test \
	"$(z_psql_caller owner huisarts 01234567 "SELECT encode(convert_to(hulpvraag, 'UTF8'), 'hex') FROM zaak WHERE id = '$Z_TEXT_ID'")" = "$(z_hex "$Z_VRAAG")"
check "the database holds the naam verbatim" test \
	"$(z_psql_super "SELECT encode(convert_to(naam, 'UTF8'), 'hex') FROM betrokkene WHERE zaak_id = '$Z_TEXT_ID' AND rol = 'jeugdige'")" = "$(z_hex "$Z_NAAM")"
check "and the zaak table survived the hulpvraag" test -n "$(z_psql_super "SELECT to_regclass('zaak')")"

# ---------------------------------------------------------------- roles
for z_role in ouder jeugdige cjg gi aanbieder; do
	z_rejects "role $z_role may not refer: POST /api/v1/verwijzingen is 403 problem, nothing stored" 403 "" \
		-H "$(bearer "$(token -r "$z_role")")" -H 'Content-Type: application/json' --data-binary "$Z_MAIN_BODY"
done
z_rejects "POST /api/v1/verwijzingen without a token: 401 problem, nothing stored" 401 "" \
	-H 'Content-Type: application/json' --data-binary "$Z_MAIN_BODY"
request GET "/api/v1/zaken/$Z_ID"
check "GET /api/v1/zaken/{id} without a token: 401 problem with WWW-Authenticate: Bearer" \
	eval 'is_problem 401 && header WWW-Authenticate | grep -q "^Bearer"'
request GET /api/v1/zaken
check "GET /api/v1/zaken without a token: 401 problem" is_problem 401

# ---------------------------------------------------------------- the access log
# z_log RID: the access-log rows of one request as a JSON array
z_log() {
	psql_owner "SELECT coalesce(json_agg(t ORDER BY id), '[]') FROM toegangslog t WHERE request_id = '$1'"
}
# z_log_py NAME RID PYTHON [ARGS...]: Python asserts on rows (the request's log rows)
z_log_py() {
	local name=$1 rid=$2 code=$3; shift 3
	if [ -z "$rid" ]; then
		not_ok "$name" "the answer had no X-Request-Id header"
		return
	fi
	local rows why
	rows=$(z_log "$rid")
	if why=$(z_pyrun "$rows" "rows = d
assert rows, 'no access-log row with request_id %s' % '$rid'
$code" "$@"); then ok "$name"; else not_ok "$name" "$why [rows: ${rows:0:600}]"; fi
}
Z_FILLED='
for r in rows:
    for col in ("tijdstip", "request_id", "rol", "actor", "actie", "zaak_id", "persoon_ref", "uitkomst", "herkomst", "sub", "namens"):
        assert r.get(col) not in (None, ""), "column %s is empty: %r" % (col, r)
    assert r["persoon_ref"].startswith("p-"), "persoon_ref %r" % r["persoon_ref"]
    assert r["herkomst"] == "127.0.0.1", "herkomst %r" % r["herkomst"]'
z_log_py "access log of the create: one zaak.aanmaken row for this zaak, every column filled" "$Z_CREATE_RID" "
assert len(rows) == 1, '%d rows: %r' % (len(rows), rows)
r = rows[0]
assert (r['actie'], r['zaak_id'], r['rol'], r['actor'], r['sub']) == ('zaak.aanmaken', a[0], 'huisarts', '01234567', 'dev-huisarts'), r
$Z_FILLED" "$Z_ID"
z_log_py "access log of a GET by the referrer: one zaak.lezen row, every column filled" "$Z_READ_RID" "
assert len(rows) == 1, '%d rows: %r' % (len(rows), rows)
assert (rows[0]['actie'], rows[0]['zaak_id']) == ('zaak.lezen', a[0]), rows
$Z_FILLED" "$Z_ID"
z_log_py "access log of an idempotent replay: one zaak.aanmaken row for the first zaak" "$Z_REPLAY_RID" "
assert len(rows) == 1 and rows[0]['actie'] == 'zaak.aanmaken' and rows[0]['zaak_id'] == a[0], rows" "$Z_IDEM_ID"
z_log_py "access log of a GET for no zaak: one zaak.lezen row, uitkomst niet-gevonden" "$Z_404_RID" "
assert len(rows) == 1 and rows[0]['actie'] == 'zaak.lezen' and rows[0]['uitkomst'] == 'niet-gevonden', rows"
z_get "$(token -r ouder -c bsn="$Z_G1" -s "s00000000:$Z_G1")" "$Z_ID"
z_rid_now=$(z_rid)
z_log_py "access log of a GET by a parent with a BSN-bearing sub: zaak.lezen, actor, sub and namens without the BSN" "$z_rid_now" "
assert len(rows) == 1 and rows[0]['actie'] == 'zaak.lezen' and rows[0]['zaak_id'] == a[0], rows
assert a[1] not in json.dumps(rows), 'the BSN is in %r' % rows
$Z_FILLED" "$Z_ID" "$Z_G1"
z_get "$(token -r ouder -c bsn="$Z_OTHER_OUDER" -s other-parent)" "$Z_ID"
z_rid_now=$(z_rid)
z_log_py "access log of a GET of a zaak the caller may not see: zaak.lezen, niet-gevonden" "$z_rid_now" "
assert len(rows) == 1 and rows[0]['actie'] == 'zaak.lezen' and rows[0]['uitkomst'] == 'niet-gevonden', rows"
z_log_py "access log of a GET with the id in upper case: the row names the zaak by its canonical id" "$Z_UPPER_RID" "
assert len(rows) == 1 and rows[0]['actie'] == 'zaak.lezen', rows
assert rows[0]['uitkomst'] == 'niet-gevonden' or rows[0]['zaak_id'] == a[0], 'zaak %s was shown but logged as zaak_id %r: a search of the log by zaak misses this read' % (a[0], rows[0]['zaak_id'])" "$Z_ID"
z_list "$Z_CJG" limit=7
z_rid_now=$(z_rid)
Z_LIST_IDS=$(z_ids | sort | tr '\n' ' ')
z_log_py "access log of a list of 7: seven zaak.zoeken rows, one per zaak shown" "$z_rid_now" "
assert sorted(r['zaak_id'] for r in rows) == a[0].split() and len(rows) == 7, '%r for the zaken %r' % ([r['zaak_id'] for r in rows], a[0])
assert all(r['actie'] == 'zaak.zoeken' for r in rows), rows
$Z_FILLED" "$Z_LIST_IDS"
z_list "$(token -r cjg -c gemeente=0344 -s cjg-utrecht)"
z_rid_now=$(z_rid)
z_log_py "access log of an empty list: one zaak.zoeken row, uitkomst geen-resultaten" "$z_rid_now" "
assert len(rows) == 1 and rows[0]['actie'] == 'zaak.zoeken' and rows[0]['uitkomst'] == 'geen-resultaten', rows"
Z_BSN_RE=$(IFS='|'; echo "${Z_BSNS[*]}")
check "no BSN used here appears anywhere in the access log (${#Z_BSNS[@]} BSNs)" test \
	"$(psql_owner "SELECT count(*) FROM toegangslog t WHERE t::text ~ '($Z_BSN_RE)'")" = 0
z_out=$(psql_app "INSERT INTO toegangslog (request_id, actie, uitkomst) VALUES ('zaak-sh-probe', 'test.append', 'ok')" 2>&1); z_rc=$?
z_verdict "the app role may append to the access log" "$([ "$z_rc" = 0 ] || echo "exit $z_rc: $z_out")"
for z_sql in "UPDATE toegangslog SET uitkomst = 'x'" "DELETE FROM toegangslog" "TRUNCATE toegangslog" \
	"SELECT count(*) FROM toegangslog"; do
	z_out=$(psql_app "$z_sql" 2>&1); z_rc=$?
	z_verdict "the app role is denied: $z_sql" \
		"$([ "$z_rc" -ne 0 ] && grep -q "permission denied" <<<"$z_out" || echo "exit $z_rc: $z_out")"
done

# ---------------------------------------------------------------- pagination
Z_PAGE_HA=$(token -r huisarts -c agb=05550001 -s pager)
Z_PAGE_IDS=()
for z_i in 1 2 3 4 5; do
	z_post "$Z_PAGE_HA" "$(z_body "d['hulpvraag'] = 'pagina $z_i'")"
	Z_PAGE_IDS+=("$(json "['id']")")
done
check "five zaken for a fresh huisarts: five ids" test "$(printf '%s\n' "${Z_PAGE_IDS[@]}" | grep -c .)" = 5
Z_NEWEST_FIRST=$(printf '%s\n' "${Z_PAGE_IDS[@]}" | tac | tr '\n' ' ')
z_list "$Z_PAGE_HA" limit=2
z_py "?limit=2: the two newest (aangemaakt desc), summaries with id, referentie, route, status, and volgende set" '
z = d["zaken"]
assert [x["id"] for x in z] == a[0].split()[:2], "%r, want %r" % ([x["id"] for x in z], a[0].split()[:2])
for x in z:
    for k in ("id", "referentie", "route", "status", "aangemaakt"):
        assert x.get(k), "%s missing in %r" % (k, x)
assert z[0]["aangemaakt"] >= z[1]["aangemaakt"], "not newest first"
assert isinstance(d.get("volgende"), str) and d["volgende"], "volgende %r" % d.get("volgende")' "$Z_NEWEST_FIRST"
Z_SEEN=() Z_PAGES=() Z_CURSOR="" Z_WHY=""
for _ in 1 2 3 4 5 6; do
	z_list "$Z_PAGE_HA" "limit=2${Z_CURSOR:+&cursor=$Z_CURSOR}"
	[ "$STATUS" = 200 ] || { Z_WHY="page $((${#Z_PAGES[@]} + 1)): $(z_answer)"; break; }
	mapfile -t z_page < <(z_ids)
	Z_PAGES+=("${#z_page[@]}")
	Z_SEEN+=("${z_page[@]}")
	Z_CURSOR=$(json "['volgende'] or ''" | python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.stdin.read().strip(), safe=""))')
	[ -n "$Z_CURSOR" ] || break
done
z_verdict "following volgende with limit=2: pages of 2, 2, 1, then volgende null" \
	"$([ "${Z_PAGES[*]}:$Z_CURSOR" = "2 2 1:" ] || echo "page sizes ${Z_PAGES[*]}, cursor left ${Z_CURSOR:-none} $Z_WHY")"
check "the pages hold the five zaken, newest first, none twice" \
	test "${Z_SEEN[*]} " = "$Z_NEWEST_FIRST"
z_list "$Z_PAGE_HA" limit=5
check "?limit=5 for exactly five zaken: five items and volgende null (no empty last page)" \
	test "$STATUS:$(z_ids | grep -c .):$(json "['volgende']")" = "200:5:None"
for z_q in limit=0 limit=101 limit=abc limit=-1 cursor=garbage cursor=1.00000000-0000-4000-8000-000000000000.x route=unknown; do
	z_list "$Z_PAGE_HA" "$z_q"
	z_problem "GET /api/v1/zaken?$z_q: 400 problem" 400
done
z_list "$Z_PAGE_HA" route=verwijzing
check "?route=verwijzing: the five zaken" test "$STATUS:$(z_ids | grep -c .)" = "200:5"
z_list "$Z_PAGE_HA" route=mandaat
check "?route=mandaat: none of them" test "$STATUS:$(json "['zaken']")" = "200:[]"
z_list "$Z_PAGE_HA" status=ontvangen
check "?status=ontvangen: the five zaken" test "$STATUS:$(z_ids | grep -c .)" = "200:5"
z_list "$Z_PAGE_HA" "status=ontvangen&route=verwijzing&limit=3"
check "?status=ontvangen&route=verwijzing&limit=3: three zaken and volgende set" \
	test "$STATUS:$(z_ids | grep -c .):$([ -n "$(json "['volgende']")" ] && [ "$(json "['volgende']")" != None ] && echo set)" = "200:3:set"

# ---------------------------------------------------------------- row-level security in the database
Z_ALL=$(z_zaak_count)
Z_0301=$(z_psql_super "SELECT count(*) FROM zaak WHERE verantwoordelijke_gemeente = '0301'")
check "there are zaken of gemeente 0301 to hide (counted as superuser)" test "$Z_0301" -gt 0
check "the app role without caller settings sees no zaak" test "$Z_ALL" -gt 0 -a "$(psql_app "SELECT count(*) FROM zaak")" = 0
check "the app role without caller settings sees no betrokkene" test "$(psql_app "SELECT count(*) FROM betrokkene")" = 0
check "the owner without caller settings sees no zaak either (FORCE ROW LEVEL SECURITY)" \
	test "$(psql_owner "SELECT count(*) FROM zaak")" = 0
check "the app role as cjg 0301 sees every zaak of 0301 (as many as the superuser counts)" \
	test "$(z_psql_caller app cjg 0301 "SELECT count(*) FROM zaak WHERE verantwoordelijke_gemeente = '0301'")" = "$Z_0301"
check "the app role as cjg 0363 sees none of the zaken of 0301" \
	test "$Z_0301" -gt 0 -a "$(z_psql_caller app cjg 0363 "SELECT count(*) FROM zaak WHERE verantwoordelijke_gemeente = '0301'")" = 0
Z_OF_G2=$(z_psql_super "SELECT count(*) FROM zaak WHERE partij_bsn @> ARRAY['$Z_G2']")
check "the app role as ouder $Z_G2 sees exactly the zaken that name that BSN (as the superuser counts them)" \
	test "$Z_OF_G2" -gt 0 -a "$(z_psql_caller app ouder "$Z_G2" "SELECT count(*) FROM zaak")" = "$Z_OF_G2"
check "the app role as huisarts 05550001 sees exactly its five zaken" \
	test "$(z_psql_caller app huisarts 05550001 "SELECT count(*) FROM zaak")" = 5
for z_part in "betrokkene (zaak_id, rol, volgorde, bsn, naam, gemeente) VALUES ('$Z_ID', 'gezaghebbende', 9, '$Z_OTHER_OUDER', 'X', '0363')" \
	"zaak_status (zaak_id, status, tijdstip, toelichting, actor_rol, actor) VALUES ('$Z_ID', 'afgewezen', now(), 'x', 'cjg', '0363')" \
	"zaak_termijn (zaak_id, naam, datum, grondslag) VALUES ('$Z_ID', 'vervalst', now()::date, 'x')"; do
	z_out=$(z_psql_caller app cjg 0363 "INSERT INTO $z_part" 2>&1)
	check "the app role as cjg 0363 cannot add to a zaak of 0301: INSERT INTO ${z_part%% *}" \
		grep -q "row-level security" <<<"$z_out"
done
z_out=$(z_psql_caller app cjg 0363 "INSERT INTO zaak (referentie, route, status, verantwoordelijke_gemeente,
	hulpvraag, aangemaakt_door_rol, aangemaakt_door, verwijzer_type, verwijzer_agb, partij_bsn)
	VALUES ('JH-TEST-RLS', 'verwijzing', 'ontvangen', '0301', 'x', 'cjg', '0363', '02', '01234567', '{}')" 2>&1)
check "the app role as cjg 0363 cannot insert a zaak of 0301 (row-level security)" \
	eval 'grep -q "row-level security" <<<"$z_out" && [ "$(z_psql_super "SELECT count(*) FROM zaak WHERE referentie = '"'JH-TEST-RLS'"'")" = 0 ]'
# The CJG moves its zaken on through the daemon's procedure, so the app role
# may set status (to a state of the procedure only); nothing else of a zaak
# changes, and nothing is ever deleted.
for z_sql in "UPDATE zaak SET hulpvraag = 'x'" "UPDATE zaak SET verantwoordelijke_gemeente = '0363'" "DELETE FROM zaak"; do
	z_out=$(z_psql_caller app cjg 0301 "$z_sql" 2>&1)
	check "the app role, even as cjg 0301, is denied: $z_sql" grep -q "permission denied" <<<"$z_out"
done
z_out=$(z_psql_caller app cjg 0301 "UPDATE zaak SET status = 'x'" 2>&1)
check "a status outside the procedure is refused by the database" grep -q "violates check constraint" <<<"$z_out"
check "and no zaak has it" test "$(z_psql_super "SELECT count(*) FROM zaak WHERE status = 'x'")" = 0
check "after all this the daemon still answers" eval 'request GET /api/v1/health && [ "$STATUS" = 200 ]'
