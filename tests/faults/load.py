#!/usr/bin/env python3
"""Create load for the fault tests: several concurrent clients, each posting
zaken (verwijzingen, meldingen, mandaten) with a unique Idempotency-Key and a
unique child BSN, recording every attempt as one JSON line.

    load.py run   --base URL --tokens FILE --out FILE --stop FILE --prefix P
                  --bsn-base N [--clients N] [--rate R] [--retry]
    load.py retry --base URL --tokens FILE --out FILE RECORDS...

run: until FILE --stop exists. --rate caps each client's requests per second
(a steady load, not the most the machine can do: other stacks share it).
--retry: a request answered 5xx or without an answer is sent again with the
same key and body until it gets a 2xx (what the pages do), after a pause.
retry: every key of RECORDS that never got a 2xx, once more, same key and body.

A record: t0/t1 (wall clock), client, key, kind, bsn (the child's), attempt,
status (null: no answer), ctype, id, referentie, ptype (problem type), err,
retry_after, body. The BSNs are made up (11-proef), never real persons.
Standard library only.
"""
import argparse, datetime, http.client, json, os, socket, sys, threading, time
from zoneinfo import ZoneInfo

TIMEOUT = 40    # above nginx's fastcgi_read_timeout (30 s): a hang shows as such
KINDS = (("verwijzing", "/api/v1/verwijzingen", "huisarts"),
         ("verwijzing", "/api/v1/verwijzingen", "huisarts"),
         ("melding", "/api/v1/meldingen", "cjg"),
         ("verwijzing", "/api/v1/verwijzingen", "huisarts"),
         ("mandaat", "/api/v1/mandaten", "gi"))
PATHS = {k: (p, r) for k, p, r in KINDS}


def bsn(prefix):
    """The 9-digit BSN for an 8-digit prefix, or None when the 11-proef has no digit for it."""
    s = "%08d" % prefix
    check = sum((9 - i) * int(c) for i, c in enumerate(s)) % 11
    return None if check == 10 else s + str(check)


def persons(base, client, seq):
    """Child and parent BSN for a request: the first two valid of eight
    prefixes of its own, so unique per (base, client, seq)."""
    p = base + client * 80000 + seq * 8
    valid = [b for b in map(bsn, range(p, p + 8)) if b]
    return valid[0], valid[1]


def body(kind, child, parent, prefix):
    today = datetime.datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    born = datetime.date(today.year - 10, 5, 1)     # a child of ten, whatever the year
    d = {"jeugdige": {"bsn": child, "geboortedatum": str(born), "naam": "Sam de Vries"},
         "gezaghebbenden": [{"bsn": parent, "naam": "Anna de Vries", "gemeente": "0301"}],
         "hulpvraag": "Storingstest " + prefix, "spoed": False}
    if kind == "mandaat":
        d.update(maatregel="ots", uitspraakdatum=str(today - datetime.timedelta(days=30)),
                 kenmerk="C/14/271828 JE RK 26-314")
    return json.dumps(d)


class Recorder:
    def __init__(self, path):
        self.f = open(path, "a", buffering=1)
        self.lock = threading.Lock()

    def write(self, rec):
        with self.lock:
            self.f.write(json.dumps(rec) + "\n")


def post(base, path, token, key, text):
    """One attempt; the fields of its record."""
    host, port = base.split("//", 1)[1].split(":")
    rec = {"t0": time.time(), "status": None, "ctype": None, "id": None, "referentie": None,
           "ptype": None, "err": None, "retry_after": None}
    conn = http.client.HTTPConnection(host, int(port), timeout=TIMEOUT)
    try:
        conn.request("POST", path, body=text.encode(), headers={
            "Authorization": "Bearer " + token, "Content-Type": "application/json",
            "Idempotency-Key": key})
        r = conn.getresponse()
        data = r.read()
        rec["status"], rec["ctype"] = r.status, r.getheader("Content-Type")
        rec["retry_after"] = r.getheader("Retry-After")
        try:
            doc = json.loads(data)
        except ValueError:
            doc = {}
        if isinstance(doc, dict):
            rec["id"], rec["referentie"] = doc.get("id"), doc.get("referentie")
            rec["ptype"] = doc.get("type") if rec["ctype"] == "application/problem+json" else None
            rec["pstatus"] = doc.get("status") if rec["ptype"] else None
    except (OSError, http.client.HTTPException) as e:
        rec["err"] = type(e).__name__
    finally:
        conn.close()
    rec["t1"] = time.time()
    return rec


def client_loop(a, tokens, rec, client):
    seq = 0
    interval = 1.0 / a.rate if a.rate > 0 else 0
    while not os.path.exists(a.stop):
        started = time.time()
        kind, path, role = KINDS[(client + seq) % len(KINDS)]
        child, parent = persons(a.bsn_base, client, seq)
        key = "%s-%d-%d" % (a.prefix, client, seq)
        text = body(kind, child, parent, a.prefix)
        attempt = 0
        while True:
            r = post(a.base, path, tokens[role], key, text)
            r.update(client=client, key=key, kind=kind, bsn=child, attempt=attempt, body=text)
            rec.write(r)
            answered = r["status"] is not None and r["status"] < 500
            if answered or not a.retry or attempt >= 200:
                break
            attempt += 1
            time.sleep(0.25)
        seq += 1
        pause = interval - (time.time() - started)
        if pause > 0:
            time.sleep(pause)


def cmd_run(a, tokens):
    rec = Recorder(a.out)
    threads = [threading.Thread(target=client_loop, args=(a, tokens, rec, c), daemon=True)
               for c in range(a.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def cmd_retry(a, tokens):
    last = {}
    ok = set()
    for path in a.records:
        with open(path) as f:
            for line in f:
                r = json.loads(line)
                last[r["key"]] = r
                if r["status"] is not None and 200 <= r["status"] < 300:
                    ok.add(r["key"])
    rec = Recorder(a.out)
    for key, r in last.items():
        if key in ok:
            continue
        path, role = PATHS[r["kind"]]
        n = post(a.base, path, tokens[role], key, r["body"])
        n.update(client=r["client"], key=key, kind=r["kind"], bsn=r["bsn"],
                 attempt=r["attempt"] + 1, body=r["body"], retry=True)
        rec.write(n)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("run", "retry"):
        p = sub.add_parser(name)
        p.add_argument("--base", required=True)
        p.add_argument("--tokens", required=True, help="JSON {role: token}")
        p.add_argument("--out", required=True)
    run = sub.choices["run"]
    run.add_argument("--stop", required=True)
    run.add_argument("--prefix", required=True)
    run.add_argument("--bsn-base", type=int, required=True)
    run.add_argument("--clients", type=int, default=6)
    run.add_argument("--rate", type=float, default=0)
    run.add_argument("--retry", action="store_true")
    sub.choices["retry"].add_argument("records", nargs="+")
    a = ap.parse_args()
    with open(a.tokens) as f:
        tokens = json.load(f)
    socket.setdefaulttimeout(TIMEOUT)
    (cmd_run if a.cmd == "run" else cmd_retry)(a, tokens)


if __name__ == "__main__":
    sys.exit(main())
