"""Every error the generated package raises survives pickling (multiprocessing and
concurrent.futures send errors between processes), with its message and attributes."""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable
from typing import Any

import pytest

from generated.fleet import _http
from generated.fleet import _runtime as rt
from generated.fleet.identifiers import TrackerIdentifiers
from generated.fleet.tracker import Tracker
from generated.fleet.tracker_services import TRACKER_REGISTRY_LIST_MASK


def raised(action: Callable[[], object]) -> BaseException:
    with pytest.raises(Exception) as info:
        action()
    return info.value


DETAILED = json.dumps(
    {
        "code": 7,
        "message": "error:pkg/auth:no_rights (no rights)",
        "details": [
            {
                "@type": "type.googleapis.com/ttn.lorawan.v3.ErrorDetails",
                "namespace": "pkg/auth",
                "name": "no_rights",
                "message_format": "no rights",
                "attributes": {"rights": ["RIGHT_APPLICATION_INFO"]},
                "correlation_id": "c0ffee",
                "code": 7,
            }
        ],
    }
).encode()

ERRORS = {
    "DecodeError": lambda: raised(lambda: Tracker.from_json({"ids": {"dev_eui": "1"}})),
    "EncodeError": lambda: raised(
        lambda: Tracker(ids=TrackerIdentifiers(dev_eui=memoryview(b"12"))).to_json()  # type: ignore[arg-type]
    ),
    "ForbiddenPathsError": lambda: raised(
        lambda: TRACKER_REGISTRY_LIST_MASK.validate(["nmae", "locations"])  # type: ignore[list-item]
    ),
    "NonZeroPathError": lambda: rt.NonZeroPathError("/a.B/Set", "x.y", "x"),
    "ApiError": lambda: _http.error_from(403, DETAILED),
    "ApiError from a proxy": lambda: _http.error_from(502, b"<html>down</html>"),
    "MissingPathValueError": lambda: _http.MissingPathValueError(
        "/a.B/Get", (("ids.id",),)
    ),
    "GrpcOnlyError": lambda: _http.GrpcOnlyError("/a.B/Touch"),
}


@pytest.mark.parametrize("make", ERRORS.values(), ids=ERRORS.keys())
def test_errors_pickle_with_their_message_and_attributes(make: Any) -> None:
    error = make()
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    kept = {k: v for k, v in vars(error).items() if k != "_culprit"}
    assert {k: repr(v) for k, v in vars(copy).items()} == {
        k: repr(v) for k, v in kept.items()
    }


def test_tts_error_details_pickle_whole() -> None:
    error = _http.error_from(403, DETAILED)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.status, copy.code, copy.details.correlation_id) == (403, 7, "c0ffee")
    assert copy.details.attributes == {"rights": ["RIGHT_APPLICATION_INFO"]}
    assert error.details is not None
    assert copy.details.message_format == error.details.message_format
