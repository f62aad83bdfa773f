# Row-level security, proved in the database itself (sourced by run.sh).
#
# Family A lives in gemeente 0301, family B in 0200; their zaken are made
# through the API, and B's are taken far enough (gezinsplan, a natura
# beschikking with its JW301, a PGB with a declaratie, a casusregisseur)
# that every table holding zaak data has rows of B. Then, with psql as the
# daemon's own role (toegang_app) and the settings the policies read
# (toegang.rol, toegang.identiteit; the daemon sets them with
# tg_principal_set at every BEGIN), B's rows are read, updated and deleted
# by direct SQL as the CJG of 0301, as A's ouder, with no settings at all,
# and with settings a policy might trust too much: 0 rows, or permission
# denied. Each is paired with a control (B's own CJG sees and may change the
# same rows, in a transaction rolled back), so a dropped policy fails the
# control and a disabled one the attack. After every write B's rows are
# compared, as the superuser, with their state before. Then what the role
# must never do: change, empty, alter or drop the access log, switch RLS or
# triggers off, become the owner, plant functions or temporary tables, read
# the owner's tables.
# Names are r_/R_ so that they cannot clash with run.sh or the other parts.

R_OAS=$SRC/www/openapi.yaml
R_ACTIE='/api/v1/zaken/{id}/acties/{actie}'
mapfile -t R_BSNS < <(z_bsns 4 849999999)
R_JA=${R_BSNS[0]} R_OA=${R_BSNS[1]} R_JB=${R_BSNS[2]} R_OB=${R_BSNS[3]}
R_TODAY=$(TZ=Europe/Amsterdam date +%F)
R_CJG_B=$(token -r cjg -c gemeente=0200 -s rls-cjg-b)

# r_example PATH NAME [PYTHON...]: the request example NAME of POST PATH in
# www/openapi.yaml, changed by the statements on d (today: the date as text)
r_example() {
	python3 - "$R_OAS" "$R_TODAY" "$@" <<'PY'
import datetime, json, sys, yaml
doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
today = sys.argv[2]
plus = lambda days: str(datetime.date.fromisoformat(today) + datetime.timedelta(days=days))
d = doc["paths"][sys.argv[3]]["post"]["requestBody"]["content"]["application/json"]["examples"][sys.argv[4]]["value"]
for statement in sys.argv[5:]:
    exec(statement)
print(json.dumps(d, ensure_ascii=False))
PY
}
# r_step NAME CODE TOKEN PATH BODY [curl args...]: POST BODY, a check that it answered CODE
r_step() {
	local name=$1 code=$2 tok=$3 path=$4 body=$5; shift 5
	request POST "$path" -H "$(bearer "$tok")" -H 'Content-Type: application/json' --data-binary "$body" "$@"
	if [ "$STATUS" = "$code" ]; then ok "setup: $name"; else not_ok "setup: $name" "got $STATUS ${BODY:0:300}"; fi
}
# r_verwijzing AGB JEUGDIGE OUDER GEMEENTE [curl args...]: a referral; sets R_ID
r_verwijzing() {
	local agb=$1 j=$2 o=$3 gem=$4; shift 4
	r_step "a verwijzing for the family in $gem" 201 "$(token -r huisarts -c agb="$agb" -s "rls-$agb")" \
		/api/v1/verwijzingen "$(z_body "d['jeugdige'].update(bsn='$j', naam='Rik Beveiligingsproef')" \
		"d['gezaghebbenden'][0].update(bsn='$o', naam='Roos Beveiligingsproef', gemeente='$gem')")" "$@"
	R_ID=$(json "['id']")
}
# r_act ZAAK EXAMPLE [PYTHON...]: an action of B's CJG, with its example changed by the statements
r_act() {
	local zaak=$1 ex=$2; shift 2
	r_step "$ex on one of B's zaken" 200 "$R_CJG_B" "/api/v1/zaken/$zaak/acties/${ex%%-*}" \
		"$(r_example "$R_ACTIE" "$ex" "$@")"
}

# ---------------------------------------------------------------- the families' zaken, through the API
r_verwijzing 70000021 "$R_JA" "$R_OA" 0301
R_A=$R_ID
r_verwijzing 70000022 "$R_JB" "$R_OB" 0200 -H 'Idempotency-Key: rls-b1'
R_B1=$R_ID
R_GB=$(json "['gezin']['id']")
for a in ontvangst_bevestigen vooronderzoek gesprek verslag gezinsplan; do
	r_act "$R_B1" "$a" "d.update(woonplaats_gemeente='0200') if 'woonplaats_gemeente' in d else None" \
		"d.update(datum=today) if 'datum' in d else None" "d.update(verstrekt_op=today) if 'verstrekt_op' in d else None"
