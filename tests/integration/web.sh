# shellcheck shell=bash
# Sourced by run.sh: what the web pages rely on from nginx and the daemon —
# the dev sign-in endpoint (on in this stack, off by default), the security
# headers on pages, API answers and nginx's own errors, and pages without
# inline script or style (the CSP forbids them). The pages themselves are
# tested in a browser by tests/browser/.

# ---------------------------------------------------------------- dev sign-in
mint() { request POST /api/v1/dev/token -H 'Content-Type: application/json' --data-binary "$1"; }

mint '{"role":"huisarts","agb":"01234567"}'
DEVTOKEN=$(json "['token']")
check "dev sign-in: POST /api/v1/dev/token mints a token for a role (200, token_type Bearer, expires_in 3600)" \
	eval '[ "$STATUS" = 200 ] && [ "$(json "[\"token_type\"]")" = Bearer ] && [ "$(json "[\"expires_in\"]")" = 3600 ] && [ -n "$DEVTOKEN" ]'
request GET /api/v1/whoami -H "Authorization: Bearer $DEVTOKEN"
check "dev sign-in: the token is accepted by the API as that role" \
	eval '[ "$STATUS" = 200 ] && [ "$(json "[\"role\"]")" = huisarts ] && [ "$(json "[\"identity_claim\"]")" = agb ]'
check "dev sign-in: the token's claims are iss toegang-dev, aud toegang, exp one hour after iat" python3 -c '
import base64, json, sys
p = sys.argv[1].split(".")[1]
c = json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))
assert c["iss"] == "toegang-dev" and c["aud"] == "toegang" and c["exp"] - c["iat"] == 3600, c
assert c["role"] == "huisarts" and c["agb"] == "01234567" and set(c) == {"iss", "aud", "sub", "role", "agb", "iat", "exp"}, c
' "$DEVTOKEN"
request GET /api/v1/zaken -H "Authorization: Bearer $DEVTOKEN"
check "dev sign-in: the minted token reads the API (GET /zaken 200)" test "$STATUS" = 200

mint '{"role":"ouder","bsn":"123456789"}'
check "dev sign-in: a BSN that fails the elfproef → 422 naming bsn" \
	eval 'is_problem 422 && [ "$(json "[\"invalid-params\"][0][\"name\"]")" = bsn ]'
mint '{"role":"koning","bsn":"123456782"}'
check "dev sign-in: an unknown role → 422 naming role" \
	eval 'is_problem 422 && printf "%s" "$BODY" | grep -q "\"name\":\"role\""'
mint '{"role":"cjg","gemeente":"0301","agb":"01234567"}'
check "dev sign-in: a claim that is not the role's → 422 naming it (no token with two identities)" \
	eval 'is_problem 422 && [[ "$BODY" == *\"name\":\"agb\"* ]] && [[ "$BODY" != *\"token\"* ]]'
mint '["cjg"]'
check "dev sign-in: a body that is not an object → 422 problem" is_problem 422
request POST /api/v1/dev/token -H 'Content-Type: text/plain' --data-binary '{"role":"cjg","gemeente":"0301"}'
check "dev sign-in: another content type → 415 problem" is_problem 415
request GET /api/v1/dev/token
check "dev sign-in: GET → 405 problem" is_problem 405
check "dev sign-in: the minted tokens never reach the log" eval '! grep -q "eyJ" "$STATE/log/toegangd.log"'

restart_daemon devtoken.enabled=no
mint '{"role":"huisarts","agb":"01234567"}'
check "dev sign-in off (devtoken.enabled = no): 404, as an unknown path, and no token" \
	eval 'is_problem 404 && [[ "$BODY" != *\"token\"* ]]'
out=$("$BUILD/toegangd" "${conf[@]}" -s "data_dir=$SRC/data" -t 2>&1)
check "the shipped toegang.conf does not load devtoken" eval '! grep -q "^plugins *=.*devtoken" "$SRC/etc/toegang.conf" && printf "%s" "$out" | grep -q "configuration OK"'
out=$("$BUILD/toegangd" "${conf[@]}" -s "plugins=devtoken" -s devtoken.enabled=yes -t 2>&1); rc=$?
check "devtoken.enabled = yes without devtoken.secret_file: the daemon refuses to start" \
	eval '[ $rc -ne 0 ] && printf "%s" "$out" | grep -q "devtoken.secret_file"'
