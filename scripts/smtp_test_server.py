#!/usr/bin/env python3
"""A real SMTP server on loopback (aiosmtpd) for TelemedMail's tests. Listens on a free port of
127.0.0.1, prints that port on its first line of standard output once it accepts connections, and
stores each accepted message as N.eml (the bytes received, dot-stuffing undone) with N.json beside
it ({"mail_from", "rcpt_tos", "tls", "auth_mechanism"}) in FOLDER, N counting from 1.

Usage: smtp_test_server.py FOLDER [--tls none|starttls|implicit] [--ca-file PEM] [--auth USER:PASSWORD]
       [--auth-mechanisms PLAIN,LOGIN] [--fail rcpt:451|data:550|...] [--helo-only] [--silent]
       [--inject-after-starttls] [--lifetime SECONDS]
--tls starttls offers STARTTLS and refuses mail before it; implicit speaks TLS from the first byte.
Both use a throwaway CA made by trustme, whose certificate is written to --ca-file (always, so a
client can be given one); the server's certificate is for localhost and 127.0.0.1. --auth requires that user; --fail answers the stage
with the code; --helo-only refuses EHLO (502); --silent accepts connections and never says a word;
--inject-after-starttls plays the man in the middle of CVE-2011-0411: its reply to STARTTLS is
followed, in the same packet, by a reply no command asked for.
The server exits by itself after --lifetime seconds (default 120), so a test that dies leaves nothing.
"""
import argparse
import asyncio
import json
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult
import trustme


class Recorder:
    def __init__(self, folder, failures):
        self.folder = folder
        self.failures = failures
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if "rcpt" in self.failures:
            return f"{self.failures['rcpt']} Recipient refused by the test server"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if "data" in self.failures:
            return f"{self.failures['data']} Message refused by the test server"
        self.count += 1
        base = os.path.join(self.folder, str(self.count))
        envelope_facts = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": server.transport.get_extra_info("ssl_object") is not None,
            "auth_mechanism": getattr(session, "test_mechanism", None),
        }
        write_atomically(base + ".json", json.dumps(envelope_facts).encode())
        # Written last: the test waits for the .eml, then reads both.
        write_atomically(base + ".eml", envelope.original_content)
        return "250 Message accepted"


def write_atomically(path, data):
    with open(path + ".part", "wb") as handle:
        handle.write(data)
    os.replace(path + ".part", path)


class HeloOnlySMTP(SMTP):
    async def smtp_EHLO(self, hostname):
        await self.push("502 Command not implemented")


def authenticator_for(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        session.test_mechanism = mechanism
        accepted = auth_data.login == user.encode() and auth_data.password == password.encode()
        # handled=False: aiosmtpd then answers 535 itself; with its default it would say nothing.
        return AuthResult(success=accepted, handled=False)
    return authenticate


def tls_context(ca_file):
    ca = trustme.CA()
    certificate = ca.issue_cert("localhost", "127.0.0.1")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate.configure_cert(context)
    ca.cert_pem.write_to_path(ca_file)
    return context


async def stay_silent(reader, writer):
    await reader.read()
    writer.close()


async def inject_after_starttls(reader, writer):
    writer.write(b"220 localhost ESMTP\r\n")
    while line := await reader.readline():
        command = line.strip().upper()
        if command.startswith(b"EHLO"):
            writer.write(b"250-localhost\r\n250 STARTTLS\r\n")
        elif command == b"STARTTLS":
            writer.write(b"220 Ready to start TLS\r\n250-localhost\r\n250 AUTH PLAIN\r\n")
        else:
            writer.write(b"502 Command not implemented\r\n")
        await writer.drain()
    writer.close()


async def serve(options):
    loop = asyncio.get_running_loop()
    failures = dict(item.split(":", 1) for item in options.fail)
    context = tls_context(options.ca_file) if options.ca_file else None
    if options.silent:
        server = await asyncio.start_server(stay_silent, "127.0.0.1", 0)
    elif options.inject_after_starttls:
        server = await asyncio.start_server(inject_after_starttls, "127.0.0.1", 0)
    else:
        recorder = Recorder(options.folder, failures)
        settings = {"hostname": "localhost", "loop": loop}
        if options.tls == "starttls":
            settings.update(tls_context=context, require_starttls=True)
        if options.auth:
            user, password = options.auth.split(":", 1)
            offered = set(options.auth_mechanisms.split(","))
            settings.update(
                authenticator=authenticator_for(user, password), auth_required=True,
                auth_require_tls=options.tls == "starttls",
                auth_exclude_mechanism=[m for m in ("PLAIN", "LOGIN") if m not in offered])
        kind = HeloOnlySMTP if options.helo_only else SMTP
        server = await loop.create_server(
            lambda: kind(recorder, **settings), "127.0.0.1", 0,
            ssl=context if options.tls == "implicit" else None)
    print(server.sockets[0].getsockname()[1], flush=True)
    loop.call_later(options.lifetime, server.close)
    async with server:
        try:
            await server.serve_forever()
        except asyncio.CancelledError:
            pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--tls", choices=["none", "starttls", "implicit"], default="none")
    parser.add_argument("--ca-file")
    parser.add_argument("--auth")
    parser.add_argument("--auth-mechanisms", default="PLAIN,LOGIN")
    parser.add_argument("--fail", action="append", default=[])
    parser.add_argument("--helo-only", action="store_true")
    parser.add_argument("--silent", action="store_true")
    parser.add_argument("--inject-after-starttls", action="store_true")
    parser.add_argument("--lifetime", type=float, default=120)
    options = parser.parse_args()
    if options.tls != "none" and not options.ca_file:
        parser.error("--tls starttls and implicit need --ca-file, where the test CA's certificate goes")
    asyncio.run(serve(options))


if __name__ == "__main__":
    sys.exit(main())
