"""Names inside generated classes and modules: proto names unless they would break or shadow
something the generated code uses (passes/member_names.py, path_nodes.py, module_plan.py).
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.naming import free_name
from generator.passes.member_names import (
    class_name,
    enum_member_names,
    message_names,
)

from .conftest import RUFF_RULES, run_cli, run_tool
from .factories import make_field, make_message, write_checkout


def test_free_name_appends_underscores_until_the_name_is_free() -> None:
    assert free_name("name", set()) == "name"
    assert free_name("class", set()) == "class_"
    assert free_name("class", {"class_"}) == "class__"
    assert free_name("list", {"list", "list_"}) == "list__"
    # Python would mangle a leading double underscore inside the class.
    assert free_name("__secret", set()) == "_secret"
    assert free_name("__slots__", {"__slots__"}) == "_slots__"


def test_class_names_join_nesting_and_avoid_keywords_and_the_builtins_used() -> None:
    assert class_name("Outer.Inner") == "Outer_Inner"
    assert [class_name(n) for n in ("None", "class", "str", "_rt", "Any")] == [
        "None_",
        "class_",
        "str_",
        "_rt_",
        "Any",  # the modules write `_typing.Any`
    ]


def test_fields_keep_their_names_unless_the_class_body_uses_them() -> None:
    fields = [
        "name", "self", "str", "list", "bytes", "to_json", "PATHS", "_rt", "_SLOTS",
        "_decode", "_FULL_NAME", "property", "class", "Device", "Kind", "Kind_ZERO",
        "range", "type",
    ]  # fmt: skip
    message = make_message(
        "acme.v1.Device", *(make_field(n, number=i + 1) for i, n in enumerate(fields))
    )
    names = message_names(message, {"Device", "DevicePaths", "Kind", "Kind_ZERO"})
    renamed = {f: a for f, a in names.attributes.items() if a != f}
    assert renamed == {
        "self": "self_",
        "str": "str_",
        "list": "list_",
        "bytes": "bytes_",
        "to_json": "to_json_",
        "PATHS": "PATHS_",
        "_rt": "_rt_",
        "_SLOTS": "_SLOTS_",
        "_decode": "_decode_",
        "_FULL_NAME": "_FULL_NAME_",
        "property": "property_",
        "class": "class_",
        "Device": "Device_",
        "Kind": "Kind_",
        "Kind_ZERO": "Kind_ZERO_",
    }  # builtins the class body never uses (range, type) stay as they are
    assert names.slots == names.attributes


def test_earlier_fields_keep_a_name_a_later_one_wants() -> None:
    message = make_message(
        "acme.v1.M", make_field("class", number=1), make_field("class_", number=2)
    )
    names = message_names(message, {"M", "MPaths"})
    assert names.attributes == {"class": "class_", "class_": "class__"}


def test_private_slots_and_which_methods_avoid_the_fields() -> None:
    deprecated = dataclasses.replace(make_field("decode", number=1), deprecated=True)
    message = make_message(
        "acme.v1.M",
        deprecated,
        make_field("_decode_", number=2),  # the slot a deprecated `decode` would take
        make_field("which_mode", number=3),
        make_field("_mode", number=4),
        make_field("fast", number=5, oneof="mode"),
        oneofs=("mode",),
    )
    names = message_names(message, {"M", "MPaths"})
    # `_decode` is the message's decoder: the deprecated field's slot may not take it.
    assert names.slots["decode"] == "_decode__"
    assert names.which_methods == {"mode": "which_mode_"}
    assert names.oneof_slots == {"mode": "_mode_"}
    assert names.slots["fast"] == "_mode_" and names.attributes["fast"] == "fast"


def test_enum_members_keep_their_names_unless_enum_int_or_python_reserve_them() -> None:
    values = ["KIND_UNKNOWN", "None", "class", "mro", "name", "real", "_index", "_out_"]
    assert enum_member_names(values) == {
        "KIND_UNKNOWN": "KIND_UNKNOWN",
        "None": "None_",
        "class": "class_",
        "mro": "mro_",
        "name": "name_",
        "real": "real_",
        "_index": "index",
        "_out_": "out_",
    }
    assert enum_member_names(["_", "VALUE"]) == {"_": "VALUE", "VALUE": "VALUE_"}


CLASHING_API = """\
syntax = "proto3";

package acme.names.v1;

import "google/protobuf/timestamp.proto";
import "thethings/json/annotations.proto";

