# nginx goes away with requests in flight (sourced by run.sh): first a fast
# stop (nginx -s stop, SIGTERM: connections are closed, requests and all),
# then a crash (kill -9 of the master, then of the workers it leaves behind,
# which otherwise keep serving and keep the port). Each time nginx is started
# again. The clients retry what got no answer with the same Idempotency-Key,
# as the pages do. The daemon must keep running and serve again, and every
# create cut off in flight must be whole in the database (the retry gets the
# same zaak, 200) or absent (the retry makes it, 201).

N_WORKERS=$(workers)
N_MASTER=$(master_pid)

load_start nginx 40000000 --retry
sleep 3
hold_commits 1
check "setup: creates are waiting at their COMMIT when nginx stops ($AT_COMMIT)" test "$AT_COMMIT" -gt 0
N_PID=$(cat "$STATE/nginx/nginx.pid")
T_N_STOP=$(now)
nginx_ctl -s stop 2>/dev/null
wait_for 5 gone "$N_PID"
check "nginx -s stop: nginx is gone" gone "$N_PID"
sleep 2
check "nginx starts again after the stop" "$STACK" nginx-start "$STATE"
T_N_UP1=$(now)
figure "nginx down (stop) $(since "$T_N_STOP" "$T_N_UP1") s"
sleep 3

N_PID=$(cat "$STATE/nginx/nginx.pid")
mapfile -t N_KIDS < <(pgrep -P "$N_PID")
T_N_KILL=$(now)
kill -9 "$N_PID"
sleep 0.5
orphans=$(health)
figure "nginx master killed -9: its ${#N_KIDS[@]} workers keep serving (health: $orphans) and hold the port; killed -9 too"
kill -9 "${N_KIDS[@]}" 2>/dev/null
wait_for 5 gone "${N_KIDS[@]}"
sleep 1
check "nginx starts again after the crash (master and workers killed -9)" "$STACK" nginx-start "$STATE"
T_N_UP2=$(now)
figure "nginx down (crash) $(since "$T_N_KILL" "$T_N_UP2") s"
sleep 3
load_stop nginx
check "the daemon kept running: the same master and workers" \
	test "$(master_pid):$(workers)" = "$N_MASTER:$N_WORKERS"
check "and serves: health 200 through the new nginx" test "$(health)" = 200
verify nginx --answers any --all-answered --event up="$T_N_UP2" --after up
