# The persoonsgebonden budget and the productenboek (issue 6; sourced by
# run.sh after kader.sh).
#
# Through nginx with curl, as a client would, and toegang-import as a
# gemeente runs it. Covered: the tariff table, rules and minimum wages as of
# a date (GET /api/v1/pgb/tarieven), also after the owner ends a tariff and
# adds the next year's, and with a gemeente's own row; POST
# /api/v1/pgb/berekening against hand computations from the seed's bijlage
# "PGB Tarieven 2015" and art. 4.4.1 sub d-g (every expected amount is an
# arithmetic expression below, evaluated with exact decimals, never taken
# from the daemon), its refusals naming the rule (4.2.4 sub h, 4.3.3, N.v.t.,
# 40 uur per week, the maximum) and bad input (422, never 5xx); the
# productenboek import (10 000 rows, bad rows named by line and nothing
# stored, progress lines, upsert, duplicates, an unknown pgb_tarief) and GET
# /api/v1/producten with its filters, paging and "as of" date; a beschikking
# with PGB products through the CJG procedure (4.2.1 motivations, 4.2.4 sub h
# on a mandaat, the budget stored with the toewijzing, pgb_besteding of
# 4.2.4 sub i in termijnen); declarations against it (4.4.5); the region's
# overview (counts only); gebruikelijke hulp by the jeugdige's age band.
# Each part uses only its own BSNs (from 600000000), AGB codes 77xxxxxx
# and the gemeenten 0855 (Tilburg) and 0796 ('s-Hertogenbosch), which no
# other file uses. Data changed as the owner is put back at the end.
# Everything here is named g_/G_; the helpers of zaak.sh (z_), routes.sh (r_)
# and procedure.sh (p_) are reused.

# ---------------------------------------------------------------- helpers
# procedure.sh and kader.sh ended their Python helper: start the same program
# again, on the descriptors p_eval reads.
coproc G_PY { exec python3 -u -c "$P_SERVER"; }
exec {P_TO_PY}>&"${G_PY[1]}" {P_FROM_PY}<&"${G_PY[0]}"
eval "exec ${G_PY[1]}>&- ${G_PY[0]}<&-"

# Python every question below starts with: exact amounts, the dates, lines.
G_LIB='
import csv, decimal
from decimal import Decimal
def ex(expr):  # a hand computation: every number in it an exact decimal
    return eval(re.sub(r"\d+(?:\.\d+)?", lambda m: "Decimal(%r)" % m.group(), expr), {"Decimal": Decimal})
def dec(text):  # JSON with every number an exact decimal
    return json.loads(text, parse_float=Decimal, parse_int=Decimal)
def now():  # today in Europe/Amsterdam, asked again each time
    return datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Amsterdam")).date()
def add_months(x, n):  # the same day n months on, or the last day of that month
    m = x.month - 1 + n
    y, m = x.year + m // 12, m % 12 + 1
    last = [31, 29 if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return D(y, m, min(x.day, last))
def years_ago(n, x=None):
    x = x or now()
    return add_months(x, -12 * n)
# The line most checks start from: 4 uur per week for 12 weeks (84 days) in 2026.
BASE = {"tarief": "individuele_begeleiding_licht", "hulp": "formeel", "volume": 4, "per": "week",
        "ingangsdatum": "2026-01-05", "einddatum": "2026-03-29"}
def L(**kw):  # BASE changed by kw; a member set to None is left out
    r = dict(BASE, **kw)
    return {k: v for k, v in r.items() if v is not None}
def reasons(name):  # the reasons invalid-params gives for name
    return [e.get("reason") or "" for e in (d or {}).get("invalid-params") or [] if e.get("name") == name]
'
g_eval() { local doc=$1 code=$2; shift 2; p_eval "$doc" "$G_LIB"$'\n'"$code" "$@"; } # g_eval DOC PYTHON [ARGS...]
g_calcpy() { local code=$1; shift; g_eval "" "$code" "$@"; }                       # g_calcpy PYTHON [ARGS...]
# g_py NAME PYTHON [ARGS...]: PYTHON's asserts on BODY (d, raw) as a check
g_py() {
	local name=$1 code=$2 why; shift 2
	if why=$(g_eval "$BODY" "$code" "$@"); then ok "$name"; else not_ok "$name" "$why [$(z_answer)]"; fi
}
# g_bsns COUNT: COUNT numbers from 600000000 upward that pass the 11-proef, one a line
g_bsns() {
	python3 -c '
import sys
n, c = int(sys.argv[1]), 600000000
while n > 0:
    s = str(c)
    if (sum((9 - i) * int(s[i]) for i in range(8)) - int(s[8])) % 11 == 0:
        n -= 1
        print(c)
    c += 1' "$1"
}
g_post() { # g_post PATH TOKEN BODY: a JSON POST
	request POST "$1" -H "$(bearer "$2")" -H 'Content-Type: application/json' --data-binary "$3"
}
g_get() { request GET "$2" -H "$(bearer "$1")"; } # g_get TOKEN PATH
# g_body PYTHON...: a berekening body {"regels": [...]} made by the statements (L() is a line)
g_body() { g_calcpy 'd = {"regels": [L()]}
for s in a:
    exec(s)
print(json.dumps(d, ensure_ascii=False))' "$@"; }
g_berekening() { g_post /api/v1/pgb/berekening "$1" "$2"; } # g_berekening TOKEN BODY
# g_calc NAME TOKEN BODY EXPECTED: POST /api/v1/pgb/berekening answers 200,
# line k being EXPECTED[k] = [max_tarief, tarief_per_eenheid, eenheden,
# bedrag, regel] (the amounts hand computations), and totaal their sum
g_calc() {
	g_berekening "$2" "$3"
	g_py "$1" '
assert a[1] == "200", "status %s" % a[1]
got, want = dec(raw), json.loads(a[0])
lines = got.get("regels") or []
assert len(lines) == len(want), "%d lines, want %d: %r" % (len(lines), len(want), lines)
total = Decimal(0)
for k, (x, w) in enumerate(zip(lines, want)):
    e = [ex(v) for v in w[:4]]
    g = [x.get(m) for m in ("max_tarief", "tarief_per_eenheid", "eenheden", "bedrag")]
    assert g == e and x.get("regel") == w[4] and x.get("i") == k, \
        "line %d: max_tarief, tarief_per_eenheid, eenheden, bedrag %s, regel %r; want %s (%s), %r" % (k, g, x.get("regel"), e, w[:4], w[4])
    total += e[3]
assert got.get("totaal") == total, "totaal %r, want %r (the sum of the lines)" % (got.get("totaal"), total)' "$4" "$STATUS"
}
# g_why_named PARAM [WORD...]: nothing when invalid-params names PARAM with a reason holding every WORD
g_why_named() {
	g_eval "$BODY" '
r = reasons(a[0])
assert r and all(any(w in x for x in r) for w in a[1:]), "the reason for %s %r does not name %r" % (a[0], r, a[1:])' "$@" || true
}
# g_refuse NAME TOKEN BODY PARAM [WORD...]: the berekening is refused: 422
# problem+json naming PARAM, its reason holding each WORD
g_refuse() {
	local name=$1 tok=$2 body=$3 param=$4 why; shift 4
	g_berekening "$tok" "$body"
	why=$(p_problem_why 422 "$param")
	[ -n "$why" ] || why=$(g_why_named "$param" "$@")
	z_verdict "$name" "$why"
}

# ---------------------------------------------------------------- identities, dates
mapfile -t G_BSNS < <(g_bsns 20)
G_J1=${G_BSNS[0]} G_G1=${G_BSNS[1]}   # the family whose zaak gets the PGB (0855)
G_J2=${G_BSNS[2]} G_G2=${G_BSNS[3]}   # a natura grant (0796)
G_J3=${G_BSNS[4]} G_G3=${G_BSNS[5]}   # a natura grant with the product twice (0855)
G_J4=${G_BSNS[6]} G_G4=${G_BSNS[7]}   # a mandaat jeugdreclassering (0855)
G_J5=${G_BSNS[8]} G_J6=${G_BSNS[9]} G_J7=${G_BSNS[10]} G_G5=${G_BSNS[11]} # age bands (0796)
G_NOBODY=${G_BSNS[12]}                # a parent of no zaak here
G_J8=${G_BSNS[13]} G_G8=${G_BSNS[14]} # a mandaat overig with a PGB (0855)
G_J9=${G_BSNS[15]} G_J10=${G_BSNS[16]} # more age bands (0796)
G_GEM=0855 G_GEM2=0796
G_ORG=00000009990000000600
G_HA=$(token -r huisarts -c agb=07710000 -s g-huisarts)
G_CJG=$(token -r cjg -c gemeente=$G_GEM -s g-cjg-tilburg)
G_CJG2=$(token -r cjg -c gemeente=$G_GEM2 -s g-cjg-denbosch)
G_GI=$(token -r gi -c org=$G_ORG -s g-gi)
G_OUDER=$(token -r ouder -c bsn="$G_G1" -s g-ouder)
G_JEUGDIGE=$(token -r jeugdige -c bsn="$G_J1" -s g-jeugdige)
G_AGB=77200001 # the provider of the small productenboek and of the grants
G_AANB=$(token -r aanbieder -c agb=$G_AGB -s g-aanbieder)
# The PGB toewijzingen start four weeks ago and run for 12 weeks (84 days),
# so that declarations name days that have passed.
read -r G_TODAY G_ING G_EIND G_EIND_NATURA < <(g_calcpy '
t = now()
print(t, t - 28 * DAY, t - 28 * DAY + 83 * DAY, t + 364 * DAY)')
check "pgb setup: 20 fresh BSNs from 600000000 that pass the 11-proef, toewijzingen from $G_ING to $G_EIND" \
	eval '[ "$(printf "%s\n" "${G_BSNS[@]}" | sort -u | grep -c "^6[0-9]\{8\}$")" = 20 ] && [ -n "$G_EIND" ]'
check "pgb setup: no other test file has a zaak in 0855 or 0796, or a product of the AGB codes 77xxxxxx" test \
	"$(z_psql_super "SELECT (SELECT count(*) FROM zaak WHERE '$G_GEM' IN (behandelende_gemeente, verantwoordelijke_gemeente) OR '$G_GEM2' IN (behandelende_gemeente, verantwoordelijke_gemeente)) || ' ' || (SELECT count(*) FROM product WHERE aanbieder_agb LIKE '77%')")" = "0 0"

# ---------------------------------------------------------------- the tariff table as of a date
g_get "$G_HA" "/api/v1/pgb/tarieven?datum=2015-03-01"
z_status "GET /api/v1/pgb/tarieven?datum=2015-03-01 as a huisarts: 200" 200
# Each row as the bijlage "PGB Tarieven 2015" of the seed prints it:
# [sleutel, eenheid, formele hulp, informeel (tarief|nvt|geen_pgb), informele hulp, max per week, totaal per etmaal, pgb mogelijk]
g_py "the table of 2015 holds the bijlage's rates (individuele begeleiding €45/€74/€82, dagbesteding €9/€12,75/€22,25 and informal €5, behandeling N.v.t., logeeropvang €45/€30 up to €100, Basis GGZ chronisch €1.138,98, no pgb for crisisopvang, regie and JR)" '
want = [
    ["individuele_begeleiding_licht", "uur", "45", "tarief", "20", "40", None, True],   # H300, H150: €45,- per uur; max. €20,- per uur; maximaal 40 uur per week
    ["individuele_begeleiding_medium", "uur", "74", "tarief", "20", "40", None, True],  # H152, H153, H303: €74,- per uur
    ["individuele_begeleiding_zwaar", "uur", "82", "tarief", "20", "40", None, True],   # H301, H304: €82,- per uur
    ["dagbesteding_licht", "uur", "9", "tarief", "5", None, None, True],                # €9,- per uur; €5,- per uur
    ["dagbesteding_medium", "uur", "12.75", "tarief", "5", None, None, True],           # €12,75 per uur
    ["dagbesteding_zwaar", "uur", "22.25", "tarief", "5", None, None, True],            # €22,25 per uur
    ["behandeling_licht", "uur", "65", "nvt", None, None, None, True],                  # €65,- per uur; N.v.t.
    ["behandeling_medium", "uur", "86", "nvt", None, None, None, True],                 # €86,- per uur; N.v.t.
    ["behandeling_zwaar", "uur", "98", "nvt", None, None, None, True],                  # €98,- per uur; N.v.t.
    ["logeeropvang", "etmaal", "45", "tarief", "30", None, "100", True],                # €45,- / max. €30,- per 24 uur, totaal maximaal €100,-
    ["basis_ggz_chronisch", "traject", "1138.98", "nvt", None, None, None, True],       # Basis GGZ Chronisch 180004
    ["crisisopvang", "etmaal", None, "geen_pgb", None, None, None, False],              # Geen pgb mogelijk
    ["regie_voeren", "traject", None, "geen_pgb", None, None, None, False],             # Geen pgb mogelijk
]
got = {t["sleutel"]: t for t in dec(raw).get("tarieven") or []}
assert len(got) == len(dec(raw)["tarieven"]), "a sleutel twice in the table"
assert d.get("datum") == "2015-03-01", "datum %r" % d.get("datum")
for w in want:
    t = got.get(w[0])
    assert t, "no row %s" % w[0]
    g = [t["sleutel"], t["eenheid"], t["formeel_tarief"], t["informeel"], t["informeel_tarief"], t["max_per_week"], t["totaal_max"], t["pgb_mogelijk"]]
    e = w[:2] + [None if v is None else ex(v) for v in w[2:3]] + w[3:4] + [None if v is None else ex(v) for v in w[4:7]] + w[7:]
    assert g == e, "%s: %r, want %r" % (w[0], g, e)
jr = got.get("reguliere_jr") or {}
assert jr.get("pgb_mogelijk") is False and "4.2.4 sub h" in (jr.get("pgb_uitsluiting") or "") and "jeugdreclassering" in jr["pgb_uitsluiting"], "reguliere_jr %r" % jr'
g_py "the rules of 2015 name their articles: natura 4.4.1 sub d, minimumloon below 23 sub e, €20 per uur sub f, logeeropvang sub g, the VOG of 3 months 4.3.3" '
r = {x["naam"]: x for x in dec(raw).get("regels") or []}
want = {"natura": (None, "art. 4.4.1 sub d"), "informeel_minimumloon": (Decimal(23), "art. 4.4.1 sub e"),
        "informeel_max_uur": (Decimal(20), "art. 4.4.1 sub f"), "logeeropvang": (None, "art. 4.4.1 sub g"),
        "vog": (Decimal(3), "art. 4.3.3")}
for k, (waarde, artikel) in want.items():
    assert k in r and (r[k]["waarde"], r[k]["artikel"]) == (waarde, artikel) and r[k]["grondslag"], "%s: %r" % (k, r.get(k))'
g_py "the minimum wages on 1 March 2015 (sql/011, 36-hour basis): ages 15 to 22, 19 years €5,05, 22 years €8,18" '
m = {x["leeftijd"]: x["per_uur"] for x in dec(raw).get("minimumloon") or []}
assert sorted(m) == list(range(15, 23)), "ages %r" % sorted(m)
assert (m[19], m[22], m[15]) == (ex("5.05"), ex("8.18"), ex("2.89")), "19: %s, 22: %s, 15: %s" % (m[19], m[22], m[15])'
g_get "$G_HA" "/api/v1/pgb/tarieven?datum=2015-08-01"
g_py "on 1 August 2015 the wages of 1 July 2015 apply: 19 years €5,07" '
m = {x["leeftijd"]: x["per_uur"] for x in dec(raw).get("minimumloon") or []}
assert m.get(19) == ex("5.07") and len(m) == 8, "minimumloon %r" % m'
g_get "$G_HA" "/api/v1/pgb/tarieven?datum=2026-06-01"
g_py "on 1 June 2026: 19 years €8,83, 21 years €14,71 (1 January 2026); the 2015 table still applies (individuele begeleiding licht €45)" '
m = {x["leeftijd"]: x["per_uur"] for x in dec(raw).get("minimumloon") or []}
assert (m.get(19), m.get(21), len(m)) == (ex("8.83"), ex("14.71"), 8), "minimumloon %r" % m
t = {x["sleutel"]: x for x in dec(raw)["tarieven"]}
assert t["individuele_begeleiding_licht"]["formeel_tarief"] == ex("45"), t["individuele_begeleiding_licht"]'
g_get "$G_HA" "/api/v1/pgb/tarieven?datum=2020-06-01"
g_py "on 1 June 2020 no minimum wage is loaded (the documented gap 2016-2024): minimumloon []" '
assert d.get("minimumloon") == [] and len(d.get("tarieven") or []) > 100, "%r" % d.get("minimumloon")'
g_get "$G_HA" "/api/v1/pgb/tarieven?datum=2014-12-31"
g_py "on 31 December 2014, before the Nadere regels: no tariffs, no rules, no wages" '
assert (d.get("tarieven"), d.get("regels"), d.get("minimumloon")) == ([], [], []), "%r" % d'
g_get "$G_HA" "/api/v1/pgb/tarieven"
g_py "without datum: today (Europe/Amsterdam)" '
assert d.get("datum") == now().isoformat() and d.get("tarieven"), "datum %r" % d.get("datum")'
for g_case in "datum=2015-02-30" "datum=1-3-2015" "gemeente=9999" "gemeente=855"; do
	g_get "$G_HA" "/api/v1/pgb/tarieven?$g_case"
	z_verdict "GET /api/v1/pgb/tarieven?$g_case: 400 problem naming ${g_case%%=*}" "$(p_problem_why 400 "${g_case%%=*}")"
done
request GET /api/v1/pgb/tarieven
z_verdict "GET /api/v1/pgb/tarieven without a token: 401 problem" "$(p_problem_why 401)"

# ---------------------------------------------------------------- POST /api/v1/pgb/berekening: the budget by hand
# BASE (in G_LIB): 4 uur per week from 2026-01-05 to 2026-03-29, 84 days = 12 weeks: 4 × 12 = 48 uur.
# Individuele begeleiding licht, formeel: €45,- per uur (bijlage); 48 × 45 = 2160.00
g_calc "individuele begeleiding licht, formal, 4 uur/week for 12 weeks: 48 × €45 = €2.160 (art. 4.4.1 sub d)" "$G_HA" \
	"$(g_body)" '[["45", "45", "4 * 12", "4 * 12 * 45", "art. 4.4.1 sub d"]]'
check "the answer names the line: tarief, omschrijving, hulp formeel, eenheid uur, datum (the ingangsdatum), a grondslag quoting 4.4.1 sub d" \
	g_eval "$BODY" '
x = d["regels"][0]
assert (x["tarief"], x["omschrijving"], x["hulp"], x["eenheid"], x["datum"]) == ("individuele_begeleiding_licht", "Individuele begeleiding licht", "formeel", "uur", "2026-01-05"), x
assert "goedkoopst adequate voorziening in natura" in x["grondslag"] and d.get("gemeente") is None, x'
# Individuele begeleiding medium, formeel: €74,- per uur; 48 × 74 = 3552.00
g_calc "individuele begeleiding medium, formal: 48 × €74 = €3.552" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief='individuele_begeleiding_medium')]")" '[["74", "74", "4 * 12", "4 * 12 * 74", "art. 4.4.1 sub d"]]'
# Individuele begeleiding zwaar, formeel: €82,- per uur; 48 × 82 = 3936.00
g_calc "individuele begeleiding zwaar, formal: 48 × €82 = €3.936" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief='individuele_begeleiding_zwaar')]")" '[["82", "82", "4 * 12", "4 * 12 * 82", "art. 4.4.1 sub d"]]'
# The three in one request: totaal = 2160 + 3552 + 3936 = 9648.00
g_calc "licht, medium and zwaar in one request: three lines, totaal the sum €9.648" "$G_HA" \
	"$(g_body "d['regels'] = [L(), L(tarief='individuele_begeleiding_medium'), L(tarief='individuele_begeleiding_zwaar')]")" \
	'[["45", "45", "48", "48 * 45", "art. 4.4.1 sub d"], ["74", "74", "48", "48 * 74", "art. 4.4.1 sub d"], ["82", "82", "48", "48 * 82", "art. 4.4.1 sub d"]]'