enum Kind {
  KIND_UNKNOWN = 0;
  KIND_SENSOR = 1;
}

// Value names Python's Enum, int or the keywords have a use for.
enum Odd {
  option (thethings.json.enum) = {marshal_as_string: true};
  None = 0;
  mro = 1;
  real = 2;
  _index = 3;
}

// Every field name here shadows something in a naively generated class.
message Probe {
  string self = 1;
  repeated string list = 2;
  string str = 3;
  string to_json = 4;
  google.protobuf.Timestamp _dt = 5;
  string _rt = 6;
  string Probe = 7;
  Kind Kind_ZERO = 8;  // the message Kind_ZERO took the name: the zero is Kind_ZERO_
  string _mode = 9;
  string which_mode = 10;
  oneof mode {
    string decode = 11 [deprecated = true];
    string encode = 12;
  }
  Kind kind = 13;
  Odd odd = 14;
  False none = 15;
}

// A keyword as a message name.
message False {
  True flag = 1;
}

// And as an enum name.
enum True {
  TRUE_UNKNOWN = 0;
  TRUE_YES = 1;
}

// Its name is the path class `Probe` would get.
message ProbePaths {
  string a = 1;
}

// Its name is the zero constant `Kind` would get.
message Kind_ZERO {
  string b = 1;
}
"""

USE_OF_CLASHING_API = """\
import sys
import warnings

from names import _http
from names.probe import (
    False_, Kind, Kind_ZERO, Kind_ZERO_, Odd, Probe, ProbePaths, ProbePaths_, True_,
)

probe = Probe(
    self_="me", list_=["a"], str_="s", to_json_="t", _rt_="r", Probe_="p",
    Kind_ZERO=Kind.KIND_SENSOR, _mode="m", which_mode="w", encode="e",
)
data = probe.to_json()
assert data == {
    "self": "me", "list": ["a"], "str": "s", "to_json": "t", "_rt": "r", "Probe": "p",
    "Kind_ZERO": 1, "_mode": "m", "which_mode": "w", "encode": "e",
}, data
assert Probe.from_json(data) == probe and probe.which_mode_() == "encode"
assert eval(repr(probe), vars(sys.modules["names.probe"])) == probe, repr(probe)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    probe.decode = "d"
assert len(caught) == 1 and probe.which_mode_() == "decode"
assert Probe.PATHS.self == "self" and Probe.PATHS.mode.encode_ == "mode.encode"
assert type(Probe.PATHS) is ProbePaths_ and ProbePaths().to_json() == {}
assert Kind_ZERO_ is Kind.KIND_UNKNOWN and Kind_ZERO(b="x").b == "x"
assert [m.name for m in Odd] == ["None_", "mro_", "real_", "index"]
keyword_named = Probe(none=False_(flag=True_.TRUE_YES))
assert Probe.from_json(keyword_named.to_json()) == keyword_named
assert keyword_named.to_json() == {"none": {"flag": 1}}
assert Probe(odd=Odd.real_).to_json() == {"odd": "real"}
assert Probe.from_json({"odd": "_index"}).odd is Odd.index
assert [_http._text_of(m, "odd") for m in Odd] == ["None", "mro", "real", "_index"]
print("ok")
"""


def generate_checked_and_used(
    tmp_path: Path, protos: dict[str, str], package: str, use: str
) -> Path:
    """Generate `protos` as `package`; it must pass `mypy --strict` and ruff, and the
    program `use` must print ok. The output directory, for a closer look."""
    checkout = write_checkout(tmp_path / "checkout", protos)
    out = tmp_path / "out"
    result = run_cli(
        "generate", "--lorawan-stack", checkout, "--out", out, "--package", package
    )
    assert result.status == 0, result.stderr
    mypy = run_tool(out, "mypy", "--strict", "--cache-dir=/dev/null", package)
    assert mypy.returncode == 0, mypy.stdout
    ruff = run_tool(out, "ruff", "check", "--isolated", "--select", RUFF_RULES, package)
    assert ruff.returncode == 0, ruff.stdout
    used = subprocess.run(
        [sys.executable, "-c", use],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (used.returncode, used.stdout) == (0, "ok\n"), used.stderr
    return out


def test_an_api_of_clashing_names_gives_working_type_checked_code(
    tmp_path: Path,
) -> None:
    protos = {"acme/names/v1/probe.proto": CLASHING_API}
    generate_checked_and_used(tmp_path, protos, "names", USE_OF_CLASHING_API)


TWO_PACKAGES = {
    "acme/a/v1/things.proto": """\
