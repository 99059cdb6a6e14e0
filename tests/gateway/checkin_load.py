#!/usr/bin/python3
"""Check-in load on `mdm-console serve` for the kill harness (tests/crash_tests.cpp), built on the
virtual devices of virtual_device.py.

  setup  enroll one device per invitation token (lines "PLATFORM TOKEN" in --tokens) and write the
         devices (secrets, Apple URLs) as JSON to --devices.
  load   several threads at once: enroll the fresh tokens, check the enrolled devices in again and again and
         acknowledge every command they get, until killed. Every answer the gateway confirmed is appended
         to --log at once, one line each, so that the log holds exactly what a device was told is stored:
             enrolled SERIAL            (agent 201; Apple TokenUpdate 200)
             ack-agent COMMAND_ID       (204 to the command result)
             ack-apple COMMAND_UUID     (200 to the Acknowledged report)
             seen SERIAL SENT_MS ANSWERED_MS   (a check-in answered 200/204; ms since the epoch)
  probe  after a restart: every device checks in once, one fresh agent token enrolls; exit 0 when all of it
         was answered as the state machine says.

Every request goes to --base; the host and port in stored Apple URLs are replaced (serve gets a new port).
"""

import argparse
import json
import os
import random
import sys
import threading
import time
import types
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import virtual_device as vd  # noqa: E402


def rebase(base, url):
    parts = urllib.parse.urlsplit(url)
    return base.rstrip("/") + parts.path + ("?" + parts.query if parts.query else "")


def device_args(platform, serial):
    return types.SimpleNamespace(platform=platform, serial=serial, imei="", udid=None, name=None, answer=[],
                                 show_secrets=False)


def read_tokens(path):
    with open(path) as f:
        return [line.split() for line in f if line.strip()]


class Log:
    def __init__(self, path):
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        self.lock = threading.Lock()

    def write(self, *words):
        with self.lock:
            os.write(self.fd, (" ".join(str(w) for w in words) + "\n").encode())


def enroll(client, base, platform, token, serial):
    """Enrolls one device; its record for the devices file (raises vd.Refused on a refusal)."""
    device_class = vd.AppleDevice if platform in vd.APPLE else vd.AgentDevice
    device = device_class(client, device_args(platform, serial))
    device.enroll(base.rstrip("/") + "/enroll/" + token)
    if platform in vd.APPLE:
        return {"platform": platform, "serial": serial, "udid": device.udid, "topic": device.topic,
                "checkin": device.checkin_url, "server": device.server_url}
    return {"platform": platform, "serial": serial, "secret": device.secret}


def restore(client, base, record):
    """A virtual device object back from its devices-file record, talking to base."""
    if record["platform"] in vd.APPLE:
        device = vd.AppleDevice(client, device_args(record["platform"], record["serial"]))
        device.udid = record["udid"]
        device.topic = record["topic"]
        device.checkin_url = rebase(base, record["checkin"])
        device.server_url = rebase(base, record["server"])
    else:
        device = vd.AgentDevice(client, device_args(record["platform"], record["serial"]))
        device.secret = record["secret"]
        device.base = base.rstrip("/")
    return device


def check_in(device, record, log):
    """One check-in and an Acknowledged for every command it brings; each confirmed answer logged."""
    sent = int(time.time() * 1000)
    if record["platform"] in vd.APPLE:
        command = device.connect({"UDID": device.udid, "Status": "Idle"})
        log.write("seen", record["serial"], sent, int(time.time() * 1000))
        while command:
            uuid = command["CommandUUID"]
            command = device.connect({"UDID": device.udid, "Status": "Acknowledged", "CommandUUID": uuid})
            log.write("ack-apple", uuid)
        return
    status, answer = device.post("/agent/v1/checkin", {}, device.secret)
    if status not in (200, 204):
        raise vd.Refused(status, b"")
    log.write("seen", record["serial"], sent, int(time.time() * 1000))
    for command in (answer or {}).get("commands", []):
        status, _ = device.post(f"/agent/v1/commands/{command['id']}/result", {"status": "Acknowledged"},
                                device.secret)
        if status not in (200, 204):
            raise vd.Refused(status, b"")
        log.write("ack-agent", command["id"])


def setup(args, client):
    records = []
    for n, (platform, token) in enumerate(read_tokens(args.tokens)):
        records.append(enroll(client, args.base, platform, token, f"SETUP{n:04d}"))
    with open(args.devices, "w") as f:
        json.dump(records, f)
    return 0


def load(args, client):
    log = Log(args.log)
    with open(args.devices) as f:
        records = json.load(f)
    fresh = list(enumerate(read_tokens(args.tokens)))
    random.shuffle(fresh)
    lock = threading.Lock()

    def worker():
        while True:
            with lock:
                job = fresh.pop() if fresh else None
            try:
                if job:
                    n, (platform, token) = job
                    serial = f"LOAD{n:04d}"
                    record = enroll(client, args.base, platform, token, serial)
                    log.write("enrolled", serial)
                    with lock:
                        records.append(record)
                else:
                    with lock:
                        record = random.choice(records)
                    check_in(restore(client, args.base, record), record, log)
            except (vd.Refused, OSError, ValueError, KeyError):
                time.sleep(0.01)  # the gateway is gone or said no: no answer confirmed, nothing logged

    for _ in range(args.threads):
        threading.Thread(target=worker, daemon=True).start()
    while True:
        time.sleep(1)


def probe(args, client):
    with open(args.devices) as f:
        records = json.load(f)
    failures = []
    log = Log(os.devnull)
    for record in records:
        try:
            check_in(restore(client, args.base, record), record, log)
        except (vd.Refused, OSError, ValueError, KeyError) as error:
            failures.append(f"{record['serial']}: {error}")
    for platform, token in read_tokens(args.tokens):
        try:
            enroll(client, args.base, platform, token, "PROBE0001")
        except (vd.Refused, OSError, ValueError, KeyError) as error:
            failures.append(f"enroll {platform}: {error}")
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("mode", choices=["setup", "load", "probe"])
    p.add_argument("--base", required=True, help="https://127.0.0.1:PORT")
    p.add_argument("--cafile", required=True)
    p.add_argument("--tokens", required=True)
    p.add_argument("--devices", required=True)
    p.add_argument("--log", default=os.devnull)
    p.add_argument("--threads", type=int, default=3)
    args = p.parse_args()
    client = vd.Client(args.cafile, False, 10.0)
    return {"setup": setup, "load": load, "probe": probe}[args.mode](args, client)


if __name__ == "__main__":
    sys.exit(main())
