# Attacks and bad input against every endpoint, through nginx (sourced by run.sh).
#
# The requests are made by tests/fixtures/attack/attack.py on raw sockets;
# the endpoints come from www/openapi.yaml and the route tables in the C
# sources, and one without a case fails. Per category (wrong method, no or
# forged token, content type, Content-Length, malformed HTTP, the body cap,
# %00/%0d%0a, family B's ids, odd ids, odd dates/codes/enum words, broken
# JSON) every answer must be a 4xx problem+json (nginx's own refusals are
# problem+json too, etc/nginx.conf.in), never a 5xx or a hang, and no answer
# may show family B's BSNs or ids. Around it: the same worker processes and
# no worker death, every table's row count unchanged (the access log only
# grows, and with no write that succeeded), and none of the BSNs or names
# sent in the daemon's or nginx's logs.
# The token attacks that run.sh's authentication section already makes
# (alg none, a forged signature, exp/nbf/iss/aud as HS256, 8 KiB and 9 MB
# tokens, ?access_token=, Basic) are not repeated; these add the rest, and
# the claims again with RS256 configured.
# Names are a_/A_ so that they cannot clash with run.sh or the other parts.

A_DIR=$STATE/attack
A_PY=$SRC/tests/fixtures/attack/attack.py
mkdir -p "$A_DIR"
for a_k in rsa other-rsa; do
	openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$A_DIR/$a_k.pem" 2>/dev/null
done
openssl pkey -in "$A_DIR/rsa.pem" -pubout -out "$A_DIR/rsa.pub" 2>/dev/null
chmod 0600 "$A_DIR"/*.pem

# Family A (gemeente 0301) and family B (0200): BSNs from 800000000, which no other part uses.
mapfile -t A_BSNS < <(z_bsns 4 799999999)
A_NAMES=("Xerxes Aanvalsproef" "Yolanda Aanvalsproef")
printf '{"A": {"jeugdige": "%s", "ouder": "%s", "gemeente": "0301"}, "B": {"jeugdige": "%s", "ouder": "%s", "gemeente": "0200"}, "names": ["%s", "%s"]}\n' \
	"${A_BSNS[@]}" "${A_NAMES[@]}" >"$A_DIR/ctx.json"

# a_run MODE ARGS...: runs the driver, each of its verdicts one check
a_run() {
	local verdict name detail
	while IFS=$'\t' read -r verdict name detail; do
		case "$verdict" in
		ok) ok "$name" ;;
		fail) not_ok "$name" "$detail" ;;
		'#') echo "# attack: $name" ;;
		*) not_ok "attack.py said something unexpected" "$verdict $name" ;;
		esac
	done < <(python3 "$A_PY" "$@" 2>&1 || echo "fail	attack.py $1 exited with an error")
}

# The row count of every table, as the postgres superuser: FORCE ROW LEVEL
# SECURITY hides the zaken from the owner as from the app role.
a_counts() {
	z_psql_super "SELECT table_name || ' ' || (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', table_name), false, true, '')))[1]
		FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
}
a_died() { grep -c '"event":"worker-died"' "$STATE/log/toegangd.log"; }

a_run setup "$PORT" "$SECRET" "$A_DIR/ctx.json"
A_COUNTS=$(a_counts)
A_LOG_ID=$(psql_owner "SELECT coalesce(max(id), 0) FROM toegangslog")
A_WORKERS=$(workers)
A_DIED=$(a_died)
A_T0=$(date +%s)

a_run battery "$PORT" "$SECRET" "$A_DIR/ctx.json" "$SRC"
a_run jwt-hs "$PORT" "$SECRET" "$A_DIR/ctx.json"

echo "# attack: battery and HS256 token attacks took $(($(date +%s) - A_T0)) s"
check "after the attacks the same workers live on, and the master saw none die" \
	eval '[ "$(workers)" = "$A_WORKERS" ] && [ "$(a_died)" = "$A_DIED" ]'
a_after=$(a_counts)
check "every table's row count is unchanged but the access log's: nothing refused was stored" \
	test "$(grep -v '^toegangslog ' <<<"$a_after")" = "$(grep -v '^toegangslog ' <<<"$A_COUNTS")"
check "the access log only noted the attempts: no write among them succeeded ($(psql_owner "SELECT count(*) FROM toegangslog WHERE id > $A_LOG_ID") rows)" \
	test "$(psql_owner "SELECT count(*) FROM toegangslog WHERE id > $A_LOG_ID AND uitkomst IN ('aangemaakt', 'uitgevoerd', 'gewijzigd')")" = 0
check "none of the BSNs or names sent is in the daemon's log or nginx's" \
	eval '! grep -q -e "${A_BSNS[0]}" -e "${A_BSNS[1]}" -e "${A_BSNS[2]}" -e "${A_BSNS[3]}" -e Aanvalsproef \
		"$STATE/log/toegangd.log" "$STATE"/log/nginx-*.log'

# RS256 configured: the key attacks again, and the claims signed by the configured key.
restart_daemon jwt_alg=RS256 "jwt_public_key_file=$A_DIR/rsa.pub"
A_WORKERS=$(workers)
A_DIED=$(a_died)
a_run jwt-rs "$PORT" "$A_DIR" "$A_DIR/ctx.json"
check "after the RS256 token attacks the same workers live on" \
	eval '[ "$(workers)" = "$A_WORKERS" ] && [ "$(a_died)" = "$A_DIED" ]'
restart_daemon
