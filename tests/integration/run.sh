#!/usr/bin/env bash
# Integration tests: a throwaway PostgreSQL cluster, toegangd and a real nginx
# on loopback, driven over HTTP with curl, as a client would.
#   tests/integration/run.sh BUILDDIR SRCDIR
# Writes "passed N failed M" to BUILDDIR/tests/integration.result for the
# summary, and exits non-zero on any failure.
set -uo pipefail

BUILD=${1:?builddir}
SRC=${2:?srcdir}
STACK=$SRC/tools/stack
STATE=$(mktemp -d /tmp/toegang-it.XXXXXX)
chmod 0755 "$STATE"
PORT=$((20000 + $$ % 20000))
BASE=http://127.0.0.1:$PORT
RESULT=$BUILD/tests/integration.result
mkdir -p "$BUILD/tests"
rm -f "$RESULT"
# shellcheck source=tests/lib.sh
source "$SRC/tests/lib.sh"

cleanup() {
	"$STACK" down "$STATE" >/dev/null 2>&1
	echo "passed $PASSED failed $FAILED" >"$RESULT"
	if [ "$FAILED" -gt 0 ] && [ -z "${KEEP_STATE:-}" ]; then
		echo "--- last lines of the daemon log ---"
		tail -n 20 "$STATE/log/toegangd.log" 2>/dev/null
	fi
	[ -n "${KEEP_STATE:-}" ] || rm -rf "$STATE"
}
trap cleanup EXIT

DAEMON_DEFAULTS=("plugins=whoami probe verwijzing mandaat melding overdracht zaken cjg gezin pgb producten berichten devtoken" "workers=2" "shutdown_grace=5")
echo "# starting the stack in $STATE on port $PORT"
if ! "$STACK" up "$STATE" "$PORT" "$BUILD" "$SRC" "${DAEMON_DEFAULTS[@]}" >"$STATE/stack.log" 2>&1; then
	cat "$STATE/stack.log"
	not_ok "the stack starts"
	exit 1
fi
ok "the stack starts (PostgreSQL, toegangd, nginx)"

TOKEN_TOOL=$BUILD/toegang-token
SECRET=$STATE/jwt.secret
token() { "$TOKEN_TOOL" -k "$SECRET" "$@"; }

# request METHOD PATH [curl args...]: sets STATUS, BODY, HEADERS
request() {
	local method=$1 path=$2; shift 2
	local hdr body
	hdr=$(mktemp) body=$(mktemp)
	STATUS=$(curl -s -o "$body" -D "$hdr" -w '%{http_code}' -X "$method" "$@" "$BASE$path")
	BODY=$(cat "$body")
	HEADERS=$(tr -d '\r' <"$hdr")
	rm -f "$hdr" "$body"
}
header() { printf '%s\n' "$HEADERS" | grep -i "^$1:" | head -n 1 | cut -d' ' -f2- ; }
json() { printf '%s' "$BODY" | python3 -c "import json,sys; d=json.load(sys.stdin); print(d$1)" 2>/dev/null; }
is_problem() { # is_problem STATUS: the answer is that status as RFC 9457 problem+json
	[ "$STATUS" = "$1" ] && [ "$(header Content-Type)" = "application/problem+json" ] &&
		[ "$(json "['status']")" = "$1" ] && [ -n "$(json "['type']")" ] &&
		[ -n "$(json "['title']")" ] && [ -n "$(json "['detail']")" ]
}
master_pid() { cat "$STATE/run/toegangd.pid"; }
workers() { pgrep -P "$(master_pid)" | sort | tr '\n' ' '; }
psql_owner() { "$STACK" psql "$STATE" owner -At -c "$1"; }
psql_app() { "$STACK" psql "$STATE" app -At -c "$1"; }
restart_daemon() { "$STACK" daemon-restart "$STATE" "$BUILD" "$SRC" "${DAEMON_DEFAULTS[@]}" "$@" >/dev/null; }

# ---------------------------------------------------------------- health
request GET /api/v1/health
check "health answers 200 {status: ok} without a token" \
	test "$STATUS:$(json "['status']"):$(header Content-Type)" = "200:ok:application/json"

# ---------------------------------------------------------------- routing
request GET /api/v1/nothing-here
check "unknown path: 404 problem+json" is_problem 404
request POST /api/v1/health
check "wrong method: 405 problem+json with Allow: GET" \
	eval 'is_problem 405 && [ "$(header Allow)" = "GET" ]'
