# The CJG procedure (sourced by run.sh right after routes.sh).
#
# POST /api/v1/zaken/{id}/acties/{actie} moves a zaak through the procedure
# of the Nadere regels; plugins/zaak/procedure.c is the table under test,
# written out again here (P_FROM, p_to, p_content, P_REQUIRED) so that the
# daemon is checked against the table, not against itself. Covered: every
# route to every end state with its history, deadlines and the family's
# view; every transition the table does not allow (409, nothing changed);
# the content each action must record and the rules across it (422, nothing
# changed); who may act (only the CJG of the zaak's gemeente); the
# werkvoorraad; the inzage; the access log. Expected dates come from the
# calendar below (Algemene termijnenwet), never from the daemon's code.
# Everything here is named p_/P_; zaak.sh's z_ helpers are reused where they
# start no Python (z_verdict, z_answer, z_get, z_status, z_psql_super).

# ---------------------------------------------------------------- the calendar
# Python: the free days of the Algemene termijnenwet and the term arithmetic.
P_CAL='
D, DAY = datetime.date, datetime.timedelta(days=1)
def easter(y):  # Meeus/Jones/Butcher
    a, b, c = y % 19, y // 100, y % 100
    h = (19 * a + b - b // 4 - (b - (b + 8) // 25 + 1) // 3 + 15) % 30
    l = (32 + 2 * (b % 4) + 2 * (c // 4) - h - c % 4) % 7
    m = (a + 11 * h + 22 * l) // 451
    return D(y, (h + l - 7 * m + 114) // 31, (h + l - 7 * m + 114) % 31 + 1)
def feestdagen(y):  # Nieuwjaarsdag, 2e paasdag, Koningsdag, 5 mei, Hemelvaart, 2e pinksterdag, Kerst
    e, k = easter(y), D(y, 4, 27)
    if k.isoweekday() == 7:
        k = D(y, 4, 26)
    return {D(y, 1, 1), e + DAY, k, D(y, 5, 5), e + 39 * DAY, e + 50 * DAY, D(y, 12, 25), D(y, 12, 26)}
def vrij(x):
    return x.isoweekday() > 5 or x in feestdagen(x.year)
def feest_op_werkdag(x):
    return x.isoweekday() <= 5 and x in feestdagen(x.year)
def werkdag(x):  # x, or the first working day after it
    while vrij(x):
        x += DAY
    return x
def werkdagen(x, n):  # n working days after x
    while n > 0:
        x += DAY
        n -= 0 if vrij(x) else 1
    return x
def weken(x, n):  # n weeks after x, off a free day
    return werkdag(x + 7 * n * DAY)
def dt(s):
    return D.fromisoformat(s)
def nl(x):
    return x.strftime("%d-%m-%Y")
TODAY = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Amsterdam")).date()
'

# ---------------------------------------------------------------- one Python for the whole section
# Starting python3 costs a tenth of a second, and this section asks some
# thousand questions of JSON answers: one Python process (a coprocess) takes
# them all. p_eval DOC CODE [ARGS...] runs CODE with d (DOC parsed, or None),
# raw (DOC) and a (ARGS); prints what CODE printed, or why an assert failed
# (status 1). Everything travels base64-encoded, one line per question.
P_SERVER='import base64, contextlib, datetime, io, json, re, sys, zoneinfo'$'\n'"$P_CAL"'
def unb(s):
    return base64.b64decode(s[1:]).decode()
for line in sys.stdin:
    f = line.split()
    code, raw, args = unb(f[0]), unb(f[1]), [unb(x) for x in f[2:]]
    out, rc = io.StringIO(), 0
    try:
        try:
            d = json.loads(raw)
        except ValueError:
            d = None
        with contextlib.redirect_stdout(out):
            exec(code, dict(globals(), d=d, raw=raw, a=args))
    except AssertionError as e:
        rc = 1
        out.write(str(e) or "assertion failed")
    except SystemExit as e:
        rc = 0 if e.code in (None, 0) else 1
        if rc and not isinstance(e.code, int):
            out.write(str(e.code))
    except Exception as e:
        rc = 1
        out.write("%s: %s" % (type(e).__name__, e))
    sys.stdout.write("%d x%s\n" % (rc, base64.b64encode(out.getvalue().encode()).decode()))
    sys.stdout.flush()
'
coproc P_PY { exec python3 -u -c "$P_SERVER"; }
# Plain copies of the coprocess's pipes: those reach subshells too, and stay
# when the coprocess has gone (bash then unsets P_PY).
exec {P_TO_PY}>&"${P_PY[1]}" {P_FROM_PY}<&"${P_PY[0]}"
eval "exec ${P_PY[1]}>&- ${P_PY[0]}<&-"
p_b64() { printf 'x%s' "$(printf '%s' "$1" | base64 -w0)"; }
p_eval() {
	local line rc out arg
	line="$(p_b64 "$2") $(p_b64 "$1")"
	for arg in "${@:3}"; do line+=" $(p_b64 "$arg")"; done
	# The write in a subshell: a helper that died means EPIPE there, not here.
	if ! (printf '%s\n' "$line" >&"$P_TO_PY") 2>/dev/null || ! read -r -t 60 rc out <&"$P_FROM_PY"; then
		printf 'the Python helper of procedure.sh does not answer'
		return 2
	fi
	printf '%s' "${out#x}" | base64 -d
	return "$rc"
}
p_json() { p_eval "$BODY" "print(d$1)"; }          # as run.sh's json
p_calc() { local code=$1; shift; p_eval "" "$code" "$@"; } # p_calc PYTHON [ARGS...]
# p_py NAME PYTHON [ARGS...]: PYTHON's asserts on BODY as a check
p_py() {
	local name=$1 code=$2 why; shift 2
	if why=$(p_eval "$BODY" "$code" "$@"); then ok "$name"; else not_ok "$name" "$why [$(z_answer)]"; fi
}
# p_problem_why CODE [PARAM...]: nothing when the answer is CODE as RFC 9457
# problem+json naming each PARAM in invalid-params (with a reason); else why not
p_problem_why() {
	local why
	[ "$STATUS" = "$1" ] && [ "$(header Content-Type)" = application/problem+json ] || {
		echo "expected $1 problem+json; $(z_answer)"
		return
	}
	why=$(p_eval "$BODY" '
assert d["status"] == int(a[0]) and d.get("type") and d.get("title") and d.get("detail"), "not a problem: %r" % d
named = {e.get("name") for e in d.get("invalid-params") or [] if e.get("reason")}
missing = [p for p in a[1:] if p not in named]
assert not missing, "invalid-params does not name %s: %s" % (", ".join(missing), json.dumps(d.get("invalid-params"), ensure_ascii=False))' "$@") ||
		echo "$why"
}
p_problem() { z_verdict "$1" "$(p_problem_why "$2")"; } # p_problem NAME CODE
# p_sig: what a 404 shows (status, content type, type, title, detail)
p_sig() { printf '%s|%s|' "$STATUS" "$(header Content-Type)"; p_eval "$BODY" 'print(d.get("status"), d.get("type"), d.get("title"), d.get("detail"), sep="|")'; }

# The dates of the walks, chosen so that the terms cross free days.
read -r P_TODAY P_TOMORROW P_EINDE P_FAR P_GESPREK_OUD P_AANVRAAG_D P_AANVRAAG_OUD P_SOON_D P_DUE_TODAY_D P_TERM_TODAY_D < <(p_calc '
def latest(lo, hi, good):  # the latest day in TODAY+lo .. TODAY+hi for which good holds
    for k in range(hi, lo - 1, -1):
        if good(TODAY + k * DAY):
            return TODAY + k * DAY
# A gesprek long ago whose 15 working days span a feestdag on a weekday.
gesprek = latest(-400, -20, lambda x: any(feest_op_werkdag(x + i * DAY) for i in range(1, (werkdagen(x, 15) - x).days)))
# A recent aanvraag whose 8 weeks end on a feestdag (else a Saturday), the term still to come.
aanvraag = latest(-40, 0, lambda x: feest_op_werkdag(x + 56 * DAY)) or latest(-40, 0, lambda x: (x + 56 * DAY).isoweekday() == 6)
# An aanvraag long ago whose 8 weeks ended on a feestdag: the term has passed.
oud = latest(-500, -120, lambda x: feest_op_werkdag(x + 56 * DAY))
# A gesprek whose verslag is due in exactly five working days (the edge of binnen_5_werkdagen).
soon = latest(-40, 0, lambda x: werkdagen(x, 15) == werkdagen(TODAY, 5))
# On a working day: a gesprek whose verslag is due today, an aanvraag whose term ends today.
today = latest(-40, 0, lambda x: werkdagen(x, 15) == TODAY) if not vrij(TODAY) else "-"
term = TODAY - 56 * DAY if not vrij(TODAY) else "-"
print(TODAY, TODAY + DAY, TODAY + 364 * DAY, werkdag(TODAY + 400 * DAY), gesprek, aanvraag, oud, soon, today, term)')
check "procedure setup: a Python helper, and the dates of the walks (gesprek $P_GESPREK_OUD, aanvraag $P_AANVRAAG_D and $P_AANVRAAG_OUD, a verslag due in 5 werkdagen after $P_SOON_D)" \
	test -n "$P_TERM_TODAY_D"

# ---------------------------------------------------------------- the table, written out
P_OPEN="ontvangen ontvangst_bevestigd vooronderzoek_afgerond gesprek_gevoerd verslag_verstrekt gezinsplan_opgesteld aanvraag_ontvangen beoordeeld advies_ontvangen"
P_ACTIES="ontvangst_bevestigen vooronderzoek gesprek verslag verslag_aanvullen gezinsplan aanvraag beoordeling advies beschikken tijdelijke_maatregel werkwijze verdagen opschorten intrekken doorzenden"
P_NACTIES=$(wc -w <<<"$P_ACTIES")
declare -A P_FROM=(
	[ontvangst_bevestigen]="ontvangen"
	[vooronderzoek]="ontvangst_bevestigd"
	[gesprek]="vooronderzoek_afgerond"
	[verslag]="gesprek_gevoerd"
	[verslag_aanvullen]="verslag_verstrekt gezinsplan_opgesteld aanvraag_ontvangen beoordeeld advies_ontvangen"
	[gezinsplan]="verslag_verstrekt gezinsplan_opgesteld"
	[aanvraag]="gezinsplan_opgesteld"
	[beoordeling]="aanvraag_ontvangen"
	[advies]="beoordeeld"
	[beschikken]="beoordeeld advies_ontvangen"
	[tijdelijke_maatregel]="$P_OPEN"
	[werkwijze]="$P_OPEN"
	[verdagen]="aanvraag_ontvangen beoordeeld advies_ontvangen"
	[opschorten]="aanvraag_ontvangen beoordeeld advies_ontvangen"
	[intrekken]="$P_OPEN"
	[doorzenden]="$P_OPEN"
)
# 3.7.4: after a verwijzing or mandaat the CJG may decide without the eigen-kracht steps.
P_FROM_VERWEZEN="ontvangst_bevestigd vooronderzoek_afgerond gesprek_gevoerd verslag_verstrekt gezinsplan_opgesteld aanvraag_ontvangen"
# The required members ({} body); verslag's come from its rule (3.4.1).
declare -A P_REQUIRED=(
	[ontvangst_bevestigen]="wijze" [vooronderzoek]="woonplaats_gemeente" [gesprek]="datum"
	[verslag]="verstrekt_op samenvatting" [verslag_aanvullen]="aanvulling"
	[gezinsplan]="eigen_kracht_netwerk vrij_toegankelijke_voorzieningen individuele_voorzieningen"
	[aanvraag]="ontvangen_op wijze ondersteuning doel" [beoordeling]="a b c" [advies]="adviseur advies"
	[beschikken]="besluit grondslag motivering" [tijdelijke_maatregel]="maatregel" [werkwijze]="fase"
	[verdagen]="nieuwe_datum reden" [opschorten]="van tot reden" [intrekken]="reden" [doorzenden]="gemeente reden"
)

# p_may ACTIE STATUS ROUTE SPOED(True|False): the table allows the action now
p_may() {
	local from=" ${P_FROM[$1]} "
	[ "$1" = tijdelijke_maatregel ] && [ "$4" != True ] && return 1
	[ "$1" = beschikken ] && [[ $3 == verwijzing || $3 == mandaat ]] && from+="$P_FROM_VERWEZEN "
	# gedwongen kader: from receipt on
	[ "$1" = beschikken ] && [ "$3" = mandaat ] && from+="ontvangen "
	[[ $from == *" $2 "* ]]
}
# p_allowed STATUS ROUTE SPOED: the actions allowed now, sorted, space-separated
p_allowed() {
	local a out=()
	for a in $P_ACTIES; do p_may "$a" "$@" && out+=("$a"); done
	# after a grant, the start of the help is recorded (kader.sh tests it)
	[[ $1 == toegekend || $1 == gedeeltelijk_toegekend ]] && out+=(start_zorg)
	printf '%s\n' "${out[@]}" | LC_ALL=C sort | xargs
}
# p_to ACTIE STATUS CONTENT: the status the action leads to
p_to() {
	case $1 in
	ontvangst_bevestigen) echo ontvangst_bevestigd ;;
	vooronderzoek) echo vooronderzoek_afgerond ;;
	gesprek) echo gesprek_gevoerd ;;
	verslag) echo verslag_verstrekt ;;
	gezinsplan) echo gezinsplan_opgesteld ;;
	aanvraag) echo aanvraag_ontvangen ;;
	beoordeling) echo beoordeeld ;;
	advies) echo advies_ontvangen ;;
	beschikken) p_eval "$3" 'print(d["besluit"])' ;;
	intrekken) echo ingetrokken ;;
	doorzenden) echo doorgezonden ;;
	*) echo "$2" ;; # a record only: the status stays
	esac
}

