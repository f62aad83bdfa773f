#!/usr/bin/env python3
"""Instructions per request from two callgrind profiles of the same process
kind: BASE served the warm-up only, RUN the warm-up and N requests more. The
difference divided by N is what one request costs; start-up, connecting and
preparing cancel out. With --top, the functions that make up that difference
(self cost, then inclusive), from callgrind_annotate.

  callgrind-per-request.py N BASE RUN [--top K] [--label NAME]
"""
import argparse
import re
import subprocess
import sys

ROOTS = {"main", "(below main)", "__libc_start_main@@GLIBC_2.34", "__libc_start_call_main",
         "tg_master_run", "tg_worker_main"}
LINE = re.compile(r"^\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*\S)\s*$")


def totals(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("totals:") or line.startswith("summary:"):
                return int(line.split()[1])
    sys.exit(f"callgrind-per-request: no totals in {path}")


def key(name, by_object):
    """ "file:function [object]" -> "function (object)", or "object" alone.
    The plugins each link the shared zaak code, so one function may be
    counted under any of their objects: a named function is keyed by its
    name; an address (no symbols, as in Debian's jansson) only means
    something with its object."""
    m = re.match(r"^(.*?):(.+?)(?: \[(.*)\])?$", name)
    if not m:
        return name
    obj = (m.group(3) or "(object not named)").rsplit("/", 1)[-1]
    if "/plugins/" in (m.group(3) or "") or obj.endswith(".so") and not obj.startswith("lib"):
        obj = "the plugins (*.so)"
    if by_object:
        return obj
    fn = re.sub(r"'\d+$", "", m.group(2))
    return f"{fn} ({obj})" if fn.startswith("0x") else fn


def by_function(path, inclusive, by_object=False):
    out = subprocess.run(
        ["callgrind_annotate", "--auto=no", "--threshold=100", f"--inclusive={'yes' if inclusive else 'no'}", path],
        check=True, capture_output=True, text=True).stdout
    costs = {}
    for line in out.splitlines():
        m = LINE.match(line)
        if m and "PROGRAM TOTALS" not in m.group(2):
            k = key(m.group(2), by_object)
            costs[k] = costs.get(k, 0) + int(m.group(1).replace(",", ""))
    return costs


def top(n, base, run, inclusive, k, per_request, by_object=False):
    a, b = by_function(base, inclusive, by_object), by_function(run, inclusive, by_object)
    diff = {f: (b.get(f, 0) - a.get(f, 0)) / n for f in set(a) | set(b)}
    if inclusive:
        # Our functions and the library calls they make; not the roots every
        # request passes through, nor symbol-less addresses (recursion in them
        # counts more than once).
        diff = {f: c for f, c in diff.items() if not f.startswith("0x") and f not in ROOTS}
    rows = sorted(((c, f) for f, c in diff.items() if c > 0), reverse=True)[:k]
    what = "objects (libraries)" if by_object else "functions"
    kind = "inclusive" if inclusive else "self"
    print(f"    top {k} {what} by {kind} instructions per request:")
    for c, f in rows:
        print(f"    {c:12,.0f}  {100 * c / per_request:5.1f} %  {f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("base")
    ap.add_argument("run")
    ap.add_argument("--top", type=int, default=0)
    ap.add_argument("--label", default="request")
    args = ap.parse_args()
    per_request = (totals(args.run) - totals(args.base)) / args.n
    print(f"{args.label:<28} {per_request:12,.0f} instructions per request "
          f"(({totals(args.run):,} - {totals(args.base):,}) / {args.n})")
    if args.top and per_request > 0:
        top(args.n, args.base, args.run, False, 8, per_request, by_object=True)
        top(args.n, args.base, args.run, False, args.top, per_request)
        top(args.n, args.base, args.run, True, args.top, per_request)


if __name__ == "__main__":
    main()
