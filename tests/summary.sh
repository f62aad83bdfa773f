#!/usr/bin/env bash
# One closing line for ./dev test: the Check unit tests (from the test
# harness's logs) plus the integration, browser, fuzz, fault and scale-out tests,
# as "N passed, N failed".
# A suite that did not run counts as a failure, so a broken build can't pass.
#   tests/summary.sh BUILDDIR UNIT_PROGRAM...   (the Makefile's check_PROGRAMS)
set -u
BUILD=${1:?builddir}
shift
[ $# -gt 0 ] || { echo "summary: no unit test programs named" >&2; exit 2; }
passed=0 failed=0
for path in "$@"; do
	prog=${path##*/check_}
	log=$BUILD/${path}.log
	line=$(grep -E '^[0-9]+%: Checks: [0-9]+, Failures: [0-9]+, Errors: [0-9]+' "$log" 2>/dev/null | tail -n 1)
	if [ -z "$line" ]; then
		echo "unit $prog: did not run (see $log)"
		failed=$((failed + 1))
		continue
	fi
	checks=$(sed -E 's/.*Checks: ([0-9]+).*/\1/' <<<"$line")
	bad=$(sed -E 's/.*Failures: ([0-9]+), Errors: ([0-9]+).*/\1+\2/' <<<"$line")
	bad=$((bad))
	echo "unit $prog: $line"
	passed=$((passed + checks - bad))
	failed=$((failed + bad))
done
for suite in integration browser fuzz faults scaleout; do
	result=$BUILD/tests/$suite.result
	if [ -f "$result" ]; then
		read -r _ ip _ if_ <"$result"
		echo "$suite: $ip passed, $if_ failed"
		passed=$((passed + ip))
		failed=$((failed + if_))
	else
		echo "$suite: did not run"
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