# ---------------------------------------------------------------- valid content
P_ONDERWERPEN='{"a": "besproken", "b": "besproken", "c": "niet_nodig", "d": "besproken", "e": "besproken", "f": "niet_nodig", "g": "besproken", "h": "besproken", "i": "besproken"}'
P_CRIT='{"besluit": "voldaan", "motivering": "Uit het gesprek en het plan blijkt dit."}'
# p_beschikking BESLUIT [PRODUCT-JSON]: the content of beschikken
p_beschikking() {
	local product=${2:-} producten=""
	[ -n "$product" ] || product="{\"omschrijving\": \"Ambulante jeugd-ggz\", \"productcategorie\": \"54\", \"aanbieder_agb\": \"98765432\", \"vorm\": \"natura\", \"ingangsdatum\": \"$P_TODAY\", \"einddatum\": \"$P_EINDE\"}"
	[ "$1" = afgewezen ] || producten="\"producten\": [$product], "
	printf '{"besluit": "%s", %s"grondslag": "Verordening jeugdhulp art. 3.7", "motivering": "Het gezin kan dit niet zelf oplossen.\\nDe hulp is nodig voor school."}' "$1" "$producten"
}
# p_other GEMEENTE: another gemeente, to send a zaak on to
p_other() { [ "$1" = 0363 ] && echo 0344 || echo 0363; }
# p_content ACTIE GEMEENTE: valid content for the action on a zaak of that gemeente
p_content() {
	case $1 in
	ontvangst_bevestigen) echo '{"wijze": "brief"}' ;;
	vooronderzoek) echo "{\"woonplaats_gemeente\": \"$2\", \"id_document_type\": \"paspoort\", \"id_gecontroleerd\": true}" ;;
	gesprek) echo "{\"datum\": \"$P_TODAY\", \"onderwerpen\": $P_ONDERWERPEN, \"toestemming_persoonsgegevens\": true, \"ouderbijdrage_geinformeerd\": true}" ;;
	verslag) printf '{"verstrekt_op": "%s", "samenvatting": "Gesprek over slapen en school.\\nAfspraken gemaakt."}\n' "$P_TODAY" ;;
	verslag_aanvullen) echo '{"aanvulling": "De ouders voegen toe dat de opa ook helpt."}' ;;
	gezinsplan) echo '{"eigen_kracht_netwerk": "Opa haalt op dinsdag en donderdag.", "vrij_toegankelijke_voorzieningen": "Opvoedcursus in het wijkcentrum.", "individuele_voorzieningen": "Behandeling voor de slaapproblemen."}' ;;
	aanvraag) echo "{\"ontvangen_op\": \"$P_TODAY\", \"wijze\": \"format\", \"ondersteuning\": \"Ambulante jeugd-ggz\", \"doel\": \"Weer naar school gaan.\"}" ;;
	beoordeling) echo "{\"a\": $P_CRIT, \"b\": $P_CRIT, \"c\": $P_CRIT}" ;;
	advies) echo '{"adviseur": "Jeugdarts GGD", "advies": "Behandeling is passend."}' ;;
	beschikken) p_beschikking toegekend ;;
	tijdelijke_maatregel) echo '{"maatregel": "Crisisopvang bij een pleeggezin voor twee weken."}' ;;
	werkwijze) echo '{"fase": "vraagverheldering", "opvoedsituatie": "opvoedingsspanning", "risico_instrument": "signs_of_safety", "toelichting": "Samen met de ouders de vraag scherp gemaakt."}' ;;
	verdagen) echo "{\"nieuwe_datum\": \"$P_FAR\", \"reden\": \"Advies van de jeugdarts is nodig.\"}" ;;
	opschorten) echo "{\"van\": \"$P_TODAY\", \"tot\": \"$P_TODAY\", \"reden\": \"Wachten op gegevens van school.\"}" ;;
	intrekken) echo '{"reden": "Het gezin ziet af van hulp."}' ;;
	doorzenden) echo "{\"gemeente\": \"$(p_other "$2")\", \"reden\": \"Het gezin woont in een andere gemeente.\"}" ;;
	esac
}

# ---------------------------------------------------------------- identities
mapfile -t P_BSNS < <(z_bsns 6 399999999)
P_J=${P_BSNS[0]} P_G=${P_BSNS[1]}   # the family in 0301
P_WJ=${P_BSNS[2]} P_WG=${P_BSNS[3]} # the family in the werkvoorraad gemeente
P_AWAY=${P_BSNS[4]}                 # a second gezaghebbende, living in 0363
P_NOBODY=${P_BSNS[5]}               # a parent of no zaak here
P_GEM=0301       # Zutphen, the dev gemeente: most zaken
P_GEM_W=0193     # Zwolle: the werkvoorraad (routes.sh fills 0200), no other zaak in the tests
P_GEM_EMPTY=0153 # Enschede: no zaak at all
P_AGB=05550070
P_ORG=00000009990000000070
P_CJG=$(token -r cjg -c gemeente=$P_GEM -s p-cjg)
P_CJG_COLLEGA=$(token -r cjg -c gemeente=$P_GEM -s p-cjg-collega)
P_CJG_W=$(token -r cjg -c gemeente=$P_GEM_W -s p-cjg-w)
P_CJG_OTHER=$(token -r cjg -c gemeente=0363 -s p-cjg-amsterdam)
P_OUDER=$(token -r ouder -c bsn="$P_G" -s p-ouder)
P_OUDER_W=$(token -r ouder -c bsn="$P_WG" -s p-ouder-w)
P_JEUGDIGE=$(token -r jeugdige -c bsn="$P_J" -s p-jeugdige)
P_HA=$(token -r huisarts -c agb=$P_AGB -s p-huisarts)
P_GI=$(token -r gi -c org=$P_ORG -s p-gi)
P_BEHEERDER=$(token -r beheerder -c gemeente=$P_GEM -s p-beheerder)
P_UUID_NONE=$(cat /proc/sys/kernel/random/uuid)
P_NOID=00000000-0000-4000-8000-000000000000 # stands in for a zaak that was not created
P_UITLEG=$(psql_owner "SELECT json_object_agg(status, json_build_object('wat', uitleg, 'vervolg', vervolg)) FROM status_uitleg")
check "procedure setup: six fresh BSNs, and status_uitleg has a text for each of the 14 statuses" \
	eval '[ "${#P_BSNS[@]}" = 6 ] && [ "$(p_eval "$P_UITLEG" "print(len(d))")" = 14 ]'

# ---------------------------------------------------------------- zaken and steps
# Per zaak (by id): route, spoed (True|False), gemeente, the status it should
# have, and what the CJG did: actions, the statuses they led to, the contents.
declare -A P_ROUTE=() P_SPOED=() P_GEMS=() P_STATUS=() P_DONE=() P_TRAIL=() P_SENT=() P_REF=() P_MADE=()
declare -A P_CJG_OF=([$P_GEM]=$P_CJG [$P_GEM_W]=$P_CJG_W)