out=$("$BUILD/toegangd" "${conf[@]}" -s "plugins=devtoken" -s devtoken.enabled=maybe -t 2>&1); rc=$?
check "devtoken.enabled must be yes or no" eval '[ $rc -ne 0 ] && printf "%s" "$out" | grep -q "yes or no"'
out=$("$BUILD/toegangd" "${conf[@]}" -s "plugins=devtoken" -s devtoken.enabled=yes \
	-s "devtoken.secret_file=$SECRET" -s devtoken.lifetime=59 -t 2>&1); rc=$?
check "devtoken.lifetime outside 60-43200 seconds: the daemon refuses to start" \
	eval '[ $rc -ne 0 ] && printf "%s" "$out" | grep -q "60 to 43200"'
restart_daemon

# ---------------------------------------------------------------- security headers
CSP_WANT="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'"
security_headers() { # security_headers WHAT: the answer in HEADERS carries them all, once each
	[ "$(header Content-Security-Policy)" = "$CSP_WANT" ] &&
		[ "$(header X-Content-Type-Options)" = nosniff ] &&
		[ "$(printf '%s\n' "$HEADERS" | grep -ci '^X-Content-Type-Options:')" = 1 ] &&
		[ "$(header X-Frame-Options)" = DENY ] &&
		[ "$(header Referrer-Policy)" = no-referrer ] &&
		[ -n "$(header Permissions-Policy)" ]
}
for page in / /index.html /aanmelden.html /verwijzing.html /mandaat.html /overdracht.html /ouder.html /cjg.html; do
	request GET "$page"
	check "page $page: 200 text/html with the security headers (strict CSP, frame-ancestors none, nosniff, referrer-policy)" \
		eval '[ "$STATUS" = 200 ] && header Content-Type | grep -q "^text/html" && security_headers'
done
request GET /js/formulier.js
check "a script: text/javascript with the security headers" \
	eval '[ "$STATUS" = 200 ] && header Content-Type | grep -q "^text/javascript" && security_headers'
request GET /vendor/utrecht/component-library.css
check "the Utrecht component library CSS is served from this site (no CDN), with the headers" \
	eval '[ "$STATUS" = 200 ] && header Content-Type | grep -q "^text/css" && security_headers'
request GET /vendor/utrecht/design-tokens.css
check "the Utrecht design tokens CSS is served from this site" \
	eval '[ "$STATUS" = 200 ] && [[ "$BODY" == *--utrecht-* ]]'
request GET /api/v1/health
check "an API answer carries the security headers too (nosniff once)" eval '[ "$STATUS" = 200 ] && security_headers'
request GET /no-such-page.html
check "nginx's own 404 carries the security headers" eval '[ "$STATUS" = 404 ] && security_headers'
request POST /api/v1/verwijzingen -H 'Content-Type: application/json' --data-binary @<(head -c 1100000 /dev/zero | tr '\0' 'a')
check "nginx's own 413 problem carries the security headers" eval 'is_problem 413 && security_headers'

# ---------------------------------------------------------------- the pages as files
SITE=$BUILD/site
check "the served tree holds every page of www/ and the two Utrecht stylesheets" \
	eval 'for f in "$SRC"/www/*.html; do [ -f "$SITE/$(basename "$f")" ] || exit 1; done; [ -s "$SITE/vendor/utrecht/component-library.css" ] && [ -s "$SITE/vendor/utrecht/design-tokens.css" ]'
check "the served pages are whole: every shared part was put in (no '<!-- deel:' left), partials/ not served" \
	eval '! grep -l "<!-- deel:" "$SITE"/*.html && [ ! -e "$SITE/partials" ] && grep -q "Naar de inhoud" "$SITE/mandaat.html"'
