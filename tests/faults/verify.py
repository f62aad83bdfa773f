#!/usr/bin/env python3
"""Checks a fault test's load records (load.py) against the database, and
prints its figures. One line per check, "ok - NAME" or "FAIL - NAME: why",
and figures as "# ..." lines; run.sh counts them.

    verify.py --records FILE [--records FILE ...] --prefix P [--answers KIND]
              [--event NAME=EPOCH ...] [--after EVENT] [--resume-within S]
              [--bound EVENT:EVENT:N ...] [--throughput EVENT:EVENT]
              [--all-answered] --psql CMD...

--answers says which failures a client may see while the fault lasts:
  none     no failure at all
  db       503 problem+json database-unavailable only (the daemon answers)
  gateway  503 problem+json only, from the daemon or nginx's @unavailable
  any      also no answer at all (nginx itself went away)
--after EVENT: the time to the first 201 sent after it (--resume-within:
at most S seconds). --bound A:B:N: at most N failures answered between
events A and B (B may be "end"): the requests in flight when workers died.
--throughput A:B: created/s in the 3 s before A, and how soon after B it is
back to 80 %. --all-answered: every request got a 2xx in the end (clients
that retry). The retry pass's records (load.py retry) carry "retry".

The database is read as the owner (toegang_owner) with toegang.systeem set
for the transaction, the way the owner's own functions read it: FORCE ROW
LEVEL SECURITY binds the owner too.
"""
import argparse, collections, json, subprocess, sys

# One line of JSON per zaak of this test (hulpvraag names the prefix), with
# everything a create writes: the zaak, its betrokkenen, first status,
# termijnen (and how many the rules in force that day give), its
# Idempotency-Key, the gezin, and the access-log record.
SQL = r"""
BEGIN;
SET LOCAL toegang.systeem = 'aan';
WITH z AS (SELECT * FROM zaak WHERE hulpvraag = :'hulpvraag'),
b AS (SELECT zaak_id, array_agg(bsn) FILTER (WHERE rol = 'jeugdige') AS j,
             array_agg(bsn ORDER BY volgorde) FILTER (WHERE rol = 'gezaghebbende') AS g,
             count(*) AS n
        FROM betrokkene WHERE zaak_id IN (SELECT id FROM z) GROUP BY zaak_id),
s AS (SELECT zaak_id, array_agg(status ORDER BY id) AS st FROM zaak_status
       WHERE zaak_id IN (SELECT id FROM z) GROUP BY zaak_id),
t AS (SELECT zaak_id, count(*) AS n FROM zaak_termijn
       WHERE zaak_id IN (SELECT id FROM z) GROUP BY zaak_id),
i AS (SELECT zaak_id, array_agg(sleutel) AS k FROM idempotentie
       WHERE zaak_id IN (SELECT id FROM z) GROUP BY zaak_id),
l AS (SELECT zaak_id, count(*) AS n FROM toegangslog
       WHERE actie = 'zaak.aanmaken' AND uitkomst = 'aangemaakt'
         AND zaak_id IN (SELECT id::text FROM z) GROUP BY zaak_id)
SELECT json_build_object(
    'id', z.id, 'referentie', z.referentie, 'route', z.route, 'status', z.status,
    'partij_bsn', z.partij_bsn, 'jeugdige', b.j, 'gezaghebbenden', b.g,
    'betrokkenen', COALESCE(b.n, 0), 'statussen', s.st, 'termijnen', COALESCE(t.n, 0),
    'termijnen_verwacht', (SELECT count(DISTINCT r.naam) FROM termijnregel r
        WHERE r.gebeurtenis = 'ontvangst' AND (r.route IS NULL OR r.route = z.route)
          AND (r.gemeente IS NULL OR r.gemeente = z.verantwoordelijke_gemeente)
          AND (NOT r.alleen_spoed OR z.spoed)
          AND r.geldig_van <= (z.aangemaakt AT TIME ZONE 'Europe/Amsterdam')::date
          AND (r.geldig_tot IS NULL
               OR r.geldig_tot > (z.aangemaakt AT TIME ZONE 'Europe/Amsterdam')::date)),
    'sleutels', i.k, 'gezin', EXISTS (SELECT 1 FROM gezin g WHERE g.id = z.gezin_id),
    'log', COALESCE(l.n, 0))
  FROM z LEFT JOIN b ON b.zaak_id = z.id LEFT JOIN s ON s.zaak_id = z.id
  LEFT JOIN t ON t.zaak_id = z.id LEFT JOIN i ON i.zaak_id = z.id
  LEFT JOIN l ON l.zaak_id = z.id::text;
COMMIT;
"""

