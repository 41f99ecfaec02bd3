"""The generated full TTS client against a fake TTS on 127.0.0.1, sync and async alike:
the seeds' requests byte for byte, errors, retries, pages, streams and secrets."""

from __future__ import annotations

import datetime
import enum
import json
import re
import subprocess
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .conftest import instances_in, tts_dataset_path
from .fake_tts import FakeTTS, Reply, stream_chunks
from .rest_cases import API_KEY, collect, drain, resolve, run, total
from .test_seeds import SEEDS, request_bodies, response_bodies

DEVICES = "/api/v3/applications/app1/devices"
ERROR_DETAILS = "type.googleapis.com/ttn.lorawan.v3.ErrorDetails"


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def tts() -> Iterator[FakeTTS]:
    with FakeTTS() as server:
        yield server


@pytest.fixture(scope="module")
def seeds(tts_dataset: Any) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(SEEDS.glob("*.md"))}


def status_body(code: int, namespace: str, name: str, text: str, **extra: Any) -> Any:
    """A google.rpc.Status body as TTS writes it (conventions section 4.6)."""
    details = {"@type": ERROR_DETAILS, "namespace": namespace, "name": name,
               "message_format": text, "code": code, **extra}  # fmt: skip
    return {"code": code, "message": f"error:{namespace}:{name} ({text})",
            "details": [details]}  # fmt: skip


def ids(m: dict[str, ModuleType], device_id: str = "dev1", **eui: bytes) -> Any:
    identifiers = m["identifiers"]
    return identifiers.EndDeviceIdentifiers(
        device_id=device_id,
        application_ids=identifiers.ApplicationIdentifiers(application_id="app1"),
        **eui,
    )


def test_seed_get_is_one_line_and_decodes_the_seed_response(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType], seeds: dict[str, str]
) -> None:
    response = response_bodies(seeds["field-masks.md"])[0]
    tts.reply("GET", f"{DEVICES}/dev1", Reply(body=response))
    paths = modules["end_device"].EndDevice.PATHS

    async def scenario(client: Any) -> Any:
        return await resolve(
            client.end_device_registry.get(
                application_id="app1",
                device_id="dev1",
                field_mask=[paths.name, paths.description, paths.locations],
            )
        )

    device = run(mode, modules["clients"], tts.url, scenario)
    (sent,) = tts.requests
    # The seed's URL, from its curl line.
    seed_url = re.search(
        r"--header \"Authorization: Bearer NNSXS.XXXXXXXXX\" https://thethings.example.com(\S+)",
        seeds["using-the-api.md"],
    )
    assert seed_url is not None
    assert sent.line == f"GET {seed_url.group(1)}"
    assert sent.headers["Authorization"] == f"Bearer {API_KEY}"
    assert sent.headers["Accept"] == "application/json"
    assert sent.body == b""
    assert device.ids.dev_eui == bytes.fromhex("46CF72F61862CBB0")
    assert device.created_at.isoformat() == "2020-07-31T12:17:51.645000+00:00"
    assert device.locations["user"].source.name == "SOURCE_REGISTRY"
    assert device.to_json() == response


def test_seed_put_sends_the_seed_body_and_mask(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType], seeds: dict[str, str]
) -> None:
    seed = request_bodies(seeds["field-masks.md"])[0]
    answer = response_bodies(seeds["field-masks.md"])[2]
    tts.reply("PUT", f"{DEVICES}/dev1", Reply(body=answer))
    end_device = modules["end_device"].EndDevice

    async def scenario(client: Any) -> Any:
        device = end_device(
            ids=ids(modules), name="device-name", description="device-description"
        )
        return await resolve(
            client.end_device_registry.update(
                end_device=device, field_mask=[end_device.PATHS.name]
            )
        )

    updated = run(mode, modules["clients"], tts.url, scenario)
    (sent,) = tts.requests
    assert sent.line == f"PUT {DEVICES}/dev1"
    assert sent.headers["Content-Type"] == "application/json"
    body = sent.json()
    # The whole request goes as the body (`body: "*"`), so the ids the route is built
    # from travel too; the server overwrites them from the path anyway.
    assert body["end_device"].pop("ids") == {
        "device_id": "dev1",
        "application_ids": {"application_id": "app1"},
    }
    assert body == seed
    assert updated.name == "device-name"


