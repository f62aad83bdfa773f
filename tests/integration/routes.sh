# Routes mandaat, melding and overdracht (sourced by run.sh right after zaak.sh).
#
# Through nginx with curl, as a client would: POST /api/v1/mandaten (gi,
# rechter, om, jji), /api/v1/meldingen (ouder, jeugdige, cjg) and
# /api/v1/overdrachten (plein, gst) each make a zaak of their route that
# exactly its parties see; who may report for whom; the fields each route
# requires; Idempotency-Key; every role refused on every route not its own;
# the route filter of the list; the access log. Each part has its own
# gemeente, organisations and BSNs, so that no check depends on zaken made
# elsewhere. Everything here is named r_/R_; zaak.sh's z_ helpers are reused
# (z_body, z_py, z_sees, z_counts, z_log_py, Z_404, Z_FILLED ...).

# ---------------------------------------------------------------- helpers

# r_post PATH TOKEN BODY [curl args...]: a create, as JSON
r_post() {
	local path=$1 tok=$2 body=$3; shift 3
	request POST "$path" -H "$(bearer "$tok")" -H 'Content-Type: application/json' \
		--data-binary "$body" "$@"
}

# r_data: the rows a create stores: zaak betrokkene status termijn idempotentie
r_data() { local c; c=$(z_counts); printf '%s' "${c% *}"; }

# r_rejects NAME "CODES" PARAM PATH TOKEN BODY [curl args...]: the create is
# refused with one of CODES as problem+json, names PARAM in invalid-params
# when the answer is 422 (PARAM may be empty), and stores nothing.
r_rejects() {
	local name=$1 codes=$2 param=$3 path=$4 tok=$5 body=$6; shift 6
	z_refusal "$name" "$codes" "$param" r_data r_post "$path" "$tok" "$body" "$@"
}

# r_created NAME: the answer is 201 application/json whose Location is
# /api/v1/zaken/{id}; R_LAST is that id, R_LAST_RID the request id
r_created() {
	R_LAST=$(json "['id']")
	R_LAST_RID=$(z_rid)
	z_verdict "$1" "$([ "$STATUS:$(header Content-Type)" = 201:application/json ] && [ -n "$R_LAST" ] &&
		[ "$(header Location)" = "/api/v1/zaken/$R_LAST" ] || echo "$(z_answer) Location: $(header Location)")"
}

# r_hidden NAME TOKEN ID: the caller gets the 404 of a zaak that does not
# exist, and does not find the zaak in its list
r_hidden() {
	local why=""
	z_get "$2" "$3"
	if [ "$(z_problem_sig)" != "$Z_404" ] || ! is_problem 404; then
		why="GET: $(z_problem_sig) instead of $Z_404"
	else
		z_list "$2" limit=100
		if [ "$STATUS" != 200 ]; then
			why="list: $(z_answer)"
		elif z_ids | grep -qx "$3"; then
			why="the list shows it: ${BODY:0:400}"
		fi
	fi
	z_verdict "$1" "$why"
}

# r_body JEUGDIGE_BSN GEZAGHEBBENDE_BSN GEMEENTE [PYTHON...]: the common
# create body with these persons, changed by PYTHON (statements on d)
r_body() {
	local j=$1 g=$2 gem=$3; shift 3
	z_body "d['jeugdige']['bsn'] = '$j'" "d['gezaghebbenden'][0].update(bsn='$g', gemeente='$gem')" "$@"
}
# r_route_body PATH JEUGDIGE_BSN GEZAGHEBBENDE_BSN GEMEENTE [PYTHON...]: as
# r_body, with the fields the route of PATH requires (valid values)
r_route_body() {
	local path=$1 extra=pass; shift
	case $path in
	*/mandaten) extra="d.update(maatregel='ots', uitspraakdatum='$R_MONTH_AGO', kenmerk='C/14/271828 JE RK 26-314')" ;;
	*/overdrachten) extra="d.update(reden='Het gezin loopt vast op meerdere leefgebieden.', toestemming_gegevensdeling=True)" ;;
	esac
	r_body "$1" "$2" "$3" "$extra" "${@:4}"
}

# r_reorder JSON: the same JSON with every object's keys in reverse order, indented
r_reorder() {
	printf '%s' "$1" | python3 -c '
import json, sys
def rev(v):
    if isinstance(v, dict):
        return {k: rev(v[k]) for k in reversed(list(v))}
    return [rev(x) for x in v] if isinstance(v, list) else v
print(json.dumps(rev(json.load(sys.stdin)), indent=2, ensure_ascii=False))'
}

# r_idempotent WHAT PATH TOKEN BODY OTHER_BODY: Idempotency-Key on one route:
# the same key and body give the same zaak and store nothing new; the same
# key with another body is refused and stores nothing.
r_idempotent() {
	local what=$1 path=$2 tok=$3 body=$4 other=$5 key first before after
	key=routes-sh${path//\//-}-$(date +%s%N)
	r_post "$path" "$tok" "$body" -H "Idempotency-Key: $key"
	r_created "$what with an Idempotency-Key: 201 with Location"
	first=$R_LAST
	before=$(r_data)
	r_post "$path" "$tok" "$(r_reorder "$body")" -H "Idempotency-Key: $key"
	after=$(r_data)
	z_verdict "$what, the same key and body again (keys in another order): 200/201, the same id and Location, nothing new stored" \
		"$([[ $STATUS =~ ^20[01]$ ]] && [ -n "$first" ] && [ "$(json "['id']")" = "$first" ] &&
			[ "$(header Location)" = "/api/v1/zaken/$first" ] && [ "$before" = "$after" ] ||
			echo "first id ${first:-none}; rows $before -> $after; $(z_answer)")"
	r_rejects "$what, the same key with another body: 409/422 problem, nothing stored" "409 422" "" \
		"$path" "$tok" "$other" -H "Idempotency-Key: $key"
}

