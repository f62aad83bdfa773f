# iJw 3.2 messages (issue 7; sourced by run.sh after pgb.sh).
#
# Through nginx with curl, as a jeugdhulpaanbieder's system and the CJG would
# use it. Covered: POST /api/v1/berichten/jw315 (a verzoek om toewijzing)
# makes a zaak on the route verwijzing for the receiving gemeente's CJG and
# the referring huisarts, not for the provider that sent it; the same message
# twice makes one zaak, the same BerichtIdentificatie with other content is
# refused; the Afzender is the caller and the Ontvanger a gemeente of the
# region; malformed XML is 400, any DOCTYPE (entity bombs, external entities
# by file, by http and as parameter entities, an external DTD) is 400 at
# once, without the daemon opening the file or the network (a listener and a
# FIFO tell); schema violations and the iJw rules (11-proef, birth date,
# verwijzer, the toewijzingsvarianten) are 422 naming the element by path,
# never quoting the value; every refusal stores nothing. A beschikking that
# allocates help to a provider makes one JW301 per provider, fetched by the
# CJG and that provider only, valid against JW301.xsd and carrying what was
# decided (omvang per week, a total, a budget in eurocent, the juridische
# status of a mandaat, the gezaghebbenden as relaties); beschikken refuses
# products that no JW301 could carry. The stapeling warning (WJ759 code 6)
# for the CJG, and toegang-ijw-validate.
# Each part uses only its own BSNs (from 700000000), AGB codes 78xxxxxx and
# the gemeenten 0080 (Leeuwarden) and 0935 (Maastricht), the region for this
# section, and 0983 (Venlo) outside it, which no other file uses; the daemon
# gets its default (no region) back at the end.
# Everything here is named i_/I_; the helpers of zaak.sh (z_), routes.sh
# (r_), procedure.sh (p_) and kader.sh (k_) are reused.

# ---------------------------------------------------------------- helpers
# procedure.sh, kader.sh and pgb.sh ended their Python helper: start the same
# program again, on the descriptors p_eval reads.
coproc I_PY { exec python3 -u -c "$P_SERVER"; }
exec {P_TO_PY}>&"${I_PY[1]}" {P_FROM_PY}<&"${I_PY[0]}"
eval "exec ${I_PY[1]}>&- ${I_PY[0]}<&-"

# Python every question below starts with: XML by element path (local names,
# [n] 1-based), exact decimals.
I_LIB='
import copy, uuid
import xml.etree.ElementTree as ET
from decimal import Decimal
NS315 = "http://www.istandaarden.nl/ijw/3_2/jw315/schema"
NS301 = "http://www.istandaarden.nl/ijw/3_2/jw301/schema"
NSB = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"
ET.register_namespace("ijw", NSB)
P = "Client/AangevraagdeProducten/AangevraagdProduct"
def local(e):
    return e.tag.rsplit("}", 1)[-1]
def ns(e):
    return e.tag[1:].split("}")[0] if e.tag.startswith("{") else ""
def at(root, path):  # the element at path below root, or None
    e = root
    for step in [x for x in path.split("/") if x]:
        m = re.fullmatch(r"(\w+)(?:\[(\d+)\])?", step)
        k = [c for c in e if local(c) == m.group(1)]
        i = int(m.group(2) or 1) - 1
        if i >= len(k):
            return None
        e = k[i]
    return e
def text(root, path):  # its text, stripped; None when absent
    e = at(root, path)
    return None if e is None else (e.text or "").strip()
def all_at(root, path):  # every element of that name under the parent of path
    parent, _, name = path.strip("/").rpartition("/")
    p = at(root, parent) if parent else root
    return [] if p is None else [c for c in p if local(c) == name]
def cents(euro):  # LDT_Budget: a euro amount in eurocent
    return str(int((Decimal(str(euro)) * 100).to_integral_value()))
'
i_eval() { local doc=$1 code=$2; shift 2; p_eval "$doc" "$I_LIB"$'\n'"$code" "$@"; } # i_eval DOC PYTHON [ARGS...]
i_calc() { local code=$1; shift; i_eval "" "$code" "$@"; }                          # i_calc PYTHON [ARGS...]
# i_py NAME PYTHON [ARGS...]: PYTHON's asserts on BODY (d, raw) as a check
i_py() {
	local name=$1 code=$2 why; shift 2
	if why=$(i_eval "$BODY" "$code" "$@"); then ok "$name"; else not_ok "$name" "$why [$(z_answer)]"; fi
}
# i_xpy NAME FILE PYTHON [ARGS...]: PYTHON's asserts on the XML in FILE (r is its root)
i_xpy() {
	local name=$1 file=$2 code=$3 why; shift 3
	if why=$(i_eval "$(cat "$file" 2>/dev/null)" "r = ET.fromstring(raw.encode(\"utf-8\"))"$'\n'"$code" "$@"); then
		ok "$name"
	else
		not_ok "$name" "$why [$(head -c 300 "$file" 2>/dev/null | tr '\n\t' '  ')]"
	fi
}
# i_xmllint NAME XSD FILE: xmllint (libxml2-utils) validates FILE against XSD
i_xmllint() {
	local out
	if [ -s "$3" ] && out=$(xmllint --noout --nonet --schema "$2" "$3" 2>&1); then
		ok "$1"
	else
		not_ok "$1" "$(printf '%s' "${out:-empty file $3}" | head -n 6 | tr '\n' ' ')"
	fi
}

# The JW315 every message here starts from: tests/fixtures/ijw/jw315-geldig.xml,
# its elements set by path (P is the AangevraagdProduct), then changed by the
# statements of the caller: s(path, text), rm(path), add(path, name, text)
# (a new element after the one at path, in its namespace), dup(path) (a copy
# after it), sub(old, new) (text replaced in the document written).
I_MSG_PY='
t = ET.parse(a[0]).getroot()
edits = []
def parent_of(path):
    par = path.strip("/").rpartition("/")[0]
    return at(t, par) if par else t
def need(path):
    e = at(t, path)
    assert e is not None, "the message has no " + path
    return e
def s(path, value):
    need(path).text = value
def rm(path):
    parent_of(path).remove(need(path))
def add(path, name, value=None):
    e, p = need(path), parent_of(path)
    n = ET.Element("{%s}%s" % (ns(e), name))
    n.text, n.tail = value, e.tail
    p.insert(list(p).index(e) + 1, n)
    return n
def dup(path):
    e, p = need(path), parent_of(path)
    n = copy.deepcopy(e)
    p.insert(list(p).index(e) + 1, n)
    return n
def sub(old, new):
    edits.append((old, new))
for statement in a[2:]:
    exec(statement)
x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + ET.tostring(t, encoding="unicode", default_namespace=NS315) + "\n"
for old, new in edits:
    assert old in x, "nothing to replace: " + old
    x = x.replace(old, new)