# p_create ROUTE GEMEENTE JEUGDIGE GEZAGHEBBENDE [PYTHON...]: a zaak on that
# route, sent by its own kind of sender (huisarts, gi, the parent, the plein),
# its body changed by the PYTHON statements on d; P_ID is its id (P_NOID when
# the create failed)
p_create() {
	local route=$1 gem=$2 j=$3 g=$4 path tok extra=pass body spoed ref made; shift 4
	case $route in
	verwijzing) path=/api/v1/verwijzingen tok=$P_HA ;;
	mandaat) path=/api/v1/mandaten tok=$P_GI
		extra="d.update(maatregel='ots', uitspraakdatum='$P_TODAY', kenmerk='P-$RANDOM')" ;;
	melding) path=/api/v1/meldingen tok=$(token -r ouder -c bsn="$g" -s p-ouder-meldt) ;;
	overdracht) path=/api/v1/overdrachten tok=$(token -r plein -c gemeente="$gem" -s p-plein)
		extra="d.update(reden='Het gezin wil hulp van het CJG.', toestemming_gegevensdeling=True)" ;;
	esac
	body=$(p_calc '
d = {"jeugdige": {"bsn": "123456782", "geboortedatum": "2014-05-01", "naam": "Sam de Vries"},
     "gezaghebbenden": [{"bsn": "111222333", "naam": "Anna de Vries", "gemeente": "0301"}],
     "hulpvraag": "Onze zoon slaapt slecht en gaat niet meer naar school.", "spoed": False}
for statement in a:
    exec(statement)
print(json.dumps(d, ensure_ascii=False))' "d['jeugdige']['bsn'] = '$j'" "d['gezaghebbenden'][0].update(bsn='$g', gemeente='$gem')" "$extra" "$@")
	request POST "$path" -H "$(bearer "$tok")" -H 'Content-Type: application/json' --data-binary "$body"
	P_ID=$P_NOID
	if [ "$STATUS" = 201 ]; then
		read -r P_ID spoed ref made < <(p_json '["id"], d["spoed"], d["referentie"], d["aangemaakt"]')
		P_SPOED[$P_ID]=$spoed P_REF[$P_ID]=$ref P_MADE[$P_ID]=$made
	else
		not_ok "create a $route in $gem" "$(z_answer)"
		P_SPOED[$P_ID]=False P_REF[$P_ID]="" P_MADE[$P_ID]=""
	fi
	P_ROUTE[$P_ID]=$route P_GEMS[$P_ID]=$gem P_STATUS[$P_ID]=ontvangen P_DONE[$P_ID]="" P_TRAIL[$P_ID]="" P_SENT[$P_ID]=""
}
# p_act TOKEN ID ACTIE CONTENT: POST /api/v1/zaken/{id}/acties/{actie}
p_act() {
	request POST "/api/v1/zaken/$2/acties/$3" -H "$(bearer "$1")" -H 'Content-Type: application/json' \
		--data-binary "$4"
}
# p_walk ID STEP...: the CJG of the zaak's gemeente (or P_WALK_TOKEN) takes
# the steps in turn. A STEP is an action (its content from p_content) or
# ACTIE:CONTENT. Each must answer 200 with the status the table leads to and
# acties_toegestaan as the table says. P_WHY says what went wrong (status 1);
# the walk stops at the first step that is not 200.
p_walk() {
	local id=$1 step actie body want got allowed; shift
	P_WHY=""
	for step in "$@"; do
		actie=${step%%:*}
		if [[ $step == *:* ]]; then body=${step#*:}; else body=$(p_content "$actie" "${P_GEMS[$id]}"); fi
		want=$(p_to "$actie" "${P_STATUS[$id]}" "$body")
		p_act "${P_WALK_TOKEN:-${P_CJG_OF[${P_GEMS[$id]}]}}" "$id" "$actie" "$body"
		if [ "$STATUS" != 200 ]; then
			P_WHY+="step $actie from ${P_STATUS[$id]}: want 200 $want; $(z_answer)"
			return 1
		fi
		got=$(p_json '.get("status"), "|", *sorted(d.get("acties_toegestaan", ["<absent>"]))')
		allowed=$(p_allowed "$want" "${P_ROUTE[$id]}" "${P_SPOED[$id]}")
		[ "$got" = "$want |${allowed:+ $allowed}" ] ||
			P_WHY+="step $actie from ${P_STATUS[$id]}: want status $want, acties_toegestaan [$allowed]; got ${got/ | /, acties_toegestaan [}]; "
		P_STATUS[$id]=${got%% |*}
		P_DONE[$id]+="${P_DONE[$id]:+ }$actie"
		P_TRAIL[$id]+="${P_TRAIL[$id]:+ }${P_STATUS[$id]}"
		P_SENT[$id]+="${P_SENT[$id]:+,}$body"
	done
	[ -z "$P_WHY" ]
}
# p_walk_check NAME ID STEP...: p_walk as a check
p_walk_check() {
	local name=$1; shift
	p_walk "$@"
	z_verdict "$name" "$P_WHY"
}
# p_snap ID: what an action would change (status, history length, deadlines,
# woonplaats_te_bepalen, access-log rows of executed actions), read as the
# superuser. Refused attempts may be logged too (NEN 7513), as not uitgevoerd.
p_snap() {
	z_psql_super "SELECT z.status || '|' || (SELECT count(*) FROM zaak_status s WHERE s.zaak_id = z.id) || '|' ||
		coalesce((SELECT string_agg(t.naam || '=' || t.datum, ',' ORDER BY t.naam) FROM zaak_termijn t WHERE t.zaak_id = z.id), '') || '|' ||
		z.woonplaats_te_bepalen || '|' || (SELECT count(*) FROM toegangslog l WHERE l.zaak_id = z.id::text AND l.actie LIKE 'zaak.actie.%' AND l.uitkomst = 'uitgevoerd')
		FROM zaak z WHERE z.id = '$1'"
}
# p_conflict_why STATUS ROUTE SPOED: nothing when the answer is a 409 problem
# whose detail names the status and every action the table allows in it
p_conflict_why() {
	local why allowed
	allowed=$(p_allowed "$@")
	why=$(p_problem_why 409)
	# shellcheck disable=SC2086 # the allowed actions are words
	[ -n "$why" ] || why=$(p_eval "$BODY" '
detail = d["detail"]
missing = [w for w in a if not re.search(r"(?<![a-z_])%s(?![a-z_])" % re.escape(w), detail)]
assert not missing, "the detail %r does not name %s" % (detail, ", ".join(missing))' "$1" $allowed)
	echo "$why"
}
# p_refused NAME CODE PARAMS TOKEN ID ACTIE CONTENT: refused with CODE as
# problem+json, naming each of PARAMS (space-separated) in invalid-params,
# or for 409 naming the status and the allowed actions; the zaak is as it was
p_refused() {
	local name=$1 code=$2 params=$3 tok=$4 id=$5 actie=$6 body=$7 before after why
	before=$(p_snap "$id")
	p_act "$tok" "$id" "$actie" "$body"
	after=$(p_snap "$id")
	if [ "$code" = 409 ]; then
		why=$(p_conflict_why "${P_STATUS[$id]}" "${P_ROUTE[$id]}" "${P_SPOED[$id]}")
	else
		# shellcheck disable=SC2086 # PARAMS are words
		why=$(p_problem_why "$code" $params)
	fi
	[ "$before" = "$after" ] || why+=" the zaak changed: $before -> $after"
	z_verdict "$name" "$why"
}
# p_history NAME ID TOKEN VIEW(cjg|gezin) [TERMIJNEN]: GET by TOKEN shows
# every step of the walk in order (status, actie, door cjg, the uitleg of its
# status, toelichting; gegevens as sent for the cjg, null for anyone else),
# and the deadlines TERMIJNEN (JSON) if given
p_history() {
	local name=$1 id=$2 tok=$3 view=$4
	z_get "$tok" "$id"
	p_py "$name" '
acties, statuses, sent, uitleg, view = a[0].split(), a[1].split(), json.loads("[" + a[2] + "]"), json.loads(a[3]), a[4]
h = d.get("statushistorie")
assert isinstance(h, list), "statushistorie %r" % h
assert [x.get("status") for x in h] == ["ontvangen"] + statuses, "statuses %r, want %r" % ([x.get("status") for x in h], ["ontvangen"] + statuses)
assert [x.get("actie") for x in h[1:]] == acties, "acties %r, want %r" % ([x.get("actie") for x in h[1:]], acties)
for x in h[1:]:
    missing = {"status", "tijdstip", "toelichting", "door", "actie", "uitleg", "gegevens"} - set(x)
    assert not missing, "entry %r lacks %r" % (x, missing)
    assert x["door"] == "cjg", "door %r in %r" % (x["door"], x)
    assert isinstance(x["toelichting"], str) and x["toelichting"].strip(), "toelichting %r" % x
for x in h:
    assert x.get("uitleg") == uitleg[x["status"]]["wat"], "uitleg %r for %s, want %r" % (x.get("uitleg"), x["status"], uitleg[x["status"]]["wat"])
t = [x["tijdstip"] for x in h]
assert t == sorted(t), "tijdstippen out of order: %r" % t
if view == "cjg":
    for x, s in zip(h[1:], sent):
        g = x["gegevens"]
        assert isinstance(g, dict) and all(g.get(k) == v for k, v in s.items()), "%s recorded %r, sent %r" % (x["actie"], g, s)
else:
    assert all("gegevens" in x and x["gegevens"] is None for x in h), "gegevens shown: %r" % [x.get("gegevens") for x in h]
    assert "acties_toegestaan" not in d, "acties_toegestaan %r shown to %s" % (d["acties_toegestaan"], view)
if len(a) > 5:
    assert d.get("termijnen") == json.loads(a[5]), "termijnen %r, want %s" % (d.get("termijnen"), a[5])' \
		"${P_DONE[$id]}" "${P_TRAIL[$id]}" "${P_SENT[$id]}" "$P_UITLEG" "$view" "${@:5}"
}
# p_ended WHAT ID: what a walk to an end state must leave: the history for
# the cjg and for the family, the uitleg of the end state, no deadlines,
# nothing allowed, every action refused, one access-log row per action
p_ended() {
	local what=$1 id=$2 before after why="" a p_out fam=$P_OUDER
	local status=${P_STATUS[$id]} cjg=${P_CJG_OF[${P_GEMS[$id]}]}
	[ "${P_GEMS[$id]}" = "$P_GEM" ] || fam=$P_OUDER_W
	p_history "$what: the cjg sees every step in order, door cjg, with what was recorded; no deadlines left" \
		"$id" "$cjg" cjg '{}'
	p_py "$what: the cjg reads the uitleg of $status, and acties_toegestaan holds no step (at most start_zorg after a grant)" '
u = json.loads(a[0])[a[1]]
assert d.get("uitleg") == {"wat": u["wat"], "vervolg": u["vervolg"]}, "uitleg %r, want %r" % (d.get("uitleg"), u)
assert d.get("acties_toegestaan") == a[2].split(), "acties_toegestaan %r" % d.get("acties_toegestaan")' "$P_UITLEG" "$status" \
		"$(p_allowed "$status" "${P_ROUTE[$id]}" "${P_SPOED[$id]}")"
	p_history "$what: the parent sees the same steps with their uitleg, gegevens null, and no acties_toegestaan" \
		"$id" "$fam" gezin '{}'
	p_py "$what: the parent reads in plain Dutch what happened and what comes next ($status)" '
u = json.loads(a[0])[a[1]]
assert d.get("uitleg") == {"wat": u["wat"], "vervolg": u["vervolg"]}, "uitleg %r, want %r" % (d.get("uitleg"), u)' "$P_UITLEG" "$status"
	check "$what: the access log has one zaak.actie.<naam> row, uitkomst uitgevoerd, per action, in order, by the cjg" test \
		"$(z_psql_super "SELECT coalesce(string_agg(actie || ':' || uitkomst || ':' || rol, ' ' ORDER BY id), '') FROM toegangslog WHERE zaak_id = '$id' AND actie LIKE 'zaak.actie.%' AND uitkomst = 'uitgevoerd'")" \
		= "$(for a in ${P_DONE[$id]}; do printf 'zaak.actie.%s:uitgevoerd:cjg\n' "$a"; done | xargs)"
	before=$(p_snap "$id")
	for a in $P_ACTIES; do
		p_act "$cjg" "$id" "$a" "$(p_content "$a" "${P_GEMS[$id]}")"
		p_out=$(p_conflict_why "$status" "${P_ROUTE[$id]}" "${P_SPOED[$id]}")
		[ -z "$p_out" ] || why+="$a: $p_out; "
	done
	after=$(p_snap "$id")
	[ "$before" = "$after" ] || why+="the zaak changed: $before -> $after"
	z_verdict "$what: in end state $status each of the $P_NACTIES actions is refused with 409 naming the status; nothing changed" "$why"
}

# ---------------------------------------------------------------- a verwijzing, the whole procedure, to toegekend
p_create verwijzing $P_GEM "$P_J" "$P_G"
P_W1=$P_ID
P_RECEIPT=$(p_json "['termijnen']['beschikking']")
p_py "a verwijzing has a beschikking deadline from receipt: 8 weeks after today, off free days" '
assert d.get("termijnen") == {"beschikking": weken(TODAY, 8).isoformat()}, "termijnen %r, want beschikking %s" % (d.get("termijnen"), weken(TODAY, 8))'
z_get "$P_CJG" "$P_W1"
p_py "the cjg reading a new verwijzing may do what the table allows in ontvangen, and reads its uitleg" '
assert sorted(d.get("acties_toegestaan") or []) == a[1].split(), "acties_toegestaan %r, want %r" % (d.get("acties_toegestaan"), a[1].split())
u = json.loads(a[0])["ontvangen"]
assert d.get("uitleg") == {"wat": u["wat"], "vervolg": u["vervolg"]}, "uitleg %r" % d.get("uitleg")' "$P_UITLEG" "$(p_allowed ontvangen verwijzing False)"
p_walk_check "verwijzing: ontvangst_bevestigen (per e-mail): 200, ontvangst_bevestigd" "$P_W1" 'ontvangst_bevestigen:{"wijze": "email"}'
p_py "verwijzing after ontvangst_bevestigen: the beschikking deadline from receipt stays" '
assert d.get("termijnen") == {"beschikking": a[0]}, "termijnen %r" % d.get("termijnen")' "$P_RECEIPT"
p_walk_check "verwijzing: vooronderzoek (woonplaats 0301, paspoort gecontroleerd): 200, vooronderzoek_afgerond" "$P_W1" vooronderzoek
p_walk_check "verwijzing: gesprek on $P_GESPREK_OUD (onderwerpen a-i, toestemming): 200, gesprek_gevoerd" "$P_W1" \
	"gesprek:{\"datum\": \"$P_GESPREK_OUD\", \"onderwerpen\": $P_ONDERWERPEN, \"toestemming_persoonsgegevens\": true, \"ouderbijdrage_geinformeerd\": false}"
p_py "after the gesprek of $P_GESPREK_OUD: verslag due 15 working days later (feestdagen skipped), beschikking unchanged" '
want = {"beschikking": a[0], "verslag": werkdagen(dt(a[1]), 15).isoformat()}
assert d.get("termijnen") == want, "termijnen %r, want %r" % (d.get("termijnen"), want)' "$P_RECEIPT" "$P_GESPREK_OUD"
p_py "after the gesprek the uitleg says when the verslag comes, as DD-MM-YYYY" '
u = json.loads(a[0])["gesprek_gevoerd"]
want = u["vervolg"].replace("{verslag}", nl(werkdagen(dt(a[1]), 15)))
assert "{" not in want and d.get("uitleg", {}).get("vervolg") == want, "vervolg %r, want %r" % (d.get("uitleg", {}).get("vervolg"), want)
assert d["uitleg"].get("wat") == u["wat"], "wat %r" % d["uitleg"].get("wat")' "$P_UITLEG" "$P_GESPREK_OUD"
p_walk_check "verwijzing: werkwijze recorded (fase, opvoedsituatie, instrument): 200, the status stays gesprek_gevoerd" "$P_W1" werkwijze
z_get "$P_OUDER" "$P_W1"
p_py "the parent reads the same uitleg with the verslag date, and every step so far with its uitleg and gegevens null" '
u = json.loads(a[0])["gesprek_gevoerd"]
want = {"wat": u["wat"], "vervolg": u["vervolg"].replace("{verslag}", nl(werkdagen(dt(a[1]), 15)))}
assert d.get("uitleg") == want, "uitleg %r, want %r" % (d.get("uitleg"), want)
h = d.get("statushistorie") or []
assert [x.get("status") for x in h] == ["ontvangen", "ontvangst_bevestigd", "vooronderzoek_afgerond", "gesprek_gevoerd", "gesprek_gevoerd"], "statuses %r" % h
assert all("gegevens" in x and x["gegevens"] is None for x in h), "gegevens shown to the parent: %r" % h
assert all(x.get("uitleg") for x in h), "an entry without uitleg: %r" % h' "$P_UITLEG" "$P_GESPREK_OUD"
p_walk_check "verwijzing: verslag given to the family: 200, verslag_verstrekt" "$P_W1" verslag
p_py "the verslag ends the verslag deadline; the beschikking deadline stays" '
assert d.get("termijnen") == {"beschikking": a[0]}, "termijnen %r" % d.get("termijnen")' "$P_RECEIPT"
p_walk_check "verwijzing: verslag_aanvullen (the family's remarks): 200, the status stays verslag_verstrekt" "$P_W1" verslag_aanvullen
p_walk_check "verwijzing: gezinsplan, then the plan revised (gezinsplan again): 200, gezinsplan_opgesteld" "$P_W1" gezinsplan \
	'gezinsplan:{"eigen_kracht_netwerk": "Opa en de buurvrouw.", "vrij_toegankelijke_voorzieningen": "Opvoedcursus.", "individuele_voorzieningen": "Jeugd-ggz.", "familiegroepsplan": true}'
p_walk_check "verwijzing: aanvraag received on $P_AANVRAAG_D (signed verslag): 200, aanvraag_ontvangen" "$P_W1" \
	"aanvraag:{\"ontvangen_op\": \"$P_AANVRAAG_D\", \"wijze\": \"verslag\", \"ondertekend\": true, \"ondersteuning\": \"Jeugd-ggz\", \"doel\": \"Beter slapen, weer naar school.\"}"
p_py "the aanvraag of $P_AANVRAAG_D sets the beschikking deadline 8 weeks later, moved off the free day it falls on" '
want = weken(dt(a[0]), 8)
assert vrij(dt(a[0]) + 56 * DAY), "setup: %s + 8 weeks is no free day" % a[0]
assert d.get("termijnen") == {"beschikking": want.isoformat()}, "termijnen %r, want beschikking %s" % (d.get("termijnen"), want)
vervolg = json.loads(a[1])["aanvraag_ontvangen"]["vervolg"].replace("{beschikking}", nl(want))
assert d.get("uitleg", {}).get("vervolg") == vervolg, "vervolg %r, want %r" % (d.get("uitleg", {}).get("vervolg"), vervolg)' \
	"$P_AANVRAAG_D" "$P_UITLEG"
P_PREV=$(p_json "['termijnen'].get('beschikking')")
# Suspend from today until a day that makes the new term end on a free day.
read -r P_TOT P_WANT < <(p_calc '
prev = dt(a[0])
ks = [k for k in range(0, 60) if feest_op_werkdag(prev + (k + 1) * DAY)] or [k for k in range(0, 60) if (prev + (k + 1) * DAY).isoweekday() == 6]
print(TODAY + ks[0] * DAY, werkdag(prev + (ks[0] + 1) * DAY))' "$P_PREV")
p_walk_check "verwijzing: opschorten from $P_TODAY to $P_TOT: 200, status stays aanvraag_ontvangen" "$P_W1" \
	"opschorten:{\"van\": \"$P_TODAY\", \"tot\": \"$P_TOT\", \"reden\": \"Wachten op gegevens van school.\"}"
p_py "opschorten moves the beschikking deadline by tot - van + 1 days, then off the free day: $P_PREV -> $P_WANT" '
assert d.get("termijnen") == {"beschikking": a[0]}, "termijnen %r, want beschikking %s" % (d.get("termijnen"), a[0])' "$P_WANT"
p_walk_check "verwijzing: beoordeling on the criteria a, b and c: 200, beoordeeld" "$P_W1" beoordeling
p_py "beoordeeld: the uitleg says the besluit comes by the (suspended) deadline" '
want = json.loads(a[0])["beoordeeld"]["vervolg"].replace("{beschikking}", nl(dt(a[1])))
assert d.get("uitleg", {}).get("vervolg") == want, "vervolg %r, want %r" % (d.get("uitleg", {}).get("vervolg"), want)' "$P_UITLEG" "$P_WANT"
P_PREV=$(p_json "['termijnen'].get('beschikking')")
P_NIEUW=$(p_calc 'print(werkdag(dt(a[0]) + 21 * DAY))' "$P_PREV")
p_walk_check "verwijzing: verdagen to $P_NIEUW (after the deadline $P_PREV): 200, status stays beoordeeld" "$P_W1" \
	"verdagen:{\"nieuwe_datum\": \"$P_NIEUW\", \"reden\": \"Advies van de jeugdarts is nodig.\"}"
check "verdagen sets the beschikking deadline to the new date $P_NIEUW" test "$(p_json "['termijnen']")" = "{'beschikking': '$P_NIEUW'}"
p_walk_check "verwijzing: advies of the jeugdarts: 200, advies_ontvangen" "$P_W1" advies
p_walk_check "verwijzing: the family adds to the verslag once more (advies_ontvangen): 200, status stays" "$P_W1" verslag_aanvullen
p_walk_check "verwijzing: beschikken toegekend with a product: 200, toegekend" "$P_W1" beschikken
P_LAST_ANSWER=$BODY
z_get "$P_CJG" "$P_W1"
check "the answer to an action is the zaak as GET /zaken/{id} shows it to the cjg" \
	p_calc 'assert json.loads(a[0]) == json.loads(a[1])' "$P_LAST_ANSWER" "$BODY"
check "beschikken ends every deadline: termijnen is {}" test "$(p_json "['termijnen']")" = "{}"
p_ended "verwijzing to toegekend" "$P_W1"
P_W1_LEN=$(($(wc -w <<<"${P_DONE[$P_W1]}") + 1))
z_get "$P_JEUGDIGE" "$P_W1"
p_py "the jeugdige sees every entry of the history with uitleg, gegevens null" '
h = d.get("statushistorie") or []
assert len(h) == int(a[0]) and all("gegevens" in x and x["gegevens"] is None and x.get("uitleg") for x in h), "statushistorie %r" % h' "$P_W1_LEN"
z_get "$P_HA" "$P_W1"
p_py "the referring huisarts sees the history, gegevens null, and no acties_toegestaan" '
h = d.get("statushistorie") or []
assert len(h) == int(a[0]) and all("gegevens" in x and x["gegevens"] is None for x in h), "statushistorie %r" % h
assert "acties_toegestaan" not in d, "acties_toegestaan %r" % d.get("acties_toegestaan")' "$P_W1_LEN"
z_get "$P_BEHEERDER" "$P_W1"
p_py "the beheerder of 0301 sees what each step recorded (gegevens)" '
h = d.get("statushistorie") or []
assert len(h) == int(a[0]) and all(isinstance(x.get("gegevens"), dict) for x in h[1:]), "statushistorie %r" % h' "$P_W1_LEN"

# ---------------------------------------------------------------- the other walks to the end states
P_NO_GEGEVENS='
h = d.get("statushistorie") or []
assert len(h) > 1 and all("gegevens" in x and x["gegevens"] is None and x.get("uitleg") for x in h), "statushistorie %r" % h
assert "acties_toegestaan" not in d, "acties_toegestaan %r" % d.get("acties_toegestaan")'
# verwijzing: 3.7.4 straight to a decision; sent on; withdrawn
p_create verwijzing $P_GEM "$P_J" "$P_G"
P_W2=$P_ID
P_WALK_TOKEN=$P_CJG_COLLEGA p_walk_check "verwijzing: a colleague at the CJG confirms receipt and decides at once (3.7.4): afgewezen" \
	"$P_W2" ontvangst_bevestigen "beschikken:$(p_beschikking afgewezen)"
p_ended "verwijzing to afgewezen (3.7.4)" "$P_W2"
p_create verwijzing $P_GEM "$P_J" "$P_G"
P_W3=$P_ID
p_walk_check "verwijzing: sent on to gemeente 0363 right away: doorgezonden" "$P_W3" doorzenden
p_ended "verwijzing to doorgezonden" "$P_W3"
p_create verwijzing $P_GEM "$P_J" "$P_G"
P_W4=$P_ID
p_walk_check "verwijzing: ontvangst_bevestigen, vooronderzoek, gesprek" "$P_W4" ontvangst_bevestigen vooronderzoek gesprek
check "verwijzing after the gesprek has two deadlines (beschikking, verslag)" test "$(p_json "['termijnen'].keys().__len__()")" = 2
p_walk "$P_W4" intrekken
z_verdict "verwijzing: intrekken from gesprek_gevoerd: ingetrokken, both deadlines ended" \
	"$P_WHY$([ "$(p_json "['termijnen']")" = "{}" ] || echo "termijnen $(p_json "['termijnen']")")"
p_ended "verwijzing to ingetrokken" "$P_W4"

# mandaat: 3.7.4; withdrawn with a decision term running; sent on
p_create mandaat $P_GEM "$P_J" "$P_G"
P_W5=$P_ID
p_walk_check "mandaat: ontvangst_bevestigen then beschikken gedeeltelijk_toegekend at once (3.7.4)" "$P_W5" \
	ontvangst_bevestigen "beschikken:$(p_beschikking gedeeltelijk_toegekend)"
p_ended "mandaat to gedeeltelijk_toegekend (3.7.4)" "$P_W5"
z_get "$P_GI" "$P_W5"
p_py "the gi that registered the mandaat sees the history with gegevens null, and no acties_toegestaan" "$P_NO_GEGEVENS"
p_create mandaat $P_GEM "$P_J" "$P_G"
P_W6=$P_ID
p_walk_check "mandaat: the whole procedure up to the aanvraag" "$P_W6" ontvangst_bevestigen vooronderzoek gesprek verslag gezinsplan aanvraag
p_py "mandaat after an aanvraag received today: beschikking 8 weeks on (and the toewijzing due 5 werkdagen after receipt)" '
assert d.get("termijnen") == {"beschikking": weken(TODAY, 8).isoformat(), "toewijzing": werkdagen(TODAY, 5).isoformat()}, "termijnen %r" % d.get("termijnen")'
p_walk "$P_W6" intrekken
z_verdict "mandaat: intrekken from aanvraag_ontvangen: ingetrokken, deadline ended" \
	"$P_WHY$([ "$(p_json "['termijnen']")" = "{}" ] || echo "termijnen $(p_json "['termijnen']")")"
p_ended "mandaat to ingetrokken" "$P_W6"
p_create mandaat $P_GEM "$P_J" "$P_G"
P_W7=$P_ID
p_walk_check "mandaat: sent on after the vooronderzoek: doorgezonden" "$P_W7" ontvangst_bevestigen vooronderzoek doorzenden
p_ended "mandaat to doorgezonden" "$P_W7"

# melding (spoed): the whole procedure with what the family waived; withdrawn; sent on
p_create melding $P_GEM "$P_J" "$P_G" "d['spoed'] = True"
P_W8=$P_ID
p_walk_check "spoed melding: ontvangst_bevestigen, then a tijdelijke_maatregel (3.1.3): status stays ontvangst_bevestigd" \
	"$P_W8" ontvangst_bevestigen tijdelijke_maatregel
p_refused "a melding may not go from ontvangst_bevestigd straight to beschikken (3.7.4 is for verwijzing and mandaat): 409" \
	409 "" "$P_CJG" "$P_W8" beschikken "$(p_beschikking toegekend)"
p_walk_check "spoed melding: vooronderzoek waived, gesprek waived, no verslag wanted, plan, aanvraag, beoordeling, advies, another tijdelijke_maatregel" "$P_W8" \
	"vooronderzoek:{\"woonplaats_gemeente\": \"$P_GEM\", \"afgezien\": true, \"reden_afzien\": \"Het gezin is bekend bij het CJG.\"}" \
	"gesprek:{\"datum\": \"$P_TODAY\", \"afgezien\": true, \"reden_afzien\": \"Alles is al bekend uit de melding.\"}" \
	'verslag:{"gezin_wil_geen_verslag": true}' gezinsplan aanvraag \
	"beoordeling:{\"a\": $P_CRIT, \"b\": {\"besluit\": \"niet_voldaan\", \"motivering\": \"Het netwerk kan dit.\"}, \"c\": $P_CRIT}" \
	advies tijdelijke_maatregel
p_walk_check "spoed melding: beschikken afgewezen (no producten needed)" "$P_W8" "beschikken:$(p_beschikking afgewezen)"
p_ended "spoed melding to afgewezen" "$P_W8"
p_create melding $P_GEM "$P_J" "$P_G"
P_W9=$P_ID
p_walk_check "melding: withdrawn after the verslag: ingetrokken" "$P_W9" ontvangst_bevestigen vooronderzoek gesprek verslag intrekken
p_ended "melding to ingetrokken" "$P_W9"
p_create melding $P_GEM "$P_J" "$P_G"
P_W10=$P_ID
p_walk_check "melding: sent on after the ontvangstbevestiging: doorgezonden" "$P_W10" ontvangst_bevestigen doorzenden
p_ended "melding to doorgezonden" "$P_W10"

# overdracht: decided without advies; withdrawn after the beoordeling; sent on after the advies
p_create overdracht $P_GEM "$P_J" "$P_G"
P_W11=$P_ID
p_walk_check "overdracht: ontvangst_bevestigen" "$P_W11" ontvangst_bevestigen
p_refused "an overdracht may not go from ontvangst_bevestigd straight to beschikken: 409" \
	409 "" "$P_CJG" "$P_W11" beschikken "$(p_beschikking toegekend)"
p_walk_check "overdracht: vooronderzoek to aanvraag, beoordeling with a GGZ intervention of the positive list (3.7.5)" "$P_W11" \
	vooronderzoek gesprek verslag gezinsplan aanvraag \
	"beoordeling:{\"a\": $P_CRIT, \"b\": $P_CRIT, \"c\": $P_CRIT, \"ggz_interventies\": [{\"naam\": \"Cognitieve gedragstherapie (CGT)\"}]}"
p_py "the beoordeling records the outcome of the 3.7.5 check: the intervention is on the positive list" '
g = d["statushistorie"][-1].get("gegevens") or {}
assert [t.get("lijst") for t in g.get("ggz_toetsing", [])] == ["positief"], "gegevens %r" % g'
p_walk_check "overdracht: beschikken toegekend from beoordeeld (no advies)" "$P_W11" beschikken
p_ended "overdracht to toegekend" "$P_W11"
z_get "$(token -r plein -c gemeente=$P_GEM -s p-plein)" "$P_W11"
p_py "the plein that handed over sees the history with gegevens null, and no acties_toegestaan" "$P_NO_GEGEVENS"
p_create overdracht $P_GEM "$P_J" "$P_G"
P_W12=$P_ID
p_walk_check "overdracht: withdrawn after the beoordeling: ingetrokken" "$P_W12" \
	ontvangst_bevestigen vooronderzoek gesprek verslag gezinsplan aanvraag beoordeling intrekken
p_ended "overdracht to ingetrokken" "$P_W12"
p_create overdracht $P_GEM "$P_J" "$P_G"
P_W13=$P_ID
p_walk_check "overdracht: sent on after the advies: doorgezonden" "$P_W13" \
	ontvangst_bevestigen werkwijze vooronderzoek gesprek verslag gezinsplan aanvraag beoordeling advies doorzenden
p_ended "overdracht to doorgezonden" "$P_W13"
P_ENDED="$P_W1 $P_W2 $P_W3 $P_W4 $P_W5 $P_W6 $P_W7 $P_W8 $P_W9 $P_W10 $P_W11 $P_W12 $P_W13"

# ---------------------------------------------------------------- every transition the table does not allow
# A melding (not spoed) in each open state; every action whose from does not
# hold that state is refused with 409, and the zaak stays as it was.
P_STEPS=(ontvangst_bevestigen vooronderzoek gesprek verslag gezinsplan aanvraag beoordeling advies)
declare -A P_IN=()
p_n=0
for p_state in $P_OPEN; do
	p_create melding $P_GEM "$P_J" "$P_G"
	P_IN[$p_state]=$P_ID
	p_walk "$P_ID" "${P_STEPS[@]:0:$p_n}"
	z_verdict "setup: a melding walked to $p_state" "$P_WHY$([ "${P_STATUS[$P_ID]}" = "$p_state" ] || echo " at ${P_STATUS[$P_ID]}")"
	p_n=$((p_n + 1))
done
for p_state in $P_OPEN; do
	p_id=${P_IN[$p_state]}
	p_before=$(p_snap "$p_id")
	for p_a in $P_ACTIES; do
		p_may "$p_a" "$p_state" melding False && continue
		p_act "$P_CJG" "$p_id" "$p_a" "$(p_content "$p_a" "$P_GEM")"
		z_verdict "a melding in $p_state: $p_a is refused with 409 naming $p_state and the actions allowed" \
			"$(p_conflict_why "$p_state" melding False)"
	done
	check "a melding in $p_state: after all refused actions its status, history and deadlines are unchanged" \
		test "$(p_snap "$p_id")" = "$p_before"
done
p_create verwijzing $P_GEM "$P_J" "$P_G"
P_V0=$P_ID
p_refused "a verwijzing still ontvangen may not be decided yet (3.7.4 starts at ontvangst_bevestigd): 409" \
	409 "" "$P_CJG" "$P_V0" beschikken "$(p_beschikking toegekend)"

# ---------------------------------------------------------------- content: required members and rules
p_create melding $P_GEM "$P_J" "$P_G" "d['spoed'] = True"
P_SPOED_ID=$P_ID
declare -A P_WHERE=(
	[ontvangst_bevestigen]=ontvangen [vooronderzoek]=ontvangst_bevestigd [gesprek]=vooronderzoek_afgerond
	[verslag]=gesprek_gevoerd [verslag_aanvullen]=verslag_verstrekt [gezinsplan]=verslag_verstrekt
	[aanvraag]=gezinsplan_opgesteld [beoordeling]=aanvraag_ontvangen [advies]=beoordeeld [beschikken]=beoordeeld
	[werkwijze]=ontvangen [verdagen]=aanvraag_ontvangen [opschorten]=aanvraag_ontvangen [intrekken]=ontvangen
	[doorzenden]=ontvangen
)
for p_a in $P_ACTIES; do
	if [ "$p_a" = tijdelijke_maatregel ]; then p_id=$P_SPOED_ID; else p_id=${P_IN[${P_WHERE[$p_a]}]}; fi
	p_refused "$p_a with an empty body {}: 422 naming ${P_REQUIRED[$p_a]// /, }; nothing changed" \
		422 "${P_REQUIRED[$p_a]}" "$P_CJG" "$p_id" "$p_a" '{}'
done
p_refused "beoordeling with criterion a as {}: 422 naming a.besluit and a.motivering" 422 "a.besluit a.motivering" \
	"$P_CJG" "${P_IN[aanvraag_ontvangen]}" beoordeling "{\"a\": {}, \"b\": $P_CRIT, \"c\": $P_CRIT}"
p_refused "beschikken with a product without omschrijving and vorm: 422 naming producten[0].omschrijving, producten[0].vorm" \
	422 "producten[0].omschrijving producten[0].vorm" "$P_CJG" "${P_IN[beoordeeld]}" beschikken \
	"$(p_beschikking toegekend "{\"ingangsdatum\": \"$P_TODAY\", \"einddatum\": \"$P_EINDE\"}")"
p_refused "an unknown member in the content (kleur): 422 naming it" 422 kleur \
	"$P_CJG" "${P_IN[ontvangen]}" ontvangst_bevestigen '{"wijze": "brief", "kleur": "blauw"}'
p_refused "ontvangst_bevestigen per fax (not brief or email): 422 naming wijze" 422 wijze \
	"$P_CJG" "${P_IN[ontvangen]}" ontvangst_bevestigen '{"wijze": "fax"}'
p_refused "werkwijze in a fase the cliëntroute does not have: 422 naming fase" 422 fase \
	"$P_CJG" "${P_IN[ontvangen]}" werkwijze '{"fase": "vraagoplossing"}'
p_refused "a JSON array as content: 422" 422 "" "$P_CJG" "${P_IN[ontvangen]}" ontvangst_bevestigen '[{"wijze": "brief"}]'

P_VO=${P_IN[ontvangst_bevestigd]}
p_refused "vooronderzoek without ID check and not waived: 422 naming id_document_type and id_gecontroleerd" \
	422 "id_document_type id_gecontroleerd" "$P_CJG" "$P_VO" vooronderzoek "{\"woonplaats_gemeente\": \"$P_GEM\"}"
p_refused "vooronderzoek with the document seen but id_gecontroleerd false: 422 naming id_gecontroleerd" \
	422 id_gecontroleerd "$P_CJG" "$P_VO" vooronderzoek \
	"{\"woonplaats_gemeente\": \"$P_GEM\", \"id_document_type\": \"rijbewijs\", \"id_gecontroleerd\": false}"
p_refused "vooronderzoek waived without reden_afzien: 422 naming reden_afzien" 422 reden_afzien \
	"$P_CJG" "$P_VO" vooronderzoek "{\"woonplaats_gemeente\": \"$P_GEM\", \"afgezien\": true}"
p_refused "vooronderzoek finding the woonplaats in another gemeente (0363): 422 naming woonplaats_gemeente" \
	422 woonplaats_gemeente "$P_CJG" "$P_VO" vooronderzoek \
	'{"woonplaats_gemeente": "0363", "id_document_type": "paspoort", "id_gecontroleerd": true}'
P_GS=${P_IN[vooronderzoek_afgerond]}
p_refused "gesprek without toestemming_persoonsgegevens: 422 naming it" 422 toestemming_persoonsgegevens \
	"$P_CJG" "$P_GS" gesprek "{\"datum\": \"$P_TODAY\", \"onderwerpen\": $P_ONDERWERPEN}"
p_refused "gesprek with toestemming_persoonsgegevens false: 422 naming it" 422 toestemming_persoonsgegevens \
	"$P_CJG" "$P_GS" gesprek "{\"datum\": \"$P_TODAY\", \"onderwerpen\": $P_ONDERWERPEN, \"toestemming_persoonsgegevens\": false}"
p_refused "gesprek dated tomorrow: 422 naming datum" 422 datum \
	"$P_CJG" "$P_GS" gesprek "{\"datum\": \"$P_TOMORROW\", \"onderwerpen\": $P_ONDERWERPEN, \"toestemming_persoonsgegevens\": true}"
p_refused "gesprek without the onderwerpen of 3.3.1: 422 naming onderwerpen" 422 onderwerpen \
	"$P_CJG" "$P_GS" gesprek "{\"datum\": \"$P_TODAY\", \"toestemming_persoonsgegevens\": true}"
p_refused "verslag given tomorrow: 422 naming verstrekt_op" 422 verstrekt_op \
	"$P_CJG" "${P_IN[gesprek_gevoerd]}" verslag "{\"verstrekt_op\": \"$P_TOMORROW\", \"samenvatting\": \"Verslag.\"}"
P_AV=${P_IN[gezinsplan_opgesteld]}
p_refused "aanvraag by way of the verslag, not signed: 422 naming ondertekend" 422 ondertekend \
	"$P_CJG" "$P_AV" aanvraag "{\"ontvangen_op\": \"$P_TODAY\", \"wijze\": \"verslag\", \"ondersteuning\": \"Jeugd-ggz\", \"doel\": \"School.\"}"
p_refused "aanvraag by way of the plan with ondertekend false: 422 naming ondertekend" 422 ondertekend \
	"$P_CJG" "$P_AV" aanvraag "{\"ontvangen_op\": \"$P_TODAY\", \"wijze\": \"plan\", \"ondertekend\": false, \"ondersteuning\": \"Jeugd-ggz\", \"doel\": \"School.\"}"
p_refused "aanvraag received tomorrow: 422 naming ontvangen_op" 422 ontvangen_op \
	"$P_CJG" "$P_AV" aanvraag "{\"ontvangen_op\": \"$P_TOMORROW\", \"wijze\": \"format\", \"ondersteuning\": \"Jeugd-ggz\", \"doel\": \"School.\"}"
P_BO=${P_IN[aanvraag_ontvangen]}
p_refused "beoordeling with an intervention of the negative list (Reiki, 3.7.5): 422 naming ggz_interventies[0].naam" \
	422 "ggz_interventies[0].naam" "$P_CJG" "$P_BO" beoordeling \
	"{\"a\": $P_CRIT, \"b\": $P_CRIT, \"c\": $P_CRIT, \"ggz_interventies\": [{\"naam\": \"Reiki\"}]}"
p_refused "beoordeling with an intervention on neither list: 422 naming ggz_interventies[1].naam" \
	422 "ggz_interventies[1].naam" "$P_CJG" "$P_BO" beoordeling \
	"{\"a\": $P_CRIT, \"b\": $P_CRIT, \"c\": $P_CRIT, \"ggz_interventies\": [{\"naam\": \"Systeemtherapie\"}, {\"naam\": \"Kristaltherapie\"}]}"
P_BS=${P_IN[beoordeeld]}
p_refused "beschikken toegekend without producten: 422 naming producten" 422 producten \
	"$P_CJG" "$P_BS" beschikken '{"besluit": "toegekend", "grondslag": "Art. 3.7", "motivering": "Nodig."}'
p_refused "beschikken gedeeltelijk_toegekend with producten []: 422 naming producten" 422 producten \
	"$P_CJG" "$P_BS" beschikken '{"besluit": "gedeeltelijk_toegekend", "producten": [], "grondslag": "Art. 3.7", "motivering": "Nodig."}'
# A PGB that is complete but for its dates (tariff, help, motivations of 4.2.1, volume).
P_PGB_REST='"omvang": {"volume": 2, "eenheid": "04", "frequentie": "2"}, "pgb": {"tarief": "ambulant_specialistisch", "hulp": "formeel", "motivering": {"aanbod_niet_passend": "Wachtlijst.", "wens_pgb": "Eigen therapeut.", "kwaliteit": "BIG-geregistreerd."}}'
p_refused "beschikken with a product whose einddatum lies before its ingangsdatum: 422 naming producten[0].einddatum" \
	422 "producten[0].einddatum" "$P_CJG" "$P_BS" beschikken \
	"$(p_beschikking toegekend "{\"omschrijving\": \"Jeugd-ggz\", \"vorm\": \"pgb\", \"ingangsdatum\": \"$P_TOMORROW\", \"einddatum\": \"$P_TODAY\", $P_PGB_REST}")"
p_refused "doorzenden to the zaak's own gemeente: 422 naming gemeente" 422 gemeente \
	"$P_CJG" "${P_IN[ontvangen]}" doorzenden "{\"gemeente\": \"$P_GEM\", \"reden\": \"Verhuisd.\"}"
z_get "$P_CJG" "$P_BO"
P_TD_DEADLINE=$(p_json "['termijnen'].get('beschikking')")
P_TD_BEFORE=$(p_calc 'print(dt(a[0]) - DAY)' "$P_TD_DEADLINE")
p_refused "verdagen to the current deadline itself ($P_TD_DEADLINE): 422 naming nieuwe_datum" 422 nieuwe_datum \
	"$P_CJG" "$P_BO" verdagen "{\"nieuwe_datum\": \"$P_TD_DEADLINE\", \"reden\": \"Advies nodig.\"}"
p_refused "verdagen to a day before the current deadline: 422 naming nieuwe_datum" 422 nieuwe_datum \
	"$P_CJG" "$P_BO" verdagen "{\"nieuwe_datum\": \"$P_TD_BEFORE\", \"reden\": \"Advies nodig.\"}"
p_refused "opschorten with tot before van: 422 naming tot" 422 tot \
	"$P_CJG" "$P_BO" opschorten "{\"van\": \"$P_TOMORROW\", \"tot\": \"$P_TODAY\", \"reden\": \"Wachten.\"}"
if [ "$P_TERM_TODAY_D" != - ]; then # today is a working day: the term of an aanvraag 8 weeks ago ends today
	p_create melding $P_GEM "$P_J" "$P_G"
	p_walk "$P_ID" ontvangst_bevestigen vooronderzoek gesprek verslag gezinsplan \
		"aanvraag:{\"ontvangen_op\": \"$P_TERM_TODAY_D\", \"wijze\": \"format\", \"ondersteuning\": \"Jeugd-ggz\", \"doel\": \"School.\"}"
	P_NIEUW=$(p_calc 'print(werkdag(TODAY + 14 * DAY))')
	p_walk "$P_ID" "verdagen:{\"nieuwe_datum\": \"$P_NIEUW\", \"reden\": \"Advies nodig.\"}"
	z_verdict "verdagen on the last day of the term (aanvraag of $P_TERM_TODAY_D, deadline today) is still in time: 200, deadline $P_NIEUW" \
		"$P_WHY$([ "$(p_json "['termijnen']")" = "{'beschikking': '$P_NIEUW'}" ] || echo "termijnen $(p_json "['termijnen']")")"
fi
p_refused "tijdelijke_maatregel on a melding that is not spoed: 409" 409 "" \
	"$P_CJG" "${P_IN[ontvangen]}" tijdelijke_maatregel "$(p_content tijdelijke_maatregel $P_GEM)"
p_why=""
for p_state in $P_OPEN; do
	p_id=${P_IN[$p_state]}
	[ "$(p_snap "$p_id" | cut -d'|' -f1-2)" = "$p_state|$(($(wc -w <<<"${P_DONE[$p_id]}") + 1))" ] ||
		p_why+="$p_state: $(p_snap "$p_id"); "
done
z_verdict "after all that refused content each melding is still in its state, with its history" "$p_why"
p_walk_check "a spoed melding: tijdelijke_maatregel straight after receipt: 200, status stays ontvangen" "$P_SPOED_ID" tijdelijke_maatregel

# ---------------------------------------------------------------- who may act
p_create verwijzing $P_GEM "$P_J" "$P_G"
P_ROLE_ID=$P_ID
p_role_token() {
	case $1 in
	huisarts) echo "$P_HA" ;; # the referrer of this zaak
	jeugdarts | medisch_specialist | aanbieder) token -r "$1" -c agb=$P_AGB -s "p-$1" ;;
	gi | rechter | om | jji) token -r "$1" -c org=$P_ORG -s "p-$1" ;;
	ouder) echo "$P_OUDER" ;;       # a gezaghebbende of this zaak
	jeugdige) echo "$P_JEUGDIGE" ;; # the jeugdige of this zaak
	*) token -r "$1" -c gemeente=$P_GEM -s "p-$1" ;;
	esac
}
for p_role in huisarts jeugdarts medisch_specialist aanbieder gi rechter om jji plein gst beheerder ouder jeugdige; do
	p_refused "role $p_role may not act on a zaak (even one it sees): 403 problem, nothing changed" 403 "" \
		"$(p_role_token "$p_role")" "$P_ROLE_ID" ontvangst_bevestigen '{"wijze": "brief"}'