# ---------------------------------------------------------------- identities
mapfile -t R_BSNS < <(z_bsns 14 299999999)
R_J_M=${R_BSNS[0]} R_G_M=${R_BSNS[1]}                            # the mandaat family
R_J_MEL=${R_BSNS[2]} R_G_MEL=${R_BSNS[3]} R_G_MEL2=${R_BSNS[4]}  # the melding family
R_NOBODY=${R_BSNS[5]}                                            # a parent of no zaak here
R_J_OV=${R_BSNS[6]} R_G_OV=${R_BSNS[7]}                          # the overdracht family
R_J_ROLE=${R_BSNS[8]} R_G_ROLE=${R_BSNS[9]}                      # the family of the role table
R_G_AWAY=${R_BSNS[10]}                                           # a gezaghebbende in Eindhoven
R_GEM_M=0014    # Groningen: the mandaten
R_GEM_MEL=0599  # Rotterdam: the meldingen
R_GEM_OV=0518   # 's-Gravenhage: the overdrachten
R_GEM_ROLE=0200 # Apeldoorn: the role table, and the list filter
R_GEM_AWAY=0772 # Eindhoven: a gezaghebbende who lives apart
R_GEM_NONE=0202 # Arnhem: no zaak at all
R_ORG_GI=00000009990000000001
R_ORG_OTHER=00000009990000000099
R_ORG_ROLE=00000009990000000050
read -r R_TODAY R_TOMORROW R_MONTH_AGO < <(python3 -c '
import datetime, zoneinfo
t = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Amsterdam")).date()
day = datetime.timedelta(days=1)
print(t, t + day, t - 30 * day)')
check "routes setup: 14 fresh BSNs passing the 11-proef, and today's date in Amsterdam" \
	eval '[ "$(printf "%s\n" "${R_BSNS[@]}" | sort -u | grep -c "^[0-9]\{9\}$")" = 14 ] && [ -n "$R_MONTH_AGO" ]'

# ---------------------------------------------------------------- mandaat: a gi registers one
R_GI=$(token -r gi -c org="$R_ORG_GI" -s gi-medewerker)
R_M_BODY=$(r_body "$R_J_M" "$R_G_M" "$R_GEM_M" \
	"d.update(maatregel='ots', uitspraakdatum='$R_MONTH_AGO', kenmerk='C/14/271828 / JE RK 26-314',
	          productcategorie='48', aanbieder_agb='98765432', hulpvraag='Ondertoezichtstelling uitgesproken; gezinsvoogd nodig')")
R_BEFORE=$(z_counts)
r_post /api/v1/mandaten "$R_GI" "$R_M_BODY"
r_created "gi POST /api/v1/mandaten: 201 application/json with Location: /api/v1/zaken/{id}"
R_M_ID=$R_LAST R_M_CREATE=$BODY R_M_RID=$R_LAST_RID
z_py "the mandaat: route mandaat, status ontvangen, verantwoordelijke_gemeente $R_GEM_M (the gezaghebbende's)" '
assert d.get("route") == "mandaat", "route %r" % d.get("route")
assert d.get("status") == "ontvangen", "status %r" % d.get("status")
assert d.get("verantwoordelijke_gemeente") == a[0], "gemeente %r" % d.get("verantwoordelijke_gemeente")
assert re.fullmatch(r"JH-20[0-9]{2}-[0-9]{6,}", d.get("referentie") or ""), "referentie %r" % d.get("referentie")' "$R_GEM_M"
z_py "the mandaat: verwijzer type 04 (gecertificeerde instelling) with the token's org, no agb" '
v = d.get("verwijzer") or {}
assert v.get("type") == "04", "type %r" % v.get("type")
assert v.get("org") == a[0], "org %r, token org %s" % (v.get("org"), a[0])
assert v.get("agb") is None, "agb %r" % v.get("agb")' "$R_ORG_GI"
z_py "the mandaat: mandaat {maatregel, uitspraakdatum, kenmerk} exactly as sent, juridische_status 04 (ots)" '
s = json.loads(a[0])
want = {k: s[k] for k in ("maatregel", "uitspraakdatum", "kenmerk")}
# and the iJw WJ232 juridische status of an ots; no volume was sent
want.update({"juridische_status": "04", "omvang": None})
assert d.get("mandaat") == want, "mandaat %r, want %r" % (d.get("mandaat"), want)' "$R_M_BODY"
z_py "the mandaat: jeugdige, gezaghebbenden, hulpvraag, spoed, productcategorie, aanbieder_agb as sent" '
s = json.loads(a[0])
for k in ("jeugdige", "gezaghebbenden", "hulpvraag", "spoed", "productcategorie", "aanbieder_agb"):
    assert d.get(k) == s[k], "%s: %r, sent %r" % (k, d.get(k), s[k])' "$R_M_BODY"
check "the mandaat is stored once, with maatregel, uitspraakdatum, kenmerk and the org, and its two persons" test \
	"$(z_psql_super "SELECT count(*) || '|' || string_agg(route || '|' || maatregel || '|' || uitspraakdatum || '|' || kenmerk || '|' || verwijzer_org, ',') FROM zaak WHERE id::text = '$R_M_ID'"):$(z_psql_super "SELECT count(*) FROM betrokkene WHERE zaak_id::text = '$R_M_ID'")" \
	= "1|mandaat|ots|$R_MONTH_AGO|C/14/271828 / JE RK 26-314|$R_ORG_GI:2"
check "the create wrote one zaak, 2 betrokkenen, 1 status and 1 zaak.aanmaken access-log row" \
	eval '[ "$(read -r z b s t i l <<<"$(z_counts)"; echo "$z $b $s $i $l")" = "$(read -r z b s t i l <<<"$R_BEFORE"; echo "$((z + 1)) $((b + 2)) $((s + 1)) $i $((l + 1))")" ]'
z_get "$R_GI" "$R_M_ID"
z_py "GET /api/v1/zaken/{id} by the gi returns the same zaak as the create answer" '
assert d == json.loads(a[0]), "GET %r\n differs from the create answer %r" % (d, a[0])' "$R_M_CREATE"

# The other organisations of the gedwongen kader, with the other maatregelen.
for r_case in "rechter 00000009990000000002 08 voogdij" "om 00000009990000000003 08 jeugdreclassering" \
	"jji 00000009990000000004 08 machtiging_gesloten_jeugdhulp" "gi $R_ORG_GI 04 overig"; do
	read -r r_role r_org r_type r_maatregel <<<"$r_case"
	r_post /api/v1/mandaten "$(token -r "$r_role" -c org="$r_org" -s "r-$r_role")" \
		"$(r_body "$R_J_M" "$R_G_M" "$R_GEM_M" "d.update(maatregel='$r_maatregel', uitspraakdatum='$R_MONTH_AGO', kenmerk='$r_role-1')")"
	z_verdict "a $r_role registers a mandaat ($r_maatregel): 201, verwijzer {type $r_type, org its own}, mandaat.maatregel $r_maatregel" \
		"$([ "$STATUS:$(json "['route']"):$(json "['verwijzer']['type']"):$(json "['verwijzer']['org']"):$(json "['mandaat']['maatregel']")" = \
			"201:mandaat:$r_type:$r_org:$r_maatregel" ] || z_answer)"
done

# ---------------------------------------------------------------- mandaat: who sees it
z_sees "the gi that registered the mandaat sees it and finds it in its list" "$R_GI" "$R_M_ID"
z_sees "a colleague at the same gi (same org, other sub) sees the mandaat" "$(token -r gi -c org="$R_ORG_GI" -s gi-collega)" "$R_M_ID"
z_sees "the cjg of the verantwoordelijke gemeente $R_GEM_M sees the mandaat" "$(token -r cjg -c gemeente="$R_GEM_M" -s r-cjg-m)" "$R_M_ID"
z_sees "the gezaghebbende (ouder) sees the mandaat" "$(token -r ouder -c bsn="$R_G_M" -s r-ouder-m)" "$R_M_ID"
z_sees "the jeugdige sees the mandaat" "$(token -r jeugdige -c bsn="$R_J_M" -s r-jeugdige-m)" "$R_M_ID"
r_hidden "a gi of another organisation: 404 as for no zaak, not in its list" "$(token -r gi -c org="$R_ORG_OTHER" -s r-other-gi)" "$R_M_ID"
r_hidden "a rechter of another organisation: 404, not in its list" "$(token -r rechter -c org=00000009990000000002 -s r-rechter)" "$R_M_ID"
r_hidden "the cjg of another gemeente ($R_GEM_NONE): 404, not in its list" "$(token -r cjg -c gemeente="$R_GEM_NONE" -s r-cjg-none)" "$R_M_ID"
r_hidden "a parent of nobody here: 404, not in the list" "$(token -r ouder -c bsn="$R_NOBODY" -s r-nobody)" "$R_M_ID"
r_hidden "a huisarts: 404, not in its list" "$(token -r huisarts -c agb=05550088 -s r-ha)" "$R_M_ID"
z_get "$Z_HA" "$Z_ID"
z_py "a verwijzing (from zaak.sh) has \"mandaat\": null" '
assert "mandaat" in d and d["mandaat"] is None, "mandaat %r" % d.get("mandaat", "<absent>")'

# ---------------------------------------------------------------- mandaat: the fields
r_mbody() { r_body "$R_J_M" "$R_G_M" "$R_GEM_M" "d.update(maatregel='ots', uitspraakdatum='$R_MONTH_AGO', kenmerk='K-42')" "$@"; }
r_bad_m() { # r_bad_m WHAT PARAM PYTHON...: the mandaat body changed by PYTHON is refused with 422
	local what=$1 param=$2; shift 2
	r_rejects "bad mandaat, $what: 422 problem naming $param, nothing stored" 422 "$param" \
		/api/v1/mandaten "$R_GI" "$(r_mbody "$@")"
}
r_bad_m "maatregel not in the list (ondertoezichtstelling)" maatregel "d['maatregel'] = 'ondertoezichtstelling'"
r_bad_m "maatregel in capitals (OTS)" maatregel "d['maatregel'] = 'OTS'"
r_bad_m "maatregel missing" maatregel "del d['maatregel']"
r_bad_m "uitspraakdatum tomorrow" uitspraakdatum "d['uitspraakdatum'] = '$R_TOMORROW'"
r_bad_m "uitspraakdatum 2026-02-30 (no such day)" uitspraakdatum "d['uitspraakdatum'] = '2026-02-30'"
r_bad_m "uitspraakdatum as 03-11-2025" uitspraakdatum "d['uitspraakdatum'] = '03-11-2025'"
r_bad_m "uitspraakdatum missing" uitspraakdatum "del d['uitspraakdatum']"
r_bad_m "kenmerk empty" kenmerk "d['kenmerk'] = ''"
r_bad_m "kenmerk of only blanks" kenmerk "d['kenmerk'] = '   '"
r_bad_m "kenmerk of 101 characters" kenmerk "d['kenmerk'] = 'k' * 101"
r_bad_m "kenmerk with a control character (U+0007)" kenmerk "d['kenmerk'] = 'K\\u0007-1'"
r_bad_m "kenmerk with a newline" kenmerk "d['kenmerk'] = 'K-1\\nK-2'"
r_bad_m "kenmerk as a number" kenmerk "d['kenmerk'] = 42"
r_bad_m "kenmerk missing" kenmerk "del d['kenmerk']"
r_bad_m "unknown productcategorie 00" productcategorie "d['productcategorie'] = '00'"
r_bad_m "aanbieder_agb of 7 digits" aanbieder_agb "d['aanbieder_agb'] = '1234567'"
r_bad_m "a field of another route (reden)" reden "d['reden'] = 'omdat'"
r_bad_m "the common body still checked: jeugdige BSN failing the 11-proef" jeugdige.bsn "d['jeugdige']['bsn'] = '123456789'"
r_post /api/v1/mandaten "$R_GI" "$(r_mbody "d['kenmerk'] = 'ë' * 100")"
z_verdict "a kenmerk of exactly 100 characters (ë, 200 bytes) is accepted: 201, kenmerk as sent" \
	"$([ "$STATUS" = 201 ] && [ "$(json "['mandaat']['kenmerk']")" = "$(printf 'ë%.0s' $(seq 100))" ] || z_answer)"
r_post /api/v1/mandaten "$R_GI" "$(r_mbody "d['uitspraakdatum'] = '$R_TODAY'")"
z_verdict "an uitspraakdatum of today (Amsterdam) is not in the future: 201" \
	"$([ "$STATUS:$(json "['mandaat']['uitspraakdatum']")" = "201:$R_TODAY" ] || z_answer)"
r_post /api/v1/mandaten "$R_GI" "$(r_mbody "d['uitspraakdatum'] = '2024-02-29'")"
z_verdict "an uitspraakdatum on a leap day (2024-02-29): 201" \
	"$([ "$STATUS:$(json "['mandaat']['uitspraakdatum']")" = "201:2024-02-29" ] || z_answer)"
r_post /api/v1/mandaten "$R_GI" "$(r_mbody)"
z_verdict "a mandaat without the optional productcategorie and aanbieder_agb: 201, both null" \
	"$([ "$STATUS:$(json "['productcategorie']"):$(json "['aanbieder_agb']")" = "201:None:None" ] || z_answer)"
r_idempotent "POST /api/v1/mandaten" /api/v1/mandaten "$R_GI" "$(r_mbody "d['kenmerk'] = 'K-idem'")" \
	"$(r_mbody "d['kenmerk'] = 'K-idem-anders'")"

# ---------------------------------------------------------------- melding
R_MEL_BODY=$(r_body "$R_J_MEL" "$R_G_MEL" "$R_GEM_MEL" \
	"d['gezaghebbenden'].append({'bsn': '$R_G_MEL2', 'naam': 'Bram de Vries', 'gemeente': '$R_GEM_MEL'})" \
	"d['hulpvraag'] = 'Onze zoon slaapt slecht en gaat niet meer naar school.'")
# The parent's sub is BSN-bearing, as DigiD-style identity providers make it.
R_OUDER_MEL=$(token -r ouder -c bsn="$R_G_MEL" -s "s00000000:$R_G_MEL")
r_post /api/v1/meldingen "$R_OUDER_MEL" "$R_MEL_BODY"
r_created "an ouder with gezag POST /api/v1/meldingen: 201 application/json with Location: /api/v1/zaken/{id}"
R_MEL_ID=$R_LAST R_MEL_CREATE=$BODY R_MEL_RID=$R_LAST_RID
z_py "the melding: route melding, status ontvangen, verantwoordelijke_gemeente $R_GEM_MEL, mandaat null" '
assert d.get("route") == "melding", "route %r" % d.get("route")
assert d.get("status") == "ontvangen", "status %r" % d.get("status")
assert d.get("verantwoordelijke_gemeente") == a[0], "gemeente %r" % d.get("verantwoordelijke_gemeente")
assert "mandaat" in d and d["mandaat"] is None, "mandaat %r" % d.get("mandaat", "<absent>")' "$R_GEM_MEL"
z_py "the melding by a parent: verwijzer type 06 (zelfverwijzer), no agb or org" '
v = d.get("verwijzer") or {}
assert v.get("type") == "06", "type %r" % v.get("type")
assert v.get("agb") is None and v.get("org") is None, "verwijzer %r" % v' 
z_py "the melding: jeugdige, both gezaghebbenden, hulpvraag and spoed as sent" '
s = json.loads(a[0])
for k in ("jeugdige", "gezaghebbenden", "hulpvraag", "spoed"):
    assert d.get(k) == s[k], "%s: %r, sent %r" % (k, d.get(k), s[k])' "$R_MEL_BODY"
check "the melding is stored once, route melding, verwijzer 06, with its three persons" test \
	"$(z_psql_super "SELECT count(*) || '|' || string_agg(route || '|' || verwijzer_type, ',') FROM zaak WHERE id::text = '$R_MEL_ID'"):$(z_psql_super "SELECT count(*) FROM betrokkene WHERE zaak_id::text = '$R_MEL_ID'")" \
	= "1|melding|06:3"
z_get "$R_OUDER_MEL" "$R_MEL_ID"
z_py "GET by the reporting parent returns the same zaak as the create answer" '
assert d == json.loads(a[0]), "GET %r\n differs from the create answer %r" % (d, a[0])' "$R_MEL_CREATE"
z_log_py "access log of the parent's melding: one zaak.aanmaken row, every column filled, actor and sub pseudonyms, no BSN" "$R_MEL_RID" "
assert len(rows) == 1, '%d rows: %r' % (len(rows), rows)
r = rows[0]
assert (r['actie'], r['zaak_id'], r['rol'], r['uitkomst']) == ('zaak.aanmaken', a[0], 'ouder', 'aangemaakt'), r
assert r['actor'].startswith('p-') and r['sub'].startswith('p-'), 'actor %r, sub %r' % (r['actor'], r['sub'])
for bsn in a[1:]:
    assert bsn not in json.dumps(rows), 'BSN %s is in %r' % (bsn, rows)
$Z_FILLED" "$R_MEL_ID" "$R_G_MEL" "$R_J_MEL" "$R_G_MEL2"

r_post /api/v1/meldingen "$(token -r ouder -c bsn="$R_G_MEL2" -s r-ouder-2)" "$R_MEL_BODY"
z_verdict "the second gezaghebbende may report too: 201, verwijzer type 06" \
	"$([ "$STATUS:$(json "['route']"):$(json "['verwijzer']['type']")" = "201:melding:06" ] || z_answer)"
r_post /api/v1/meldingen "$(token -r jeugdige -c bsn="$R_J_MEL" -s r-jeugdige-mel)" "$R_MEL_BODY"
z_verdict "the jeugdige reports about themselves: 201, verwijzer type 06" \
	"$([ "$STATUS:$(json "['route']"):$(json "['verwijzer']['type']")" = "201:melding:06" ] || z_answer)"
R_CJG_MEL=$(token -r cjg -c gemeente="$R_GEM_MEL" -s r-cjg-mel)
r_post /api/v1/meldingen "$R_CJG_MEL" "$R_MEL_BODY"
z_verdict "the cjg of the family's gemeente records a melding: 201, verwijzer type 01 (gemeente), no agb or org" \
	"$([ "$STATUS:$(json "['route']"):$(json "['verwijzer']")" = "201:melding:{'type': '01'}" ] || z_answer)"
R_AWAY_BODY=$(r_body "$R_J_MEL" "$R_G_AWAY" "$R_GEM_AWAY" \
	"d['gezaghebbenden'].append({'bsn': '$R_G_MEL', 'naam': 'Anna de Vries', 'gemeente': '$R_GEM_MEL'})")
r_post /api/v1/meldingen "$(token -r cjg -c gemeente="$R_GEM_AWAY" -s r-cjg-away)" "$R_AWAY_BODY"
z_verdict "gezaghebbenden in $R_GEM_AWAY then $R_GEM_MEL: the cjg of $R_GEM_AWAY (the verantwoordelijke) records it: 201" \
	"$([ "$STATUS:$(json "['verantwoordelijke_gemeente']"):$(json "['woonplaats_te_bepalen']")" = "201:$R_GEM_AWAY:True" ] || z_answer)"

# Who may report for whom.
r_rejects "an ouder reporting a child they have no gezag over: 403 problem, nothing stored" 403 "" \
	/api/v1/meldingen "$(token -r ouder -c bsn="$R_NOBODY" -s r-nobody)" "$R_MEL_BODY"
r_rejects "an ouder token with the child's own BSN (not a gezaghebbende): 403 problem, nothing stored" 403 "" \
	/api/v1/meldingen "$(token -r ouder -c bsn="$R_J_MEL" -s r-ouder-kind)" "$R_MEL_BODY"
r_rejects "a jeugdige reporting about another child: 403 problem, nothing stored" 403 "" \
	/api/v1/meldingen "$(token -r jeugdige -c bsn="$R_NOBODY" -s r-jeugdige-other)" "$R_MEL_BODY"
r_rejects "a jeugdige whose BSN is the parent's, not the jeugdige's: 403 problem, nothing stored" 403 "" \
	/api/v1/meldingen "$(token -r jeugdige -c bsn="$R_G_MEL" -s r-jeugdige-parent)" "$R_MEL_BODY"
r_rejects "the cjg of another gemeente ($R_GEM_NONE): 403 problem, nothing stored" 403 "" \
	/api/v1/meldingen "$(token -r cjg -c gemeente="$R_GEM_NONE" -s r-cjg-none)" "$R_MEL_BODY"
r_rejects "the cjg of the second gezaghebbende's gemeente, not the verantwoordelijke: 403 problem, nothing stored" 403 "" \
	/api/v1/meldingen "$R_CJG_MEL" "$R_AWAY_BODY"
R_MEL_BAD=$(r_body "$R_J_MEL" "$R_G_MEL" "$R_GEM_MEL" "d['jeugdige']['bsn'] = '123456789'")
r_rejects "an ouder without gezag and an invalid body: 422 (validation before 403) naming jeugdige.bsn" 422 jeugdige.bsn \
	/api/v1/meldingen "$(token -r ouder -c bsn="$R_NOBODY" -s r-nobody)" "$R_MEL_BAD"
r_rejects "a jeugdige for another child with an invalid body: 422 naming jeugdige.bsn" 422 jeugdige.bsn \
	/api/v1/meldingen "$(token -r jeugdige -c bsn="$R_NOBODY" -s r-jeugdige-other)" "$R_MEL_BAD"
r_rejects "the cjg of another gemeente with an unknown field: 422 naming it" 422 kleur \
	/api/v1/meldingen "$(token -r cjg -c gemeente="$R_GEM_NONE" -s r-cjg-none)" "$(r_body "$R_J_MEL" "$R_G_MEL" "$R_GEM_MEL" "d['kleur'] = 'blauw'")"
for r_field in "reden='omdat'" "maatregel='ots'" "toestemming_gegevensdeling=True" "kenmerk='K-1'"; do
	r_rejects "a melding with a field of another route ($r_field): 422 naming ${r_field%%=*}, nothing stored" 422 "${r_field%%=*}" \
		/api/v1/meldingen "$R_OUDER_MEL" "$(r_body "$R_J_MEL" "$R_G_MEL" "$R_GEM_MEL" "d.update($r_field)")"
done
r_rejects "a melding without hulpvraag: 422 naming hulpvraag, nothing stored" 422 hulpvraag \
	/api/v1/meldingen "$R_OUDER_MEL" "$(r_body "$R_J_MEL" "$R_G_MEL" "$R_GEM_MEL" "del d['hulpvraag']")"

z_sees "the reporting parent finds the melding in the list" "$R_OUDER_MEL" "$R_MEL_ID"
z_sees "the other gezaghebbende sees the melding" "$(token -r ouder -c bsn="$R_G_MEL2" -s r-ouder-2)" "$R_MEL_ID"
z_sees "the jeugdige sees the melding" "$(token -r jeugdige -c bsn="$R_J_MEL" -s r-jeugdige-mel)" "$R_MEL_ID"
z_sees "the cjg of $R_GEM_MEL sees the melding" "$R_CJG_MEL" "$R_MEL_ID"
z_sees "the plein of $R_GEM_MEL sees the melding" "$(token -r plein -c gemeente="$R_GEM_MEL" -s r-plein-mel)" "$R_MEL_ID"
r_hidden "the cjg of another gemeente: 404, not in its list" "$(token -r cjg -c gemeente="$R_GEM_NONE" -s r-cjg-none)" "$R_MEL_ID"
r_hidden "a parent of nobody here: 404, not in the list" "$(token -r ouder -c bsn="$R_NOBODY" -s r-nobody)" "$R_MEL_ID"
r_hidden "a gi: 404, not in its list" "$R_GI" "$R_MEL_ID"
r_idempotent "POST /api/v1/meldingen" /api/v1/meldingen "$R_OUDER_MEL" \
	"$(r_body "$R_J_MEL" "$R_G_MEL" "$R_GEM_MEL" "d['hulpvraag'] = 'idem'")" \
	"$(r_body "$R_J_MEL" "$R_G_MEL" "$R_GEM_MEL" "d['hulpvraag'] = 'idem, anders'")"

# ---------------------------------------------------------------- overdracht
R_REDEN=$'Het gezin loopt vast op wonen, schulden en opvoeding.\nDe ouders willen hulp van het CJG;\ntoestemming mondeling gegeven op het huisbezoek.'
r_obody() { # r_obody [PYTHON...]: the overdracht body, reden R_REDEN, toestemming true
	R_REDEN=$R_REDEN r_body "$R_J_OV" "$R_G_OV" "$R_GEM_OV" "import os" \
		"d.update(reden=os.environ['R_REDEN'], toestemming_gegevensdeling=True)" "$@"
}
R_OV_BODY=$(r_obody)
R_PLEIN=$(token -r plein -c gemeente="$R_GEM_OV" -s r-plein-ov)
r_post /api/v1/overdrachten "$R_PLEIN" "$R_OV_BODY"
r_created "the plein POST /api/v1/overdrachten: 201 application/json with Location: /api/v1/zaken/{id}"
R_OV_ID=$R_LAST R_OV_CREATE=$BODY
z_py "the overdracht: route overdracht, status ontvangen, verantwoordelijke_gemeente $R_GEM_OV, toestemming_gegevensdeling true, mandaat null" '
assert d.get("route") == "overdracht", "route %r" % d.get("route")
assert d.get("status") == "ontvangen", "status %r" % d.get("status")
assert d.get("verantwoordelijke_gemeente") == a[0], "gemeente %r" % d.get("verantwoordelijke_gemeente")
assert d.get("toestemming_gegevensdeling") is True, "toestemming_gegevensdeling %r" % d.get("toestemming_gegevensdeling")
assert "mandaat" in d and d["mandaat"] is None, "mandaat %r" % d.get("mandaat", "<absent>")' "$R_GEM_OV"
z_py "the overdracht: verwijzer type 01 (gemeente) with the reden as sent, newlines and all" '
v = d.get("verwijzer") or {}
assert v.get("type") == "01", "type %r" % v.get("type")
assert v.get("reden") == a[0], "reden %r, sent %r" % (v.get("reden"), a[0])
assert v.get("agb") is None and v.get("org") is None, "verwijzer %r" % v' "$R_REDEN"
z_py "the overdracht: jeugdige, gezaghebbenden, hulpvraag and spoed as sent" '
s = json.loads(a[0])
for k in ("jeugdige", "gezaghebbenden", "hulpvraag", "spoed"):
    assert d.get(k) == s[k], "%s: %r, sent %r" % (k, d.get(k), s[k])' "$R_OV_BODY"
check "the overdracht is stored once with toestemming true and the reden" test \
	"$(z_psql_super "SELECT count(*) || '|' || string_agg(route || '|' || toestemming_gegevensdeling || '|' || (verwijzing_reden = \$r\$$R_REDEN\$r\$), ',') FROM zaak WHERE id::text = '$R_OV_ID'")" \
	= "1|overdracht|true|true"
z_get "$R_PLEIN" "$R_OV_ID"
z_py "GET by the plein returns the same zaak as the create answer" '
assert d == json.loads(a[0]), "GET %r\n differs from the create answer %r" % (d, a[0])' "$R_OV_CREATE"
R_GST=$(token -r gst -c gemeente="$R_GEM_OV" -s r-gst-ov)
r_post /api/v1/overdrachten "$R_GST" "$R_OV_BODY"
z_verdict "a gebiedsgericht sociaal team hands over: 201, verwijzer type 01, toestemming_gegevensdeling true" \
	"$([ "$STATUS:$(json "['route']"):$(json "['verwijzer']['type']"):$(json "['toestemming_gegevensdeling']")" = "201:overdracht:01:True" ] || z_answer)"

z_sees "the cjg of $R_GEM_OV sees the overdracht and finds it in its list" "$(token -r cjg -c gemeente="$R_GEM_OV" -s r-cjg-ov)" "$R_OV_ID"
z_sees "a colleague at the plein (other sub) sees the overdracht" "$(token -r plein -c gemeente="$R_GEM_OV" -s r-plein-2)" "$R_OV_ID"
z_sees "the gst of $R_GEM_OV sees the plein's overdracht" "$R_GST" "$R_OV_ID"
z_sees "the gezaghebbende sees the overdracht" "$(token -r ouder -c bsn="$R_G_OV" -s r-ouder-ov)" "$R_OV_ID"
r_hidden "the cjg of another gemeente: 404, not in its list" "$(token -r cjg -c gemeente="$R_GEM_NONE" -s r-cjg-none)" "$R_OV_ID"
r_hidden "the plein of another gemeente: 404, not in its list" "$(token -r plein -c gemeente="$R_GEM_NONE" -s r-plein-none)" "$R_OV_ID"
r_hidden "a parent of nobody here: 404, not in the list" "$(token -r ouder -c bsn="$R_NOBODY" -s r-nobody)" "$R_OV_ID"

r_rejects "the plein of another gemeente hands over a family not its own: 403 problem, nothing stored" 403 "" \
	/api/v1/overdrachten "$(token -r plein -c gemeente="$R_GEM_NONE" -s r-plein-none)" "$R_OV_BODY"
r_rejects "the gst of another gemeente: 403 problem, nothing stored" 403 "" \
	/api/v1/overdrachten "$(token -r gst -c gemeente="$R_GEM_NONE" -s r-gst-none)" "$R_OV_BODY"
r_rejects "the plein of another gemeente without toestemming: 422 (validation before 403)" 422 toestemming_gegevensdeling \
	/api/v1/overdrachten "$(token -r plein -c gemeente="$R_GEM_NONE" -s r-plein-none)" \
	"$(r_obody "d['toestemming_gegevensdeling'] = False")"
r_rejects "toestemming_gegevensdeling false: 422 problem naming it, nothing stored" 422 toestemming_gegevensdeling \
	/api/v1/overdrachten "$R_PLEIN" "$(r_obody "d['toestemming_gegevensdeling'] = False")"
z_py "toestemming_gegevensdeling false: the reason says the family's consent (toestemming) is needed" '
p = [e for e in d.get("invalid-params", []) if e.get("name") == "toestemming_gegevensdeling"]
assert p, "invalid-params %r" % d.get("invalid-params")
assert re.search(r"toestemming|consent", p[0].get("reason", ""), re.I), "reason %r" % p[0].get("reason")'
r_rejects "toestemming_gegevensdeling absent: 422 problem naming it, nothing stored" 422 toestemming_gegevensdeling \
	/api/v1/overdrachten "$R_PLEIN" "$(r_obody "del d['toestemming_gegevensdeling']")"
z_py "toestemming_gegevensdeling absent: the reason is \"is verplicht\"" '
p = [e for e in d.get("invalid-params", []) if e.get("name") == "toestemming_gegevensdeling"]
assert p and p[0].get("reason") == "is verplicht", "invalid-params %r" % d.get("invalid-params")'
r_rejects "toestemming_gegevensdeling as the string \"true\": 422 naming it, nothing stored" 422 toestemming_gegevensdeling \
	/api/v1/overdrachten "$R_PLEIN" "$(r_obody "d['toestemming_gegevensdeling'] = 'true'")"
r_rejects "toestemming_gegevensdeling null: 422 naming it, nothing stored" 422 toestemming_gegevensdeling \
	/api/v1/overdrachten "$R_PLEIN" "$(r_obody "d['toestemming_gegevensdeling'] = None")"
r_rejects "reden missing: 422 naming reden, nothing stored" 422 reden \
	/api/v1/overdrachten "$R_PLEIN" "$(r_obody "del d['reden']")"
r_rejects "reden empty: 422 naming reden, nothing stored" 422 reden \
	/api/v1/overdrachten "$R_PLEIN" "$(r_obody "d['reden'] = ''")"
r_rejects "reden of only blanks and newlines: 422 naming reden, nothing stored" 422 reden \
	/api/v1/overdrachten "$R_PLEIN" "$(r_obody "d['reden'] = '  \\n \\n  '")"
r_rejects "reden of 2001 characters: 422 naming reden, nothing stored" 422 reden \
	/api/v1/overdrachten "$R_PLEIN" "$(r_obody "d['reden'] = 'r' * 2001")"
r_rejects "reden with a control character (U+0007): 422 naming reden, nothing stored" 422 reden \
	/api/v1/overdrachten "$R_PLEIN" "$(r_obody "d['reden'] = 'reden\\u0007'")"
r_rejects "an overdracht with a mandaat field (maatregel): 422 naming maatregel" 422 maatregel \
	/api/v1/overdrachten "$R_PLEIN" "$(r_obody "d['maatregel'] = 'ots'")"
R_REDEN_2000=$(python3 -c 'import sys; sys.stdout.write(("regel " * 20 + "\n") * 16 + "x" * (2000 - 121 * 16))')
r_post /api/v1/overdrachten "$R_PLEIN" "$(R_REDEN_2000=$R_REDEN_2000 r_obody "d['reden'] = os.environ['R_REDEN_2000']")"
z_verdict "a reden of exactly 2000 characters in 16 lines: 201, verwijzer.reden as sent" \
	"$([ "${#R_REDEN_2000}" = 2000 ] && [ "$STATUS" = 201 ] && [ "$(json "['verwijzer']['reden']")" = "$R_REDEN_2000" ] || echo "length ${#R_REDEN_2000}; $(z_answer)")"
r_idempotent "POST /api/v1/overdrachten" /api/v1/overdrachten "$R_PLEIN" \
	"$(r_obody "d['hulpvraag'] = 'idem'")" "$(r_obody "d['reden'] = 'een andere reden'")"

# ---------------------------------------------------------------- every role on every route
# One family in gemeente R_GEM_ROLE and tokens that fit it, so that the
# route's own rules (gezag, own gemeente) would let each body through: a
# refusal can only be for the role. The allowed roles create a zaak each,
# which the list filter below uses.
declare -A R_ALLOWED=(
	[/api/v1/verwijzingen]="huisarts jeugdarts medisch_specialist"
	[/api/v1/mandaten]="gi rechter om jji"
	[/api/v1/meldingen]="ouder jeugdige cjg"
	[/api/v1/overdrachten]="plein gst"
)
declare -A R_ROUTE_OF=(
	[/api/v1/verwijzingen]=verwijzing [/api/v1/mandaten]=mandaat
	[/api/v1/meldingen]=melding [/api/v1/overdrachten]=overdracht
)
declare -A R_ROLE_IDS=() # route -> the ids the allowed roles created, one per line
R_ROLE_LOG=()            # "ROLE RID ID" of each of those creates
r_role_token() {
	case $1 in
	huisarts | jeugdarts | medisch_specialist | aanbieder) token -r "$1" -c agb=05550050 -s "r-$1" ;;
	gi | rechter | om | jji) token -r "$1" -c org="$R_ORG_ROLE" -s "r-$1" ;;
	ouder) token -r ouder -c bsn="$R_G_ROLE" -s r-ouder ;;
	jeugdige) token -r jeugdige -c bsn="$R_J_ROLE" -s r-jeugdige ;;
	*) token -r "$1" -c gemeente="$R_GEM_ROLE" -s "r-$1" ;;
	esac
}
for r_path in /api/v1/verwijzingen /api/v1/mandaten /api/v1/meldingen /api/v1/overdrachten; do
	r_b=$(r_route_body "$r_path" "$R_J_ROLE" "$R_G_ROLE" "$R_GEM_ROLE")
	for r_role in huisarts jeugdarts medisch_specialist aanbieder gi rechter om jji cjg plein gst beheerder ouder jeugdige; do
		if [[ " ${R_ALLOWED[$r_path]} " == *" $r_role "* ]]; then
			r_post "$r_path" "$(r_role_token "$r_role")" "$r_b"
			r_created "role $r_role may create on POST $r_path: 201"
			R_ROLE_IDS[$r_path]+="$R_LAST"$'\n'
			R_ROLE_LOG+=("$r_role $R_LAST_RID $R_LAST")
		else
			r_rejects "role $r_role may not create on POST $r_path: 403 problem, nothing stored" 403 "" \
				"$r_path" "$(r_role_token "$r_role")" "$r_b"
		fi
	done