check "and totaal is 2160 + 3552 + 3936 = 9648.00" g_eval "$BODY" 'assert dec(raw)["totaal"] == ex("2160 + 3552 + 3936"), d["totaal"]'

# Informal help: 4.4.1 sub e (below 23: the minimum wage of sql/011) and sub f (23 and older: at most €20,- per uur).
# 2015-03-02 .. 2015-05-24 is 84 days: 48 uur; minimumloon 19 jaar on 1 January 2015 (36-hour basis): €5,05; 48 × 5.05 = 242.40
g_calc "informal help by a 19-year-old in 2015: the minimum wage €5,05 (art. 4.4.1 sub e): 48 × 5.05 = €242,40" "$G_HA" \
	"$(g_body "d['regels'] = [L(hulp='informeel', leeftijd_hulpverlener=19, ingangsdatum='2015-03-02', einddatum='2015-05-24')]")" \
	'[["5.05", "5.05", "4 * 12", "4 * 12 * 5.05", "art. 4.4.1 sub e"]]'
check "the grondslag names the minimum wage at 19" g_eval "$BODY" 'assert "minimumloon bij 19 jaar" in d["regels"][0]["grondslag"], d'
# minimumloon 19 jaar from 1 January 2026: €8,83; 48 × 8.83 = 423.84
g_calc "informal help by a 19-year-old in 2026: €8,83 (art. 4.4.1 sub e): 48 × 8.83 = €423,84" "$G_HA" \
	"$(g_body "d['regels'] = [L(hulp='informeel', leeftijd_hulpverlener=19)]")" '[["8.83", "8.83", "48", "48 * 8.83", "art. 4.4.1 sub e"]]'
# minimumloon 22 jaar from 1 January 2026: €14,71 (below €20): 48 × 14.71 = 706.08
g_calc "informal help by a 22-year-old in 2026: still the minimum wage, €14,71 (sub e): 48 × 14.71 = €706,08" "$G_HA" \
	"$(g_body "d['regels'] = [L(hulp='informeel', leeftijd_hulpverlener=22)]")" '[["14.71", "14.71", "48", "48 * 14.71", "art. 4.4.1 sub e"]]'
# 23 jaar and older: max. €20,- per uur (sub f, and the bijlage's informal column); 48 × 20 = 960.00
g_calc "informal help by a 23-year-old: €20 per uur (art. 4.4.1 sub f): 48 × 20 = €960" "$G_HA" \
	"$(g_body "d['regels'] = [L(hulp='informeel', leeftijd_hulpverlener=23)]")" '[["20", "20", "48", "48 * 20", "art. 4.4.1 sub f"]]'
g_calc "informal help by a 40-year-old: €20 per uur (art. 4.4.1 sub f): 48 × 20 = €960" "$G_HA" \
	"$(g_body "d['regels'] = [L(hulp='informeel', leeftijd_hulpverlener=40)]")" '[["20", "20", "48", "48 * 20", "art. 4.4.1 sub f"]]'
# 40 uur per week is the bijlage's maximum for informal individuele begeleiding: 40 × 12 = 480 uur × 20 = 9600.00
g_calc "informal individuele begeleiding of exactly 40 uur per week is allowed: 480 × €20 = €9.600" "$G_HA" \
	"$(g_body "d['regels'] = [L(hulp='informeel', leeftijd_hulpverlener=40, volume=40)]")" '[["20", "20", "40 * 12", "40 * 12 * 20", "art. 4.4.1 sub f"]]'

# Dagbesteding medium: formeel €12,75 per uur; 6 uur per week × 12 = 72 uur; 72 × 12.75 = 918.00
g_calc "dagbesteding medium, formal: 72 × €12,75 = €918" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief='dagbesteding_medium', volume=6)]")" '[["12.75", "12.75", "6 * 12", "6 * 12 * 12.75", "art. 4.4.1 sub d"]]'
# Dagbesteding informeel: €5,- per uur (the bijlage's informal column is below sub f's €20): 72 × 5 = 360.00
g_calc "dagbesteding medium, informal (40 years): the bijlage's €5 per uur caps it: 72 × €5 = €360" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief='dagbesteding_medium', volume=6, hulp='informeel', leeftijd_hulpverlener=40)]")" \
	'[["5", "5", "72", "72 * 5", "Bijlage PGB tarieven 2015"]]'
# Dagbesteding licht, informal by a 15-year-old in 2026: minimumloon 15 jaar €4,41 < €5: 72 × 4.41 = 317.52
g_calc "dagbesteding licht, informal by a 15-year-old: the minimum wage €4,41 is below the €5: 72 × 4.41 = €317,52 (sub e)" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief='dagbesteding_licht', volume=6, hulp='informeel', leeftijd_hulpverlener=15)]")" \
	'[["4.41", "4.41", "72", "72 * 4.41", "art. 4.4.1 sub e"]]'

# Logeeropvang: €45,- per 24 uur excl. hulpverlening (formeel), €30,- (informeel), in total at most €100,- per 24 uur.
G_LOGEER="tarief='logeeropvang', eenheid='etmaal', volume=10, per='totaal'"
# 10 etmalen × 45 = 450.00
g_calc "logeeropvang, formal, no hulpverlening: 10 etmalen × €45 = €450 (sub d)" "$G_HA" \
	"$(g_body "d['regels'] = [L($G_LOGEER)]")" '[["45", "45", "10", "10 * 45", "art. 4.4.1 sub d"]]'
# 45 + 30 hulpverlening = 75 per etmaal, below the 100: 10 × 75 = 750.00
g_calc "logeeropvang, formal, with €30 hulpverlening: 45 + 30 = €75 per etmaal, 10 × 75 = €750" "$G_HA" \
	"$(g_body "d['regels'] = [L($G_LOGEER, hulpverlening_per_etmaal=30)]")" '[["45 + 30", "45 + 30", "10", "10 * (45 + 30)", "art. 4.4.1 sub d"]]'
# 45 + 70 = 115 > 100: capped at €100,- per 24 uur; 10 × 100 = 1000.00
g_calc "logeeropvang, formal, with €70 hulpverlening: 45 + 70 = 115 is capped at €100 per etmaal (art. 4.4.1 sub g): €1.000" "$G_HA" \
	"$(g_body "d['regels'] = [L($G_LOGEER, hulpverlening_per_etmaal=70)]")" '[["100", "100", "10", "10 * 100", "art. 4.4.1 sub g"]]'
# 45 + 55 = 100: exactly the maximum, named as sub g
g_calc "logeeropvang, formal, with €55 hulpverlening: exactly €100 per etmaal (sub g): €1.000" "$G_HA" \
	"$(g_body "d['regels'] = [L($G_LOGEER, hulpverlening_per_etmaal=55)]")" '[["45 + 55", "100", "10", "10 * 100", "art. 4.4.1 sub g"]]'
# informal: 30 + 80 = 110 > 100: capped at 100; 10 × 100 = 1000.00
g_calc "logeeropvang, informal (€30) with €80 hulpverlening: capped at €100 (sub g)" "$G_HA" \
	"$(g_body "d['regels'] = [L($G_LOGEER, hulp='informeel', leeftijd_hulpverlener=40, hulpverlening_per_etmaal=80)]")" \
	'[["100", "100", "10", "10 * 100", "art. 4.4.1 sub g"]]'
# informal without hulpverlening: €30,- per etmaal (the bijlage); 10 × 30 = 300.00
g_calc "logeeropvang, informal, no hulpverlening: 10 × €30 = €300 (the bijlage's informal rate)" "$G_HA" \
	"$(g_body "d['regels'] = [L($G_LOGEER, hulp='informeel', leeftijd_hulpverlener=40)]")" \
	'[["30", "30", "10", "10 * 30", "Bijlage PGB tarieven 2015"]]'

# Basis GGZ Chronisch (180004): €1.138,98 per traject; one traject in total
g_calc "a basis-GGZ traject (chronisch, 180004): 1 traject × €1.138,98" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief='basis_ggz_chronisch', eenheid='traject', volume=1, per='totaal')]")" \
	'[["1138.98", "1138.98", "1", "1 * 1138.98", "art. 4.4.1 sub d"]]'

# The periods: per maand over whole months, per dag, per week over part of a week, totaal.
# 10 uur per maand, 2026-01-01 .. 2026-03-31 = 3 months: 30 uur × 45 = 1350.00
g_calc "10 uur per maand from 1 January to 31 March 2026: 3 months, 30 × €45 = €1.350" "$G_HA" \
	"$(g_body "d['regels'] = [L(per='maand', volume=10, ingangsdatum='2026-01-01', einddatum='2026-03-31')]")" \
	'[["45", "45", "10 * 3", "10 * 3 * 45", "art. 4.4.1 sub d"]]'
# 10 uur per maand, 2026-01-31 .. 2026-02-27 = the month up to the day before 28 February... is not whole; 2026-01-15 .. 2027-01-14 = 12 months: 120 × 45 = 5400.00
g_calc "10 uur per maand from 15 January 2026 to 14 January 2027: 12 months, 120 × €45 = €5.400" "$G_HA" \
	"$(g_body "d['regels'] = [L(per='maand', volume=10, ingangsdatum='2026-01-15', einddatum='2027-01-14')]")" \
	'[["45", "45", "10 * 12", "10 * 12 * 45", "art. 4.4.1 sub d"]]'
# 2 uur per dag, 2026-01-05 .. 2026-01-18 = 14 days: 28 uur × 45 = 1260.00
g_calc "2 uur per dag for 14 days: 28 × €45 = €1.260" "$G_HA" \
	"$(g_body "d['regels'] = [L(per='dag', volume=2, einddatum='2026-01-18')]")" '[["45", "45", "2 * 14", "2 * 14 * 45", "art. 4.4.1 sub d"]]'
# 7 uur per week over 10 days (2026-01-05 .. 2026-01-14): 7 × 10/7 = 10 uur × 45 = 450.00
g_calc "7 uur per week over 10 days: 7 × 10/7 = 10 uur, €450" "$G_HA" \
	"$(g_body "d['regels'] = [L(volume=7, einddatum='2026-01-14')]")" '[["45", "45", "7 * 10 / 7", "10 * 45", "art. 4.4.1 sub d"]]'
# tarief_gevraagd below the maximum is paid: 48 × 40 = 1920.00 (max_tarief stays 45)
g_calc "a tarief_gevraagd of €40 below the maximum €45: 48 × €40 = €1.920, max_tarief 45" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief_gevraagd=40)]")" '[["45", "40", "48", "48 * 40", "art. 4.4.1 sub d"]]'
g_calc "a tarief_gevraagd equal to the maximum (€45) is accepted" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief_gevraagd=45)]")" '[["45", "45", "48", "48 * 45", "art. 4.4.1 sub d"]]'
# VOG (4.3.3): a helper living elsewhere with a VOG of exactly 3 months ago, or of last week; one living with the jeugdige needs none.
read -r G_VOG_EDGE G_VOG_OLD G_VOG_RECENT < <(g_calcpy 't = now(); e = add_months(t, -3); print(e, e - DAY, t - 7 * DAY)')
g_calc "informal help by a helper living elsewhere with a VOG of exactly 3 months ago ($G_VOG_EDGE): accepted, €20 (sub f)" "$G_HA" \
	"$(g_body "d['regels'] = [L(hulp='informeel', leeftijd_hulpverlener=40, woont_elders=True, vog_datum='$G_VOG_EDGE')]")" \
	'[["20", "20", "48", "48 * 20", "art. 4.4.1 sub f"]]'
g_calc "the same with a VOG of last week: accepted" "$G_HA" \
	"$(g_body "d['regels'] = [L(hulp='informeel', leeftijd_hulpverlener=40, woont_elders=True, vog_datum='$G_VOG_RECENT')]")" \
	'[["20", "20", "48", "48 * 20", "art. 4.4.1 sub f"]]'
g_calc "an informal helper who lives with the jeugdige (woont_elders false) needs no VOG" "$G_HA" \
	"$(g_body "d['regels'] = [L(hulp='informeel', leeftijd_hulpverlener=40, woont_elders=False)]")" \
	'[["20", "20", "48", "48 * 20", "art. 4.4.1 sub f"]]'
g_calc "a mandaat's maatregel overig excludes nothing: 48 × €45" "$G_HA" \
	"$(g_body "d['maatregel'] = 'overig'")" '[["45", "45", "48", "48 * 45", "art. 4.4.1 sub d"]]'

# Who may compute, and for which gemeente.
for g_role in ouder aanbieder gi cjg; do
	case $g_role in
	ouder) g_tok=$G_OUDER ;; aanbieder) g_tok=$G_AANB ;; gi) g_tok=$G_GI ;; cjg) g_tok=$G_CJG ;;
	esac
	g_berekening "$g_tok" "$(g_body)"
	z_verdict "the $g_role may compute a budget: 200, totaal €2.160$([ $g_role = cjg ] && echo ", for its own gemeente $G_GEM")" \
		"$(g_eval "$BODY" 'assert a[0] == "200" and dec(raw)["totaal"] == ex("48 * 45"), "status %s" % a[0]