done
r_verwijzing 70000022 "$R_JB" "$R_OB" 0200
R_B2=$R_ID
r_act "$R_B2" ontvangst_bevestigen
r_act "$R_B2" beschikken "[p.update(ingangsdatum=today, einddatum=plus(180)) for p in d['producten']]"
r_verwijzing 70000022 "$R_JB" "$R_OB" 0200
R_B3=$R_ID
r_act "$R_B3" ontvangst_bevestigen
r_act "$R_B3" beschikken-pgb "[p.update(ingangsdatum=today, einddatum=plus(181)) for p in d['producten']]"
r_step "a declaratie by B's ouder against the PGB" 201 "$(token -r ouder -c bsn="$R_OB" -s rls-ouder-b)" \
	"/api/v1/zaken/$R_B3/declaraties" "$(r_example '/api/v1/zaken/{id}/declaraties' oma \
	"d.update(toewijzing=$(json "['toewijzingen'][0]['nummer']" 2>/dev/null || echo 0), bsn='$R_JB', dagen=[{'datum': today, 'eenheden': 2}])")"
r_step "a casusregisseur for B's gezin" 200 "$R_CJG_B" "/api/v1/gezinnen/$R_GB/casusregisseur" \
	"$(r_example '/api/v1/gezinnen/{id}/casusregisseur' cjg "d.update(organisatie='CJG Apeldoorn')")"

# Where B's rows are, per table that holds zaak data.
R_BZ="'$R_B1', '$R_B2', '$R_B3'"
declare -A R_OF=(
	[zaak]="id IN ($R_BZ)" [betrokkene]="zaak_id IN ($R_BZ)" [zaak_status]="zaak_id IN ($R_BZ)"
	[zaak_termijn]="zaak_id IN ($R_BZ)" [toewijzing]="zaak_id IN ($R_BZ)" [pgb_declaratie]="zaak_id IN ($R_BZ)"
	[ijw_bericht]="zaak_id IN ($R_BZ)" [idempotentie]="zaak_id IN ($R_BZ)" [gezin]="id = '$R_GB'"
	[gezinsplan]="gezin_id = '$R_GB'" [gezin_regisseur]="gezin_id = '$R_GB'")
# A column each UPDATE sets to itself: one the app role holds UPDATE on where it holds any.
declare -A R_COL=(
	[zaak]=status [betrokkene]=naam [zaak_status]=toelichting [zaak_termijn]=datum [toewijzing]=gestart_op
	[pgb_declaratie]=bedrag [ijw_bericht]=xml [idempotentie]=body_hash [gezin]=samengevoegd_in
	[gezinsplan]=gegevens [gezin_regisseur]=naam)
R_TABLES=$(printf '%s\n' "${!R_OF[@]}" | sort | tr '\n' ' ')
check "every table with a zaak_id or gezin_id column (but the access log) is one the proof covers" test \
	"$(z_psql_super "SELECT string_agg(DISTINCT table_name::text, ' ' ORDER BY table_name::text) FROM information_schema.columns
		WHERE table_schema = 'public' AND column_name IN ('zaak_id', 'gezin_id') AND table_name <> 'toegangslog'")" \
	= "$(printf '%s\n' "${!R_OF[@]}" | grep -vx gezin | sort | xargs)"

# r_counts: "table count" of B's rows per table, as the superuser
r_counts() {
	local t sql=""
	for t in $R_TABLES; do sql+="${sql:+ UNION ALL }SELECT '$t', count(*) FROM $t WHERE ${R_OF[$t]}"; done
	z_psql_super "$sql" | tr '|' ' '
}
# r_print: the content of B's rows, as the superuser; equal before and after means untouched
r_print() {
	local t sql=""
	for t in $R_TABLES; do
		sql+="${sql:+ || }(SELECT coalesce(md5(string_agg(x::text, '' ORDER BY x::text)), '-') FROM $t x WHERE ${R_OF[$t]})"
	done
	z_psql_super "SELECT $sql"
}
out=$(r_counts)
check "setup: family B has rows in every table that holds zaak data ($(tr '\n' ',' <<<"$out"))" \
	eval '! grep -q " 0$" <<<"$out"'
R_PRINT=$(r_print)