syntax = "proto3";
package acme.a.v1;
enum Kind {
  KIND_UNKNOWN = 0;
  KIND_A = 1;
}
message Device {
  string name = 1;
  Kind kind = 2;
}
""",
    "acme/b/v1/things.proto": """\
syntax = "proto3";
package acme.b.v1;
import "acme/a/v1/things.proto";
enum Kind {
  KIND_UNKNOWN = 0;
  KIND_B = 1;
}
// Its own Device and Kind, and package a's under aliases.
message Device {
  string serial = 1;
  acme.a.v1.Device twin = 2;
  acme.a.v1.Kind a_kind = 3;
  Kind b_kind = 4;
  map<string, acme.a.v1.Device> by_name = 5;
}
""",
    "acme/c/v1/both.proto": """\
syntax = "proto3";
package acme.c.v1;
import "acme/a/v1/things.proto";
import "acme/b/v1/things.proto";
// Both packages' Device, neither its own.
message Both {
  acme.b.v1.Device b = 1;
  repeated acme.a.v1.Device a = 2;
}
""",
}

USE_OF_TWO_PACKAGES = """\
from two.a.v1.things import Device as ADevice, Kind as AKind
from two.b.v1.things import Device as BDevice, Kind as BKind
from two.c.v1.both import Both

twin = ADevice(name="t", kind=AKind.KIND_A)
b = BDevice(serial="s", twin=twin, a_kind=AKind.KIND_A, b_kind=BKind.KIND_B,
            by_name={"x": twin})
both = Both(b=b, a=[twin])
data = both.to_json()
assert data == {"b": {"serial": "s", "twin": {"name": "t", "kind": 1}, "a_kind": 1,
                      "b_kind": 1, "by_name": {"x": {"name": "t", "kind": 1}}},
                "a": [{"name": "t", "kind": 1}]}, data
decoded = Both.from_json(data)
assert decoded == both and type(decoded.b.twin) is ADevice and type(decoded.a[0]) is ADevice
assert BDevice().a_kind is AKind.KIND_UNKNOWN and BDevice().b_kind is BKind.KIND_UNKNOWN
assert Both.PATHS.b.twin.name == "b.twin.name"
print("ok")
"""


def test_classes_of_the_same_name_from_two_packages_are_imported_under_aliases(
    tmp_path: Path,
) -> None:
    out = generate_checked_and_used(tmp_path, TWO_PACKAGES, "two", USE_OF_TWO_PACKAGES)
    b_module = (out / "two" / "b" / "v1" / "things.py").read_text()
    assert "from ...a.v1.things import Device as Device_\n" in b_module
    assert "twin: Device_ | None" in b_module
    both_module = (out / "two" / "c" / "v1" / "both.py").read_text()
    # The first used (field b's) keeps the name.
    assert "from ...a.v1.things import Device as Device_\n" in both_module
    assert "from ...b.v1.things import Device, DevicePaths\n" in both_module


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            "message DeviceRegistryGetFields { string a = 1; }",
            "the message acme.names.v1.DeviceRegistryGetFields and the keyword "
            "arguments of /acme.names.v1.DeviceRegistry/Get",
        ),
        (
            "message _DEVICE_REGISTRY_GET { string a = 1; }",
            "the message acme.names.v1._DEVICE_REGISTRY_GET and the description of "
            "/acme.names.v1.DeviceRegistry/Get",
        ),
    ],
)
def test_a_module_level_clash_no_rule_covers_is_an_error(
    tmp_path: Path, extra: str, message: str
) -> None:
    proto = textwrap.dedent("""\
        syntax = "proto3";
        package acme.names.v1;
        import "google/api/annotations.proto";
        message GetRequest { string id = 1; }
        service DeviceRegistry {
          rpc Get(GetRequest) returns (GetRequest) {
            option (google.api.http) = {get: "/devices/{id}"};
          }
        }
        """)
    checkout = write_checkout(
        tmp_path / "checkout", {"acme/names/v1/x.proto": proto + extra}
    )
    out = tmp_path / "out"
    result = run_cli("generate", "--lorawan-stack", checkout, "--out", out)
    assert result.status == 2, result.stderr
    assert f"error: x.py: {message} would both be" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()
