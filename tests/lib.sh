# What the shell test runners share (tests/integration, tests/faults,
# tests/scaleout): the sanitizers' settings for the daemon they start, and
# the tally of checks each writes to its result file for tests/summary.sh.
# Sourced, not run.

# The daemon runs with sanitizers in ./dev test: a finding aborts the worker
# (the master's "worker-died" line shows it) and fails the log checks.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

PASSED=0
FAILED=0
ok() { PASSED=$((PASSED + 1)); echo "ok   - $1"; }
not_ok() { FAILED=$((FAILED + 1)); echo "FAIL - $1${2:+: $2}"; }
check() { # check NAME COMMAND...: passes when the command succeeds
	local name=$1; shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}
