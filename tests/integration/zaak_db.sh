# The database's own rules behind the zaken: deadlines as the Algemene
# termijnenwet counts them, the row-level security guard on adding to a zaak,
# and the access log committing or failing with what it records (sourced by run.sh).

# sql_app SQL: one value, as the daemon's role
sql_app() { psql_app "$1" 2>&1 | tail -n 1; }

check "Easter is computed right (2026-04-05, 2027-03-28, 2038-04-25)" \
	test "$(sql_app "select paasdatum(2026) || ' ' || paasdatum(2027) || ' ' || paasdatum(2038)")" = \
	"2026-04-05 2027-03-28 2038-04-25"
check "werkdagen skip Easter Monday but not Goede Vrijdag (2026-04-02 + 3 = 2026-04-08)" \
	test "$(sql_app "select termijn_datum('2026-04-02', 3, 'werkdagen')")" = 2026-04-08
check "werkdagen skip Christmas and the weekend (2026-12-21 + 5 = 2026-12-29)" \
	test "$(sql_app "select termijn_datum('2026-12-21', 5, 'werkdagen')")" = 2026-12-29
check "eight weeks ending on Tweede Kerstdag (a Saturday) move to Monday 2026-12-28" \
	test "$(sql_app "select termijn_datum('2026-10-31', 8, 'weken')")" = 2026-12-28
check "eight weeks from a Monday end on a Monday (2026-11-23 + 8 weeks = 2027-01-18)" \
	test "$(sql_app "select termijn_datum('2026-11-23', 8, 'weken')")" = 2027-01-18
check "Koningsdag moves to the 26th when the 27th is a Sunday (2025)" \
	test "$(sql_app "select string_agg(datum::text, ',') from feestdag where naam = 'Koningsdag' and extract(year from datum) = 2025")" = 2025-04-26
check "a year without known feestdagen is an error, not a silent miscount" \
	eval '! psql_app "select termijn_datum('"'"'2040-12-01'"'"', 8, '"'"'weken'"'"')" >/dev/null 2>&1'

# The app role, as a CJG of another gemeente, cannot add to a zaak it cannot see.
GUARD_HA=$(token -r huisarts -c agb=55501234)
request POST /api/v1/verwijzingen -H "$(bearer "$GUARD_HA")" -H 'Content-Type: application/json' \
	--data-binary '{"jeugdige": {"bsn": "123456782", "geboortedatum": "2014-05-01", "naam": "Sam"},
	"gezaghebbenden": [{"bsn": "111222333", "naam": "Anna", "gemeente": "0301"}], "hulpvraag": "x"}'
GUARD_ID=$(json "['id']")
check "setup: a zaak in 0301 to guard" test "$STATUS" = 201
as_cjg() { # as_cjg GEMEENTE SQL: runs SQL in a transaction as that CJG
	psql_app "begin; select set_config('toegang.rol', 'cjg', true), set_config('toegang.identiteit', '$1', true); $2; commit;" 2>&1
}
out=$(as_cjg 0363 "insert into zaak_status (zaak_id, status, tijdstip, toelichting, actor_rol, actor) values ('$GUARD_ID', 'afgewezen', now(), 'x', 'cjg', '0363')")
check "RLS: a status cannot be added to another gemeente's zaak" grep -q "row-level security" <<<"$out"
out=$(as_cjg 0363 "insert into betrokkene (zaak_id, rol, volgorde, bsn, naam) values ('$GUARD_ID', 'gezaghebbende', 9, '100000009', 'x')")
check "RLS: a person cannot be added to another gemeente's zaak" grep -q "row-level security" <<<"$out"
out=$(as_cjg 0301 "select count(*) from zaak_status where zaak_id = '$GUARD_ID'")
check "RLS: the zaak's own CJG sees its status history" grep -qx "1" <<<"$out"
out=$(as_cjg 0363 "select count(*) from zaak_status where zaak_id = '$GUARD_ID'")
check "RLS: another CJG sees none of it" grep -qx "0" <<<"$out"

# The access-log record travels with the COMMIT: when it cannot be written,
# the zaak is not created either (and the caller is told so, never 201).
zaak_rows() { # rows of zaak visible to the guard's huisarts
	psql_app "begin; select set_config('toegang.rol', 'huisarts', true), set_config('toegang.identiteit', '55501234', true); select count(*) from zaak; commit;" 2>&1 | grep -E '^[0-9]+$' | tail -n 1
}
before=$(zaak_rows)
psql_owner "revoke insert on toegangslog from toegang_app" >/dev/null
request POST /api/v1/verwijzingen -H "$(bearer "$GUARD_HA")" -H 'Content-Type: application/json' \
	--data-binary '{"jeugdige": {"bsn": "123456782", "geboortedatum": "2014-05-01", "naam": "Sam"},
	"gezaghebbenden": [{"bsn": "111222333", "naam": "Anna", "gemeente": "0301"}], "hulpvraag": "x"}'
psql_owner "grant insert on toegangslog to toegang_app" >/dev/null
check "no access log, no zaak: a create whose log record fails answers 503" is_problem 503
check "and stores nothing" test "$(zaak_rows)" = "$before"
request GET "/api/v1/zaken/$GUARD_ID" -H "$(bearer "$GUARD_HA")"
check "with the log writable again, reads work (200)" test "$STATUS" = 200