open(a[1], "w", encoding="utf-8").write(x)
'
I_SEQ=0
# i_msg NAME [PYTHON...]: a JW315 from the fixture: from I_AGB_A to I_GEM, a
# fresh Identificatie (I_ID), dated today, for the child I_J0, referred by
# the huisarts I_HA_AGB, the product from today for 90 days; then the
# statements. Written to I_DIR/NAME.xml, which I_FILE names.
i_msg() {
	local name=$1 why; shift
	I_SEQ=$((I_SEQ + 1))
	I_ID=$(printf 'ijwsh-%04d' "$I_SEQ")
	I_FILE=$I_DIR/$name.xml
	why=$(i_eval "" "$I_MSG_PY" "$I_FIXTURE" "$I_FILE" \
		"s('Header/Afzender', '$I_AGB_A')" "s('Header/Ontvanger', '$I_GEM')" \
		"s('Header/BerichtIdentificatie/Identificatie', '$I_ID')" \
		"s('Header/BerichtIdentificatie/Dagtekening', TODAY.isoformat())" "s('Client/Bsn', '$I_J0')" \
		"s(P + '/ToewijzingIngangsdatum', TODAY.isoformat())" "s(P + '/ToewijzingEinddatum', (TODAY + 90 * DAY).isoformat())" \
		"s(P + '/Verwijzer/ZorgverlenerCode', '$I_HA_AGB')" "$@") || not_ok "ijw: make the message $name" "$why"
}
# i_post FILE [TOKEN|-] [CONTENT-TYPE]: POST /api/v1/berichten/jw315 with the
# file as body (by default as aanbieder A, application/xml); STATUS, BODY,
# HEADERS as request() sets them, I_TIME the seconds the answer took
i_post() {
	local file=$1 tok=${2:-$I_AANB_A} ct=${3:-application/xml} hdr body out auth=()
	[ "$tok" = - ] || auth=(-H "$(bearer "$tok")")
	hdr=$(mktemp) body=$(mktemp)
	out=$(curl -s -o "$body" -D "$hdr" -w '%{http_code} %{time_total}' -X POST "${auth[@]}" \
		-H "Content-Type: $ct" --data-binary @"$file" "$BASE/api/v1/berichten/jw315")
	STATUS=${out%% *} I_TIME=${out#* }
	BODY=$(cat "$body")
	# shellcheck disable=SC2034 # read by header()
	HEADERS=$(tr -d '\r' <"$hdr")
	rm -f "$hdr" "$body"
}
# i_counts: the rows a JW315 may leave: zaak, betrokkene, ijw_bericht
i_counts() {
	z_psql_super "SELECT (SELECT count(*) FROM zaak) || ' ' || (SELECT count(*) FROM betrokkene) || ' ' || (SELECT count(*) FROM ijw_bericht)"
}
# i_type_why TYPE: nothing when the problem in BODY has that type, else why not
i_type_why() {
	local got
	got=$(p_eval "$BODY" 'print(d.get("type"))' 2>/dev/null)
	[ "$got" = "$1" ] || echo "type $got, want $1"
}
# i_json EXPR: as run.sh's json (d EXPR of BODY), nothing when BODY does not hold it
i_json() { local v; v=$(p_json "$1") && printf '%s' "$v"; }
# i_refused NAME CODE TYPE PARAM FILE [TOKEN] [CONTENT-TYPE]: the JW315 is
# refused with CODE as problem+json of TYPE (if given) naming PARAM (if
# given) in invalid-params, and nothing is stored
i_refused() {
	local name=$1 code=$2 type=$3 param=$4 before after why; shift 4
	before=$(i_counts)
	i_post "$@"
	after=$(i_counts)
	# shellcheck disable=SC2086 # an empty PARAM names nothing
	why=$(p_problem_why "$code" $param)
	[ -n "$why" ] || [ -z "$type" ] || why=$(i_type_why "$type")
	[ -n "$before" ] && [ "$before" = "$after" ] || why+=" rows (zaak betrokkene ijw_bericht) '$before' -> '$after'"
	z_verdict "$name" "$why"
}
# i_accepted NAME FILE [TOKEN] [CONTENT-TYPE]: the JW315 is taken in: 201
# application/json without Location, one zaak and one ijw_bericht more; I_ZAAK its id
i_accepted() {
	local name=$1 before after why=""; shift
	before=$(i_counts)
	i_post "$@"
	after=$(i_counts)
	I_ZAAK=$(i_json "['id']")
	if [ "$STATUS:$(header Content-Type)" != 201:application/json ] || [ -z "$I_ZAAK" ]; then
		why="$(z_answer)"
	elif [ -n "$(header Location)" ]; then
		why="a Location header: $(header Location)"
	elif [ "$(read -r z _ m <<<"$before"; echo "$((z + 1)) $((m + 1))")" != "$(read -r z _ m <<<"$after"; echo "$z $m")" ]; then
		why="rows (zaak betrokkene ijw_bericht) $before -> $after, want one zaak and one ijw_bericht more"
	fi
	z_verdict "$name" "$why"
	[ -n "$I_ZAAK" ] || I_ZAAK=$P_NOID
}
I_DTD_TYPE=urn:toegang:problem:xml-dtd-not-allowed
I_MALFORMED=urn:toegang:problem:malformed-xml
I_INVALID=urn:toegang:problem:validation

# i_product [PYTHON...]: one product of a beschikking, changed by PYTHON on p:
# natura Jeugd-ggz (54, 54A01) by aanbieder A, 3 uur per week (WJ756 04,
# WMO757 2) from today for half a year
i_product() {
	i_calc '
p = {"omschrijving": "Ambulante jeugd-ggz", "productcategorie": "54", "productcode": "54A01", "aanbieder_agb": a[0],
     "vorm": "natura", "ingangsdatum": TODAY.isoformat(), "einddatum": (TODAY + 182 * DAY).isoformat(),
     "omvang": {"volume": 3, "eenheid": "04", "frequentie": "2"}}
for s in a[1:]:
    exec(s)
print(json.dumps(p, ensure_ascii=False))' "$I_AGB_A" "$@"
}
# i_snap ID: what a refused beschikken must leave: the zaak's status and
# history, every toewijzing and every iJw message
i_snap() {
	z_psql_super "SELECT z.status || '|' || (SELECT count(*) FROM zaak_status s WHERE s.zaak_id = z.id) || '|' ||
		(SELECT count(*) FROM toewijzing) || '|' || (SELECT count(*) FROM ijw_bericht) FROM zaak z WHERE z.id = '$1'"
}
# i_bs_refused NAME TOKEN ID PARAM PRODUCT-JSON...: beschikken toegekend is
# refused with 422 naming PARAM; nothing changed
i_bs_refused() {
	local name=$1 tok=$2 id=$3 param=$4 before why; shift 4
	before=$(i_snap "$id")
	p_act "$tok" "$id" beschikken "$(k_beschikking toegekend "$@")"
	why=$(p_problem_why 422 "$param")
	[ -n "$before" ] && [ "$before" = "$(i_snap "$id")" ] || why+=" something changed: $before -> $(i_snap "$id")"
	z_verdict "$name" "$why"
}
# i_fetch TOKEN HREF OUT: GET the JW301 at HREF, the body also written to OUT
i_fetch() {
	request GET "$2" -H "$(bearer "$1")"
	printf '%s' "$BODY" >"$3"
}
# i_fetched NAME: the answer is 200 application/xml holding a document
i_fetched() {
	if [ "$STATUS:$(header Content-Type)" = 200:application/xml ] && [[ $BODY == *"<"*Bericht* ]]; then ok "$1"; else not_ok "$1" "$(z_answer)"; fi
}
# i_jw301_ok NAME FILE ZAAK-JSON PRODUCTS-JSON AGB RELATIES [JURIDISCHE-STATUS]:
# the JW301 in FILE is the one the zaak names for the toewijzingen of AGB: its
# header (436 3.2, from the gemeente to AGB, the identificatie and dagtekening
# the zaak shows), the client (BSN, birth date, one Relatie of soort 10 per
# gezaghebbende: RELATIES of them), and per product of AGB as sent (in the
# order of the toewijzingen) its ToewijzingNummer, Product, dates, Omvang or
# Budget in eurocent (a PGB's budget as calculated), never both
i_jw301_ok() {
	local name=$1 file=$2; shift 2
	i_xpy "$name" "$file" '
z, sent, agb, nrel = json.loads(a[0]), json.loads(a[1]), a[2], int(a[3])
jur = a[4] if len(a) > 4 else None
tw = z.get("toewijzingen") or []
assert len(tw) == len(sent), "%d toewijzingen for %d products" % (len(tw), len(sent))
mine = [(t, p) for t, p in zip(tw, sent) if p.get("aanbieder_agb") == agb]
assert mine, "no product of %s" % agb
j = mine[0][0].get("jw301") or {}
H = "Header/"
assert local(r) == "Bericht" and ns(r) == NS301, "root %s" % r.tag
got = [text(r, H + x) for x in ("BerichtCode", "BerichtVersie", "BerichtSubversie", "Afzender", "Ontvanger",
                                 "BerichtIdentificatie/Identificatie", "BerichtIdentificatie/Dagtekening")]
want = ["436", "3", "2", z["verantwoordelijke_gemeente"], agb, j.get("identificatie"), TODAY.isoformat()]
assert got == want and j.get("dagtekening") == TODAY.isoformat(), "header %r, want %r (jw301 %r)" % (got, want, j)
assert text(r, "Client/Bsn") == z["jeugdige"]["bsn"], "Bsn %r" % text(r, "Client/Bsn")
assert text(r, "Client/Geboortedatum/Datum") == z["jeugdige"]["geboortedatum"], "Geboortedatum %r" % text(r, "Client/Geboortedatum/Datum")
rel = all_at(r, "Client/Relaties/Relatie")
assert [text(x, "Soort") for x in rel] == ["10"] * nrel, "Relaties %r, want %d of soort 10" % ([text(x, "Soort") for x in rel], nrel)
if jur:
    assert text(r, "Client/JuridischeStatus") == jur, "JuridischeStatus %r, want %s" % (text(r, "Client/JuridischeStatus"), jur)
got = {text(x, "ToewijzingNummer"): x for x in all_at(r, "Client/ToegewezenProducten/ToegewezenProduct")}
assert sorted(got) == sorted(str(t["nummer"]) for t, p in mine), "ToewijzingNummers %r, want %r" % (sorted(got), [t["nummer"] for t, p in mine])
for t, p in mine:
    x = got[str(t["nummer"])]
    w = {"Product/Categorie": p.get("productcategorie"), "Product/Code": p.get("productcode"),
         "Ingangsdatum": p["ingangsdatum"], "Einddatum": p["einddatum"], "Toewijzingsdatum": TODAY.isoformat()}
    g = {k: text(x, k) for k in w}
    if p.get("vorm") == "pgb" and g["Product/Code"] is None:
        w["Product/Code"] = None  # a budget: the toewijzing may be aspecifiek
    assert g == w, "toewijzing %s: %r, want %r" % (t["nummer"], g, w)
    assert at(x, "Omvang") is None or at(x, "Budget") is None, "toewijzing %s has Omvang and Budget" % t["nummer"]
    budget = t.get("budget") if p.get("vorm") == "pgb" else p.get("budget")
    if budget is not None:
        assert text(x, "Budget") == cents(budget), "toewijzing %s: Budget %r, want %s eurocent (%s euro)" % (t["nummer"], text(x, "Budget"), cents(budget), budget)
    else:
        o = p["omvang"]
        g = [text(x, "Omvang/" + k) for k in ("Volume", "Eenheid", "Frequentie")]
        assert g == [str(o["volume"]), o["eenheid"], o["frequentie"]] and at(x, "Budget") is None, "toewijzing %s: Omvang %r, want %r" % (t["nummer"], g, o)' \
		"$@"
}

# ---------------------------------------------------------------- identities, region
mapfile -t I_BSNS < <(z_bsns 40 699999999)
I_J0=${I_BSNS[0]}                                         # the child of every refused message
I_J_MAIN=${I_BSNS[1]}                                     # the main JW315 (two products)
I_J_DAG=${I_BSNS[2]} I_J_B=${I_BSNS[3]}                   # same Identificatie, another day / another provider
I_J_CT1=${I_BSNS[4]} I_J_CT2=${I_BSNS[5]}                 # text/xml, charset=utf-8
I_J_T08=${I_BSNS[6]} I_J_T05=${I_BSNS[7]} I_J_T03=${I_BSNS[8]} # verwijzer types accepted
I_J_F1=${I_BSNS[9]} I_J_F4=${I_BSNS[10]}                  # frequentie 1 (uur per dag), 4 (per maand)
I_J_V=${I_BSNS[11]} I_G_V1=${I_BSNS[12]} I_G_V2=${I_BSNS[13]} # the verwijzing whose JW301s are checked
I_J_M=${I_BSNS[14]} I_G_M=${I_BSNS[15]}                   # the mandaat (ots)
I_J_PGB=${I_BSNS[16]} I_G_PGB=${I_BSNS[17]}               # a PGB by provider C
I_J_REF=${I_BSNS[18]} I_G_REF=${I_BSNS[19]}               # beschikkingen refused
I_J_S=${I_BSNS[20]} I_G_S=${I_BSNS[21]} I_G_S2=${I_BSNS[22]} # stapeling: the child, a parent in 0935, one in 0080
I_J_OTHER=${I_BSNS[23]}                                   # a child without help
I_NOBODY=${I_BSNS[25]}                                    # a parent of no zaak
I_GEM=0080 I_GEM2=0935 I_GEM_OUT=0983
I_AGB_A=78000001 I_AGB_B=78000002 I_AGB_C=78000003       # providers
I_AGB_FIX=78999999                                        # the Afzender of the fixtures
I_HA_AGB=78000011                                         # the huisarts named as verwijzer
I_ORG=00000009990000000780
I_AANB_A=$(token -r aanbieder -c agb=$I_AGB_A -s i-aanbieder-a)
I_AANB_B=$(token -r aanbieder -c agb=$I_AGB_B -s i-aanbieder-b)
I_AANB_C=$(token -r aanbieder -c agb=$I_AGB_C -s i-aanbieder-c)
I_AANB_FIX=$(token -r aanbieder -c agb=$I_AGB_FIX -s i-aanbieder-fixture)
I_HA=$(token -r huisarts -c agb=$I_HA_AGB -s i-huisarts)
I_HA_OTHER=$(token -r huisarts -c agb=78000012 -s i-huisarts-ander)
I_CJG=$(token -r cjg -c gemeente=$I_GEM -s i-cjg-leeuwarden)
I_CJG2=$(token -r cjg -c gemeente=$I_GEM2 -s i-cjg-maastricht)
I_GI=$(token -r gi -c org=$I_ORG -s i-gi)
P_CJG_OF["$I_GEM"]=$I_CJG
P_CJG_OF["$I_GEM2"]=$I_CJG2
I_DIR=$STATE/ijw
mkdir -p "$I_DIR"
I_FIXTURES=$SRC/tests/fixtures/ijw
I_FIXTURE=$I_FIXTURES/jw315-geldig.xml
I_XSD=$SRC/data/ijw/xsd
read -r I_TODAY I_TOMORROW I_YESTERDAY I_WEEK_AGO I_BAD_BSN < <(i_calc '
bad = next(n for n in range(701234567, 701234600) if (sum((9 - i) * int(str(n)[i]) for i in range(8)) - int(str(n)[8])) % 11)
print(TODAY, TODAY + DAY, TODAY - DAY, TODAY - 7 * DAY, bad)')
check "ijw setup: 40 fresh BSNs from 700000000 that pass the 11-proef, one that fails it ($I_BAD_BSN), today $I_TODAY" \
	eval '[ "$(printf "%s\n" "${I_BSNS[@]}" | sort -u | grep -c "^70[0-9]\{7\}$")" = 40 ] && [ -n "$I_BAD_BSN" ]'
check "ijw setup: no other test file has a zaak in 0080, 0935 or 0983, or a toewijzing or product of an AGB code 78xxxxxx" test \
	"$(z_psql_super "SELECT (SELECT count(*) FROM zaak WHERE behandelende_gemeente IN ('0080', '0935', '0983') OR verantwoordelijke_gemeente IN ('0080', '0935', '0983')) || ' ' || (SELECT count(*) FROM toewijzing WHERE aanbieder_agb LIKE '78%') || ' ' || (SELECT count(*) FROM product WHERE aanbieder_agb LIKE '78%')")" = "0 0 0"
check "ijw setup: the table ijw_bericht exists" test "$(z_psql_super "SELECT to_regclass('ijw_bericht') IS NOT NULL")" = t
i_xmllint "the fixture jw315-geldig.xml is valid against $I_XSD/JW315.xsd" "$I_XSD/JW315.xsd" "$I_FIXTURE"
i_msg sjabloon
i_xmllint "a JW315 made from it (fresh identities, today's dates) is valid too" "$I_XSD/JW315.xsd" "$I_FILE"
restart_daemon "regio=$I_GEM $I_GEM2"
request GET /api/v1/health
check "the daemon restarted serving the region 0080 0935" test "$STATUS" = 200

# ---------------------------------------------------------------- JW315: a valid message
i_msg hoofd "s('Client/Bsn', '$I_J_MAIN')" "dup(P)" "s(P + '[2]/ReferentieAanbieder', 'REF-2')" \
	"s(P + '[2]/Product/Categorie', '45')" "s(P + '[2]/Product/Code', '45B02')"
I_MAIN_FILE=$I_FILE I_MAIN_ID=$I_ID
i_xmllint "the main message (two products) is valid against JW315.xsd" "$I_XSD/JW315.xsd" "$I_MAIN_FILE"
I_BEFORE=$(i_counts)
i_accepted "aanbieder $I_AGB_A POSTs a valid JW315 to $I_GEM: 201 application/json, no Location, one zaak and one ijw_bericht more" "$I_MAIN_FILE"
I_MAIN=$I_ZAAK
I_MAIN_RID=$(z_rid)
i_py "the answer: id (a UUID), referentie JH-<year>-<6 digits>, status ontvangen, bericht {identificatie, dagtekening} as sent" '
assert str(uuid.UUID(d.get("id") or "")) == d["id"], "id %r" % d.get("id")
assert re.fullmatch(r"JH-20[0-9]{2}-[0-9]{6}", d.get("referentie") or ""), "referentie %r" % d.get("referentie")
assert d.get("status") == "ontvangen", "status %r" % d.get("status")
assert d.get("bericht") == {"identificatie": a[0], "dagtekening": TODAY.isoformat()}, "bericht %r" % d.get("bericht")' "$I_MAIN_ID"
check "the JW315 stored the jeugdige as the one betrokkene (gezaghebbenden unknown)" test \
	"$(z_psql_super "SELECT count(*) || ':' || min(rol) || ':' || min(bsn) FROM betrokkene WHERE zaak_id::text = '$I_MAIN'")" = "1:jeugdige:$I_J_MAIN"
check "the message is kept as received: one ijw_bericht in, 446, from $I_AGB_A to $I_GEM, its identificatie and dagtekening, the XML byte for byte" test \
	"$(z_psql_super "SELECT richting || '|' || berichtcode || '|' || aanbieder_agb || '|' || gemeente || '|' || identificatie || '|' || dagtekening || '|' || md5(xml) FROM ijw_bericht WHERE zaak_id::text = '$I_MAIN'")" \
	= "in|446|$I_AGB_A|$I_GEM|$I_MAIN_ID|$I_TODAY|$(md5sum <"$I_MAIN_FILE" | cut -d' ' -f1)"
z_get "$I_CJG" "$I_MAIN"
z_status "the cjg of $I_GEM reads the zaak: 200" 200
i_py "the zaak: route verwijzing, status ontvangen, verantwoordelijke_gemeente the Ontvanger, woonplaats_te_bepalen true" '
assert (d.get("route"), d.get("status")) == ("verwijzing", "ontvangen"), "route %r status %r" % (d.get("route"), d.get("status"))
assert d.get("verantwoordelijke_gemeente") == a[0], "verantwoordelijke_gemeente %r" % d.get("verantwoordelijke_gemeente")
assert d.get("woonplaats_te_bepalen") is True, "woonplaats_te_bepalen %r" % d.get("woonplaats_te_bepalen")' "$I_GEM"
i_py "the zaak: jeugdige {bsn, geboortedatum, naam of Voornamen, Voorvoegsel and Achternaam, geslacht 2 (COD046)}, gezaghebbenden []" '
j = d.get("jeugdige") or {}
assert (j.get("bsn"), j.get("geboortedatum"), j.get("geslacht")) == (a[0], "2015-03-14", "2"), "jeugdige %r" % j
assert all(w in (j.get("naam") or "").split() for w in ("Noa", "de", "Visser")), "naam %r" % j.get("naam")
assert d.get("gezaghebbenden") == [], "gezaghebbenden %r" % d.get("gezaghebbenden")' "$I_J_MAIN"
i_py "the zaak: verwijzer {type 02, agb the ZorgverlenerCode, naam}, productcategorie of the first product (54), aanbieder_agb the Afzender" '
v = d.get("verwijzer") or {}
assert (v.get("type"), v.get("agb"), v.get("naam")) == ("02", a[0], "Huisartsenpraktijk De Linde"), "verwijzer %r" % v
assert d.get("productcategorie") == "54", "productcategorie %r" % d.get("productcategorie")
assert d.get("aanbieder_agb") == a[1], "aanbieder_agb %r" % d.get("aanbieder_agb")' "$I_HA_AGB" "$I_AGB_A"
z_sees "the cjg of $I_GEM sees the JW315 zaak and finds it in its list" "$I_CJG" "$I_MAIN"
z_sees "the huisarts named as verwijzer ($I_HA_AGB) sees it and finds it in its list" "$I_HA" "$I_MAIN"
r_hidden "the aanbieder that sent it (no toewijzing names it yet): 404 as for no zaak, not in its list" "$I_AANB_A" "$I_MAIN"
r_hidden "the cjg of $I_GEM2: 404, not in its list" "$I_CJG2" "$I_MAIN"
r_hidden "another huisarts: 404, not in its list" "$I_HA_OTHER" "$I_MAIN"
z_log_py "access log of the JW315: a row for the new zaak, by the aanbieder $I_AGB_A" "$I_MAIN_RID" "
assert any(r['zaak_id'] == a[0] and r['rol'] == 'aanbieder' and r['actor'] == a[1] for r in rows), rows" "$I_MAIN" "$I_AGB_A"

# ---------------------------------------------------------------- JW315: the same message again
# shellcheck disable=SC2034 # read in the eval below
I_BEFORE=$(i_counts)
i_post "$I_MAIN_FILE"
check "the same JW315 again (same Afzender, Identificatie, Dagtekening, content): 200 with the same id, nothing stored" \
	eval '[ "$STATUS:$(header Content-Type):$(p_json "[\"id\"]")" = "200:application/json:$I_MAIN" ] && [ "$(i_counts)" = "$I_BEFORE" ] || { echo "#   $(z_answer) rows $I_BEFORE -> $(i_counts)"; false; }'
i_msg zelfde-id-ander-kind "s('Client/Bsn', '$I_NOBODY')" "s('Header/BerichtIdentificatie/Identificatie', '$I_MAIN_ID')"
i_refused "the same Identificatie and Dagtekening with other content (another BSN): 422 idempotency-key-reused, nothing stored" \
	422 urn:toegang:problem:idempotency-key-reused "" "$I_FILE"
i_msg zelfde-id-gisteren "s('Client/Bsn', '$I_J_DAG')" "s('Header/BerichtIdentificatie/Identificatie', '$I_MAIN_ID')" \
	"s('Header/BerichtIdentificatie/Dagtekening', '$I_YESTERDAY')"
i_accepted "the same Identificatie with yesterday's Dagtekening is another message: 201" "$I_FILE"
check "and another zaak" test "$I_ZAAK" != "$I_MAIN"
i_msg zelfde-id-andere-aanbieder "s('Client/Bsn', '$I_J_B')" "s('Header/BerichtIdentificatie/Identificatie', '$I_MAIN_ID')" \
	"s('Header/Afzender', '$I_AGB_B')"
i_accepted "the same Identificatie and Dagtekening from another aanbieder ($I_AGB_B) is its own message: 201" "$I_FILE" "$I_AANB_B"
I_B_ZAAK=$I_ZAAK
z_get "$I_CJG" "$I_B_ZAAK"
check "that zaak names $I_AGB_B as aanbieder_agb" test "$STATUS:$(p_json "['aanbieder_agb']")" = "200:$I_AGB_B"

# ---------------------------------------------------------------- JW315: media types, roles
i_msg text-xml "s('Client/Bsn', '$I_J_CT1')"
i_accepted "Content-Type text/xml: 201" "$I_FILE" "$I_AANB_A" text/xml
i_msg charset "s('Client/Bsn', '$I_J_CT2')"
i_accepted "Content-Type application/xml; charset=utf-8: 201" "$I_FILE" "$I_AANB_A" 'application/xml; charset=utf-8'
i_msg json-type
i_refused "Content-Type application/json: 415 problem, nothing stored" 415 "" "" "$I_FILE" "$I_AANB_A" application/json
for i_role in cjg huisarts ouder gi; do
	case $i_role in
	cjg) i_tok=$I_CJG ;; huisarts) i_tok=$I_HA ;; gi) i_tok=$I_GI ;;
	ouder) i_tok=$(token -r ouder -c bsn="$I_NOBODY" -s i-ouder) ;;
	esac
	i_refused "role $i_role may not send a JW315: 403 problem, nothing stored" 403 "" "" "$I_FILE" "$i_tok"
