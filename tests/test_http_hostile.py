"""What a server or a proxy sends cannot crash the client: a malformed error body, a retry
hint that is not a number or a date, a body or a stream chunk nested too deeply, and a
message nested too deeply or holding itself are typed errors, or ignored hints (a stream
chunk nested too deeply: test_rest_client.py); settings no request could use, such as a
component URL for routes the API does not have, are refused.
"""

from __future__ import annotations

import asyncio
import json
import math
from typing import Any

import httpx
import pytest

from generated.fleet import _http
from generated.fleet import _runtime as rt
from generated.fleet.clients import AsyncClient, Client
from generated.fleet.tracker import Fault, Tracker

DETAILS = "type.googleapis.com/ttn.lorawan.v3.ErrorDetails"


def nested(key: str, depth: int, inner: Any = None) -> Any:
    """`{key: {key: ... inner}}`, `depth` deep, built without recursion."""
    value = {} if inner is None else inner
    for _ in range(depth):
        value = {key: value}
    return value


@pytest.mark.parametrize(
    "body",
    [
        {"details": 5},
        {"details": [5, "x", {"@type": 5}]},
        {"code": True},
        {"code": "5"},
        {"code": 2**80},
        {"details": [{"@type": DETAILS, "code": True, "cause": 5, "attributes": []}]},
    ],
)
def test_malformed_error_bodies_are_typed_errors(body: Any) -> None:
    error = _http.error_from(400, json.dumps(body).encode())
    assert type(error) is _http.InvalidArgument  # by the HTTP status
    assert str(error) == "HTTP 400: HTTP 400"


def test_a_cause_chain_is_cut_where_it_could_exhaust_the_stack() -> None:
    chain = nested("cause", 900, {"name": "deepest"})["cause"]
    body = {"details": [{"@type": DETAILS, "name": "top", "cause": chain}]}
    error = _http.error_from(403, json.dumps(body).encode())
    assert error.name == "top"
    assert len(error.causes) == 32


@pytest.mark.parametrize("body", [b"[" * 100_000, b'{"a":' * 100_000])
def test_a_body_nested_too_deeply_to_parse_is_a_typed_error(body: bytes) -> None:
    error = _http.error_from(502, body)
    assert type(error) is _http.Unavailable
    assert error.body_excerpt == body[:200].decode()


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("3", 3.0),
        ("garbage", None),
        ("Wed, 99 Oct 2015 07:28:00 GMT", None),  # a date that does not exist
        ("nan", None),
        ("inf", None),
    ],
)
def test_retry_hints_that_are_not_seconds_or_dates_are_ignored(
    value: str, hint: float | None
) -> None:
    assert _http._retry_hint({"Retry-After": value}) == hint


@pytest.mark.parametrize(
    ("value", "total"),
    [("42", 42), ("\u00b2", None), ("1" * 5000, None), ("-1", None), ("", None)],
)
def test_totals_that_are_not_counts_are_unknown(value: str, total: int | None) -> None:
    assert _http.total_count({"X-Total-Count": value}) == total


def test_a_retry_date_without_a_zone_is_read_as_utc() -> None:
    hint = _http._retry_hint({"Retry-After": "Wed, 21 Oct 2015 07:28:00 -0000"})
    assert hint is not None and hint < 0  # in the past: no wait


def test_a_message_nested_too_deeply_is_a_decode_error() -> None:
    data = {"last_fault": nested("cause", 5_000)}
    with pytest.raises(rt.DecodeError, match="nested too deeply"):
        Tracker.from_json(data)
    with pytest.raises(rt.DecodeError, match="not JSON: maximum recursion depth"):
        Tracker.from_json_string('{"last_fault":' + '{"cause":' * 100_000)