check "no page has an inline script, an event-handler attribute or a style attribute (the CSP forbids them)" \
	eval '! grep -nE "<script(>| [^>]*>[^<]*[^ <])|<script>|[[:space:]]on[a-z]+=|[[:space:]]style=|<style" "$SITE"/*.html'
check "every page loads its script as a module from this site and the Utrecht CSS from /vendor/" \
	eval 'for f in "$SITE"/*.html; do grep -q "<script type=\"module\" src=\"/js/" "$f" && grep -q "href=\"/vendor/utrecht/component-library.css\"" "$f" || exit 1; done'
check "no page or script refers to another origin (no CDN, no external font)" \
	eval '! grep -nE "(src|href)=\"(https?:)?//|@import|fonts\.googleapis|unpkg|jsdelivr" "$SITE"/*.html "$SRC"/www/js/*.js "$SRC"/www/css/*.css'
check "no script keeps a token in localStorage, a cookie or a URL" \
	eval '! grep -nE "localStorage|document\.cookie|[?&](token|access_token)=" "$SRC"/www/js/*.js'
check "no script writes HTML from data (innerHTML, outerHTML, insertAdjacentHTML, document.write)" \
	eval '! grep -nE "innerHTML|outerHTML|insertAdjacentHTML|document\.write" "$SRC"/www/js/*.js'
check "the dependencies come from package-lock.json (npm ci), with integrity hashes" \
	eval 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); p=d[\"packages\"]; assert all(v.get(\"integrity\") for k,v in p.items() if k), \"no integrity\"; assert \"node_modules/@utrecht/component-library-css\" in p and \"node_modules/@utrecht/design-tokens\" in p" "$SRC/package-lock.json"'

# ---------------------------------------------------------------- production nginx
PROD=$STATE/prod-nginx
mkdir -p "$PROD/ssl" "$PROD/site" "$PROD/etc" "$PROD/log"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=portaal.example.nl \
	-keyout "$PROD/ssl/privkey.pem" -out "$PROD/ssl/fullchain.pem" >/dev/null 2>&1
cp "$SRC"/etc/nginx-security-headers.conf "$SRC"/etc/nginx-hsts.conf "$PROD/etc/"
sed -e "s|/etc/ssl/toegang/|$PROD/ssl/|g" -e "s|/usr/local/share/toegang/|$PROD/|g" \
	-e "s|/var/log/nginx/|$PROD/log/|g" -e "s|/run/nginx-toegang.pid|$PROD/nginx.pid|" \
	-e "s|idp.example.nl|127.0.0.1|g" "$SRC/etc/nginx-production.conf.example" >"$PROD/nginx.conf"
out=$(nginx -t -c "$PROD/nginx.conf" -p "$PROD" 2>&1)
check "the production nginx example passes nginx -t" eval 'printf "%s" "$out" | grep -q "test is successful"'
check "the production nginx example sends HSTS and the security headers, and keeps the dev sign-in closed" \
	eval 'grep -q "Strict-Transport-Security \"max-age=" "$SRC/etc/nginx-hsts.conf" && grep -q "include .*nginx-hsts.conf" "$SRC/etc/nginx-production.conf.example" && grep -q "location /api/v1/dev/ { return 404; }" "$SRC/etc/nginx-production.conf.example"'
check "HSTS is not sent by the dev stack (plain http)" eval 'request GET /; [ -z "$(header Strict-Transport-Security)" ]'

# ---------------------------------------------------------------- compression
gz_size() { curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$BASE$1"; }
check "the Utrecht CSS goes out compressed to a browser that asks (a parent's phone: under 80 KB for both files)" \
	eval '[ $(( $(gz_size /vendor/utrecht/component-library.css) + $(gz_size /vendor/utrecht/design-tokens.css) )) -lt 81920 ]'
request GET /api/v1/health -H 'Accept-Encoding: gzip'
check "API answers are not compressed (no BREACH-style length oracle on answers with personal data)" \
	eval '[ "$STATUS" = 200 ] && [ -z "$(header Content-Encoding)" ]'
