#!/usr/bin/env bash
# One closing line for ./dev test: the Check unit tests (from the test
# harness's logs) plus the integration tests, as "N passed, N failed".
# A suite that did not run counts as a failure, so a broken build can't pass.
set -u
BUILD=${1:?builddir}
passed=0 failed=0
for prog in auth_jwt config principal router validate; do
	log=$BUILD/tests/unit/check_$prog.log
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
result=$BUILD/tests/integration.result
if [ -f "$result" ]; then
	read -r _ ip _ if_ <"$result"
	echo "integration: $ip passed, $if_ failed"
	passed=$((passed + ip))
	failed=$((failed + if_))
else
	echo "integration: did not run"
	failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