done
p_act "$P_CJG" "$P_UUID_NONE" ontvangst_bevestigen '{"wijze": "brief"}'
P_404=$(p_sig)
p_problem "an action on a zaak that does not exist: 404 problem" 404
p_refused "the cjg of another gemeente (0363): 404, nothing changed" 404 "" \
	"$P_CJG_OTHER" "$P_ROLE_ID" ontvangst_bevestigen '{"wijze": "brief"}'
check "and that 404 is exactly the one of a zaak that does not exist" test "$(p_sig)" = "$P_404"
p_refused "the cjg of another gemeente trying an action the state does not allow: still 404, not 409 (nothing of the zaak shows)" \
	404 "" "$P_CJG_OTHER" "$P_ROLE_ID" beschikken "$(p_beschikking toegekend)"
p_refused "an unknown actie (goedkeuren): 404 problem, nothing changed" 404 "" \
	"$P_CJG" "$P_ROLE_ID" goedkeuren '{"wijze": "brief"}'
p_act "$P_CJG" not-a-uuid ontvangst_bevestigen '{"wijze": "brief"}'
p_problem "an action on a malformed zaak id: 404 problem" 404
request POST "/api/v1/zaken/$P_ROLE_ID/acties/ontvangst_bevestigen" -H 'Content-Type: application/json' --data '{"wijze": "brief"}'
p_problem "an action without a token: 401 problem" 401
request GET "/api/v1/zaken/$P_ROLE_ID/acties/ontvangst_bevestigen" -H "$(bearer "$P_CJG")"
check "GET on an action: 405 problem" eval '[ -z "$(p_problem_why 405)" ]'
p_walk_check "the cjg of the zaak's own gemeente acts: 200" "$P_ROLE_ID" ontvangst_bevestigen
# Four workers confirm the same zaak's receipt at once: the zaak is locked
# while one acts, so exactly one succeeds and the others find it confirmed.
p_create melding $P_GEM "$P_J" "$P_G"
P_RACE=$P_ID P_RACE_PIDS=()
for p_i in 1 2 3 4; do
	curl -s -o "$STATE/p-race-$p_i.body" -w '%{http_code}\n' -X POST -H "$(bearer "$(token -r cjg -c gemeente=$P_GEM -s "p-cjg-$p_i")")" \
		-H 'Content-Type: application/json' --data '{"wijze": "brief"}' \
		"$BASE/api/v1/zaken/$P_RACE/acties/ontvangst_bevestigen" >"$STATE/p-race-$p_i.status" &
	P_RACE_PIDS+=($!)
