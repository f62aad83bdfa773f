# Slow clients (slowloris; sourced by run.sh): hundreds of connections that
# send their headers, or a POST body, a byte every 2 s, from another loopback
# address (127.0.0.2). nginx reads a request whole before it passes it on
# (fastcgi_request_buffering), so no FastCGI worker ever waits for them, and
# client_header_timeout cuts the slow headers off. Normal clients must keep
# being served: their latency is measured without and with the slow ones.

# 2500 in all: more than nginx's 2 x 1024 connections of old, which this
# many starved (docs/reliability.md); each normal client still needs one.
S_HEADERS=2000
S_BODIES=500
load_start slow-base 50000000
sleep 6
load_stop slow-base
verify slow-base --answers none

rm -f "$STATE/slow.stop"
python3 "$HERE/slow.py" --port "$PORT" --stop "$STATE/slow.stop" --headers "$S_HEADERS" \
	--bodies "$S_BODIES" --every 2 --token "$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["huisarts"])' "$STATE/tokens.json")" \
	>"$STATE/slow.json" 2>"$STATE/slow.err" &
S_PID=$!
LOADS+=("$S_PID")
sleep 3
# Only the slow clients now: how many reach the daemon?
s_max=0
for _ in $(seq 1 20); do
	n=$(fcgi_conns)
	[ "$n" -gt "$s_max" ] && s_max=$n
	sleep 0.1
done
s_nginx=$(tcp_conns)
s_rss=$(ps -o rss= -p "$(pgrep -d, -P "$(cat "$STATE/nginx/nginx.pid")")" | awk '{s += $1} END {print int(s / 1024)}')
figure "slow clients connected to nginx: $s_nginx ($S_HEADERS slow headers, $S_BODIES slow bodies); nginx workers' RSS $s_rss MiB"
check "the slow clients hold no connection to the daemon (at most $s_max seen)" test "$s_max" = 0
load_start slow 60000000
sleep 12   # longer than client_header_timeout: the slow headers are cut off meanwhile
load_stop slow
touch "$STATE/slow.stop"
wait "$S_PID"
figure "slow clients: $(cat "$STATE/slow.json" "$STATE/slow.err")"
check "the slow clients got all their connections" \
	python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1]))["refused"] != 0)' "$STATE/slow.json"
check "nginx cuts slow headers off (client_header_timeout): slow connections closed by the server" \
	python3 -c 'import json, sys; s = json.load(open(sys.argv[1])); sys.exit(not (s["closed_by_server"] >= int(sys.argv[2]) and s["lifetime_max_s"] <= 15))' \
	"$STATE/slow.json" "$S_HEADERS"
verify slow --answers none

# Out of connections: nginx cannot open one to the daemon and answers 500
# itself. The API's error_page makes that the 503 problem+json too. Shown
# with a nginx of one worker and 24 connections, all but what the request
# needs held by slow clients; the stack's own configuration comes back after.
cp "$STATE/nginx/nginx.conf" "$STATE/nginx/nginx.conf.full"
sed -i -e 's/^worker_processes .*/worker_processes 1;/' \
	-e 's/worker_connections [0-9]*;/worker_connections 24;/' "$STATE/nginx/nginx.conf"
nginx_ctl -s reload 2>/dev/null
sleep 1
s_seen=""
for n in 21 20 22 19 18 17; do
	rm -f "$STATE/slow.stop"
	python3 "$HERE/slow.py" --port "$PORT" --stop "$STATE/slow.stop" --headers "$n" --bodies 0 \
		--every 1 >/dev/null 2>&1 &
	S_PID=$!
	LOADS+=("$S_PID")
	sleep 1.5
	s_seen+="$n:$(curl -s -o /dev/null -m 5 -w '%{http_code}/%{content_type}' "$BASE/api/v1/health") "
	touch "$STATE/slow.stop"
	wait "$S_PID"
	[[ $s_seen == *503/application/problem+json* ]] && break
done
cp "$STATE/nginx/nginx.conf.full" "$STATE/nginx/nginx.conf"
nginx_ctl -s reload 2>/dev/null
figure "nginx with 24 connections, N held by slow clients, health answers: $s_seen"
check "nginx out of connections to the daemon: 503 problem+json, not its own 500 page" \
	eval '[[ $s_seen == *503/application/problem+json* && $s_seen != *500/* ]]'
sleep 1
check "nginx back with its own configuration serves again" test "$(health)" = 200
