#!/usr/bin/env python3
"""Reads an e-mail rendered by TelemedMail with Python's standard email package, a MIME parser
independent of telemed, and prints what a mail client would read as JSON: {"subject", "from", "to",
"reply_to" (each a list of {"name", "address"}), "message_id", "date" (ISO 8601), "content_type",
"plain", "html" (the parts' decoded text, line breaks as \\n), "headers" ([name, value] as decoded),
"defects" (what the parser found wrong, anywhere)}.

Usage: check_mail.py [FILE]   (standard input without FILE)
Exit 1, with the reason on standard error, when the bytes are not a multipart/alternative message
with a text/plain and a text/html part.
"""
import email
import email.policy
import json
import sys


def mailboxes(header):
    if header is None:
        return None
    return [{"name": address.display_name, "address": address.addr_spec} for address in header.addresses]


def text_of(part):
    return part.get_content().replace("\r\n", "\n")


def main(data):
    message = email.message_from_bytes(data, policy=email.policy.default)
    if message.get_content_type() != "multipart/alternative":
        sys.exit(f"the message is {message.get_content_type()}, not multipart/alternative")
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    if plain is None or html is None:
        sys.exit("the message lacks a text/plain or a text/html part")
    defects = [f"message: {defect!r}" for defect in message.defects]
    for part in message.walk():
        defects += [f"part {part.get_content_type()}: {defect!r}" for defect in part.defects]
    headers = []
    for name, value in message.items():
        defects += [f"header {name}: {defect!r}" for defect in getattr(value, "defects", ())]
        headers.append([name, str(value)])
    print(json.dumps({
        "subject": str(message["subject"]),
        "from": mailboxes(message["from"]),
        "to": mailboxes(message["to"]),
        "reply_to": mailboxes(message["reply-to"]),
        "message_id": str(message["message-id"]),
        "date": message["date"].datetime.isoformat(),
        "content_type": message.get_content_type(),
        "plain": text_of(plain),
        "html": text_of(html),
        "headers": headers,
        "defects": defects,
    }, ensure_ascii=False))


if __name__ == "__main__":
    if len(sys.argv) > 1:
        with open(sys.argv[1], "rb") as handle:
            main(handle.read())
    else:
        main(sys.stdin.buffer.read())
