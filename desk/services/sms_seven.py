"""SMS through seven.io (Kiel, Germany; formerly sms77.io).

Why this provider: a German company with servers in Germany, a data-processing agreement (AVV
under Art. 28 GDPR) offered to every business customer, a small documented HTTP API (one POST
with an API key header), alphanumeric sender ids, prepaid without a contract. Another provider
is one module like this one, listed in `reminder_channels.SMS_PROVIDERS`.

The API as documented (docs.seven.io, "SMS" endpoint):
    POST {base}/sms     header X-Api-Key: <key>, Accept: application/json
    form fields: to (E.164 without "+", or with it), text, from (sender id), json=1
    answer (HTTP 200): {"success": "100", "messages": [{"id": "...", "recipient": "...",
                        "success": true, "error": null, "error_text": null, ...}], ...}
    "success" is a return code: 100 sent; 101 not sent to every recipient; 202 invalid
    recipient number; 401 text too long; 402 reload lock (same text to the same number within
    180 s); 403 daily limit for this number; 500 not enough credit; 600 carrier failed;
    900 API key wrong; 902 API disabled; 903 IP not allowed. HTTP 429: too many requests
    (rate limit, with Retry-After).
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta

from desk.services.reminder_channels import Outcome, SendResult, SmsConfig

BASE_URL = "https://gateway.seven.io/api"

# return code -> (outcome, short English reason for the log)
_CODES: dict[str, tuple[Outcome, str]] = {
    "100": (Outcome.SENT, ""),
    "101": (Outcome.PERMANENT, "not delivered to the recipient (101)"),
    "201": (Outcome.TEMPORARY, "sender id not accepted (201): check the configuration"),
    "202": (Outcome.PERMANENT, "number rejected by the provider (202)"),
    "401": (Outcome.PERMANENT, "text too long for the provider (401)"),
    "402": (Outcome.PERMANENT, "the same text went to this number minutes ago (402)"),
    "403": (Outcome.PERMANENT, "daily limit for this number reached (403)"),
    "500": (Outcome.TEMPORARY, "not enough credit at the provider (500)"),
    "600": (Outcome.TEMPORARY, "carrier failed (600)"),
    "900": (Outcome.TEMPORARY, "API key refused (900): check the configuration"),
    "902": (Outcome.TEMPORARY, "HTTP API disabled for the account (902)"),
    "903": (Outcome.TEMPORARY, "this address may not use the account (903)"),
}


class SevenSms:
    name = "seven"

    def __init__(self, config: SmsConfig) -> None:
        self._config = config
        self._base = (config.base_url or BASE_URL).rstrip("/")

    def send(self, to_e164: str, text: str) -> SendResult:
        fields = {"to": to_e164, "text": text, "json": "1"}
        if self._config.sender:
            fields["from"] = self._config.sender
        request = urllib.request.Request(
            f"{self._base}/sms", data=urllib.parse.urlencode(fields).encode("utf-8"), method="POST",
            headers={"X-Api-Key": self._config.api_key, "Accept": "application/json",
                     "Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self._config.timeout) as response:  # noqa: S310
                body = response.read(65536)
        except urllib.error.HTTPError as error:
            if error.code == 429:
                return SendResult(Outcome.TEMPORARY, error="rate limit at the provider (429)",
                                  retry_after=_retry_after(error.headers.get("Retry-After")))
            outcome = Outcome.TEMPORARY if error.code >= 500 or error.code in (401, 403, 408) else Outcome.PERMANENT
            return SendResult(outcome, error=f"provider answered HTTP {error.code}")
        except urllib.error.URLError as error:
            # urllib wraps what goes wrong before the request is out: nothing was sent
            if isinstance(error.reason, TimeoutError):
                return SendResult(Outcome.TEMPORARY, error="provider not reachable in time (timeout)")
            return SendResult(Outcome.TEMPORARY, error="provider not reachable")
        except (TimeoutError, ConnectionError, http.client.HTTPException):
            # the request was out, the answer did not come: the SMS may have gone; never resend
            return SendResult(Outcome.UNKNOWN, error="provider too slow to answer (timeout); the SMS may have gone out")
        except OSError:
            return SendResult(Outcome.TEMPORARY, error="provider not reachable")
        return _result(body)


def _retry_after(value: str | None) -> timedelta | None:
    try:
        return timedelta(seconds=max(0, min(3600, int(value or "")))) if value else None
    except ValueError:
        return None


def _result(body: bytes) -> SendResult:
    try:
        data = json.loads(body.decode("utf-8"))
        code = str(data.get("success", "")) if isinstance(data, dict) else str(data)
    except (UnicodeDecodeError, ValueError, AttributeError):
        # the plain-text variant answers with the bare code
        code = body.decode("utf-8", "replace").strip()[:3]
        data = {}
    outcome, reason = _CODES.get(code, (Outcome.TEMPORARY, f"unexpected answer from the provider ({code[:20]})"))
    if outcome is not Outcome.SENT:
        return SendResult(outcome, error=reason)
    messages = data.get("messages") or [{}]
    first = messages[0] if isinstance(messages[0], dict) else {}
    if first.get("success") is False:
        return SendResult(Outcome.PERMANENT, error=f"not accepted: {first.get('error') or 'unknown'}")
    return SendResult(Outcome.SENT, provider_id=str(first.get("id") or ""))
