"""Pass 5 (the module plan) on factory-built and tiny APIs: names, escapes, order, layout."""

from __future__ import annotations

import copy
import dataclasses
import keyword
from pathlib import Path

import pytest

from generator.build import build_checkout
from generator.checkout import open_checkout
from generator.diagnostics import InputError
from generator.ir import (
    Api,
    Cardinality,
    Field,
    FieldKind,
    JsonFieldCodec,
    Message,
    ProtoFile,
)
from generator.naming import (
    KEYWORDS,
    escape_doc,
    item_lines,
    python_name,
    word_chunks,
)
from generator.output import write_package
from generator.passes.codecs import SCALARS, builtin_codec, field_codec
from generator.passes.module_plan import plan_package
from generator.pyir import Codec, Import

from .factories import make_field, make_message, message_field
from .tiny_api import API_DEFINITION, write_modern


def test_python_names_avoid_keywords() -> None:
    assert [python_name(n) for n in ("class", "match", "name", "from")] == [
        "class_",
        "match_",
        "name",
        "from_",
    ]


def test_keywords_do_not_depend_on_the_python_running_the_generator() -> None:
    """`type` became a soft keyword in 3.12; TTS has fields named `type`, which must keep
    their name whichever Python generates. A hard keyword of a newer Python fails here.
    """
    assert python_name("type") == "type"
    assert set(keyword.kwlist) <= KEYWORDS


@pytest.mark.parametrize(
    ("comment", "doc"),
    [
        ('say "hi"', 'say \\"hi\\"'),
        ('ends with a quote"', 'ends with a quote\\"'),
        ('a """ triple', 'a \\"\\"\\" triple'),
        ("back\\slash", "back\\\\slash"),
        ("North–South", "North\\u2013South"),
    ],
)
def test_docs_are_escaped(comment: str, doc: str) -> None:
    assert escape_doc(comment) == doc
    compiled = eval(
        '"""' + escape_doc(comment) + '"""'
    )  # noqa: S307 - the point of the test
    assert compiled == comment


def test_docs_wrap_to_the_line_length_and_keep_indentation_and_breaks() -> None:
    doc = escape_doc("word " * 30 + "\n\n  - an item", indent=4)
    lines = doc.split("\n")
    assert all(len(line) <= 88 - 6 for line in lines)
    assert lines[-2:] == ["", "      - an item"]


def test_docs_reflow_paragraphs_and_keep_blocks() -> None:
    comment = (
        "Get the device,\nselecting\nthe fields.\n\nThen:\n- one\n- two\n  code\n| a |"
    )
    assert escape_doc(comment) == (
        "Get the device, selecting the fields.\n\n    Then:\n    - one\n    - two\n"
        "      code\n    | a |"
    )


def test_long_list_items_wrap_under_their_text() -> None:
    path = (
        "/api/v3/applications/{end_device_ids.application_ids.application_id}/devices"
    )
    item = "- " + " ".join(["word"] * 30)
    doc = escape_doc(f"Routes:\n- `GET {path}`\n{item}", indent=8)
    lines = doc.split("\n")
    assert lines[1:3] == [" " * 8 + "- `GET", " " * 10 + path + "`"]
    assert lines[3].startswith(" " * 8 + "- word") and len(lines) > 5
    assert all(line.startswith(" " * 10 + "word") for line in lines[4:])


def api_of(*files: tuple[str, str], messages: tuple[object, ...] = ()) -> Api:
    return Api(
        files=tuple(ProtoFile(name, package, (), True) for name, package in files),
        messages=messages,  # type: ignore[arg-type]
        enums=(),
        services=(),
        warnings=(),
    )


def test_one_package_gives_flat_modules_and_several_nest_by_package() -> None:
    flat = plan_package(
        api_of(("a/b/x.proto", "acme.v1"), ("a/b/y.proto", "acme.v1")), "pkg"
    )
    assert [m.path for m in flat.modules] == ["x.py", "y.py"]
    assert flat.packages == ("",)
    nested = plan_package(
        api_of(("x.proto", "acme.fleet.v1"), ("y.proto", "acme.billing.v1")), "pkg"
    )
    assert [m.path for m in nested.modules] == ["billing/v1/y.py", "fleet/v1/x.py"]
    assert nested.packages == ("", "billing/", "billing/v1/", "fleet/", "fleet/v1/")