# r_set ROLE IDENTITY: the settings as the daemon makes them (set_config,
# transaction-local), in a statement that prints nothing
r_set() {
	printf "DO \$\$BEGIN PERFORM set_config('toegang.rol', '%s', true), set_config('toegang.identiteit', '%s', true); END\$\$;" \
		"${1//\'/\'\'}" "${2//\'/\'\'}"
}
# r_sql ROLE IDENTITY SQL: SQL as the app role in one transaction with those
# settings (ROLE '-': none set at all), committed; its output and errors
r_sql() {
	if [ "$1" = - ]; then
		psql_app "$3" 2>&1
	else
		psql_app "BEGIN; $(r_set "$1" "$2") $3; COMMIT;" 2>&1
	fi
}
# r_control IDENTITY SQL: the same as B's own CJG, rolled back
r_control() { psql_app "BEGIN; $(r_set cjg "$1") $2; ROLLBACK;" 2>&1; }
r_untouched() { [ "$(r_print)" = "$R_PRINT" ]; }
# r_zero_or_denied OUTPUT: "0", or an error that says no
r_zero_or_denied() { [ "$1" = 0 ] || grep -q -e "permission denied" -e "must be owner" <<<"$1"; }

# ---------------------------------------------------------------- the controls: B's own CJG
for t in $R_TABLES; do
	n=$(r_control 0200 "SELECT count(*) FROM $t WHERE ${R_OF[$t]}")
	check "control: B's own CJG (0200) reads B's $t rows ($n)" eval '[ "$n" -gt 0 ] 2>/dev/null'
done
for t in zaak zaak_termijn toewijzing; do
	n=$(r_control 0200 "WITH x AS (UPDATE $t SET ${R_COL[$t]} = ${R_COL[$t]} WHERE ${R_OF[$t]} RETURNING 1) SELECT count(*) FROM x")
	check "control: B's own CJG may update B's $t rows ($n, rolled back)" eval '[ "$n" -gt 0 ] 2>/dev/null'
done
n=$(r_control 0200 "WITH x AS (DELETE FROM zaak_termijn WHERE ${R_OF[zaak_termijn]} RETURNING 1) SELECT count(*) FROM x")
check "control: B's own CJG may delete B's zaak_termijn rows ($n, rolled back)" eval '[ "$n" -gt 0 ] 2>/dev/null'

# ---------------------------------------------------------------- B's rows as others
# r_attack WHO ROLE IDENTITY: SELECT, UPDATE, DELETE and TRUNCATE of every
# table as that caller; each 0 rows or refused, and B's rows untouched.
r_attack() {
	local who=$1 rol=$2 ident=$3 t out
	for t in $R_TABLES; do
		out=$(r_sql "$rol" "$ident" "SELECT count(*) FROM $t WHERE ${R_OF[$t]}")
		check "as $who: SELECT B's $t rows: 0 (got $out)" r_zero_or_denied "$out"
		out=$(r_sql "$rol" "$ident" "WITH x AS (UPDATE $t SET ${R_COL[$t]} = ${R_COL[$t]} WHERE ${R_OF[$t]} RETURNING 1) SELECT count(*) FROM x")
		check "as $who: UPDATE B's $t rows: 0 or refused, B untouched (got ${out%%$'\n'*})" \
			eval 'r_zero_or_denied "$out" && r_untouched'
		out=$(r_sql "$rol" "$ident" "WITH x AS (DELETE FROM $t WHERE ${R_OF[$t]} RETURNING 1) SELECT count(*) FROM x")
		check "as $who: DELETE B's $t rows: 0 or refused, B untouched (got ${out%%$'\n'*})" \
			eval 'r_zero_or_denied "$out" && r_untouched'
		out=$(r_sql "$rol" "$ident" "TRUNCATE $t")
		check "as $who: TRUNCATE $t: refused, B untouched" \
			eval 'grep -q "permission denied" <<<"$out" && r_untouched'
	done
}
r_attack "the CJG of gemeente A (0301)" cjg 0301
r_attack "family A's ouder" ouder "$R_OA"
r_attack "the app role with no settings" - -

