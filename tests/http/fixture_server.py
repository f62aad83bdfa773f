#!/usr/bin/env python3
"""Fixture HTTP server for the integration tests of the portal's outbound
libcurl clients (VNG list sync, BRP Personen lookup).

    fixture_server.py --root DIR --port-file FILE
                      [--tls-cert CERT --tls-key KEY] [--log FILE]

URLs are /<mode>/<fixture path>; <fixture path> is a file under --root, or
brp/personen (POST, Haal Centraal BRP Personen v2 style, persons read from
<root>/brp/<bsn>.json).  /brp/personen is short for /ok/brp/personen.  The
normal answer is computed first, then the mode shapes how it is delivered,
so every failure mode works in front of brp too.  Standard library only.
"""
import argparse, email.utils, hashlib, json, os, random, re, select, signal
import socket, ssl, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

BIG = 50 * 1024 * 1024          # 50 MiB: larger than any cap the clients set
CHUNK = 64 * 1024
GARBAGE = b"\xff\xfe" + random.Random(20240101).randbytes(4094)  # fixed seed; \xff is never UTF-8
CTYPES = {".json": "application/json", ".csv": "text/csv; charset=utf-8"}
BRP_KEY = "test-brp-key"
PLAIN = {"notmodified", "hang", "error404", "error500", "error503",
         "redirect-host", "redirect-file", "redirect-gopher", "redirect-https"}
SHAPED = {"ok", "drip", "garbage", "half", "big", "bignolength", "close"}
# a client that went away mid-answer is an expected outcome here, not an error
GONE = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, ssl.SSLError)

ARGS = None
TLS = None                      # server-side SSLContext when --tls-cert is given
LOG_LOCK = threading.Lock()


class Answer:
    """The bytes the ok/brp handler would send, before a mode shapes them."""
    def __init__(self, status, ctype, body, mtime=None, extra=None):
        self.status, self.ctype, self.body, self.extra = status, ctype, body, extra or {}
        self.mtime = int(mtime if mtime is not None else time.time())
        self.etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'


def problem(status, title, detail):
    body = json.dumps({"type": "about:blank", "title": title, "status": status,
                       "detail": detail}).encode()
    return Answer(status, "application/problem+json", body)


