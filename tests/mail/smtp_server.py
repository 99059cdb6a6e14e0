#!/usr/bin/python3
"""A small SMTP server for the mail tests, on aiosmtpd 1.4 (Debian's python3-aiosmtpd; run with /usr/bin/python3).

Prints "PORT <n>" on stdout once it listens (--port 0 picks a free loopback port). Appends one line per event
to --log: "CONNECT <peer>", "CMD <command line>" (AUTH arguments masked by aiosmtpd), "AUTH <mech> OK|FAIL",
"MESSAGE <file> FROM <sender> TO <rcpt,...>", "DROP". Each accepted message is saved as <outdir>/NNN.eml
(the data as received, after dot-unstuffing), and logged, before the 250 goes out (--delay-data delays that 250). Stop it by killing the process.
"""

import argparse
import asyncio
import logging
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--mode", choices=["plain", "starttls", "starttls-required", "tls"], default="plain",
                   help="tls: implicit TLS from the first byte")
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--user")
    p.add_argument("--password")
    p.add_argument("--auth-required", action="store_true")
    p.add_argument("--auth-require-tls", action="store_true",
                   help="offer AUTH only over TLS (ignored with --mode tls, where everything is TLS)")
    p.add_argument("--auth-mechanisms", default="PLAIN,LOGIN", help="the mechanisms to advertise")
    p.add_argument("--reject", action="append", default=[], help="answer RCPT TO with 550 5.1.1")
    p.add_argument("--reject-temp", action="append", default=[], help="answer RCPT TO with 451 4.2.0")
    p.add_argument("--stall", choices=["none", "connect", "after-ehlo"], default="none",
                   help="connect: accept, then never answer; after-ehlo: answer EHLO, then nothing")
    p.add_argument("--no-ehlo", action="store_true", help="refuse EHLO with 502 (HELO only)")
    p.add_argument("--extra-ehlo-lines", type=int, default=0,
                   help="add capability lines and move AUTH to the last EHLO line")
    p.add_argument("--fragment", action="store_true", help="send every reply line in small pieces")
    p.add_argument("--drop-after", type=int, default=-1,
                   help="close the connection at MAIL FROM once this many messages were accepted")
    p.add_argument("--delay-data", type=int, default=0, metavar="MS",
                   help="store each message, then wait MS milliseconds before answering 250 to its DATA")
    p.add_argument("--outdir", required=True)
    p.add_argument("--log", required=True)
    return p.parse_args()


OPTS = parse_args()
LOG = open(OPTS.log, "a", buffering=1, encoding="utf-8")


def event(line):
    LOG.write(line + "\n")
    LOG.flush()


class CommandLog(logging.Handler):
    """aiosmtpd logs every command line as "%r >> %r" (peer, bytes) on the "mail.log" logger."""

    def emit(self, record):
        if record.msg == "%r >> %r" and len(record.args) == 2:
            line = record.args[1]
            if isinstance(line, bytes):
                line = line.decode("utf-8", "replace")
            event("CMD " + line)


mail_log = logging.getLogger("mail.log")
mail_log.setLevel(logging.INFO)
mail_log.addHandler(CommandLog())
mail_log.propagate = False


class Handler:
    def __init__(self):
        self.count = 0
        self.accepted = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname  # the 5-argument hook must do this itself
        if OPTS.extra_ehlo_lines > 0:
            auth = [r for r in responses if r.startswith("250-AUTH")]
            rest = [r for r in responses[:-1] if not r.startswith("250-AUTH")]
            extra = ["250-X-TEST-EXTENSION-%d some parameters here" % i for i in range(OPTS.extra_ehlo_lines)]
            last = ["250 " + auth[0][4:]] if auth else ["250 HELP"]
            responses = rest + extra + (["250-HELP"] if auth else []) + last
        return responses

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if 0 <= OPTS.drop_after <= self.accepted:
            event("DROP")
            server.transport.abort()
            return "421 4.3.0 dropped"  # never reaches the client
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in OPTS.reject:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        if address in OPTS.reject_temp:
            return "451 4.2.0 <%s>: Mailbox temporarily unavailable" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        self.accepted += 1
        path = os.path.join(OPTS.outdir, "%03d.eml" % self.count)
        # Written aside and renamed: a test that sees NNN.eml must never read it half-written.
        with open(path + ".part", "wb") as f:
            f.write(envelope.original_content)
        os.replace(path + ".part", path)
        event("MESSAGE %s FROM %s TO %s" % (path, envelope.mail_from, ",".join(envelope.rcpt_tos)))
        if OPTS.delay_data > 0:
            # The message is stored but the client has not heard so yet: a client killed now sends it again.
            await asyncio.sleep(OPTS.delay_data / 1000)
        return "250 2.0.0 Ok: queued as TEST%03d" % self.count


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = (OPTS.user is not None and auth_data.login == OPTS.user.encode()
          and auth_data.password == (OPTS.password or "").encode())
    event("AUTH %s %s" % (mechanism, "OK" if ok else "FAIL"))
    return AuthResult(success=ok, handled=False, auth_data=auth_data)


class TestSMTP(SMTP):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stalled = OPTS.stall == "connect"

    async def push(self, status):
        if self.stalled:
            return
        data = status.encode("utf-8") if isinstance(status, str) else bytes(status)
        if not OPTS.fragment or data.startswith(b"220 Ready to start TLS"):
            return await super().push(status)
        # Pieces of 7 bytes with pauses between them (TCP_NODELAY is on), so replies arrive split.
        data += b"\r\n"
        for i in range(0, len(data), 7):
            if i > 0:
                await asyncio.sleep(0.002)
            self._writer.write(data[i:i + 7])
            await self._writer.drain()

    async def smtp_EHLO(self, hostname):
        if OPTS.no_ehlo:
            await self.push("502 5.5.2 Error: command not recognized")
            return
        await super().smtp_EHLO(hostname)
        if OPTS.stall == "after-ehlo":
            self.stalled = True


def tls_context():
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    ctx.load_cert_chain(OPTS.cert, OPTS.key)
    return ctx


async def main():
    loop = asyncio.get_running_loop()
    handler = Handler()
    ctx = tls_context() if OPTS.mode != "plain" else None
    advertised = [m.strip().upper() for m in OPTS.auth_mechanisms.split(",") if m.strip()]
    kwargs = dict(
        hostname="mail.test.invalid",
        ident="MDM test SMTP",
        enable_SMTPUTF8=False,
        auth_required=OPTS.auth_required,
        auth_require_tls=OPTS.auth_require_tls and OPTS.mode != "tls",
        auth_exclude_mechanism=[m for m in ("PLAIN", "LOGIN") if m not in advertised],
        authenticator=authenticator,
        loop=loop,
    )
    if OPTS.mode in ("starttls", "starttls-required"):
        kwargs["tls_context"] = ctx
        kwargs["require_starttls"] = OPTS.mode == "starttls-required"

    def factory():
        event("CONNECT")
        return TestSMTP(handler, **kwargs)

    server = await loop.create_server(factory, host=OPTS.host, port=OPTS.port,
                                      ssl=ctx if OPTS.mode == "tls" else None)
    port = server.sockets[0].getsockname()[1]
    print("PORT %d" % port, flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    import warnings
    warnings.simplefilter("ignore")  # aiosmtpd warns about auth without TLS in the plain-AUTH tests
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
