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
from typing import TYPE_CHECKING, Any

import click

from generator.errors import RegiekitError

if TYPE_CHECKING:
    from generator.casecheck import CheckOptions

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


class _DutchGroup(click.Group):
    """The command group; click's usage errors are reported in Dutch, with exit code 2."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        run_click: Callable[..., Any] = super().main
        if not standalone_mode:
            return run_click(*args, standalone_mode=False, **kwargs)
        try:
            return run_click(*args, standalone_mode=False, **kwargs)
        except click.exceptions.NoArgsIsHelpError as error:
            click.echo(error.ctx.get_help() if error.ctx else "", err=True)
        except click.UsageError as error:
            usage = f"{error.ctx.get_usage()}\n" if error.ctx else ""
            click.echo(f"{usage}regiekit: {_usage_message(error)}", err=True)
        except click.Abort:
            click.echo("regiekit: afgebroken", err=True)
        sys.exit(EXIT_USAGE)


def _usage_message(error: click.UsageError) -> str:
    """A Dutch sentence for click's usage errors (click itself speaks English)."""
    if isinstance(error, click.NoSuchOption):
        return f"onbekende optie {error.option_name}{_did_you_mean(error.possibilities)}"
    if isinstance(error, click.exceptions.NoSuchCommand):
        return f"onbekende opdracht '{error.command_name}'{_did_you_mean(error.possibilities)}"
    if isinstance(error, click.MissingParameter):
        kind = "argument" if isinstance(error.param, click.Argument) else "optie"
        return f"verplicht {kind} ontbreekt: {_param_name(error)}"
    if isinstance(error, click.BadParameter):
        choices = getattr(getattr(error.param, "type", None), "choices", None)
        if choices:
            return f"ongeldige waarde voor {_param_name(error)}; kies uit: {', '.join(choices)}"
        return f"ongeldige waarde voor {_param_name(error)} ({error.message})"
    if error.message.startswith("Got unexpected extra argument"):
        return "te veel argumenten" + error.message[len("Got unexpected extra arguments"):]
    return f"verkeerd gebruik ({error.message})"


def _param_name(error: click.BadParameter) -> str:
    if error.param is not None:
        return error.param.get_error_hint(error.ctx) if error.ctx else error.param.name or "?"
    return str(error.param_hint or "?")


def _did_you_mean(possibilities: Any) -> str:
    return f"; bedoelde u {' of '.join(sorted(possibilities))}?" if possibilities else ""


@click.group(cls=_DutchGroup, context_settings={"help_option_names": ["-h", "--help"]})
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


def _case_options(regions: Path, rules: Path) -> CheckOptions:
    from generator.casecheck import CheckOptions

    return CheckOptions(regions_root=regions, rules_file=rules)


_REGIONS_OPTION = click.option("--regions", type=click.Path(path_type=Path), default="regions",
                               show_default=True, help="Map met de regio's.")
_RULES_OPTION = click.option("--rules", type=click.Path(path_type=Path),
                             default="rules/regels.yaml", show_default=True,
                             help="Regelcatalogus.")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "output_format",
              type=click.Choice(["text", "json", "junit", "github", "sarif"]),
              default="text", show_default=True, help="Uitvoerformaat.")
@click.option("--strict", is_flag=True, help="Ook waarschuwingen geven exitcode 1.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Aantal processen; 0 = alle kernen.")
@click.option("--progress/--no-progress", default=None,
              help="Voortgangsbalk (standaard: alleen op een terminal, nooit in CI).")
@_REGIONS_OPTION
@_RULES_OPTION
def check(paths: tuple[Path, ...], output_format: str, strict: bool, jobs: int,
          progress: bool | None, regions: Path, rules: Path) -> None:
    """Toets casussen (bestanden of mappen) aan de afspraken van hun regio."""
    import os

    from generator.casecheck import CheckArgs, run_check

    args = CheckArgs(list(paths), _case_options(regions, rules), output_format, strict,
                     jobs or os.cpu_count() or 1, progress)
    _run(lambda: run_check(args, stream=sys.stdout))


