#!/usr/bin/python3
"""A virtual device: enrolls from an invitation link against the console's gateway (`mdm-console serve`),
checks in every few seconds and carries out the commands it receives, so that the whole loop
invite -> enroll -> Managed -> deprovision -> carried out can be watched and tested on one machine.

Apple platforms (ios, ipados, macos) speak Apple's MDM check-in protocol with XML plists: the profile from
<link>/profile.mobileconfig, Authenticate and TokenUpdate to its CheckInURL, Idle / command results to its
ServerURL, CheckOut after a removed profile. Other platforms (android, windows, other) use the gateway's
JSON agent API (/agent/v1/...).

Prints one JSON object per line on stdout ({"event": ...}); exits 0 when the device was deprovisioned (or
after --once), 1 on an unexpected answer, 3 when the gateway refused the link (404/409/410, printed).

Debian's Python only (run with /usr/bin/python3): urllib, ssl, plistlib, json.
"""

import argparse
import json
import plistlib
import random
import re
import ssl
import string
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

APPLE = {"ios", "ipados", "macos"}
PLATFORMS = APPLE | {"android", "windows", "other"}


def emit(event, **fields):
    fields["event"] = event
    print(json.dumps(fields, sort_keys=True), flush=True)


class Refused(Exception):
    def __init__(self, status, body):
        super().__init__(f"HTTP {status}")
        self.status = status
        self.body = body


class Client:
    def __init__(self, cafile, insecure, timeout):
        if insecure:
            self.context = ssl._create_unverified_context()
        else:
            self.context = ssl.create_default_context(cafile=cafile)
        self.timeout = timeout

    def request(self, method, url, body=None, content_type=None, headers=None):
        request = urllib.request.Request(url, data=body, method=method)
        if content_type:
            request.add_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            context = self.context if url.startswith("https:") else None
            with urllib.request.urlopen(request, context=context, timeout=self.timeout) as answer:
                return answer.status, answer.read(), answer.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            return error.code, error.read(), error.headers.get("Content-Type", "")


def random_serial():
    return "V" + "".join(random.choice(string.ascii_uppercase + string.digits) for _ in range(11))


def random_imei():
    digits = [random.randint(0, 9) for _ in range(14)]
    # Luhn check digit, so that the IMEI looks like a real one.
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return "".join(map(str, digits)) + str((10 - total % 10) % 10)


def platform_from_landing_page(client, link):
    status, body, _ = client.request("GET", link)
    if status != 200:
        raise Refused(status, body)
    match = re.search(rb'data-platform="([a-z]+)"', body)
    return match.group(1).decode() if match else None


def answer_for(args, request_type):
    for rule in args.answer:
        name, _, status = rule.partition("=")
        if status and name == request_type:
            return status
        if not status and rule in ("Acknowledged", "NotNow", "Error"):
            return rule
    return "Acknowledged"


