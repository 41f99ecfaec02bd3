"""The `ttn-lw-codegen` command line."""

from __future__ import annotations

import argparse
import json
import keyword
import sys
from collections.abc import Sequence
from pathlib import Path

from .checkout import Checkout, open_checkout
from .diagnostics import InputError

EXIT_DIFFERENCES = 1
EXIT_INPUT_ERROR = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
DEFAULT_PACKAGE = "ttn_lw"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ttn-lw-codegen",
        description="Generate a typed Python client from a The Things Stack (lorawan-stack) checkout.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    inspect = commands.add_parser(
        "inspect", help="print the intermediate model of the API as JSON on stdout"
    )
    generate = commands.add_parser(
        "generate", help="write the typed Python client package"
    )
    for command in (inspect, generate):
        command.add_argument(
            "--lorawan-stack",
            required=True,
            type=Path,
            metavar="DIR",
            help="root of a lorawan-stack checkout (holds api/ and sdk/js/generated/)",
        )
    inspect.add_argument(
        "--pretty",
        action="store_true",
        help="indent the JSON (slower; the default is compact)",
    )
    generate.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="DIR",
        help="the package goes to DIR/PACKAGE",
    )
    generate.add_argument(
        "--package",
        default=DEFAULT_PACKAGE,
        metavar="NAME",
        help=f"the package's directory name (default {DEFAULT_PACKAGE}); imports inside it are "
        "relative, so it can be vendored under any name",
    )
    generate.add_argument(
        "--check",
        action="store_true",
        help="write nothing; print a unified diff and exit 1 if DIR/PACKAGE differs",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "inspect":
            return _inspect(args.lorawan_stack, pretty=args.pretty)
        if args.command == "generate":
            return _generate(
                args.lorawan_stack, args.out, args.package, check=args.check
            )
    except InputError as error:
        print(error.render(), file=sys.stderr)
        return EXIT_INPUT_ERROR
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        print(f"error: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    except KeyboardInterrupt:
        # The package is written by renames, so it is either as before or wholly new.
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    # argparse restricts the choices to the commands above.
    raise AssertionError(f"unhandled command {args.command}")


def _inspect(root: Path, *, pretty: bool) -> int:
    from .build import build_checkout
    from .ir_json import api_to_json

    api = build_checkout(open_checkout(root))
    for warning in api.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    # Without an indent, json uses its C encoder: about ten times faster on the full API.
    layout = {"indent": 1} if pretty else {"separators": (",", ":")}
    sys.stdout.write(json.dumps(api_to_json(api), sort_keys=True, **layout) + "\n")
    return 0


def _generate(root: Path, out: Path, package: str, *, check: bool) -> int:
    # Only generate needs these; `inspect` starts without them.
    from .format_cache import default_directory
    from .output import check_replaceable, diff_package, write_package
    from .output_cache import OutputCache, input_key

    _check_package_name(package)
    target = out / package
    if not check:
        check_replaceable(target)
    checkout = open_checkout(root)
    cache = OutputCache(default_directory())
    key = input_key(checkout.root, package)
    cached = cache.get(key)
    if cached is None:
        files, warnings = _render(checkout, package)
        cache.put(key, files, warnings)
    else:
        files, warnings = cached
    for warning in warnings:
        print(warning, file=sys.stderr)
    if check:
        differences = list(diff_package(files, target))
        sys.stdout.writelines(differences)
        if differences:
            print(
                f"{target} is not what generation gives; regenerate it", file=sys.stderr
            )
            return EXIT_DIFFERENCES
        return 0
    try:
        write_package(files, target)
    except OSError as error:
        raise InputError(
            f"--out {out}: cannot write {error.filename or target}: "
            f"{error.strerror or error}; choose a directory you can write to"
        ) from None
    print(f"wrote {len(files)} files to {target}", file=sys.stderr)
    return 0


def _check_package_name(package: str) -> None:
    if not package.isidentifier() or keyword.iskeyword(package):
        raise InputError(
            f"--package {package!r}: not a valid Python package name "
            "(letters, digits and underscores, not starting with a digit, not a keyword)"
        )
    if package in sys.stdlib_module_names:
        # Only a warning: inside another package (vendored) the name shadows nothing.
        print(
            f"warning: --package {package!r} is the name of a standard library module; "
            "importable as a top-level package, it would shadow that module (`import "
            f"{package}` anywhere in the program, the client's own included, would find it)",
            file=sys.stderr,
        )


def _render(checkout: Checkout, package: str) -> tuple[dict[str, str], list[str]]:
    # Compiling and rendering need protoc, black and Jinja2: imported only when the output
    # is not cached.
    from .build import build_checkout
    from .passes.module_plan import plan_package
    from .render import render_package

    api = build_checkout(checkout)
    warnings = [f"warning: {warning}" for warning in api.warnings]
    return render_package(plan_package(api, package)), warnings
