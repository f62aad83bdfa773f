#!/usr/bin/env python3
"""A curl config (curl -K) for a fixed number of requests, one after the
other on one connection, for the callgrind runs of tests/bench/run.sh; each
request writes its HTTP status on a line of its own.

  requests.py read BASE PAIRS TOKENS FIRST COUNT   GET /api/v1/zaken/{id}, lines FIRST.. of PAIRS (round)
  requests.py create BASE TOKEN BSN COUNT          POST /api/v1/verwijzingen, new families from BSN
  requests.py health BASE COUNT                    GET /api/v1/health
  requests.py get BASE PATH TOKEN COUNT            GET PATH, with TOKEN unless it is ""
PAIRS and TOKENS as for read.lua.
"""
import json
import sys


def bsns(n):
    """The 9-digit numbers from n on that pass the 11-proef."""
    while True:
        n += 1
        s = str(n)
        if (sum((9 - i) * int(s[i]) for i in range(8)) - int(s[8])) % 11 == 0:
            yield s


def entry(url, headers, data=None):
    lines = [f'url = "{url}"', 'output = "/dev/null"', 'write-out = "%{http_code}\\n"']
    lines += [f'header = "{h}"' for h in headers]
    if data is not None:
        lines.append('data = "%s"' % data.replace("\\", "\\\\").replace('"', '\\"'))
    return "\n".join(lines) + "\n"


def main():
    entries = []
    kind = sys.argv[1]
    if kind == "read":
        base, pairs_file, tokens_file, first, count = sys.argv[2:7]
        tokens = open(tokens_file).read().split()
        pairs = [line.split() for line in open(pairs_file)]
        # Round the list again when it is shorter than wanted (a small database).
        for i in range(int(first), int(first) + int(count)):
            t, z = pairs[i % len(pairs)]
            entries.append(entry(f"{base}/api/v1/zaken/{z}", [f"Authorization: Bearer {tokens[int(t) - 1]}"]))
    elif kind == "create":
        base, token, bsn, count = sys.argv[2:6]
        gen = bsns(int(bsn))
        for _ in range(int(count)):
            kind_bsn, parent = next(gen), next(gen)
            body = json.dumps({
                "jeugdige": {"bsn": kind_bsn, "geboortedatum": "2014-05-01", "naam": "Sam de Vries"},
                "gezaghebbenden": [{"bsn": parent, "naam": "Anna de Vries", "gemeente": "0301"}],
                "hulpvraag": "vrije tekst", "spoed": False})
            entries.append(entry(f"{base}/api/v1/verwijzingen", [
                f"Authorization: Bearer {token}", "Content-Type: application/json",
                f"Idempotency-Key: bench-{kind_bsn}"], body))
    elif kind == "health":
        base, count = sys.argv[2:4]
        entries = [entry(f"{base}/api/v1/health", [])] * int(count)
    elif kind == "get":
        base, path, token, count = sys.argv[2:6]
        entries = [entry(f"{base}{path}", [f"Authorization: Bearer {token}"] if token else [])] * int(count)
    else:
        sys.exit(__doc__)
    # "next" between requests, not after the last: curl would want one more URL.
    sys.stdout.write("next\n".join(entries))


if __name__ == "__main__":
    main()