class AppleDevice:
    CHECKIN = "application/x-apple-aspen-mdm-checkin"
    CONNECT = "application/x-apple-aspen-mdm"

    def __init__(self, client, args):
        self.client = client
        self.args = args
        self.udid = args.udid or str(uuid.uuid4()).upper()
        self.serial = args.serial or random_serial()
        self.imei = args.imei if args.imei is not None else (random_imei() if args.platform != "macos" else "")
        self.token = bytes(random.getrandbits(8) for _ in range(32))
        self.push_magic = str(uuid.uuid4()).upper()

    def enroll(self, link):
        status, body, content_type = self.client.request("GET", link.rstrip("/") + "/profile.mobileconfig")
        if status != 200:
            raise Refused(status, body)
        if "application/x-apple-aspen-config" not in content_type:
            raise RuntimeError(f"profile has Content-Type {content_type!r}")
        profile = plistlib.loads(body)
        mdm = next(p for p in profile["PayloadContent"] if p["PayloadType"] == "com.apple.mdm")
        self.checkin_url = mdm["CheckInURL"]
        self.server_url = mdm["ServerURL"]
        self.topic = mdm.get("Topic", "")
        secret = urllib.parse.parse_qs(urllib.parse.urlsplit(self.checkin_url).query).get("e", [""])[0]
        emit("profile", identifier=profile["PayloadIdentifier"], **({"secret": secret} if self.args.show_secrets else {}))
        facts = {
            "MessageType": "Authenticate",
            "UDID": self.udid,
            "Topic": self.topic,
            "SerialNumber": self.serial,
            "ProductName": {"ios": "iPhone15,2", "ipados": "iPad13,1", "macos": "Mac14,2"}[self.args.platform],
            "Model": {"ios": "iPhone 14 Pro", "ipados": "iPad Air", "macos": "MacBook Air"}[self.args.platform],
            "OSVersion": {"ios": "17.1", "ipados": "17.1", "macos": "14.1"}[self.args.platform],
            "BuildVersion": "21B74",
            "DeviceName": self.args.name or f"Virtual {self.serial[-4:]}",
        }
        if self.imei:
            facts["IMEI"] = self.imei
        self.checkin(facts)
        emit("authenticated", udid=self.udid, serial=self.serial)
        self.token_update(with_unlock_token=True)
        emit("enrolled", udid=self.udid, serial=self.serial, imei=self.imei, protocol="apple")

    def token_update(self, with_unlock_token):
        message = {"MessageType": "TokenUpdate", "UDID": self.udid, "Topic": self.topic, "Token": self.token,
                   "PushMagic": self.push_magic}
        if with_unlock_token:
            message["UnlockToken"] = b"unlock-" + self.udid.encode()
        self.checkin(message)

    def checkin(self, message):
        status, body, _ = self.client.request("PUT", self.checkin_url, plistlib.dumps(message), self.CHECKIN)
        if status != 200:
            raise Refused(status, body)

    def connect(self, report):
        status, body, _ = self.client.request("PUT", self.server_url, plistlib.dumps(report), self.CONNECT)
        if status != 200:
            raise Refused(status, body)
        return plistlib.loads(body) if body.strip() else None

    def poll(self):
        """One Idle check-in and every command it brings; True when the device was deprovisioned."""
        command = self.connect({"UDID": self.udid, "Status": "Idle"})
        while command:
            request_type = command["Command"]["RequestType"]
            status = answer_for(self.args, request_type)
            report = {"UDID": self.udid, "Status": status, "CommandUUID": command["CommandUUID"]}
            if status == "Error":
                report["ErrorChain"] = [{"ErrorCode": 12021, "ErrorDomain": "MCMDMErrorDomain",
                                         "LocalizedDescription": "Virtual device refused the command",
                                         "USEnglishDescription": "Virtual device refused the command"}]
            emit("command", type=request_type, uuid=command["CommandUUID"], status=status,
                 pin=command["Command"].get("PIN", ""), identifier=command["Command"].get("Identifier", ""))
            if status == "NotNow":
                # The server offers it again at the next Idle, not on this connection.
                self.connect(report)
                return False
            next_command = self.connect(report)
            if status == "Acknowledged" and request_type == "EraseDevice":
                emit("erased", udid=self.udid)
                return True
            if status == "Acknowledged" and request_type == "RemoveProfile":
                self.checkin({"MessageType": "CheckOut", "UDID": self.udid, "Topic": self.topic})
                emit("checked_out", udid=self.udid)
                return True
            command = next_command
        return False

    def check_out(self):
        self.checkin({"MessageType": "CheckOut", "UDID": self.udid, "Topic": self.topic})
        emit("checked_out", udid=self.udid)