done

# ---------------------------------------------------------------- the access log of each create
# For each: one zaak.aanmaken row naming the zaak, the role, the actor (the
# identity claim, or a pseudonym for a citizen) and the sub.
for r_entry in "gi $R_M_RID $R_M_ID" "${R_ROLE_LOG[@]}"; do
	read -r r_role r_rid r_id <<<"$r_entry"
	case $r_role in
	ouder) r_ident=$R_G_ROLE r_sub=r-ouder ;;
	jeugdige) r_ident=$R_J_ROLE r_sub=r-jeugdige ;;
	gi) r_ident=$([ "$r_id" = "$R_M_ID" ] && echo "$R_ORG_GI" || echo "$R_ORG_ROLE")
		r_sub=$([ "$r_id" = "$R_M_ID" ] && echo gi-medewerker || echo r-gi) ;;
	rechter | om | jji) r_ident=$R_ORG_ROLE r_sub=r-$r_role ;;
	huisarts | jeugdarts | medisch_specialist) r_ident=05550050 r_sub=r-$r_role ;;
	*) r_ident=$R_GEM_ROLE r_sub=r-$r_role ;;
	esac
	z_log_py "access log of a create by $r_role: one zaak.aanmaken row for the zaak with rol, actor, sub, namens, herkomst, persoon_ref" "$r_rid" "
