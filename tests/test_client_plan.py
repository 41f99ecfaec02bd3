"""The client plan (part of pass 5) on the example API: routes in the order the builder
tries them, keyword arguments, pages, streams and gRPC-only RPCs."""

from __future__ import annotations

import dataclasses

import pytest

from generator.build import build_checkout
from generator.checkout import open_checkout
from generator.diagnostics import InputError
from generator.passes.clients import method_name
from generator.passes.module_plan import plan_package, route_prefixes
from generator.pyir import PyRpcClient, PyServiceClient

from .conftest import REPO


@pytest.fixture(scope="module")
def clients() -> dict[str, PyServiceClient]:
    plan = plan_package(build_checkout(open_checkout(REPO / "protos")), "fleet")
    assert plan.clients_module == "clients.py"
    return {c.class_name: c for c in plan.clients}


def rpc(client: PyServiceClient, method: str) -> PyRpcClient:
    return next(r for r in client.rpcs if r.method == method)


def test_routes_are_tried_most_path_values_first(
    clients: dict[str, PyServiceClient],
) -> None:
    set_ = rpc(clients["TrackerRegistryClient"], "set")
    assert [(r.method, r.path, r.values) for r in set_.routes] == [
        (
            "PUT",
            "/applications/{}/trackers/{}",
            ("tracker.ids.application_ids.application_id", "tracker.ids.tracker_id"),
        ),
        (
            "POST",
            "/applications/{}/trackers",
            ("tracker.ids.application_ids.application_id",),
        ),
    ]
    assert all(r.body == "*" and not r.field_masks for r in set_.routes)
    assert (set_.mask_field, set_.mask_target) == ("field_mask", "tracker")
    assert set_.leaf_arguments == (
        ("application_id", "tracker.ids.application_ids.application_id"),
        ("tracker_id", "tracker.ids.tracker_id"),
    )
    assert [v.mask_path for v in set_.path_values] == [
        "tracker.ids.application_ids.application_id",
        "tracker.ids.tracker_id",
    ]
    # What the runtime reads: each route as one text, the keyword arguments as words.
    assert ["".join(r.text_words) for r in set_.routes] == [
        "PUT /applications/{tracker.ids.application_ids.application_id}/trackers"
        "/{tracker.ids.tracker_id} body=*",
        "POST /applications/{tracker.ids.application_ids.application_id}/trackers"
        " body=*",
    ]
    assert all(len(piece) <= 77 for r in set_.routes for piece in r.text_words)
    assert "".join(set_.leaf_arguments_words).split() == [
        "application_id=tracker.ids.application_ids.application_id",
        "tracker_id=tracker.ids.tracker_id",
    ]


def test_bodies_queries_pages_streams_and_grpc_only(
    clients: dict[str, PyServiceClient],
) -> None:
    registry = clients["TrackerRegistryClient"]
    (report,) = rpc(registry, "report").routes
    assert (report.body, report.values) == ("location", ("tracker_ids.tracker_id",))
    (get,) = rpc(registry, "get").routes
    assert (get.body, get.field_masks) == ("", ("field_mask",))
    listing = rpc(registry, "list")
    assert (listing.pages_method, listing.items, listing.item_class) == (
        "list_all",
        "trackers",
        "Tracker",
    )
    assert [r.method for r in listing.routes] == ["GET"]  # the POST has the same values
    (locate,) = rpc(registry, "locate").routes  # only an additional binding
    assert (locate.path, locate.values) == ("/trackers/{}/location", ("tracker_id",))
    touch = rpc(registry, "touch")
    assert (touch.routes, touch.arguments) == ((), ())
    assert "gRPC only" in touch.doc
    stream = rpc(clients["EventsClient"], "stream")
    assert stream.streaming and not stream.pages_method


def test_method_names_are_snake_case_and_never_keywords() -> None:
    assert method_name("GetIdentifiersForEUIs") == "get_identifiers_for_euis"
    assert method_name("List") == "list"
    assert method_name("As") == "as_"
    assert method_name("ListAPIKeys") == "list_api_keys"
    assert method_name("GetMQTTConnectionInfo") == "get_mqtt_connection_info"
    assert method_name("GetMQTTV3ConnectionInfo") == "get_mqttv3_connection_info"
    assert method_name("NsEndDeviceRegistry") == "ns_end_device_registry"
    assert method_name("GetDeviceIDs") == "get_device_ids"


def test_client_methods_that_would_clash_are_an_input_error() -> None:
    api = build_checkout(open_checkout(REPO / "protos"))
    registry = next(s for s in api.services if s.name == "TrackerRegistry")
    clash = dataclasses.replace(
        registry.rpcs[0], name="ListAll", full_method="/acme.fleet.v1.X/ListAll"
    )
    services = tuple(
        dataclasses.replace(s, rpcs=(*s.rpcs, clash)) if s is registry else s
        for s in api.services
    )
    with pytest.raises(InputError, match="would both be the client method list_all"):
        plan_package(dataclasses.replace(api, services=services), "fleet")


def test_a_service_property_never_shadows_the_aggregate_clients_close() -> None:
    api = build_checkout(open_checkout(REPO / "protos"))
    services = tuple(
        dataclasses.replace(s, name="Close") if s.name == "TrackerRegistry" else s
        for s in api.services
    )
    plan = plan_package(dataclasses.replace(api, services=services), "fleet")
    assert "close_" in {c.attribute for c in plan.clients}
    assert "close" not in {c.attribute for c in plan.clients}


def test_route_prefixes_are_the_first_segments_of_every_route(
    clients: dict[str, PyServiceClient],
) -> None:
    events = clients["EventsClient"]
    assert route_prefixes((events,)) == ("events",)
    assert route_prefixes(tuple(clients.values())) == (
        "applications",
        "events",
        "trackers",
    )
    no_routes = dataclasses.replace(events, rpcs=())
    assert route_prefixes((no_routes,)) == ()
