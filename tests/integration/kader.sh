# Gedwongen kader, overdracht, families and the region (issue 5; sourced by
# run.sh after procedure.sh).
#
# Through nginx with curl, with the daemon serving a region (regio = 0050
# 0262: Zeewolde and Lochem) for the whole section and its default (no
# region) again at the end. Covered: a mandaat carries its WJ232 juridische
# status and the volume the GI deems necessary, gets a toewijzing deadline of
# 5 werkdagen and goes straight from receipt to a grant that allocates
# numbered toewijzingen, whose start the CJG records and the GI sees; a PGB
# (complete: tariff, help, motivations, volume) is refused for
# jeugdbescherming, jeugdreclassering and gesloten jeugdhulp, by maatregel
# and by productcategorie, naming 4.2.4 sub h, and a granted one carries its
# calculated budget and starts pgb_besteding (4.2.4 sub i); an overdracht records
# what was tried and the team, which becomes the gezin's casusregisseur, is
# refused without consent, and the sending team sees what becomes of it;
# zaken sharing a person form one gezin (merged when a zaak joins two), with
# one versioned gezinsplan that a sibling's zaak adopts and one casusregisseur
# that only the CJG changes (GET and POST /api/v1/gezinnen/...); a zaak from
# outside the region is accepted, flagged and offered for doorzending (WJ759
# code 8), forwarding inside the region moves the zaak to the other CJG;
# spoed sets a tijdelijke_maatregel deadline; every bad input family of the
# verwijzing that routes.sh does not try on mandaten and overdrachten, and the
# new members, store nothing; every role but the cjg is refused on the
# casusregisseur. Each part has its own BSNs (from 500000000) and only the
# gemeenten 0050, 0262 and 1900 (Súdwest-Fryslân, outside the region), which
# no other file uses, so that no werkvoorraad elsewhere changes.
# Everything here is named k_/K_; the helpers of zaak.sh (z_), routes.sh (r_)
# and procedure.sh (p_) are reused.

# ---------------------------------------------------------------- helpers
# procedure.sh ended its Python helper: start the same program again, on the
# descriptors p_eval reads, so that p_eval, p_py, p_walk and p_refused work.
coproc K_PY { exec python3 -u -c "$P_SERVER"; }
exec {P_TO_PY}>&"${K_PY[1]}" {P_FROM_PY}<&"${K_PY[0]}"
eval "exec ${K_PY[1]}>&- ${K_PY[0]}<&-"