request GET /api/v1/health/
check "trailing slash does not match: 404" is_problem 404
request GET '/api/v1/%68ealth'
check "percent-encoded path does not match: 404" is_problem 404

# ---------------------------------------------------------------- authentication
GOOD=$(token -r huisarts)
request GET /api/v1/whoami -H "Authorization: Bearer $GOOD"
check "a good HS256 token reaches the plugin: role and identity claim" \
	test "$STATUS:$(json "['role']"):$(json "['identity_claim']")" = "200:huisarts:agb"
request GET /api/v1/whoami -H "Authorization: bearer $GOOD"
check "the Bearer scheme name is case-insensitive" test "$STATUS" = 200

WORKERS_BEFORE=$(workers)
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
# craft HEADER_JSON PAYLOAD_JSON [hmac-key-file | none]: a token made by hand
craft() {
	local h p sig=""
	h=$(printf '%s' "$1" | b64url)
	p=$(printf '%s' "$2" | b64url)
	case "${3:-}" in
	none) sig="" ;;
	"") sig=$(printf '%s.%s' "$h" "$p" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$(tr -d '\n' <"$SECRET" | xxd -p | tr -d '\n')" -binary | b64url) ;;
	*) sig=$(printf '%s.%s' "$h" "$p" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$(xxd -p <"$3" | tr -d '\n')" -binary | b64url) ;;
	esac
	printf '%s.%s.%s' "$h" "$p" "$sig"
}
NOW=$(date +%s)
CLAIMS='"iss":"toegang-dev","aud":"toegang","sub":"t","role":"huisarts","agb":"01234567"'
expect_401() { # expect_401 NAME REASON [curl args...]: refused, and for that reason
	local name=$1 reason=$2; shift 2
	request GET /api/v1/whoami "$@"
	if is_problem 401 && header WWW-Authenticate | grep -q '^Bearer' &&
		json "['detail']" | grep -qiF "$reason"; then
		ok "401 + WWW-Authenticate: Bearer: $name"
	else
		not_ok "401 + WWW-Authenticate: Bearer: $name" "got $STATUS $(header WWW-Authenticate) $BODY"
	fi
}
bearer() { printf 'Authorization: Bearer %s' "$1"; }

