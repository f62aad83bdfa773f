#!/usr/bin/env bash
# Browser tests: the pages in Debian's chromium (playwright-core), against a
# stack of their own (PostgreSQL, toegangd with the dev sign-in, nginx).
#   tests/browser/run.sh BUILDDIR SRCDIR [NAME.test.mjs ...]   (default: all)
# Writes "passed N failed M" to BUILDDIR/tests/browser.result for the summary;
# screenshots (360 and 1280 px) go to BUILDDIR/tests/artifacts/screenshots/.
set -uo pipefail

BUILD=${1:?builddir}
SRC=${2:?srcdir}
shift 2
ONLY=("$@")
STACK=$SRC/tools/stack
RESULT=$BUILD/tests/browser.result
ARTIFACTS=$BUILD/tests/artifacts
mkdir -p "$BUILD/tests"
rm -f "$RESULT"
fail() { echo "FAIL - $1"; echo "passed 0 failed 1" >"$RESULT"; exit 1; }

[ -x /usr/bin/chromium ] || fail "the browser tests need Debian's chromium (./dev test installs it)"
command -v node >/dev/null || fail "the browser tests need node (./dev test installs it)"
[ -d "$BUILD/node_modules/playwright-core" ] || fail "playwright-core is not installed in $BUILD (make runs npm ci)"

STATE=$(mktemp -d /tmp/toegang-bt.XXXXXX)
chmod 0755 "$STATE"
PORT=$((20000 + ($$ + 7919) % 20000))
cleanup() {
	"$STACK" down "$STATE" >/dev/null 2>&1
	[ -n "${KEEP_STATE:-}" ] || rm -rf "$STATE"
}
trap cleanup EXIT

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
echo "# starting the stack for the browser tests in $STATE on port $PORT"
"$STACK" up "$STATE" "$PORT" "$BUILD" "$SRC" workers=2 >"$STATE/stack.log" 2>&1 ||
	{ cat "$STATE/stack.log"; fail "the stack starts"; }

# The tests run from the build tree, where npm ci put playwright-core.
rm -rf "$BUILD/tests/browser" "$ARTIFACTS/screenshots"
mkdir -p "$BUILD/tests/browser" "$ARTIFACTS"
cp "$SRC"/tests/browser/*.mjs "$BUILD/tests/browser/"
tests=()
if [ ${#ONLY[@]} -gt 0 ]; then
	for t in "${ONLY[@]}"; do tests+=("$BUILD/tests/browser/$(basename "$t")"); done
else
	for t in "$BUILD"/tests/browser/*.test.mjs; do tests+=("$t"); done
fi
TOEGANG_URL=http://127.0.0.1:$PORT TOEGANG_ARTIFACTS=$ARTIFACTS \
	node "$BUILD/tests/browser/run.mjs" "$RESULT" "${tests[@]}"
rc=$?
# A sanitizer finding in the daemon while the pages ran is a failure too.
if grep -q 'ERROR: AddressSanitizer\|runtime error:' "$STATE/log/toegangd.log" 2>/dev/null; then
	echo "FAIL - the daemon log has a sanitizer report"
	grep -m 5 'ERROR: AddressSanitizer\|runtime error:' "$STATE/log/toegangd.log"
	read -r _ p _ f <"$RESULT"
	echo "passed $p failed $((f + 1))" >"$RESULT"
	rc=1
fi
echo "# screenshots: $ARTIFACTS/screenshots"
exit $rc