done
wait "${P_RACE_PIDS[@]}" # never a bare wait: the Python helper is a child too
check "four workers confirm receipt at the same moment: one 200 and three 409; one history entry, one log row" test \
	"$(cat "$STATE"/p-race-*.status | sort | xargs):$(p_snap "$P_RACE")" = "200 409 409 409:ontvangst_bevestigd|2||false|1"

# ---------------------------------------------------------------- werkvoorraad
# Gemeente P_GEM_W has only the zaken made here, so the list is exact.
p_wcreate() { p_create "$1" $P_GEM_W "$P_WJ" "$P_WG" "${@:2}"; }
P_TWO="d['gezaghebbenden'].append({'bsn': '$P_AWAY', 'naam': 'Kees de Vries', 'gemeente': '0363'})"
p_wcreate verwijzing
P_WA=$P_ID
p_wcreate melding "$P_TWO"
P_WB=$P_ID
check "werkvoorraad setup: a melding with gezaghebbenden in $P_GEM_W and 0363: woonplaats_te_bepalen" \
	test "$(p_json "['woonplaats_te_bepalen']")" = True
p_wcreate overdracht
P_WC=$P_ID
p_walk_check "werkvoorraad setup: an overdracht with a gesprek today" "$P_WC" ontvangst_bevestigen vooronderzoek gesprek
p_wcreate mandaat
P_WD=$P_ID
p_walk_check "werkvoorraad setup: a mandaat with an aanvraag received on $P_AANVRAAG_OUD" "$P_WD" \
	ontvangst_bevestigen vooronderzoek gesprek verslag gezinsplan \
	"aanvraag:{\"ontvangen_op\": \"$P_AANVRAAG_OUD\", \"wijze\": \"format\", \"ondersteuning\": \"Jeugd-ggz\", \"doel\": \"School.\"}"
