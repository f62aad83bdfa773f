#!/usr/bin/env python3
"""etc/nginx-scaleout.conf.example is etc/nginx-production.conf.example with
the API sent to an upstream of toegangd hosts: this writes it from the
production example, so that the two never drift apart (tests/scaleout checks
that the shipped file is what this makes).

    nginx-example.py etc/nginx-production.conf.example >etc/nginx-scaleout.conf.example
"""
import sys

HEADER_END = "user www-data;\n"

HEADER = """\
# nginx for toegang on several hosts (docs/scale-out.md): as
# etc/nginx-production.conf.example (TLS only, HSTS, the pages, the identity
# provider's token endpoint under /idp/), but the API goes to an upstream of
# N toegangd hosts over FastCGI on TCP instead of one local unix socket.
# Each toegangd host has "listen = <its address>:9000" and lists this nginx
# host (and any other) in web_server_addrs; its firewall opens 9000 to the
# nginx hosts only. Replace the addresses, portaal.example.nl,
# idp.example.nl and the paths; check with nginx -t.
# Made from the production example by tests/scaleout/nginx-example.py: change
# that one, then run the script.
"""

CHANGES = [
    ("    # The path only: a query string (an OIDC code, a search) never reaches a log.\n"
     "    log_format toegang '$time_iso8601 $request_id $request_method $uri $status $request_time';\n",
     "    # The path only: a query string (an OIDC code, a search) never reaches a log.\n"
     "    # $upstream_addr: which toegangd host(s) served it (the request id finds\n"
     "    # its lines in that host's daemon log).\n"
     "    log_format toegang '$time_iso8601 $request_id $request_method $uri $status $request_time $upstream_addr';\n"),
    ("    ssl_protocols ",
     "    # The toegangd hosts. Round robin: every host serves every route, and\n"
     "    # a request holds no state on a host (the database holds it all).\n"
     "    # max_fails/fail_timeout take a host that fails to answer out for a\n"
     "    # while. No keepalive: toegangd takes one request per connection, and a\n"
     "    # kept idle connection would pin a worker (as on the unix socket).\n"
     "    upstream toegangd {\n"
     "        server 10.0.1.11:9000 max_fails=3 fail_timeout=10s;\n"
     "        server 10.0.1.12:9000 max_fails=3 fail_timeout=10s;\n"
     "        # server 10.0.1.13:9000 max_fails=3 fail_timeout=10s;\n"
     "    }\n\n"
     "    ssl_protocols "),
    ("            fastcgi_pass unix:/run/toegang/toegangd.sock;\n"
     "            fastcgi_read_timeout 30s;\n",
     "            fastcgi_pass toegangd;\n"
     "            # A host that does not take the connection in 2 s is passed over.\n"
     "            fastcgi_connect_timeout 2s;\n"
     "            fastcgi_send_timeout 10s;\n"
     "            fastcgi_read_timeout 30s;\n"
     "            # Another host is tried only when this one could not be reached\n"
     "            # or, for GET and HEAD, failed before its answer began. A POST\n"
     "            # that reached a host is never sent to a second one (nginx passes\n"
     "            # no non-idempotent request on once sent, and \"non_idempotent\"\n"
     "            # is deliberately absent): it may have created a zaak there; the\n"
     "            # client's retry with its Idempotency-Key is the safe way. A 503\n"
     "            # of the daemon itself is not retried either: all hosts share the\n"
     "            # database, so another host would answer the same.\n"
     "            fastcgi_next_upstream error timeout;\n"
     "            fastcgi_next_upstream_tries 2;\n"
     "            fastcgi_next_upstream_timeout 10s;\n"),
]


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    start = text.find(HEADER_END)
    if start < 0:
        sys.exit("nginx-example: no %r in the production example" % HEADER_END.strip())
    text = HEADER + text[start:]
    for old, new in CHANGES:
        if text.count(old) != 1:
            sys.exit("nginx-example: the production example no longer has, once:\n" + old)
        text = text.replace(old, new)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