def test_seed_registration_is_four_typed_calls(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType], seeds: dict[str, str]
) -> None:
    create, js, ns, as_ = request_bodies(seeds["using-the-api.md"])[1:]
    for method, path in [("POST", DEVICES), ("PUT", "/api/v3/js" + DEVICES[7:]),
                         ("PUT", "/api/v3/ns" + DEVICES[7:]),
                         ("PUT", "/api/v3/as" + DEVICES[7:])]:  # fmt: skip
        tts.reply(method, path if method == "POST" else f"{path}/newdev1", Reply())
    end_device, lorawan = modules["end_device"], modules["lorawan"]
    keys = modules["keys"]
    zero_eui = bytes(8)
    app_key = bytes.fromhex("0123456789ABCDEF0123456789ABCDEF")
    js["end_device"]["root_keys"]["app_key"]["key"] = app_key.hex().upper()
    host = "thethings.example.com"

    async def scenario(client: Any) -> None:
        device_ids = ids(modules, "newdev1", dev_eui=zero_eui, join_eui=zero_eui)
        paths = end_device.EndDevice.PATHS
        await resolve(client.end_device_registry.create(
            end_device=end_device.EndDevice(
                ids=device_ids, join_server_address=host,
                network_server_address=host, application_server_address=host)))  # fmt: skip
        await resolve(client.js_end_device_registry.set(
            end_device=end_device.EndDevice(
                ids=device_ids, network_server_address=host,
                application_server_address=host,
                root_keys=keys.RootKeys(app_key=keys.KeyEnvelope(key=app_key))),
            field_mask=js["field_mask"]["paths"]))  # fmt: skip
        await resolve(client.ns_end_device_registry.set(
            end_device=end_device.EndDevice(
                ids=device_ids, supports_join=True,
                lorawan_version=lorawan.MACVersion.MAC_V1_0_2,
                lorawan_phy_version=lorawan.PHYVersion.PHY_V1_0_2_REV_B,
                frequency_plan_id="EU_863_870"),
            field_mask=[paths.supports_join, paths.lorawan_version, paths.ids.device_id,
                        paths.ids.dev_eui, paths.ids.join_eui, paths.supports_class_c,
                        paths.lorawan_phy_version, paths.frequency_plan_id]))  # fmt: skip
        await resolve(client.as_end_device_registry.set(
            end_device=end_device.EndDevice(ids=device_ids),
            field_mask=as_["field_mask"]["paths"]))  # fmt: skip

    run(mode, modules["clients"], tts.url, scenario)
    assert [r.line for r in tts.requests] == [
        f"POST {DEVICES}",
        "PUT /api/v3/js/applications/app1/devices/newdev1",
        "PUT /api/v3/ns/applications/app1/devices/newdev1",
        "PUT /api/v3/as/applications/app1/devices/newdev1",
    ]
    sent = [r.json() for r in tts.requests]
    for body in sent:  # the route's application ID travels in the body too
        assert body["end_device"]["ids"].pop("application_ids") == {
            "application_id": "app1"
        }
    # Documented differences from the seeds, and nothing else, key for key:
    # CreateEndDeviceRequest has no field_mask; zero values ("", null, false) are never
    # written; enums go by their canonical names.
    del create["field_mask"]
    for zero in ("network_server_kek_label", "application_server_kek_label",
                 "application_server_id", "net_id"):  # fmt: skip
        del js["end_device"][zero]
    del ns["end_device"]["supports_class_c"]
    ns["end_device"]["lorawan_version"] = "MAC_V1_0_2"
    ns["end_device"]["lorawan_phy_version"] = "PHY_V1_0_2_REV_B"
    assert sent == [create, js, ns, as_]