p_py "the aanvraag of $P_AANVRAAG_OUD: beschikking 8 weeks later, off the feestdag, long past (beside the toewijzing of the mandaat)" '
want = weken(dt(a[0]), 8)
assert d.get("termijnen") == {"beschikking": want.isoformat(), "toewijzing": werkdagen(TODAY, 5).isoformat()} and want < TODAY, "termijnen %r, want beschikking %s" % (d.get("termijnen"), want)' "$P_AANVRAAG_OUD"
p_refused "verdagen after the beschikking deadline has passed (Awb 4:14): 422 naming nieuwe_datum" 422 nieuwe_datum \
	"$P_CJG_W" "$P_WD" verdagen "{\"nieuwe_datum\": \"$P_FAR\", \"reden\": \"Te laat.\"}"
p_refused "opschorten from a day after the deadline: 422 naming van" 422 van \
	"$P_CJG_W" "$P_WD" opschorten "{\"van\": \"$P_TODAY\", \"tot\": \"$P_TODAY\", \"reden\": \"Te laat.\"}"
p_wcreate melding "$P_TWO"
P_WE=$P_ID
p_walk_check "werkvoorraad setup: a melding whose vooronderzoek settles the woonplaats, gesprek on $P_SOON_D" "$P_WE" \
	ontvangst_bevestigen vooronderzoek \
	"gesprek:{\"datum\": \"$P_SOON_D\", \"onderwerpen\": $P_ONDERWERPEN, \"toestemming_persoonsgegevens\": true}"
