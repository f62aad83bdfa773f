#!/usr/bin/env python3
"""One FastCGI request (GET /api/v1/health) to a toegangd TCP listener, sent
from a chosen local address, as an nginx host or any other host would.

    fcgi_probe.py SOURCE_ADDR PORT

Prints "answered <first line>" and exits 0 when the daemon answered, prints
"closed" and exits 1 when it closed the connection without a byte (libfcgi
refusing a peer not in FCGI_WEB_SERVER_ADDRS), exits 2 on any other error.
"""
import socket
import struct
import sys


def record(rtype, content):
    # version 1, request id 1, no padding
    return struct.pack('!BBHHBB', 1, rtype, 1, len(content), 0, 0) + content


def pair(name, value):
    return bytes([len(name), len(value)]) + name + value


def main():
    source, port = sys.argv[1], int(sys.argv[2])
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(10)
    try:
        s.bind((source, 0))
        s.connect(('127.0.0.1', port))
        params = (pair(b'REQUEST_METHOD', b'GET') + pair(b'REQUEST_URI', b'/api/v1/health')
                  + pair(b'REMOTE_ADDR', source.encode()))
        s.sendall(record(1, struct.pack('!HB5x', 1, 0)) + record(4, params) + record(4, b'')
                  + record(5, b''))
        data = b''
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except ConnectionResetError:
        data = b''
    except OSError as e:
        print('error', e)
        return 2
    if not data:
        print('closed')
        return 1
    # The first record is FCGI_STDOUT: its content starts with the headers.
    body = data[8:8 + struct.unpack('!H', data[4:6])[0]]
    print('answered', body.split(b'\r\n')[0].decode('latin-1'))
    return 0


if __name__ == '__main__':
    sys.exit(main())