def text(status, msg, extra=None):
    return Answer(status, "text/plain; charset=utf-8", msg.encode() + b"\n", extra=extra)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"   # keep-alive + Content-Length: curl keeps to the length
    server_version = "toegang-fixture/1"

    def setup(self):
        # TLS handshake here, in the connection's own thread: a client that
        # connects and never finishes the handshake must not block accept().
        if TLS:
            self.request = TLS.wrap_socket(self.request, server_side=True)
        super().setup()

    def finish(self):
        super().finish()
        if TLS:                 # the server only closes the plain socket we detached
            self.request.close()

    def log_message(self, fmt, *args):  # the JSON log is the record; keep stderr quiet
        pass

    def do_GET(self):
        self.dispatch(b"")

    def do_POST(self):
        self.dispatch(self.read_body())

    def read_body(self):
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass            # trailers
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def log_request_json(self, body):
        if not ARGS.log:
            return
        headers = {}
        for name, value in self.headers.items():
            name = name.lower()
            headers[name] = headers[name] + ", " + value if name in headers else value
        line = json.dumps({"method": self.command, "path": self.path, "headers": headers,
                           "body": body.decode("utf-8", errors="replace")})
        with LOG_LOCK, open(ARGS.log, "a", encoding="utf-8") as f:
            f.write(line + "\n")
            f.flush()

    def dispatch(self, body):
        # Logged before answering, so even a hung request shows up in the log.
        self.log_request_json(body)
        path = unquote(urlsplit(self.path).path)
        mode, _, rest = path.lstrip("/").partition("/")
        if mode == "brp":
            mode, rest = "ok", "brp/" + rest
        try:
            if mode in PLAIN:
                self.plain(mode, rest)
                return
            m = re.fullmatch(r"slow(\d*)", mode)
            if m:
                time.sleep(int(m.group(1) or 3))   # before any header is sent
                mode = "ok"
            if mode not in SHAPED:
                self.send(text(404, "unknown mode"))
                return
            ans = self.brp(body) if rest == "brp/personen" else self.file(rest)
            if ans.status != 200:
                self.send(ans)
            elif mode == "ok" and self.not_modified(ans):
                self.send_head(304, ans, None)
            else:
                self.shaped(mode, ans)
        except GONE:
            self.close_connection = True

    def file(self, rest):
        # refuse ".." but not symlinks: tests may link fixture dirs into a temp root
        full = os.path.join(ARGS.root, rest)
        if not rest or rest.startswith("/") or ".." in rest.split("/") \
                or not os.path.isfile(full):
            return text(404, "no such fixture")
        with open(full, "rb") as f:
            data = f.read()
        ctype = CTYPES.get(os.path.splitext(full)[1].lower(), "application/octet-stream")
        return Answer(200, ctype, data, os.stat(full).st_mtime)

    def brp(self, body):
        if self.command != "POST":
            return text(405, "POST only", {"Allow": "POST"})
        if self.headers.get("X-API-Key") != BRP_KEY:
            return problem(401, "Unauthorized", "missing or wrong X-API-Key")
        try:
            req = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            return problem(400, "Bad Request", "body is not valid JSON")
        if not isinstance(req, dict):
            req = {}
        bsns = req.get("burgerservicenummer")
        if req.get("type") != "RaadpleegMetBurgerservicenummer" \
                or not isinstance(bsns, list) or not bsns \
                or not all(isinstance(b, str) and re.fullmatch(r"\d{9}", b) for b in bsns) \
                or not isinstance(req.get("fields", []), list):
            return problem(400, "Bad Request", "wrong type, burgerservicenummer or fields")
        personen = []
        for bsn in bsns:    # unknown persons are simply absent, as in the real API
            p = os.path.join(ARGS.root, "brp", bsn + ".json")
            if os.path.isfile(p):
                with open(p, encoding="utf-8") as f:
                    personen.append(json.load(f))
        out = {"type": "RaadpleegMetBurgerservicenummer", "personen": personen}
        return Answer(200, "application/json", json.dumps(out, ensure_ascii=False).encode())

    def not_modified(self, ans):
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            return ans.etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                return email.utils.parsedate_to_datetime(ims).timestamp() >= ans.mtime
            except (TypeError, ValueError):
                pass
        return False

    def send_head(self, status, ans, length, extra=None):
        self.send_response(status)
        if status != 304:
            self.send_header("Content-Type", ans.ctype)
        self.send_header("ETag", ans.etag)
        self.send_header("Last-Modified", email.utils.formatdate(ans.mtime, usegmt=True))
        if length is not None:
            self.send_header("Content-Length", str(length))
        for k, v in {**ans.extra, **(extra or {})}.items():
            self.send_header(k, v)
        self.end_headers()

    def send(self, ans):
        self.send_head(ans.status, ans, len(ans.body))
        self.wfile.write(ans.body)

    def plain(self, mode, rest):
        port = self.server.server_address[1]
        if mode == "hang":
            # Say nothing; wait until the client gives up (EOF) or 600 s pass.
            self.close_connection = True
            end = time.monotonic() + 600
            while time.monotonic() < end:
                r, _, _ = select.select([self.connection], [], [], 1)
                if r and not self.connection.recv(4096):
                    return
        elif mode == "notmodified":
            self.send_response(304)
            self.end_headers()
        elif mode.startswith("error"):
            code = int(mode[5:])
            msg = {404: "not found", 500: "internal error", 503: "service unavailable"}[code]
            self.send(text(code, msg, {"Retry-After": "1"} if code == 503 else None))
        else:
            status, location = {
                "redirect-host": (302, f"http://localhost:{port}/ok/{rest}"),
                "redirect-file": (302, "file:///etc/passwd"),
                "redirect-gopher": (302, f"gopher://127.0.0.1:{port}/"),
                "redirect-https": (301, f"https://example.invalid/{rest}"),
            }[mode]
            self.send(text(status, "moved", {"Location": location}))

    def shaped(self, mode, ans):
        body = ans.body
        if mode == "ok":
            self.send(ans)
        elif mode == "garbage":
            self.send_head(200, ans, len(GARBAGE))
            self.wfile.write(GARBAGE)
        elif mode == "half":    # a truncated document with a consistent length
            self.send_head(200, ans, len(body) // 2)
            self.wfile.write(body[: len(body) // 2])
        elif mode == "drip":
            self.send_head(200, ans, len(body))
            for i in range(len(body)):
                self.wfile.write(body[i:i + 1])
                time.sleep(1)
        elif mode == "close":   # promise everything, deliver half, hang up
            self.send_head(200, ans, len(body))
            self.wfile.write(body[: len(body) // 2])
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            self.connection.close()
        else:                   # big, bignolength: 50 MiB, cap must hold while receiving
            chunk = ((body or b" ") * (CHUNK // max(len(body), 1) + 1))[:CHUNK]
            if mode == "big":
                self.send_head(200, ans, BIG)
            else:
                self.close_connection = True
                self.send_head(200, ans, None, {"Connection": "close"})
            for off in range(0, BIG, CHUNK):
                self.wfile.write(chunk[: min(CHUNK, BIG - off)])


class Server(ThreadingHTTPServer):
    daemon_threads = True       # a hanging request must never block exit or others

    def handle_error(self, request, client_address):
        # failed TLS handshakes and vanished clients are what the tests provoke
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


def main():
    global ARGS, TLS
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--root", required=True)
    p.add_argument("--port-file", required=True)
    p.add_argument("--tls-cert")
    p.add_argument("--tls-key")
    p.add_argument("--log")
    ARGS = p.parse_args()
    if bool(ARGS.tls_cert) != bool(ARGS.tls_key):
        p.error("--tls-cert and --tls-key go together")
    if ARGS.tls_cert:
        TLS = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        TLS.load_cert_chain(ARGS.tls_cert, ARGS.tls_key)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = Server(("127.0.0.1", 0), Handler)
    tmp = ARGS.port_file + ".tmp"
    with open(tmp, "w") as f:   # rename: a reader never sees a half-written file
        f.write(f"{server.server_address[1]}\n")
    os.replace(tmp, ARGS.port_file)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