done
i_refused "a JW315 without a token: 401 problem, nothing stored" 401 "" "" "$I_FILE" -

# ---------------------------------------------------------------- JW315: Afzender and Ontvanger
i_msg afzender "s('Header/Afzender', '$I_AGB_B')"
i_refused "an Afzender ($I_AGB_B) that is not the caller's agb ($I_AGB_A): 422 naming /Bericht/Header/Afzender, nothing stored" \
	422 "$I_INVALID" /Bericht/Header/Afzender "$I_FILE"
i_msg ontvanger-buiten "s('Header/Ontvanger', '$I_GEM_OUT')"
i_refused "an Ontvanger outside the region ($I_GEM_OUT, Venlo): 422 naming /Bericht/Header/Ontvanger, nothing stored" \
	422 "$I_INVALID" /Bericht/Header/Ontvanger "$I_FILE"
i_msg ontvanger-onbekend "s('Header/Ontvanger', '9999')"
i_refused "an Ontvanger that is no gemeente (9999): 422 naming /Bericht/Header/Ontvanger, nothing stored" \
	422 "$I_INVALID" /Bericht/Header/Ontvanger "$I_FILE"

# ---------------------------------------------------------------- JW315: not XML
i_refused "a truncated message (tests/fixtures/ijw/afgebroken.xml): 400 malformed-xml, nothing stored" \
	400 "$I_MALFORMED" "" "$I_FIXTURES/afgebroken.xml" "$I_AANB_FIX"
