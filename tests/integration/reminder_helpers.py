"""Local stand-ins for the real channels: an HTTP server speaking seven.io's SMS API and a real
SMTP server (aiosmtpd) with STARTTLS and login. Both listen on 127.0.0.1 only."""

from __future__ import annotations

import json
import subprocess
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

API_KEY = "test-key-not-secret"


@dataclass
class SevenStub:
    """Answers POST /api/sms like seven.io. `mode`: ok | reject | ratelimit | slow | badkey."""

    mode: str = "ok"
    received: list[dict[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    delay: float = 3.0
    server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}/api"

    def start(self) -> SevenStub:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet
                pass

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", "0"))
                fields = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode("utf-8")))
                if self.path != "/api/sms":
                    return self._answer(404, {"error": "no such endpoint"})
                if self.headers.get("X-Api-Key") != API_KEY or stub.mode == "badkey":
                    return self._answer(200, {"success": "900"})
                if stub.mode == "ratelimit":
                    self.send_response(429)
                    self.send_header("Retry-After", "120")
                    self.end_headers()
                    return None
                if stub.mode == "slow":
                    time.sleep(stub.delay)
                if stub.mode == "reject" or not fields.get("to", "").lstrip("+").isdigit():
                    return self._answer(200, {"success": "202", "messages": [
                        {"id": None, "recipient": fields.get("to"), "success": False, "error": "202"}]})
                with stub.lock:
                    stub.received.append(fields)
                    n = len(stub.received)
                encoding = "gsm" if all(ord(c) < 128 for c in fields.get("text", "")) else "unicode"
                return self._answer(200, {
                    "success": "100", "total_price": 0.075, "balance": 10.0, "debug": "false",
                    "sms_type": "direct",
                    "messages": [{"id": f"7722{n:07d}", "sender": fields.get("from", ""),
                                  "recipient": fields["to"].lstrip("+"), "text": fields["text"],
                                  "encoding": encoding, "parts": 1, "price": 0.075, "success": True,
                                  "error": None, "error_text": None}]})

            def _answer(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1/localhost (openssl), used as the test's private CA too."""
    cert, key = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True)
    return cert, key


def write_config(path: Path, *, sms_url: str | None = None, smtp_port: int | None = None,
                 ca_file: Path | None = None, security: str = "starttls", timeout: float = 3.0) -> Path:
    lines = []
    if sms_url:
        lines += ["[reminders.sms]", 'provider = "seven"', f'base_url = "{sms_url}"',
                  'api_key_env = "DESK_TEST_SMS_KEY"', 'sender = "Termin"', f"timeout = {timeout}", ""]
    if smtp_port:
        lines += ["[reminders.smtp]", 'host = "localhost"', f"port = {smtp_port}", f'security = "{security}"',
                  'username = "desk"', 'password_env = "DESK_TEST_SMTP_PASSWORD"',
                  'sender = "Termine <termine@example.org>"', f"timeout = {timeout}"]
        if ca_file:
            lines.append(f'ca_file = "{ca_file}"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