RESULTS = {"ok": 0, "fail": 0}


def check(name, why):
    """why: empty when the check holds, else what is wrong."""
    if why:
        RESULTS["fail"] += 1
        print("FAIL - %s: %s" % (name, why))
    else:
        RESULTS["ok"] += 1
        print("ok   - %s" % name)


def some(items, n=3):
    items = list(items)
    return "%d, e.g. %s" % (len(items), "; ".join(str(x) for x in items[:n]))


def zaken(psql, prefix):
    out = subprocess.run(psql + ["-v", "hulpvraag=Storingstest " + prefix],
                         input=SQL, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit("verify: psql failed: " + out.stderr.strip())
    return [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]


def ok2xx(r):
    return r["status"] is not None and 200 <= r["status"] < 300


def answers_check(main, kind):
    """Every failure the clients saw is one of the kind allowed; nothing hung."""
    allowed = {"none": set(), "db": {"urn:toegang:problem:database-unavailable"},
               "gateway": {"urn:toegang:problem:database-unavailable",
                           "urn:toegang:problem:unavailable"},
               "any": {"urn:toegang:problem:database-unavailable",
                       "urn:toegang:problem:unavailable"}}[kind]
    bad = [r for r in main if not ok2xx(r) and not (
        (r["status"] == 503 and r["ctype"] == "application/problem+json"
         and r["ptype"] in allowed and r.get("pstatus") == 503)
        or (kind == "any" and r["status"] is None))]
    what = {"none": "(none may fail)", "db": "503 problem+json database-unavailable",
            "gateway": "503 problem+json (the daemon's or nginx's)",
            "any": "503 problem+json or no answer (nginx gone)"}[kind]
    check("every failed request was answered %s" % what,
          bad and some("%s %s %s" % (r["status"], r["ptype"], r["err"]) for r in bad))
    slow = [r for r in main if r["t1"] - r["t0"] > 10]
    check("no request waited over 10 s for its answer",
          slow and some("%.1f s" % (r["t1"] - r["t0"]) for r in slow))


def db_checks(main, everything, rows):
    by_id = collections.defaultdict(list)
    by_bsn = collections.defaultdict(list)
    by_key = collections.defaultdict(list)
    for z in rows:
        by_id[z["id"]].append(z)
        for b in z["jeugdige"] or []:
            by_bsn[b].append(z)
        for k in z["sleutels"] or []:
            by_key[k].append(z)
    keys = {}
    for r in everything:
        keys.setdefault(r["key"], r)
    acked = [r for r in everything if ok2xx(r)]

    bad = [r for r in acked if not (
        len(by_id.get(r["id"], [])) == 1 and by_id[r["id"]][0]["referentie"] == r["referentie"]
        and by_id[r["id"]][0]["jeugdige"] == [r["bsn"]])]
    check("every 2xx answer's zaak is in the database once, with its referentie and child",
          bad and some("%s %s" % (r["status"], r["id"]) for r in bad))
    bad = [k for k, r in keys.items() if len(by_bsn.get(r["bsn"], [])) > 1 or len(by_key.get(k, [])) > 1]
    check("no request made two zaken (by child BSN and by Idempotency-Key)", bad and some(bad))
    bad = [r for r in acked if [z["id"] for z in by_key.get(r["key"], [])] != [r["id"]]
           or [z["id"] for z in by_bsn.get(r["bsn"], [])] != [r["id"]]]
    check("every acknowledged request's key and child BSN lead to the zaak it was told",
          bad and some("%s -> %s" % (r["key"], r["id"]) for r in bad))
    strangers = [z["id"] for z in rows if not any(k in keys for k in z["sleutels"] or [])]
    check("no zaak in the database that no request asked for", strangers and some(strangers))

    def incomplete(z):
        r = next((keys[k] for k in z["sleutels"] or [] if k in keys), None)
        sent = json.loads(r["body"]) if r else None
        parents = [g["bsn"] for g in sent["gezaghebbenden"]] if sent else None
        problems = [
            (z["status"] != "ontvangen", "status %s" % z["status"]),
            (z["statussen"] != ["ontvangen"], "history %s" % z["statussen"]),
            (not sent or z["jeugdige"] != [sent["jeugdige"]["bsn"]], "jeugdige"),
            (not sent or z["gezaghebbenden"] != parents, "gezaghebbenden"),
            (not sent or z["betrokkenen"] != 1 + len(parents), "betrokkenen %s" % z["betrokkenen"]),
            (not sent or sorted(z["partij_bsn"] or []) != sorted([sent["jeugdige"]["bsn"]] + parents),
             "partij_bsn"),
            (z["termijnen"] != z["termijnen_verwacht"],
             "termijnen %s of %s" % (z["termijnen"], z["termijnen_verwacht"])),
            (z["route"] == "verwijzing" and z["termijnen_verwacht"] == 0, "no termijn rule"),
            (len(z["sleutels"] or []) != 1, "keys %s" % z["sleutels"]),
            (not z["gezin"], "no gezin"),
            (z["log"] != 1, "%s access-log records" % z["log"]),
        ]
        return [what for bad_, what in problems if bad_]

    bad = [(z["id"], incomplete(z)) for z in rows if incomplete(z)]
    check("every zaak of the test is whole: betrokkenen, status ontvangen, termijnen, key, gezin, "
          "access log (%d zaken)" % len(rows), bad and some(bad))
    # Committed, but the client was not told so (its answer was lost with a
    # connection, or a worker died after the COMMIT): a later attempt with the
    # same key finds it (200).
    told = {r["id"] for r in everything if r["status"] == 201}
    found = {r["id"] for r in everything if r["status"] == 200}
    untold = [z["id"] for z in rows if z["id"] not in told]
    print("# zaken in the database: %d; committed although the client got no 201: %d, "
          "of which a retry with the same key found %d (200)" % (
              len(rows), len(untold), len([i for i in untold if i in found])))


def figures(main, events, after):
    c = collections.Counter()
    for r in main:
        c["2xx" if ok2xx(r) else str(r["status"]) if r["status"] else "no answer"] += 1
    print("# requests %d: %s" % (len(main), ", ".join("%s %d" % kv for kv in sorted(c.items()))))
    fails = [r for r in main if not ok2xx(r)]
    if fails:
        seen = collections.Counter("%s %s" % (r["status"], r["ptype"]) if r["status"]
                                   else "no answer (%s)" % r["err"] for r in fails)
        print("# failures seen: %s" % ", ".join("%s: %d" % kv for kv in sorted(seen.items())))
        # An outage: failures with no 2xx answered in between (one per fault);
        # from the first failed request sent to the last failed answer.
        spans, start, end = [], None, None
        for r in sorted(main, key=lambda r: r["t1"]):
            if not ok2xx(r):
                start = r["t0"] if start is None else min(start, r["t0"])
                end = r["t1"]
            elif start is not None and r["t0"] > end:
                spans.append(end - start)
                start = None
        if start is not None:
            spans.append(end - start)
        print("# outage seen by clients: %s" % ", ".join("%.2f s" % x for x in spans))
    lat = sorted(r["t1"] - r["t0"] for r in main if r["status"] is not None)
    if lat:
        print("# latency p50 %.1f ms, p99 %.1f ms, max %.1f ms" % (
            1000 * lat[len(lat) // 2], 1000 * lat[min(len(lat) - 1, int(len(lat) * 0.99))],
            1000 * lat[-1]))
    if after not in events:
        return None
    t = events[after]
    later = [r["t1"] for r in main if r["status"] == 201 and r["t0"] >= t]
    print("# first 201 after %s: %s" % (after, "%.2f s" % (min(later) - t) if later else "none"))
    return min(later) - t if later else None


def throughput(main, t_fault, t_last):
    """201s per second in the 3 s before the first fault, and how long after
    the last fault until a whole second reaches 80 % of that again."""
    done = [r["t1"] for r in main if r["status"] == 201]
    before = len([t for t in done if t_fault - 3 <= t < t_fault]) / 3.0
    recovered = None
    for tenth in range(0, 100):
        start = t_last + tenth / 10.0
        if len([t for t in done if start <= t < start + 1]) >= 0.8 * before:
            recovered = tenth / 10.0
            break
    print("# throughput: %.0f created/s before, back to 80%% %s after the last kill" % (
        before, "%.1f s" % recovered if recovered is not None else "never (10 s)"))
    return recovered


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", action="append", required=True)
    ap.add_argument("--prefix", required=True)
    ap.add_argument("--event", action="append", default=[])
    ap.add_argument("--answers", choices=("none", "db", "gateway", "any"), default="db")
    ap.add_argument("--after")
    ap.add_argument("--resume-within", type=float)
    ap.add_argument("--bound", action="append", default=[], help="EVENT:EVENT:N")
    ap.add_argument("--throughput", help="FIRST_KILL:LAST_KILL")
    ap.add_argument("--all-answered", action="store_true")
    ap.add_argument("--psql", nargs=argparse.REMAINDER, required=True)
    a = ap.parse_args()
    records = []
    for path in a.records:
        with open(path) as f:
            records += [json.loads(line) for line in f]
    main_ = [r for r in records if not r.get("retry")]
    events = {k: float(v) for k, v in (e.split("=", 1) for e in a.event)}
    check("the load ran: %d requests, some acknowledged" % len(main_),
          "" if any(ok2xx(r) for r in main_) else "no 2xx answer at all")
    answers_check(main_, a.answers)
    for bound in a.bound:
        start, end, n = bound.split(":")
        failed = [r for r in main_ if not ok2xx(r) and events[start] <= r["t1"] < events.get(end, 1e12)]
        check("at most %s requests failed between %s and %s (those in flight)" % (n, start, end),
              len(failed) > int(n) and some("%s %s" % (r["status"], r["ptype"] or r["err"])
                                            for r in failed))
    resumed = figures(main_, events, a.after)
    if a.throughput:
        first, last = a.throughput.split(":")
        back = throughput(main_, events[first], events[last])
        check("throughput recovers to 80% within 5 s of the last kill",
              "" if back is not None and back <= 5 else "after %s s" % back)
    if a.all_answered:
        keys = {r["key"] for r in main_}
        got = {r["key"] for r in main_ if ok2xx(r)}
        check("every request got its zaak in the end (clients retrying with the same key)",
              some(keys - got) if keys - got else "")
    if a.resume_within is not None:
        check("service resumed: a 201 within %.0f s after %s" % (a.resume_within, a.after),
              "" if resumed is not None and resumed <= a.resume_within
              else "first 201 after %s" % resumed)
    retried = [r for r in records if r.get("retry")]
    if retried:
        c = collections.Counter(str(r["status"]) for r in retried)
        print("# retried with the same key after recovery: %d (%s)" % (
            len(retried), ", ".join("%s %d" % kv for kv in sorted(c.items()))))
        check("every retry with the same Idempotency-Key got its zaak (201 new, or 200 the same one)",
              "" if all(r["status"] in (200, 201) for r in retried) else
              some("%s %s" % (r["status"], r["ptype"]) for r in retried if r["status"] not in (200, 201)))
    db_checks(main_, records, zaken(a.psql, a.prefix))
    print("# checks: %d ok, %d failed" % (RESULTS["ok"], RESULTS["fail"]))
    return 1 if RESULTS["fail"] else 0


if __name__ == "__main__":
    sys.exit(main())