assert len(rows) == 1, '%d rows: %r' % (len(rows), rows)
r = rows[0]
assert (r['actie'], r['zaak_id'], r['rol'], r['uitkomst']) == ('zaak.aanmaken', a[0], a[1], 'aangemaakt'), r
if a[1] in ('ouder', 'jeugdige'):
    assert r['actor'].startswith('p-') and r['sub'].startswith('p-'), 'actor %r, sub %r: not pseudonyms' % (r['actor'], r['sub'])
    assert a[2] not in json.dumps(rows), 'the BSN %s is in %r' % (a[2], rows)
else:
    assert (r['actor'], r['sub']) == (a[2], a[3]), 'actor %r, sub %r; want %s, %s' % (r['actor'], r['sub'], a[2], a[3])
$Z_FILLED" "$r_id" "$r_role" "$r_ident" "$r_sub"
done
R_BSN_RE=$(IFS='|'; echo "${R_BSNS[*]}")
check "no BSN of the families here appears anywhere in the access log (${#R_BSNS[@]} BSNs)" test \
	"$(psql_owner "SELECT count(*) FROM toegangslog t WHERE t::text ~ '($R_BSN_RE)'")" = 0

# ---------------------------------------------------------------- the route filter of the list
R_CJG_ROLE=$(token -r cjg -c gemeente="$R_GEM_ROLE" -s r-cjg-list)
R_ROLE_ALL=$(printf '%s' "${R_ROLE_IDS[@]}" | grep . | sort | tr '\n' ' ')
z_list "$R_CJG_ROLE" limit=100
check "the cjg of $R_GEM_ROLE lists all twelve zaken of the role table, of all four routes" \
	test "$STATUS:$(z_ids | grep -c .):$(z_ids | sort | tr '\n' ' ')" = "200:12:$R_ROLE_ALL"