# k_data: every row a create or an action may leave: zaak, betrokkene, status,
# termijn, idempotentie, gezin (and merged ones), casusregisseur, gezinsplan,
# toewijzing (and started ones), zaken forwarded out of the region
k_data() {
	z_psql_super "SELECT concat_ws(' ', (SELECT count(*) FROM zaak), (SELECT count(*) FROM betrokkene),
		(SELECT count(*) FROM zaak_status), (SELECT count(*) FROM zaak_termijn), (SELECT count(*) FROM idempotentie),
		(SELECT count(*) FROM gezin), (SELECT count(*) FROM gezin WHERE samengevoegd_in IS NOT NULL),
		(SELECT count(*) FROM gezin_regisseur), (SELECT count(*) FROM gezinsplan), (SELECT count(*) FROM toewijzing),
		(SELECT count(*) FROM toewijzing WHERE gestart_op IS NOT NULL), (SELECT count(*) FROM zaak WHERE doorgezonden_naar IS NOT NULL))"
}
# k_rejects NAME "CODES" PARAM PATH TOKEN BODY [curl args...]: the create is
# refused (CODES, problem+json, PARAM named on a 422) and nothing is stored
k_rejects() {
	z_refusal "$1" "$2" "$3" k_data r_post "$4" "$5" "$6" "${@:7}"
}
# k_rejects_raw NAME "CODES" PATH [curl args...]: as k_rejects, the request as given
k_rejects_raw() {
	z_refusal "$1" "$2" "" k_data request POST "$3" "${@:4}"
}
# k_body JEUGDIGE GEZAGHEBBENDE GEMEENTE [PYTHON...]: the common body for these persons
k_body() { r_body "$@"; }
# k_track ID ROUTE GEMEENTE [SPOED]: the zaak joins procedure.sh's book-keeping, for p_walk
k_track() {
	P_ROUTE[$1]=$2 P_GEMS[$1]=$3 P_SPOED[$1]=${4:-False} P_STATUS[$1]=ontvangen
	P_DONE[$1]="" P_TRAIL[$1]="" P_SENT[$1]="" P_REF[$1]="" P_MADE[$1]=""
}
# k_create NAME PATH TOKEN BODY ROUTE GEMEENTE [SPOED]: a create that must
# answer 201 with its Location; K_ID is the new zaak (tracked for p_walk)
k_create() {
	r_post "$2" "$3" "$4"
	r_created "$1"
	K_ID=${R_LAST:-$P_NOID}
	k_track "$K_ID" "$5" "$6" "${7:-False}"
}
# k_refused NAME CODE PARAMS TOKEN ID ACTIE CONTENT [WORD...]: the action is
# refused with CODE as problem+json, naming PARAMS in invalid-params (a 422)
# or, for a 409, the zaak's status and each WORD in the detail; the zaak and
# every count of k_data are as they were
k_refused() {
	local name=$1 code=$2 params=$3 tok=$4 id=$5 actie=$6 body=$7 before after why status; shift 7
	before="$(p_snap "$id") $(k_data)"
	status=${before%%|*}
	p_act "$tok" "$id" "$actie" "$body"
	after="$(p_snap "$id") $(k_data)"
	if [ "$code" = 409 ]; then
		why=$(p_problem_why 409)
		[ -n "$why" ] || why=$(p_eval "$BODY" '
missing = [w for w in a if not re.search(r"(?<![a-z_])%s(?![a-z_])" % re.escape(w), d["detail"])]
assert not missing, "the detail %r does not name %s" % (d["detail"], ", ".join(missing))' "$status" "$@")
	else
		# shellcheck disable=SC2086 # PARAMS are words
		why=$(p_problem_why "$code" $params)
	fi
	[ "$before" = "$after" ] || why+=" something changed: $before -> $after"
	z_verdict "$name" "$why"
}
# k_act_ok NAME TOKEN ID ACTIE CONTENT STATUS: the action answers 200 with the zaak in STATUS
k_act_ok() {
	p_act "$2" "$3" "$4" "$5"
	z_verdict "$1" "$([ "$STATUS:$(p_json "['status']")" = "200:$6" ] || z_answer)"
	[ "$STATUS" != 200 ] || P_STATUS[$3]=$6
}
k_gezin() { request GET "/api/v1/gezinnen/$2" -H "$(bearer "$1")"; } # k_gezin TOKEN ID
# k_regisseur TOKEN ID BODY: POST /api/v1/gezinnen/{id}/casusregisseur
k_regisseur() {
	request POST "/api/v1/gezinnen/$2/casusregisseur" -H "$(bearer "$1")" -H 'Content-Type: application/json' \
		--data-binary "$3"
}
k_werkvoorraad() { request GET /api/v1/werkvoorraad -H "$(bearer "$1")"; }
# k_listed ID: the werkvoorraad in BODY (a 200) lists the zaak
k_listed() { [ "$STATUS" = 200 ] && p_eval "$BODY" 'print(*[x["id"] for x in d["zaken"]], sep="\n")' | grep -qx "$1"; }
# k_product [PYTHON...]: one product of a beschikking (natura, Jeugd-ggz, from
# today for a year), changed by PYTHON statements on p, as JSON
k_product() {
	p_calc '
p = {"omschrijving": "Ambulante jeugd-ggz", "productcategorie": "54", "vorm": "natura",
     "ingangsdatum": TODAY.isoformat(), "einddatum": (TODAY + 364 * DAY).isoformat()}
for statement in a:
    exec(statement)
print(json.dumps(p, ensure_ascii=False))' "$@"
}
# k_beschikking BESLUIT PRODUCT-JSON...: the content of beschikken
k_beschikking() {
	local besluit=$1 list; shift
	list=$(IFS=,; echo "$*")
	printf '{"besluit": "%s", "producten": [%s], "grondslag": "Jeugdwet art. 2.3 lid 2; Nadere regels 3.7", "motivering": "De GI acht deze hulp nodig."}' \
		"$besluit" "$list"
}

# ---------------------------------------------------------------- identities, region
mapfile -t K_BSNS < <(z_bsns 34 499999999)
K_J_M=${K_BSNS[0]} K_G_M=${K_BSNS[1]}       # the mandaat family (0050)
K_J_OV=${K_BSNS[2]} K_G_OV=${K_BSNS[3]}     # the overdracht family (0050)
K_J_OV2=${K_BSNS[4]} K_G_OV2=${K_BSNS[5]}   # an overdracht without team (0262)
K_G_S=${K_BSNS[6]}                          # the siblings' gezaghebbende (0262)
K_J_A=${K_BSNS[7]} K_J_B=${K_BSNS[8]}       # the siblings
K_P1=${K_BSNS[9]} K_P2=${K_BSNS[10]} K_P3=${K_BSNS[11]} # parents of the merge (0050)
K_C=${K_BSNS[12]} K_D=${K_BSNS[13]} K_E=${K_BSNS[14]}   # children of the merge
K_J_BR=${K_BSNS[15]} K_G_BR=${K_BSNS[16]}   # a family in 1900, outside the region
K_J_BR2=${K_BSNS[17]} K_G_BR2=${K_BSNS[18]} # another, handed over
K_J_BR3=${K_BSNS[19]} K_G_BR3=${K_BSNS[20]} # another, a spoed mandaat
K_J_IN=${K_BSNS[21]} K_G_IN=${K_BSNS[22]}   # a family of 0050 whose zaak moves to 0262
K_J_SP=${K_BSNS[23]} K_G_SP=${K_BSNS[24]}   # spoed (0262)
K_NOBODY=${K_BSNS[25]}                      # a parent of no zaak here
K_J_BAD=${K_BSNS[26]} K_G_BAD=${K_BSNS[27]} # the bodies that are refused
K_J_V=${K_BSNS[28]} K_G_V=${K_BSNS[29]}     # a verwijzing decided with a PGB
K_J_NR=${K_BSNS[30]} K_G_NR=${K_BSNS[31]}   # after the region: forwarding always leaves
K_J_MV=${K_BSNS[32]} K_G_MV=${K_BSNS[33]}   # a mandaat that moves to 0262
K_ORG=00000009990000000500
K_ORG_OTHER=00000009990000000501
K_GI=$(token -r gi -c org=$K_ORG -s k-gi)
K_GI_COLLEGA=$(token -r gi -c org=$K_ORG -s k-gi-collega)
K_GI_OTHER=$(token -r gi -c org=$K_ORG_OTHER -s k-gi-other)
K_HA=$(token -r huisarts -c agb=05550500 -s k-huisarts)
K_CJG_A=$(token -r cjg -c gemeente=0050 -s k-cjg-zeewolde)
K_CJG_B=$(token -r cjg -c gemeente=0262 -s k-cjg-lochem)
K_CJG_OUT=$(token -r cjg -c gemeente=1900 -s k-cjg-sudwest)
K_PLEIN_A=$(token -r plein -c gemeente=0050 -s k-plein-zeewolde)
K_GST_A=$(token -r gst -c gemeente=0050 -s k-gst-zeewolde)
K_PLEIN_B=$(token -r plein -c gemeente=0262 -s k-plein-lochem)
K_OUDER_S=$(token -r ouder -c bsn="$K_G_S" -s k-ouder-s)
K_JEUGDIGE_A=$(token -r jeugdige -c bsn="$K_J_A" -s k-jeugdige-a)
P_CJG_OF[0050]=$K_CJG_A
P_CJG_OF[0262]=$K_CJG_B
read -r K_TODAY K_TOMORROW K_WEEK_AGO K_DAY_BEFORE K_TOEWIJZING < <(p_calc '
print(TODAY, TODAY + DAY, TODAY - 7 * DAY, TODAY - 8 * DAY, werkdagen(TODAY, 5))')
check "kader setup: 34 fresh BSNs, and the dates (toewijzing due $K_TOEWIJZING, 5 werkdagen after $K_TODAY)" \
	eval '[ "$(printf "%s\n" "${K_BSNS[@]}" | sort -u | grep -c "^[0-9]\{9\}$")" = 34 ] && [ -n "$K_TOEWIJZING" ]'
check "kader setup: no other test file has a zaak in 0050, 0262 or 1900" \
	test "$(z_psql_super "SELECT count(*) FROM zaak WHERE behandelende_gemeente IN ('0050', '0262', '1900') OR verantwoordelijke_gemeente IN ('0050', '0262', '1900')")" = 0

# A region is start-up configuration: a bad one stops the daemon.
out=$("$BUILD/toegangd" "${conf[@]}" -s plugins=verwijzing -s "data_dir=$SRC/data" -s "regio=0050 9999" -t 2>&1); rc=$?
check "regio naming a gemeentecode that does not exist (9999) stops the daemon, naming it" \
	eval '[ $rc -ne 0 ] && grep -q "regio: 9999 is not a current CBS gemeentecode" <<<"$out"'
out=$("$BUILD/toegangd" "${conf[@]}" -s plugins=verwijzing -s "data_dir=$SRC/data" -s "regio=050" -t 2>&1); rc=$?
check "regio with a malformed gemeentecode (050) stops the daemon" \
	eval '[ $rc -ne 0 ] && grep -q "regio: each gemeente is a 4-digit CBS gemeentecode" <<<"$out"'
out=$("$BUILD/toegangd" "${conf[@]}" -s plugins=verwijzing -s "data_dir=$SRC/data" -s "regio=0050 0262" -t 2>&1); rc=$?
check "regio = 0050 0262 passes the configuration check" test "$rc" = 0
restart_daemon "regio=0050 0262"
request GET /api/v1/health
check "the daemon restarted serving the region 0050 0262" test "$STATUS" = 200

# ---------------------------------------------------------------- mandaat: juridische status, omvang, deadline
K_OMVANG='{"volume": 4, "eenheid": "04", "frequentie": "2"}'
k_mbody() { # k_mbody [PYTHON...]: a mandaat (ots) of the mandaat family
	k_body "$K_J_M" "$K_G_M" 0050 "d.update(maatregel='ots', uitspraakdatum='$K_WEEK_AGO', kenmerk='C/16/500 JE RK 26-1')" "$@"
}
K_M_BODY=$(k_mbody "d.update(productcategorie='48', aanbieder_agb='98765432', omvang=json.loads('$K_OMVANG'),
	hulpvraag='Ondertoezichtstelling; de GI acht gezinsbegeleiding nodig.')")
k_create "gi POST /api/v1/mandaten with an omvang: 201 with Location" /api/v1/mandaten "$K_GI" "$K_M_BODY" mandaat 0050
K_M=$K_ID
K_M_CREATE=$BODY
p_py "the mandaat: mandaat {maatregel ots, uitspraakdatum, kenmerk, juridische_status 04 (WJ232 ondertoezichtstelling), omvang as sent}" '
s = json.loads(a[0])
want = {"maatregel": "ots", "uitspraakdatum": s["uitspraakdatum"], "kenmerk": s["kenmerk"], "juridische_status": "04", "omvang": s["omvang"]}
assert d.get("mandaat") == want, "mandaat %r, want %r" % (d.get("mandaat"), want)' "$K_M_BODY"
p_py "the mandaat: termijnen is only toewijzing, 5 werkdagen after the day of receipt" '
assert d.get("termijnen") == {"toewijzing": werkdagen(TODAY, 5).isoformat()}, "termijnen %r, want toewijzing %s" % (d.get("termijnen"), werkdagen(TODAY, 5))'
p_py "the mandaat: no toewijzingen yet, overdracht null, in the region (buiten_regio false, behandelende_gemeente 0050, doorzending null)" '
assert d.get("toewijzingen") == [], "toewijzingen %r" % d.get("toewijzingen")
assert "overdracht" in d and d["overdracht"] is None, "overdracht %r" % d.get("overdracht", "<absent>")
assert (d.get("buiten_regio"), d.get("behandelende_gemeente"), d.get("doorzending", "<absent>")) == (False, "0050", None), d'
p_py "the mandaat: a gezin of its own, holding only this zaak, without casusregisseur or gezinsplan" '
g = d.get("gezin") or {}
assert isinstance(g.get("id"), str) and g["id"], "gezin %r" % g
assert g.get("zaken") == [{"id": d["id"], "referentie": d["referentie"], "route": "mandaat", "status": "ontvangen"}], "zaken %r" % g.get("zaken")
assert "casusregisseur" in g and g["casusregisseur"] is None and "gezinsplan" in g and g["gezinsplan"] is None, "gezin %r" % g'
check "the mandaat is stored with juridische_status 04 and the omvang" test \
	"$(z_psql_super "SELECT juridische_status || '|' || (omvang = '$K_OMVANG'::jsonb) FROM zaak WHERE id = '$K_M'")" = "04|true"
z_get "$K_GI" "$K_M"
p_py "GET by the gi returns the same zaak as the create answer" '
assert d == json.loads(a[0]), "GET %r\n differs from the create answer %r" % (d, a[0])' "$K_M_CREATE"

declare -A K_M_OF=([ots]=$K_M)
for k_case in voogdij:None jeugdreclassering:12 machtiging_gesloten_jeugdhulp:01 overig:None; do
	k_maatregel=${k_case%%:*} k_js=${k_case#*:}
	r_post /api/v1/mandaten "$K_GI" "$(k_mbody "d['maatregel'] = '$k_maatregel'")"
	z_verdict "a mandaat $k_maatregel: 201, juridische_status $k_js (WJ232), omvang null when not sent" \
		"$([ "$STATUS:$(p_json "['mandaat']['maatregel']"):$(p_json "['mandaat']['juridische_status']"):$(p_json "['mandaat']['omvang']")" = \
			"201:$k_maatregel:$k_js:None" ] || z_answer)"
	K_M_OF[$k_maatregel]=$(p_json "['id']")
	k_track "${K_M_OF[$k_maatregel]}" mandaat 0050
done
r_post /api/v1/mandaten "$K_GI" "$(k_mbody "d['omvang'] = {'volume': 99999999, 'eenheid': '84', 'frequentie': '6'}")"
p_py "omvang at its bounds (volume 99999999, eenheid 84, frequentie 6): 201, omvang as sent" '
assert (d.get("mandaat") or {}).get("omvang") == {"volume": 99999999, "eenheid": "84", "frequentie": "6"}, "mandaat %r" % d.get("mandaat")'

for k_case in "omvang.eenheid:eenheid 99 (not in WJ756):d['omvang'] = {'volume': 4, 'eenheid': '99', 'frequentie': '2'}" \
	"omvang.eenheid:eenheid as the number 4:d['omvang'] = {'volume': 4, 'eenheid': 4, 'frequentie': '2'}" \
	"omvang.volume:volume 0:d['omvang'] = {'volume': 0, 'eenheid': '04', 'frequentie': '2'}" \
	"omvang.volume:volume \"3\" (a string):d['omvang'] = {'volume': '3', 'eenheid': '04', 'frequentie': '2'}" \
	"omvang.volume:volume 100000000:d['omvang'] = {'volume': 100000000, 'eenheid': '04', 'frequentie': '2'}" \
	"omvang.volume:volume 2.5:d['omvang'] = {'volume': 2.5, 'eenheid': '04', 'frequentie': '2'}" \
	"omvang.volume:volume -1:d['omvang'] = {'volume': -1, 'eenheid': '04', 'frequentie': '2'}" \
	"omvang.frequentie:frequentie 3 (not in WMO757):d['omvang'] = {'volume': 4, 'eenheid': '04', 'frequentie': '3'}" \
	"omvang.frequentie:frequentie missing:d['omvang'] = {'volume': 4, 'eenheid': '04'}" \
	"omvang.volume:volume missing:d['omvang'] = {'eenheid': '04', 'frequentie': '2'}" \
	"omvang.kleur:an unknown member in omvang:d['omvang'] = {'volume': 4, 'eenheid': '04', 'frequentie': '2', 'kleur': 'blauw'}" \
	"omvang:omvang as a list:d['omvang'] = [4, '04', '2']"; do
	k_param=${k_case%%:*} k_rest=${k_case#*:}
	k_rejects "bad mandaat, ${k_rest%%:*}: 422 naming $k_param, nothing stored" 422 "$k_param" \
		/api/v1/mandaten "$K_GI" "$(k_mbody "${k_rest#*:}")"
done

# ---------------------------------------------------------------- mandaat: straight to a toewijzing
z_get "$K_CJG_A" "$K_M"
p_py "the cjg of 0050 may decide a mandaat straight after receipt: beschikken among acties_toegestaan in ontvangen, start_zorg not" '
acties = d.get("acties_toegestaan") or []
assert "beschikken" in acties and "ontvangst_bevestigen" in acties and "start_zorg" not in acties, "acties_toegestaan %r" % acties'
k_werkvoorraad "$K_CJG_A"
p_py "the werkvoorraad of 0050 shows the mandaat with its toewijzing deadline and its gezin" '
z = [x for x in d.get("zaken", []) if x.get("id") == a[0]]
assert len(z) == 1, "the mandaat is not listed once: %r" % d
z = z[0]
assert z.get("termijn") == {"naam": "toewijzing", "datum": werkdagen(TODAY, 5).isoformat()}, "termijn %r" % z.get("termijn")
assert z.get("verlopen") is False and z.get("binnen_5_werkdagen") is True, "%r" % z
assert z.get("gezin") == a[1] and z.get("buiten_regio") is False and z.get("verantwoordelijke_gemeente") == "0050", "%r" % z' \
	"$K_M" "$(p_eval "$K_M_CREATE" 'print(d["gezin"]["id"])')"

# 4.2.4 sub h: no PGB for jeugdbescherming, jeugdreclassering or gesloten jeugdhulp.
# A PGB product names what it pays (a tariff row of the bijlage), the help
# (formal) and the motivations of 4.2.1, and its volume (4.4.1): only a PGB
# that is complete is refused for 4.2.4 sub h; one that is not is refused
# for what it lacks first.
K_PGB_ZO="p.update(vorm='pgb', omvang={'volume': 2, 'eenheid': '04', 'frequentie': '2'},
	pgb={'tarief': 'ambulant_specialistisch', 'hulp': 'formeel', 'motivering': {
		'aanbod_niet_passend': 'De gecontracteerde aanbieders hebben een wachtlijst van een half jaar.',
		'wens_pgb': 'Het gezin kiest een therapeut die de jeugdige al kent.',
		'kwaliteit': 'De therapeut is BIG-geregistreerd en werkt volgens de richtlijn.'}})"
K_PGB=$(k_product "$K_PGB_ZO")
k_refused "a PGB without its pgb object on the ots mandaat: 422 naming producten[0].pgb (not yet .vorm), nothing changed" \
	422 "producten[0].pgb" "$K_CJG_A" "$K_M" beschikken "$(k_beschikking toegekend "$(k_product "p['vorm'] = 'pgb'")")"
p_py "without its pgb object the PGB is not yet refused for 4.2.4 sub h" '
names = [e.get("name") for e in d.get("invalid-params", [])]
assert "producten[0].pgb" in names and "producten[0].vorm" not in names, "invalid-params %r" % d.get("invalid-params")'
for k_maatregel in ots voogdij jeugdreclassering machtiging_gesloten_jeugdhulp; do
	k_refused "a PGB on a mandaat $k_maatregel (Jeugd-ggz): 422 naming producten[0].vorm, nothing changed" \
		422 "producten[0].vorm" "$K_CJG_A" "${K_M_OF[$k_maatregel]}" beschikken "$(k_beschikking toegekend "$K_PGB")"
	p_py "the refusal of the PGB on the $k_maatregel mandaat names the article: 4.2.4 sub h" '
p = [e for e in d.get("invalid-params", []) if e.get("name") == "producten[0].vorm"]
assert p and "4.2.4 sub h" in p[0].get("reason", ""), "invalid-params %r" % d.get("invalid-params")'
done
k_refused "a natura product and a PGB on the ots mandaat: 422 naming producten[1].vorm only, nothing changed" \
	422 "producten[1].vorm" "$K_CJG_A" "$K_M" beschikken "$(k_beschikking toegekend "$(k_product)" "$K_PGB")"
p_py "only the PGB product is named" '
names = [e.get("name") for e in d.get("invalid-params", [])]
assert names == ["producten[1].vorm"], "invalid-params %r" % d.get("invalid-params")'
k_refused "a PGB for pleegzorg (productcategorie 35) on a mandaat overig: 422 naming producten[0].vorm with 4.2.4 sub h" \
	422 "producten[0].vorm" "$K_CJG_A" "${K_M_OF[overig]}" beschikken "$(k_beschikking toegekend "$(k_product "$K_PGB_ZO" "p['productcategorie'] = '35'")")"
p_py "the reason names the article and pleegzorg" '
p = [e for e in d.get("invalid-params", []) if e.get("name") == "producten[0].vorm"]
assert p and "4.2.4 sub h" in p[0]["reason"] and "pleegzorg" in p[0]["reason"], "invalid-params %r" % d.get("invalid-params")'
k_act_ok "a PGB for Jeugd-ggz (54) on a mandaat overig is possible: toegekend" "$K_CJG_A" "${K_M_OF[overig]}" beschikken \
	"$(k_beschikking toegekend "$K_PGB")" toegekend
p_py "the mandaat overig: one toewijzing, vorm pgb" '
t = d.get("toewijzingen") or []
assert len(t) == 1 and t[0].get("vorm") == "pgb" and t[0].get("productcategorie") == "54", "toewijzingen %r" % t'
# k_pgb_granted: the zaak in BODY holds the PGB of K_PGB as its one toewijzing,
# with the line calculated (4.4.1 sub d: the formal rate of the bijlage, 80
# euro per uur; 2 uur per week over 365 days) as its budget, and 4.2.4 sub i
# running: pgb_besteding, six months after today (moved off a free day).
k_pgb_granted() {
	p_py "$1" '
import calendar
t = (d.get("toewijzingen") or [{}])[0]
g, eenheden = t.get("pgb") or {}, round(2 * 365 / 7, 2)
want = {"tarief": "ambulant_specialistisch", "hulp": "formeel", "eenheid": "uur", "max_tarief": 80,
        "tarief_per_eenheid": 80, "eenheden": eenheden, "regel": "art. 4.4.1 sub d", "datum": TODAY.isoformat()}
assert {k: g.get(k) for k in want} == want, "pgb %r, want %r" % (g, want)
assert abs(g.get("bedrag", 0) - round(80 * eenheden, 2)) < 0.005 and t.get("budget") == g["bedrag"], "bedrag %r, budget %r" % (g.get("bedrag"), t.get("budget"))
m = TODAY.month + 5
y, m = TODAY.year + m // 12, m % 12 + 1
besteding = werkdag(D(y, m, min(TODAY.day, calendar.monthrange(y, m)[1])))
assert d.get("termijnen") == {"pgb_besteding": besteding.isoformat()}, "termijnen %r, want pgb_besteding %s" % (d.get("termijnen"), besteding)'
}
k_pgb_granted "the mandaat overig: the PGB line calculated at the formal rate is the toewijzing's budget; pgb_besteding runs (4.2.4 sub i)"

K_P1_JSON=$(k_product "p.update(omschrijving='Gezinsvoogdij met ambulante gezinsbegeleiding', productcategorie='48',
	aanbieder_agb='98765432', productcode='48A01', ingangsdatum='$K_WEEK_AGO', omvang=json.loads('$K_OMVANG'))")
K_P2_JSON=$(k_product "del p['productcategorie']")
k_refused "beschikken with a product omvang of eenheid 99: 422 naming producten[0].omvang.eenheid, nothing changed" \
	422 "producten[0].omvang.eenheid" "$K_CJG_A" "$K_M" beschikken \
	"$(k_beschikking toegekend "$(k_product "p['omvang'] = {'volume': 2, 'eenheid': '99', 'frequentie': '2'}")")"
p_act "$K_CJG_A" "$K_M" beschikken "$(k_beschikking toegekend "$K_P1_JSON" "$K_P2_JSON")"
z_verdict "the cjg grants the mandaat straight from ontvangen, without vooronderzoek, gesprek or gezinsplan: 200, toegekend" \
	"$([ "$STATUS:$(p_json "['status']")" = 200:toegekend ] || z_answer)"
K_M_GRANT=$BODY
p_py "the grant made two toewijzingen: numbered (integers, ascending), the products as decided, gestart_op null" '
t = d.get("toewijzingen") or []
sent = [json.loads(a[0]), json.loads(a[1])]
assert len(t) == 2, "toewijzingen %r" % t
assert all(isinstance(x.get("nummer"), int) and not isinstance(x["nummer"], bool) and x["nummer"] > 0 for x in t), "nummers %r" % t
assert t[0]["nummer"] < t[1]["nummer"], "not ascending: %r" % t
for x, s in zip(t, sent):
    # a product for a provider went to it as a JW301 (issue 7); the other did not
    jw = x.pop("jw301", "absent")
    assert (jw is not None and jw != "absent") == bool(s.get("aanbieder_agb")), "jw301 %r for %r" % (jw, s)
    want = {"nummer": x["nummer"], "omschrijving": s["omschrijving"], "productcategorie": s.get("productcategorie"),
            "aanbieder_agb": s.get("aanbieder_agb"), "vorm": "natura", "ingangsdatum": s["ingangsdatum"],
            "einddatum": s["einddatum"], "omvang": s.get("omvang"), "productcode": s.get("productcode"),
            "pgb": None, "budget": None, "gestart_op": None}
    assert x == want, "toewijzing %r, want %r" % (x, want)' "$K_P1_JSON" "$K_P2_JSON"
p_py "after the grant: the toewijzing deadline has gone (termijnen {}), only start_zorg is allowed, the history is ontvangen then toegekend" '
assert d.get("termijnen") == {}, "termijnen %r" % d.get("termijnen")
assert d.get("acties_toegestaan") == ["start_zorg"], "acties_toegestaan %r" % d.get("acties_toegestaan")
h = d.get("statushistorie") or []
assert [(x.get("status"), x.get("actie")) for x in h] == [("ontvangen", None), ("toegekend", "beschikken")], "statushistorie %r" % h
assert "mandaat" in h[-1]["toelichting"], "toelichting %r" % h[-1]["toelichting"]'
check "the grant stored two toewijzingen for the mandaat" test \
	"$(z_psql_super "SELECT count(*) FROM toewijzing WHERE zaak_id = '$K_M'")" = 2
read -r K_NR1 K_NR2 < <(p_eval "$K_M_GRANT" 'print(*[x["nummer"] for x in d["toewijzingen"]])')

# API.md: an aanbieder sees the zaken in which a toewijzing names its agb, and nothing else.
K_AANB=$(token -r aanbieder -c agb=98765432 -s k-aanbieder-zien)
request GET "/api/v1/zaken/$K_M" -H "$(bearer "$K_AANB")"
check "the aanbieder named in a toewijzing (98765432) reads the mandaat: 200, its toewijzingen" \
	test "$STATUS:$(p_json '.get("id"), len(d.get("toewijzingen", []))')" = "200:$K_M 2"
request GET "/api/v1/zaken?limit=100" -H "$(bearer "$K_AANB")"
check "the aanbieder's list holds the mandaat" p_eval "$BODY" 'assert a[0] in [z["id"] for z in d["zaken"]], d' "$K_M"
K_AANB_ANDER=$(token -r aanbieder -c agb=05550509 -s k-aanbieder-ander)
request GET "/api/v1/zaken/$K_M" -H "$(bearer "$K_AANB_ANDER")"
check "an aanbieder not named in any toewijzing: 404" is_problem 404
request GET "/api/v1/zaken" -H "$(bearer "$K_AANB_ANDER")"
check "an aanbieder not named in any toewijzing lists nothing" test "$STATUS:$(p_json "['zaken']")" = "200:[]"

# start_zorg: the provider began.
k_refused "start_zorg with {}: 422 naming toewijzing and startdatum" 422 "toewijzing startdatum" "$K_CJG_A" "$K_M" start_zorg '{}'
k_refused "start_zorg with the toewijzing as a string: 422 naming toewijzing" 422 toewijzing \
	"$K_CJG_A" "$K_M" start_zorg "{\"toewijzing\": \"$K_NR1\", \"startdatum\": \"$K_TODAY\"}"
k_refused "start_zorg with toewijzing 0: 422 naming toewijzing" 422 toewijzing \
	"$K_CJG_A" "$K_M" start_zorg "{\"toewijzing\": 0, \"startdatum\": \"$K_TODAY\"}"
k_refused "start_zorg of a toewijzing this zaak does not have: 422 naming toewijzing" 422 toewijzing \
	"$K_CJG_A" "$K_M" start_zorg "{\"toewijzing\": 99999999, \"startdatum\": \"$K_TODAY\"}"
k_refused "start_zorg of another zaak's toewijzing (that of the mandaat overig): 422 naming toewijzing" 422 toewijzing \
	"$K_CJG_A" "$K_M" start_zorg "{\"toewijzing\": $(z_psql_super "SELECT nummer FROM toewijzing WHERE zaak_id = '${K_M_OF[overig]}'"), \"startdatum\": \"$K_TODAY\"}"
k_refused "start_zorg tomorrow: 422 naming startdatum" 422 startdatum \
	"$K_CJG_A" "$K_M" start_zorg "{\"toewijzing\": $K_NR1, \"startdatum\": \"$K_TOMORROW\"}"
k_refused "start_zorg the day before the toewijzing's ingangsdatum ($K_DAY_BEFORE): 422 naming startdatum" 422 startdatum \
	"$K_CJG_A" "$K_M" start_zorg "{\"toewijzing\": $K_NR1, \"startdatum\": \"$K_DAY_BEFORE\"}"
k_refused "start_zorg on 2026-13-01: 422 naming startdatum" 422 startdatum \
	"$K_CJG_A" "$K_M" start_zorg "{\"toewijzing\": $K_NR1, \"startdatum\": \"2026-13-01\"}"
k_refused "start_zorg with an unknown member: 422 naming it" 422 aanbieder \
	"$K_CJG_A" "$K_M" start_zorg "{\"toewijzing\": $K_NR1, \"startdatum\": \"$K_TODAY\", \"aanbieder\": \"x\"}"
k_refused "start_zorg by the cjg of another gemeente (0262): 404" 404 "" \
	"$K_CJG_B" "$K_M" start_zorg "{\"toewijzing\": $K_NR1, \"startdatum\": \"$K_TODAY\"}"
for k_role in gi aanbieder ouder; do
	case $k_role in
	gi) k_tok=$K_GI ;;
	aanbieder) k_tok=$(token -r aanbieder -c agb=98765432 -s k-aanbieder) ;;
	ouder) k_tok=$(token -r ouder -c bsn="$K_G_M" -s k-ouder-m) ;;
	esac
	k_refused "start_zorg by the $k_role: 403" 403 "" "$k_tok" "$K_M" start_zorg "{\"toewijzing\": $K_NR1, \"startdatum\": \"$K_TODAY\"}"
done
k_refused "start_zorg on a mandaat still ontvangen (voogdij): 409" 409 "" \
	"$K_CJG_A" "${K_M_OF[voogdij]}" start_zorg "{\"toewijzing\": $K_NR1, \"startdatum\": \"$K_TODAY\"}" beschikken
k_act_ok "start_zorg of toewijzing $K_NR1 on $K_WEEK_AGO (its ingangsdatum): 200, the status stays toegekend" \
	"$K_CJG_A" "$K_M" start_zorg "{\"toewijzing\": $K_NR1, \"startdatum\": \"$K_WEEK_AGO\"}" toegekend
p_py "toewijzing $K_NR1 started on $K_WEEK_AGO, $K_NR2 not yet; the history records start_zorg; start_zorg still allowed" '
t = {x["nummer"]: x["gestart_op"] for x in d.get("toewijzingen", [])}
assert t == {int(a[0]): a[2], int(a[1]): None}, "gestart_op %r" % t
h = d.get("statushistorie") or []
assert (h[-1].get("status"), h[-1].get("actie")) == ("toegekend", "start_zorg"), "last entry %r" % h[-1]
assert h[-1].get("gegevens", {}).get("toewijzing") == int(a[0]), "gegevens %r" % h[-1].get("gegevens")
assert d.get("acties_toegestaan") == ["start_zorg"], "acties_toegestaan %r" % d.get("acties_toegestaan")' "$K_NR1" "$K_NR2" "$K_WEEK_AGO"
k_refused "start_zorg of toewijzing $K_NR1 again: 422 naming toewijzing (already started)" 422 toewijzing \
	"$K_CJG_A" "$K_M" start_zorg "{\"toewijzing\": $K_NR1, \"startdatum\": \"$K_TODAY\"}"
k_act_ok "start_zorg of toewijzing $K_NR2 today: 200" \
	"$K_CJG_A" "$K_M" start_zorg "{\"toewijzing\": $K_NR2, \"startdatum\": \"$K_TODAY\"}" toegekend
z_get "$K_GI" "$K_M"
p_py "the gi that registered the mandaat sees it toegekend with both toewijzingen and when each started (no gegevens, no acties)" '
assert d.get("status") == "toegekend", "status %r" % d.get("status")
t = {x["nummer"]: x["gestart_op"] for x in d.get("toewijzingen", [])}
assert t == {int(a[0]): a[2], int(a[1]): a[3]}, "gestart_op %r" % t
assert all(x.get("gegevens") is None for x in d.get("statushistorie", [])), "gegevens shown to the gi"
assert "acties_toegestaan" not in d, "acties_toegestaan %r" % d.get("acties_toegestaan")' "$K_NR1" "$K_NR2" "$K_WEEK_AGO" "$K_TODAY"
z_sees "a colleague at the same gi sees the mandaat and finds it in its list" "$K_GI_COLLEGA" "$K_M"
r_hidden "a gi of another organisation: 404 as for no zaak, not in its list" "$K_GI_OTHER" "$K_M"
z_list "$K_GI" "route=mandaat&status=toegekend&limit=100"
p_py "the gi lists its mandaten that were granted: the ots mandaat among them" '
assert a[0] in [x["id"] for x in d.get("zaken", [])], "not listed: %r" % d' "$K_M"

# The other ends: refused (nothing allocated), partly granted.
k_act_ok "the jeugdreclassering mandaat is refused: afgewezen" "$K_CJG_A" "${K_M_OF[jeugdreclassering]}" beschikken \
	'{"besluit": "afgewezen", "grondslag": "Jeugdwet art. 2.3", "motivering": "De hulp loopt al."}' afgewezen
p_py "afgewezen: no toewijzingen, no deadline, nothing allowed" '
assert (d.get("toewijzingen"), d.get("termijnen"), d.get("acties_toegestaan")) == ([], {}, []), d'
k_refused "start_zorg on an afgewezen zaak: 409" 409 "" \
	"$K_CJG_A" "${K_M_OF[jeugdreclassering]}" start_zorg "{\"toewijzing\": 1, \"startdatum\": \"$K_TODAY\"}"
k_act_ok "the machtiging mandaat (JeugdzorgPlus in natura, 37) is partly granted: gedeeltelijk_toegekend" \
	"$K_CJG_A" "${K_M_OF[machtiging_gesloten_jeugdhulp]}" beschikken \
	"$(k_beschikking gedeeltelijk_toegekend "$(k_product "p.update(omschrijving='Gesloten plaatsing', productcategorie='37')")")" gedeeltelijk_toegekend
K_NR3=$(p_json "['toewijzingen'][0]['nummer']")
p_py "gedeeltelijk_toegekend: one toewijzing, start_zorg allowed" '
assert len(d.get("toewijzingen") or []) == 1 and d.get("acties_toegestaan") == ["start_zorg"], d'
k_act_ok "start_zorg on the partly granted zaak: 200" "$K_CJG_A" "${K_M_OF[machtiging_gesloten_jeugdhulp]}" start_zorg \
	"{\"toewijzing\": $K_NR3, \"startdatum\": \"$K_TODAY\"}" gedeeltelijk_toegekend

# 4.2.4 sub h by productcategorie, on any route: a verwijzing.
k_create "a verwijzing of 0050 (for the PGB by productcategorie): 201" /api/v1/verwijzingen "$K_HA" \
	"$(k_body "$K_J_V" "$K_G_V" 0050)" verwijzing 0050
K_V=$K_ID
p_walk_check "the verwijzing: ontvangst_bevestigen" "$K_V" ontvangst_bevestigen
for k_cat in 35:pleegzorg 37:JeugdzorgPlus 46:crisishulp 47:jeugdreclassering 48:jeugdbescherming; do
	k_refused "a PGB for productcategorie ${k_cat%%:*} on a verwijzing: 422 naming producten[0].vorm, nothing changed" \
		422 "producten[0].vorm" "$K_CJG_A" "$K_V" beschikken \
		"$(k_beschikking toegekend "$(k_product "$K_PGB_ZO" "p['productcategorie'] = '${k_cat%%:*}'")")"
	p_py "the reason names 4.2.4 sub h and ${k_cat#*:}" '
p = [e for e in d.get("invalid-params", []) if e.get("name") == "producten[0].vorm"]
assert p and "4.2.4 sub h" in p[0]["reason"] and a[0] in p[0]["reason"], "invalid-params %r" % d.get("invalid-params")' "${k_cat#*:}"
done
k_act_ok "a PGB for Jeugd-ggz (54) on the verwijzing: toegekend" "$K_CJG_A" "$K_V" beschikken \
	"$(k_beschikking toegekend "$K_PGB")" toegekend
p_py "the verwijzing: one toewijzing as a PGB; the deadlines of the procedure ended (termijnen only pgb_besteding)" '
t = d.get("toewijzingen") or []
assert len(t) == 1 and t[0]["vorm"] == "pgb" and list(d.get("termijnen") or {}) == ["pgb_besteding"], "%r %r" % (t, d.get("termijnen"))'
k_pgb_granted "the verwijzing: the PGB's budget as calculated; pgb_besteding six months on"

# ---------------------------------------------------------------- overdracht: what was tried, the team
K_TEAM='{"naam": "Sociaal team Zeewolde-Noord", "contactpersoon": "Fatima El Amrani", "telefoon": "036-5220000", "email": "noord@sociaalteam.example"}'
K_GEPROBEERD='{"eigen_kracht": "De ouders hebben een dagritme gemaakt.", "netwerk": "Oma past twee middagen op.\nDe buren helpen.", "algemene_voorzieningen": "Opvoedspreekuur en schuldhulp."}'
k_obody() { # k_obody [PYTHON...]: an overdracht of the overdracht family
	k_body "$K_J_OV" "$K_G_OV" 0050 "d.update(reden='Het gezin loopt vast; het CJG moet de jeugdhulp inzetten.', toestemming_gegevensdeling=True)" "$@"
}
K_OV_BODY=$(K_TEAM=$K_TEAM K_GEPROBEERD=$K_GEPROBEERD k_obody "import os" \
	"d.update(team=json.loads(os.environ['K_TEAM']), geprobeerd=json.loads(os.environ['K_GEPROBEERD']))")
k_create "the plein of 0050 hands over with what was tried and the team: 201 with Location" /api/v1/overdrachten \
	"$K_PLEIN_A" "$K_OV_BODY" overdracht 0050
K_OV=$K_ID
p_py "the overdracht: overdracht {reden, geprobeerd, team} as sent, toestemming_gegevensdeling true, mandaat null" '
s = json.loads(a[0])
want = {"reden": s["reden"], "geprobeerd": s["geprobeerd"], "team": s["team"]}
assert d.get("overdracht") == want, "overdracht %r, want %r" % (d.get("overdracht"), want)
assert d.get("toestemming_gegevensdeling") is True and d.get("mandaat", "<absent>") is None, d' "$K_OV_BODY"
p_py "the handing-over team became the gezin's casusregisseur: soort team, naam the contactpersoon, organisatie the team, its telefoon and email" '
t = json.loads(a[0])
r = (d.get("gezin") or {}).get("casusregisseur") or {}
assert (r.get("soort"), r.get("naam"), r.get("organisatie"), r.get("telefoon"), r.get("email")) == \
    ("team", t["contactpersoon"], t["naam"], t["telefoon"], t["email"]), "casusregisseur %r" % r
assert r.get("vanaf") and r.get("toelichting"), "casusregisseur %r" % r' "$K_TEAM"
K_OV_GEZIN=$(p_json "['gezin']['id']")
k_werkvoorraad "$K_CJG_A"
p_py "the cjg of 0050 gets the overdracht in its werkvoorraad (status ontvangen, its gezin)" '
z = [x for x in d.get("zaken", []) if x.get("id") == a[0]]
assert len(z) == 1 and z[0]["route"] == "overdracht" and z[0]["status"] == "ontvangen" and z[0]["gezin"] == a[1], "%r" % z' "$K_OV" "$K_OV_GEZIN"
p_walk_check "the cjg confirms receipt of the overdracht and does the vooronderzoek" "$K_OV" ontvangst_bevestigen vooronderzoek
for k_who in "the plein that handed over:$K_PLEIN_A" "the gst of 0050:$K_GST_A"; do
	z_get "${k_who#*:}" "$K_OV"
	p_py "${k_who%%:*} sees what became of it: vooronderzoek_afgerond, every step in the history (gegevens null), no acties" '
assert d.get("status") == "vooronderzoek_afgerond", "status %r" % d.get("status")
h = d.get("statushistorie") or []
assert [x["status"] for x in h] == ["ontvangen", "ontvangst_bevestigd", "vooronderzoek_afgerond"], "statushistorie %r" % h
assert all(x.get("gegevens") is None for x in h) and "acties_toegestaan" not in d, d'
done
r_post /api/v1/overdrachten "$K_GST_A" "$(k_obody "d['team'] = {'naam': 'Gebiedsteam Zeewolde-Zuid', 'contactpersoon': 'Kees Visser'}")"
z_verdict "a second overdracht of the family by another team: 201, the same gezin, the casusregisseur stays the first team" \
	"$([ "$STATUS:$(p_json "['gezin']['id']"):$(p_json "['gezin']['casusregisseur']['naam']")" = "201:$K_OV_GEZIN:Fatima El Amrani" ] || z_answer)"
check "the gezin of the overdracht has one casusregisseur row" \
	test "$(z_psql_super "SELECT count(*) FROM gezin_regisseur WHERE gezin_id = '$K_OV_GEZIN'")" = 1
k_create "an overdracht without team or geprobeerd by the plein of 0262: 201" /api/v1/overdrachten "$K_PLEIN_B" \
	"$(k_body "$K_J_OV2" "$K_G_OV2" 0262 "d.update(reden='Zorgen over school.', toestemming_gegevensdeling=True)")" overdracht 0262
p_py "without team: overdracht.team and geprobeerd null; the plein itself is casusregisseur (soort team, naam and organisatie set)" '
o = d.get("overdracht") or {}
assert o.get("team", "x") is None and o.get("geprobeerd", "x") is None, "overdracht %r" % o
r = d["gezin"].get("casusregisseur") or {}
assert r.get("soort") == "team" and r.get("naam") and r.get("organisatie"), "casusregisseur %r" % r'

# No consent, no handoff; the new members checked; nothing stored.
k_rejects "an overdracht without consent (toestemming_gegevensdeling false): 422 naming it, no zaak, gezin or regisseur stored" \
	422 toestemming_gegevensdeling /api/v1/overdrachten "$K_PLEIN_A" "$(K_TEAM=$K_TEAM k_obody "import os" "d['toestemming_gegevensdeling'] = False" "d['team'] = json.loads(os.environ['K_TEAM'])")"
p_py "the form says why: the team may not pass the data on without the family's consent" '
p = [e for e in d.get("invalid-params", []) if e.get("name") == "toestemming_gegevensdeling"]
assert p and re.search(r"toestemming", p[0]["reason"]) and len(p[0]["reason"]) > 40, "invalid-params %r" % d.get("invalid-params")'
k_rejects "an overdracht with toestemming_gegevensdeling absent: 422 naming it, nothing stored" \
	422 toestemming_gegevensdeling /api/v1/overdrachten "$K_PLEIN_A" "$(k_obody "del d['toestemming_gegevensdeling']")"
for k_case in "team.contactpersoon:team without contactpersoon:d['team'] = {'naam': 'Team Noord'}" \
	"team.naam:team without naam:d['team'] = {'contactpersoon': 'Fatima'}" \
	"team.contactpersoon:team contactpersoon empty:d['team'] = {'naam': 'Team Noord', 'contactpersoon': ' '}" \
	"team.telefoon:team telefoon of 31 characters:d['team'] = {'naam': 'Team Noord', 'contactpersoon': 'Fatima', 'telefoon': '0' * 31}" \
	"team.kleur:an unknown member in team:d['team'] = {'naam': 'Team Noord', 'contactpersoon': 'Fatima', 'kleur': 'blauw'}" \
	"team:team as a string:d['team'] = 'Team Noord'" \
	"geprobeerd.kleur:an unknown member in geprobeerd:d['geprobeerd'] = {'eigen_kracht': 'Veel.', 'kleur': 'blauw'}" \
	"geprobeerd.eigen_kracht:geprobeerd.eigen_kracht empty:d['geprobeerd'] = {'eigen_kracht': ''}" \
	"geprobeerd.netwerk:geprobeerd.netwerk of 2001 characters:d['geprobeerd'] = {'netwerk': 'n' * 2001}" \
	"geprobeerd.algemene_voorzieningen:geprobeerd.algemene_voorzieningen as a number:d['geprobeerd'] = {'algemene_voorzieningen': 3}" \
	"geprobeerd:geprobeerd as a list:d['geprobeerd'] = ['eigen kracht']"; do
	k_param=${k_case%%:*} k_rest=${k_case#*:}
	k_rejects "bad overdracht, ${k_rest%%:*}: 422 naming $k_param, nothing stored" 422 "$k_param" \
		/api/v1/overdrachten "$K_PLEIN_A" "$(k_obody "${k_rest#*:}")"
done

# ---------------------------------------------------------------- the bad input families of the verwijzing
# routes.sh tries the route fields, the jeugdige's 11-proef on mandaten and
# the roles; these are the common body's other families on both routes, each
# storing nothing (no zaak, person, gezin, regisseur ...).
K_OV_BAD=$(k_body "$K_J_BAD" "$K_G_BAD" 0050 "d.update(reden='Overdracht.', toestemming_gegevensdeling=True)")
K_M_BAD=$(k_body "$K_J_BAD" "$K_G_BAD" 0050 "d.update(maatregel='ots', uitspraakdatum='$K_WEEK_AGO', kenmerk='K-bad')")
K_19=$(p_calc 'print(TODAY.replace(year=TODAY.year - 19, day=min(TODAY.day, 28)))')
K_FUTURE=$(p_calc 'print(TODAY + 30 * DAY)')
for k_route in mandaten overdrachten; do
	if [ $k_route = mandaten ]; then k_tok=$K_GI k_good=$K_M_BAD; else k_tok=$K_PLEIN_A k_good=$K_OV_BAD; fi
	k_bad() { # k_bad WHAT "CODES" PARAM PYTHON...: the good body changed by PYTHON is refused
		local what=$1 codes=$2 param=$3; shift 3
		k_rejects "POST /api/v1/$k_route, $what: ${codes// //} problem${param:+ naming $param}, nothing stored" "$codes" "$param" \
			"/api/v1/$k_route" "$k_tok" "$(printf '%s' "$k_good" | python3 -c '
import json, sys
d = json.load(sys.stdin)
for statement in sys.argv[1:]:
    exec(statement)
sys.stdout.write(json.dumps(d, ensure_ascii=False))' "$@")"
	}
	[ $k_route = mandaten ] || k_bad "jeugdige BSN failing the 11-proef" 422 jeugdige.bsn "d['jeugdige']['bsn'] = '123456789'"
	k_bad "gezaghebbende BSN failing the 11-proef" 422 "gezaghebbenden[0].bsn" "d['gezaghebbenden'][0]['bsn'] = '111222334'"
	k_bad "jeugdige BSN of 8 digits" 422 jeugdige.bsn "d['jeugdige']['bsn'] = '12345678'"
	k_bad "BSN as a number" 422 jeugdige.bsn "d['jeugdige']['bsn'] = int(d['jeugdige']['bsn'])"
	k_bad "missing jeugdige" 422 jeugdige "del d['jeugdige']"
	k_bad "missing gezaghebbenden" 422 gezaghebbenden "del d['gezaghebbenden']"
	k_bad "empty gezaghebbenden []" 422 gezaghebbenden "d['gezaghebbenden'] = []"
	k_bad "missing hulpvraag" 422 hulpvraag "del d['hulpvraag']"
	k_bad "missing jeugdige.naam" 422 jeugdige.naam "del d['jeugdige']['naam']"
	k_bad "impossible birth date 2014-02-30" 422 jeugdige.geboortedatum "d['jeugdige']['geboortedatum'] = '2014-02-30'"
	k_bad "birth date as 01-05-2014" 422 jeugdige.geboortedatum "d['jeugdige']['geboortedatum'] = '01-05-2014'"
	k_bad "birth date in the future ($K_FUTURE)" 422 jeugdige.geboortedatum "d['jeugdige']['geboortedatum'] = '$K_FUTURE'"
	k_bad "a jeugdige of 19 without voortzetting" 422 jeugdige.geboortedatum "d['jeugdige']['geboortedatum'] = '$K_19'"
	k_bad "unknown gemeentecode 9999" 422 "gezaghebbenden[0].gemeente" "d['gezaghebbenden'][0]['gemeente'] = '9999'"
	k_bad "malformed gemeentecode 050" 422 "gezaghebbenden[0].gemeente" "d['gezaghebbenden'][0]['gemeente'] = '050'"
	k_bad "spoed as a string" 422 spoed "d['spoed'] = 'true'"
	k_bad "an unknown member" 422 kleur "d['kleur'] = 'blauw'"
	k_bad "an unknown member in jeugdige" 422 jeugdige.kleur "d['jeugdige']['kleur'] = 'blauw'"
	k_bad "a field of the verwijzing (specialisme)" 422 specialisme "d['specialisme'] = 'Kindergeneeskunde'"
	k_bad "a control character in naam" 422 jeugdige.naam "d['jeugdige']['naam'] = 'Sam\\u0007'"
	k_bad "a gezaghebbende with the jeugdige's BSN" 422 "gezaghebbenden[0].bsn" "d['gezaghebbenden'][0]['bsn'] = d['jeugdige']['bsn']"
	k_bad "a JSON array instead of an object" "400 422" "" "d = [d]"
	k_rejects "POST /api/v1/$k_route, truncated JSON: 400/422 problem, nothing stored" "400 422" "" \
		"/api/v1/$k_route" "$k_tok" "${k_good:0:$((${#k_good} - 20))}"
	k_rejects "POST /api/v1/$k_route, duplicate keys: 400/422 problem, nothing stored" "400 422" "" \
		"/api/v1/$k_route" "$k_tok" "$(sed 's/"spoed": false/"spoed": false, "spoed": true/' <<<"$k_good")"
	printf '%s' "$k_good" | sed 's/"naam": "Sam de Vries"/"naam": "Sam \xff"/' >"$STATE/kader-badutf8.json"
	k_rejects_raw "POST /api/v1/$k_route, invalid UTF-8 (byte FF) in naam: 400/422 problem, nothing stored" "400 422" \
		"/api/v1/$k_route" -H "$(bearer "$k_tok")" -H 'Content-Type: application/json' --data-binary @"$STATE/kader-badutf8.json"
	k_rejects_raw "POST /api/v1/$k_route, not JSON at all: 400 problem, nothing stored" 400 \
		"/api/v1/$k_route" -H "$(bearer "$k_tok")" -H 'Content-Type: application/json' --data-binary 'jeugdige=Sam'
	k_rejects_raw "POST /api/v1/$k_route, an empty body: 400/411/422 problem, nothing stored" "400 411 422" \
		"/api/v1/$k_route" -H "$(bearer "$k_tok")" -H 'Content-Type: application/json' --data-binary ''
	printf '%s' "$k_good" | python3 -c '
import json, sys
d = json.load(sys.stdin)
d["hulpvraag"] = "x" * 70000
sys.stdout.write(json.dumps(d))' >"$STATE/kader-big.json"
	k_rejects_raw "POST /api/v1/$k_route, a 70 000-byte body: 413 problem, nothing stored" 413 \
		"/api/v1/$k_route" -H "$(bearer "$k_tok")" -H 'Content-Type: application/json' --data-binary @"$STATE/kader-big.json"
	k_rejects_raw "POST /api/v1/$k_route, Content-Type text/plain: 415 problem, nothing stored" 415 \
		"/api/v1/$k_route" -H "$(bearer "$k_tok")" -H 'Content-Type: text/plain' --data-binary "$k_good"
	k_rejects_raw "POST /api/v1/$k_route, no token: 401 problem, nothing stored" 401 \
		"/api/v1/$k_route" -H 'Content-Type: application/json' --data-binary "$k_good"
	r_post "/api/v1/$k_route" "$k_tok" "$k_good"
	z_verdict "POST /api/v1/$k_route: and the good body of these refusals is accepted, 201" "$([ "$STATUS" = 201 ] || z_answer)"
done

# ---------------------------------------------------------------- families: siblings, one plan, one regisseur
k_create "siblings: the parent reports child A (melding, 0262): 201" /api/v1/meldingen "$K_OUDER_S" \
	"$(k_body "$K_J_A" "$K_G_S" 0262 "d['jeugdige']['naam'] = 'Ayla Jansen'" "d['hulpvraag'] = 'Ayla slaapt slecht.'")" melding 0262
K_SA=$K_ID
K_GEZIN=$(p_json "['gezin']['id']")
K_SA_REF=$(p_json "['referentie']")
k_create "siblings: the huisarts refers child B, with the same gezaghebbende (verwijzing): 201" /api/v1/verwijzingen "$K_HA" \
	"$(k_body "$K_J_B" "$K_G_S" 0262 "d['jeugdige'].update(naam='Bo Jansen', geboortedatum='2016-03-04')")" verwijzing 0262
K_SB=$K_ID
K_SB_REF=$(p_json "['referentie']")
check "the siblings' zaken are one gezin: the same gezin.id" test "$(p_json "['gezin']['id']")" = "$K_GEZIN"
check "the database links both zaken to that gezin" test \
	"$(z_psql_super "SELECT count(*) FROM zaak WHERE gezin_id = '$K_GEZIN'")" = 2
z_get "$K_OUDER_S" "$K_SA"
p_py "the parent sees both children's zaken in gezin.zaken (id, referentie, route, status; oldest first)" '
assert d["gezin"]["zaken"] == [{"id": a[0], "referentie": a[1], "route": "melding", "status": "ontvangen"},
                               {"id": a[2], "referentie": a[3], "route": "verwijzing", "status": "ontvangen"}], "zaken %r" % d["gezin"]["zaken"]' \
	"$K_SA" "$K_SA_REF" "$K_SB" "$K_SB_REF"
z_get "$K_HA" "$K_SB"
p_py "the huisarts sees only its own referral in gezin.zaken, not the sibling's melding" '
assert [z["id"] for z in d["gezin"]["zaken"]] == [a[0]], "zaken %r" % d["gezin"]["zaken"]' "$K_SB"
k_werkvoorraad "$K_CJG_B"
p_py "the werkvoorraad of 0262 shows both zaken with the same gezin" '
g = {x["id"]: x.get("gezin") for x in d.get("zaken", [])}
assert g.get(a[0]) == a[2] and g.get(a[1]) == a[2], "gezin %r" % g' "$K_SA" "$K_SB" "$K_GEZIN"

p_walk_check "sibling A (melding): ontvangst_bevestigen, vooronderzoek, gesprek, verslag" "$K_SA" ontvangst_bevestigen vooronderzoek gesprek verslag
p_walk_check "sibling B (verwijzing): ontvangst_bevestigen, vooronderzoek, gesprek, verslag" "$K_SB" ontvangst_bevestigen vooronderzoek gesprek verslag
k_refused "B adopts the gezin's plan before there is one: 422 naming bestaand_plan, nothing changed" 422 bestaand_plan \
	"$K_CJG_B" "$K_SB" gezinsplan '{"bestaand_plan": true}'
K_PLAN=$(p_content gezinsplan)
p_walk_check "A's gezinsplan is written (art. 3.5): gezinsplan_opgesteld" "$K_SA" gezinsplan
p_py "A's zaak shows gezin.gezinsplan version 1" '
p = d["gezin"].get("gezinsplan") or {}
assert p.get("versie") == 1 and p.get("vastgesteld"), "gezinsplan %r" % p'
K_VASTGESTELD=$(p_json "['gezin']['gezinsplan']['vastgesteld']")
k_refused "B adopts the plan and writes texts of its own at once: 422 naming eigen_kracht_netwerk, nothing changed" 422 eigen_kracht_netwerk \
	"$K_CJG_B" "$K_SB" gezinsplan '{"bestaand_plan": true, "eigen_kracht_netwerk": "Iets anders."}'
p_walk_check "B adopts the gezin's plan ({\"bestaand_plan\": true}): gezinsplan_opgesteld" "$K_SB" 'gezinsplan:{"bestaand_plan": true}'
p_py "B's zaak shows the same plan: gezin.gezinsplan {versie 1, vastgesteld as for A}" '
assert d["gezin"].get("gezinsplan") == {"versie": 1, "vastgesteld": a[0]}, "gezinsplan %r" % d["gezin"].get("gezinsplan")' "$K_VASTGESTELD"
check "the gezin has one gezinsplan row: adopting wrote no new version" \
	test "$(z_psql_super "SELECT count(*) FROM gezinsplan WHERE gezin_id = '$K_GEZIN'")" = 1
k_gezin "$K_CJG_B" "$K_GEZIN"
K_GEZIN_RID=$(z_rid)
p_py "GET /api/v1/gezinnen/{id} as the cjg: both zaken with gemeente, jeugdige and termijn; the plan with its content, by cjg, from A" '
assert d.get("id") == a[0], "id %r" % d.get("id")
z = d.get("zaken") or []
assert [x.get("id") for x in z] == [a[1], a[2]], "zaken %r" % z
assert [x.get("route") for x in z] == ["melding", "verwijzing"] and all(x.get("status") == "gezinsplan_opgesteld" for x in z), "zaken %r" % z
assert all(x.get("verantwoordelijke_gemeente") == "0262" for x in z), "zaken %r" % z
assert [x.get("jeugdige") for x in z] == [{"naam": "Ayla Jansen", "geboortedatum": "2014-05-01"}, {"naam": "Bo Jansen", "geboortedatum": "2016-03-04"}], "jeugdigen %r" % z
assert all("termijn" in x for x in z), "termijn missing: %r" % z
p = d.get("gezinsplan") or {}
assert (p.get("versie"), p.get("door"), p.get("zaak"), p.get("vastgesteld")) == (1, "cjg", a[3], a[5]), "gezinsplan %r" % p
plan = json.loads(a[4])
assert all(p.get("inhoud", {}).get(k) == v for k, v in plan.items()), "inhoud %r, sent %r" % (p.get("inhoud"), plan)
assert [(v.get("versie"), v.get("door")) for v in d.get("gezinsplan_versies", [])] == [(1, "cjg")], "versies %r" % d.get("gezinsplan_versies")
assert "casusregisseur" in d and d["casusregisseur"] is None, "casusregisseur %r" % d.get("casusregisseur")' \
	"$K_GEZIN" "$K_SA" "$K_SB" "$K_SA_REF" "$K_PLAN" "$K_VASTGESTELD"
check "access log of GET /gezinnen/{id}: one gezin.lezen row per zaak shown (2), uitkomst getoond" test \
	"$(psql_owner "SELECT count(*) || ':' || count(DISTINCT zaak_id) || ':' || min(actie) || ':' || min(uitkomst) || ':' || max(uitkomst) FROM toegangslog WHERE request_id = '$K_GEZIN_RID'")" \
	= "2:2:gezin.lezen:getoond:getoond"
k_gezin "$K_OUDER_S" "$K_GEZIN"
p_py "the parent reads the gezin: both zaken and what the plan says (the family has the regie over it)" '
assert len(d.get("zaken") or []) == 2 and (d.get("gezinsplan") or {}).get("inhoud"), d
assert d.get("casusregisseurs", "x") is None, "casusregisseurs %r" % d.get("casusregisseurs")'
k_gezin "$K_JEUGDIGE_A" "$K_GEZIN"
p_py "child A reads the gezin: only its own zaak, and the plan with its content" '
assert [z["id"] for z in d.get("zaken") or []] == [a[0]] and (d.get("gezinsplan") or {}).get("inhoud"), d' "$K_SA"
k_gezin "$K_HA" "$K_GEZIN"
p_py "the huisarts reads the gezin: only its referral; the plan (version 1) without content and without the sibling's referentie" '
assert [z["id"] for z in d.get("zaken") or []] == [a[0]], "zaken %r" % d.get("zaken")
p = d.get("gezinsplan") or {}
assert p.get("versie") == 1 and p.get("inhoud", "x") is None and p.get("zaak") != a[1], "gezinsplan %r" % p
assert d.get("casusregisseurs", "x") is None, "casusregisseurs %r" % d.get("casusregisseurs")' "$K_SB" "$K_SA_REF"
k_gezin "$K_PLEIN_B" "$K_GEZIN"
p_py "the plein of 0262 reads the gezin: both zaken, the plan without its content" '
assert len(d.get("zaken") or []) == 2 and (d.get("gezinsplan") or {}).get("inhoud", "x") is None, d'
k_gezin "$K_CJG_B" "$P_UUID_NONE"
K_GEZIN_404=$(p_sig)
p_problem "GET /api/v1/gezinnen/{a random uuid}: 404 problem" 404
for k_case in "the cjg of 0050:$K_CJG_A" "a parent of nobody here:$(token -r ouder -c bsn="$K_NOBODY" -s k-nobody)" \
	"the gi:$K_GI" "another huisarts:$(token -r huisarts -c agb=05550501 -s k-ha-2)" "an aanbieder:$(token -r aanbieder -c agb=05550502 -s k-aanbieder-2)"; do
	k_gezin "${k_case#*:}" "$K_GEZIN"
	check "GET /gezinnen/{id} by ${k_case%%:*}, who sees none of its zaken: the 404 of a gezin that does not exist" \
		eval '[ -z "$(p_problem_why 404)" ] && [ "$(p_sig)" = "$K_GEZIN_404" ]'
done
k_gezin "$K_CJG_B" not-a-uuid
check "GET /api/v1/gezinnen/not-a-uuid: the same 404" eval '[ "$(p_sig)" = "$K_GEZIN_404" ]'
request GET "/api/v1/gezinnen/$K_GEZIN"
p_problem "GET /api/v1/gezinnen/{id} without a token: 401 problem" 401

# One casusregisseur, named and changed by the CJG only.
K_REGISSEUR='{"soort": "cjg", "naam": "Jeroen Bakker", "organisatie": "CJG Lochem", "telefoon": "0573-289222", "email": "j.bakker@cjg.example", "toelichting": "Het CJG voert de regie over beide zaken."}'
k_role_token() {
	case $1 in
	huisarts) echo "$K_HA" ;;
	jeugdarts | medisch_specialist | aanbieder) token -r "$1" -c agb=05550503 -s "k-$1" ;;
	gi | rechter | om | jji) token -r "$1" -c org=$K_ORG -s "k-$1" ;;
	ouder) echo "$K_OUDER_S" ;;
	jeugdige) echo "$K_JEUGDIGE_A" ;;
	*) token -r "$1" -c gemeente=0262 -s "k-$1" ;;
	esac
}
for k_role in huisarts jeugdarts medisch_specialist aanbieder gi rechter om jji plein gst beheerder ouder jeugdige; do
	z_refusal "role $k_role may not name the casusregisseur: POST /gezinnen/{id}/casusregisseur is 403 problem, nothing stored" \
		403 "" k_data k_regisseur "$(k_role_token "$k_role")" "$K_GEZIN" "$K_REGISSEUR"