assert d.get("gemeente") == (a[2] if a[1] == "cjg" else None), "gemeente %r" % d.get("gemeente")' "$STATUS" "$g_role" "$G_GEM" || true)"
done
g_berekening "$G_HA" "$(g_body "d['gemeente'] = '$G_GEM2'")"
check "a gemeente asked for is echoed: gemeente $G_GEM2" test "$STATUS:$(p_json "['gemeente']")" = "200:$G_GEM2"
request POST /api/v1/pgb/berekening -H 'Content-Type: application/json' --data-binary "$(g_body)"
z_verdict "POST /api/v1/pgb/berekening without a token: 401 problem" "$(p_problem_why 401)"

# ---------------------------------------------------------------- refusals name the rule
g_refuse "reguliere jeugdreclassering (tariff row reguliere_jr): 422 at regels[0].tarief naming 4.2.4 sub h" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief='reguliere_jr', eenheid='client_jaar', volume=1, per='totaal')]")" \
	"regels[0].tarief" "4.2.4 sub h" jeugdreclassering
g_refuse "productcategorie 47 (jeugdreclassering) on an individuele begeleiding line: 422 at regels[0].productcategorie naming 4.2.4 sub h" "$G_HA" \
	"$(g_body "d['regels'] = [L(productcategorie='47')]")" "regels[0].productcategorie" "4.2.4 sub h" jeugdreclassering
g_refuse "maatregel jeugdreclassering: 422 at regels[0].maatregel naming 4.2.4 sub h" "$G_HA" \
	"$(g_body "d['maatregel'] = 'jeugdreclassering'")" "regels[0].maatregel" "4.2.4 sub h" jeugdreclassering
g_refuse "maatregel ots: 422 at regels[0].maatregel naming 4.2.4 sub h and jeugdbescherming" "$G_HA" \
	"$(g_body "d['maatregel'] = 'ots'")" "regels[0].maatregel" "4.2.4 sub h" jeugdbescherming
g_refuse "crisisopvang (geen pgb mogelijk): 422 at regels[0].tarief naming 4.2.4 sub h" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief='crisisopvang', eenheid='etmaal', per='totaal', volume=2)]")" "regels[0].tarief" "4.2.4 sub h" crisis
g_refuse "informal help for behandeling licht (N.v.t.): 422 at regels[0].hulp naming N.v.t." "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief='behandeling_licht', hulp='informeel', leeftijd_hulpverlener=40)]")" "regels[0].hulp" "N.v.t." "Behandeling licht"
g_refuse "informal help for vervoer (the bijlage names no informal rate; informal help is paid per uur): 422 at regels[0].hulp naming 4.4.1 sub e en f" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief='vervoer', eenheid='dag', per='totaal', volume=10, hulp='informeel', leeftijd_hulpverlener=40)]")" \
	"regels[0].hulp" "4.4.1 sub e en f"
g_refuse "informal individuele begeleiding of 41 uur per week: 422 at regels[0].volume naming the 40 uur per week" "$G_HA" \
	"$(g_body "d['regels'] = [L(hulp='informeel', leeftijd_hulpverlener=40, volume=41)]")" "regels[0].volume" "40 uur per week"
# Per maand the cap holds on average: 200 uur over January (31 days = 4 3/7 weeks) is 45.2 a week.
g_refuse "informal individuele begeleiding of 200 uur per maand (45 a week on average): 422 naming the 40 uur per week" "$G_HA" \
	"$(g_body "d['regels'] = [L(hulp='informeel', leeftijd_hulpverlener=40, volume=200, per='maand', ingangsdatum='2026-01-01', einddatum='2026-01-31')]")" \
	"regels[0].volume" "40 uur per week"
g_refuse "informal individuele begeleiding of 100 uur in total over 2 weeks: 422 naming the 40 uur per week" "$G_HA" \
	"$(g_body "d['regels'] = [L(hulp='informeel', leeftijd_hulpverlener=40, volume=100, per='totaal', ingangsdatum='2026-01-05', einddatum='2026-01-18')]")" \
	"regels[0].volume" "40 uur per week"
g_refuse "informal individuele begeleiding of 6 uur per dag (42 per week): 422 at regels[0].volume" "$G_HA" \
	"$(g_body "d['regels'] = [L(hulp='informeel', leeftijd_hulpverlener=40, volume=6, per='dag')]")" "regels[0].volume" "40 uur per week"
g_refuse "informal help without the helper's age: 422 at regels[0].leeftijd_hulpverlener naming 4.4.1 sub e en f" "$G_HA" \
	"$(g_body "d['regels'] = [L(hulp='informeel')]")" "regels[0].leeftijd_hulpverlener" "4.4.1 sub e en f"
g_refuse "a helper living elsewhere whose VOG is a day older than 3 months ($G_VOG_OLD): 422 at regels[0].vog_datum naming art. 4.3.3" "$G_HA" \
	"$(g_body "d['regels'] = [L(hulp='informeel', leeftijd_hulpverlener=40, woont_elders=True, vog_datum='$G_VOG_OLD')]")" \
	"regels[0].vog_datum" "art. 4.3.3" "3 maanden"
g_refuse "a helper living elsewhere without a VOG: 422 at regels[0].vog_datum naming art. 4.3.3" "$G_HA" \
	"$(g_body "d['regels'] = [L(hulp='informeel', leeftijd_hulpverlener=40, woont_elders=True)]")" "regels[0].vog_datum" "art. 4.3.3"
g_refuse "a tarief_gevraagd of €45,01 above the maximum €45: 422 at regels[0].tarief_gevraagd naming 45.00 and 4.4.1 sub d" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief_gevraagd=45.01)]")" "regels[0].tarief_gevraagd" "45.00" "art. 4.4.1 sub d"
g_refuse "a 19-year-old's informal tarief_gevraagd of €9 above the minimum wage €8,83: 422 naming 8.83 and sub e" "$G_HA" \
	"$(g_body "d['regels'] = [L(hulp='informeel', leeftijd_hulpverlener=19, tarief_gevraagd=9)]")" "regels[0].tarief_gevraagd" "8.83" "art. 4.4.1 sub e"
g_refuse "a 19-year-old's informal help in 2020 (no minimum wage loaded): 422 at regels[0].leeftijd_hulpverlener" "$G_HA" \
	"$(g_body "d['regels'] = [L(hulp='informeel', leeftijd_hulpverlener=19, ingangsdatum='2020-01-06', einddatum='2020-03-29')]")" \
	"regels[0].leeftijd_hulpverlener" "minimumloon" "2020-01-06"
g_refuse "hulpverlening per etmaal on individuele begeleiding: 422 at regels[0].hulpverlening_per_etmaal naming 4.4.1 sub g" "$G_HA" \
	"$(g_body "d['regels'] = [L(hulpverlening_per_etmaal=10)]")" "regels[0].hulpverlening_per_etmaal" "4.4.1 sub g"
g_refuse "10 uur per maand from 31 January to 27 February (not whole months): 422 at regels[0].einddatum" "$G_HA" \
	"$(g_body "d['regels'] = [L(per='maand', volume=10, ingangsdatum='2026-01-31', einddatum='2026-02-27')]")" "regels[0].einddatum" "hele maanden"
g_refuse "an einddatum before the ingangsdatum: 422 at regels[0].einddatum" "$G_HA" \
	"$(g_body "d['regels'] = [L(einddatum='2026-01-04')]")" "regels[0].einddatum"
g_refuse "individuele begeleiding per etmaal (the row counts per uur): 422 at regels[0].eenheid" "$G_HA" \
	"$(g_body "d['regels'] = [L(eenheid='etmaal')]")" "regels[0].eenheid" "per uur"
g_refuse "a tariff sleutel that does not exist: 422 at regels[0].tarief" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief='bestaat_niet')]")" "regels[0].tarief" "2026-01-05"
g_refuse "individuele begeleiding on a date before the table (2014): 422 at regels[0].tarief" "$G_HA" \
	"$(g_body "d['regels'] = [L(ingangsdatum='2014-06-02', einddatum='2014-06-29')]")" "regels[0].tarief"
g_refuse "neither tarief nor product: 422 at regels[0].tarief" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief=None)]")" "regels[0].tarief"
g_refuse "both a tarief and a product: 422 at regels[0].tarief" "$G_HA" \
	"$(g_body "d['regels'] = [L(product={'aanbieder_agb': '$G_AGB', 'productcode': 'IBM01'})]")" "regels[0].tarief"
g_berekening "$G_HA" "$(g_body "d['regels'] = [L(), L(tarief='behandeling_zwaar', hulp='informeel', leeftijd_hulpverlener=30), L(tarief='reguliere_jr', eenheid='client_jaar', volume=1, per='totaal')]")"
g_py "three lines, the second and third refused: 422 naming regels[1].hulp and regels[2].tarief only; no line and no totaal in the answer" '
assert a[0] == "422", "status %s" % a[0]
names = sorted(e["name"] for e in d.get("invalid-params") or [])
assert names == ["regels[1].hulp", "regels[2].tarief"], "invalid-params %r" % d.get("invalid-params")
assert "regels" not in d and "totaal" not in d, d' "$STATUS"