# Settings a policy might trust too much: one check per setting, all tables at once.
r_all_zero() { # r_all_zero ROLE IDENTITY [SQL before]: every table's count of B's rows is 0
	local t sql=""
	for t in $R_TABLES; do sql+="${sql:+ UNION ALL }SELECT count(*) FROM $t WHERE ${R_OF[$t]}"; done
	[ "$(r_sql "$1" "$2" "${3:-SELECT 1}; SELECT sum(n) FROM ($sql) AS c(n)" | tail -n 1)" = 0 ]
}
for s in "|" "*|*" "cjg|" "cjg|*" "cjg|%" "cjg|{0200}" "cjg|0200,0301" "cjg|0301' OR '1'='1" \
	"CJG|0200" "cjg |0200" "Cjg|0200" "toegang_owner|0200" "postgres|0200" "systeem|0200" "*|0200" "|0200" \
	"ouder|0200" "gi|0200" "aanbieder|0200" "ouder|" "ouder|{$R_JB}" "ouder|$R_OA' OR true --" "huisarts|" \
	"aanbieder|" "jeugdige|*"; do
	check "as the app role with toegang.rol '${s%%|*}', toegang.identiteit '${s#*|}': none of B's rows" \
		r_all_zero "${s%%|*}" "${s#*|}"
done
check "as the CJG of 0301 with toegang.systeem 'aan' (the owner's functions' switch): none of B's rows" \
	r_all_zero cjg 0301 "SELECT set_config('toegang.systeem', 'aan', true)"
out=$(r_sql cjg 0301 "SET LOCAL row_security = off; SELECT count(*) FROM zaak")
check "as the CJG of 0301 with row_security off: refused, not bypassed" grep -q "row-level security" <<<"$out"

# The owner's functions the app role may call, on B's zaak, as the CJG of 0301.
check "as the CJG of 0301: zaak_inzage(B's zaak) shows nothing" \
	test "$(r_sql cjg 0301 "SELECT count(*) FROM zaak_inzage('$R_B2')")" = 0
check "as the CJG of 0301: stapeling(B's zaak) shows nothing" \
	test "$(r_sql cjg 0301 "SELECT count(*) FROM stapeling('$R_B2')")" = 0
out=$(r_sql cjg 0301 "SELECT zaak_doorzenden_binnen_regio('$R_B1', '0301', 'x', '{}', '[]')")
check "as the CJG of 0301: zaak_doorzenden_binnen_regio(B's zaak) does nothing (0), B untouched" \
	eval '[ "$out" = 0 ] && r_untouched'
out=$(r_sql cjg 0301 "SELECT pgb_declareren('$R_B3', '{\"toewijzing\": 1}', 'cjg', '0301')")
check "as the CJG of 0301: pgb_declareren on B's zaak finds no zaak, B untouched" \
	eval 'grep -q "\"gevonden\": false" <<<"$out" && r_untouched'

