# PostgreSQL crashes under a steady create load (sourced by run.sh): the
# postmaster is killed -9, what it leaves is killed -9 too (an operator's
# crash: the OOM killer, a power cut of the host), the cluster stays down for
# a while and is started again (crash recovery). The daemon must answer 503
# problem+json meanwhile, lose nothing it acknowledged, leave no half-written
# zaak, and serve again once the database is back.

PG_DOWN=2   # seconds the cluster stays down

PG_WORKERS=$(workers)
load_start pg 20000000
sleep 3
hold_commits 60
check "setup: creates are waiting at their COMMIT when the database dies ($AT_COMMIT)" test "$AT_COMMIT" -gt 0
PG_PM=$(head -n 1 "$STATE/pg/postmaster.pid")
mapfile -t PG_KIDS < <(pgrep -P "$PG_PM")
T_PG_KILL=$(now)
kill -9 "$PG_PM"
sleep 1
mapfile -t PG_LEFT < <(alive "${PG_KIDS[@]}")
figure "postmaster killed with ${#PG_KIDS[@]} children; 1 s later ${#PG_LEFT[@]} still ran (killed -9 now)"
[ ${#PG_LEFT[@]} -gt 0 ] && kill -9 "${PG_LEFT[@]}" 2>/dev/null
wait_for 5 gone "${PG_KIDS[@]}"
check "nothing of the old cluster runs before the restart" gone "$PG_PM" "${PG_KIDS[@]}"
request_during=$(health)
check "health answers 503 while the database is down (got $request_during)" test "$request_during" = 503
sleep "$PG_DOWN"
T_PG_START=$(now)
# (pg_ctl says "another server might be running": the dead one's pid file)
check "the cluster starts again after the crash (crash recovery)" \
	eval '"$STACK" pg-start "$STATE" 2>"$STATE/log/pg-start.err"' 
T_PG_UP=$(now)
figure "cluster down $(since "$T_PG_KILL" "$T_PG_START") s; restart with recovery took $(since "$T_PG_START" "$T_PG_UP") s"
sleep 5
load_stop pg
check "the daemon's master and workers lived through it (same pids)" test "$(workers)" = "$PG_WORKERS"
load_retry pg
verify pg --answers db --event up="$T_PG_UP" --after up --resume-within 5
