"""Every kind of bad input gets a clear message naming where and what to do, and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import CliResult, run_cli
from .factories import write_checkout
from .tiny_api import API_DEFINITION, modern_protos, write_modern

DEVICES = "ttn/lorawan/v3/devices.proto"
IDENTIFIERS = "ttn/lorawan/v3/identifiers.proto"


def inspect(root: Path) -> CliResult:
    return run_cli("inspect", "--lorawan-stack", root)


def assert_input_error(result: CliResult, *expected_lines: str) -> None:
    assert result.status == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    for line in expected_lines:
        assert line in result.stderr.splitlines(), result.stderr


def test_missing_directory(tmp_path: Path) -> None:
    assert_input_error(
        inspect(tmp_path / "nope"),
        f"error: {tmp_path / 'nope'}: no such directory; pass --lorawan-stack the root of a "
        "lorawan-stack checkout",
    )
    (tmp_path / "file").touch()
    assert_input_error(
        inspect(tmp_path / "file"),
        f"error: {tmp_path / 'file'}: not a directory; pass --lorawan-stack the root of a "
        "lorawan-stack checkout",
    )


def test_directory_without_api(tmp_path: Path) -> None:
    assert_input_error(
        inspect(tmp_path),
        f"error: {tmp_path}: not a lorawan-stack checkout (there is no api/ directory); "
        "pass --lorawan-stack the directory that holds api/ and sdk/",
    )


def test_api_without_protos(tmp_path: Path) -> None:
    (tmp_path / "api" / "third_party").mkdir(parents=True)
    (tmp_path / "api" / "third_party" / "x.proto").write_text('syntax = "proto3";')
    assert_input_error(
        inspect(tmp_path),
        f"error: {tmp_path}: not a lorawan-stack checkout (no .proto files under api/ outside "
        "api/third_party); pass --lorawan-stack the directory that holds api/ and sdk/",
    )


def test_syntax_errors_in_several_files_are_all_reported(tmp_path: Path) -> None:
    protos = modern_protos()
    protos[DEVICES] = protos[DEVICES].replace("bool value = 1;", "bool value = 1")
    protos[IDENTIFIERS] = protos[IDENTIFIERS].replace(
        "string device_id = 1;", "strin device_id = ;"
    )
    assert_input_error(
        inspect(write_checkout(tmp_path, protos, API_DEFINITION)),
        "error: protoc could not parse the API files",
        f'  api/{DEVICES}:21: Expected ";". (column 1)',
        f"  api/{IDENTIFIERS}:13: Expected field number. (column 21)",
    )


def test_files_that_are_not_proto3(tmp_path: Path) -> None:
    protos = modern_protos()
    legacy = "ttn/lorawan/v3/legacy.proto"
    protos[legacy] = (
        'syntax = "proto2";\npackage ttn.lorawan.v3;\n'
        "message Legacy { optional string name = 1; }\n"
    )
    assert_input_error(
        inspect(write_checkout(tmp_path, protos, API_DEFINITION)),
        f'error: api/{legacy}: syntax "proto2" is not supported; write the file as '
        'syntax = "proto3", as TTS\'s API files are',
    )


def test_unresolved_import(tmp_path: Path) -> None:
    protos = modern_protos()
    protos[IDENTIFIERS] = protos[IDENTIFIERS].replace(
        'import "thethings/json/annotations.proto";',
        'import "thethings/json/annotations.proto";\nimport "acme/missing.proto";',
    )
    result = inspect(write_checkout(tmp_path, protos, API_DEFINITION))
    assert_input_error(
        result,
        "error: protoc could not parse the API files",
        "  acme/missing.proto: File not found.",
    )
    assert (
        f'  api/{IDENTIFIERS}:6: Import "acme/missing.proto" was not found or had errors.'
        in result.stderr
    )
    assert (
        "add the file under api/third_party, or correct the import path"
        in result.stderr
    )


def test_path_variable_that_is_not_a_request_field(tmp_path: Path) -> None:
    protos = modern_protos()
    protos[DEVICES] = (
        protos[DEVICES]
        .replace("{device_ids.device_id}", "{device_ids.device_name}")
        .replace(
            'delete: "/applications/{application_ids.application_id}',
            'delete: "/applications/{application_id}',
        )
    )
    assert_input_error(
        inspect(write_checkout(tmp_path, protos, API_DEFINITION)),
        "error: invalid HTTP bindings (fix the google.api.http options)",
        f"  api/{DEVICES}:70: ttn.lorawan.v3.DeviceRegistry.Get: GET "
        '"/applications/{device_ids.application_ids.application_id}/devices/{device_ids.device_name}": '
        "path variable {device_ids.device_name} is not a field of ttn.lorawan.v3.GetDeviceRequest "
        "(ttn.lorawan.v3.EndDeviceIdentifiers has no field 'device_name')",
        f"  api/{DEVICES}:90: ttn.lorawan.v3.DeviceRegistry.Delete: DELETE "
        '"/applications/{application_id}/devices/{device_id}": path variable {application_id} is not '
        "a field of ttn.lorawan.v3.EndDeviceIdentifiers "
        "(ttn.lorawan.v3.EndDeviceIdentifiers has no field 'application_id')",
    )


def test_custom_binding_without_a_method(tmp_path: Path) -> None:
    protos = modern_protos()
    protos[DEVICES] = protos[DEVICES].replace(
        'get: "/applications/{device_ids.application_ids.application_id}/devices/'
        '{device_ids.device_id}"',
        'custom: {kind: "", path: "/devices/{device_ids.device_id}"}',
    )
    assert_input_error(
        inspect(write_checkout(tmp_path, protos, API_DEFINITION)),
        f"  api/{DEVICES}:70: ttn.lorawan.v3.DeviceRegistry.Get: "
        "\"/devices/{device_ids.device_id}\": custom kind '' is not an HTTP method; set it, "
        'as in custom: {kind: "HEAD", path: "..."}',
    )


def test_allowed_paths_that_are_not_lists_of_strings(tmp_path: Path) -> None:
    definition = json.loads(json.dumps(API_DEFINITION))
    definition["DeviceRegistry"]["Get"]["allowedFieldMaskPaths"] = "name,ids"
    definition["DeviceRegistry"]["List"]["allowedFieldMaskPaths"] = ["name", 7]
    assert_input_error(
        inspect(write_modern(tmp_path, definition)),
        "error: sdk/js/generated/api-definition.json is malformed",
        "  sdk/js/generated/api-definition.json: DeviceRegistry.Get.allowedFieldMaskPaths: "
        'must be a list of strings (field-mask paths), got "name,ids"',
        "  sdk/js/generated/api-definition.json: DeviceRegistry.List.allowedFieldMaskPaths: "
        "must be a list of strings (field-mask paths), got a list holding 7",
    )


def test_allowed_paths_that_are_not_field_paths(tmp_path: Path) -> None:
    # A path with a space would split into two where paths are written as one string.
    definition = json.loads(json.dumps(API_DEFINITION))
    definition["DeviceRegistry"]["Get"]["allowedFieldMaskPaths"] = [
        "name",
        "ids dev_eui",
    ]
    definition["DeviceRegistry"]["List"]["allowedFieldMaskPaths"] = ["ids.", "name"]
    assert_input_error(
        inspect(write_modern(tmp_path, definition)),
        "error: sdk/js/generated/api-definition.json is malformed",
        "  sdk/js/generated/api-definition.json: DeviceRegistry.Get.allowedFieldMaskPaths: "
        '"ids dev_eui" is not a field-mask path (field names joined by dots); restore the '
        "file from the TTS release",
        "  sdk/js/generated/api-definition.json: DeviceRegistry.List.allowedFieldMaskPaths: "
        '"ids." is not a field-mask path (field names joined by dots); restore the file from '
        "the TTS release",
    )


def test_api_definition_naming_rpcs_that_do_not_exist(tmp_path: Path) -> None:
    definition = {
        **API_DEFINITION,
        "Ghosts": {"Haunt": {}},
        "DeviceRegistry": {"Purge": {}},
    }
    assert_input_error(
        inspect(write_modern(tmp_path, definition)),
        "error: sdk/js/generated/api-definition.json names RPCs that the protos do not declare "
        "(is it from the same TTS release as api/?)",
        "  sdk/js/generated/api-definition.json: DeviceRegistry.Purge: no such RPC in the protos",
        "  sdk/js/generated/api-definition.json: Ghosts.Haunt: no such RPC in the protos",
    )


def test_missing_api_definition(tmp_path: Path) -> None:
    root = write_modern(tmp_path)
    (root / "sdk/js/generated/api-definition.json").unlink()
    assert_input_error(
        inspect(root),
        "error: sdk/js/generated/api-definition.json: missing; it lists each RPC's allowed "
        "field-mask paths and is part of every TTS release (check out a full lorawan-stack "
        "release, not only api/)",
    )


def test_api_definition_that_is_a_directory(tmp_path: Path) -> None:
    root = write_modern(tmp_path)
    definition = root / "sdk/js/generated/api-definition.json"
    definition.unlink()
    definition.mkdir()
    assert_input_error(
        inspect(root),
        "error: sdk/js/generated/api-definition.json: not a file; it lists each RPC's allowed "
        "field-mask paths and is part of every TTS release (check out a full lorawan-stack "
        "release, not only api/)",
    )


def test_api_definition_that_is_not_json(tmp_path: Path) -> None:
    assert_input_error(
        inspect(write_modern(tmp_path, '{\n  "DeviceRegistry": {\n    "Get": {,}\n}')),
        "error: sdk/js/generated/api-definition.json:3: not valid JSON (Expecting property name "
        "enclosed in double quotes at column 13); restore the file from the TTS release",
    )


def test_generate_rejects_types_from_outside_the_api_by_field(tmp_path: Path) -> None:
    protos = modern_protos()
    protos["third_party/acme/other.proto"] = (
        'syntax = "proto3";\npackage acme.other;\nmessage Colour { string name = 1; }\n'
    )
    protos[DEVICES] = (
        protos[DEVICES]
        .replace(
            'import "google/api/annotations.proto";',
            'import "acme/other.proto";\nimport "google/api/annotations.proto";',
        )
        .replace(
            "  optional uint32 hint = 9;",
            "  optional uint32 hint = 9;\n  acme.other.Colour colour = 11;",
        )
    )
    root = write_checkout(tmp_path / "in", protos, API_DEFINITION)
    result = run_cli("generate", "--lorawan-stack", root, "--out", tmp_path / "out")
    assert_input_error(
        result,
        f"error: api/{DEVICES}:38: field colour has the type acme.other.Colour, which is neither "
        "part of the API's own files nor a google.protobuf well-known type; generating it is not "
        "supported (move the type into the API's files)",
    )
    assert not (tmp_path / "out").exists()
