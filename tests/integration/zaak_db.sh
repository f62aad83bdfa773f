# The database's own rules behind the zaken: the row-level security guard on
# adding to a zaak, and the access log committing or failing with what it
# records (sourced by run.sh). The deadline calendar has its unit tests
# (tests/unit/check_calendar.c).

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
