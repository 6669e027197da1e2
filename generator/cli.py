"""The command line: a thin layer that turns options into arguments for the core.

Exit codes (documented in the README):
  0  nothing wrong
  1  the agreement or case is wrong (findings of severity fout; warnings too with --strict)
  2  the tool could not run: unreadable or non-YAML file, bad usage

Each command imports its core lazily so that `regiekit validate` stays fast to start.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import click

from generator.errors import RegiekitError

T = TypeVar("T")

EXIT_USAGE = 2


@contextmanager
def _tool_errors() -> Iterator[None]:
    """Turn RegiekitError into a Dutch message on stderr and exit code 2."""
    try:
        yield
    except RegiekitError as error:
        click.echo(f"regiekit: {error}", err=True)
        sys.exit(EXIT_USAGE)


def _run(core: Callable[[], int]) -> None:
    with _tool_errors():
        code = core()
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="regiekit")
def main() -> None:
    """regiekit: regionale werkafspraken over coördinatie van zorg als gevalideerde YAML."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json", "github"]),
              default="text", show_default=True, help="Uitvoerformaat.")
def validate(paths: tuple[Path, ...], output_format: str) -> None:
    """Controleer regio-afspraken, regels en casussen (standaard: regions/ en rules/)."""
    from generator.validation import run_validate

    _run(lambda: run_validate(list(paths), output_format=output_format, stream=sys.stdout))