# Bad shapes: 422 (or 400/415), never a 5xx, naming the member.
for g_case in "regels[0].kleur:an unknown member in a line:d['regels'][0]['kleur'] = 'blauw'" \
	"regels[0].volume:a volume with 3 decimals:d['regels'][0]['volume'] = 4.125" \
	"regels[0].volume:a volume as a string:d['regels'][0]['volume'] = '4'" \
	"regels[0].volume:a negative volume:d['regels'][0]['volume'] = -1" \
	"regels[0].volume:a volume of 100001:d['regels'][0]['volume'] = 100001" \
	"regels[0].hulp:no hulp:del d['regels'][0]['hulp']" \
	"regels[0].hulp:hulp mantelzorg:d['regels'][0]['hulp'] = 'mantelzorg'" \
	"regels[0].per:per jaar:d['regels'][0]['per'] = 'jaar'" \
	"regels[0].per:no per:del d['regels'][0]['per']" \
	"regels[0].ingangsdatum:an ingangsdatum of 2026-02-30:d['regels'][0]['ingangsdatum'] = '2026-02-30'" \
	"regels[0].einddatum:no einddatum:del d['regels'][0]['einddatum']" \
	"regels[0].leeftijd_hulpverlener:a helper of 11:d['regels'][0].update(hulp='informeel', leeftijd_hulpverlener=11)" \
	"regels[0].leeftijd_hulpverlener:an age of 40.5:d['regels'][0].update(hulp='informeel', leeftijd_hulpverlener=40.5)" \
	"regels[0].tarief_gevraagd:a tarief_gevraagd of 44.995:d['regels'][0]['tarief_gevraagd'] = 44.995" \
	"regels[0].woont_elders:woont_elders as a string:d['regels'][0]['woont_elders'] = 'ja'" \
	"regels[0].vog_datum:a vog_datum of 31-12-2025:d['regels'][0]['vog_datum'] = '31-12-2025'" \
	"regels[0].productcategorie:productcategorie 99:d['regels'][0]['productcategorie'] = '99'" \
	"regels[0].eenheid:eenheid week:d['regels'][0]['eenheid'] = 'week'" \
	"regels[0].tarief:an empty tarief:d['regels'][0]['tarief'] = ''" \
	"regels[0].product.aanbieder_agb:a product with a bad AGB:d['regels'][0] = L(tarief=None, product={'aanbieder_agb': '1234', 'productcode': 'X1'})" \
	"regels[0].product.productcode:a product without productcode:d['regels'][0] = L(tarief=None, product={'aanbieder_agb': '$G_AGB'})" \
	"regels[0]:a line that is a number:d['regels'] = [7]" \
	"regels:regels empty:d['regels'] = []" \
	"regels:51 lines:d['regels'] = [L()] * 51" \
	"regels:no regels:del d['regels']" \
	"regels:regels as an object:d['regels'] = L()" \
	"gemeente:gemeente 9999:d['gemeente'] = '9999'" \
	"maatregel:maatregel ondertoezichtstelling:d['maatregel'] = 'ondertoezichtstelling'" \
	"kleur:an unknown top-level member:d['kleur'] = 'blauw'"; do
	g_param=${g_case%%:*} g_rest=${g_case#*:}
	g_berekening "$G_HA" "$(g_body "${g_rest#*:}")"
	z_verdict "berekening with ${g_rest%%:*}: 422 naming $g_param" "$(p_problem_why 422 "$g_param")"
done
g_berekening "$G_HA" '{"regels": ['
z_verdict "berekening that is not JSON: 400 problem" "$(p_problem_why 400)"
request POST /api/v1/pgb/berekening -H "$(bearer "$G_HA")" -H 'Content-Type: text/plain' --data-binary "$(g_body)"
z_verdict "berekening as text/plain: 415 problem" "$(p_problem_why 415)"
g_berekening "$G_HA" "[$(g_body)]"
z_verdict "berekening as a JSON array: 422 problem" "$(p_problem_why 422)"
request GET /api/v1/pgb/berekening -H "$(bearer "$G_HA")"
z_verdict "GET on /api/v1/pgb/berekening: 405 problem" "$(p_problem_why 405)"

# ---------------------------------------------------------------- a new tariff year, and a gemeente's own rate
# As the owner (a gemeente adopting the next year's table): the 2015 row of
# persoonlijke verzorging (€42,- per uur) ends on 2027-01-01 and a row of
# €44,50 takes over; gemeente 0855 has its own rate of €40,- from 2015.
# Put back at the end of this part.
g_tarief_sql() { # g_tarief_sql FORMEEL GEMEENTE GELDIG_VAN: a copy of the 2015 row of persoonlijke_verzorging
	printf "INSERT INTO pgb_tarief (sleutel, groep, omschrijving, codes, eenheid, formeel_tarief, informeel, informeel_tarief,
		max_per_week, totaal_max, minuten_van, minuten_tot, pgb_uitsluiting, bron, gemeente, geldig_van)
		SELECT sleutel, groep, omschrijving, codes, eenheid, %s, informeel, informeel_tarief, max_per_week, totaal_max,
		minuten_van, minuten_tot, pgb_uitsluiting, 'pgb.sh', %s, DATE '%s' FROM pgb_tarief
		WHERE sleutel = 'persoonlijke_verzorging' AND gemeente IS NULL AND geldig_van = DATE '2015-01-01'" "$1" "$2" "$3"
}
psql_owner "UPDATE pgb_tarief SET geldig_tot = DATE '2027-01-01' WHERE sleutel = 'persoonlijke_verzorging' AND gemeente IS NULL AND geldig_van = DATE '2015-01-01'" >/dev/null
psql_owner "$(g_tarief_sql 44.50 NULL 2027-01-01)" >/dev/null
check "as the owner: the 2015 row of persoonlijke_verzorging ends on 2027-01-01, a row of €44,50 from 2027-01-01 is added" test \
	"$(psql_owner "SELECT string_agg(formeel_tarief || ':' || geldig_van || ':' || coalesce(geldig_tot::text, '-'), ' ' ORDER BY geldig_van) FROM pgb_tarief WHERE sleutel = 'persoonlijke_verzorging' AND gemeente IS NULL")" \
	= "42.00:2015-01-01:2027-01-01 44.50:2027-01-01:-"
g_get "$G_HA" "/api/v1/pgb/tarieven?datum=2026-06-01"
g_py "GET /pgb/tarieven?datum=2026-06-01: persoonlijke verzorging €42 (the old row, geldig_tot 2027-01-01)" '
t = [x for x in dec(raw)["tarieven"] if x["sleutel"] == "persoonlijke_verzorging"]
assert [(x["formeel_tarief"], x["geldig_van"], x["geldig_tot"]) for x in t] == [(ex("42"), "2015-01-01", "2027-01-01")], t'
g_get "$G_HA" "/api/v1/pgb/tarieven?datum=2027-06-01"
g_py "GET /pgb/tarieven?datum=2027-06-01: persoonlijke verzorging €44,50 (the new row only)" '
t = [x for x in dec(raw)["tarieven"] if x["sleutel"] == "persoonlijke_verzorging"]
assert [(x["formeel_tarief"], x["geldig_van"], x["geldig_tot"]) for x in t] == [(ex("44.50"), "2027-01-01", None)], t'
g_get "$G_HA" "/api/v1/pgb/tarieven?datum=2026-12-31"
check "on 2026-12-31, the last day of the old row: €42" g_eval "$BODY" '
assert [x["formeel_tarief"] for x in dec(raw)["tarieven"] if x["sleutel"] == "persoonlijke_verzorging"] == [ex("42")]'
G_PV="tarief='persoonlijke_verzorging', volume=5"
# 5 uur per week for 12 weeks = 60 uur; in 2026 × €42 = 2520.00, in 2027 × €44,50 = 2670.00
g_calc "persoonlijke verzorging, a line in 2026 and one in 2027: 60 × €42 and 60 × €44,50, each with the rate of its year" "$G_HA" \
	"$(g_body "d['regels'] = [L($G_PV), L($G_PV, ingangsdatum='2027-01-04', einddatum='2027-03-28')]")" \
	'[["42", "42", "5 * 12", "5 * 12 * 42", "art. 4.4.1 sub d"], ["44.50", "44.50", "5 * 12", "5 * 12 * 44.50", "art. 4.4.1 sub d"]]'
# datum names the day whose rate applies: a line from 2026-12-07 dated 2027-01-01 takes the new rate
g_calc "a line starting in December 2026 with datum 2027-01-01 takes the 2027 rate (€44,50)" "$G_HA" \
	"$(g_body "d['regels'] = [L($G_PV, ingangsdatum='2026-12-07', einddatum='2027-02-28', datum='2027-01-01')]")" \
	'[["44.50", "44.50", "5 * 12", "5 * 12 * 44.50", "art. 4.4.1 sub d"]]'
psql_owner "$(g_tarief_sql 40.00 "'$G_GEM'" 2015-01-01)" >/dev/null
g_get "$G_HA" "/api/v1/pgb/tarieven?datum=2026-06-01&gemeente=$G_GEM"
check "with gemeente 0855's own row: GET /pgb/tarieven?gemeente=0855 shows €40 (its own row before the region's)" g_eval "$BODY" '
t = [(x["formeel_tarief"], x["gemeente"]) for x in dec(raw)["tarieven"] if x["sleutel"] == "persoonlijke_verzorging"]
assert t == [(ex("40"), "0855")] and d.get("gemeente") == "0855", t'
g_get "$G_CJG" "/api/v1/pgb/tarieven?datum=2026-06-01"
check "the cjg of 0855 without gemeente gets its own gemeente's table: €40" g_eval "$BODY" '
assert [x["formeel_tarief"] for x in dec(raw)["tarieven"] if x["sleutel"] == "persoonlijke_verzorging"] == [ex("40")] and d["gemeente"] == "0855", d["gemeente"]'
g_get "$G_CJG2" "/api/v1/pgb/tarieven?datum=2026-06-01"
check "the cjg of 0796 gets the region's: €42" g_eval "$BODY" '
assert [x["formeel_tarief"] for x in dec(raw)["tarieven"] if x["sleutel"] == "persoonlijke_verzorging"] == [ex("42")]'
# 60 uur × €40 (0855's own rate) = 2400.00
g_calc "berekening for gemeente 0855: 60 × €40 = €2.400 (its own rate)" "$G_HA" \
	"$(g_body "d['regels'] = [L($G_PV)]" "d['gemeente'] = '$G_GEM'")" '[["40", "40", "60", "60 * 40", "art. 4.4.1 sub d"]]'
g_calc "the same as the cjg of 0855, without naming the gemeente: €2.400" "$G_CJG" \
	"$(g_body "d['regels'] = [L($G_PV)]")" '[["40", "40", "60", "60 * 40", "art. 4.4.1 sub d"]]'
g_calc "the same as the cjg of 0796: the region's €42: 60 × 42 = €2.520" "$G_CJG2" \
	"$(g_body "d['regels'] = [L($G_PV)]")" '[["42", "42", "60", "60 * 42", "art. 4.4.1 sub d"]]'
psql_owner "DELETE FROM pgb_tarief WHERE sleutel = 'persoonlijke_verzorging' AND bron = 'pgb.sh'" >/dev/null
psql_owner "UPDATE pgb_tarief SET geldig_tot = NULL WHERE sleutel = 'persoonlijke_verzorging' AND gemeente IS NULL AND geldig_van = DATE '2015-01-01'" >/dev/null
g_get "$G_CJG" "/api/v1/pgb/tarieven?datum=2027-06-01"
check "put back: persoonlijke verzorging is one row again, €42 in 2027 for 0855 too" g_eval "$BODY" '
t = [(x["formeel_tarief"], x["geldig_tot"], x["gemeente"]) for x in dec(raw)["tarieven"] if x["sleutel"] == "persoonlijke_verzorging"]
assert t == [(ex("42"), None, None)], t'

# ---------------------------------------------------------------- the productenboek import
G_IMPORT=("$BUILD/toegang-import" -c "$SRC/data/codelijsten" "host=$STATE/run/pg dbname=toegang user=toegang_owner")
g_import() { # g_import FILE: runs toegang-import; G_RC, G_OUT, G_ERR
	"${G_IMPORT[@]}" "$1" >"$STATE/g-import.out" 2>"$STATE/g-import.err"
	G_RC=$?
	G_OUT=$(cat "$STATE/g-import.out") G_ERR=$(cat "$STATE/g-import.err")
}
g_products() { psql_owner "SELECT (SELECT count(*) FROM product) || ' ' || (SELECT count(*) FROM product_import)"; }
# g_err_lines FILE: the line numbers stderr names for FILE, sorted, space-separated
g_err_lines() {
	printf '%s\n' "$G_ERR" | python3 -c '
import re, sys
f = sys.argv[1]
print(*sorted({int(m.group(1)) for m in (re.match(re.escape("toegang-import: " + f + ":") + r"(\d+): ", l) for l in sys.stdin) if m}))' "$1"
}
# The big file: 10 000 products of 40 providers (AGB 77100001..77100040), in
# 0855, 0796 and the whole region, in 8 categories, some with a comma or
# quotes in the omschrijving, tariffs with "," or ".", CRLF line ends (as a
# spreadsheet writes them). "bad" puts one bad field in lines 1234, 4321 and
# 8765 (the header is line 1); "good" leaves those three rows out.
G_GEN='
import csv, sys
out, mode = sys.argv[1], sys.argv[2]
cats = ["45", "54", "51", "40", "41", "33", "34", "32"]
gems = ["0855", "0796", ""]
bad = {1234: (0, "7710003X"), 4321: (3, "99"), 8765: (10, "2026-02-30")}
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["aanbieder_agb", "aanbieder_naam", "gemeente", "productcategorie", "productcode", "omschrijving",
                "eenheid", "frequentie", "tarief", "pgb_tarief", "geldig_van", "geldig_tot"])
    for i in range(10000):
        line = i + 2
        p = i % 40 + 1
        oms = "Begeleiding, individueel \"licht\" nr. %d" % i if i % 97 == 5 else "Product %d; ambulant" % i
        tarief = "%d,%d" % (20 + i % 80, i % 10) if i % 2 else "%d.%02d" % (20 + i % 80, i % 100)
        row = ["771%05d" % p, "Zorgaanbieder %02d B.V." % p, gems[i % 3], cats[(i // 3) % 8], "%05d" % i, oms,
               ["04", "14", "16", "01", "82", "83", "84"][i % 7], ["1", "2", "4", "6"][i % 4], tarief,
               "individuele_begeleiding_licht" if i % 10 == 0 else "", "2026-01-01", "2027-01-01" if i % 5 == 0 else ""]
        if line in bad:
            if mode == "good":
                continue
            row[bad[line][0]] = bad[line][1]
        w.writerow(row)
'
g_csv() { python3 -c "$G_GEN" "$1" "$2"; } # g_csv FILE bad|good
g_csv "$STATE/g-producten-fout.csv" bad
g_csv "$STATE/g-producten.csv" good
check "the generated files: 10 001 lines with 3 bad rows; 9 998 lines without them" test \
	"$(wc -l <"$STATE/g-producten-fout.csv") $(wc -l <"$STATE/g-producten.csv")" = "10001 9998"
G_BEFORE=$(g_products)
g_import "$STATE/g-producten-fout.csv"
check "toegang-import of 10 000 rows with 3 bad ones: exit status non-zero ($G_RC)" test "$G_RC" -ne 0
check "stderr names exactly the lines 1234, 4321 and 8765 (got: $(g_err_lines "$STATE/g-producten-fout.csv"))" \
	test "$(g_err_lines "$STATE/g-producten-fout.csv")" = "1234 4321 8765"
p_eval "$G_ERR" '
for line, col in (("1234", "aanbieder_agb"), ("4321", "productcategorie"), ("8765", "geldig_van")):
    assert re.search(r"^toegang-import: %s:%s: %s: " % (re.escape(a[0]), line, col), raw, re.M), "line %s does not name %s: %s" % (line, col, raw)
assert re.search(r"^toegang-import: 3 bad rows: nothing imported$", raw, re.M), raw' "$STATE/g-producten-fout.csv" >"$STATE/g-why" ||
	true
check "each of those lines names its column (aanbieder_agb, productcategorie, geldig_van), and the last line says 3 bad rows, nothing imported" \
	eval '[ ! -s "$STATE/g-why" ] || { cat "$STATE/g-why"; false; }'
check "progress lines for the large file: 5000 and 10000 regels gelezen" eval \
	'grep -qx "toegang-import: 5000 regels gelezen" <<<"$G_ERR" && grep -qx "toegang-import: 10000 regels gelezen" <<<"$G_ERR"'
check "nothing was stored: product and product_import unchanged ($G_BEFORE)" test "$(g_products)" = "$G_BEFORE"
g_import "$STATE/g-producten.csv"
G_AFTER=$(g_products)
check "the same file without the bad rows: exit 0, 9 997 products and one import stored ($G_BEFORE -> $G_AFTER)" test \
	"$G_RC:$G_AFTER" = "0:$((${G_BEFORE% *} + 9997)) $((${G_BEFORE#* } + 1))"
check "it says so on stdout: 9997 producten ingelezen" grep -qx "toegang-import: 9997 producten ingelezen uit $STATE/g-producten.csv" <<<"$G_OUT"
check "and shows its progress on stderr: 5000 regels gelezen (no errors)" eval \
	'grep -qx "toegang-import: 5000 regels gelezen" <<<"$G_ERR" && ! grep -q ": [0-9]* bad rows" <<<"$G_ERR"'
check "the import is recorded: product_import has the file and 9997 regels" test \
	"$(psql_owner "SELECT bestand || ' ' || regels FROM product_import ORDER BY id DESC LIMIT 1")" = "$STATE/g-producten.csv 9997"
check "stored as in the file (read with Python's csv module): every row's fields, the tarief with ',' or '.' as an amount, empty cells as NULL" python3 -c '
import csv, subprocess, sys
from decimal import Decimal
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))[1:]
out = subprocess.run(sys.argv[2:] + ["-F", "\x1f", "-R", "\x1e", "-c",
    "SELECT aanbieder_agb, aanbieder_naam, coalesce(gemeente, %s), productcategorie, productcode, omschrijving, eenheid, frequentie, tarief, coalesce(pgb_tarief, %s), geldig_van, coalesce(geldig_tot::text, %s) FROM product WHERE aanbieder_agb LIKE %s" % ("$$$$", "$$$$", "$$$$", "$$7710%$$")],
    capture_output=True, text=True, check=True).stdout
got = {r.split("\x1f")[4]: r.split("\x1f") for r in out.rstrip("\n").split("\x1e") if r}
assert len(got) == len(rows) == 9997, "%d stored, %d in the file" % (len(got), len(rows))
for r in rows:
    g = got[r[4]]
    want = r[:8] + [Decimal(r[8].replace(",", "."))] + r[9:]
    assert g[:8] + [Decimal(g[8])] + g[9:] == want, "%r stored as %r" % (r, g)' "$STATE/g-producten.csv" "$STACK" psql "$STATE" owner -At
g_import "$STATE/g-producten.csv"
check "importing the same file again: exit 0, still $((${G_BEFORE% *} + 9997)) products (each upserted), a second import recorded" test \
	"$G_RC:$(g_products)" = "0:$((${G_BEFORE% *} + 9997)) $((${G_BEFORE#* } + 2))"
printf '%s\n' 'aanbieder_agb,aanbieder_naam,gemeente,productcategorie,productcode,omschrijving,eenheid,frequentie,tarief,pgb_tarief,geldig_van,geldig_tot' \
	'77100008,Zorgaanbieder 08 B.V.,0796,45,00007,"Product 7, nu met ""nieuwe"" tekst",04,2,"61,25",,2026-01-01,' >"$STATE/g-wijziging.csv"
G_BEFORE=$(g_products)
g_import "$STATE/g-wijziging.csv"
check "a file changing one product that is there (same aanbieder, gemeente, code, geldig_van): exit 0, no new product, its values replaced" test \
	"$G_RC:$(g_products):$(psql_owner "SELECT productcategorie || '|' || omschrijving || '|' || tarief || '|' || coalesce(pgb_tarief, '-') || '|' || (import_id = (SELECT max(id) FROM product_import)) FROM product WHERE aanbieder_agb = '77100008' AND productcode = '00007'")" \
	= "0:${G_BEFORE% *} $((${G_BEFORE#* } + 1)):45|Product 7, nu met \"nieuwe\" tekst|61.25|-|true"
printf '%s\n' 'aanbieder_agb,aanbieder_naam,gemeente,productcategorie,productcode,omschrijving,eenheid,frequentie,tarief,pgb_tarief,geldig_van,geldig_tot' \
	'77300001,Dubbel B.V.,0855,45,D1,Eerste,04,2,10.00,,2026-01-01,' \
	'77300001,Dubbel B.V.,0796,45,D1,Andere gemeente: geen dubbel,04,2,10.00,,2026-01-01,' \
	'77300001,Dubbel B.V.,0855,45,D1,Nog eens,04,2,11.00,,2026-01-01,' \
	'77300001,Dubbel B.V.,0855,45,D1,Later geldig: geen dubbel,04,2,12.00,,2026-07-01,' >"$STATE/g-dubbel.csv"
G_BEFORE=$(g_products)
g_import "$STATE/g-dubbel.csv"
check "a product twice in one file (lines 2 and 4): exit non-zero, line 4 named as the same product as line 2, no other line; nothing stored" \
	eval '[ "$G_RC" -ne 0 ] && [ "$(g_err_lines "$STATE/g-dubbel.csv")" = 4 ] && grep -q "g-dubbel.csv:4: .*als regel 2" <<<"$G_ERR" && [ "$(g_products)" = "$G_BEFORE" ]'
printf '%s\n' 'aanbieder_agb,aanbieder_naam,gemeente,productcategorie,productcode,omschrijving,eenheid,frequentie,tarief,pgb_tarief,geldig_van,geldig_tot' \
	'77300002,Onbekend B.V.,0855,45,T1,Goed,04,2,10.00,individuele_begeleiding_licht,2026-01-01,' \
	'77300002,Onbekend B.V.,0855,45,T2,Geen tarief,04,2,10.00,individuele_begeleiding_extra,2026-01-01,' >"$STATE/g-pgbtarief.csv"
g_import "$STATE/g-pgbtarief.csv"
check "a pgb_tarief that does not exist (line 3): exit non-zero, line 3 named at pgb_tarief, nothing stored" \
	eval '[ "$G_RC" -ne 0 ] && [ "$(g_err_lines "$STATE/g-pgbtarief.csv")" = 3 ] && grep -q "g-pgbtarief.csv:3: pgb_tarief: " <<<"$G_ERR" && [ "$(g_products)" = "$G_BEFORE" ]'
printf '%s\n' 'aanbieder_agb,aanbieder_naam,gemeente,productcategorie,productcode,omschrijving,eenheid,frequentie,tarief,pgb_tarief,geldig_van,geldig_tot' \
	'77300003,Fout B.V.,0855,45,F1,"Niet gesloten,04,2,10.00,,2026-01-01,' \
	'77300003,Fout B.V.,0855,45,F2,Te weinig kolommen,04,2,10.00,,2026-01-01' \
	'77300003,Fout B.V.,9999,45,F3,Gemeente bestaat niet,04,2,10.00,,2026-01-01,' \
	'77300003,Fout B.V.,0855,45,F4,Eenheid,99,2,10.00,,2026-01-01,' \
	'77300003,Fout B.V.,0855,45,F5,Frequentie,04,3,10.00,,2026-01-01,' \
	'77300003,Fout B.V.,0855,45,F6,Drie decimalen,04,2,10.005,,2026-01-01,' \
	'77300003,Fout B.V.,0855,45,F7,Tot voor van,04,2,10.00,,2026-01-01,2026-01-01' \
	'77300003,Fout B.V.,0855,45,F-8,Code,04,2,10.00,,2026-01-01,' \
	'77300003,Fout B.V.,0855,45,F9,Goed,04,2,10.00,,2026-01-01,' >"$STATE/g-fouten.csv"
