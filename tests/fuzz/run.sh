#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz/fuzz.mk) and runs each of them.
#
#   run.sh check BUILD SRC [SECONDS]   make check-fuzz: each harness briefly
#                                      (default 30 s), two at a time; writes
#                                      BUILD/tests/fuzz.result "passed N failed M"
#   run.sh fuzz BUILD SRC [SECONDS]    make fuzz: each harness longer (default 300 s)
#
# From the environment (set by Makefile.am): CLANG, FUZZ_DEP_CFLAGS,
# FUZZ_DEP_LIBS, FUZZ_VERSION, MAKE; FUZZ_HARNESSES picks some harnesses,
# FUZZ_JOBS how many run at once (default 2: the machine's two cores).
#
# Each harness runs in BUILD/tests/fuzz on a copy of its seeds
# (tests/fuzz/corpus/<name>, never written) in BUILD/tests/fuzz/corpus/<name>,
# which keeps what the runs add; its log is BUILD/tests/fuzz/logs/<name>.log,
# a crash, leak or timeout input BUILD/tests/fuzz/artifacts/<name>-*. A crash,
# leak, timeout, a failed build, or a body route without a seed fails it.
set -u
mode=${1:?usage: run.sh check|fuzz BUILD SRC [SECONDS]}
build=${2:?} src=${3:?} seconds=${4:-}
case $mode in
check) seconds=${seconds:-30} ;;
fuzz) seconds=${seconds:-300} ;;
*) echo "run.sh: mode is check or fuzz, not $mode" >&2; exit 2 ;;
esac
all="router routes jw315 jwt jwt_claims validate problem"
harnesses=${FUZZ_HARNESSES:-$all}
jobs=${FUZZ_JOBS:-2}
out=$build/tests/fuzz
result=$build/tests/fuzz.result
mkdir -p "$out/logs" "$out/artifacts" "$out/corpus" "$out/tmp"
# The harnesses' scratch files (keys, secrets), left behind only by a crash.
export TMPDIR=$out/tmp
rm -f "$result"

count() { set -- $harnesses; echo $#; }
for h in $harnesses; do
	case " $all " in *" $h "*) ;; *) echo "fuzz: no harness $h (there are: $all)" >&2; exit 2 ;; esac
done

# --------------------------------------------------------------------- build
# A build tree configured before clang was installed still finds it.
if [ -z "${CLANG:-}" ] || [ "$CLANG" = no ]; then
	CLANG=$(command -v clang || command -v clang-14 || echo no)
fi
if [ "$CLANG" = no ] || ! command -v "$CLANG" >/dev/null 2>&1; then
	echo "fuzz: clang not found (configure looks for it; ./dev test installs the Debian packages clang and libclang-rt-14-dev)" >&2
	echo "passed 0 failed $(count)" >"$result"
	exit 1
fi
echo "fuzz: building the harnesses with $CLANG (log: $out/logs/build.log)"
if ! ${MAKE:-make} -j"$jobs" -f "$src/tests/fuzz/fuzz.mk" SRC="$src" OUT="$out" CLANG="$CLANG" \
	VERSION="${FUZZ_VERSION:-0}" DEP_CFLAGS="${FUZZ_DEP_CFLAGS:-}" DEP_LIBS="${FUZZ_DEP_LIBS:-}" \
	>"$out/logs/build.log" 2>&1; then
	tail -n 30 "$out/logs/build.log" >&2
	echo "fuzz: the build failed: every harness counts as failed" >&2
	echo "passed 0 failed $(count)" >"$result"
	exit 1
fi

# ------------------------------------------------------------------ harnesses
max_len() {
	case $1 in
	routes | jw315) echo 16384 ;; # the body cap is 64 KiB; a beschikking with 20 products is ~10 KiB
	jwt | jwt_claims) echo 9000 ;; # past the verifier's 8 KiB cap
	validate) echo 256 ;;
	*) echo 4096 ;;
	esac
}
dict() {
	case $1 in
	routes) echo "$src/tests/fuzz/dict/routes.dict" ;;
	jw315) echo "$src/tests/fuzz/dict/jw315.dict" ;;
	jwt_claims) echo "$src/tests/fuzz/dict/jwt.dict" ;;
	router) echo "$src/tests/fuzz/dict/router.dict" ;;
	esac
}

# Every body route the harness fuzzes has a seed that names it (its first line).
seeds_cover() {
	local h=$1 key firsts missing=0
	firsts=$(for f in "$src/tests/fuzz/corpus/$h"/*; do head -n 1 "$f"; echo; done)
	while IFS= read -r key; do
		case $key in '#'* | '') continue ;; esac
		if ! awk -v k="$key" '$0 == k || index($0, k " ") == 1 { found = 1 } END { exit !found }' <<<"$firsts"; then
			echo "fuzz: $h: the route \"$key\" has no seed in tests/fuzz/corpus/$h (a file whose first line names it)"
			missing=1
		fi
	done < <(FUZZ_LIST_ROUTES=1 "$out/bin/fuzz_$h" 2>/dev/null)
	return $missing
}

run_one() {
	local h=$1 log=$out/logs/$1.log d rc
	local -a opts=(-max_total_time="$seconds" -max_len="$(max_len "$h")" -timeout=10 -rss_limit_mb=2048
		-print_final_stats=1 -artifact_prefix="$out/artifacts/$h-")
	d=$(dict "$h")
	[ -n "$d" ] && opts+=(-dict="$d")
	mkdir -p "$out/corpus/$h"
	cp -n "$src/tests/fuzz/corpus/$h"/* "$out/corpus/$h/" 2>/dev/null
	(
		if [ "$h" = routes ] || [ "$h" = jw315 ]; then
			seeds_cover "$h" || exit 3
		fi
		cd "$out" && exec "$out/bin/fuzz_$h" "${opts[@]}" "$out/corpus/$h"
	) >"$log" 2>&1
	rc=$?
	echo "$rc" >"$out/logs/$h.rc"
}

running=0
for h in $harnesses; do
	echo "fuzz: $h for $seconds s"
	run_one "$h" &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait -n
		running=$((running - 1))
	fi
done
wait

# -------------------------------------------------------------------- figures
passed=0 failed=0
printf '\n%-11s %-6s %12s %9s %7s %8s %7s\n' harness result executions exec/s cov ft corpus
for h in $harnesses; do
	log=$out/logs/$h.log
	rc=$(cat "$out/logs/$h.rc" 2>/dev/null || echo 99)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -n 1)
	cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
	ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
	corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
	if [ "$rc" = 0 ]; then
		passed=$((passed + 1)) verdict=ok
	else
		failed=$((failed + 1)) verdict=FAILED
	fi
	printf '%-11s %-6s %12s %9s %7s %8s %7s\n' "$h" "$verdict" "${execs:--}" "${rate:--}" "${cov:--}" \
		"${ft:--}" "${corp:--}"
done
echo
for h in $harnesses; do
	log=$out/logs/$h.log
	[ "$(cat "$out/logs/$h.rc" 2>/dev/null)" = 0 ] && continue
	echo "fuzz: $h FAILED (log: $log)"
	grep -E '^==fuzz==|^fuzz: |ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|SUMMARY' "$log" | head -n 8 | sed 's/^/    /'
	artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
	if [ -n "$artifact" ]; then
		echo "    reproduce: $out/bin/fuzz_$h $artifact"
	fi
done
echo "passed $passed failed $failed" >"$result"
echo "fuzz: passed $passed failed $failed ($result)"
[ "$failed" = 0 ]
