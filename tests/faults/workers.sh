# Workers killed -9 under a steady create load (sourced by run.sh): first one,
# then all at once. The master must replace them; a client may lose only the
# request a dead worker had in hand (nginx sees the connection close before
# an answer, a 502, which its error_page turns into the 503 problem+json
# "unavailable"), and nothing acknowledged may be missing or half-written.

# replaced OLD...: the master runs WORKERS workers again, none of them in OLD
replaced() {
	local now_ w
	now_=$(workers)
	[ "$(wc -w <<<"$now_")" = "$WORKERS" ] || return 1
	for w in "$@"; do
		grep -qw -- "$w" <<<"$now_" && return 1
	done
	return 0
}

# kill_workers WHAT PID...: kill -9 them (KILLED: when); the master must run
# WORKERS workers again, none of these, within 3 s
kill_workers() {
	local what=$1; shift
	KILLED=$(now)
	kill -9 "$@"
	wait_for 3 replaced "$@"
	check "$what killed -9: the master replaces them within 3 s ($(since "$KILLED" "$(now)") s)" \
		replaced "$@"
}

load_start workers 30000000
sleep 3
read -r -a W_BEFORE <<<"$(workers)"
kill_workers "one worker" "${W_BEFORE[0]}"
T_W_ONE=$KILLED
sleep 3
read -r -a W_BEFORE <<<"$(workers)"
kill_workers "all $WORKERS workers" "${W_BEFORE[@]}"
T_W_ALL=$KILLED
sleep 4
load_stop workers
load_retry workers
verify workers --answers gateway --event one="$T_W_ONE" --event all="$T_W_ALL" \
	--bound one:all:1 --bound all:end:"$WORKERS" --throughput one:all