i_msg niet-welgevormd "sub('</Bsn>', '</Bsnn>')"
i_refused "mismatched tags (<Bsn>...</Bsnn>): 400 malformed-xml, nothing stored" 400 "$I_MALFORMED" "" "$I_FILE"
i_msg latin1 "s('Client/Naam/Geslachtsnaam/Achternaam', 'Müller-Lüdenscheidt')"
python3 -c 'import sys; t = open(sys.argv[1], encoding="utf-8").read(); open(sys.argv[1], "wb").write(t.encode("latin-1"))' "$I_FILE"
i_refused "Latin-1 bytes (ü as 0xFC) under an UTF-8 declaration: 400 malformed-xml, nothing stored" 400 "$I_MALFORMED" "" "$I_FILE"
printf '{"Bericht": {}}' >"$I_DIR/json.xml"
i_refused "JSON sent as application/xml: 400 malformed-xml, nothing stored" 400 "$I_MALFORMED" "" "$I_DIR/json.xml"
: >"$I_DIR/leeg.xml"
i_refused "an empty body: 400 problem, nothing stored" 400 "" "" "$I_DIR/leeg.xml"

# ---------------------------------------------------------------- JW315: any DOCTYPE
# A listener on a free loopback port stands in for the network: the xxe-net
# fixtures are pointed at it. A FIFO stands in for a file: a writer waits on
# it, and is set free only if somebody opens it for reading.
I_CONNS=$I_DIR/listener.conns I_STOP=$I_DIR/listener.stop
: >"$I_CONNS"
python3 -u -c '
import os, socket, sys
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(16)
s.settimeout(0.1)
print(s.getsockname()[1], flush=True)
while not os.path.exists(sys.argv[2]):
    try:
        c, peer = s.accept()
    except socket.timeout:
        continue
    with open(sys.argv[1], "a") as f:
        f.write("connection from %s:%d\n" % peer)
    c.close()' "$I_CONNS" "$I_STOP" >"$I_DIR/listener.port" &
I_LISTENER=$!
for _ in $(seq 1 50); do [ -s "$I_DIR/listener.port" ] && break; sleep 0.1; done
I_PORT=$(head -n 1 "$I_DIR/listener.port")
curl -s -m 2 -o /dev/null "http://127.0.0.1:$I_PORT/selftest"
sleep 0.3
check "setup: a listener on 127.0.0.1:$I_PORT that records connections (curl's own: 1)" test "$(wc -l <"$I_CONNS")" = 1
for i_f in xxe-net xxe-net-parameter xxe-net-extern; do
	sed "s#127\.0\.0\.1:9/#127.0.0.1:$I_PORT/#" "$I_FIXTURES/$i_f.xml" >"$I_DIR/$i_f.xml"
done
mkfifo -m 0644 "$I_DIR/geheim.fifo"
(exec 3>"$I_DIR/geheim.fifo"; echo opened >"$I_DIR/geheim.opened"; echo 'root:x:0:0:geheim' >&3) &
I_FIFO_WRITER=$!
sed "s#file:///etc/passwd#file://$I_DIR/geheim.fifo#" "$I_FIXTURES/xxe-file.xml" >"$I_DIR/xxe-fifo.xml"
sed '1a <!DOCTYPE Bericht>' "$I_FIXTURE" >"$I_DIR/doctype.xml"
check "setup: the hostile messages are the valid fixture with a DOCTYPE (the same Afzender $I_AGB_FIX)" eval \
	'(for f in "$I_DIR"/xxe-net*.xml "$I_DIR/xxe-fifo.xml" "$I_DIR/doctype.xml" "$I_FIXTURES/billion-laughs.xml" "$I_FIXTURES/xxe-file.xml"; do grep -q "<!DOCTYPE Bericht" "$f" && grep -q "<Afzender>$I_AGB_FIX</Afzender>" "$f" || exit 1; done)'
I_WORKERS=$(workers)
for i_case in "billion-laughs:$I_FIXTURES/billion-laughs.xml:the billion laughs (10^9 lol)" \
	"xxe-file:$I_FIXTURES/xxe-file.xml:an external entity SYSTEM file:///etc/passwd" \
	"xxe-fifo:$I_DIR/xxe-fifo.xml:an external entity SYSTEM file:// of a FIFO" \
	"xxe-net:$I_DIR/xxe-net.xml:an external entity SYSTEM http://127.0.0.1:$I_PORT/x" \
	"xxe-net-parameter:$I_DIR/xxe-net-parameter.xml:a parameter entity SYSTEM http://127.0.0.1:$I_PORT/x.dtd" \
	"xxe-net-extern:$I_DIR/xxe-net-extern.xml:an external DTD SYSTEM http://127.0.0.1:$I_PORT/jw315.dtd" \
	"doctype:$I_DIR/doctype.xml:a harmless <!DOCTYPE Bericht>"; do
	IFS=: read -r i_name i_file i_what <<<"$i_case"
	i_refused "$i_what: 400 xml-dtd-not-allowed, nothing stored" 400 "$I_DTD_TYPE" "" "$i_file" "$I_AANB_FIX"
	check "$i_what: answered within a second (${I_TIME}s)" awk -v t="$I_TIME" 'BEGIN { exit !(t + 0 < 1.0) }'
	case $i_name in
	xxe-file | xxe-fifo) check "$i_what: the answer holds nothing of the file (no root:)" eval '[[ $BODY != *root:* ]] && [[ $BODY != *geheim* ]]' ;;
	esac
done
sleep 0.5
check "no connection reached the listener from the daemon (only curl's own)" test "$(wc -l <"$I_CONNS")" = 1
check "nobody opened the FIFO" test ! -e "$I_DIR/geheim.opened"
touch "$I_STOP"
wait "$I_LISTENER"
timeout 5 cat "$I_DIR/geheim.fifo" >/dev/null # sets the writer free (if nobody else did)
wait "$I_FIFO_WRITER"
check "after every DOCTYPE the same workers live on" test "$(workers)" = "$I_WORKERS"
request GET /api/v1/health
check "and the portal still answers" test "$STATUS" = 200

# ---------------------------------------------------------------- JW315: schema violations
I_PATH_P=/Bericht/Client/AangevraagdeProducten/AangevraagdProduct
i_msg bsn-letters "s('Client/Bsn', '70123456Q')"
i_refused "a Bsn with a letter (70123456Q): 422 validation naming /Bericht/Client/Bsn, nothing stored" \
	422 "$I_INVALID" /Bericht/Client/Bsn "$I_FILE"
