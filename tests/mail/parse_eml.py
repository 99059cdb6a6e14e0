#!/usr/bin/python3
"""Parses a delivered .eml with Python's email package and prints what the mail tests check, as JSON.

Independent of the C++ MIME code: encoded-words, quoted-printable/base64 and folding are undone by Python.
"""

import base64
import email
import email.policy
import email.utils
import json
import sys


def main(path):
    raw = open(path, "rb").read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    raw_msg = email.message_from_bytes(raw, policy=email.policy.compat32)  # header text as written

    lines = raw.split(b"\r\n")
    result = {
        "bare_lf": b"\n" in raw.replace(b"\r\n", b""),
        "bare_cr": b"\r" in raw.replace(b"\r\n", b""),
        "max_line": max(len(line) for line in lines),
        "non_ascii_bytes": any(b > 127 for b in raw),
        "defects": [type(d).__name__ for d in msg.defects],
        "content_type": msg.get_content_type(),
        "subject": str(msg["subject"]) if msg["subject"] is not None else None,
        "raw_subject": raw_msg["subject"],
        "raw_from": raw_msg["from"],
        "raw_to": raw_msg["to"],
        "from_name": msg["from"].addresses[0].display_name,
        "from_address": msg["from"].addresses[0].addr_spec,
        "to_name": msg["to"].addresses[0].display_name,
        "to_address": msg["to"].addresses[0].addr_spec,
        "message_id": str(msg["message-id"]),
        "mime_version": str(msg["mime-version"]),
        "raw_date": raw_msg["date"],
        "parts": [],
        # Every entity in order, multiparts included, indented by depth: "multipart/alternative",
        # " text/plain", " multipart/related", "  text/html", "  image/png".
        "structure": [],
    }
    date = email.utils.parsedate_to_datetime(str(msg["date"]))
    result["date_epoch"] = int(date.timestamp())
    result["date_offset_minutes"] = int(date.utcoffset().total_seconds() // 60)
    def outline(entity, depth):
        result["structure"].append(" " * depth + entity.get_content_type())
        if entity.is_multipart():
            for child in entity.iter_parts():
                outline(child, depth + 1)
    outline(msg, 0)
    for part in msg.walk():
        if part.is_multipart():
            if part.get_content_type() == "multipart/related":
                result["related_type"] = part.get_param("type")
            continue
        result["defects"] += [type(d).__name__ for d in part.defects]
        content = part.get_content()
        entry = {
            "type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "encoding": part.get("content-transfer-encoding"),
            "content_id": part.get("content-id"),
            "disposition": part.get_content_disposition(),
            "filename": part.get_filename(),
        }
        if isinstance(content, bytes):  # an image: JSON carries it as base64
            entry["content"] = None
            entry["content_base64"] = base64.b64encode(content).decode("ascii")
        else:
            entry["content"] = content
        result["parts"].append(entry)
    json.dump(result, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    main(sys.argv[1])
