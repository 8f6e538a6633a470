"""The command line: ``python -m neuron_tutorial build|list|numbers|read`` (also ``neuron-tutorial``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import read


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="neuron-tutorial",
        description="Build the interactive figures of 'Reading neurons together', or read your own network.",
    )
    from .. import __version__

    parser.add_argument("--version", action="version", version=f"neuron_tutorial {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="render widgets to standalone HTML files")
    build_cmd.add_argument("names", nargs="*", help="widgets to build (default: all)")
    build_cmd.add_argument("--out", type=Path, default=Path("build/site-assets"),
                           help="output folder; widgets go to OUT/widgets, BokehJS to OUT/assets")
    build_cmd.add_argument("--force", action="store_true", help="rebuild even when up to date")
    commands.add_parser("list", help="list the widgets with their pages")
    commands.add_parser("numbers", help="print the measured numbers the pages quote, as JSON")
    read.add_parser(commands)
    args = parser.parse_args(argv)
    if args.command == "read":
        return read.run(args)

    from ..figures import WIDGETS
    from . import cache
    from .build import build

    cache.install()
    if args.command == "numbers":
        import json

        from .numbers import numbers

        print(json.dumps(numbers(), indent=1, sort_keys=True, ensure_ascii=False))
        return 0

    if args.command == "list":
        for widget in WIDGETS.values():
            print(f"{widget.name:<20} {widget.page:<28} {widget.description}")
        return 0
    try:
        print(f"Building widgets into {args.out}/")
        build(args.names or None, args.out, force=args.force)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0