check "the answer does not quote the Bsn sent" eval '[[ $BODY != *70123456Q* ]]'
i_msg eenheid-99 "dup(P)" "s(P + '[2]/Omvang/Eenheid', '99')"
i_refused "Eenheid 99 in the second product: 422 naming ${I_PATH_P}[2]/Omvang/Eenheid, nothing stored" \
	422 "$I_INVALID" "${I_PATH_P}[2]/Omvang/Eenheid" "$I_FILE"
i_py "only that Eenheid is named (not the first product's)" '
names = [e.get("name") for e in d.get("invalid-params") or []]
assert names == [a[0] + "[2]/Omvang/Eenheid"], "invalid-params %r" % d.get("invalid-params")' "$I_PATH_P"
i_msg twee-fouten "s('Client/Bsn', '70123456Q')" "dup(P)" "s(P + '[2]/Omvang/Eenheid', '99')"
i_refused "two violations in one message: 422 naming both (/Bericht/Client/Bsn and the second Eenheid)" \
	422 "$I_INVALID" "/Bericht/Client/Bsn ${I_PATH_P}[2]/Omvang/Eenheid" "$I_FILE"
i_msg berichtcode "s('Header/BerichtCode', '436')"
i_refused "BerichtCode 436 (that of a JW301): 422 naming /Bericht/Header/BerichtCode, nothing stored" \
	422 "$I_INVALID" /Bericht/Header/BerichtCode "$I_FILE"
i_msg geen-verwijzer "rm(P + '/Verwijzer')"
i_refused "a product without Verwijzer: 422 naming $I_PATH_P, nothing stored" 422 "$I_INVALID" "$I_PATH_P" "$I_FILE"
i_msg datum-30-feb "s('Client/Geboortedatum/Datum', '2015-02-30')"
i_refused "Geboortedatum 2015-02-30: 422 naming /Bericht/Client/Geboortedatum/Datum, nothing stored" \
	422 "$I_INVALID" /Bericht/Client/Geboortedatum/Datum "$I_FILE"
check "the answer does not quote the date sent" eval '[[ $BODY != *2015-02-30* ]]'
i_msg jw301 "s('Header/BerichtCode', '436')" "sub(NS315, NS301)"
i_refused "a document in the JW301 namespace posted as JW315: 422 problem, nothing stored" 422 "" "" "$I_FILE"

# ---------------------------------------------------------------- JW315: the rules
i_msg elfproef "s('Client/Bsn', '$I_BAD_BSN')"
i_refused "a Bsn failing the 11-proef ($I_BAD_BSN): 422 naming /Bericht/Client/Bsn, nothing stored" \
	422 "$I_INVALID" /Bericht/Client/Bsn "$I_FILE"
check "the answer does not quote the Bsn sent" eval '[[ $BODY != *"$I_BAD_BSN"* ]]'
i_msg morgen-geboren "s('Client/Geboortedatum/Datum', '$I_TOMORROW')"
i_refused "born tomorrow: 422 naming /Bericht/Client/Geboortedatum/Datum, nothing stored" \
	422 "$I_INVALID" /Bericht/Client/Geboortedatum/Datum "$I_FILE"
for i_type in 02:huisarts 03:jeugdarts 04:gecertificeerde\ instelling 05:medisch\ specialist; do
	i_msg "verwijzer-${i_type%%:*}-anoniem" "s(P + '/Verwijzer/Type', '${i_type%%:*}')" \
		"rm(P + '/Verwijzer/Naam')" "rm(P + '/Verwijzer/ZorgverlenerCode')"
	i_refused "Verwijzer type ${i_type%%:*} (${i_type#*:}) with neither ZorgverlenerCode nor Naam: 422 naming $I_PATH_P/Verwijzer, nothing stored" \
		422 "$I_INVALID" "$I_PATH_P/Verwijzer" "$I_FILE"
done
i_msg verwijzer-01 "s(P + '/Verwijzer/Type', '01')" "s(P + '/Verwijzer/Naam', 'Gemeente Leeuwarden')" "rm(P + '/Verwijzer/ZorgverlenerCode')"
i_refused "Verwijzer type 01 (gemeente), even with a Naam: 422 naming $I_PATH_P/Verwijzer (no wettelijk verwijzer), nothing stored" \
	422 "$I_INVALID" "$I_PATH_P/Verwijzer" "$I_FILE"
i_msg verwijzer-06 "s(P + '/Verwijzer/Type', '06')" "rm(P + '/Verwijzer/Naam')" "rm(P + '/Verwijzer/ZorgverlenerCode')"
i_refused "Verwijzer type 06 (geen verwijzer): 422 naming $I_PATH_P/Verwijzer, nothing stored" \
	422 "$I_INVALID" "$I_PATH_P/Verwijzer" "$I_FILE"
i_msg verwijzer-06-tweede "dup(P)" "s(P + '[2]/Product/Code', '54A02')" "s(P + '[2]/Verwijzer/Type', '06')" \
	"rm(P + '[2]/Verwijzer/Naam')" "rm(P + '[2]/Verwijzer/ZorgverlenerCode')"
i_refused "Verwijzer type 06 in the second product only: 422 naming ${I_PATH_P}[2]/Verwijzer, nothing stored" \
	422 "$I_INVALID" "${I_PATH_P}[2]/Verwijzer" "$I_FILE"
i_msg verwijzer-08 "s('Client/Bsn', '$I_J_T08')" "s(P + '/Verwijzer/Type', '08')" "rm(P + '/Verwijzer/Naam')" "rm(P + '/Verwijzer/ZorgverlenerCode')"
i_accepted "Verwijzer type 08 (rechter, OvJ, JJI) without code or name: 201" "$I_FILE"
z_get "$I_CJG" "$I_ZAAK"
I_T08=$I_ZAAK
i_py "that zaak: verwijzer {type 08}, no agb, no naam" '
v = d.get("verwijzer") or {}
assert v.get("type") == "08" and v.get("agb") is None and v.get("naam") is None, "verwijzer %r" % v'
r_hidden "the aanbieder that sent it does not see that zaak either: 404, not in its list" "$I_AANB_A" "$I_T08"
i_msg verwijzer-05-naam "s('Client/Bsn', '$I_J_T05')" "s(P + '/Verwijzer/Type', '05')" \
	"s(P + '/Verwijzer/Naam', 'Dr. A. Bakker, kinderarts')" "rm(P + '/Verwijzer/ZorgverlenerCode')"
i_accepted "Verwijzer type 05 (medisch specialist) known by Naam only: 201" "$I_FILE"
z_get "$I_CJG" "$I_ZAAK"
i_py "that zaak: verwijzer {type 05, naam}, no agb" '
v = d.get("verwijzer") or {}
assert (v.get("type"), v.get("naam"), v.get("agb")) == ("05", "Dr. A. Bakker, kinderarts", None), "verwijzer %r" % v'
i_msg verwijzer-03-code "s('Client/Bsn', '$I_J_T03')" "s(P + '/Verwijzer/Type', '03')" "rm(P + '/Verwijzer/Naam')"
i_accepted "Verwijzer type 03 (jeugdarts) known by ZorgverlenerCode only: 201" "$I_FILE"
z_get "$I_CJG" "$I_ZAAK"
i_py "that zaak: verwijzer {type 03, agb}, no naam" '
v = d.get("verwijzer") or {}
assert (v.get("type"), v.get("agb"), v.get("naam")) == ("03", a[0], None), "verwijzer %r" % v' "$I_HA_AGB"

# The toewijzingsvarianten (iJw: inspanningsgericht, outputgericht)
for i_case in "2:per week" "6:totaal binnen de geldigheidsduur"; do
	i_msg "frequentie-${i_case%%:*}-open" "s(P + '/Omvang/Frequentie', '${i_case%%:*}')" "rm(P + '/ToewijzingEinddatum')"
	i_refused "Omvang with Frequentie ${i_case%%:*} (${i_case#*:}) without ToewijzingEinddatum: 422 naming $I_PATH_P/ToewijzingEinddatum, nothing stored" \
		422 "$I_INVALID" "$I_PATH_P/ToewijzingEinddatum" "$I_FILE"
done
i_msg frequentie-2-open-tweede "dup(P)" "s(P + '[2]/Product/Code', '54A02')" "rm(P + '[2]/ToewijzingEinddatum')"
i_refused "the second product per week without ToewijzingEinddatum: 422 naming ${I_PATH_P}[2]/ToewijzingEinddatum, nothing stored" \
	422 "$I_INVALID" "${I_PATH_P}[2]/ToewijzingEinddatum" "$I_FILE"
i_msg omvang-zonder-code "rm(P + '/Product/Code')"
i_refused "Omvang without Product/Code: 422 naming $I_PATH_P/Product/Code, nothing stored" \
	422 "$I_INVALID" "$I_PATH_P/Product/Code" "$I_FILE"
i_msg omvang-en-budget "add(P + '/Omvang', 'Budget', '150000')"
i_refused "Omvang and Budget together: 422 naming $I_PATH_P/Budget, nothing stored" \
	422 "$I_INVALID" "$I_PATH_P/Budget" "$I_FILE"
for i_eenheid in 14:etmaal 16:dagdeel; do
	i_msg "per-dag-${i_eenheid%%:*}" "s(P + '/Omvang/Eenheid', '${i_eenheid%%:*}')" "s(P + '/Omvang/Frequentie', '1')"
	i_refused "Frequentie 1 (per dag) with Eenheid ${i_eenheid%%:*} (${i_eenheid#*:}): 422 naming $I_PATH_P/Omvang/Frequentie, nothing stored" \
		422 "$I_INVALID" "$I_PATH_P/Omvang/Frequentie" "$I_FILE"
done
i_msg per-dag-uur "s('Client/Bsn', '$I_J_F1')" "s(P + '/Omvang/Frequentie', '1')" "s(P + '/Omvang/Volume', '2')"
i_accepted "Frequentie 1 with Eenheid 04 (2 uur per dag): 201" "$I_FILE"
i_msg per-maand-open "s('Client/Bsn', '$I_J_F4')" "s(P + '/Omvang/Frequentie', '4')" "rm(P + '/ToewijzingEinddatum')"
i_accepted "Frequentie 4 (per maand) without ToewijzingEinddatum: 201" "$I_FILE"