g_import "$STATE/g-fouten.csv"
check "a file with an unclosed quote, too few columns, gemeente 9999, eenheid 99, frequentie 3, three decimals, geldig_tot not after geldig_van, a bad code: exit non-zero, exactly lines 2-9 named, nothing stored" \
	eval '[ "$G_RC" -ne 0 ] && [ "$(g_err_lines "$STATE/g-fouten.csv")" = "2 3 4 5 6 7 8 9" ] && [ "$(g_products)" = "$G_BEFORE" ]'
printf '%s\n' 'agb,naam' '77300004,X' >"$STATE/g-kop.csv"
g_import "$STATE/g-kop.csv"
check "a file whose header names other columns: exit non-zero, line 1 named, nothing stored" \
	eval '[ "$G_RC" -ne 0 ] && grep -q "g-kop.csv:1: " <<<"$G_ERR" && [ "$(g_products)" = "$G_BEFORE" ]'
"$BUILD/toegang-import" -c "$SRC/data/codelijsten" "host=$STATE/run/pg dbname=toegang user=toegang_app" "$STATE/g-producten.csv" >/dev/null 2>&1
G_RC=$?
check "run as the daemon's role (toegang_app, which may only read products): exit non-zero, nothing stored" \
	eval '[ "$G_RC" -ne 0 ] && [ "$(g_products)" = "$G_BEFORE" ]'

# The small productenboek the grants below use: one product in two years
# (ASOF1: €40,- in 2026, €42,- from 2027), products for the whole region, for
# 0796 and for 0014 (outside the region tried below); separated by ";" with
# decimal commas, as a Dutch spreadsheet writes it.
printf '%s\n' 'aanbieder_agb;aanbieder_naam;gemeente;productcategorie;productcode;omschrijving;eenheid;frequentie;tarief;pgb_tarief;geldig_van;geldig_tot' \
	"$G_AGB;Zorgboerderij De Linde;;45;ASOF1;Individuele begeleiding op de boerderij;04;2;40,00;individuele_begeleiding_licht;2026-01-01;2027-01-01" \
	"$G_AGB;Zorgboerderij De Linde;;45;ASOF1;Individuele begeleiding op de boerderij;04;2;42,00;individuele_begeleiding_licht;2027-01-01;" \
	"$G_AGB;Zorgboerderij De Linde;;45;IBM01;Individuele begeleiding medium;04;2;70,00;individuele_begeleiding_medium;2026-01-01;" \
	"$G_AGB;Zorgboerderij De Linde;;54;GGZ01;Ambulante jeugd-ggz;04;2;95,50;;2026-01-01;" \
	"$G_AGB;Zorgboerderij De Linde;$G_GEM2;54;GGZ02;Ambulante jeugd-ggz 's-Hertogenbosch;04;2;97,00;;2026-01-01;" \
	"$G_AGB;Zorgboerderij De Linde;0014;54;GGZ03;Ambulante jeugd-ggz Groningen;04;2;99,00;;2026-01-01;" \
	"77200002;Logeerhuis Het Anker;$G_GEM;44;LOG01;Logeeropvang in het weekend;14;1;38,00;logeeropvang;2026-01-01;" >"$STATE/g-klein.csv"
G_BEFORE=$(g_products)
g_import "$STATE/g-klein.csv"
check "the small productenboek (separated by ';', decimal commas): exit 0, 7 products" test \
	"$G_RC:$(g_products)" = "0:$((${G_BEFORE% *} + 7)) $((${G_BEFORE#* } + 1))"

# ---------------------------------------------------------------- GET /api/v1/producten
# g_want_products FILTER...: the products of the big file (read with Python's
# csv module) that FILTER (Python on r, a row as a dict, and day) keeps, as
# JSON items the way the API shows them, in file order
g_want_products() {
	python3 -c '
import csv, json, sys
from decimal import Decimal
day = sys.argv[2]
out = []
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")):
    if r["aanbieder_agb"] == "77100008" and r["productcode"] == "00007":
        r.update(productcategorie="45", omschrijving="Product 7, nu met \"nieuwe\" tekst", tarief="61,25", pgb_tarief="")  # changed above
    if not (r["geldig_van"] <= day and (not r["geldig_tot"] or r["geldig_tot"] > day) and all(eval(f) for f in sys.argv[3:])):
        continue
    out.append({k: (v or None) for k, v in r.items()})
    out[-1]["tarief"] = str(Decimal(r["tarief"].replace(",", ".")).quantize(Decimal("0.01")))
print(json.dumps(out))' "$STATE/g-producten.csv" "$@"
}
# g_same_products WANT: the answer (200) lists exactly the products of WANT, in order, with every field
g_same_products() {
	g_eval "$BODY" '
assert a[1] == "200", "status %s" % a[1]
want = json.loads(a[0])
got = dec(raw).get("producten")
assert isinstance(got, list), "producten %r" % got
for g in got:
    g["tarief"] = str(g["tarief"].quantize(Decimal("0.01")))
keys = lambda l: [(x["aanbieder_agb"], x["gemeente"], x["productcode"], x["geldig_van"]) for x in l]
assert keys(got) == keys(want), "%d products %r..., want %d %r..." % (len(got), keys(got)[:3], len(want), keys(want)[:3])
assert got == want, "first difference: %r" % (next((g, w) for g, w in zip(got, want) if g != w),)' "$1" "$STATUS" || true
}
G_P7=$(g_want_products 2026-06-01 'r["aanbieder_agb"] == "77100007"')
g_get "$G_HA" "/api/v1/producten?aanbieder=77100007&datum=2026-06-01&limit=500"
z_verdict "GET /api/v1/producten?aanbieder=77100007&datum=2026-06-01: exactly that provider's $(p_calc 'print(len(json.loads(a[0])))' "$G_P7") products valid then, each as in the file" \
	"$(g_same_products "$G_P7")"
check "and the answer says the date and that there is no next page" test "$(p_json "['datum'], d['volgende']")" = "2026-06-01 None"
# g_all_pages QUERY LIMIT: GET /api/v1/producten?QUERY page by page; BODY
# becomes {"producten": [all of them]}, G_PAGES the number of pages, G_WHY
# what went wrong
g_all_pages() {
	local cursor="" seen="[]"
	G_PAGES=0 G_WHY=""
	while :; do
		g_get "$G_HA" "/api/v1/producten?$1&limit=$2${cursor:+&cursor=$cursor}"
		[ "$STATUS" = 200 ] || { G_WHY="page $((G_PAGES + 1)): $(z_answer)"; break; }
		G_PAGES=$((G_PAGES + 1))
		seen=$(p_eval "$BODY" 'print(json.dumps(json.loads(a[0]) + d["producten"]))' "$seen")
		cursor=$(p_eval "$BODY" 'print(d["volgende"] or "")')
		if [ -z "$cursor" ] || [ "$G_PAGES" -ge 100 ]; then break; fi
	done
	BODY="{\"producten\": $seen}" STATUS=200
}
g_all_pages "aanbieder=77100007&datum=2026-06-01" 37
z_verdict "paging through them 37 at a time with cursor ($G_PAGES pages): every product once, none lost, in the same order" \
	"$G_WHY$(g_same_products "$G_P7")$(p_calc 'n = len(json.loads(a[0])); assert int(a[1]) == -(-n // 37), "%s pages for %d products" % (a[1], n)' "$G_P7" "$G_PAGES" || true)"
g_get "$G_HA" "/api/v1/producten?aanbieder=77100007&categorie=45&datum=2026-06-01&limit=500"
z_verdict "categorie=45 and aanbieder: only that provider's products of category 45" \
	"$(g_same_products "$(g_want_products 2026-06-01 'r["aanbieder_agb"] == "77100007"' 'r["productcategorie"] == "45"')")"
g_get "$G_HA" "/api/v1/producten?aanbieder=77100007&gemeente=$G_GEM&datum=2026-06-01&limit=500"
z_verdict "gemeente=0855: the provider's products of 0855 and of the whole region, none of 0796" \
	"$(g_same_products "$(g_want_products 2026-06-01 'r["aanbieder_agb"] == "77100007"' 'r["gemeente"] in ("0855", "")')")"
g_get "$G_HA" "/api/v1/producten?aanbieder=77100007&datum=2027-06-01&limit=500"
z_verdict "datum=2027-06-01: only the products without a geldig_tot of 2027-01-01" \
	"$(g_same_products "$(g_want_products 2027-06-01 'r["aanbieder_agb"] == "77100007"')")"
g_get "$G_HA" "/api/v1/producten?aanbieder=77100007&datum=2025-12-31"
check "datum=2025-12-31, before any of them: no products" test "$STATUS:$(p_json "['producten'], d['volgende']")" = "200:[] None"
g_all_pages "categorie=33&gemeente=$G_GEM2&datum=2026-06-01" 500
z_verdict "categorie=33 and gemeente=0796 over all providers, paged by 500 ($G_PAGES pages)" \
	"$G_WHY$(g_same_products "$(g_want_products 2026-06-01 'r["aanbieder_agb"].startswith("7710")' 'r["productcategorie"] == "33"' 'r["gemeente"] in ("0796", "")')")"
g_get "$G_HA" "/api/v1/producten?limit=500&datum=2026-06-01"
check "without filters, limit=500: 500 products and a next page" test "$STATUS:$(p_eval "$BODY" 'print(len(d["producten"]), bool(d["volgende"]))')" = "200:500 True"
g_get "$G_HA" "/api/v1/producten?aanbieder=$G_AGB&datum=2026-06-01"
g_py "as of 2026-06-01: product ASOF1 of the small file at €40, valid until 2027-01-01 (one row)" '
x = [p for p in dec(raw)["producten"] if p["productcode"] == "ASOF1"]
assert [(p["tarief"], p["geldig_van"], p["geldig_tot"], p["pgb_tarief"]) for p in x] == [(ex("40"), "2026-01-01", "2027-01-01", "individuele_begeleiding_licht")], x'
g_get "$G_HA" "/api/v1/producten?aanbieder=$G_AGB&datum=2027-06-01"
g_py "as of 2027-06-01: product ASOF1 at €42, the row from 2027-01-01" '
x = [p for p in dec(raw)["producten"] if p["productcode"] == "ASOF1"]
assert [(p["tarief"], p["geldig_van"], p["geldig_tot"]) for p in x] == [(ex("42"), "2027-01-01", None)], x'
# A productenboek product pays at most its own price and the bijlage's maximum
# (4.4.1 sub d): ASOF1 costs €40 in 2026, below the €45 of individuele begeleiding licht.
g_calc "a PGB for product ASOF1 in 2026: its natura price €40 (below the bijlage's €45): 48 × 40 = €1.920" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief=None, product={'aanbieder_agb': '$G_AGB', 'productcode': 'ASOF1'})]")" \
	'[["40", "40", "48", "48 * 40", "art. 4.4.1 sub d"]]'
# The beschikking's productcategorie binds as well as the product's: 47 is jeugdreclassering (4.2.4 sub h).
g_refuse "a PGB for product ASOF1 as productcategorie 47: 422 at regels[0].productcategorie naming 4.2.4 sub h" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief=None, product={'aanbieder_agb': '$G_AGB', 'productcode': 'ASOF1'}, productcategorie='47')]")" \
	"regels[0].productcategorie" "4.2.4 sub h"
g_get "$G_HA" "/api/v1/producten?aanbieder=$G_AGB"
g_py "without datum: today's products (datum is today in Europe/Amsterdam)" '
assert d.get("datum") == now().isoformat(), d.get("datum")
want = {"ASOF1", "IBM01", "GGZ01", "GGZ02", "GGZ03"}
assert {p["productcode"] for p in d["producten"]} == want and len(d["producten"]) == 5, [p["productcode"] for p in d["producten"]]'
for g_role in ouder jeugdige gi aanbieder beheerder; do
	case $g_role in
	ouder) g_tok=$G_OUDER ;; jeugdige) g_tok=$G_JEUGDIGE ;; gi) g_tok=$G_GI ;; aanbieder) g_tok=$G_AANB ;;
	beheerder) g_tok=$(token -r beheerder -c gemeente=$G_GEM -s g-beheerder) ;;
	esac
	g_get "$g_tok" "/api/v1/producten?aanbieder=$G_AGB&categorie=54"
	check "the $g_role reads the productenboek too (no personal data): 200, the three jeugd-ggz products" \
		test "$STATUS:$(p_eval "$BODY" 'print(len(d["producten"]))')" = "200:3"
done
for g_case in categorie=99 categorie=4 aanbieder=1234567 aanbieder=1234567a aanbieder=123456789 gemeente=9999 gemeente=855 \
	datum=2026-13-01 datum=01-06-2026 limit=0 limit=501 limit=abc limit=-1 limit=1000 cursor=abc cursor=-5 cursor=1234567890123456789 cursor=; do
	g_get "$G_HA" "/api/v1/producten?$g_case"
	z_verdict "GET /api/v1/producten?$g_case: 400 problem naming ${g_case%%=*}" "$(p_problem_why 400 "${g_case%%=*}")"
done
request GET /api/v1/producten
z_verdict "GET /api/v1/producten without a token: 401 problem" "$(p_problem_why 401)"

# ---------------------------------------------------------------- a PGB on a product of the productenboek
G_PROD="tarief=None, product={'aanbieder_agb': '$G_AGB', 'productcode': 'ASOF1'}"
# ASOF1 (individuele begeleiding at the zorgboerderij, pgb_tarief individuele_begeleiding_licht) costs €40,- in
# natura in 2026: below the bijlage's €45, so 4.4.1 sub d caps at €40: 48 × 40 = 1920.00
g_calc "a PGB for product ASOF1 in 2026: its natura price €40 is the cap (sub d): 48 × €40 = €1.920" "$G_HA" \
	"$(g_body "d['regels'] = [L($G_PROD)]")" '[["40", "40", "48", "48 * 40", "art. 4.4.1 sub d"]]'
check "the line names the product, its omschrijving and the tariff row it corresponds to" g_eval "$BODY" '
x = d["regels"][0]
assert (x["product"], x["omschrijving"], x["tarief"], x["eenheid"]) == ({"aanbieder_agb": "77200001", "productcode": "ASOF1"}, "Individuele begeleiding op de boerderij", "individuele_begeleiding_licht", "uur"), x'
# ... and €42,- from 2027: 48 × 42 = 2016.00
g_calc "the same product in 2027: the 2027 row's €42: 48 × €42 = €2.016" "$G_HA" \
	"$(g_body "d['regels'] = [L($G_PROD, ingangsdatum='2027-01-04', einddatum='2027-03-28')]")" '[["42", "42", "48", "48 * 42", "art. 4.4.1 sub d"]]'
g_calc "informal help on product ASOF1 by a 40-year-old: €20 per uur (sub f): 48 × 20 = €960" "$G_HA" \
	"$(g_body "d['regels'] = [L($G_PROD, hulp='informeel', leeftijd_hulpverlener=40)]")" '[["20", "20", "48", "48 * 20", "art. 4.4.1 sub f"]]'
# GGZ01: ambulante jeugd-ggz, €95,50 per uur in natura (no pgb_tarief row): 48 × 95.50 = 4584.00
g_calc "a PGB for product GGZ01 (no tariff row): its natura price €95,50 per uur: 48 × 95.50 = €4.584" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief=None, product={'aanbieder_agb': '$G_AGB', 'productcode': 'GGZ01'})]")" \
	'[["95.50", "95.50", "48", "48 * 95.50", "art. 4.4.1 sub d"]]'
# GGZ02 is offered in 0796 only: €97,- per uur there: 48 × 97 = 4656.00
g_calc "product GGZ02 of 0796, computed for gemeente 0796: €97 per uur, €4.656" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief=None, product={'aanbieder_agb': '$G_AGB', 'productcode': 'GGZ02'})]" "d['gemeente'] = '$G_GEM2'")" \
	'[["97", "97", "48", "48 * 97", "art. 4.4.1 sub d"]]'