def test_forbidden_path_is_rejected_before_any_request(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    runtime = modules["_runtime"]

    async def scenario(client: Any) -> None:
        await resolve(
            client.end_device_registry.get(
                application_id="app1", device_id="dev1", field_mask=["name", "nmae"]
            )
        )

    with pytest.raises(runtime.ForbiddenPathsError) as raised:
        run(mode, modules["clients"], tts.url, scenario)
    assert "forbidden path(s) in field mask: 'nmae' (did you mean 'name'?)" in str(
        raised.value
    )
    assert "/ttn.lorawan.v3.EndDeviceRegistry/Get" in str(raised.value)
    assert tts.requests == []
    # Switched off per client, the same call goes to the server.
    tts.reply("GET", f"{DEVICES}/dev1", Reply(body={}))
    run(mode, modules["clients"], tts.url, scenario, validate_field_masks=False)
    assert [r.target for r in tts.requests] == [f"{DEVICES}/dev1?field_mask=name,nmae"]


def test_values_tts_json_cannot_carry_are_rejected_before_any_request(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    runtime, storage = (
        modules["_runtime"],
        modules["applicationserver_integrations_storage"],
    )
    end_device = modules["end_device"].EndDevice
    short_eui = ids(modules, dev_eui=bytes.fromhex("70B3D57ED000AB"))

    async def in_the_body(client: Any) -> Any:
        device = end_device(ids=short_eui, name="n")
        return await resolve(client.end_device_registry.update(
            end_device=device, field_mask=[end_device.PATHS.name]))  # fmt: skip

    async def in_the_query(client: Any) -> Any:
        return await drain(client.application_up_storage.get_stored_application_up(
            storage.GetStoredApplicationUpRequest(
                application_ids=ids(modules).application_ids, type="uplink_message",
                after=datetime.datetime(2026, 11, 22, 10))))  # fmt: skip

    async def eui_in_the_query(client: Any) -> Any:
        return await resolve(client.end_device_registry.get(end_device_ids=short_eui))

    with pytest.raises(runtime.EncodeError) as raised:
        run(mode, modules["clients"], tts.url, in_the_body)
    assert str(raised.value) == (
        "end_device.ids.dev_eui: 7 bytes where 8 belong (hex 70B3D57ED000AB)"
    )
    with pytest.raises(runtime.EncodeError) as raised:
        run(mode, modules["clients"], tts.url, in_the_query)
    assert str(raised.value) == (
        "after: datetime.datetime(2026, 11, 22, 10, 0) has no time zone; "
        "use an aware datetime"
    )
    with pytest.raises(runtime.EncodeError) as raised:
        run(mode, modules["clients"], tts.url, eui_in_the_query)
    assert str(raised.value).startswith("end_device_ids.dev_eui: 7 bytes where 8")
    assert tts.requests == []


def test_text_utf8_cannot_carry_is_named_before_any_request(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    """A str with a lone surrogate (as os.fsdecode makes of a stray byte), in the path,
    the query or the body: an EncodeError naming it, not a UnicodeEncodeError."""
    end_device, device_ids = modules["end_device"].EndDevice, ids(modules)
    unknown_version = end_device.from_json(
        {"lorawan_version": "\udcff"}
    ).lorawan_version
    calls: dict[str, Callable[[Any], Awaitable[Any]]] = {
        "end_device_ids.device_id": lambda c: resolve(
            c.end_device_registry.get(application_id="app1", device_id="dev\udcff")
        ),
        "order": lambda c: resolve(
            c.end_device_registry.list(application_id="app1", order="\udcff")
        ),
        "application_ids.application_id": lambda c: drain(  # when paging, too
            c.end_device_registry.list_all(application_id="app\udcff")
        ),
        "end_device.name": lambda c: resolve(
            c.end_device_registry.update(
                end_device=end_device(ids=device_ids, name="n\udcff"),
                field_mask=["name"],
            )
        ),
        # An enum value decoded from an unknown name is written back as that name.
        "end_device.lorawan_version": lambda c: resolve(
            c.ns_end_device_registry.set(
                end_device=end_device(ids=device_ids, lorawan_version=unknown_version),
                field_mask=["lorawan_version"],
            )
        ),
    }
    for path, call in calls.items():
        with pytest.raises(modules["_runtime"].EncodeError) as raised:
            run(mode, modules["clients"], tts.url, call)
        assert str(raised.value) == f"{path}: '\\udcff' is a lone surrogate: not UTF-8"
    assert tts.requests == []


def test_values_of_the_wrong_type_are_named_before_any_request(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    """A caller without types (mypy refuses all but the last) learns which field is
    wrong, not of a missing path value, a forbidden path `n` or an AttributeError; and
    of a value JSON cannot write in a Struct, not of a TypeError from the JSON encoder.
    """
    end_device, device_ids = modules["end_device"].EndDevice, ids(modules)
    calls: dict[str, Callable[[Any], Awaitable[Any]]] = {
        "end_device_ids: expected EndDeviceIdentifiers, got str 'dev1'": lambda c: (
            resolve(c.end_device_registry.get(end_device_ids="dev1"))
        ),
        # Before: AttributeErrors, from setting the ID arguments in what was given.
        "end_device_ids: expected EndDeviceIdentifiers, got str 'x'": lambda c: resolve(
            c.end_device_registry.get(
                end_device_ids="x", application_id="app1", device_id="dev1"
            )
        ),
        "end_device_ids.application_ids: expected ApplicationIdentifiers, got str 'x'": (
            lambda c: resolve(
                c.end_device_registry.get(
                    end_device_ids=modules["identifiers"].EndDeviceIdentifiers(
                        application_ids="x"
                    ),
                    application_id="app1",
                    device_id="dev1",
                )
            )
        ),
        "field_mask: expected list[str], got str 'name'": lambda c: resolve(
            c.end_device_registry.get(end_device_ids=device_ids, field_mask="name")
        ),
        "field_mask[0]: expected str, got int 5": lambda c: resolve(
            c.end_device_registry.get(end_device_ids=device_ids, field_mask=[5])
        ),
        "end_device: expected EndDevice, got dict {'name': 'n'}": lambda c: resolve(
            c.end_device_registry.update(end_device={"name": "n"}, field_mask=["name"])
        ),
        "end_device.lorawan_version: expected MACVersion, got int 3": lambda c: resolve(
            c.end_device_registry.update(
                end_device=end_device(ids=device_ids, name="n", lorawan_version=3),
                field_mask=["name"],
            )
        ),
        "application_ids: expected ApplicationIdentifiers, got str 'app1'": lambda c: (
            drain(c.end_device_registry.list_all(application_ids="app1"))
        ),
        # Before: a TypeError from copying the paths, and ValueErrors about a list
        # that "cannot travel in a query string" for a path value and for `limit`.
        "field_mask: expected list[str], got int 5": lambda c: resolve(
            c.end_device_registry.get(end_device_ids=device_ids, field_mask=5)
        ),
        "end_device_ids.device_id: expected str, got list ['dev1']": lambda c: resolve(
            c.end_device_registry.get(application_id="app1", device_id=["dev1"])
        ),
        "limit: expected int, got list [None]": lambda c: resolve(
            c.end_device_registry.list(application_id="app1", limit=[None])
        ),
        # Before: sent, as `/devices/5`, `limit=10` twice, `limit=ten` and `order=5`.
        "end_device_ids.device_id: expected str, got int 5": lambda c: resolve(
            c.end_device_registry.get(application_id="app1", device_id=5)
        ),
        "limit: expected int, got list [10, 10]": lambda c: resolve(
            c.end_device_registry.list(application_id="app1", limit=[10, 10])
        ),
        # Before: sent, for the server to refuse; the query's and the body's checks
        # know each integer field's proto type.
        "limit: 4294967296 is out of range for uint32 [0, 4294967295]": lambda c: (
            resolve(c.end_device_registry.list(application_id="app1", limit=2**32))
        ),
        "end_device.downlink_margin: -2147483649 is out of range for int32 "
        "[-2147483648, 2147483647]": lambda c: resolve(
            c.ns_end_device_registry.set(
                end_device=end_device(ids=device_ids, downlink_margin=-(2**31) - 1),
                field_mask=["downlink_margin"],
            )
        ),
        # Before: a ValueError from str(), which refuses ints of over 4,300 digits.
        "limit: an int of 16610 bits is past the digits str() writes": lambda c: (
            resolve(c.end_device_registry.list(application_id="app1", limit=10**5000))
        ),
        # Before: sent in the JSON body as `"name": 5`, `"supports_join": "yes"`, a
        # string where the server reads a number, and an attribute value of 1.
        "end_device.name: expected str, got int 5": lambda c: resolve(
            c.end_device_registry.update(
                end_device=end_device(ids=device_ids, name=5), field_mask=["name"]
            )
        ),
        "end_device.supports_join: expected bool, got str 'yes'": lambda c: resolve(
            c.ns_end_device_registry.set(
                end_device=end_device(ids=device_ids, supports_join="yes"),
                field_mask=["supports_join"],
            )
        ),
        'end_device.attributes["k"]: expected str, got int 1': lambda c: resolve(
            c.end_device_registry.update(
                end_device=end_device(ids=device_ids, attributes={"k": 1}),
                field_mask=["attributes"],
            )
        ),
        "end_device.mac_settings.rx1_delay: expected RxDelayValue, got str '1'": lambda c: (
            resolve(
                c.ns_end_device_registry.set(
                    end_device=end_device(
                        ids=device_ids,
                        mac_settings=modules["end_device"].MACSettings(rx1_delay="1"),
                    ),
                    field_mask=["mac_settings.rx1_delay"],
                )
            )
        ),
        "limit: expected int, got str 'ten'": lambda c: resolve(
            c.end_device_registry.list(application_id="app1", limit="ten")
        ),
        "order: expected str, got int 5": lambda c: resolve(
            c.end_device_registry.list(application_id="app1", order=5)
        ),
        'downlinks[0].decoded_payload["at"]: expected a JSON value, got datetime': (
            lambda c: resolve(
                c.app_as.downlink_queue_push(
                    end_device_ids=device_ids,
                    downlinks=[
                        modules["messages"].ApplicationDownlink(
                            decoded_payload={"at": datetime.datetime(2026, 1, 1)}
                        )
                    ],
                )
            )
        ),
    }
    for expected, call in calls.items():
        with pytest.raises(modules["_runtime"].EncodeError) as raised:
            run(mode, modules["clients"], tts.url, call)
        assert str(raised.value) == expected
    assert tts.requests == []


def test_pages_walk_three_pages_and_expose_the_total(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    def page(*names: str) -> Reply:
        devices = [{"ids": {"device_id": n}} for n in names]
        return Reply(body={"end_devices": devices}, headers={"X-Total-Count": "5"})

    tts.reply("GET", DEVICES, page("d1", "d2"), page("d3", "d4"), page("d5"))

    async def scenario(client: Any) -> tuple[Any, list[Any]]:
        # A page in the request does not matter: all items means from page 1.
        pages = client.end_device_registry.list_all(
            application_id="app1", limit=2, page=9
        )
        return await total(pages), await drain(pages)

    count, devices = run(mode, modules["clients"], tts.url, scenario)
    assert count == 5
    assert [d.ids.device_id for d in devices] == ["d1", "d2", "d3", "d4", "d5"]
    assert [r.target for r in tts.requests] == [
        f"{DEVICES}?limit=2&page={n}" for n in (1, 2, 3)
    ]


def test_pages_stop_at_an_empty_page_without_a_total(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    devices = {"end_devices": [{"ids": {"device_id": "d1"}}]}
    tts.reply("GET", DEVICES, Reply(body=devices), Reply(body={}))

    async def scenario(client: Any) -> tuple[list[Any], Any]:
        pages = client.end_device_registry.list_all(application_id="app1")
        return await drain(pages), await total(pages)

    items, count = run(mode, modules["clients"], tts.url, scenario)
    assert len(items) == 1 and count == 1
    # limit is always sent: TTS reads a missing one as "no limit".
    assert [r.target for r in tts.requests] == [
        f"{DEVICES}?limit=100&page=1",
        f"{DEVICES}?limit=100&page=2",
    ]


def get_device(client: Any) -> Any:
    return resolve(
        client.end_device_registry.get(application_id="app1", device_id="dev1")
    )


def test_403_is_a_typed_error_with_tts_details(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    http = modules["_http"]
    body = status_body(7, "pkg/auth/rights", "no_application_rights",
                       "no rights for application `{uid}`",
                       attributes={"uid": "app1"}, correlation_id="c0ffee",
                       cause=status_body(7, "pkg/auth", "token", "x")["details"][0])  # fmt: skip
    tts.reply("GET", f"{DEVICES}/dev1", Reply(403, body))
    with pytest.raises(http.PermissionDenied) as raised:
        run(mode, modules["clients"], tts.url, get_device)
    error = raised.value
    assert isinstance(error, http.ApiError)
    assert (error.status, error.code) == (403, 7)
    assert (error.namespace, error.name) == ("pkg/auth/rights", "no_application_rights")
    assert error.attributes == {"uid": "app1"}
    assert error.correlation_id == "c0ffee"
    assert error.details.message_format == "no rights for application `{uid}`"
    assert [c.name for c in error.causes] == ["token"]
    assert len(tts.requests) == 1  # not retried


def test_429_is_retried_after_the_servers_hint(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    limited = Reply(
        429,
        status_body(8, "pkg/ratelimit", "rate_limit_exceeded", "rate limit exceeded"),
        headers={"X-Rate-Limit-Retry": "0.2"},
    )
    tts.reply("GET", f"{DEVICES}/dev1", limited, Reply(body={"name": "ok"}))
    started = time.monotonic()
    device = run(mode, modules["clients"], tts.url, get_device)
    assert device.name == "ok"
    assert time.monotonic() - started >= 0.2  # waited as told
    assert len(tts.requests) == 2


def test_429_gives_up_after_the_configured_attempts(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    http = modules["_http"]
    body = status_body(8, "pkg/ratelimit", "rate_limit_exceeded", "rate limit exceeded")
    tts.reply("GET", f"{DEVICES}/dev1", Reply(429, body, {"X-Rate-Limit-Retry": "0"}))
    with pytest.raises(http.ResourceExhausted) as raised:
        run(mode, modules["clients"], tts.url, get_device, max_retries=2)
    assert raised.value.status == 429 and raised.value.name == "rate_limit_exceeded"
    assert len(tts.requests) == 3


def test_503_is_retried_only_when_idempotent(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    http = modules["_http"]
    down = Reply(503, {"code": 14, "message": "unavailable"}, {"Retry-After": "0"})
    tts.reply("GET", f"{DEVICES}/dev1", down, Reply(body={}))
    tts.reply("POST", DEVICES, down, Reply(body={}))
    run(mode, modules["clients"], tts.url, get_device)
    assert len(tts.requests) == 2

    async def create(client: Any) -> Any:
        device = modules["end_device"].EndDevice(ids=ids(modules))
        return await resolve(client.end_device_registry.create(end_device=device))

    with pytest.raises(http.Unavailable):
        run(mode, modules["clients"], tts.url, create)
    assert len(tts.requests) == 3


def test_502_html_from_a_proxy_is_a_typed_error_with_an_excerpt(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    http = modules["_http"]
    page = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
    tts.reply("GET", f"{DEVICES}/dev1", Reply(502, page, {"Content-Type": "text/html"}))
    with pytest.raises(http.Unavailable) as raised:
        run(mode, modules["clients"], tts.url, get_device, max_retries=0)
    assert raised.value.status == 502
    assert "502 Bad Gateway" in raised.value.body_excerpt
    assert "502 Bad Gateway" in str(raised.value)


def test_x_warning_headers_become_python_warnings(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    http = modules["_http"]
    reply = Reply(body={}, headers={"X-Warning": "field `label` is deprecated"})
    tts.reply("GET", f"{DEVICES}/dev1", reply)
    with pytest.warns(http.TTSWarning, match="field `label` is deprecated"):
        run(mode, modules["clients"], tts.url, get_device)


def event(number: int) -> Any:
    return {"name": "as.up.data.forward", "time": "2026-11-22T10:00:00.5Z",
            "identifiers": [{"device_ids": {"device_id": f"dev{number}"}}],
            "data": {"@type": "type.googleapis.com/google.protobuf.Value",
                     "value": number}}  # fmt: skip


@pytest.mark.parametrize("delimiter", [b"\n", b"\n\n"])
def test_stream_of_1000_events_then_an_error(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType], delimiter: bytes
) -> None:
    http = modules["_http"]
    start = {"name": "events.stream.start", "time": "2026-11-22T10:00:00Z"}
    results = [{"result": start}] + [{"result": event(n)} for n in range(1, 1000)]
    failure = {"error": {"code": 14, "message": "error:pkg/events:gone (gone)"}}
    body = b"".join(stream_chunks([*results, failure], delimiter))
    # Chunks that cut objects in two, as a network does.
    chunks = [body[i : i + 777] for i in range(0, len(body), 777)]
    tts.reply("POST", "/api/v3/events", Reply(chunks=chunks))
    received: list[Any] = []

    async def scenario(client: Any) -> None:
        identifiers = modules["identifiers"].EntityIdentifiers(device_ids=ids(modules))
        await collect(client.events.stream(identifiers=[identifiers]), received)

    with pytest.raises(http.Unavailable, match="gone"):
        run(mode, modules["clients"], tts.url, scenario)
    assert len(received) == 1000
    assert received[0].name == "events.stream.start"  # delivered like any other
    assert received[-1].identifiers[0].device_ids.device_id == "dev999"
    (sent,) = tts.requests
    assert sent.line == "POST /api/v3/events"
    assert sent.json() == {
        "identifiers": [
            {
                "device_ids": {
                    "device_id": "dev1",
                    "application_ids": {"application_id": "app1"},
                }
            }
        ]
    }


@pytest.mark.parametrize("shape", ["status", "error chunk"])
def test_stream_error_at_open_in_either_shape(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType], shape: str
) -> None:
    http = modules["_http"]
    status = status_body(16, "pkg/auth", "unauthenticated", "unauthenticated")
    tts.reply("POST", "/api/v3/events",
              Reply(401, status if shape == "status" else {"error": status}))  # fmt: skip

    async def scenario(client: Any) -> list[Any]:
        return await drain(client.events.stream())

    with pytest.raises(http.Unauthenticated):
        run(mode, modules["clients"], tts.url, scenario)


def test_a_stream_chunk_nested_too_deeply_is_a_typed_error(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    chunk = b'{"result":' + b"[" * 100_000
    tts.reply("POST", "/api/v3/events", Reply(chunks=[chunk]))

    async def scenario(client: Any) -> list[Any]:
        return await drain(client.events.stream())

    with pytest.raises(modules["_http"].Unavailable, match="not TTS JSON"):
        run(mode, modules["clients"], tts.url, scenario)


@pytest.mark.parametrize("frame", [{}, [1], {"results": {}}, {"error": "text"}])
def test_a_stream_frame_with_neither_a_result_nor_an_error_is_named(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType], frame: Any
) -> None:
    chunks = list(stream_chunks([{"result": event(1)}, frame]))
    tts.reply("POST", "/api/v3/events", Reply(chunks=chunks))
    received: list[Any] = []

    async def scenario(client: Any) -> None:
        await collect(client.events.stream(), received)

    with pytest.raises(modules["_http"].Unavailable) as raised:
        run(mode, modules["clients"], tts.url, scenario)
    problem = (
        f"unexpected stream frame, neither a result nor an error: {json.dumps(frame)!r}"
    )
    assert str(raised.value) == f"HTTP 200: {problem}"
    assert len(received) == 1  # the event before it is out


def test_closing_a_stream_closes_its_connection(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    chunks = list(stream_chunks([{"result": event(n)} for n in range(50)]))
    tts.reply("POST", "/api/v3/events", Reply(chunks=chunks))

    async def scenario(client: Any) -> Any:
        stream = client.events.stream()
        if hasattr(stream, "__aiter__"):
            async with stream:
                first = await stream.__aiter__().__anext__()
        else:
            with stream:
                first = next(iter(stream))
        return first, stream._response

    first, response = run(mode, modules["clients"], tts.url, scenario)
    assert first.name == "as.up.data.forward"
    assert response.is_closed


def quiet_stream(tts: FakeTTS, seconds: float) -> None:
    """An events stream that is silent for `seconds` between its two messages."""
    start, later = (list(stream_chunks([{"result": event(n)}])) for n in (1, 2))
    tts.reply("POST", "/api/v3/events", Reply(chunks=[*start, seconds, *later]))


def test_a_stream_waits_for_its_next_message_longer_than_the_timeout(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    quiet_stream(tts, 1.0)

    async def scenario(client: Any) -> list[Any]:
        return await drain(client.events.stream())

    received = run(mode, modules["clients"], tts.url, scenario, timeout=0.3)
    assert [e.identifiers[0].device_ids.device_id for e in received] == ["dev1", "dev2"]


def test_stream_timeout_bounds_a_streams_silence(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    quiet_stream(tts, 1.0)
    received: list[Any] = []

    async def scenario(client: Any) -> None:
        await collect(client.events.stream(), received)

    http = modules["_http"]
    with pytest.raises(http.ConnectionFailed) as raised:
        run(mode, modules["clients"], tts.url, scenario, stream_timeout=0.3)
    # "ReadTimeout: timed out" in the sync client; anyio's timeout has no text
    assert str(raised.value).startswith("POST /api/v3/events: ReadTimeout")
    assert not str(raised.value).endswith(": ")
    assert len(received) == 1  # the message before the silence


def test_own_connections_use_tcp_keepalive(
    mode: str,
    tts: FakeTTS,
    modules: dict[str, ModuleType],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """So that a stream waiting for hours for its next message notices a dead peer."""
    import socket

    options: list[tuple[int, int]] = []
    setsockopt = socket.socket.setsockopt

    def recorded(sock: socket.socket, level: int, name: int, *value: Any) -> None:
        options.append((level, name))
        setsockopt(sock, level, name, *value)

    monkeypatch.setattr(socket.socket, "setsockopt", recorded)
    tts.reply("GET", f"{DEVICES}/dev1", Reply(body={}))
    run(mode, modules["clients"], tts.url, get_device)
    assert (socket.SOL_SOCKET, socket.SO_KEEPALIVE) in options
    if hasattr(socket, "TCP_KEEPIDLE"):
        assert (socket.IPPROTO_TCP, socket.TCP_KEEPIDLE) in options


def test_tls_is_verified_unless_verify_is_false(
    mode: str, modules: dict[str, ModuleType], tmp_path: Path
) -> None:
    """Against httpx's default CAs, a private CA's SSLContext, or not at all."""
    import ssl

    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", tmp_path / "key.pem", "-out", tmp_path / "cert.pem"],
        check=True, capture_output=True,
    )  # fmt: skip
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    with FakeTTS(tls) as tts:
        tts.reply("GET", f"{DEVICES}/dev1", Reply(body={"name": "over TLS"}))
        with pytest.raises(
            modules["_http"].ConnectionFailed, match="CERTIFICATE_VERIFY"
        ):
            run(mode, modules["clients"], tts.url, get_device)
        device = run(mode, modules["clients"], tts.url, get_device, verify=False)
        private_ca = ssl.create_default_context(cafile=tmp_path / "cert.pem")
        trusted = run(mode, modules["clients"], tts.url, get_device, verify=private_ca)
    assert device.name == trusted.name == "over TLS"


def test_path_values_cannot_escape_their_route(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    async def scenario(client: Any) -> Any:
        return await resolve(
            client.end_device_registry.get(application_id="a/../b?c#d", device_id="..")
        )

    escaped = "/api/v3/applications/a%2F..%2Fb%3Fc%23d/devices/%2E%2E"
    tts.reply("GET", escaped, Reply(body={}))
    run(mode, modules["clients"], tts.url, scenario)
    (sent,) = tts.requests
    assert sent.target == escaped


@given(text=st.text(st.sampled_from("aZ09_-~.,[]/?#&=% \u00e9\u2603"), max_size=8))
def test_text_left_as_it_is_is_what_percent_encoding_gives(
    modules: dict[str, ModuleType], text: str
) -> None:
    http = modules["_http"]
    whole = text.replace(".", "%2E") if text in (".", "..") else quote(text, safe="")
    assert http.segment(text) == whole
    sent = http.HttpRequest("GET", "/x", query=[(text, text)]).target()
    assert sent == f"/api/v3/x?{quote(text, safe='.[]')}={quote(text, safe=',')}"


def test_a_request_of_the_wrong_type_is_named(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    """Such as the application ID passed as the request: before, an AttributeError
    about `field_mask`, or about `to_json` when the stream was iterated."""
    calls: dict[str, Callable[[Any], Awaitable[Any]]] = {
        "EndDeviceRegistry/Get: expected GetEndDeviceRequest or keyword arguments, "
        "got str": lambda c: resolve(c.end_device_registry.get("app1")),
        "EndDeviceRegistry/List: expected ListEndDevicesRequest or keyword arguments, "
        "got EndDevice": lambda c: drain(
            c.end_device_registry.list_all(modules["end_device"].EndDevice())
        ),
        "Events/Stream: expected StreamEventsRequest or keyword arguments, got int": (
            lambda c: drain(c.events.stream(5))
        ),
    }
    for expected, call in calls.items():
        with pytest.raises(TypeError) as raised:
            run(mode, modules["clients"], tts.url, call)
        assert str(raised.value) == f"/ttn.lorawan.v3.{expected}"
    assert tts.requests == []


def test_missing_path_values_and_grpc_only_rpcs_fail_clearly(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    http = modules["_http"]

    async def no_device_id(client: Any) -> Any:
        return await resolve(client.end_device_registry.get(application_id="app1"))

    with pytest.raises(http.MissingPathValueError, match=r"end_device_ids\.device_id"):
        run(mode, modules["clients"], tts.url, no_device_id)

    async def grpc_only(client: Any) -> Any:
        return await resolve(client.app_as.subscribe())

    with pytest.raises(http.GrpcOnlyError, match="AppAs/Subscribe has no HTTP binding"):
        run(mode, modules["clients"], tts.url, grpc_only)
    assert tts.requests == []


def test_component_urls_send_component_routes_elsewhere(
    mode: str, modules: dict[str, ModuleType]
) -> None:
    with FakeTTS() as identity, FakeTTS() as network:
        identity.reply("GET", f"{DEVICES}/dev1", Reply(body={}))
        network.reply(
            "GET", "/api/v3/ns/applications/app1/devices/dev1", Reply(body={})
        )

        async def scenario(client: Any) -> None:
            await get_device(client)
            await resolve(client.ns_end_device_registry.get(
                application_id="app1", device_id="dev1"))  # fmt: skip

        run(mode, modules["clients"], identity.url, scenario,
            component_urls={"ns": network.url})  # fmt: skip
        assert [r.target for r in identity.requests] == [f"{DEVICES}/dev1"]
        assert [r.target for r in network.requests] == [
            "/api/v3/ns/applications/app1/devices/dev1"
        ]


def test_the_api_key_never_shows(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    http, clients = modules["_http"], modules["clients"]
    tts.reply("GET", f"{DEVICES}/dev1",
              Reply(403, status_body(7, "pkg/auth", "no_rights", "no rights")))  # fmt: skip
    texts: list[str] = []

    async def shown(client: Any) -> None:
        nonlocal texts
        texts += [repr(client), repr(client.end_device_registry),
                  repr(client._caller), repr(client._caller.settings)]  # fmt: skip

    for client_mode in ("sync", "async"):
        run(client_mode, clients, tts.url, shown)
    failures = [
        (lambda c: get_device(c), {}),
        (lambda c: resolve(c.end_device_registry.get(
            application_id="app1", device_id="dev1", field_mask=["nope"])), {}),
        (lambda c: get_device(c), {"max_retries": 0}),
    ]  # fmt: skip
    for scenario, options in failures:
        with pytest.raises(Exception) as raised:
            run(mode, clients, tts.url, scenario, **options)
        texts += [str(raised.value), repr(raised.value)]
    # Nothing listens on a closed port: the connection error must not show it either.
    with FakeTTS() as closed:
        closed_url = closed.url
    with pytest.raises(http.ConnectionFailed) as raised:
        run(mode, clients, closed_url, get_device)
    texts += [str(raised.value), repr(raised.value)]
    assert len(texts) == 16
    for text in texts:
        assert "SECRET" not in text, text


def _oracle_bindings() -> list[Any]:
    path = tts_dataset_path() / "oracle" / "http-bindings.json"
    return json.loads(path.read_text()) if path.is_file() else []


ORACLE_BINDINGS = _oracle_bindings()


def test_the_oracle_lists_every_rpc(tts_dataset: Any) -> None:
    assert len(ORACLE_BINDINGS) == 282


# The Device Repository's bindings under /dr/applications/... fill `application_ids`,
# which its requests deprecate: setting it warns, as it should.
@pytest.mark.filterwarnings(
    r"ignore:ttn\.lorawan\.v3\.\w+\.application_ids is deprecated:DeprecationWarning"
)
@pytest.mark.parametrize(
    "entry",
    ORACLE_BINDINGS
    or [None],  # without the dataset, tts_dataset skips (or fails in CI)
    ids=lambda e: e["full_method"].rpartition(".")[2] if e else "no-dataset",
)
def test_request_builder_matches_the_oracle(
    entry: Any, tts_dataset: Any, rpcs: dict[str, Any], modules: dict[str, ModuleType]
) -> None:
    """With exactly one binding's path values set, the builder picks that route (or the
    first with the same values) and fills it in; gRPC-only RPCs have no route."""
    rpc = rpcs[entry["full_method"]]
    # A primary rule without a pattern is skipped, as grpc-gateway skips it.
    bindings = [b for b in entry["bindings"] if b["pattern"]]
    if not bindings:
        assert rpc.routes == ()
        return
    for binding in bindings:
        request, values = rpc.request_class(), {}
        for index, parameter in enumerate(binding["parameters"]):
            value = path_value(rpc, request, parameter, index, modules["_runtime"])
            rpc.set_path_value(request, parameter, value)
            values[parameter] = (
                value.name if isinstance(value, enum.Enum) else str(value)
            )
        first = next(
            b for b in bindings if set(b["parameters"]) == set(binding["parameters"])
        )
        expected = first["pattern"]
        for parameter, text in values.items():
            expected = expected.replace("{" + parameter + "}", text)
        built = rpc.build(request)
        assert (built.method, built.path) == (first["method"].upper(), expected)


@pytest.fixture(scope="module")
def rpcs(modules: dict[str, ModuleType]) -> dict[str, Any]:
    """Every generated RPC description, by full method name."""
    return {rpc.name: rpc for rpc in instances_in(modules, modules["_http"].Rpc)}


def path_value(
    rpc: Any, request: Any, parameter: str, index: int, runtime: ModuleType
) -> Any:
    """A value of the path field's own type: a string, a number or an enum member."""
    steps, _ = rpc._steps_to(parameter)  # each message on the way: its class
    holder = steps[-1][1]() if steps else request
    default = getattr(
        holder, runtime.attribute_of(type(holder), parameter.rpartition(".")[2])
    )
    if isinstance(default, bool):
        return True
    if hasattr(default, "name") and isinstance(default, int):  # an enum
        members: Any = type(default)
        return next(member for member in members if member != default)
    if isinstance(default, int):
        return 7 + index
    return f"v{index}-{parameter.replace('.', '-').replace('_', '-')}"


def test_query_parameters_follow_grpc_gateway(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    """Bytes in base64 (never hex), enums by canonical name, lists as repeated keys,
    nested fields dotted, timestamps in RFC 3339, wrappers as plain values (sent when
    set, even to zero)."""
    notifications, storage = (
        modules["notification_service"],
        modules["applicationserver_integrations_storage"],
    )
    status = notifications.NotificationStatus
    tts.reply("GET", f"{DEVICES}/dev1", Reply(body={}))
    tts.reply("GET", "/api/v3/users/u1/notifications", Reply(body={}))
    tts.reply("GET", "/api/v3/as/applications/app1/packages/storage/uplink_message",
              Reply(chunks=[]))  # fmt: skip

    async def scenario(client: Any) -> None:
        device_ids = ids(modules, dev_eui=bytes.fromhex("70B3D57ED000ABCD"))
        await resolve(client.end_device_registry.get(end_device_ids=device_ids))
        await resolve(client.notification_service.list(
            user_id="u1", status=[status.NOTIFICATION_STATUS_SEEN,
                                  status.NOTIFICATION_STATUS_ARCHIVED]))  # fmt: skip
        await drain(client.application_up_storage.get_stored_application_up(
            storage.GetStoredApplicationUpRequest(
                application_ids=ids(modules).application_ids, type="uplink_message",
                limit=10, after=datetime.datetime(2026, 11, 22, 10, tzinfo=datetime.UTC),
                f_port=0)))  # fmt: skip

    run(mode, modules["clients"], tts.url, scenario)
    assert [r.target for r in tts.requests] == [
        f"{DEVICES}/dev1?end_device_ids.dev_eui=cLPVftAAq80%3D",
        "/api/v3/users/u1/notifications"
        "?status=NOTIFICATION_STATUS_SEEN&status=NOTIFICATION_STATUS_ARCHIVED",
        "/api/v3/as/applications/app1/packages/storage/uplink_message"
        "?limit=10&after=2026-11-22T10%3A00%3A00Z&f_port=0",  # a set wrapper, though 0
    ]


def test_an_injected_transport_carries_the_requests(
    mode: str, modules: dict[str, ModuleType]
) -> None:
    import httpx

    seen: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(f"{request.method} {request.url}")
        return httpx.Response(200, json={"name": "from the transport"})

    transport = httpx.MockTransport(handle)  # serves sync and async clients
    device = run(mode, modules["clients"], "https://eu1.cloud.thethings.network",
                 get_device, transport=transport)  # fmt: skip
    assert device.name == "from the transport"
    assert seen == [
        "GET https://eu1.cloud.thethings.network/api/v3/applications/app1/devices/dev1"
    ]


def test_all_asks_for_every_allowed_path_and_set_rpcs_check_zero(
    mode: str, tts: FakeTTS, modules: dict[str, ModuleType]
) -> None:
    runtime, services = modules["_runtime"], modules["end_device_services"]
    tts.reply("GET", f"{DEVICES}/dev1", Reply(body={}))

    async def read_all(client: Any) -> Any:
        return await resolve(client.end_device_registry.get(
            application_id="app1", device_id="dev1", field_mask=runtime.ALL))  # fmt: skip

    run(mode, modules["clients"], tts.url, read_all)
    (sent,) = tts.requests
    allowed = services.END_DEVICE_REGISTRY_GET_PATHS
    assert sent.target == f"{DEVICES}/dev1?field_mask={','.join(allowed)}"

    # A Set RPC: under a requested path, what the RPC may not set must be zero.
    keys = modules["keys"]
    device = modules["end_device"].EndDevice(
        ids=ids(modules),
        root_keys=keys.RootKeys(app_key=keys.KeyEnvelope(kek_label="not-settable")),
    )

    async def set_keys(client: Any) -> Any:
        return await resolve(client.js_end_device_registry.set(
            end_device=device, field_mask=["root_keys"]))  # fmt: skip

    with pytest.raises(runtime.NonZeroPathError, match="root_keys.app_key.kek_label"):
        run(mode, modules["clients"], tts.url, set_keys)
    assert len(tts.requests) == 1


def test_an_injected_http_client_is_used_and_left_open(
    mode: str, modules: dict[str, ModuleType]
) -> None:
    import asyncio

    import httpx

    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    transport = httpx.MockTransport(handle)
    injected: Any = (httpx.Client if mode == "sync" else httpx.AsyncClient)(
        transport=transport, headers={"X-Proxy-Token": "p"}
    )
    run(mode, modules["clients"], "https://eu1.cloud.thethings.network", get_device,
        http_client=injected)  # fmt: skip
    (request,) = seen  # sent through the injected client, with its own headers too
    assert request.headers["X-Proxy-Token"] == "p"
    assert request.headers["Authorization"].startswith("Bearer NNSXS.")
    assert request.headers["Accept"] == "application/json"
    assert "Authorization" not in injected.headers  # the key is not left on it
    assert not injected.is_closed  # the caller's client stays the caller's to close
    if mode == "sync":
        injected.close()
    else:
        asyncio.run(injected.aclose())


def test_enum_values_this_client_does_not_know_keep_their_number_or_text(
    modules: dict[str, ModuleType],
) -> None:
    http, phy = modules["_http"], modules["lorawan"].PHYVersion
    assert http.segment(phy.PHY_V1_0_2_REV_B) == "PHY_V1_0_2_REV_B"
    assert http.segment(phy(4242)) == "4242"  # not the pseudo-member's name
    unknown = modules["_runtime"].enum_in(phy, "PHY_V9_FUTURE", "phy_version")
    assert http.segment(unknown) == "PHY_V9_FUTURE"