# ---------------------------------------------------------------- JW301: a beschikking on the JW315
k_track "$I_MAIN" verwijzing "$I_GEM"
p_walk_check "the cjg of $I_GEM takes the JW315 zaak on: ontvangst_bevestigen, vooronderzoek (woonplaats $I_GEM)" "$I_MAIN" \
	ontvangst_bevestigen vooronderzoek
I_P_MAIN=$(i_product)
p_act "$I_CJG" "$I_MAIN" beschikken "$(k_beschikking toegekend "$I_P_MAIN")"
z_verdict "the cjg grants what aanbieder $I_AGB_A asked for (3 uur per week): 200, toegekend" \
	"$([ "$STATUS:$(p_json "['status']")" = 200:toegekend ] || z_answer)"
i_py "the toewijzing carries its JW301: identificatie (1-12 characters), dagtekening today, href /api/v1/zaken/{id}/toewijzingen/{nummer}/jw301" '
t = (d.get("toewijzingen") or [{}])[0]
j = t.get("jw301") or {}
assert isinstance(j.get("identificatie"), str) and 1 <= len(j["identificatie"]) <= 12, "jw301 %r" % j
assert j.get("dagtekening") == TODAY.isoformat(), "jw301 %r" % j
assert j.get("href") == "/api/v1/zaken/%s/toewijzingen/%s/jw301" % (a[0], t.get("nummer")), "jw301 %r" % j' "$I_MAIN"
I_MAIN_HREF=$(i_json "['toewijzingen'][0]['jw301']['href']")
I_MAIN_GRANT=$BODY
i_fetch "$I_AANB_A" "${I_MAIN_HREF:-/none}" "$I_DIR/jw301-hoofd.xml"
i_fetched "the aanbieder that asked fetches its JW301: 200 application/xml"
i_xmllint "that JW301 is valid against JW301.xsd" "$I_XSD/JW301.xsd" "$I_DIR/jw301-hoofd.xml"
i_jw301_ok "that JW301: 436 from $I_GEM to $I_AGB_A, the child, no relaties (none known), the product as granted" \
	"$I_DIR/jw301-hoofd.xml" "$I_MAIN_GRANT" "[$I_P_MAIN]" "$I_AGB_A" 0
z_get "$I_AANB_A" "$I_MAIN"
check "now that a toewijzing names it, the aanbieder reads the zaak: 200" test "$STATUS:$(p_json "['id']")" = "200:$I_MAIN"

# ---------------------------------------------------------------- JW301: a verwijzing with four products
# 0: natura 3 uur per week with an end date (A); 1: 40 uur in total within
# the period (A); 2: natura with a budget of 1234.50 euro, no omvang (B);
# 3: natura without a provider (no JW301).
r_post /api/v1/verwijzingen "$I_HA" "$(r_body "$I_J_V" "$I_G_V1" $I_GEM \
	"d['gezaghebbenden'].append({'bsn': '$I_G_V2', 'naam': 'Bram Hoekstra', 'gemeente': '$I_GEM'})")"
r_created "a verwijzing in $I_GEM with two gezaghebbenden: 201"
I_V=${R_LAST:-$P_NOID}
k_track "$I_V" verwijzing "$I_GEM"
p_walk_check "the verwijzing: ontvangst_bevestigen" "$I_V" ontvangst_bevestigen
I_V_P0=$I_P_MAIN
I_V_P1=$(i_product "p.update(omschrijving='Jeugdhulp ambulant, 40 uur in totaal', productcategorie='45', productcode='45B02', einddatum=(TODAY + 90 * DAY).isoformat(), omvang={'volume': 40, 'eenheid': '04', 'frequentie': '6'})")
I_V_P2=$(i_product "p.update(omschrijving='Maatwerkarrangement', productcategorie='50', aanbieder_agb='$I_AGB_B', budget=1234.50, einddatum=(TODAY + 364 * DAY).isoformat())" \
	"del p['omvang']" "del p['productcode']")
I_V_P3=$(i_product "p.update(omschrijving='Wijkteam', productcategorie='31')" "del p['aanbieder_agb']" "del p['omvang']" "del p['productcode']")
I_V_PRODUCTS="[$I_V_P0, $I_V_P1, $I_V_P2, $I_V_P3]"
p_act "$I_CJG" "$I_V" beschikken "$(k_beschikking toegekend "$I_V_P0" "$I_V_P1" "$I_V_P2" "$I_V_P3")"
z_verdict "the cjg grants four products (two by $I_AGB_A, a budget by $I_AGB_B, one without provider): 200, toegekend" \
	"$([ "$STATUS:$(p_json "['status']")" = 200:toegekend ] || z_answer)"
I_V_GRANT=$BODY
i_py "one JW301 per provider: toewijzingen 0 and 1 share one, 2 has its own, 3 (no provider) none; each href names its own nummer; the budget is 1234.5" '
t = d.get("toewijzingen") or []
assert len(t) == 4, "toewijzingen %r" % t
j = [x.get("jw301") for x in t]
assert all(j[:3]) and j[3] is None, "jw301 %r" % j
assert j[0]["identificatie"] == j[1]["identificatie"] != j[2]["identificatie"], "identificaties %r" % [x["identificatie"] for x in j[:3]]
for x in t[:3]:
    assert x["jw301"]["href"] == "/api/v1/zaken/%s/toewijzingen/%s/jw301" % (a[0], x["nummer"]), "href %r" % x["jw301"]
assert Decimal(str(t[2].get("budget"))) == Decimal("1234.50") and t[2].get("omvang") is None, "toewijzing 2 %r" % t[2]' "$I_V"
read -r I_V_NR0 I_V_NR1 I_V_NR2 I_V_NR3 < <(p_eval "$I_V_GRANT" 'print(*[x["nummer"] for x in d["toewijzingen"]])')
I_V_HREF0=/api/v1/zaken/$I_V/toewijzingen/$I_V_NR0/jw301
I_V_HREF1=/api/v1/zaken/$I_V/toewijzingen/$I_V_NR1/jw301
I_V_HREF2=/api/v1/zaken/$I_V/toewijzingen/$I_V_NR2/jw301
z_get "$I_CJG" "$I_V"
i_py "the zaak read again shows the same jw301 members" '
assert [x.get("jw301") for x in d.get("toewijzingen") or []] == [x.get("jw301") for x in json.loads(a[0])["toewijzingen"]], d.get("toewijzingen")' "$I_V_GRANT"
i_fetch "$I_CJG" "$I_V_HREF0" "$I_DIR/jw301-a-cjg.xml"
i_fetched "the cjg of the zaak fetches the JW301 of toewijzing $I_V_NR0: 200 application/xml"
i_xmllint "(1, 2) the JW301 for $I_AGB_A (per week, and a total within the period) is valid against JW301.xsd" "$I_XSD/JW301.xsd" "$I_DIR/jw301-a-cjg.xml"
i_jw301_ok "(1, 2) that JW301: from $I_GEM to $I_AGB_A, the child, two Relaties of soort 10, toewijzingen $I_V_NR0 (3 uur per week) and $I_V_NR1 (40 uur totaal) with Product, dates, Omvang" \
	"$I_DIR/jw301-a-cjg.xml" "$I_V_GRANT" "$I_V_PRODUCTS" "$I_AGB_A" 2
i_fetch "$I_AANB_A" "$I_V_HREF1" "$I_DIR/jw301-a-aanbieder.xml"
i_fetched "aanbieder $I_AGB_A fetches it by its other toewijzing ($I_V_NR1): 200 application/xml"
check "the same document, byte for byte, as the cjg got" cmp -s "$I_DIR/jw301-a-cjg.xml" "$I_DIR/jw301-a-aanbieder.xml"
i_fetch "$I_AANB_B" "$I_V_HREF2" "$I_DIR/jw301-b.xml"
i_fetched "aanbieder $I_AGB_B fetches the JW301 of its budget: 200 application/xml"
i_xmllint "(3) the JW301 of the budget is valid against JW301.xsd" "$I_XSD/JW301.xsd" "$I_DIR/jw301-b.xml"
i_jw301_ok "(3) that JW301: to $I_AGB_B, toewijzing $I_V_NR2 with Product/Categorie 50 and no Code, Budget 123450 (eurocent), no Omvang" \
	"$I_DIR/jw301-b.xml" "$I_V_GRANT" "$I_V_PRODUCTS" "$I_AGB_B" 2
i_xpy "the budget of 1234.50 euro is literally <Budget>123450</Budget>" "$I_DIR/jw301-b.xml" '
b = [text(x, "Budget") for x in all_at(r, "Client/ToegewezenProducten/ToegewezenProduct")]
assert b == ["123450"], "Budget %r" % b'
i_refused "the provider posts that JW301 back as if it were a JW315: 422 problem, nothing stored" 422 "" "" "$I_DIR/jw301-b.xml" "$I_AANB_B"
check "the JW301s are kept: two ijw_bericht uit (436) for the zaak, to $I_AGB_A and $I_AGB_B, with their toewijzingen" test \
	"$(z_psql_super "SELECT string_agg(richting || ':' || berichtcode || ':' || aanbieder_agb || ':' || array_to_string(toewijzingen, ','), ' ' ORDER BY aanbieder_agb) FROM ijw_bericht WHERE zaak_id = '$I_V'")" \
	= "uit:436:$I_AGB_A:$I_V_NR0,$I_V_NR1 uit:436:$I_AGB_B:$I_V_NR2"