def test_module_paths_are_identifiers_and_never_overwrite_each_other() -> None:
    flat = plan_package(
        api_of(
            *((f"a/{name}.proto", "acme.v1") for name in (
                "b-x", "b_x", "_runtime", "__init__", "clients", "1st", "v.2", "class",
            ))
        ),
        "pkg",
    )  # fmt: skip
    assert sorted(m.path for m in flat.modules) == [
        "_1st.py",
        "_init__.py",  # not the package's __init__.py
        "_runtime_.py",  # not the runtime copied in verbatim
        "b_x.py",  # the file whose name is one keeps it
        "b_x_.py",  # b-x.proto
        "class_.py",
        "clients_.py",  # the aggregate clients keep clients.py
        "v_2.py",
    ]
    assert flat.clients_module == "clients.py"
    nested = plan_package(
        api_of(("x.proto", "acme.class.v1"), ("y.proto", "acme.other.v1")), "pkg"
    )
    assert [m.path for m in nested.modules] == ["class_/v1/x.py", "other/v1/y.py"]


def test_a_file_without_a_package_sits_at_the_top_of_a_nested_layout() -> None:
    plan = plan_package(api_of(("a.proto", ""), ("b.proto", "acme.v1")), "pkg")
    assert [m.path for m in plan.modules] == ["a.py", "acme/v1/b.py"]
    assert plan.packages == ("", "acme/", "acme/v1/")


def test_nothing_is_written_outside_the_package(tmp_path: Path) -> None:
    for escaping in ("/abs.py", "../up.py", "x/../../up.py"):
        with pytest.raises(RuntimeError, match="outside the package"):
            write_package({"ok.py": "", escaping: ""}, tmp_path / "pkg")
    assert sorted(p.name for p in tmp_path.rglob("*")) == []  # nor half-written


def test_class_names_that_would_clash_are_an_input_error() -> None:
    nested = dataclasses.replace(
        make_message("acme.v1.A.B", make_field("x")), name="A.B", file="x.proto"
    )
    flat = dataclasses.replace(
        make_message("acme.v1.A_B", make_field("y")), name="A_B", file="x.proto"
    )
    with pytest.raises(
        InputError,
        match="acme.v1.A_B and acme.v1.A.B would both be the Python class A_B",
    ):
        plan_package(api_of(("x.proto", "acme.v1"), messages=(nested, flat)), "pkg")


def test_a_class_whose_name_the_module_uses_is_imported_under_an_alias() -> None:
    def message(full_name: str, file: str, *fields: Field) -> Message:
        return dataclasses.replace(make_message(full_name, *fields), file=file)

    twin = message_field("twin", "acme.a.v1.Device")
    messages = (
        message("acme.a.v1.Device", "a.proto"),
        message("acme.b.v1.Device", "b.proto", twin),  # b's own Device, and a's
        message(
            "acme.c.v1.Both",
            "c.proto",
            message_field("b", "acme.b.v1.Device"),
            message_field("a", "acme.a.v1.Device", number=2),
        ),
    )
    files = [
        ("a.proto", "acme.a.v1"),
        ("b.proto", "acme.b.v1"),
        ("c.proto", "acme.c.v1"),
    ]
    plan = plan_package(api_of(*files, messages=messages), "pkg")
    modules = {m.path: m for m in plan.modules}
    # (Factory messages have no field paths, so no path classes are imported.)
    assert modules["b/v1/b.py"].imports == (
        Import("...a.v1.a", ("Device",), "Device_"),
    )
    # Neither is Both's module's own: the first one used keeps its name.
    assert modules["c/v1/c.py"].imports == (
        Import("...a.v1.a", ("Device",), "Device_"),
        Import("...b.v1.b", ("Device",)),
    )
    (both,) = modules["c/v1/c.py"].messages
    assert [f.annotation for f in both.fields] == ["Device | None", "Device_ | None"]


def test_imports_are_relative_sorted_and_only_what_is_used(tmp_path: Path) -> None:
    plan = plan_package(build_checkout(open_checkout(write_modern(tmp_path))), "tiny")
    devices = next(m for m in plan.modules if m.path == "devices.py")
    assert [(i.module, i.names) for i in devices.imports] == [
        (
            ".identifiers",
            (
                "ApplicationIdentifiers",
                "ApplicationIdentifiersPaths",
                "EndDeviceIdentifiers",
                "EndDeviceIdentifiersPaths",
            ),
        )
    ]
    assert devices.uses_datetime and devices.uses_typing and devices.uses_runtime
    device = next(m for m in devices.messages if m.class_name == "Device")
    fields = {f.attribute: f for f in device.fields}
    # What the class body gives each field, for the runtime to write __init__ from.
    assert fields["lorawan_version"].class_default == "MACVersion_ZERO"
    assert fields["attributes"].class_default == "_rt.EMPTY_DICT"
    assert fields["attributes"].default == "{}"  # what the decoder gives an absent one
    assert fields["name"].class_default == '""' and fields["name"].deprecated
    # A deprecated field's value lives in a private slot behind a warning property.
    assert fields["name"].slot == "_name" and fields["attributes"].slot == "attributes"
    assert fields["data"].slot == "_provisioning"  # a oneof member's, in its oneof's
    assert fields["name"].doc == "Friendly name.\n\n    Deprecated."
    assert ("name", "_name") in device.renamed
    assert device.deprecated == (("name", "name"),)
    assert [o.name for o in device.oneofs] == ["provisioning"]
    # The child's own path class is reused where its paths are the same.
    node = next(n for n in devices.path_nodes if n.class_name == "DevicePaths")
    assert {c.segment: c.node_class for c in node.children}[
        "ids"
    ] == "EndDeviceIdentifiersPaths"
    masks = {m.constant: m for m in devices.rpc_masks}
    assert masks["DEVICE_REGISTRY_SET_MASK"].is_set
    assert masks["DEVICE_REGISTRY_GET_MASK"].literal_alias == "DeviceRegistryGetPath"