@main.command(name="next")
@click.argument("case", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help="Uitvoerformaat.")
@_REGIONS_OPTION
@_RULES_OPTION
def next_step(case: Path, output_format: str, regions: Path, rules: Path) -> None:
    """Wat volgt er voor een casus: welke stap, wie mag starten, wanneer, met welk formulier."""
    from generator.nextstep import run_next

    _run(lambda: run_next(case, _case_options(regions, rules), output_format=output_format,
                          stream=sys.stdout))


@main.command(name="test")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_REGIONS_OPTION
@_RULES_OPTION
def case_test(paths: tuple[Path, ...], regions: Path, rules: Path) -> None:
    """Draai casussen met verwachte_bevindingen als regressietests (standaard: examples/cases)."""
    from generator.casetests import run_case_tests

    _run(lambda: run_case_tests(list(paths) or [Path("examples/cases")],
                                _case_options(regions, rules), stream=sys.stdout))


@main.command()
@click.argument("regions", nargs=-1)
@click.option("--inzet", "deployments", multiple=True,
              type=click.Path(path_type=Path, dir_okay=False),
              help="Bestand met feitelijke inzet (YAML of CSV); bij één regio, herhaalbaar.")
@click.option("--format", "output_format",
              type=click.Choice(["text", "json", "junit", "github", "sarif"]),
              default="text", show_default=True, help="Uitvoerformaat.")
@click.option("--strict", is_flag=True, help="Ook waarschuwingen geven exitcode 1.")
@click.option("--overzicht", "overview", is_flag=True,
              help="Per zorgloket het patroon naast het minimale patroon (alleen bij text).")
@click.option("--regions-dir", type=click.Path(path_type=Path, file_okay=False),
              default="regions", show_default=True, help="Map met de regio's.")
@click.option("--rules", type=click.Path(path_type=Path), default="rules/capaciteit.yaml",
              show_default=True, help="Regelcatalogus van capaciteit.")
def capaciteit(regions: tuple[str, ...], deployments: tuple[Path, ...], output_format: str,
               strict: bool, overview: bool, regions_dir: Path, rules: Path) -> None:
    """Toets zorgloketten: patroon tegen zorgvraag en budget, minimaal patroon, inzet."""
    from generator.capacity.run import CapacityArgs, run_capacity

    args = CapacityArgs(list(regions), list(deployments), output_format, strict, overview,
                        regions_dir, rules)
    _run(lambda: run_capacity(args, stream=sys.stdout))


@main.command()
@click.argument("regions", nargs=-1)
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default="out",
              show_default=True, help="Map voor de documenten.")
@click.option("--check", is_flag=True,
              help="Niets schrijven; exitcode 1 als vastgelegde documenten verouderd zijn.")
@click.option("--case", "case", type=click.Path(path_type=Path, dir_okay=False),
              help="Documenten voor één casus: ingevuld formulier en verzoeken per mail.")
@click.option("--regions-dir", type=click.Path(path_type=Path, file_okay=False),
              default="regions", show_default=True, help="Map met de regio's.")
def build(regions: tuple[str, ...], out: Path, check: bool, case: Path | None,
          regions_dir: Path) -> None:
    """Maak de Word-documenten: werkinstructie, checklists, formulieren en vergelijking."""
    from generator.documents.build import BuildOptions, run_build

    options = BuildOptions(regions=regions, out=out, check=check, case=case,
                           regions_root=regions_dir)
    _run(lambda: run_build(options, stream=sys.stdout, errors=sys.stderr))


@main.command(name="wijzigingen")
@click.argument("regions", nargs=-1)
@click.option("--van", "since", metavar="REV",
              help="Oude versie: git-revisie (standaard: de vorige commit die het bestand "
                   "wijzigde).")
@click.option("--tot", "until", metavar="REV",
              help="Nieuwe versie: git-revisie (standaard: de werkmap).")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]),
              default="text", show_default=True, help="Uitvoerformaat.")
@click.option("--regions-dir", type=click.Path(path_type=Path, file_okay=False),
              default="regions", show_default=True, help="Map met de regio's.")
def changes(regions: tuple[str, ...], since: str | None, until: str | None, output_format: str,
            regions_dir: Path) -> None:
    """Wat er tussen twee versies van de afspraken is veranderd (git, of OUD NIEUW als paden)."""
    from generator.changes.command import ChangesOptions, run_changes

    options = ChangesOptions(regions, since, until, output_format, regions_dir)
    _run(lambda: run_changes(options, stream=sys.stdout))