check "the vooronderzoek settled the woonplaats: woonplaats_te_bepalen false" test "$(p_json "['woonplaats_te_bepalen']")" = False
p_wcreate melding "d['spoed'] = True"
P_WF=$P_ID
P_WH=""
if [ "$P_DUE_TODAY_D" != - ]; then # today is a working day: a verslag due today
	p_wcreate melding
	P_WH=$P_ID
	p_walk_check "werkvoorraad setup: a melding with a gesprek on $P_DUE_TODAY_D, its verslag due today" "$P_WH" \
		ontvangst_bevestigen vooronderzoek "gesprek:{\"datum\": \"$P_DUE_TODAY_D\", \"onderwerpen\": $P_ONDERWERPEN, \"toestemming_persoonsgegevens\": true}"
fi
p_why=""
p_wcreate verwijzing
p_walk "$P_ID" doorzenden || p_why+="$P_WHY; "
P_WG_IDS=$P_ID
p_wcreate melding
p_walk "$P_ID" intrekken || p_why+="$P_WHY; "
P_WG_IDS+=" $P_ID"
p_wcreate mandaat
p_walk "$P_ID" ontvangst_bevestigen "beschikken:$(p_beschikking afgewezen)" || p_why+="$P_WHY; "
P_WG_IDS+=" $P_ID"
z_verdict "werkvoorraad setup: three zaken of $P_GEM_W ended (doorgezonden, ingetrokken, afgewezen)" "$p_why"