def test_an_rpc_with_an_earlier_rpcs_allowed_paths_reuses_its_literal(
    tmp_path: Path,
) -> None:
    definition = copy.deepcopy(API_DEFINITION)
    registry = definition["DeviceRegistry"]
    registry["List"] = copy.deepcopy(registry["Get"])
    checkout = write_modern(tmp_path, definition)
    plan = plan_package(build_checkout(open_checkout(checkout)), "tiny")
    devices = next(m for m in plan.modules if m.path == "devices.py")
    masks = {m.constant: m for m in devices.rpc_masks}
    get, listing = masks["DEVICE_REGISTRY_GET_MASK"], masks["DEVICE_REGISTRY_LIST_MASK"]
    assert listing.same_as is get and listing.allowed == get.allowed
    assert get.same_as is None and masks["DEVICE_REGISTRY_SET_MASK"].same_as is None


def test_long_lists_of_items_are_written_several_to_a_line() -> None:
    items = ['"a"', '"bb"', '"' + "c" * 30 + '"', '"d"', '"e"']
    lines = item_lines(items, width=20)
    assert lines == ('"a", "bb",', '"' + "c" * 30 + '",', '"d", "e",')
    assert item_lines([], width=20) == ()


def test_long_name_lists_are_cut_into_pieces_that_join_back() -> None:
    words = [
        "short",
        "x" * 30 + "." + "y" * 60,
        "tail.end",
        *(f"w{i}" for i in range(40)),
    ]
    chunks = word_chunks(words, width=40)
    assert all(len(chunk) <= 40 for chunk in chunks)
    assert "".join(chunks).split() == words
    assert word_chunks([]) == ("",)


def test_each_field_names_its_codec_as_the_runtime_knows_it() -> None:
    """The word `field_table` reads for each field: the runtime writes the field's
    decoder and encoder from it (an enum's or message's class is the annotation's)."""
    hex_eui = dataclasses.replace(
        make_field("eui", FieldKind.BYTES),
        json_codec=JsonFieldCodec("x.MarshalHEXBytes", "x.Unmarshal8Bytes", 8),
    )
    prefixes = dataclasses.replace(
        make_field("prefixes", FieldKind.BYTES, cardinality=Cardinality.REPEATED),
        json_codec=JsonFieldCodec("x.MarshalDevAddrPrefixSlice", "", None),
    )
    wrapper = "google.protobuf.UInt64Value"
    fields = [
        (make_field("name", FieldKind.STRING), "string"),
        (make_field("up", FieldKind.FIXED64), "uint64"),
        (make_field("rssi", FieldKind.SINT32), "int32"),
        (make_field("snr", FieldKind.DOUBLE), "floating"),
        (make_field("payload", FieldKind.BYTES), "b64"),
        (hex_eui, "hex8"),
        (prefixes, "devaddr_prefix"),
        (make_field("at", FieldKind.MESSAGE, "google.protobuf.Timestamp"), "timestamp"),
        (make_field("n", FieldKind.MESSAGE, wrapper), "wrapped_uint64"),
        (make_field("band", FieldKind.ENUM, "p.Band"), "enum"),
        (message_field("ids", "p.Ids"), "message"),
    ]
    of_the_api = {
        FieldKind.ENUM: Codec("enum", "Band", ""),
        FieldKind.MESSAGE: Codec("message", "Ids", "None"),
    }
    for field, expected in fields:
        codec = builtin_codec(field.value, field) or of_the_api[field.value.kind]
        assert field_codec(codec, None) == expected, field.name
    flags, counts = SCALARS[FieldKind.BOOL], SCALARS[FieldKind.UINT32]
    assert field_codec(counts, flags) == "boolean,uint32"  # a map's: key, value