class AgentDevice:
    def __init__(self, client, args):
        self.client = client
        self.args = args
        self.serial = args.serial or random_serial()
        self.imei = args.imei if args.imei is not None else (random_imei() if args.platform == "android" else "")

    def post(self, path, payload, secret=None):
        headers = {"Authorization": f"Bearer {secret}"} if secret else {}
        status, body, _ = self.client.request("POST", self.base + path, json.dumps(payload).encode(),
                                              "application/json", headers)
        return status, json.loads(body) if body.strip() and body.lstrip()[:1] in (b"{", b"[") else None

    def enroll(self, link):
        parts = urllib.parse.urlsplit(link)
        match = re.match(r"^(.*)/enroll/([^/]+)/?$", parts.path)
        if not match:
            raise RuntimeError(f"not an invitation link: {link}")
        self.base = urllib.parse.urlunsplit((parts.scheme, parts.netloc, match.group(1), "", ""))
        status, answer = self.post("/agent/v1/enroll", {
            "token": urllib.parse.unquote(match.group(2)), "platform": self.args.platform,
            "serial": self.serial, "imei": self.imei,
            "model": {"android": "Pixel 8", "windows": "Surface Laptop 5"}.get(self.args.platform, "Device"),
            "osVersion": {"android": "14", "windows": "10.0.22631"}.get(self.args.platform, "1.0"),
            "deviceName": self.args.name or f"Virtual {self.serial[-4:]}"})
        if status != 201:
            raise Refused(status, json.dumps(answer).encode() if answer else b"")
        self.secret = answer["deviceSecret"]
        self.poll_seconds = answer.get("pollSeconds", 5)
        emit("enrolled", device_id=answer["deviceId"], serial=self.serial, imei=self.imei, protocol="agent",
             **({"secret": self.secret} if self.args.show_secrets else {}))

    def poll(self):
        status, answer = self.post("/agent/v1/checkin", {}, self.secret)
        if status == 204:
            return False
        if status != 200:
            raise Refused(status, b"")
        for command in answer.get("commands", []):
            request_type = command["type"]
            result = answer_for(self.args, request_type)
            payload = {"status": result}
            if result == "Error":
                payload["error"] = "Virtual device refused the command"
            emit("command", type=request_type, id=command["id"], status=result)
            status, _ = self.post(f"/agent/v1/commands/{command['id']}/result", payload, self.secret)
            if status not in (200, 204):
                raise Refused(status, b"")
            if result != "Acknowledged":
                continue
            if request_type == "RevokeMdm":
                self.check_out()
                return True
            if request_type == "FactoryReset":
                emit("erased", serial=self.serial)
                return True
        return False

    def check_out(self):
        status, _ = self.post("/agent/v1/checkout", {}, self.secret)
        if status not in (200, 204):
            raise Refused(status, b"")
        emit("checked_out", serial=self.serial)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("link", help="the invitation link, https://HOST:PORT/enroll/TOKEN")
    p.add_argument("--platform", choices=sorted(PLATFORMS),
                   help="default: what the landing page says the invitation is for")
    p.add_argument("--cafile", help="CA certificate that signed the gateway's certificate")
    p.add_argument("--insecure", action="store_true", help="do not verify the gateway's certificate")
    p.add_argument("--serial")
    p.add_argument("--imei", help="default: a random one on phones, none on computers")
    p.add_argument("--udid")
    p.add_argument("--name", help="device name")
    p.add_argument("--interval", type=float, default=3.0, help="seconds between check-ins")
    p.add_argument("--answer", action="append", default=[],
                   help="Acknowledged|NotNow|Error, or TYPE=STATUS (e.g. EraseDevice=Error); default Acknowledged")
    p.add_argument("--once", action="store_true", help="enroll, check in once, exit")
    p.add_argument("--check-out", action="store_true", help="enroll, then remove the profile (CheckOut)")
    p.add_argument("--timeout", type=float, default=10.0)
    p.add_argument("--show-secrets", action="store_true",
                   help="print the enrollment secret (for tests that check that no log holds it)")
    args = p.parse_args()

    client = Client(args.cafile, args.insecure, args.timeout)
    try:
        if not args.platform:
            args.platform = platform_from_landing_page(client, args.link)
            if args.platform not in PLATFORMS:
                print("virtual_device: the landing page names no platform; pass --platform", file=sys.stderr)
                return 2
        device = AppleDevice(client, args) if args.platform in APPLE else AgentDevice(client, args)
        device.enroll(args.link)
        if args.check_out:
            device.check_out()
            return 0
        while True:
            if device.poll():
                return 0
            if args.once:
                emit("idle")
                return 0
            time.sleep(args.interval)
    except Refused as refused:
        emit("refused", status=refused.status, body=refused.body.decode("utf-8", "replace")[:300])
        return 3
    except (OSError, ValueError, KeyError, RuntimeError, plistlib.InvalidFileException) as error:
        emit("error", message=str(error))
        return 1


if __name__ == "__main__":
    sys.exit(main())