for r_path in /api/v1/verwijzingen /api/v1/mandaten /api/v1/meldingen /api/v1/overdrachten; do
	r_route=${R_ROUTE_OF[$r_path]}
	z_list "$R_CJG_ROLE" "route=$r_route&limit=100"
	z_py "cjg GET /api/v1/zaken?route=$r_route: every item has route $r_route, and they are exactly the $r_route zaken" '
z = d["zaken"]
assert z, "no zaken"
bad = [x for x in z if x.get("route") != a[0]]
assert not bad, "items of another route: %r" % bad
assert sorted(x["id"] for x in z) == sorted(a[1].split()), "ids %r, want %r" % (sorted(x["id"] for x in z), sorted(a[1].split()))' \
		"$r_route" "${R_ROLE_IDS[$r_path]}"
done
z_list "$R_GI" "route=mandaat&limit=100"
z_py "gi GET /api/v1/zaken?route=mandaat: only mandaten, the first one among them" '
z = d["zaken"]
assert z and all(x.get("route") == "mandaat" for x in z), "zaken %r" % z
assert a[0] in [x["id"] for x in z], "%s missing" % a[0]' "$R_M_ID"
z_list "$R_GI" "route=melding"
check "gi GET /api/v1/zaken?route=melding: none" test "$STATUS:$(json "['zaken']")" = "200:[]"
z_list "$R_OUDER_MEL" "route=melding&limit=100"
z_py "ouder GET /api/v1/zaken?route=melding: only meldingen, their own among them" '
z = d["zaken"]
assert z and all(x.get("route") == "melding" for x in z), "zaken %r" % z
assert a[0] in [x["id"] for x in z], "%s missing" % a[0]' "$R_MEL_ID"
z_list "$R_OUDER_MEL" "route=overdracht"
check "ouder GET /api/v1/zaken?route=overdracht: none" test "$STATUS:$(json "['zaken']")" = "200:[]"
check "after the routes the daemon still answers" eval 'request GET /api/v1/health && [ "$STATUS" = 200 ]'