def test_a_message_or_struct_holding_itself_is_an_encode_error() -> None:
    fault = Fault()
    fault.cause = fault
    # Shown and compared as lists holding themselves are, not with a RecursionError.
    assert repr(fault) == "Fault(cause=...)"
    assert fault == fault
    with pytest.raises(rt.EncodeError, match="nested too deeply to write"):
        Tracker(last_fault=fault).to_json()
    extra: dict[str, Any] = {}
    extra["self"] = extra
    with pytest.raises(rt.EncodeError, match="nested too deeply to write"):
        Tracker(extra=extra).to_json_string()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"base_url": "eu1.cloud.thethings.network"}, "base_url 'eu1.cloud"),
        ({"base_url": "https://"}, "base_url 'https://': expected http:// or https://"),
        ({"component_urls": {"ns": "ns.example"}}, "component_urls['ns'] 'ns.example'"),
        (
            {"base_url": "https://user:SECRET@tts.example/api"},
            "base_url: a URL with user:password@ is not taken; give the host alone",
        ),
        (
            {"component_urls": {"ns": "http://SECRET@ns.example"}},
            "component_urls['ns']: a URL with user:password@ is not taken",
        ),
        ({"api_key": "NNSXS.SECRET\nB"}, "api_key: expected printable ASCII"),
        ({"api_key": "NNSXS.SECRET\u00e9"}, "api_key: expected printable ASCII"),
        ({"timeout": -1}, "timeout must be a number of seconds, 0 or more, not -1"),
        ({"timeout": True}, "timeout must be a number of seconds"),
        ({"stream_timeout": math.nan}, "stream_timeout must be a number of seconds"),
        ({"max_retry_wait": math.inf}, "max_retry_wait must be a number of seconds"),
        ({"max_retries": -1}, "max_retries must be 0 or more, not -1"),
    ],
)
def test_settings_refuse_what_no_request_could_use(
    options: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError) as raised:
        _http.Settings(**{"base_url": "https://tts.example", **options})
    assert str(raised.value).startswith(message)
    assert "SECRET" not in str(raised.value)  # a key is never shown, typos and all


def test_settings_take_what_requests_can_use() -> None:
    settings = _http.Settings(
        "https://tts.example:8443/",
        api_key="",  # no key, as None
        component_urls={"/ns/": "https://ns.example/"},
        timeout=0,
        stream_timeout=3600,
    )
    assert settings.base_url == "https://tts.example:8443"
    assert settings.component_urls == {"ns": "https://ns.example"}
    assert "Authorization" not in settings.headers()
    # /api/v3, which every request adds, is taken off a URL copied with it.
    for url, base in [
        ("https://tts.example/api/v3/", "https://tts.example"),
        ("https://proxy.example/tts/api/v3", "https://proxy.example/tts"),
        ("http://api/v3", "http://api/v3"),  # the host api, not the prefix
    ]:
        assert _http.Settings(url).base_url == base


@pytest.mark.parametrize("client", [Client, AsyncClient])
def test_clients_refuse_objects_of_the_wrong_kind(client: type[Any]) -> None:
    """An httpx client or transport of the other kind (sync for async) would fail on the
    first request, far from the mistake; a path as `verify` (older httpx's CA bundle)
    would fail with a FileNotFoundError that does not name it."""
    sync = client is Client
    other_client = httpx.AsyncClient() if sync else httpx.Client()
    transport = httpx.AsyncHTTPTransport() if sync else httpx.HTTPTransport()
    kind = "" if sync else "Async"
    cases: dict[str, dict[str, Any]] = {
        "verify: expected True, False or an ssl.SSLContext (for a private CA: "
        "ssl.create_default_context(cafile=...)), not str": {"verify": "/etc/ca.pem"},
        f"http_client: expected httpx.{kind}Client, got {type(other_client).__name__}": {
            "http_client": other_client
        },
        f"transport: expected httpx.{kind}BaseTransport, got {type(transport).__name__}": {
            "transport": transport
        },
        "pass http_client or transport, not both: an http_client has its transport": {
            "http_client": other_client,
            "transport": transport,
        },
    }
    for message, options in cases.items():
        with pytest.raises(TypeError) as raised:
            client("https://tts.example", **options)
        assert str(raised.value) == message


@pytest.mark.parametrize("client", [Client, AsyncClient])
def test_component_urls_name_route_prefixes_of_the_api(client: type[Any]) -> None:
    with pytest.raises(ValueError) as raised:
        client("https://tts.example", component_urls={"NS": "https://ns.example"})
    assert str(raised.value) == (
        "component_urls: no route of this API starts with NS; the first segments of "
        "its routes are applications, events, trackers"
    )
    routed = client(
        "https://tts.example", component_urls={"/trackers/": "https://t.example"}
    )
    assert routed._caller.settings.component_urls == {"trackers": "https://t.example"}
    if client is Client:
        routed.close()
    else:
        asyncio.run(routed.aclose())