g_refuse "product GGZ02 of 0796, computed for gemeente 0855: 422 at regels[0].product (not offered there)" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief=None, product={'aanbieder_agb': '$G_AGB', 'productcode': 'GGZ02'})]" "d['gemeente'] = '$G_GEM'")" "regels[0].product"
g_refuse "a product the productenboek does not have: 422 at regels[0].product" "$G_HA" \
	"$(g_body "d['regels'] = [L(tarief=None, product={'aanbieder_agb': '$G_AGB', 'productcode': 'NIETS'})]")" "regels[0].product"
g_refuse "product ASOF1 before it is offered (2025): 422 at regels[0].product naming the date" "$G_HA" \
	"$(g_body "d['regels'] = [L($G_PROD, ingangsdatum='2025-06-02', einddatum='2025-06-29')]")" "regels[0].product" "2025-06-02"
# LOG01 (0855): logeeropvang at €38,- per etmaal in natura; with €70 hulpverlening 38 + 70 = 108 > 100: €100 (sub g)
g_calc "logeeropvang product LOG01 of 0855 (€38 per etmaal) with €70 hulpverlening: 108 is capped at €100 (sub g); 10 etmalen €1.000" "$G_CJG" \
	"$(g_body "d['regels'] = [L(tarief=None, product={'aanbieder_agb': '77200002', 'productcode': 'LOG01'}, eenheid='etmaal', per='totaal', volume=10, hulpverlening_per_etmaal=70)]")" \
	'[["100", "100", "10", "10 * 100", "art. 4.4.1 sub g"]]'
# ... and without: 10 × 38 = 380.00
g_calc "LOG01 without hulpverlening: 10 × €38 = €380 (sub d)" "$G_CJG" \
	"$(g_body "d['regels'] = [L(tarief=None, product={'aanbieder_agb': '77200002', 'productcode': 'LOG01'}, eenheid='etmaal', per='totaal', volume=10)]")" \
	'[["38", "38", "10", "10 * 38", "art. 4.4.1 sub d"]]'

# ---------------------------------------------------------------- a beschikking with a PGB
g_act() { g_post "/api/v1/zaken/$2/acties/$3" "$1" "$4"; } # g_act TOKEN ID ACTIE CONTENT
# g_create NAME TOKEN PATH JEUGDIGE GEZAGHEBBENDE GEMEENTE [PYTHON...]: a
# create that must answer 201; G_ID is the zaak (P_NOID when it failed)
g_create() {
	local name=$1 tok=$2 path=$3; shift 3
	r_post "$path" "$tok" "$(r_body "$@")"
	r_created "$name"
	G_ID=${R_LAST:-$P_NOID}
}
# g_product [PYTHON...]: a product of a beschikking, changed by PYTHON on p:
# a formal PGB for individuele begeleiding medium, 3 uur per week (WJ756 04,
# WMO757 2) from G_ING to G_EIND, with the motivations of 4.2.1
g_product() {
	g_calcpy '
p = {"omschrijving": "Individuele begeleiding medium", "productcategorie": "45", "aanbieder_agb": a[0], "productcode": "IBM01",
     "vorm": "pgb", "ingangsdatum": a[1], "einddatum": a[2], "omvang": {"volume": 3, "eenheid": "04", "frequentie": "2"},
     "pgb": {"tarief": "individuele_begeleiding_medium", "hulp": "formeel", "motivering": {
         "aanbod_niet_passend": "Het gecontracteerde aanbod heeft geen plek na schooltijd.",
         "wens_pgb": "De ouders willen zelf de begeleider kiezen die Noor al kent.",
         "kwaliteit": "De begeleider is SKJ-geregistreerd; het plan beschrijft de doelen."}}}
for s in a[3:]:
    exec(s)
print(json.dumps(p, ensure_ascii=False))' "$G_AGB" "$G_ING" "$G_EIND" "$@"
}
g_beschikking() { # g_beschikking BESLUIT PRODUCT-JSON...: the content of beschikken
	local besluit=$1 list; shift
	list=$(IFS=,; echo "$*")
	printf '{"besluit": "%s", "producten": [%s], "grondslag": "Jeugdwet art. 8.1.1; Nadere regels hoofdstuk 4", "motivering": "De ouders kiezen voor een pgb; het plan motiveert dat."}' "$besluit" "$list"
}
# g_snap ID: what a refused beschikken must leave as it was: the zaak's
# status, history and deadlines, and every toewijzing and declaration
g_snap() {
	z_psql_super "SELECT z.status || '|' || (SELECT count(*) FROM zaak_status s WHERE s.zaak_id = z.id) || '|' ||
		coalesce((SELECT string_agg(t.naam || '=' || t.datum, ',') FROM zaak_termijn t WHERE t.zaak_id = z.id), '') || '|' ||
		(SELECT count(*) FROM toewijzing) || '|' || (SELECT count(*) FROM pgb_declaratie) FROM zaak z WHERE z.id = '$1'"
}
# g_refused NAME TOKEN ID CONTENT PARAM [WORD...]: beschikken is refused
# with 422 naming PARAM (its reason holding each WORD); nothing changed
g_refused() {
	local name=$1 tok=$2 id=$3 body=$4 param=$5 before why; shift 5
	before=$(g_snap "$id")
	g_act "$tok" "$id" beschikken "$body"
	why=$(p_problem_why 422 "$param")
	[ -n "$why" ] || why=$(g_why_named "$param" "$@")
	[ "$before" = "$(g_snap "$id")" ] || why+=" something changed: $before -> $(g_snap "$id")"
	z_verdict "$name" "$why"
}
g_named_body() { # g_named_body J G GEMEENTE GEBOORTEDATUM [PYTHON...]: names of our own, for the privacy checks
	local j=$1 g=$2 gem=$3 born=$4; shift 4
	r_body "$j" "$g" "$gem" "d['jeugdige'].update(naam='Noor van Dijk', geboortedatum='$born')" "d['gezaghebbenden'][0]['naam'] = 'Sanne van Dijk'" "$@"
}
G_BORN8=$(g_calcpy 'print(years_ago(8))')
r_post /api/v1/verwijzingen "$G_HA" "$(g_named_body "$G_J1" "$G_G1" $G_GEM "$G_BORN8")"
r_created "a verwijzing of a family in 0855 (a child born on $G_BORN8): 201"
G_Z1=${R_LAST:-$P_NOID}
g_py "the zaak shows the gebruikelijke hulp of the jeugdige's age band: 8 years, 'Kinderen van 5 tot 12 jaar' (Bijlage Gebruikelijke hulp)" '
g = d.get("gebruikelijke_hulp") or {}
assert (g.get("leeftijd"), g.get("omschrijving")) == (8, "Kinderen van 5 tot 12 jaar"), "gebruikelijke_hulp %r" % g
r = g.get("richtlijn") or []
assert len(r) == 7 and r[0] == "hebben een reguliere dagbesteding op school, oplopend van 22 tot 25 uur per week", "richtlijn %r" % r
assert any("toezicht nodig en nog maar weinig hulp bij hun persoonlijke verzorging" in x for x in r), r'
g_act "$G_CJG" "$G_Z1" ontvangst_bevestigen '{"wijze": "brief"}'
z_verdict "the cjg of 0855 confirms receipt: 200, ontvangst_bevestigd (beschikken is allowed after a verwijzing)" \
	"$([ "$STATUS:$(p_json "['status']"):$(p_eval "$BODY" 'print("beschikken" in d.get("acties_toegestaan", []))')" = 200:ontvangst_bevestigd:True ] || z_answer)"

G_MOT_ZONDER='del p["pgb"]["motivering"]'
g_refused "a PGB without any motivation: 422 naming producten[0].pgb.motivering.aanbod_niet_passend, wens_pgb and kwaliteit (art. 4.2.1 sub a, b, c), nothing changed" \
	"$G_CJG" "$G_Z1" "$(g_beschikking toegekend "$(g_product "$G_MOT_ZONDER")")" "producten[0].pgb.motivering.aanbod_niet_passend" "art. 4.2.1 sub a"
check "and the reasons for wens_pgb and kwaliteit name 4.2.1 sub b and sub c; informele_hulp is not asked for formal help" g_eval "$BODY" '
assert any("art. 4.2.1 sub b" in r for r in reasons("producten[0].pgb.motivering.wens_pgb")), d
assert any("art. 4.2.1 sub c" in r for r in reasons("producten[0].pgb.motivering.kwaliteit")), d
assert not reasons("producten[0].pgb.motivering.informele_hulp"), d'
g_refused "a PGB motivating only wens_pgb: 422 naming producten[0].pgb.motivering.kwaliteit (art. 4.2.1 sub c)" \
	"$G_CJG" "$G_Z1" "$(g_beschikking toegekend "$(g_product 'p["pgb"]["motivering"] = {"wens_pgb": "Zelf kiezen."}')")" \
	"producten[0].pgb.motivering.kwaliteit" "art. 4.2.1 sub c"
g_refused "informal help without motivering.informele_hulp: 422 naming it (art. 4.3.1 sub a)" \
	"$G_CJG" "$G_Z1" "$(g_beschikking toegekend "$(g_product 'p["pgb"].update(hulp="informeel", leeftijd_hulpverlener=40)')")" \
	"producten[0].pgb.motivering.informele_hulp" "art. 4.3.1 sub a"
g_refused "vorm pgb without a pgb member: 422 naming producten[0].pgb" \
	"$G_CJG" "$G_Z1" "$(g_beschikking toegekend "$(g_product 'del p["pgb"]')")" "producten[0].pgb"
g_refused "a PGB without omvang: 422 naming producten[0].omvang" \
	"$G_CJG" "$G_Z1" "$(g_beschikking toegekend "$(g_product 'del p["omvang"]')")" "producten[0].omvang"
g_refused "a PGB naming neither pgb.tarief nor a productcode: 422 naming producten[0].pgb.tarief" \
	"$G_CJG" "$G_Z1" "$(g_beschikking toegekend "$(g_product 'del p["pgb"]["tarief"]' 'del p["productcode"]')")" "producten[0].pgb.tarief"
g_refused "a PGB for productcategorie 47 (jeugdreclassering): 422 at producten[0].vorm naming 4.2.4 sub h" \
	"$G_CJG" "$G_Z1" "$(g_beschikking toegekend "$(g_product 'p["productcategorie"] = "47"')")" "producten[0].vorm" "4.2.4 sub h" jeugdreclassering
g_refused "a PGB at the tariff row reguliere_jr: 422 at producten[0].pgb.tarief naming 4.2.4 sub h" \
	"$G_CJG" "$G_Z1" "$(g_beschikking toegekend "$(g_product 'p["pgb"]["tarief"] = "reguliere_jr"' 'p["omvang"]["frequentie"] = "6"')")" \
	"producten[0].pgb.tarief" "4.2.4 sub h"
g_refused "informal help for behandeling (N.v.t.): 422 at producten[0].pgb.hulp" \
	"$G_CJG" "$G_Z1" "$(g_beschikking toegekend "$(g_product 'p["pgb"].update(tarief="behandeling_medium", hulp="informeel", leeftijd_hulpverlener=40)' 'p["pgb"]["motivering"]["informele_hulp"] = "Oma."')")" \
	"producten[0].pgb.hulp" "N.v.t."
g_refused "informal individuele begeleiding of 41 uur per week: 422 at producten[0].omvang.volume naming the 40 uur per week" \
	"$G_CJG" "$G_Z1" "$(g_beschikking toegekend "$(g_product 'p["pgb"].update(hulp="informeel", leeftijd_hulpverlener=40)' 'p["pgb"]["motivering"]["informele_hulp"] = "Oma."' 'p["omvang"]["volume"] = 41')")" \
	"producten[0].omvang.volume" "40 uur per week"
g_refused "an informal helper living elsewhere with a VOG older than 3 months: 422 at producten[0].pgb.vog_datum naming art. 4.3.3" \
	"$G_CJG" "$G_Z1" "$(g_beschikking toegekend "$(g_product "p['pgb'].update(hulp='informeel', leeftijd_hulpverlener=40, woont_elders=True, vog_datum='$G_VOG_OLD')" 'p["pgb"]["motivering"]["informele_hulp"] = "Oma."')")" \
	"producten[0].pgb.vog_datum" "art. 4.3.3"
g_refused "a tarief_gevraagd of €74,50 above the €74 of individuele begeleiding medium: 422 at producten[0].pgb.tarief_gevraagd naming 74.00" \
	"$G_CJG" "$G_Z1" "$(g_beschikking toegekend "$(g_product 'p["pgb"]["tarief_gevraagd"] = 74.5')")" "producten[0].pgb.tarief_gevraagd" "74.00"
g_refused "omvang in etmalen (WJ756 14) for individuele begeleiding (per uur): 422 at producten[0].omvang.eenheid" \
	"$G_CJG" "$G_Z1" "$(g_beschikking toegekend "$(g_product 'p["omvang"]["eenheid"] = "14"')")" "producten[0].omvang.eenheid"
g_refused "an unknown member in pgb: 422 naming producten[0].pgb.kleur" \
	"$G_CJG" "$G_Z1" "$(g_beschikking toegekend "$(g_product 'p["pgb"]["kleur"] = "blauw"')")" "producten[0].pgb.kleur"
g_refused "a natura product, then a PGB refused by 4.2.4 sub h: 422 naming producten[1].vorm only" \
	"$G_CJG" "$G_Z1" "$(g_beschikking toegekend "$(g_product 'p.update(vorm="natura", productcode="GGZ01", productcategorie="54")' 'del p["pgb"]')" "$(g_product 'p["productcategorie"] = "48"')")" \
	"producten[1].vorm" "4.2.4 sub h"
check "only producten[1].vorm is named" g_eval "$BODY" '
assert [e["name"] for e in d["invalid-params"]] == ["producten[1].vorm"], d["invalid-params"]'

# The grant: four products.
#  0: formal PGB, individuele begeleiding medium: €74,- per uur (bijlage); 3 uur/week × 12 weken = 36 uur; 36 × 74 = 2664.00 (sub d)
#  1: informal PGB, individuele begeleiding licht, a helper of 40 living elsewhere with a recent VOG:
#     max. €20,- per uur (sub f); 2 uur/week × 12 = 24 uur; 24 × 20 = 480.00
#  2: natura, ambulante jeugd-ggz (GGZ01): no budget
#  3: formal PGB on product ASOF1 (no pgb.tarief): its natura price as of the ingangsdatum caps it (sub d):
#     €40,- in 2026 (€42,- from 2027); 1 uur/week × 12 = 12 uur
G_P0=$(g_product)
G_P1=$(g_product "p.update(omschrijving='Individuele begeleiding door de buurvrouw', productcode='ASOF1')" \
	"p['pgb'].update(tarief='individuele_begeleiding_licht', hulp='informeel', leeftijd_hulpverlener=40, woont_elders=True, vog_datum='$G_VOG_RECENT')" \
	'p["pgb"]["motivering"]["informele_hulp"] = "De buurvrouw kent Noor al jaren."' 'p["omvang"]["volume"] = 2')
G_P2=$(g_product "p.update(omschrijving='Ambulante jeugd-ggz', productcategorie='54', productcode='GGZ01', vorm='natura', einddatum='$G_EIND_NATURA')" \
	'p["omvang"]["volume"] = 1' 'del p["pgb"]')
G_P3=$(g_product "p.update(omschrijving='Begeleiding op de zorgboerderij', productcode='ASOF1')" 'del p["pgb"]["tarief"]' 'p["omvang"]["volume"] = 1')
G_ASOF1=$(g_calcpy 'print("40" if a[0] < "2027-01-01" else "42")' "$G_ING")
g_act "$G_CJG" "$G_Z1" beschikken "$(g_beschikking toegekend "$G_P0" "$G_P1" "$G_P2" "$G_P3")"
z_verdict "the cjg grants the four products (three as PGB): 200, toegekend" "$([ "$STATUS:$(p_json "['status']")" = 200:toegekend ] || z_answer)"
G_GRANT=$BODY
g_py "the toewijzingen carry the calculated PGB: max_tarief, tarief_per_eenheid, eenheden, bedrag and regel, and budget = bedrag, as computed by hand" '
t = dec(raw).get("toewijzingen") or []
assert len(t) == 4, "toewijzingen %r" % t
want = [("74", "74", "3 * 12", "3 * 12 * 74", "art. 4.4.1 sub d", "formeel"),
        ("20", "20", "2 * 12", "2 * 12 * 20", "art. 4.4.1 sub f", "informeel"),
        None,
        (a[0], a[0], "1 * 12", "1 * 12 * " + a[0], "art. 4.4.1 sub d", "formeel")]
