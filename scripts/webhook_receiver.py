#!/usr/bin/env python3
"""A webhook endpoint for telemed's end-to-end tests, independent of telemed's code.

Listens on a loopback port (--port, or a free one; printed as "listening on PORT"), and for every POST checks the
Telemed-Signature header ("t=<unix time>,v1=<hex HMAC-SHA256 of 't.body'>") with Python's hmac
against the secret in --secret-file (read at each request: the test writes it once the webhook is
registered), then appends one JSON line to --out: the event id and type headers, whether the
signature is valid, the status answered and the parsed body. The first --fail requests are
answered 500, the others 200.
"""
import argparse
import hashlib
import hmac
import http.server
import json
import sys
import threading

parser = argparse.ArgumentParser()
parser.add_argument("--secret-file", required=True)
parser.add_argument("--out", required=True)
parser.add_argument("--fail", type=int, default=0)
parser.add_argument("--port", type=int, default=0, help="0: a free port")
arguments = parser.parse_args()
lock = threading.Lock()
state = {"requests": 0}


def valid(signature, body):
    try:
        with open(arguments.secret_file, encoding="utf-8") as file:
            secret = file.read().strip()
    except OSError:
        return False
    parts = dict(part.split("=", 1) for part in (signature or "").split(",") if "=" in part)
    if "t" not in parts or "v1" not in parts:
        return False
    expected = hmac.new(secret.encode(), parts["t"].encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"])


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with lock:
            state["requests"] += 1
            status = 500 if state["requests"] <= arguments.fail else 200
            line = {
                "id": self.headers.get("Telemed-Event-Id"),
                "type": self.headers.get("Telemed-Event-Type"),
                "valid": valid(self.headers.get("Telemed-Signature"), body),
                "status": status,
                "body": json.loads(body or b"null"),
            }
            with open(arguments.out, "a", encoding="utf-8") as file:
                file.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", arguments.port), Handler)
print(f"listening on {server.server_address[1]}", flush=True)
sys.stdout.flush()
server.serve_forever()
