#!/usr/bin/python3
"""A stand-in for Apple's push service (APNs) for the push client's tests.

HTTP/2 over TLS only (ALPN "h2"), with a client certificate required and verified against --client-ca, as
Apple's service does for certificate-based providers. Every request is checked the way an MDM push must look:
POST, :path /3/device/<hex token>, apns-topic (equal to --topic when given), apns-push-type mdm, and a JSON body
{"mdm": "<PushMagic>"}. A request that fails a check gets 400 with Apple's reason (BadPath, MissingTopic,
BadTopic, InvalidPushType, BadPayload, ...); one that passes gets the next answer of --answers.

--answers is a comma-separated script of status codes, optionally with a reason: "200", "429,200",
"410", "400:BadDeviceToken", "503,503,200". "hang" never answers the request; "close" drops the connection
without an answer; "goaway" answers 200, then sends GOAWAY and closes the connection (as a server does with
an idle connection). Answers are used in order; the last one repeats.

Each request is appended as one JSON line to --record: connection number, method, path, headers, body, the
client certificate's subject, the negotiated ALPN protocol and the status answered.

Prints "PORT <n>" on stdout once listening on 127.0.0.1 (port 0: a free port), then serves until killed.
Run with Debian's /usr/bin/python3 (python3-h2).
"""

import argparse
import asyncio
import json
import re
import ssl
import sys
import time

import h2.config
import h2.connection
import h2.events
import h2.exceptions

DEFAULT_REASONS = {
    400: "BadDeviceToken",
    403: "BadCertificate",
    404: "BadPath",
    405: "MethodNotAllowed",
    410: "Unregistered",
    413: "PayloadTooLarge",
    429: "TooManyRequests",
    500: "InternalServerError",
    503: "ServiceUnavailable",
}


class Script:
    def __init__(self, text):
        self.answers = []
        for item in text.split(","):
            code, _, reason = item.strip().partition(":")
            if code in ("hang", "close", "goaway"):
                self.answers.append((code, ""))
                continue
            status = int(code)
            self.answers.append((status, reason or DEFAULT_REASONS.get(status, "")))
        self.next = 0

    def take(self):
        answer = self.answers[min(self.next, len(self.answers) - 1)]
        self.next += 1
        return answer


def check(headers, body, expected_topic):
    """None when the request is a well-formed MDM push, else Apple's reason for a 400/405."""
    if headers.get(":method") != "POST":
        return 405, "MethodNotAllowed"
    if not re.fullmatch(r"/3/device/[0-9a-f]+", headers.get(":path", "")):
        return 400, "BadPath"
    topic = headers.get("apns-topic")
    if not topic:
        return 400, "MissingTopic"
    if expected_topic and topic != expected_topic:
        return 400, "BadTopic"
    if headers.get("apns-push-type") != "mdm":
        return 400, "InvalidPushType"
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return 400, "BadPayload"
    if not isinstance(payload, dict) or not isinstance(payload.get("mdm"), str) or not payload["mdm"]:
        return 400, "BadPayload"
    return None


class Server:
    def __init__(self, args):
        self.args = args
        self.script = Script(args.answers)
        self.connections = 0

    def record(self, entry):
        with open(self.args.record, "a", encoding="utf-8") as out:
            out.write(json.dumps(entry) + "\n")

    async def handle(self, reader, writer):
        self.connections += 1
        number = self.connections
        tls = writer.get_extra_info("ssl_object")
        alpn = tls.selected_alpn_protocol() if tls else None
        peer = writer.get_extra_info("peercert") or {}
        subject = {}
        for rdn in peer.get("subject", ()):
            for key, value in rdn:
                subject[key] = value
        conn = h2.connection.H2Connection(config=h2.config.H2Configuration(client_side=False,
                                                                          header_encoding="utf-8"))
        conn.initiate_connection()
        writer.write(conn.data_to_send())
        streams = {}
        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                try:
                    events = conn.receive_data(data)
                except h2.exceptions.ProtocolError:
                    break
                for event in events:
                    if isinstance(event, h2.events.RequestReceived):
                        streams[event.stream_id] = (dict(event.headers), bytearray())
                    elif isinstance(event, h2.events.DataReceived):
                        streams[event.stream_id][1].extend(event.data)
                        conn.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
                    elif isinstance(event, h2.events.StreamEnded):
                        headers, body = streams.pop(event.stream_id)
                        if self.answer(conn, event.stream_id, headers, bytes(body), number, alpn, subject):
                            writer.write(conn.data_to_send())
                            await writer.drain()
                            return
                    elif isinstance(event, h2.events.ConnectionTerminated):
                        return
                writer.write(conn.data_to_send())
                await writer.drain()
        except (ConnectionError, ssl.SSLError):
            pass
        finally:
            writer.close()

    def answer(self, conn, stream_id, headers, body, number, alpn, subject):
        """Answers one request; True when the connection is to be dropped instead."""
        failed = check(headers, body, self.args.topic)
        status, reason = failed if failed else self.script.take()
        self.record({
            "connection": number,
            "alpn": alpn,
            "client_subject": subject,
            "method": headers.get(":method"),
            "path": headers.get(":path"),
            "headers": {k: v for k, v in headers.items() if not k.startswith(":")},
            "body": body.decode("utf-8", "replace"),
            "status": status,
        })
        if status == "hang":
            return False
        if status == "close":
            return True
        if status == "goaway":
            conn.send_headers(stream_id, [(":status", "200")], end_stream=True)
            conn.close_connection(last_stream_id=stream_id)
            return True
        reply = b""
        if status != 200:
            error = {"reason": reason}
            if status == 410:
                error["timestamp"] = int(time.time() * 1000)
            reply = json.dumps(error).encode()
        response = [(":status", str(status)), ("apns-id", "00000000-0000-0000-0000-%012d" % stream_id)]
        if reply:
            response += [("content-type", "application/json"), ("content-length", str(len(reply)))]
        conn.send_headers(stream_id, response, end_stream=not reply)
        if reply:
            conn.send_data(stream_id, reply, end_stream=True)
        return False


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cert", required=True, help="server certificate (PEM)")
    parser.add_argument("--key", required=True, help="server key (PEM)")
    parser.add_argument("--client-ca", required=True, help="CA that must have issued the client certificate")
    parser.add_argument("--record", required=True, help="file to append one JSON line per request to")
    parser.add_argument("--answers", default="200", help="e.g. 200 | 429,200 | 410 | 400:BadDeviceToken")
    parser.add_argument("--topic", default="", help="the apns-topic every request must carry")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    context.load_verify_locations(args.client_ca)
    context.verify_mode = ssl.CERT_REQUIRED
    context.set_alpn_protocols(["h2"])

    server = Server(args)
    listener = await asyncio.start_server(server.handle, "127.0.0.1", args.port, ssl=context)
    print("PORT %d" % listener.sockets[0].getsockname()[1], flush=True)
    async with listener:
        await listener.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
