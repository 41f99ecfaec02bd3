"""A tiny TTS-style API, written for the tests, in both release layouts.

The modern layout (v3.25 on) keeps files in api/ttn/lorawan/v3/ and imports them by that path.
The legacy layout (before v3.25) keeps them in api/, imports them as lorawan-stack/api/<file>,
and carries gogoproto options, whose declaration lives in api/third_party.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .factories import write_checkout

IDENTIFIERS = """\
syntax = "proto3";

package ttn.lorawan.v3;

import "thethings/json/annotations.proto";
{gogo_import}
// Identifies an application.
message ApplicationIdentifiers {{
  string application_id = 1{gogo_name};
}}

message EndDeviceIdentifiers {{
  string device_id = 1;
  ApplicationIdentifiers application_ids = 2{gogo_embed};
  // The LoRaWAN DevEUI.
  bytes dev_eui = 4 [(thethings.json.field) = {{
    marshaler_func: "example.com/types.MarshalHEXBytes",
    unmarshaler_func: "example.com/types.Unmarshal8Bytes"
  }}];
}}
"""

DEVICES = """\
syntax = "proto3";

package ttn.lorawan.v3;

import "google/api/annotations.proto";
import "google/protobuf/empty.proto";
import "google/protobuf/field_mask.proto";
import "google/protobuf/timestamp.proto";
import "thethings/json/annotations.proto";
import "{api}identifiers.proto";
{gogo_import}
enum MACVersion {{
  option (thethings.json.enum) = {{marshal_as_string: true, prefix: "MAC"}};
  MAC_UNKNOWN = 0;
  MAC_V1_0 = 1 [(thethings.json.enum_value) = {{value: "1.0", aliases: ["1.0.0"]}}];
}}

message BoolValue {{
  option (thethings.json.message) = {{wrapper: true}};
  bool value = 1;
}}

// A device.
message Device {{
  EndDeviceIdentifiers ids = 1{gogo_embed};
  google.protobuf.Timestamp created_at = 2;
  // Friendly name.
  string name = 3 [deprecated = true];
  map<string, string> attributes = 4;
  MACVersion lorawan_version = 5;
  BoolValue resets = 6;
  oneof provisioning {{
    string provisioner_id = 7;
    bytes data = 8;
  }}
  optional uint32 hint = 9;
  message Nested {{
    enum Kind {{
      KIND_A = 0;
    }}
    Kind kind = 1;
  }}
  Nested nested = 10;
}}

message GetDeviceRequest {{
  EndDeviceIdentifiers device_ids = 1;
  google.protobuf.FieldMask field_mask = 2;
}}

message SetDeviceRequest {{
  Device device = 1;
  google.protobuf.FieldMask field_mask = 2;
}}

message Devices {{
  repeated Device devices = 1;
}}

message ListDevicesRequest {{
  ApplicationIdentifiers application_ids = 1;
  google.protobuf.FieldMask field_mask = 2;
  uint32 limit = 3;
  uint32 page = 4;
}}

// Manages devices.
service DeviceRegistry {{
  // Get a device.
  rpc Get(GetDeviceRequest) returns (Device) {{
    option (google.api.http) = {{
      get: "/applications/{{device_ids.application_ids.application_id}}/devices/{{device_ids.device_id}}"
    }};
  }}
  rpc Set(SetDeviceRequest) returns (Device) {{
    option (google.api.http) = {{
      put: "/applications/{{device.ids.application_ids.application_id}}/devices/{{device.ids.device_id}}"
      body: "*"
      additional_bindings {{
        post: "/applications/{{device.ids.application_ids.application_id}}/devices"
        body: "*"
      }}
    }};
  }}
  rpc List(ListDevicesRequest) returns (Devices) {{
    option (google.api.http) = {{
      get: "/applications/{{application_ids.application_id}}/devices"
    }};
  }}
  rpc Delete(EndDeviceIdentifiers) returns (google.protobuf.Empty) {{
    option (google.api.http) = {{
      delete: "/applications/{{application_ids.application_id}}/devices/{{device_id}}"
    }};
  }}
  // Streams device changes; gRPC only.
  rpc Watch(GetDeviceRequest) returns (stream Device);
}}
"""

GOGO = """\
// The tests' own stand-in for gogoproto's option declarations.
syntax = "proto2";

package gogoproto;

import "google/protobuf/descriptor.proto";

extend google.protobuf.FieldOptions {
  optional bool nullable = 65001;
  optional bool embed = 65002;
  optional string customname = 65004;
}
"""

API_DEFINITION: dict[str, Any] = {
    "DeviceRegistry": {
        "Get": {
            "allowedFieldMaskPaths": ["name", "ids", "ids.dev_eui", "lorawan_version"]
        },
        "Set": {
            "allowedFieldMaskPaths": ["name", "resets", "resets.value", "legacy_path"]
        },
        "List": {"allowedFieldMaskPaths": ["name"]},
        "Delete": {},
    }
}


def modern_protos() -> dict[str, str]:
    fill = {
        "gogo_import": "",
        "gogo_name": "",
        "gogo_embed": "",
        "api": "ttn/lorawan/v3/",
    }
    return {
        "ttn/lorawan/v3/identifiers.proto": IDENTIFIERS.format(**fill),
        "ttn/lorawan/v3/devices.proto": DEVICES.format(**fill),
    }


def legacy_protos() -> dict[str, str]:
    fill = {
        "gogo_import": 'import "github.com/gogo/protobuf/gogoproto/gogo.proto";\n',
        "gogo_name": ' [(gogoproto.customname) = "ApplicationID"]',
        "gogo_embed": " [(gogoproto.embed) = true, (gogoproto.nullable) = false]",
        "api": "lorawan-stack/api/",
    }
    return {
        "identifiers.proto": IDENTIFIERS.format(**fill),
        "devices.proto": DEVICES.format(**fill),
        "third_party/github.com/gogo/protobuf/gogoproto/gogo.proto": GOGO,
    }


def write_modern(
    root: Path, api_definition: dict[str, Any] | str | None = None
) -> Path:
    return write_checkout(
        root,
        modern_protos(),
        API_DEFINITION if api_definition is None else api_definition,
    )


def write_legacy(root: Path) -> Path:
    return write_checkout(root, legacy_protos(), API_DEFINITION)