# Who gets which JW301
request GET "/api/v1/zaken/$P_UUID_NONE/toewijzingen/1/jw301" -H "$(bearer "$I_CJG")"
I_404=$(p_sig)
z_verdict "the JW301 of a zaak that does not exist: 404 problem" "$(p_problem_why 404)"
i_not_yours() { # i_not_yours NAME TOKEN HREF: 404 problem, the same as for no zaak
	request GET "$3" -H "$(bearer "$2")"
	z_verdict "$1" "$(p_problem_why 404)$([ "$(p_sig)" = "$I_404" ] || echo " not the 404 of a zaak that does not exist: $(p_sig) vs $I_404")"
}
i_not_yours "aanbieder $I_AGB_B (named in another toewijzing of the zaak) asks for the JW301 of $I_AGB_A: 404, as for no zaak" "$I_AANB_B" "$I_V_HREF0"
i_not_yours "aanbieder $I_AGB_A asks for the JW301 of $I_AGB_B: 404, as for no zaak" "$I_AANB_A" "$I_V_HREF2"
i_not_yours "an aanbieder named nowhere ($I_AGB_C): 404, as for no zaak" "$I_AANB_C" "$I_V_HREF0"
i_not_yours "the cjg of $I_GEM2: 404, as for no zaak" "$I_CJG2" "$I_V_HREF0"
for i_who in "huisarts (the referrer, who sees the zaak):$I_HA" "ouder (of the zaak):$(token -r ouder -c bsn="$I_G_V1" -s i-ouder-v)" "gi:$I_GI"; do
	request GET "$I_V_HREF0" -H "$(bearer "${i_who#*:}")"
	z_verdict "role ${i_who%%:*} may not fetch JW301s (the cjg and the aanbieder only): 403 problem" "$(p_problem_why 403)"
done
i_not_yours "toewijzing $I_V_NR3 (no provider, no JW301): 404, as for no zaak" "$I_CJG" "/api/v1/zaken/$I_V/toewijzingen/$I_V_NR3/jw301"
i_not_yours "the nummer of another zaak's toewijzing under this zaak: 404, as for no zaak" "$I_CJG" \
	"/api/v1/zaken/$I_V/toewijzingen/$(p_eval "$I_MAIN_GRANT" 'print(d["toewijzingen"][0]["nummer"])')/jw301"
request GET "$I_V_HREF0"
z_verdict "the JW301 without a token: 401 problem" "$(p_problem_why 401)"
request GET "$I_V_HREF0" -H "$(bearer "$I_AANB_A")"
I_FETCH_RID=$(z_rid)
z_log_py "access log of the provider's fetch: a row for the zaak, by the aanbieder $I_AGB_A" "$I_FETCH_RID" "
assert any(r['zaak_id'] == a[0] and r['rol'] == 'aanbieder' and r['actor'] == a[1] for r in rows), rows" "$I_V" "$I_AGB_A"

# ---------------------------------------------------------------- JW301: a PGB naming a provider
r_post /api/v1/verwijzingen "$I_HA" "$(r_body "$I_J_PGB" "$I_G_PGB" $I_GEM2)"
r_created "a verwijzing in $I_GEM2: 201"
I_PGB=${R_LAST:-$P_NOID}
k_track "$I_PGB" verwijzing "$I_GEM2"
p_walk_check "the verwijzing: ontvangst_bevestigen" "$I_PGB" ontvangst_bevestigen
I_PGB_P=$(i_product "p.update(omschrijving='Individuele begeleiding medium', productcategorie='45', productcode='IBM01', aanbieder_agb='$I_AGB_C', vorm='pgb', einddatum=(TODAY + 83 * DAY).isoformat())" \
	"p['pgb'] = {'tarief': 'individuele_begeleiding_medium', 'hulp': 'formeel', 'motivering': {'aanbod_niet_passend': 'Geen plek na schooltijd.', 'wens_pgb': 'De ouders kiezen de begeleider zelf.', 'kwaliteit': 'SKJ-geregistreerd.'}}")
p_act "$I_CJG2" "$I_PGB" beschikken "$(k_beschikking toegekend "$I_PGB_P")"
z_verdict "the cjg of $I_GEM2 grants a PGB (3 uur per week, 12 weeks) naming $I_AGB_C: 200, toegekend with a budget" \
	"$([ "$STATUS:$(p_json "['status']"):$(p_json "['toewijzingen'][0]['budget'] is not None")" = 200:toegekend:True ] || z_answer)"
I_PGB_GRANT=$BODY
i_fetch "$I_AANB_C" "$(i_json "['toewijzingen'][0]['jw301']['href']" || echo /none)" "$I_DIR/jw301-pgb.xml"
i_fetched "aanbieder $I_AGB_C fetches the JW301 of the PGB: 200 application/xml"
i_xmllint "(3) the JW301 of the PGB is valid against JW301.xsd" "$I_XSD/JW301.xsd" "$I_DIR/jw301-pgb.xml"
i_jw301_ok "(3) that JW301: from $I_GEM2 to $I_AGB_C, one Relatie, the calculated budget in eurocent as Budget, not with an Omvang" \
	"$I_DIR/jw301-pgb.xml" "$I_PGB_GRANT" "[$I_PGB_P]" "$I_AGB_C" 1

# ---------------------------------------------------------------- JW301: a mandaat
r_post /api/v1/mandaten "$I_GI" "$(r_body "$I_J_M" "$I_G_M" $I_GEM "d.update(maatregel='ots', uitspraakdatum='$I_WEEK_AGO', kenmerk='C/19/780 JE RK 26-7')")"
r_created "gi registers a mandaat (ots) in $I_GEM: 201"
I_M=${R_LAST:-$P_NOID}
I_M_P=$(i_product "p.update(omschrijving='Ambulante gezinsbegeleiding bij OTS', productcategorie='48', productcode='48C01', einddatum=(TODAY + 364 * DAY).isoformat(), omvang={'volume': 4, 'eenheid': '04', 'frequentie': '2'})")
p_act "$I_CJG" "$I_M" beschikken "$(k_beschikking toegekend "$I_M_P")"
z_verdict "(4) the cjg grants the mandate's help straight from ontvangen: 200, toegekend" \
	"$([ "$STATUS:$(p_json "['status']")" = 200:toegekend ] || z_answer)"
I_M_GRANT=$BODY
i_fetch "$I_CJG" "$(i_json "['toewijzingen'][0]['jw301']['href']" || echo /none)" "$I_DIR/jw301-mandaat.xml"
i_fetched "the cjg fetches the JW301 of the mandaat: 200 application/xml"
i_xmllint "(4) the JW301 of the mandaat is valid against JW301.xsd" "$I_XSD/JW301.xsd" "$I_DIR/jw301-mandaat.xml"
i_jw301_ok "(4) that JW301: to $I_AGB_A, JuridischeStatus 04 (ondertoezichtstelling), one Relatie, 4 uur per week" \
	"$I_DIR/jw301-mandaat.xml" "$I_M_GRANT" "[$I_M_P]" "$I_AGB_A" 1 04

# ---------------------------------------------------------------- beschikken: what no JW301 could carry
r_post /api/v1/verwijzingen "$I_HA" "$(r_body "$I_J_REF" "$I_G_REF" $I_GEM2)"
r_created "a verwijzing in $I_GEM2 for the refused beschikkingen: 201"
I_REF=${R_LAST:-$P_NOID}
k_track "$I_REF" verwijzing "$I_GEM2"
p_walk_check "the verwijzing: ontvangst_bevestigen" "$I_REF" ontvangst_bevestigen
i_bs_refused "a product of $I_AGB_A with an omvang but no productcode: 422 naming producten[0].productcode, nothing changed" \
	"$I_CJG2" "$I_REF" "producten[0].productcode" "$(i_product "del p['productcode']")"
i_bs_refused "an omvang in etmalen (14) per dag (1): 422 naming producten[0].omvang.frequentie, nothing changed" \
	"$I_CJG2" "$I_REF" "producten[0].omvang.frequentie" "$(i_product "p['omvang'] = {'volume': 1, 'eenheid': '14', 'frequentie': '1'}")"
i_bs_refused "an omvang and a budget together: 422 naming producten[0].budget, nothing changed" \
	"$I_CJG2" "$I_REF" "producten[0].budget" "$(i_product "p['budget'] = 500")"
i_bs_refused "a product naming an aanbieder without productcategorie: 422 naming producten[0].productcategorie, nothing changed" \
	"$I_CJG2" "$I_REF" "producten[0].productcategorie" "$(i_product "del p['productcategorie']")"
i_bs_refused "a budget of 12.345 euro (three decimals): 422 naming producten[0].budget, nothing changed" \
	"$I_CJG2" "$I_REF" "producten[0].budget" "$(i_product "p['budget'] = 12.345" "del p['omvang']" "del p['productcode']")"
i_bs_refused "a negative budget: 422 naming producten[0].budget, nothing changed" \
	"$I_CJG2" "$I_REF" "producten[0].budget" "$(i_product "p['budget'] = -5" "del p['omvang']" "del p['productcode']")"
i_bs_refused "a good product, then one of $I_AGB_B without productcode: 422 naming producten[1].productcode, nothing changed" \
	"$I_CJG2" "$I_REF" "producten[1].productcode" "$(i_product)" "$(i_product "p['aanbieder_agb'] = '$I_AGB_B'" "del p['productcode']")"

# ---------------------------------------------------------------- stapeling (WJ759 code 6)
# The child I_J_S gets, in a zaak of 0935 with aanbieder A, toewijzingen in
# category 45 (active), 54 (ended yesterday) and 32 (ending today). Then
# zaken of 0080 for the same child warn when they name a category with an
# active toewijzing of another provider (or none).
r_post /api/v1/verwijzingen "$I_HA" "$(r_body "$I_J_S" "$I_G_S" $I_GEM2 "d.update(productcategorie='45', aanbieder_agb='$I_AGB_A')")"
r_created "stapeling setup: a verwijzing in $I_GEM2 (category 45, aanbieder $I_AGB_A): 201"
I_S0=${R_LAST:-$P_NOID}
k_track "$I_S0" verwijzing "$I_GEM2"
p_walk_check "stapeling setup: ontvangst_bevestigen" "$I_S0" ontvangst_bevestigen
p_act "$I_CJG2" "$I_S0" beschikken "$(k_beschikking toegekend \
	"$(i_product "p.update(productcategorie='45', productcode='45B02')")" \
	"$(i_product "p.update(ingangsdatum=(TODAY - 60 * DAY).isoformat(), einddatum=(TODAY - DAY).isoformat())")" \
	"$(i_product "p.update(productcategorie='32', productcode='32X01', ingangsdatum=(TODAY - 30 * DAY).isoformat(), einddatum=TODAY.isoformat())")")"
z_verdict "stapeling setup: toegekend with toewijzingen in 45 (active), 54 (ended yesterday), 32 (ends today)" \
	"$([ "$STATUS:$(p_json "['status']")" = 200:toegekend ] || z_answer)"
z_get "$I_CJG2" "$I_S0"
i_py "the zaak whose toewijzingen they are warns about nothing: waarschuwingen []" '
assert d.get("waarschuwingen", "absent") == [], "waarschuwingen %r" % d.get("waarschuwingen", "absent")'
# i_warns NAME ID CATEGORIE|-: the cjg of 0080 reads the zaak: one stapeling
# warning for CATEGORIE (WJ759 code 6, a toelichting, nothing of the other
# zaak), or waarschuwingen [] for -
i_warns() {
	z_get "$I_CJG" "$2"
	i_py "$1" '
w = d.get("waarschuwingen", "absent")
if a[0] == "-":
    assert w == [], "waarschuwingen %r" % w
else:
    assert isinstance(w, list) and len(w) == 1, "waarschuwingen %r" % w
    w = w[0]
    assert (w.get("code"), w.get("wj759"), w.get("productcategorie")) == ("stapeling", "6", a[0]), "waarschuwing %r" % w
    assert isinstance(w.get("toelichting"), str) and w["toelichting"].strip(), "toelichting %r" % w.get("toelichting")
    assert a[1] not in json.dumps(w) and a[2] not in json.dumps(w), "the other zaak shows: %r" % w' "$3" "$I_S0" "$(z_psql_super "SELECT referentie FROM zaak WHERE id = '$I_S0'")"
}
# i_intake NAME JEUGDIGE [PYTHON...]: a verwijzing in 0080 by the huisarts; I_ZAAK its id
i_intake() {
	local name=$1 j=$2; shift 2
	r_post /api/v1/verwijzingen "$I_HA" "$(r_body "$j" "$I_G_S2" $I_GEM "$@")"
	r_created "$name: 201"
	I_ZAAK=${R_LAST:-$P_NOID}
}
i_intake "stapeling: a verwijzing of the same child in $I_GEM for category 45 with aanbieder $I_AGB_B" "$I_J_S" \
	"d.update(productcategorie='45', aanbieder_agb='$I_AGB_B')"
check "the huisarts's create answer has no waarschuwingen member" eval '[ "$(p_eval "$BODY" "print(\"waarschuwingen\" in d)")" = False ]'
I_S1=$I_ZAAK
i_warns "the cjg of $I_GEM reads it: one warning, stapeling (WJ759 6) in category 45, nothing of the other zaak" "$I_S1" 45
for i_who in "huisarts:$I_HA" "ouder:$(token -r ouder -c bsn="$I_G_S2" -s i-ouder-s)"; do
	z_get "${i_who#*:}" "$I_S1"
	check "the ${i_who%%:*} reads the same zaak: 200 without a waarschuwingen member" \
		eval '[ "$STATUS:$(p_eval "$BODY" "print(\"waarschuwingen\" in d)")" = 200:False ]'
done
r_hidden "the warning opens nothing: the cjg of $I_GEM still gets 404 for the zaak of $I_GEM2" "$I_CJG" "$I_S0"
i_intake "stapeling: the same child, category 45, no aanbieder named" "$I_J_S" "d.update(productcategorie='45')"
i_warns "a warning too (another provider may come): stapeling in 45" "$I_ZAAK" 45
i_intake "stapeling: the same child, category 45, the same aanbieder $I_AGB_A" "$I_J_S" "d.update(productcategorie='45', aanbieder_agb='$I_AGB_A')"
i_warns "the same provider: waarschuwingen []" "$I_ZAAK" -
i_intake "stapeling: the same child, category 54 (its toewijzing ended yesterday), aanbieder $I_AGB_B" "$I_J_S" "d.update(productcategorie='54', aanbieder_agb='$I_AGB_B')"
i_warns "an ended toewijzing: waarschuwingen []" "$I_ZAAK" -
i_intake "stapeling: the same child, category 32 (its toewijzing ends today), aanbieder $I_AGB_B" "$I_J_S" "d.update(productcategorie='32', aanbieder_agb='$I_AGB_B')"
i_warns "a toewijzing ending today is still active: stapeling in 32" "$I_ZAAK" 32
i_intake "stapeling: the same child, no productcategorie, aanbieder $I_AGB_B" "$I_J_S" "d.update(aanbieder_agb='$I_AGB_B')"
i_warns "no category named: waarschuwingen []" "$I_ZAAK" -
i_intake "stapeling: another child, category 45, aanbieder $I_AGB_B" "$I_J_OTHER" "d.update(productcategorie='45', aanbieder_agb='$I_AGB_B')"
i_warns "another child: waarschuwingen []" "$I_ZAAK" -
i_msg stapeling-b "s('Client/Bsn', '$I_J_S')" "s('Header/Afzender', '$I_AGB_B')" "s(P + '/Product/Categorie', '45')" "s(P + '/Product/Code', '45B09')"
i_accepted "stapeling: aanbieder $I_AGB_B sends a JW315 for the same child, category 45: 201" "$I_FILE" "$I_AANB_B"
i_warns "the cjg reads the JW315 zaak: stapeling in 45" "$I_ZAAK" 45
z_get "$I_HA" "$I_ZAAK"
check "the huisarts named as verwijzer reads it: 200 without a waarschuwingen member" \
	eval '[ "$STATUS:$(p_eval "$BODY" "print(\"waarschuwingen\" in d)")" = 200:False ]'
i_msg stapeling-a "s('Client/Bsn', '$I_J_S')" "s(P + '/Product/Categorie', '45')" "s(P + '/Product/Code', '45B02')"
i_accepted "stapeling: aanbieder $I_AGB_A (who has the toewijzing) sends a JW315 for the same child, category 45: 201" "$I_FILE"
i_warns "the same provider asking again: waarschuwingen []" "$I_ZAAK" -
z_get "$I_CJG" "$I_MAIN"
i_py "the main JW315 zaak (a child without other help): waarschuwingen []" '
assert d.get("waarschuwingen", "absent") == [], "waarschuwingen %r" % d.get("waarschuwingen", "absent")'

# ---------------------------------------------------------------- toegang-ijw-validate
I_VALIDATE=$BUILD/toegang-ijw-validate
i_validate() { # i_validate ARGS...: runs the command; I_RC, I_OUT (stdout), I_ERR (stderr), I_SECS
	local t0
	t0=$(date +%s.%N)
	I_OUT=$(timeout 20 "$I_VALIDATE" "$@" 2>"$I_DIR/validate.err"); I_RC=$?
	# shellcheck disable=SC2034 # read in the evals below
	I_ERR=$(cat "$I_DIR/validate.err")
	I_SECS=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
}
i_validate -d "$I_XSD" "$I_DIR/jw301-a-cjg.xml"
check "toegang-ijw-validate on a JW301 the portal made: exit 0" eval '[ "$I_RC" = 0 ] || { echo "#   exit $I_RC: $I_OUT $I_ERR"; false; }'
i_validate -d "$I_XSD" "$I_MAIN_FILE" "$I_FIXTURE" "$I_DIR/jw301-b.xml" "$I_DIR/jw301-mandaat.xml"
check "on two valid JW315s and two JW301s at once (each by its namespace): exit 0" eval '[ "$I_RC" = 0 ] || { echo "#   exit $I_RC: $I_OUT $I_ERR"; false; }'
i_validate -d "$I_XSD" "$I_DIR/twee-fouten.xml"
check "on a JW315 with a letter in the Bsn and Eenheid 99 in the second product: exit 1, a line FILE: /Bericht/Client/Bsn: reason and one for ${I_PATH_P}[2]/Omvang/Eenheid" eval \
	'[ "$I_RC" = 1 ] && grep -q "^$I_DIR/twee-fouten.xml: /Bericht/Client/Bsn: ." <<<"$I_OUT" && grep -qF "$I_DIR/twee-fouten.xml: ${I_PATH_P}[2]/Omvang/Eenheid: " <<<"$I_OUT" || { echo "#   exit $I_RC: $I_OUT $I_ERR"; false; }'
check "one line per violation: two lines naming an element" test "$(grep -c "^$I_DIR/twee-fouten.xml: /" <<<"$I_OUT")" = 2
i_validate -d "$I_XSD" "$I_MAIN_FILE" "$I_DIR/twee-fouten.xml"
check "a valid and an invalid file: exit 1, no violation named for the valid one" \
	eval '[ "$I_RC" = 1 ] && ! grep -q "^$I_MAIN_FILE: /" <<<"$I_OUT" && grep -q "^$I_DIR/twee-fouten.xml: /" <<<"$I_OUT" || { echo "#   exit $I_RC: $I_OUT $I_ERR"; false; }'
i_validate -d "$I_XSD" "$I_FIXTURES/billion-laughs.xml"
check "on the billion laughs: exit 2, at once (${I_SECS}s)" \
	eval '[ "$I_RC" = 2 ] && awk -v t="$I_SECS" "BEGIN { exit !(t < 2) }" || { echo "#   exit $I_RC in ${I_SECS}s: $I_OUT $I_ERR"; false; }'
i_validate -d "$I_XSD" "$I_FIXTURES/afgebroken.xml"
check "on a truncated file: exit 2" test "$I_RC" = 2
i_validate -d "$I_XSD" "$I_DIR/no-such-file.xml"
check "on a file that does not exist: exit 2" test "$I_RC" = 2
i_validate -d "$I_XSD"
check "without a file: exit 2 (usage)" test "$I_RC" = 2
i_validate -x "$I_MAIN_FILE"
check "with an unknown option: exit 2 (usage)" test "$I_RC" = 2

# ---------------------------------------------------------------- privacy, the end
I_BSN_RE=$(IFS='|'; echo "${I_BSNS[*]}|$I_BAD_BSN|70123456Q")
check "no BSN used here (nor the bad ones sent) appears in the access log" test \
	"$(psql_owner "SELECT count(*) FROM toegangslog t WHERE t::text ~ '($I_BSN_RE)'")" = 0
check "nor in the daemon's log" eval '! grep -Eq "$I_BSN_RE" "$STATE/log/toegangd.log"'
restart_daemon
request GET /api/v1/health
check "after the iJw messages the daemon restarted without a region" test "$STATUS" = 200
# The helper ends when its input closes.
exec {P_TO_PY}>&- {P_FROM_PY}<&-
wait "$I_PY_PID" 2>/dev/null