# p_witem ID WOONPLAATS_TE_BEPALEN TERMIJN: the item the werkvoorraad should
# show; TERMIJN is null or NAAM:REGEL:DATE (weken8 or wd15 counted from DATE)
p_witem() {
	printf '{"id": "%s", "referentie": "%s", "route": "%s", "status": "%s", "spoed": %s, "aangemaakt": "%s", "woonplaats_te_bepalen": %s, "acties_toegestaan": "%s", "termijn": "%s"}' \
		"$1" "${P_REF[$1]}" "${P_ROUTE[$1]}" "${P_STATUS[$1]}" "$([ "${P_SPOED[$1]}" = True ] && echo true || echo false)" \
		"${P_MADE[$1]}" "$2" "$(p_allowed "${P_STATUS[$1]}" "${P_ROUTE[$1]}" "${P_SPOED[$1]}")" "$3"
}
P_WANT="[$(p_witem "$P_WD" false "beschikking:weken8:$P_AANVRAAG_OUD"),${P_WH:+ $(p_witem "$P_WH" false "verslag:wd15:$P_DUE_TODAY_D"),}
	$(p_witem "$P_WF" false "tijdelijke_maatregel:kd1:$P_TODAY"),
	$(p_witem "$P_WE" false "verslag:wd15:$P_SOON_D"), $(p_witem "$P_WC" false "verslag:wd15:$P_TODAY"),
	$(p_witem "$P_WA" false "beschikking:weken8:$P_TODAY"), $(p_witem "$P_WB" true null)]"
P_WN=$((${P_WH:+1}+6))
request GET /api/v1/werkvoorraad -H "$(bearer "$P_CJG_W")"
P_WV_RID=$(z_rid)
z_status "GET /api/v1/werkvoorraad as the cjg of $P_GEM_W: 200" 200
p_py "werkvoorraad: exactly the $P_WN open zaken of $P_GEM_W, nearest deadline first (past,${P_WH:+ today,} the spoed measure tomorrow, within 5 werkdagen, 15 werkdagen, 8 weeks), no deadline last" '
want = json.loads(a[0])
got = [z.get("id") for z in d.get("zaken", [])]
nulls = [w["id"] for w in want if w["termijn"] == "null"]
k = len(want) - len(nulls)
assert got[:k] == [w["id"] for w in want[:k]], "order %r, want %r first" % (got, [w["id"] for w in want[:k]])
assert sorted(got[k:]) == sorted(nulls), "the zaken without a deadline: %r, want %r" % (got[k:], nulls)
assert not set(a[1].split()) & set(got), "an ended zaak is listed"' "$P_WANT" "$P_WG_IDS"
p_py "werkvoorraad items: referentie, route, status, spoed, aangemaakt, woonplaats_te_bepalen, acties_toegestaan as the table says, termijn, verlopen, binnen_5_werkdagen" '
want = {w["id"]: w for w in json.loads(a[0])}
soon = werkdagen(TODAY, 5)
for z in d["zaken"]:
    w = want[z["id"]]
    for k in ("referentie", "route", "status", "spoed", "aangemaakt", "woonplaats_te_bepalen"):
        assert z.get(k) == w[k], "%s: %s %r, want %r" % (w["route"], k, z.get(k), w[k])
    assert sorted(z.get("acties_toegestaan") or []) == w["acties_toegestaan"].split(), "%s: acties_toegestaan %r, want %r" % (w["route"], z.get("acties_toegestaan"), w["acties_toegestaan"])
    if w["termijn"] == "null":
        assert z.get("termijn", "absent") is None, "%s: termijn %r, want null" % (w["route"], z.get("termijn", "absent"))
        assert z.get("verlopen") is False and z.get("binnen_5_werkdagen") is False, "%s: %r" % (w["route"], z)
        continue
    naam, regel, van = w["termijn"].split(":")
    datum = weken(dt(van), 8) if regel == "weken8" else dt(van) + datetime.timedelta(days=1) if regel == "kd1" else werkdagen(dt(van), 15)
    assert z.get("termijn") == {"naam": naam, "datum": datum.isoformat()}, "%s: termijn %r, want %s %s" % (w["route"], z.get("termijn"), naam, datum)
    assert z.get("verlopen") is (datum < TODAY), "%s: verlopen %r for %s" % (w["route"], z.get("verlopen"), datum)
    assert z.get("binnen_5_werkdagen") is (TODAY <= datum <= soon), "%s: binnen_5_werkdagen %r for %s (today %s, 5 werkdagen %s)" % (w["route"], z.get("binnen_5_werkdagen"), datum, TODAY, soon)' "$P_WANT"
p_py "werkvoorraad: the mandaat is verlopen; the melding due in exactly 5 werkdagen is binnen_5_werkdagen${P_WH:+, and so is one due today (not verlopen)}" '
z = {x["id"]: x for x in d["zaken"]}
assert z[a[0]]["verlopen"] is True and z[a[0]]["binnen_5_werkdagen"] is False, "mandaat %r" % z[a[0]]
assert z[a[1]]["verlopen"] is False and z[a[1]]["binnen_5_werkdagen"] is True, "melding %r" % z[a[1]]
if len(a) > 2:
    assert z[a[2]]["verlopen"] is False and z[a[2]]["binnen_5_werkdagen"] is True, "a deadline of today is not verlopen yet: %r" % z[a[2]]' "$P_WD" "$P_WE" $P_WH
check "access log of the werkvoorraad: one zaak.werkvoorraad row per zaak shown ($P_WN)" test \
	"$(psql_owner "SELECT count(*) || ':' || count(DISTINCT zaak_id) || ':' || min(actie) || ':' || max(actie) FROM toegangslog WHERE request_id = '$P_WV_RID'")" \
	= "$P_WN:$P_WN:zaak.werkvoorraad:zaak.werkvoorraad"
request GET /api/v1/werkvoorraad -H "$(bearer "$(token -r cjg -c gemeente=$P_GEM_EMPTY -s p-cjg-leeg)")"
check "the werkvoorraad of a gemeente without zaken: 200 {\"zaken\": []}" test "$STATUS:$(p_json "['zaken']")" = "200:[]"
request GET /api/v1/werkvoorraad -H "$(bearer "$P_CJG")"
p_py "the werkvoorraad of $P_GEM: the open melding of each state, none of the ended zaken, none of $P_GEM_W; nearest deadline first, nulls last" '
z = d.get("zaken", [])
ids = [x["id"] for x in z]
assert set(a[0].split()) <= set(ids), "missing: %r" % (set(a[0].split()) - set(ids))
assert not set(a[1].split()) & set(ids), "ended zaken listed: %r" % (set(a[1].split()) & set(ids))
assert not set(a[2].split()) & set(ids), "zaken of another gemeente listed"
ends = {"toegekend", "gedeeltelijk_toegekend", "afgewezen", "ingetrokken", "doorgezonden"}
assert not [x for x in z if x.get("status") in ends], "end states listed"
dates = [x["termijn"]["datum"] if x.get("termijn") else "9999" for x in z]
assert dates == sorted(dates), "not nearest deadline first: %r" % dates' \
	"${P_IN[*]}" "$P_ENDED" "$P_WA $P_WB $P_WC $P_WD $P_WE $P_WF $P_WH"
for p_role in ouder plein gst beheerder huisarts; do
	request GET /api/v1/werkvoorraad -H "$(bearer "$(p_role_token "$p_role")")"
	p_problem "role $p_role has no werkvoorraad: 403 problem" 403
done

# ---------------------------------------------------------------- inzage
p_inzage() { request GET "/api/v1/zaken/$2/inzage" -H "$(bearer "$1")"; }
z_get "$P_OUDER" "$P_W1"
p_inzage "$P_OUDER" "$P_W1"
z_status "the parent asks who looked at the zaak: GET /zaken/{id}/inzage 200" 200
p_py "inzage: newest first, the parent's own read on top as gezin; the cjg as gemeente:0301 for each action; the huisarts as agb:$P_AGB; no BSN" '
l = d.get("inzage")
assert isinstance(l, list) and l, "inzage %r" % l
for x in l:
    assert {"tijdstip", "rol", "wie", "actie"} <= set(x), "entry %r" % x
t = [x["tijdstip"] for x in l]
assert t == sorted(t, reverse=True), "not newest first: %r" % t
assert (l[0]["rol"], l[0]["wie"], l[0]["actie"]) == ("ouder", "gezin", "zaak.lezen"), "newest %r" % l[0]
acts = iter([x["actie"][len("zaak.actie."):] for x in l if x["actie"].startswith("zaak.actie.") and x["rol"] == "cjg" and x["wie"] == "gemeente:0301"][::-1])
assert all(any(s == x for x in acts) for s in a[0].split()), "the actions %r do not all show, in order, as gemeente:0301" % a[0].split()
assert any((x["rol"], x["wie"], x["actie"]) == ("huisarts", "agb:" + a[1], "zaak.aanmaken") for x in l), "no aanmaken by the huisarts: %r" % l
for bsn in a[2:]:
    assert bsn not in raw, "BSN %s in the inzage" % bsn' "${P_DONE[$P_W1]}" "$P_AGB" "$P_J" "$P_G"
p_inzage "$P_JEUGDIGE" "$P_W1"
p_py "the jeugdige sees the parent's inzage on top (zaak.inzage, gezin)" '
l = d.get("inzage") or [{}]
assert (l[0].get("rol"), l[0].get("wie"), l[0].get("actie")) == ("ouder", "gezin", "zaak.inzage"), "newest %r" % l[0]'
p_inzage "$P_HA" "$P_W1"
z_status "the referring huisarts may see the inzage: 200" 200
p_inzage "$P_CJG" "$P_W1"
z_status "the cjg of the zaak may see the inzage: 200" 200
p_inzage "$P_CJG" "$P_UUID_NONE"
P_404_INZAGE=$(p_sig) # shellcheck disable=SC2034 # read in the eval below
p_problem "inzage of a zaak that does not exist: 404 problem" 404
for p_case in "a parent of another family:$(token -r ouder -c bsn="$P_NOBODY" -s p-nobody)" \
	"the cjg of another gemeente:$P_CJG_OTHER" "another huisarts:$(token -r huisarts -c agb=05550071 -s p-ha-2)"; do
	p_inzage "${p_case#*:}" "$P_W1"
	check "inzage by ${p_case%%:*}: the same 404 as for a zaak that does not exist" \
		eval '[ -z "$(p_problem_why 404)" ] && [ "$(p_sig)" = "$P_404_INZAGE" ]'
done
request GET "/api/v1/zaken/$P_W1/inzage"
p_problem "inzage without a token: 401 problem" 401

# ---------------------------------------------------------------- the access log of all this
check "all zaken together: as many zaak.actie.<naam> rows uitgevoerd in the access log as steps in the histories" test \
	"$(z_psql_super "SELECT (SELECT count(*) FROM toegangslog WHERE actie LIKE 'zaak.actie.%' AND uitkomst = 'uitgevoerd') = (SELECT count(*) FROM zaak_status WHERE actie IS NOT NULL)")" = t
P_BSN_RE=$(IFS='|'; echo "${P_BSNS[*]}")
check "no BSN of the families here appears in the access log" test \
	"$(psql_owner "SELECT count(*) FROM toegangslog t WHERE t::text ~ '($P_BSN_RE)'")" = 0
check "after the procedure the daemon still answers" eval 'request GET /api/v1/health && [ "$STATUS" = 200 ]'
# The helper ends when its input closes.
exec {P_TO_PY}>&- {P_FROM_PY}<&-
wait "$P_PY_PID" 2>/dev/null