expect_401 "no token" "bearer token required"
expect_401 "alg none, empty signature" "malformed token" -H "$(bearer "$(craft '{"alg":"none","typ":"JWT"}' "{$CLAIMS,\"exp\":$((NOW + 600))}" none)")"
expect_401 "alg none, signed" "algorithm not accepted" -H "$(bearer "$(craft '{"alg":"none","typ":"JWT"}' "{$CLAIMS,\"exp\":$((NOW + 600))}")")"
expect_401 "alg NoNe, signed" "algorithm not accepted" -H "$(bearer "$(craft '{"alg":"NoNe","typ":"JWT"}' "{$CLAIMS,\"exp\":$((NOW + 600))}")")"
expect_401 "alg NoNe, empty signature" "malformed token" -H "$(bearer "$(craft '{"alg":"NoNe","typ":"JWT"}' "{$CLAIMS,\"exp\":$((NOW + 600))}" none)")"
BAD_SIG=$(craft '{"alg":"HS256","typ":"JWT"}' "{$CLAIMS,\"exp\":$((NOW + 600))}")
# Change a middle character of the signature: the last one carries padding
# bits, and changing those makes the token malformed rather than badly signed.
SIG=${BAD_SIG##*.}
BAD_SIG="${BAD_SIG%.*}.${SIG:0:5}$( [ "${SIG:5:1}" = A ] && echo B || echo A)${SIG:6}"
expect_401 "bad signature" "bad signature" -H "$(bearer "$BAD_SIG")"
expect_401 "expired (beyond the leeway)" "expired" -H "$(bearer "$(token -r huisarts -t -120)")"
expect_401 "nbf in the future" "not yet valid" -H "$(bearer "$(token -r huisarts -j nbf=$((NOW + 600)))")"
expect_401 "wrong iss" "wrong issuer" -H "$(bearer "$(token -r huisarts -i someone-else)")"
expect_401 "wrong aud" "wrong audience" -H "$(bearer "$(token -r huisarts -u another-api)")"
expect_401 "missing exp" "exp missing" -H "$(bearer "$(token -r huisarts -d exp)")"
expect_401 "exp as a string" "exp is not an integer" -H "$(bearer "$(token -r huisarts -j exp="\"$((NOW + 600))\"")")"
expect_401 "missing role" "role claim missing" -H "$(bearer "$(token -r huisarts -d role)")"
expect_401 "unknown role" "unknown role" -H "$(bearer "$(token -r directeur)")"
expect_401 "role without its identity claim" "identity claim for the role missing" -H "$(bearer "$(token -r huisarts -d agb)")"
expect_401 "BSN claim failing the 11-proef" "not a valid BSN" -H "$(bearer "$(token -r ouder -c bsn=111222334)")"
expect_401 "garbage" "malformed token" -H "Authorization: Bearer not-a-token"
expect_401 "garbage with dots" "malformed token" -H "Authorization: Bearer a.b.c"
expect_401 "token in the query string only" "bearer token required" -G --data-urlencode "access_token=$GOOD"
expect_401 "Basic instead of Bearer" "must be Bearer" -H "Authorization: Basic dXNlcjpwYXNz"
expect_401 "a token over 8 KiB" "token too large" -H "$(bearer "$(token -r huisarts -c pad="$(head -c 9000 /dev/zero | tr '\0' a)")")"
# curl will not send a 9 MB header; a raw socket does.
HUGE=$(python3 - "$PORT" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10)
try:
    s.sendall(b"GET /api/v1/whoami HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + b"a" * 9000000 + b"\r\n\r\n")
except OSError:
    pass  # nginx may close before reading it all; its answer is already sent
print(s.recv(65536).decode("latin-1").split("\r\n")[0])
PY
)
check "a 9 MB token is refused with a 4xx by nginx (got: $HUGE)" eval '[[ "$HUGE" =~ ^HTTP/1\.1\ 4[0-9][0-9] ]]'
check "after all bad tokens the same workers live on" test "$(workers)" = "$WORKERS_BEFORE"
request GET /api/v1/health
check "and the portal still answers" test "$STATUS" = 200

# RS256 and ES256: the configured algorithm only; HS256 signed with the public key fails.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$STATE/rsa.pem" 2>/dev/null
openssl pkey -in "$STATE/rsa.pem" -pubout -out "$STATE/rsa.pub" 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$STATE/ec.pem" 2>/dev/null
openssl pkey -in "$STATE/ec.pem" -pubout -out "$STATE/ec.pub" 2>/dev/null
chmod 0600 "$STATE"/*.pem
restart_daemon jwt_alg=RS256 "jwt_public_key_file=$STATE/rsa.pub"
request GET /api/v1/whoami -H "$(bearer "$("$TOKEN_TOOL" -a RS256 -k "$STATE/rsa.pem" -r cjg)")"
check "RS256: a token signed by the configured key is accepted" test "$STATUS:$(json "['role']")" = "200:cjg"
expect_401 "HS256 token signed with the configured RS256 public key" "algorithm not accepted" \
	-H "$(bearer "$(craft '{"alg":"HS256","typ":"JWT"}' "{$CLAIMS,\"exp\":$((NOW + 600))}" "$STATE/rsa.pub")")"
expect_401 "RS256 configured, HS256 token with the dev secret" "algorithm not accepted" -H "$(bearer "$GOOD")"
restart_daemon jwt_alg=ES256 "jwt_public_key_file=$STATE/ec.pub"
request GET /api/v1/whoami -H "$(bearer "$("$TOKEN_TOOL" -a ES256 -k "$STATE/ec.pem" -r ouder)")"
check "ES256: a token signed by the configured key is accepted" test "$STATUS:$(json "['role']")" = "200:ouder"
expect_401 "ES256 configured, RS256 token" "algorithm not accepted" -H "$(bearer "$("$TOKEN_TOOL" -a RS256 -k "$STATE/rsa.pem" -r cjg)")"
restart_daemon

# ---------------------------------------------------------------- start-up refusals
conf=(-c "$SRC/etc/toegang.conf" -s "plugin_dir=$STATE/plugins" -s jwt_alg=HS256
	-s "jwt_hs256_secret_file=$SECRET" -s jwt_issuer=toegang-dev
	-s "pseudonym_key_file=$STATE/pseudonym.key")
out=$("$BUILD/toegangd" "${conf[@]}" -s plugins=wrongabi -t 2>&1); rc=$?
check "a plugin built against another API version stops the daemon, naming plugin and versions" \
	eval '[ $rc -ne 0 ] && grep -q "plugin wrongabi" <<<"$out" && grep -q "plugin API 2" <<<"$out" && grep -q "plugin API 1" <<<"$out"'
out=$("$BUILD/toegangd" "${conf[@]}" -s plugins=nosymbol -t 2>&1); rc=$?
check "a shared object without the descriptor symbol is refused" \
	eval '[ $rc -ne 0 ] && grep -q "plugin nosymbol.*toegang_plugin_describe" <<<"$out"'
out=$("$BUILD/toegangd" "${conf[@]}" -s plugins=whoami -t 2>&1); rc=$?
check "the same configuration with good plugins passes the check" test "$rc" = 0
out=$("$BUILD/toegangd" "${conf[@]}" -s plugins=verwijzing -s "data_dir=$SRC/data" -t 2>&1); rc=$?
check "a zaak plugin with its code lists passes the check" test "$rc" = 0
out=$("$BUILD/toegangd" "${conf[@]}" -s plugins=verwijzing -s "data_dir=$STATE/no-such-dir" -t 2>&1); rc=$?
check "missing code lists stop the daemon, naming the file" \
	eval '[ $rc -ne 0 ] && grep -q "no-such-dir/codelijsten/CBS_Gemeentecodes.md" <<<"$out"'
mkdir -p "$STATE/bad-lists"
printf '| 0301 | Zutphen |\n' >"$STATE/bad-lists/CBS_Gemeentecodes.md"
printf 'no table here\n' >"$STATE/bad-lists/JZ020_Productcategorie.md"
out=$("$BUILD/toegangd" "${conf[@]}" -s plugins=verwijzing -s "verwijzing.codelijsten=$STATE/bad-lists" -t 2>&1); rc=$?
check "a code list without codes stops the daemon, naming the file" \
	eval '[ $rc -ne 0 ] && grep -q "JZ020_Productcategorie.md: no codes" <<<"$out"'
out=$("$BUILD/toegangd" "${conf[@]}" -s pseudonym_key_file= -t 2>&1); rc=$?
check "no pseudonym key: exits non-zero with a clear message" \
	eval '[ $rc -ne 0 ] && grep -q "pseudonym_key_file is not set" <<<"$out"'
printf 'short\n' >"$STATE/short.key"
out=$("$BUILD/toegangd" "${conf[@]}" -s "pseudonym_key_file=$STATE/short.key" -t 2>&1); rc=$?
check "a pseudonym key under 32 bytes stops the daemon" \
	eval '[ $rc -ne 0 ] && grep -q "short.key must hold between 32" <<<"$out"'

out=$("$BUILD/toegangd" "${conf[@]}" -s jwt_hs256_secret_file= -t 2>&1); rc=$?
check "no JWT key: exits non-zero with a clear message" \
	eval '[ $rc -ne 0 ] && grep -qi "no JWT key configured" <<<"$out"'
: >"$STATE/empty.secret"
out=$("$BUILD/toegangd" "${conf[@]}" -s "jwt_hs256_secret_file=$STATE/empty.secret" -t 2>&1); rc=$?
check "an empty JWT key file: exits non-zero with a clear message" \
	eval '[ $rc -ne 0 ] && grep -q "empty.secret" <<<"$out"'
out=$("$BUILD/toegangd" "${conf[@]}" -s jwt_alg=RS256 -s "jwt_public_key_file=$STATE/nothing.pem" -t 2>&1); rc=$?
check "a missing public key file: exits non-zero" eval '[ $rc -ne 0 ] && grep -q "nothing.pem" <<<"$out"'
out=$("$BUILD/toegangd" "${conf[@]}" -s wokers=3 -t 2>&1); rc=$?
check "an unknown configuration key stops the daemon" eval '[ $rc -ne 0 ] && grep -q "wokers" <<<"$out"'

# ---------------------------------------------------------------- request helpers (probe plugin)
CJG=$(token -r cjg)
echo_post() { request POST /api/v1/test/echo -H "$(bearer "$CJG")" "$@"; }
echo_post -H 'Content-Type: application/json' --data '{"a":1,"b":2}'
check "a JSON body reaches the plugin" test "$STATUS:$(json "['members']")" = "200:2"
echo_post -H 'Content-Type: application/json; charset=utf-8' --data '{"a":1}'
check "charset=utf-8 is accepted" test "$STATUS" = 200
echo_post -H 'Content-Type: text/plain' --data '{"a":1}'
check "wrong content type: 415 problem" is_problem 415
echo_post -H 'Content-Type: application/json' --data '{"a":'
check "malformed JSON: 400 problem" is_problem 400
echo_post -H 'Content-Type: application/json' --data '{"a":1,"a":2}'
check "duplicate keys: 400 problem" is_problem 400
echo_post -H 'Content-Type: application/json' --data '[1,2]'
check "a JSON array instead of an object: 422 problem" is_problem 422
printf '{"a":"\xff"}' >"$STATE/badutf8.json"
echo_post -H 'Content-Type: application/json' --data-binary @"$STATE/badutf8.json"
check "invalid UTF-8: 400 problem" is_problem 400
python3 -c 'print("{\"a\":\"" + "x"*70000 + "\"}")' >"$STATE/big.json"
echo_post -H 'Content-Type: application/json' --data-binary @"$STATE/big.json"
check "a body over max_body_bytes: 413 problem" is_problem 413
request POST /api/v1/test/echo -H "$(bearer "$(token -r huisarts)")" -H 'Content-Type: application/json' --data '{}'
check "a role the route does not allow: 403 problem" is_problem 403
request GET /api/v1/test/db -H "$(bearer "$CJG")"
check "a plugin's own prepared statement runs" test "$STATUS:$(json "['sum']")" = "200:42"

request POST /api/v1/test/aborted-commit -H "$(bearer "$CJG")"
check "COMMIT of a transaction a statement aborted is reported as not committed" \
	test "$STATUS:$(json "['committed']")" = "200:False"
request GET /api/v1/test/slow -H "$(bearer "$CJG")" --data-urlencode $'ms=1\r\nX: y' -G
check "a control character in a query value is dropped, not a 5xx" test "$STATUS" = 200
out=$("$BUILD/toegangd" "${conf[@]}" -s plugins=whoami -s whoam.greeting=hi -t 2>&1); rc=$?
check "a dotted key for a plugin that is not loaded stops the daemon" \
	eval '[ $rc -ne 0 ] && grep -q "whoam.greeting" <<<"$out"'

# ---------------------------------------------------------------- database and roles
check "the daemon's role is no superuser, has no BYPASSRLS, owns nothing" test \
	"$(psql_owner "SELECT rolsuper, rolbypassrls, (SELECT count(*) FROM pg_class WHERE relowner = r.oid) FROM pg_roles r WHERE rolname = 'toegang_app'")" = "f|f|0"
check "migrations are recorded" test "$(psql_owner "SELECT count(*) FROM schema_migratie WHERE versie = 1")" = 1
out=$("$BUILD/toegang-migrate" "host=$STATE/run/pg dbname=toegang user=toegang_owner" "$SRC/sql" 2>&1)
check "migrations are never re-applied" grep -q "0 applied" <<<"$out"
mkdir -p "$STATE/sql-bad"
cp "$SRC"/sql/*.sql "$STATE/sql-bad/"
printf 'CREATE TABLE half_done (x int);\nSELECT 1/0;\n' >"$STATE/sql-bad/900_broken.sql"
"$BUILD/toegang-migrate" "host=$STATE/run/pg dbname=toegang user=toegang_owner" "$STATE/sql-bad" >/dev/null 2>&1; rc=$?
check "a failing migration exits non-zero and rolls back whole" eval \
	'[ $rc -ne 0 ] && [ "$(psql_owner "SELECT count(*) FROM schema_migratie WHERE versie = 900")" = 0 ] && [ -z "$(psql_owner "SELECT to_regclass('"'half_done'"')")" ]'
request GET /api/v1/whoami -H "$(bearer "$(token -r ouder)")"
check "a plugin's read lands in the access log (role, action, outcome)" test \
	"$(psql_owner "SELECT rol || ':' || actie || ':' || uitkomst FROM toegangslog ORDER BY id DESC LIMIT 1")" = "ouder:whoami:ok"
check "the daemon's role cannot change the access log" \
	eval '! psql_app "UPDATE toegangslog SET uitkomst = '"'x'"'" >/dev/null 2>&1'
check "the daemon's role cannot delete from the access log" \
	eval '! psql_app "DELETE FROM toegangslog" >/dev/null 2>&1'

# ---------------------------------------------------------------- the FastCGI socket
SOCK=$STATE/run/fcgi/toegangd.sock
check "the socket belongs to group www-data, mode 0660" test "$(stat -c '%G %a' "$SOCK")" = "www-data 660"
check "user nobody cannot reach the socket" eval '! runuser -u nobody -- test -w "$SOCK"'
check "the workers do not run as root" eval '[ -n "$(workers)" ] && ! ps -o user= -p "$(workers | xargs | tr " " ",")" | grep -q root'

# ---------------------------------------------------------------- losing the database
"$STACK" pg-stop "$STATE"
request GET /api/v1/health
check "database down: health answers 503 problem" is_problem 503
request GET /api/v1/test/db -H "$(bearer "$CJG")"
check "database down: a plugin's request gets 503 problem" is_problem 503
"$STACK" pg-start "$STATE"
sleep 1.2 # reconnection is tried at most once a second
request GET /api/v1/health
check "database back: the workers reconnect (health 200)" test "$STATUS" = 200
request GET /api/v1/test/db -H "$(bearer "$CJG")"
check "database back: prepared statements work again" test "$STATUS:$(json "['sum']")" = "200:42"

# ---------------------------------------------------------------- a worker killed under load
LOAD_END=$(( $(date +%s) + 4 ))
( while [ "$(date +%s)" -lt $LOAD_END ]; do curl -s -o /dev/null "$BASE/api/v1/health"; done ) &
LOAD=$!
( while [ "$(date +%s)" -lt $LOAD_END ]; do curl -s -o /dev/null "$BASE/api/v1/health"; done ) &
LOAD2=$!
sleep 1
VICTIM=$(pgrep -P "$(master_pid)" | head -n 1)
kill -9 "$VICTIM"
sleep 1.5
check "kill -9 of a worker under load: the master replaces it" \
	eval '[ "$(pgrep -P "$(master_pid)" | wc -l)" = 2 ] && ! pgrep -P "$(master_pid)" | grep -qx "$VICTIM"'
wait $LOAD $LOAD2
fails=0
for _ in $(seq 1 50); do
	[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/health")" = 200 ] || fails=$((fails + 1))
done
check "after the kill, 50 requests in a row succeed" test "$fails" = 0

# ---------------------------------------------------------------- zaken (issue 3)
# shellcheck source=tests/integration/zaak.sh
. "$SRC/tests/integration/zaak.sh"
# shellcheck source=tests/integration/routes.sh
. "$SRC/tests/integration/routes.sh"
# shellcheck source=tests/integration/procedure.sh
. "$SRC/tests/integration/procedure.sh"
# shellcheck source=tests/integration/kader.sh
. "$SRC/tests/integration/kader.sh"
# shellcheck source=tests/integration/zaak_db.sh
. "$SRC/tests/integration/zaak_db.sh"
# shellcheck source=tests/integration/pgb.sh
. "$SRC/tests/integration/pgb.sh"
# shellcheck source=tests/integration/ijw.sh
. "$SRC/tests/integration/ijw.sh"
# shellcheck source=tests/integration/outbound.sh
. "$SRC/tests/integration/outbound.sh"
# shellcheck source=tests/integration/web.sh
. "$SRC/tests/integration/web.sh"
# shellcheck source=tests/integration/openapi.sh
. "$SRC/tests/integration/openapi.sh"
# shellcheck source=tests/integration/attack.sh
. "$SRC/tests/integration/attack.sh"
# shellcheck source=tests/integration/rls.sh
. "$SRC/tests/integration/rls.sh"

# ---------------------------------------------------------------- logs
LOG=$STATE/log/toegangd.log
check "every log line is one JSON object" python3 -c '
import json, sys
for line in open(sys.argv[1]):
    if line.startswith("{"):
        json.loads(line)
    elif line.strip():
        sys.exit("not JSON: " + line[:80])
' "$LOG"
check "log lines carry a request id" grep -q '"event":"request".*"rid":"' "$LOG"
check "no token, BSN or claim value in the log" \
	eval '! grep -q -e "$GOOD" -e "111222333" -e "123456782" -e "eyJ" "$LOG"'
check "no sanitizer report in the log" eval '! grep -q -e "ERROR: AddressSanitizer" -e "runtime error:" "$LOG"'

# ---------------------------------------------------------------- graceful stop
SLOW_OUT=$STATE/slow.out
curl -s -o "$SLOW_OUT" -w '%{http_code}' -H "$(bearer "$CJG")" "$BASE/api/v1/test/slow?ms=1500" >"$STATE/slow.status" &
SLOW=$!
sleep 0.5
MASTER=$(master_pid)
kill -TERM "$MASTER"
wait $SLOW
check "SIGTERM lets the request in flight finish (200)" test "$(cat "$STATE/slow.status")" = 200
for _ in $(seq 1 50); do kill -0 "$MASTER" 2>/dev/null || break; sleep 0.1; done
check "then the daemon exits" eval '! kill -0 "$MASTER" 2>/dev/null'
check "and logged that it stopped" grep -q '"event":"stopped"' "$LOG"

echo "passed $PASSED failed $FAILED"
[ "$FAILED" -eq 0 ]