for k, (x, w) in enumerate(zip(t, want)):
    if w is None:
        assert x.get("vorm") == "natura" and x.get("pgb") is None and x.get("budget") is None, "natura %r" % x
        continue
    p = x.get("pgb") or {}
    g = [p.get(m) for m in ("max_tarief", "tarief_per_eenheid", "eenheden", "bedrag")]
    e = [ex(v) for v in w[:4]]
    assert x.get("vorm") == "pgb" and g == e and p.get("regel") == w[4] and p.get("hulp") == w[5] and p.get("eenheid") == "uur", \
        "toewijzing %d: %r %r, want %r %r" % (k, g, p.get("regel"), e, w[4])
    assert x.get("budget") == e[3], "toewijzing %d: budget %r, want %r" % (k, x.get("budget"), e[3])' "$G_ASOF1"
g_py "the toewijzingen keep the products as decided: productcode, aanbieder, omvang, dates; the product-based PGB names ASOF1" '
t, sent = d["toewijzingen"], [json.loads(x) for x in a]
for x, s in zip(t, sent):
    for k in ("omschrijving", "productcategorie", "aanbieder_agb", "productcode", "vorm", "ingangsdatum", "einddatum", "omvang"):
        assert x.get(k) == s.get(k), "%s: %r, sent %r" % (k, x.get(k), s.get(k))
assert t[3]["pgb"].get("product") == {"aanbieder_agb": "77200001", "productcode": "ASOF1"} and t[3]["pgb"].get("tarief") == "individuele_begeleiding_licht", t[3]["pgb"]' \
	"$G_P0" "$G_P1" "$G_P2" "$G_P3"
g_py "termijnen: only pgb_besteding (art. 4.2.4 sub i), 6 months after today, moved off a weekend or feestdag (Algemene termijnenwet)" '
want = werkdag(add_months(now(), 6))
assert d.get("termijnen") == {"pgb_besteding": want.isoformat()}, "termijnen %r, want pgb_besteding %s" % (d.get("termijnen"), want)'
check "stored in the database: the toewijzingen's budgets 2664.00, 480.00, none (natura), 12 × the ASOF1 rate" test \
	"$(z_psql_super "SELECT string_agg(coalesce(budget::text, '-'), ' ' ORDER BY nummer) FROM toewijzing WHERE zaak_id = '$G_Z1'")" \
	= "$(g_calcpy 'c = lambda e: str(ex(e).quantize(Decimal("0.01")))
print(c("3 * 12 * 74"), c("2 * 12 * 20"), "-", c("1 * 12 * " + a[0]))' "$G_ASOF1")"
read -r G_NR0 G_NR1 G_NR2 G_NR3 < <(p_eval "$G_GRANT" 'print(*[x["nummer"] for x in d["toewijzingen"]])')
# The calculator gives the same lines: the one calculation (4.4.1) for both.
g_berekening "$G_HA" "$(g_calcpy '
r = {"hulp": "formeel", "per": "week", "eenheid": "uur", "ingangsdatum": a[0], "einddatum": a[1]}
lines = [dict(r, tarief="individuele_begeleiding_medium", productcategorie="45", volume=3),
         dict(r, tarief="individuele_begeleiding_licht", productcategorie="45", hulp="informeel", leeftijd_hulpverlener=40, woont_elders=True, vog_datum=a[2], volume=2),
         dict(r, product={"aanbieder_agb": "77200001", "productcode": "ASOF1"}, productcategorie="45", volume=1)]
print(json.dumps({"gemeente": "0855", "regels": lines}))' "$G_ING" "$G_EIND" "$G_VOG_RECENT")"
check "POST /pgb/berekening for the same three PGB lines answers exactly the lines stored with the toewijzingen (but i)" g_eval "$BODY" '
got = [{k: v for k, v in x.items() if k != "i"} for x in d["regels"]]
t = json.loads(a[0])["toewijzingen"]
stored = [{k: v for k, v in x["pgb"].items() if k != "i"} for x in (t[0], t[1], t[3])]
assert got == stored, "berekening %r\nstored %r" % (got, stored)' "$G_GRANT"
z_get "$G_OUDER" "$G_Z1"
g_py "the parent reads the zaak: the PGB toewijzingen with their budget and the pgb_besteding deadline" '
t = d.get("toewijzingen") or []
assert [x.get("budget") is not None for x in t] == [True, True, False, True] and "pgb_besteding" in d.get("termijnen", {}), d'
z_get "$G_AANB" "$G_Z1"
check "the provider named in the toewijzingen ($G_AGB) reads the zaak" test "$STATUS:$(p_json "['id']")" = "200:$G_Z1"

r_post /api/v1/verwijzingen "$G_HA" "$(g_named_body "$G_J2" "$G_G2" $G_GEM2 "$G_BORN8")"
r_created "a verwijzing of a family in 0796: 201"
G_Z2=${R_LAST:-$P_NOID}
g_act "$G_CJG2" "$G_Z2" ontvangst_bevestigen '{"wijze": "brief"}'
g_act "$G_CJG2" "$G_Z2" beschikken "$(g_beschikking toegekend "$G_P2")"
g_py "a natura grant (0796, GGZ01): toegekend, no budget, and no pgb_besteding: termijnen {}" '
assert d.get("status") == "toegekend", d.get("status")
t = d.get("toewijzingen") or []
assert len(t) == 1 and t[0]["vorm"] == "natura" and t[0]["pgb"] is None and t[0]["budget"] is None, t
assert d.get("termijnen") == {}, "termijnen %r" % d.get("termijnen")'
G_Z2_NR=$(p_eval "$BODY" 'print(d["toewijzingen"][0]["nummer"])')
r_post /api/v1/verwijzingen "$G_HA" "$(g_named_body "$G_J3" "$G_G3" $G_GEM "$G_BORN8")"
r_created "a second verwijzing in 0855: 201"
G_Z3=${R_LAST:-$P_NOID}
g_act "$G_CJG" "$G_Z3" ontvangst_bevestigen '{"wijze": "brief"}'
g_act "$G_CJG" "$G_Z3" beschikken "$(g_beschikking gedeeltelijk_toegekend "$G_P2" "$G_P2")"
check "it is partly granted with GGZ01 twice (two toewijzingen, natura, termijnen {})" test \
	"$STATUS:$(p_eval "$BODY" 'print(d["status"], len(d["toewijzingen"]), d["termijnen"])')" = "200:gedeeltelijk_toegekend 2 {}"

# Gedwongen kader: a mandaat is decided from receipt on; 4.2.4 sub h by maatregel.
r_post /api/v1/mandaten "$G_GI" "$(g_named_body "$G_J4" "$G_G4" $G_GEM "$G_BORN8" "d.update(maatregel='jeugdreclassering', uitspraakdatum='$G_ING', kenmerk='G/JR/1')")"
r_created "a mandaat jeugdreclassering in 0855: 201"
G_ZJR=${R_LAST:-$P_NOID}
g_refused "a PGB (otherwise complete) on the mandaat jeugdreclassering: 422 at producten[0].vorm naming 4.2.4 sub h and jeugdreclassering, nothing changed" \
	"$G_CJG" "$G_ZJR" "$(g_beschikking toegekend "$G_P0")" "producten[0].vorm" "4.2.4 sub h" jeugdreclassering
r_post /api/v1/mandaten "$G_GI" "$(g_named_body "$G_J8" "$G_G8" $G_GEM "$G_BORN8" "d.update(maatregel='overig', uitspraakdatum='$G_ING', kenmerk='G/OV/1')")"
r_created "a mandaat overig in 0855: 201"
G_ZOV=${R_LAST:-$P_NOID}
# Dagbesteding zwaar: €22,25 per uur (bijlage); 10 uur per week (WMO757 2) × 12 weken = 120 uur; 120 × 22.25 = 2670.00
g_act "$G_CJG" "$G_ZOV" beschikken "$(g_beschikking toegekend "$(g_product "p.update(omschrijving='Dagbesteding zwaar', productcategorie='33', productcode='DB1')" \
	'p["pgb"]["tarief"] = "dagbesteding_zwaar"' 'p["omvang"]["volume"] = 10')")"
g_py "the mandaat overig is granted straight from ontvangen with a PGB for dagbesteding zwaar: 120 × €22,25 = €2.670; pgb_besteding set" '
assert d.get("status") == "toegekend", d.get("status")
t = dec(raw)["toewijzingen"]
assert len(t) == 1 and (t[0]["pgb"]["tarief_per_eenheid"], t[0]["pgb"]["eenheden"], t[0]["budget"]) == (ex("22.25"), ex("10 * 12"), ex("10 * 12 * 22.25")), t
assert d.get("termijnen") == {"pgb_besteding": werkdag(add_months(now(), 6)).isoformat()}, d.get("termijnen")'

# ---------------------------------------------------------------- declarations against the PGB (4.4.5)
# Toewijzing G_NR0: individuele begeleiding medium, formal, 36 uur at €74,-, from G_ING (four weeks ago).
g_declare() { g_post "/api/v1/zaken/$2/declaraties" "$1" "$3"; } # g_declare TOKEN ID BODY
# g_decl [PYTHON...]: a declaration against G_NR0 of 3 uur on day 28 (today)
# at €74 by the provider, changed by PYTHON on b; day(k) is G_ING + k days
g_decl() {
	g_calcpy '
b = {"toewijzing": int(a[0]), "bsn": a[1], "aanbieder": {"naam": "Zorgboerderij De Linde", "kvk": "12345678", "adres": "Lindelaan 1, 5038 AA Tilburg"},
     "geleverd_door": "Fatma Yilmaz", "dagen": [{"datum": (dt(a[2]) + 28 * DAY).isoformat(), "eenheden": 3}], "tarief": 74, "eenheid": "uur", "ondertekend": True}
def day(k):
    return (dt(a[2]) + k * DAY).isoformat()
tomorrow = (now() + DAY).isoformat()
for s in a[3:]:
    exec(s)
print(json.dumps(b, ensure_ascii=False))' "$G_NR0" "$G_J1" "$G_ING" "$@"
}
g_decl_count() { z_psql_super "SELECT count(*) || ' ' || coalesce(sum(eenheden), 0) FROM pgb_declaratie"; }
# g_decl_refused NAME CODE TOKEN ID BODY [PARAM [WORD...]]: refused with
# CODE as problem+json (a 422 naming PARAM, its reason holding each WORD); no declaration stored
g_decl_refused() {
	local name=$1 code=$2 tok=$3 id=$4 body=$5 param=${6:-} before why; shift 5; shift || true
	before=$(g_decl_count)
	g_declare "$tok" "$id" "$body"
	why=$(p_problem_why "$code" ${param:+"$param"})
	[ -n "$why" ] || [ -z "$param" ] || why=$(g_why_named "$param" "$@")
	[ "$before" = "$(g_decl_count)" ] || why+=" declarations stored: $before -> $(g_decl_count)"
	z_verdict "$name" "$why"
}
# g_decl_ok NAME TOKEN ID BODY EENHEDEN BEDRAG GEDECLAREERD TOEGEWEZEN RESTEREND: 201 with these (hand computations)
g_decl_ok() {
	local name=$1 before; shift
	before=$(g_decl_count)
	g_declare "$1" "$2" "$3"
	g_py "$name" '
assert a[0] == "201", "status %s" % a[0]
x = dec(raw)
g = [x.get(k) for k in ("eenheden", "bedrag", "gedeclareerd", "toegewezen", "resterend")]
e = [ex(v) for v in a[1:6]]
assert g == e, "eenheden, bedrag, gedeclareerd, toegewezen, resterend %s, want %s (%s)" % (g, e, a[1:6])
assert x.get("toewijzing") == int(a[6]) and x.get("id"), x
assert a[7] != a[8], "nothing stored"' "$STATUS" "${@:4:5}" "$(p_eval "$3" 'print(d["toewijzing"])')" "$before" "$(g_decl_count)"
}
# 2 days × 3 uur = 6 uur; 6 × €74 = 444.00; 36 - 6 = 30 left
g_decl_ok "the parent declares 2 days of 3 uur at €74 (formal help, kvk, adres, geleverd_door, signed): 201, 6 uur, €444, 30 left" \
	"$G_OUDER" "$G_Z1" "$(g_decl 'b["dagen"] = [{"datum": day(0), "eenheden": 3}, {"datum": day(1), "eenheden": 3}]')" \
	"2 * 3" "2 * 3 * 74" "6" "3 * 12" "3 * 12 - 6"
# at a lower rate: 2 × 3 = 6 uur × €70 = 420.00; 12 declared, 24 left
g_decl_ok "the provider ($G_AGB) declares 6 uur at €70, below the beschikking's rate: 201, €420, 12 declared, 24 left" \
	"$G_AANB" "$G_Z1" "$(g_decl 'b["dagen"] = [{"datum": day(7), "eenheden": 3}, {"datum": day(8), "eenheden": 3}]' 'b["tarief"] = 70')" \
	"2 * 3" "2 * 3 * 70" "6 + 6" "36" "36 - 12"
# 1 day × 3 uur × €74 = 222.00; 15 declared, 21 left
g_decl_ok "the cjg of 0855 declares 3 uur today: 201, €222, 15 declared, 21 left" \
	"$G_CJG" "$G_Z1" "$(g_decl)" "3" "3 * 74" "6 + 6 + 3" "36" "36 - 15"
g_decl_refused "a rate of €74,01 above the beschikking's €74 per uur: 422 at tarief naming 74.00" 422 "$G_OUDER" "$G_Z1" \
	"$(g_decl 'b["tarief"] = 74.01')" tarief "74.00" uur
g_decl_refused "another jeugdige's BSN: 422 at bsn naming 4.4.5" 422 "$G_OUDER" "$G_Z1" "$(g_decl "b['bsn'] = '$G_J2'")" bsn "4.4.5"
g_decl_refused "formal help without kvk: 422 at aanbieder.kvk naming 4.4.5 sub b" 422 "$G_OUDER" "$G_Z1" \
	"$(g_decl 'del b["aanbieder"]["kvk"]')" aanbieder.kvk "4.4.5 sub b" "Kamer van Koophandel"
g_decl_refused "formal help without adres: 422 at aanbieder.adres naming 4.4.5 sub b" 422 "$G_OUDER" "$G_Z1" \
	"$(g_decl 'del b["aanbieder"]["adres"]')" aanbieder.adres "4.4.5 sub b"
g_decl_refused "formal help without geleverd_door: 422 at geleverd_door naming 4.4.5 sub b" 422 "$G_OUDER" "$G_Z1" \
	"$(g_decl 'del b["geleverd_door"]')" geleverd_door "4.4.5 sub b"
g_decl_refused "not signed (ondertekend false): 422 at ondertekend naming 4.4.5" 422 "$G_OUDER" "$G_Z1" \
	"$(g_decl 'b["ondertekend"] = False')" ondertekend "4.4.5"
g_decl_refused "a day tomorrow (within the toewijzing): 422 at dagen, in de toekomst" 422 "$G_OUDER" "$G_Z1" \
	"$(g_decl 'b["dagen"] = [{"datum": tomorrow, "eenheden": 1}]')" dagen "toekomst"
g_decl_refused "a day before the toewijzing's ingangsdatum: 422 at dagen naming its period" 422 "$G_OUDER" "$G_Z1" \
	"$(g_decl 'b["dagen"] = [{"datum": day(-1), "eenheden": 1}]')" dagen "buiten de toewijzing" "$G_ING"
g_decl_refused "the same day twice: 422 at dagen" 422 "$G_OUDER" "$G_Z1" \
	"$(g_decl 'b["dagen"] = [{"datum": day(20), "eenheden": 1}, {"datum": day(20), "eenheden": 1}]')" dagen
g_decl_refused "per etmaal for help granted per uur: 422 at eenheid" 422 "$G_OUDER" "$G_Z1" "$(g_decl 'b["eenheid"] = "etmaal"')" eenheid "per uur"
g_decl_refused "against the natura toewijzing of the zaak: 422 at toewijzing" 422 "$G_OUDER" "$G_Z1" \
	"$(g_decl "b['toewijzing'] = $G_NR2")" toewijzing "geen persoonsgebonden budget"
g_decl_refused "against a toewijzing the zaak does not have: 422 at toewijzing" 422 "$G_OUDER" "$G_Z1" "$(g_decl 'b["toewijzing"] = 99999999')" toewijzing
g_decl_refused "against another zaak's toewijzing: 422 at toewijzing" 422 "$G_OUDER" "$G_Z1" "$(g_decl "b['toewijzing'] = $G_Z2_NR")" toewijzing
g_declare "$G_OUDER" "$G_Z1" "$(g_decl 'b["tarief"] = 80' 'b["ondertekend"] = False' 'del b["geleverd_door"]' 'b["dagen"] = [{"datum": tomorrow, "eenheden": 1}]')"
check "a declaration with four faults: 422 naming tarief, ondertekend, geleverd_door and dagen at once" \
	eval '[ -z "$(p_problem_why 422 tarief ondertekend geleverd_door dagen)" ]'