# Temporary tables in front of the owner's: a temporary zaak and gezin,
# granted to the owner, made gezin_van() move B's casusregisseur and
# gezinsplan into A's gezin (sql/015_rls_hardening.sql closes it).
R_GA=$(z_psql_super "SELECT gezin_id FROM zaak WHERE id = '$R_A'")
out=$(r_sql cjg 0301 "CREATE TEMP TABLE zaak (gezin_id uuid, partij_bsn text[]);
	CREATE TEMP TABLE gezin (id uuid, aangemaakt timestamptz, samengevoegd_in uuid);
	GRANT ALL ON pg_temp.zaak, pg_temp.gezin TO toegang_owner;
	INSERT INTO pg_temp.zaak VALUES ('$R_GA', '{x}'), ('$R_GB', '{x}');
	INSERT INTO pg_temp.gezin VALUES ('$R_GA', '2000-01-01', NULL), ('$R_GB', '2001-01-01', NULL);
	SELECT gezin_van(ARRAY['x'])")
check "temporary tables in front of the owner's, then gezin_van(): refused, B's gezin untouched" \
	eval 'grep -q "permission denied to create temporary tables" <<<"$out" && r_untouched'
check "every SECURITY DEFINER function searches pg_temp last (search_path = public, pg_temp)" test \
	"$(z_psql_super "SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND prosecdef
		AND NOT coalesce('search_path=public, pg_temp' = ANY (proconfig), false)")" = 0
check "the app role may not make temporary objects" test \
	"$(z_psql_super "SELECT has_database_privilege('toegang_app', current_database(), 'TEMPORARY')")" = f

# ---------------------------------------------------------------- the access log and the role's limits
r_log() { z_psql_super "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '' ORDER BY id)), '-') FROM toegangslog t"; }
R_LOG=$(r_log)
# r_refused NAME SQL: as the CJG of 0301, SQL is refused; the access log and B untouched
r_refused() {
	local out
	out=$(r_sql cjg 0301 "$2")
	if grep -q -e "permission denied" -e "must be owner" -e "must be superuser" -e "must have admin option" \
		-e "must be member" -e "only superuser" <<<"$out" && [ "$(r_log)" = "$R_LOG" ] && r_untouched; then
		ok "the app role may not $1"
	else
		not_ok "the app role may not $1" "${out:0:300}"
	fi
}
r_refused "UPDATE the access log" "UPDATE toegangslog SET uitkomst = 'x'"
r_refused "DELETE from the access log" "DELETE FROM toegangslog"
r_refused "TRUNCATE the access log" "TRUNCATE toegangslog"
r_refused "read the access log" "SELECT count(*) FROM toegangslog"
r_refused "ALTER the access log" "ALTER TABLE toegangslog ADD COLUMN x int"
r_refused "DROP the access log" "DROP TABLE toegangslog"
r_refused "disable the access log's triggers" "ALTER TABLE toegangslog DISABLE TRIGGER ALL"
r_refused "switch row-level security on zaak off" "ALTER TABLE zaak DISABLE ROW LEVEL SECURITY"
r_refused "take zaak out of FORCE ROW LEVEL SECURITY" "ALTER TABLE zaak NO FORCE ROW LEVEL SECURITY"
r_refused "drop a policy" "DROP POLICY zaak_lezen ON zaak"
r_refused "add a policy" "CREATE POLICY open ON zaak FOR SELECT USING (true)"
r_refused "widen a policy" "ALTER POLICY zaak_lezen ON zaak USING (true)"
r_refused "disable zaak's triggers" "ALTER TABLE zaak DISABLE TRIGGER ALL"
r_refused "SET ROLE to the owner" "SET ROLE toegang_owner"
r_refused "SET SESSION AUTHORIZATION to the owner" "SET SESSION AUTHORIZATION toegang_owner"
r_refused "grant itself the owner's role" "GRANT toegang_owner TO toegang_app"
r_refused "give itself BYPASSRLS" "ALTER ROLE toegang_app BYPASSRLS"
r_refused "create a SECURITY DEFINER function in public" \
	"CREATE FUNCTION public.als_eigenaar() RETURNS bigint LANGUAGE sql SECURITY DEFINER AS 'SELECT count(*) FROM zaak'"
r_refused "create a SECURITY DEFINER function in pg_temp" \
	"CREATE FUNCTION pg_temp.als_eigenaar() RETURNS bigint LANGUAGE sql SECURITY DEFINER AS 'SELECT count(*) FROM zaak'"
r_refused "replace an owner's function" \
	"CREATE OR REPLACE FUNCTION zaak_zichtbaar(z zaak) RETURNS boolean LANGUAGE sql AS 'SELECT true'"
r_refused "create a schema" "CREATE SCHEMA eigen"
r_refused "read schema_migratie (no grant)" "SELECT count(*) FROM schema_migratie"
r_refused "read product_import (no grant)" "SELECT count(*) FROM product_import"
r_refused "read a server file" "SELECT pg_read_file('/etc/passwd')"
r_refused "write a server file" "COPY (SELECT 1) TO '/tmp/toegang-rls-copy'"

# ---------------------------------------------------------------- the replay of a key whose zaak moved on
# With idempotentie under RLS, a key whose zaak the caller no longer sees
# (forwarded inside the region) is hidden too: the replay is the 404 of a
# zaak out of sight, not a 500 (plugins/zaak/zaak_store.c).
restart_daemon "regio=0301 0262"
R_CJG_A=$(token -r cjg -c gemeente=0301 -s rls-cjg-a)
R_MELDING=$(z_body "d['jeugdige'].update(bsn='$R_JA', naam='Rik Beveiligingsproef')" \
	"d['gezaghebbenden'][0].update(bsn='$R_OA', naam='Roos Beveiligingsproef', gemeente='0301')")
r_step "a melding by the CJG of 0301 with an Idempotency-Key" 201 "$R_CJG_A" /api/v1/meldingen "$R_MELDING" \
	-H 'Idempotency-Key: rls-doorgezonden'
r_step "forwarded inside the region to 0262" 200 "$R_CJG_A" "/api/v1/zaken/$(json "['id']")/acties/doorzenden" \
	'{"gemeente": "0262", "reden": "Het gezin is verhuisd."}'
request POST /api/v1/meldingen -H "$(bearer "$R_CJG_A")" -H 'Content-Type: application/json' \
	-H 'Idempotency-Key: rls-doorgezonden' --data-binary "$R_MELDING"
check "the same key again, its zaak now out of the caller's sight: 404 problem, not a 5xx" is_problem 404
restart_daemon
check "after all of it, B's rows as they were" r_untouched