done
z_refusal "the cjg of another gemeente (0050) names a casusregisseur: 404 problem, nothing stored" 404 "" \
	k_data k_regisseur "$K_CJG_A" "$K_GEZIN" "$K_REGISSEUR"
check "and that 404 is the one of a gezin that does not exist" test "$(p_sig)" = "$K_GEZIN_404"
z_refusal "a casusregisseur for a gezin that does not exist: 404 problem, nothing stored" 404 "" \
	k_data k_regisseur "$K_CJG_B" "$P_UUID_NONE" "$K_REGISSEUR"
z_refusal "a casusregisseur without a token: 401 problem, nothing stored" 401 "" \
	k_data request POST "/api/v1/gezinnen/$K_GEZIN/casusregisseur" -H 'Content-Type: application/json' --data-binary "$K_REGISSEUR"
for k_case in "soort naam organisatie:{}:{}" \
	"soort:soort gemeente:{\"soort\": \"gemeente\", \"naam\": \"X\", \"organisatie\": \"Y\"}" \
	"naam:an empty naam:{\"soort\": \"cjg\", \"naam\": \"\", \"organisatie\": \"CJG Lochem\"}" \
	"organisatie:no organisatie:{\"soort\": \"team\", \"naam\": \"Fatima\"}" \
	"telefoon:a telefoon of 31 characters:{\"soort\": \"cjg\", \"naam\": \"X\", \"organisatie\": \"Y\", \"telefoon\": \"$(printf '0%.0s' $(seq 31))\"}" \
	"toelichting:a control character in toelichting:{\"soort\": \"cjg\", \"naam\": \"X\", \"organisatie\": \"Y\", \"toelichting\": \"a\\u0007\"}" \
	"kleur:an unknown member:{\"soort\": \"cjg\", \"naam\": \"X\", \"organisatie\": \"Y\", \"kleur\": \"blauw\"}"; do
	k_params=${k_case%%:*} k_rest=${k_case#*:}
	k_before=$(k_data)
	k_regisseur "$K_CJG_B" "$K_GEZIN" "${k_rest#*:}"
	z_verdict "a casusregisseur with ${k_rest%%:*}: 422 naming ${k_params// /, }, nothing stored" \
		"$(p_problem_why 422 $k_params)$([ "$(k_data)" = "$k_before" ] || echo " rows changed")"
done
z_refusal "a casusregisseur as text/plain: 415 problem, nothing stored" 415 "" \
	k_data request POST "/api/v1/gezinnen/$K_GEZIN/casusregisseur" -H "$(bearer "$K_CJG_B")" -H 'Content-Type: text/plain' --data-binary "$K_REGISSEUR"
z_refusal "a casusregisseur that is not JSON: 400 problem, nothing stored" 400 "" \
	k_data k_regisseur "$K_CJG_B" "$K_GEZIN" '{"soort": "cjg",'
k_regisseur "$K_CJG_B" "$K_GEZIN" "$K_REGISSEUR"
K_REG_RID=$(z_rid)
z_status "the cjg of 0262 names the casusregisseur: 200" 200
p_py "the answer is the gezin with the casusregisseur as sent (and vanaf), and its history for the cjg" '
r, s = d.get("casusregisseur") or {}, json.loads(a[0])
assert all(r.get(k) == v for k, v in s.items()) and r.get("vanaf"), "casusregisseur %r, sent %r" % (r, s)
h = d.get("casusregisseurs") or []
assert [(x.get("soort"), x.get("naam"), x.get("door")) for x in h] == [("cjg", "Jeroen Bakker", "cjg")], "casusregisseurs %r" % h
assert d.get("id") == a[1] and len(d.get("zaken") or []) == 2, d' "$K_REGISSEUR" "$K_GEZIN"
check "access log of the change: gezin.casusregisseur rows, uitkomst gewijzigd, one per zaak of the gezin" test \
	"$(psql_owner "SELECT count(*) || ':' || min(actie) || ':' || min(uitkomst) FROM toegangslog WHERE request_id = '$K_REG_RID'")" = "2:gezin.casusregisseur:gewijzigd"
z_get "$K_OUDER_S" "$K_SA"
# shellcheck disable=SC2034 # K_REG_A and K_REG_B are read in the eval below
K_REG_A=$(p_json "['gezin']['casusregisseur']")
z_get "$K_HA" "$K_SB"
# shellcheck disable=SC2034
K_REG_B=$(p_json "['gezin']['casusregisseur']")
check "both siblings' zaken show the one casusregisseur (A read by the parent, B by the huisarts)" \
	eval '[ "$K_REG_A" = "$K_REG_B" ] && [[ $K_REG_A == *"Jeroen Bakker"* ]]'
k_regisseur "$K_CJG_B" "$K_GEZIN" '{"soort": "team", "naam": "Fatima El Amrani", "organisatie": "Sociaal team Lochem"}'
p_py "the casusregisseur is changed to the team: the newest one counts, the history keeps both in order" '
r = d.get("casusregisseur") or {}
assert (r.get("soort"), r.get("naam"), r.get("telefoon", "x")) == ("team", "Fatima El Amrani", None), "casusregisseur %r" % r
assert [x.get("naam") for x in d.get("casusregisseurs") or []] == ["Jeroen Bakker", "Fatima El Amrani"], "casusregisseurs %r" % d.get("casusregisseurs")'
z_get "$K_CJG_B" "$K_SB"
check "B's zaak shows the new casusregisseur" test "$(p_json "['gezin']['casusregisseur']['organisatie']")" = "Sociaal team Lochem"

# One plan: a new version written on A's zaak is B's plan too.
p_walk_check "A's gezinsplan is revised (gezinsplan again): gezinsplan_opgesteld" "$K_SA" \
	'gezinsplan:{"eigen_kracht_netwerk": "Opa haalt beide kinderen op.", "vrij_toegankelijke_voorzieningen": "Opvoedcursus.", "individuele_voorzieningen": "Jeugd-ggz voor Ayla."}'
z_get "$K_HA" "$K_SB"
check "B's zaak shows gezinsplan version 2" test "$(p_json "['gezin']['gezinsplan']['versie']")" = 2
k_gezin "$K_OUDER_S" "$K_GEZIN"
p_py "the gezin as the parent reads it: plan version 2 with the new content, versions 1 and 2; the casusregisseur, not its history" '
assert (d.get("casusregisseur") or {}).get("naam") == "Fatima El Amrani" and d.get("casusregisseurs", "x") is None, d
p = d.get("gezinsplan") or {}
assert p.get("versie") == 2 and p.get("inhoud", {}).get("individuele_voorzieningen") == "Jeugd-ggz voor Ayla.", "gezinsplan %r" % p
assert [v.get("versie") for v in d.get("gezinsplan_versies") or []] == [1, 2], "versies %r" % d.get("gezinsplan_versies")'

k_gezin "$(token -r beheerder -c gemeente=0262 -s k-beheerder)" "$K_GEZIN"
p_py "the beheerder of 0262 reads the gezin with the plan's content and the history of casusregisseurs" '
assert len(d.get("casusregisseurs") or []) == 2 and (d.get("gezinsplan") or {}).get("inhoud"), d'

# Gezinnen found to be one merge; a shared jeugdige links too.
k_create "merge: a zaak for child C with parent P1 (0050): 201" /api/v1/verwijzingen "$K_HA" "$(k_body "$K_C" "$K_P1" 0050)" verwijzing 0050
K_X=$K_ID K_GX=$(p_json "['gezin']['id']")
k_create "merge: a zaak for child D with parent P2 (0050): 201" /api/v1/verwijzingen "$K_HA" "$(k_body "$K_D" "$K_P2" 0050)" verwijzing 0050
K_Y=$K_ID K_GY=$(p_json "['gezin']['id']")
check "the two families are two gezinnen" eval '[ -n "$K_GX" ] && [ -n "$K_GY" ] && [ "$K_GX" != "$K_GY" ]'
k_regisseur "$K_CJG_A" "$K_GY" '{"soort": "cjg", "naam": "Ilse de Boer", "organisatie": "CJG Zeewolde"}'
z_status "the cjg of 0050 names a casusregisseur for D's gezin: 200" 200
k_create "merge: a zaak for child E with both P1 and P2 as gezaghebbenden: 201" /api/v1/verwijzingen "$K_HA" \
	"$(k_body "$K_E" "$K_P1" 0050 "d['gezaghebbenden'].append({'bsn': '$K_P2', 'naam': 'P2', 'gemeente': '0050'})")" verwijzing 0050
K_Z=$K_ID
check "E's zaak joins the older gezin (C's)" test "$(p_json "['gezin']['id']")" = "$K_GX"
z_get "$K_HA" "$K_Y"
check "D's zaak now belongs to that gezin too: the gezinnen merged" test "$(p_json "['gezin']['id']")" = "$K_GX"
check "the merged gezin of D is recorded as merged into C's" \
	test "$(z_psql_super "SELECT samengevoegd_in FROM gezin WHERE id = '$K_GY'")" = "$K_GX"
k_gezin "$K_CJG_A" "$K_GX"
p_py "the merged gezin holds the three zaken, and the casusregisseur of D's gezin came along" '
assert [z["id"] for z in d.get("zaken") or []] == a[:3], "zaken %r" % d.get("zaken")
assert (d.get("casusregisseur") or {}).get("naam") == "Ilse de Boer", "casusregisseur %r" % d.get("casusregisseur")' "$K_X" "$K_Y" "$K_Z"
k_gezin "$K_CJG_A" "$K_GY"
check "the gezin merged away has no zaken left: 404" test "$(p_sig)" = "$K_GEZIN_404"
k_create "merge: a zaak for child C again, with a new gezaghebbende P3: 201" /api/v1/verwijzingen "$K_HA" "$(k_body "$K_C" "$K_P3" 0050)" verwijzing 0050
check "a zaak sharing only the jeugdige joins the same gezin" test "$(p_json "['gezin']['id']")" = "$K_GX"
check "an unrelated family's zaak (the mandaat family) is another gezin" \
	test "$(p_eval "$K_M_CREATE" 'print(d["gezin"]["id"])')" != "$K_GX"

# ---------------------------------------------------------------- the region: from outside, offered for doorzending
K_BR_BODY=$(k_body "$K_J_BR" "$K_G_BR" 1900)
k_create "a verwijzing for a family in 1900 (outside the region): accepted, 201" /api/v1/verwijzingen "$K_HA" "$K_BR_BODY" verwijzing 0050
K_BR=$K_ID
p_py "the zaak from outside: buiten_regio true, verantwoordelijke 1900, behandelende 0050 (the region's first), offered for doorzending with WJ759 code 8" '
assert (d.get("buiten_regio"), d.get("verantwoordelijke_gemeente"), d.get("behandelende_gemeente")) == (True, "1900", "0050"), d
want = {"aangeboden": True, "naar": "1900", "reden": {"codelijst": "WJ759", "code": "8", "omschrijving": "Woonplaatsbeginsel"}}
assert d.get("doorzending") == want, "doorzending %r, want %r" % (d.get("doorzending"), want)'
check "stored: buiten_regio, behandelende_gemeente 0050, verantwoordelijke 1900" test \
	"$(z_psql_super "SELECT buiten_regio || '|' || behandelende_gemeente || '|' || verantwoordelijke_gemeente FROM zaak WHERE id = '$K_BR'")" = "true|0050|1900"
k_create "an overdracht by the plein of 0262 for a family in 1900: 201" /api/v1/overdrachten "$K_PLEIN_B" \
	"$(k_body "$K_J_BR2" "$K_G_BR2" 1900 "d.update(reden='Het gezin verhuist naar Friesland.', toestemming_gegevensdeling=True)")" overdracht 0262
K_BR2=$K_ID
check "it lands at the team's own gemeente, which is in the region: behandelende 0262, buiten_regio" \
	test "$(p_json "['behandelende_gemeente'], d['buiten_regio'], d['doorzending']['naar']")" = "0262 True 1900"
r_post /api/v1/meldingen "$K_CJG_B" "$(k_body "$K_J_BR2" "$K_G_BR2" 1900)"
z_verdict "the cjg of 0262 records a melding of a family in 1900: 201, behandelende 0262, buiten_regio" \
	"$([ "$STATUS:$(p_json "['behandelende_gemeente'], d['buiten_regio']")" = "201:0262 True" ] || z_answer)"
k_rejects "the plein of 1900 (outside the region) hands over a family of 1900: 403, nothing stored" 403 "" \
	/api/v1/overdrachten "$(token -r plein -c gemeente=1900 -s k-plein-sudwest)" \
	"$(k_body "$K_J_BR2" "$K_G_BR2" 1900 "d.update(reden='Overdracht.', toestemming_gegevensdeling=True)")"
k_rejects "the cjg of 1900 records a melding of a family of 1900: 403, nothing stored" 403 "" \
	/api/v1/meldingen "$K_CJG_OUT" "$(k_body "$K_J_BR2" "$K_G_BR2" 1900)"
k_create "a spoed mandaat for a family in 1900: 201" /api/v1/mandaten "$K_GI" \
	"$(k_body "$K_J_BR3" "$K_G_BR3" 1900 "d.update(maatregel='ots', uitspraakdatum='$K_WEEK_AGO', kenmerk='K-br', spoed=True)")" mandaat 0050 True
K_BR3=$K_ID
r_hidden "the cjg of 1900 cannot see the zaak of its family while it is handled in 0050: 404, not in its list" "$K_CJG_OUT" "$K_BR"
k_werkvoorraad "$K_CJG_A"
p_py "the werkvoorraad of 0050: the zaak from outside, buiten_regio true, verantwoordelijke 1900, only doorzenden, intrekken, werkwijze; the spoed one also tijdelijke_maatregel" '
z = {x["id"]: x for x in d.get("zaken", [])}
assert a[0] in z and a[1] in z, "not listed: %r" % list(z)
for i, want in ((a[0], ["doorzenden", "intrekken", "werkwijze"]), (a[1], ["doorzenden", "intrekken", "tijdelijke_maatregel", "werkwijze"])):
    x = z[i]
    assert (x.get("buiten_regio"), x.get("verantwoordelijke_gemeente")) == (True, "1900"), "%r" % x
    assert sorted(x.get("acties_toegestaan") or []) == want, "acties_toegestaan %r, want %r" % (x.get("acties_toegestaan"), want)
assert all(x.get("buiten_regio") is False for k, x in z.items() if k not in a[:2]), "other zaken flagged buiten_regio"' "$K_BR" "$K_BR3"
k_werkvoorraad "$K_CJG_B"
p_py "the werkvoorraad of 0262 holds the overdracht from outside, buiten_regio true" '
z = {x["id"]: x for x in d.get("zaken", [])}
assert a[0] in z and z[a[0]]["buiten_regio"] is True and sorted(z[a[0]]["acties_toegestaan"]) == ["doorzenden", "intrekken", "werkwijze"], "%r" % z.get(a[0])' "$K_BR2"
k_refused "ontvangst_bevestigen on the zaak from outside: 409 naming the actions that are left" 409 "" \
	"$K_CJG_A" "$K_BR" ontvangst_bevestigen '{"wijze": "brief"}' doorzenden intrekken werkwijze
k_refused "beschikken on the spoed mandaat from outside: 409" 409 "" \
	"$K_CJG_A" "$K_BR3" beschikken "$(k_beschikking toegekend "$(k_product)")" doorzenden tijdelijke_maatregel
k_act_ok "werkwijze on the zaak from outside: 200, status stays ontvangen" "$K_CJG_A" "$K_BR" werkwijze "$(p_content werkwijze)" ontvangen
k_refused "doorzenden to its own behandelende gemeente 0050: 422 naming gemeente" 422 gemeente \
	"$K_CJG_A" "$K_BR" doorzenden '{"gemeente": "0050", "reden": "Verhuisd."}'
k_refused "doorzenden to a gemeente that does not exist (9999): 422 naming gemeente" 422 gemeente \
	"$K_CJG_A" "$K_BR" doorzenden '{"gemeente": "9999", "reden": "Verhuisd."}'
k_refused "doorzenden by the cjg of 1900: 404" 404 "" \
	"$K_CJG_OUT" "$K_BR" doorzenden '{"gemeente": "1900", "reden": "Woonplaatsbeginsel."}'
k_act_ok "the cjg of 0050 forwards the zaak to 1900: 200, doorgezonden" "$K_CJG_A" "$K_BR" doorzenden \
	'{"gemeente": "1900", "reden": "Het gezin woont in Súdwest-Fryslân (woonplaatsbeginsel)."}' doorgezonden
p_py "forwarded: doorzending {aangeboden false, naar 1900, WJ759 code 8}; the history entry records ijw_reden code 8; no deadlines, nothing allowed" '
want = {"aangeboden": False, "naar": "1900", "reden": {"codelijst": "WJ759", "code": "8", "omschrijving": "Woonplaatsbeginsel"}}
assert d.get("doorzending") == want, "doorzending %r" % d.get("doorzending")
h = d["statushistorie"][-1]
assert (h.get("status"), h.get("actie")) == ("doorgezonden", "doorzenden"), "last entry %r" % h
g = h.get("gegevens") or {}
assert g.get("ijw_reden") == want["reden"] and g.get("gemeente") == "1900" and g.get("binnen_regio") is False, "gegevens %r" % g
assert (d.get("termijnen"), d.get("acties_toegestaan")) == ({}, []), d'
check "stored: status doorgezonden, doorgezonden_naar 1900" test \
	"$(z_psql_super "SELECT status || '|' || doorgezonden_naar FROM zaak WHERE id = '$K_BR'")" = "doorgezonden|1900"
k_werkvoorraad "$K_CJG_A"
check "the forwarded zaak has left the werkvoorraad of 0050" eval '[ "$STATUS" = 200 ] && ! k_listed "$K_BR"'
z_get "$K_HA" "$K_BR"
check "the referring huisarts sees that it was forwarded to 1900" \
	test "$(p_json "['status'], d['doorzending']['naar'], d['doorzending']['aangeboden']")" = "doorgezonden 1900 False"
k_act_ok "tijdelijke_maatregel on the spoed mandaat from outside: 200" "$K_CJG_A" "$K_BR3" tijdelijke_maatregel \
	'{"maatregel": "Crisisopvang tot de gemeente van het gezin het overneemt."}' ontvangen
p_py "the tijdelijke_maatregel deadline has gone; the toewijzing deadline stays" '
assert d.get("termijnen") == {"toewijzing": werkdagen(TODAY, 5).isoformat()}, "termijnen %r" % d.get("termijnen")'

# Inside the region a forwarded zaak moves to the other CJG and starts again.
k_create "a verwijzing of a family in 0050: 201, in the region, no doorzending" /api/v1/verwijzingen "$K_HA" \
	"$(k_body "$K_J_IN" "$K_G_IN" 0050)" verwijzing 0050
K_IN=$K_ID
check "in the region: buiten_regio false, behandelende 0050, doorzending null" \
	test "$(p_json "['buiten_regio'], d['behandelende_gemeente'], d['doorzending']")" = "False 0050 None"
p_walk_check "the cjg of 0050 confirms receipt" "$K_IN" ontvangst_bevestigen
p_act "$K_CJG_A" "$K_IN" doorzenden '{"gemeente": "0262", "reden": "Het gezin is naar Lochem verhuisd."}'
z_verdict "doorzenden to 0262, a gemeente of the region: 200 {id, doorgezonden_naar 0262, status ontvangen}" \
	"$(p_eval "$BODY" 'assert d == {"id": a[0], "doorgezonden_naar": "0262", "status": "ontvangen"}, "answer %r" % d' "$K_IN" || true)$([ "$STATUS" = 200 ] || z_answer)"
z_get "$K_CJG_A" "$K_IN"
check "the cjg of 0050 no longer sees it: the 404 of a zaak that does not exist" test "$(p_sig)" = "$(printf '%s' "$Z_404")"
z_get "$K_CJG_B" "$K_IN"
p_py "the cjg of 0262 sees it: status ontvangen, gemeente 0262, in the region, the deadline of receipt anew (8 weeks)" '
assert (d.get("status"), d.get("verantwoordelijke_gemeente"), d.get("behandelende_gemeente"), d.get("buiten_regio"), d.get("doorzending", "x")) == \
    ("ontvangen", "0262", "0262", False, None), d
assert d.get("termijnen") == {"beschikking": weken(TODAY, 8).isoformat()}, "termijnen %r" % d.get("termijnen")
assert "ontvangst_bevestigen" in (d.get("acties_toegestaan") or []), "acties_toegestaan %r" % d.get("acties_toegestaan")'
p_py "the history: ontvangen, ontvangst_bevestigd, then ontvangen by doorzenden with ijw_reden code 8 inside the region" '
h = d.get("statushistorie") or []
assert [(x["status"], x.get("actie")) for x in h] == [("ontvangen", None), ("ontvangst_bevestigd", "ontvangst_bevestigen"), ("ontvangen", "doorzenden")], "statushistorie %r" % h
g = h[-1].get("gegevens") or {}
assert (g.get("ijw_reden") or {}).get("code") == "8" and g.get("binnen_regio") is True and g.get("gemeente") == "0262", "gegevens %r" % g
assert "0262" in h[-1]["toelichting"], "toelichting %r" % h[-1]["toelichting"]'
k_werkvoorraad "$K_CJG_B"
check "it is in the werkvoorraad of 0262" k_listed "$K_IN"
k_werkvoorraad "$K_CJG_A"
check "and no longer in that of 0050" eval '[ "$STATUS" = 200 ] && ! k_listed "$K_IN"'
z_sees "the referring huisarts still sees it" "$K_HA" "$K_IN"
k_refused "the cjg of 0050 can no longer act on it: 404" 404 "" "$K_CJG_A" "$K_IN" ontvangst_bevestigen '{"wijze": "brief"}'
P_GEMS[$K_IN]=0262 P_STATUS[$K_IN]=ontvangen
p_walk_check "the cjg of 0262 takes it up: ontvangst_bevestigen" "$K_IN" ontvangst_bevestigen
k_create "a mandaat of a family in 0050: 201" /api/v1/mandaten "$K_GI" \
	"$(k_body "$K_J_MV" "$K_G_MV" 0050 "d.update(maatregel='voogdij', uitspraakdatum='$K_WEEK_AGO', kenmerk='K-mv')")" mandaat 0050
K_MV=$K_ID
p_act "$K_CJG_A" "$K_MV" doorzenden '{"gemeente": "0262", "reden": "Verhuisd naar Lochem."}'
z_verdict "the mandaat forwarded to 0262: 200, status ontvangen" "$([ "$STATUS:$(p_json "['status']")" = 200:ontvangen ] || z_answer)"
z_get "$K_CJG_B" "$K_MV"
p_py "the mandaat at 0262: its toewijzing deadline of receipt anew, and beschikken allowed at once" '
assert d.get("termijnen") == {"toewijzing": werkdagen(TODAY, 5).isoformat()}, "termijnen %r" % d.get("termijnen")
assert "beschikken" in (d.get("acties_toegestaan") or []), "acties_toegestaan %r" % d.get("acties_toegestaan")'
z_sees "the gi that registered it still sees it" "$K_GI" "$K_MV"

# ---------------------------------------------------------------- spoed: a tijdelijke_maatregel deadline
k_create "a spoed melding (0262): 201" /api/v1/meldingen "$(token -r ouder -c bsn="$K_G_SP" -s k-ouder-sp)" \
	"$(k_body "$K_J_SP" "$K_G_SP" 0262 "d['spoed'] = True")" melding 0262 True
K_SP=$K_ID
p_py "spoed: termijnen.tijdelijke_maatregel is the next calendar day (not moved off a weekend)" '
assert d.get("termijnen") == {"tijdelijke_maatregel": (TODAY + DAY).isoformat()}, "termijnen %r" % d.get("termijnen")'
r_post /api/v1/meldingen "$(token -r ouder -c bsn="$K_G_SP" -s k-ouder-sp)" "$(k_body "$K_J_SP" "$K_G_SP" 0262)"
K_NSP=$(p_json "['id']")
k_track "$K_NSP" melding 0262
check "a melding that is not spoed has no deadline at all" test "$STATUS:$(p_json "['termijnen']")" = "201:{}"
r_post /api/v1/verwijzingen "$K_HA" "$(k_body "$K_J_SP" "$K_G_SP" 0262 "d['spoed'] = True")"
p_py "a spoed verwijzing: the beschikking deadline and the tijdelijke_maatregel deadline" '
assert d.get("termijnen") == {"beschikking": weken(TODAY, 8).isoformat(), "tijdelijke_maatregel": (TODAY + DAY).isoformat()}, "termijnen %r" % d.get("termijnen")'
r_post /api/v1/mandaten "$K_GI" "$(k_body "$K_J_SP" "$K_G_SP" 0262 "d.update(maatregel='ots', uitspraakdatum='$K_WEEK_AGO', kenmerk='K-sp', spoed=True)")"
p_py "a spoed mandaat: the toewijzing deadline and the tijdelijke_maatregel deadline" '
assert d.get("termijnen") == {"toewijzing": werkdagen(TODAY, 5).isoformat(), "tijdelijke_maatregel": (TODAY + DAY).isoformat()}, "termijnen %r" % d.get("termijnen")'
k_werkvoorraad "$K_CJG_B"
p_py "the werkvoorraad of 0262 shows the spoed melding with its tijdelijke_maatregel deadline" '
z = [x for x in d.get("zaken", []) if x["id"] == a[0]]
assert z and z[0].get("termijn") == {"naam": "tijdelijke_maatregel", "datum": (TODAY + DAY).isoformat()} and z[0]["spoed"] is True, "%r" % z' "$K_SP"
p_walk_check "the cjg takes a tijdelijke_maatregel: 200, status stays ontvangen" "$K_SP" tijdelijke_maatregel
check "the tijdelijke_maatregel deadline has gone: termijnen {}" test "$(p_json "['termijnen']")" = "{}"
k_refused "tijdelijke_maatregel on the melding that is not spoed: 409" 409 "" \
	"$K_CJG_B" "$K_NSP" tijdelijke_maatregel '{"maatregel": "Opvang."}'

# ---------------------------------------------------------------- the access log
K_BSN_RE=$(IFS='|'; echo "${K_BSNS[*]}")
check "no BSN of the families here appears in the access log" test \
	"$(psql_owner "SELECT count(*) FROM toegangslog t WHERE t::text ~ '($K_BSN_RE)'")" = 0
check "all zaken together: one zaak.actie.<naam> access-log row uitgevoerd per step in the histories (moves and start_zorg included; refusals none)" test \
	"$(z_psql_super "SELECT (SELECT count(*) FROM toegangslog WHERE actie LIKE 'zaak.actie.%' AND uitkomst = 'uitgevoerd') = (SELECT count(*) FROM zaak_status WHERE actie IS NOT NULL)")" = t

# ---------------------------------------------------------------- without a region again
restart_daemon
request GET /api/v1/health
check "the daemon restarted without a region" test "$STATUS" = 200
k_create "without a region: a verwijzing for a family in 1900 is an ordinary zaak of 1900" /api/v1/verwijzingen "$K_HA" \
	"$(k_body "$K_J_NR" "$K_G_NR" 1900)" verwijzing 1900
check "buiten_regio false, behandelende_gemeente 1900, no doorzending" \
	test "$(p_json "['buiten_regio'], d['behandelende_gemeente'], d['doorzending']")" = "False 1900 None"
P_CJG_OF[1900]=$K_CJG_OUT
p_walk_check "without a region, doorzenden to 0050 leaves toegang: doorgezonden" "$K_ID" \
	'doorzenden:{"gemeente": "0050", "reden": "Verhuisd naar Zeewolde."}'
p_py "doorzending {aangeboden false, naar 0050}, binnen_regio false in the history" '
assert d.get("doorzending") == {"aangeboden": False, "naar": "0050", "reden": {"codelijst": "WJ759", "code": "8", "omschrijving": "Woonplaatsbeginsel"}}, "doorzending %r" % d.get("doorzending")
assert d["statushistorie"][-1]["gegevens"].get("binnen_regio") is False, "gegevens %r" % d["statushistorie"][-1]["gegevens"]'
z_get "$K_CJG_B" "$K_IN"
check "zaken moved inside the region stay where they went (the cjg of 0262 still sees the moved verwijzing)" test "$STATUS" = 200
check "after the gedwongen kader, families and the region the daemon still answers" eval 'request GET /api/v1/health && [ "$STATUS" = 200 ]'
# The helper ends when its input closes.
exec {P_TO_PY}>&- {P_FROM_PY}<&-
wait "$K_PY_PID" 2>/dev/null
