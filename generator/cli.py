"""The `ttn-lw-codegen` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .build import build_checkout
from .checkout import open_checkout
from .diagnostics import InputError
from .ir_json import api_to_json

EXIT_INPUT_ERROR = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ttn-lw-codegen",
        description="Generate a typed Python client from a The Things Stack (lorawan-stack) checkout.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    inspect = commands.add_parser(
        "inspect", help="print the intermediate model of the API as JSON on stdout"
    )
    inspect.add_argument(
        "--lorawan-stack",
        required=True,
        type=Path,
        metavar="DIR",
        help="root of a lorawan-stack checkout (holds api/ and sdk/js/generated/)",
    )
    inspect.add_argument(
        "--pretty", action="store_true", help="indent the JSON (slower; the default is compact)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "inspect":
            return _inspect(args.lorawan_stack, pretty=args.pretty)
    except InputError as error:
        print(error.render(), file=sys.stderr)
        return EXIT_INPUT_ERROR
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    raise AssertionError(f"unhandled command {args.command}")  # argparse restricts the choices


def _inspect(root: Path, *, pretty: bool) -> int:
    api = build_checkout(open_checkout(root))
    for warning in api.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    # Without an indent, json uses its C encoder: about ten times faster on the full API.
    layout = {"indent": 1} if pretty else {"separators": (",", ":")}
    sys.stdout.write(json.dumps(api_to_json(api), sort_keys=True, **layout) + "\n")
    return 0