# 15 declared + 8 days × 3 = 24 > the 36 allotted: refused; 15 + 7 × 3 = 36: exactly all
g_decl_refused "8 more days of 3 uur (15 + 24 > 36): 422 at dagen, more than allotted, naming 15 and 36" 422 "$G_OUDER" "$G_Z1" \
	"$(g_decl 'b["dagen"] = [{"datum": day(k), "eenheden": 3} for k in range(15, 23)]')" dagen "meer dan toegewezen" "15" "36"
g_decl_ok "7 more days of 3 uur: exactly the 36 allotted: 201, €1.554, nothing left" \
	"$G_OUDER" "$G_Z1" "$(g_decl 'b["dagen"] = [{"datum": day(k), "eenheden": 3} for k in range(15, 22)]')" \
	"7 * 3" "7 * 3 * 74" "36" "36" "0"
g_decl_refused "then a quarter of an hour more: 422 at dagen" 422 "$G_OUDER" "$G_Z1" \
	"$(g_decl 'b["dagen"] = [{"datum": day(22), "eenheden": 0.25}]')" dagen "meer dan toegewezen"
# Toewijzing G_NR1: informal, 24 uur at €20,-: 2 days × 2 uur = 4 × 20 = 80.00, 20 left; no kvk needed
g_decl_ok "the jeugdige declares informal help (toewijzing $G_NR1) without kvk, adres or geleverd_door: 201, 4 uur × €20, 20 left" \
	"$G_JEUGDIGE" "$G_Z1" "$(g_decl "b['toewijzing'] = $G_NR1" 'del b["aanbieder"]["kvk"], b["aanbieder"]["adres"], b["geleverd_door"]' \
	'b.update(tarief=20, dagen=[{"datum": day(2), "eenheden": 2}, {"datum": day(3), "eenheden": 2}])')" \
	"2 * 2" "2 * 2 * 20" "4" "2 * 12" "24 - 4"
check "five declarations are stored for the zaak, 36 uur against toewijzing $G_NR0" test \
	"$(z_psql_super "SELECT count(*) || ' ' || sum(eenheden) FILTER (WHERE toewijzing = $G_NR0) FROM pgb_declaratie WHERE zaak_id = '$G_Z1'")" = "5 36.00"
check "the access log: five zaak.declaratie rows aangemaakt for the zaak, and the 16 refusals above as geweigerd" test \
	"$(psql_owner "SELECT count(*) FILTER (WHERE uitkomst = 'aangemaakt') || ' ' || count(*) FILTER (WHERE uitkomst = 'geweigerd') FROM toegangslog WHERE actie = 'zaak.declaratie' AND zaak_id = '$G_Z1'")" = "5 16"

# Bad shapes, and who may declare.
for g_case in "bsn:no bsn:del b['bsn']" "bsn:a bsn failing the 11-proef:b['bsn'] = '123456789'" \
	"dagen[0].eenheden:25 uur on one day:b['dagen'][0]['eenheden'] = 25" \
	"dagen[0].eenheden:eenheden with 3 decimals:b['dagen'][0]['eenheden'] = 2.125" \
	"dagen[0].datum:a datum of 2026-02-30:b['dagen'][0]['datum'] = '2026-02-30'" \
	"dagen:no dagen:b['dagen'] = []" "tarief:the tarief as a string:b['tarief'] = '74'" \
	"aanbieder.kvk:a kvk of 4 digits:b['aanbieder']['kvk'] = '1234'" "aanbieder:no aanbieder:del b['aanbieder']" \
	"aanbieder.naam:an aanbieder without naam:del b['aanbieder']['naam']" \
	"ondertekend:no ondertekend:del b['ondertekend']" "toewijzing:toewijzing 0:b['toewijzing'] = 0" \
	"eenheid:eenheid week:b['eenheid'] = 'week'" "kleur:an unknown member:b['kleur'] = 'blauw'"; do
	g_param=${g_case%%:*} g_rest=${g_case#*:}
	g_decl_refused "a declaration with ${g_rest%%:*}: 422 naming $g_param, nothing stored" 422 "$G_OUDER" "$G_Z1" "$(g_decl "${g_rest#*:}")" "$g_param"
done
g_decl_refused "a declaration that is not JSON: 400 problem" 400 "$G_OUDER" "$G_Z1" '{"toewijzing": '
request POST "/api/v1/zaken/$G_Z1/declaraties" -H "$(bearer "$G_OUDER")" -H 'Content-Type: text/plain' --data-binary "$(g_decl)"
z_verdict "a declaration as text/plain: 415 problem" "$(p_problem_why 415)"
for g_case in "a parent of no zaak here:$(token -r ouder -c bsn="$G_NOBODY" -s g-nobody)" \
	"the parent of the zaak in 0796:$(token -r ouder -c bsn="$G_G2" -s g-ouder-2)" \
	"the cjg of 0796:$G_CJG2" "a provider not in the toewijzingen:$(token -r aanbieder -c agb=77100007 -s g-aanbieder-ander)"; do
	g_decl_refused "a declaration by ${g_case%%:*}, who may not see the zaak: 404, nothing stored" 404 "${g_case#*:}" "$G_Z1" "$(g_decl)"
done
g_decl_refused "a declaration on a zaak that does not exist: 404" 404 "$G_OUDER" "$(cat /proc/sys/kernel/random/uuid)" "$(g_decl)"
g_decl_refused "a declaration on a malformed zaak id: 404" 404 "$G_OUDER" not-a-uuid "$(g_decl)"
for g_role in huisarts gi plein beheerder; do
	case $g_role in
	huisarts) g_tok=$G_HA ;; gi) g_tok=$G_GI ;; *) g_tok=$(token -r $g_role -c gemeente=$G_GEM -s "g-$g_role") ;;
	esac
	g_decl_refused "role $g_role may not declare$([ $g_role = huisarts ] && echo ", not even the referring huisarts"): 403, nothing stored" 403 "$g_tok" "$G_Z1" "$(g_decl)"
done
g_before=$(g_decl_count)
request POST "/api/v1/zaken/$G_Z1/declaraties" -H 'Content-Type: application/json' --data-binary "$(g_decl)"
z_verdict "a declaration without a token: 401 problem, nothing stored" "$(p_problem_why 401)$([ "$g_before" = "$(g_decl_count)" ] || echo " stored")"

# ---------------------------------------------------------------- the region's overview (counts only)
# The toewijzingen granted above with provider 77200001, as [gemeente, zaak, productcategorie, productcode, vorm]:
G_GRANTED="[[\"$G_GEM\", \"$G_Z1\", \"45\", \"IBM01\", \"pgb\"], [\"$G_GEM\", \"$G_Z1\", \"45\", \"ASOF1\", \"pgb\"],
	[\"$G_GEM\", \"$G_Z1\", \"54\", \"GGZ01\", \"natura\"], [\"$G_GEM\", \"$G_Z1\", \"45\", \"ASOF1\", \"pgb\"],
	[\"$G_GEM2\", \"$G_Z2\", \"54\", \"GGZ01\", \"natura\"],
	[\"$G_GEM\", \"$G_Z3\", \"54\", \"GGZ01\", \"natura\"], [\"$G_GEM\", \"$G_Z3\", \"54\", \"GGZ01\", \"natura\"],
	[\"$G_GEM\", \"$G_ZOV\", \"33\", \"DB1\", \"pgb\"]]"
# g_overzicht_ok NAME: the overview in BODY (a 200) counts, per gemeente and
# for the region (gemeente null), the beschikkingen (distinct zaken) of each
# product of 77200001 as granted above; its aanbod lists 77200001's products
# per gemeente and category as in the small file (GGZ03 of 0014 only when
# ALL is given); nothing of a person
g_overzicht_ok() {
	g_py "$1" '
assert a[0] == "200", "status %s" % a[0]
granted = json.loads(a[1])
want = {}
for gem, zaak, cat, code, vorm in granted:
    for g in (gem, None):
        want.setdefault((g, cat, code, "77200001", vorm), set()).add(zaak)
want = {k: len(v) for k, v in want.items()}
got = {(x["gemeente"], x["productcategorie"], x["productcode"], x["aanbieder_agb"], x["vorm"]): x["beschikkingen"]
       for x in d.get("beschikkingen") or [] if x["aanbieder_agb"] == "77200001"}
assert got == want, "beschikkingen of 77200001 %r, want %r" % (got, want)
aanbod = {(x["gemeente"], x["productcategorie"]): (x["aanbieder_naam"], x["producten"]) for x in d.get("aanbod") or [] if x["aanbieder_agb"] == "77200001"}
want = {(None, "45"): ("Zorgboerderij De Linde", 2), (None, "54"): ("Zorgboerderij De Linde", 1), ("0796", "54"): ("Zorgboerderij De Linde", 1)}
if a[2] == "ALL":
    want[("0014", "54")] = ("Zorgboerderij De Linde", 1)
assert aanbod == want, "aanbod of 77200001 %r, want %r" % (aanbod, want)
for secret in a[3:]:
    assert secret not in raw, "%s in the overview" % secret' "$STATUS" "$G_GRANTED" "$2" "${G_BSNS[@]}" "Noor van Dijk" "Sanne van Dijk"
}
# The period: from the day before the grants to the day after now (a run may pass midnight).
read -r G_VAN G_TOT < <(g_calcpy 'print(dt(a[0]) - DAY, now() + DAY)' "$G_TODAY")
G_PERIODE="van=$G_VAN&tot=$G_TOT"
g_get "$G_CJG" "/api/v1/overzicht/producten?$G_PERIODE"
g_overzicht_ok "GET /api/v1/overzicht/producten?van=$G_VAN&tot=$G_TOT as the cjg of 0855: per gemeente and for the region, the beschikkingen per product of the provider (a zaak with a product twice counts once); the aanbod per category; no BSN or name" ALL
g_py "the overview names its period and no region (gemeenten null)" '
assert (d.get("van"), d.get("tot"), d.get("gemeenten", "x")) == (a[0], a[1], None), d' "$G_VAN" "$G_TOT"
g_py "the aanbod of provider 77100007 (the big file): the number of its products per gemeente and category valid in the period, as in the file" '
rows = [r for r in csv.DictReader(open(a[0], encoding="utf-8", newline="")) if r["aanbieder_agb"] == "77100007"
        and r["geldig_van"] <= a[2] and (not r["geldig_tot"] or r["geldig_tot"] > a[1])]
want = {}
for r in rows:
    want.setdefault((r["gemeente"] or None, r["productcategorie"]), set()).add(r["productcode"])
want = {k: len(v) for k, v in want.items()}
got = {(x["gemeente"], x["productcategorie"]): x["producten"] for x in d["aanbod"] if x["aanbieder_agb"] == "77100007"}
assert got == want, "aanbod %r, want %r" % (got, want)' "$STATE/g-producten.csv" "$G_VAN" "$G_TOT"
for g_role in plein gst beheerder; do
	g_get "$(token -r $g_role -c gemeente=$G_GEM2 -s "g-$g_role-2")" "/api/v1/overzicht/producten?$G_PERIODE"
	g_overzicht_ok "the $g_role of 0796 reads the same overview (the other gemeente's counts too)" ALL
done
g_get "$G_CJG" "/api/v1/overzicht/producten?van=2025-01-01&tot=2025-12-31"
g_py "the overview of 2025: none of these beschikkingen, and no aanbod of 77200001 (its products start in 2026)" '
assert d.get("van") == "2025-01-01" and not [x for x in d["beschikkingen"] + d["aanbod"] if x["aanbieder_agb"] == "77200001"], d'
for g_role in huisarts ouder jeugdige aanbieder gi jeugdarts; do
	case $g_role in
	huisarts) g_tok=$G_HA ;; ouder) g_tok=$G_OUDER ;; jeugdige) g_tok=$G_JEUGDIGE ;; aanbieder) g_tok=$G_AANB ;; gi) g_tok=$G_GI ;;
	jeugdarts) g_tok=$(token -r jeugdarts -c agb=07710001 -s g-jeugdarts) ;;
	esac
	g_get "$g_tok" "/api/v1/overzicht/producten?$G_PERIODE"
	z_verdict "the overview is for the gemeente roles: the $g_role gets 403 problem" "$(p_problem_why 403)"
done
request GET "/api/v1/overzicht/producten?$G_PERIODE"
z_verdict "the overview without a token: 401 problem" "$(p_problem_why 401)"
for g_case in "van:no van:tot=$G_TOT" "van:van 2026-13-01:van=2026-13-01&tot=2026-12-31" "tot:no tot:van=$G_VAN" \
	"tot:tot before van:van=2026-06-02&tot=2026-06-01" "tot:a period of 16 years:van=2010-01-01&tot=2026-01-01" \
	"tot:tot 2026-02-29:van=2026-01-01&tot=2026-02-29"; do
	g_param=${g_case%%:*} g_rest=${g_case#*:}
	g_get "$G_CJG" "/api/v1/overzicht/producten?${g_rest#*:}"
	z_verdict "the overview with ${g_rest%%:*}: 400 problem naming $g_param" "$(p_problem_why 400 "$g_param")"
done
# A region: the overview covers its gemeenten, and a product of 0014 is no aanbod of it.
restart_daemon "regio=$G_GEM $G_GEM2"
g_get "$G_CJG" "/api/v1/overzicht/producten?$G_PERIODE"
g_overzicht_ok "with the region 0855 0796 configured: the same counts, the aanbod without the product of 0014" REGIO
check "and the overview names the region's gemeenten" test "$(p_eval "$BODY" 'print(d["gemeenten"])')" = "['0855', '0796']"
restart_daemon
request GET /api/v1/health
check "the daemon restarted without a region" test "$STATUS" = 200

# ---------------------------------------------------------------- gebruikelijke hulp by age band
# [BSN:birth date (Python):age:band:what]; the birth date is computed just before the create
for g_case in "$G_J5:years_ago(5):5:Kinderen van 5 tot 12 jaar:turning 5 today" \
	"$G_J6:years_ago(5) + DAY:4:Kinderen van 3 tot 5 jaar:turning 5 tomorrow" \
	"$G_J9:years_ago(2):2:Kinderen van 0 tot 3 jaar:of 2" \
	"$G_J10:years_ago(12):12:Kinderen van 12 tot 18 jaar:turning 12 today" \
	"$G_J7:years_ago(19):None:None:of 19 (voortgezette jeugdhulp)"; do
	IFS=: read -r g_j g_born g_age g_band g_what <<<"$g_case"
	g_born=$(g_calcpy "print($g_born)")
	r_post /api/v1/verwijzingen "$G_HA" "$(r_body "$g_j" "$G_G5" $G_GEM2 "d['jeugdige']['geboortedatum'] = '$g_born'" "d['voortzetting'] = True")"
	g_py "a jeugdige $g_what (born $g_born): gebruikelijke_hulp $([ "$g_age" = None ] && echo null || echo "leeftijd $g_age, '$g_band'")" '
assert a[0] == "201", "status %s" % a[0]
g = d.get("gebruikelijke_hulp", "absent")
if a[1] == "None":
    assert g is None, "gebruikelijke_hulp %r" % g
else:
    assert (g or {}).get("leeftijd") == int(a[1]) and g.get("omschrijving") == a[2] and g.get("richtlijn") and g.get("bron"), "gebruikelijke_hulp %r" % g' \
		"$STATUS" "$g_age" "$g_band"
done
z_get "$G_OUDER" "$G_Z1"
check "the parent reading the zaak sees the same band: Kinderen van 5 tot 12 jaar" \
	test "$(p_eval "$BODY" 'print(d["gebruikelijke_hulp"]["omschrijving"])')" = "Kinderen van 5 tot 12 jaar"

# ---------------------------------------------------------------- the access log, the end
G_BSN_RE=$(IFS='|'; echo "${G_BSNS[*]}")
check "no BSN of the families here appears in the access log" test \
	"$(psql_owner "SELECT count(*) FROM toegangslog t WHERE t::text ~ '($G_BSN_RE)'")" = 0
check "after the PGB and the productenboek the daemon still answers" eval 'request GET /api/v1/health && [ "$STATUS" = 200 ]'
# The helper ends when its input closes.
exec {P_TO_PY}>&- {P_FROM_PY}<&-
wait "$G_PY_PID" 2>/dev/null
