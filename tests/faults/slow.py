#!/usr/bin/env python3
"""Slow clients (slowloris): connections that send their request headers, or
a POST body, one byte every few seconds. A connection the server closes is
opened again, so the pressure stays until FILE --stop exists. One thread,
non-blocking sockets. Prints a JSON summary at the end.

    slow.py --port N --stop FILE [--headers 200] [--bodies 100] [--every 2]
            [--body-length 60000] [--token T] [--source 127.0.0.2]

--source: the address the slow clients come from (any of 127/8 reaches the
loopback listener), so that they can be told from the normal clients.
Standard library only.
"""
import argparse, json, os, resource, selectors, socket, sys, time


class Slow:
    def __init__(self, kind, head):
        self.kind, self.head, self.sent, self.opened, self.answer = kind, head, 0, time.time(), b""


def request_head(kind, a):
    if kind == "header":
        # Never finished: a header line that grows by a byte at a time.
        return (b"GET /api/v1/health HTTP/1.1\r\nHost: t\r\nX-Slow: " + b"a" * 100000)
    return ("POST /api/v1/verwijzingen HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
            "Authorization: Bearer %s\r\nContent-Length: %d\r\n\r\n" % (a.token, a.body_length)
            ).encode() + b"{" + b" " * (a.body_length - 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--stop", required=True)
    ap.add_argument("--headers", type=int, default=200)
    ap.add_argument("--bodies", type=int, default=100)
    ap.add_argument("--every", type=float, default=2.0)
    ap.add_argument("--body-length", type=int, default=60000)
    ap.add_argument("--token", default="x")
    ap.add_argument("--source", default="127.0.0.2")
    a = ap.parse_args()
    want = a.headers + a.bodies + 64
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(want, hard), hard))
    sel = selectors.DefaultSelector()
    conns = {}
    stats = {"opened": 0, "closed_by_server": 0, "refused": 0, "lifetimes": [], "answers": {}}

    def open_one(kind):
        try:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        except OSError:     # out of descriptors: counted, not fatal
            stats["refused"] += 1
            return
        try:
            s.bind((a.source, 0))
            s.connect(("127.0.0.1", a.port))
        except OSError:
            stats["refused"] += 1
            s.close()
            return
        s.setblocking(False)
        c = Slow(kind, request_head(kind, a))
        # What goes at once: the request line (slowloris proper), or for a
        # POST the whole head; the rest drips.
        first = c.head.index(b"\r\n\r\n" if kind == "body" else b"\r\n") + 2
        s.sendall(c.head[:first + (2 if kind == "body" else 0)])
        c.sent = first + (2 if kind == "body" else 0)
        conns[s] = c
        sel.register(s, selectors.EVENT_READ)
        stats["opened"] += 1

    def close(s, by_server):
        c = conns.pop(s)
        sel.unregister(s)
        s.close()
        if by_server:
            stats["closed_by_server"] += 1
            stats["lifetimes"].append(time.time() - c.opened)
            status = c.answer.split(b"\r\n", 1)[0].decode("latin-1")[:40] or "(closed, no answer)"
            stats["answers"][status] = stats["answers"].get(status, 0) + 1

    for i in range(a.headers):
        open_one("header")
    for i in range(a.bodies):
        open_one("body")
    next_drip = time.time() + a.every
    while not os.path.exists(a.stop):
        for key, _ in sel.select(timeout=0.2):
            s = key.fileobj
            try:
                data = s.recv(4096)
            except OSError:
                data = b""
            if data:
                conns[s].answer += data
            else:
                close(s, True)
        if time.time() >= next_drip:
            next_drip += a.every
            for s, c in list(conns.items()):
                if c.sent >= len(c.head):
                    continue
                try:
                    c.sent += s.send(c.head[c.sent:c.sent + 1])
                except OSError:
                    close(s, True)
            # Keep the pressure: replace what the server closed.
            have = {"header": 0, "body": 0}
            for c in conns.values():
                have[c.kind] += 1
            for _ in range(a.headers - have["header"]):
                open_one("header")
            for _ in range(a.bodies - have["body"]):
                open_one("body")
    for s in list(conns):
        close(s, False)
    life = sorted(stats.pop("lifetimes"))
    stats["lifetime_p50_s"] = round(life[len(life) // 2], 1) if life else None
    stats["lifetime_max_s"] = round(life[-1], 1) if life else None
    print(json.dumps(stats))


if __name__ == "__main__":
    sys.exit(main())
