"""The command line: a thin layer that turns options into arguments for the core.

Exit codes (documented in the README):
  0    nothing wrong
  1    the agreement or case is wrong (findings of severity fout; warnings too with --strict)
  2    the tool could not run: unreadable or non-YAML file, a path that does not exist, nothing
       to work on, bad usage
  130  interrupted (Ctrl-C); 143 and 129 stopped by SIGTERM and SIGHUP (each is handled like
       Ctrl-C: what was being written is rolled back, temporary files are removed)

Every command takes its settings from options first, then the configuration (regiekit.toml or
[tool.regiekit], generator.config), then the layout (generator.settings). The options that mean
the same in several commands are declared once below (`--regions`, `--rules`, `--format`,
`--strict`, `--disable`, `--color`, `--quiet`), so each has one name everywhere. A command that
reports findings builds a Result and hands it to `_report`, which picks the format (GitHub
annotations by default under GitHub Actions) and switches rules off.

click's own texts are Dutch through generator/i18n.py. Each command imports its core lazily so
that `regiekit validate` stays fast to start.
"""

from __future__ import annotations

import functools
import io
import os
import re
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from generator import i18n
from generator.errors import FileSystemError, RegiekitError
from generator.findings import printable
from generator.reporters import FORMATS as _FORMATS

if TYPE_CHECKING:
    from generator.codes import Code
    from generator.config import Config
    from generator.findings import Result
    from generator.reporters import ReportOptions

i18n.install()

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
F = TypeVar("F", bound=Callable[..., Any])


@contextmanager
def _tool_errors() -> Iterator[None]:
    """Turn RegiekitError into a Dutch message on stderr and exit code 2; so too any OSError a
    command did not word itself (worded by generator.filesystem, naming the path)."""
    from generator.filesystem import refused

    try:
        yield
    except RegiekitError as error:
        click.echo(f"regiekit: {printable(str(error))}", err=True)
        sys.exit(EXIT_USAGE)
    except OSError as error:
        click.echo(f"regiekit: {printable(str(refused(error)))}", err=True)
        sys.exit(EXIT_USAGE)


_COLOUR = re.compile("(\x1b\\[[0-9;]*m)")
"""A colour or bold code (SGR), as `--color` writes them: it cannot move the cursor."""


def _safe_text(text: str) -> str:
    parts = _COLOUR.split(text)
    return "".join(part if index % 2 else printable(part, keep="\n\r")
                   for index, part in enumerate(parts))


class _PrintableStream(io.TextIOBase):
    """A text stream that writes everything through `findings.printable` (newlines, carriage
    returns and colour codes kept): no command prints a control character from a file name or
    a YAML value, whatever path its text takes. An output that cannot be written (a full disk,
    a closed pipe) is a FileSystemError: a Dutch message and exit 2, not a traceback."""

    def __init__(self, stream: Any, name: str) -> None:
        super().__init__()
        self.stream, self.name = stream, name

    def write(self, text: str) -> int:
        try:
            self.stream.write(_safe_text(text))
        except OSError as error:
            raise self._failed(error) from None
        return len(text)

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as error:
            raise self._failed(error) from None

    def _failed(self, error: OSError) -> FileSystemError:
        from generator.filesystem import reason

        try:  # what is still buffered cannot be written either: drop it, quietly, at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), self.stream.fileno())
        except (OSError, ValueError, io.UnsupportedOperation):
            pass
        return FileSystemError(self.name, f"kan niet geschreven worden: {reason(error)}")

    def isatty(self) -> bool:
        return bool(self.stream.isatty())

    def fileno(self) -> int:
        return int(self.stream.fileno())

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(getattr(self.stream, "encoding", "utf-8"))


@contextmanager
def _printable_output() -> Iterator[None]:
    """stdout and stderr through _PrintableStream while a command runs."""
    streams = sys.stdout, sys.stderr
    sys.stdout = _PrintableStream(sys.stdout, "standaarduitvoer")
    sys.stderr = _PrintableStream(sys.stderr, "standaardfout")
    try:
        yield
    finally:
        sys.stdout, sys.stderr = streams


def _exits(command: Callable[..., int]) -> Callable[..., None]:
    """Run a command's body; its return value is the exit code, a RegiekitError exit 2."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        with _printable_output(), _tool_errors():
            code = command(*args, **kwargs)
            sys.stdout.flush()
        sys.exit(code)

    return run


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where the program is, as Ctrl-C raises KeyboardInterrupt: every
    `with` and `finally` on the way out runs, so a unit being written is rolled back whole and
    no temporary file stays behind (the default action would end the process on the spot)."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def _raise_terminated(number: int, frame: object) -> None:
    raise Terminated(number)


@contextmanager
def _stop_signals_raise() -> Iterator[None]:
    """SIGTERM and SIGHUP raise Terminated while a command runs (then the handlers before are
    back), unless the parent made us ignore them (nohup); only the main thread can do this."""
    previous = {number: signal.getsignal(number) for number in STOP_SIGNALS}
    try:
        for number, handler in previous.items():
            if handler == signal.SIG_DFL:
                signal.signal(number, _raise_terminated)
    except ValueError:  # not the main thread: leave the signals alone
        previous = {}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _interrupted(error: click.Abort) -> int:
    """Say why the run stopped; the exit code (130 for Ctrl-C, 128 + the signal otherwise)."""
    cause = error.__cause__ or error.__context__
    if isinstance(cause, Terminated):
        name = signal.Signals(cause.number).name
        click.echo(f"regiekit: afgebroken (signaal {name})", err=True)
        return 128 + cause.number
    click.echo("regiekit: afgebroken (Ctrl-C)", err=True)
    return EXIT_INTERRUPTED


class _DutchCommand(click.Command):
    """A command whose usage line reads `[OPTIES]`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kwargs)


class _DutchGroup(click.Group):
    """The command group: Dutch metavariables, and Ctrl-C (or SIGTERM, SIGHUP) ends with one
    Dutch line, exit 130 (128 + the signal)."""

    command_class = _DutchCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        kwargs.setdefault("subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        run_click: Callable[..., Any] = super().main
        if not standalone_mode:
            return run_click(*args, standalone_mode=False, **kwargs)
        try:
            with _stop_signals_raise():
                code = run_click(*args, standalone_mode=False, **kwargs)
        except click.ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        except click.Abort as error:
            sys.exit(_interrupted(error))
        sys.exit(code if isinstance(code, int) else 0)


@click.group(name="regiekit", cls=_DutchGroup,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="regiekit")
def main() -> None:
    """regiekit: regionale werkafspraken over coördinatie van zorg, en de capaciteit van
    zorgloketten, als gevalideerde YAML.

    Aanvullen met Tab in de shell: zie 'Shell completion' in de README
    (eval "$(_REGIEKIT_COMPLETE=bash_source regiekit)").
    """


# --- settings shared by the commands --------------------------------------------------------

def _config() -> Config:
    """The configuration file's settings, read once per invocation."""
    from generator.config import load_config

    meta = click.get_current_context().find_root().meta
    if "regiekit.config" not in meta:
        meta["regiekit.config"] = load_config()
        holidays = meta["regiekit.config"].extra_holidays
        if holidays or "generator.workdays" in sys.modules:  # set, or reset an earlier run's
            from generator.workdays import set_configured_days_off

            set_configured_days_off(holidays)
    config: Config = meta["regiekit.config"]
    return config


def _option(*names: str, **attributes: Any) -> Callable[[F], F]:
    return click.option(*names, **attributes)


_REGIONS = _option("--regions", type=click.Path(path_type=Path), metavar="MAP",
                   help="Map met de regio's (<id>/regio.yaml), of de map van één regio.yaml "
                        "[standaard: . als daar regio.yaml staat, anders regions].")
_RULES = _option("--rules", type=click.Path(path_type=Path), metavar="BESTAND",
                 help="Regelcatalogus [standaard: rules/regels.yaml als die bestaat, anders de "
                      "meegeleverde].")
_STRICT = _option("--strict", is_flag=True, help="Ook waarschuwingen geven exitcode 1.")
_DISABLE = _option("--disable", metavar="CODE", multiple=True,
                   help="Zet een regel uit (herhaalbaar); genoemd in de samenvatting.")
_ENABLE = _option("--enable", metavar="CODE", multiple=True,
                  help="Zet een regel weer aan die regiekit.toml uitzet.")
_COLOR = _option("--color/--no-color", default=None,
                 help="Kleur [standaard: op een terminal, niet als NO_COLOR gezet is].")
_QUIET = _option("--quiet", "-q", is_flag=True, help="Alleen bevindingen, geen samenvatting.")


def _format_option(formats: tuple[str, ...], note: str = "") -> Callable[[F], F]:
    return _option("--format", "output_format", type=click.Choice(formats),
                   help="Uitvoerformaat [standaard: 'format' uit regiekit.toml, github onder "
                        f"GitHub Actions, anders text]{note}.")


def _findings_options(formats: tuple[str, ...]) -> Callable[[F], F]:
    """--format, --strict, --disable, --enable, --color, --quiet: for commands with findings."""

    def decorate(function: F) -> F:
        for option in reversed((_format_option(formats), _STRICT, _DISABLE, _ENABLE, _COLOR,
                                _QUIET)):
            function = option(function)
        return function

    return decorate


def _codes(catalogues: list[tuple[Path, str]]) -> dict[str, Code]:
    """Every code a command can report: the tool's, and the rules of each (catalogue, command
    that runs it)."""
    from generator.codes import TOOL_CODES, catalogue_codes, code_index

    rules = [code for path, command in catalogues for code in catalogue_codes(path, command)]
    return code_index([*TOOL_CODES, *rules])


def _report_options(command: str, *, strict: bool, disable: tuple[str, ...],
                    enable: tuple[str, ...], color: bool | None, quiet: bool,
                    rules: Path | None, rules_command: str = "check") -> ReportOptions:
    """How to report a run of `command`; `rules` is the catalogue whose rules it runs (for
    `validate`, none: the check catalogue is read only to recognise switched-off rules)."""
    from generator import settings
    from generator.reporters import ReportOptions

    config = _config()
    catalogues = [(rules, rules_command)] if rules else []
    switching = bool(config.disable or disable or enable)
    if switching and not (rules and rules_command == "check"):  # recognise every check rule
        catalogues.append((settings.rules_file(None, config), "check"))
    codes = _codes(catalogues)
    off = settings.disabled(config, disable, enable, codes)
    return ReportOptions(strict=settings.strict(strict, config),
                         color=settings.use_color(color, sys.stdout), quiet=quiet, codes=codes,
                         disabled=tuple(code for code in off if codes[code].command == command),
                         command=command)


def _report(result: Result, output_format: str | None, options: ReportOptions) -> int:
    from generator import settings
    from generator.reporters import report

    chosen = settings.output_format(output_format, _config(), _FORMATS)
    return report(result, chosen, sys.stdout, options)


# --- commands -------------------------------------------------------------------------------

@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PAD]...")
@_REGIONS
@_findings_options(_FORMATS)
@click.option("--toon-waarden", "show_values", is_flag=True,
              help="Meldingen over casussen en inzetbestanden noemen ook de foute waarde "
                   "(standaard niet: ze bevatten gegevens over een gezin of cliënt).")
@_exits
def validate(paths: tuple[Path, ...], regions: Path | None, output_format: str | None,
             strict: bool, disable: tuple[str, ...], enable: tuple[str, ...],
             color: bool | None, quiet: bool, show_values: bool) -> int:
    """Controleer regio-afspraken, zorgloketten, regels, protocollen, casussen en inzet.

    Zonder PAD: de regio('s), rules/ en de map met casussen. '-' leest van standaardinvoer.
    """
    from generator import settings
    from generator.validation import validate_paths

    options = _report_options("validate", strict=strict, disable=disable, enable=enable,
                              color=color, quiet=quiet, rules=None)
    config = _config()
    result = validate_paths(list(paths) or settings.validate_defaults(regions, config),
                            show_values=show_values, regions_root=regions or config.regions)
    return _report(result, output_format, options)


def _case_options(regions: Path | None, rules: Path | None) -> Any:
    from generator import settings
    from generator.casecheck import CheckOptions

    config = _config()
    return CheckOptions(regions_root=settings.regions_root(regions, config),
                        rules_file=settings.rules_file(rules, config),
                        extra_days_off=config.extra_holidays)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PAD]...")
@_findings_options(_FORMATS)
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Aantal processen; 0 = alle kernen.")
@click.option("--progress/--no-progress", default=None,
              help="Voortgangsbalk [standaard: alleen op een terminal, nooit in CI].")
@_REGIONS
@_RULES
@_exits
def check(paths: tuple[Path, ...], output_format: str | None, strict: bool,
          disable: tuple[str, ...], enable: tuple[str, ...], color: bool | None, quiet: bool,
          jobs: int, progress: bool | None, regions: Path | None, rules: Path | None) -> int:
    """Toets casussen (bestanden of mappen) aan de afspraken van hun regio.

    Zonder PAD: de map met casussen ('cases' in regiekit.toml, anders casussen/).
    """
    import os

    from generator import settings
    from generator.casecheck import check_cases

    case_options = _case_options(regions, rules)
    options = _report_options("check", strict=strict, disable=disable, enable=enable,
                              color=color, quiet=quiet, rules=case_options.rules_file)
    result = check_cases(settings.case_paths(paths, _config(), "check"), case_options,
                         jobs=jobs or os.cpu_count() or 1,
                         progress=False if quiet else progress)
    return _report(result, output_format, options)


@main.command(name="next")
@click.argument("case", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
                metavar="CASUS")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help="Uitvoerformaat.")
@_REGIONS
@_RULES
@_exits
def next_step(case: Path, output_format: str, regions: Path | None, rules: Path | None) -> int:
    """Wat volgt er voor een casus: welke stap, wie mag starten, wanneer, met welk formulier."""
    from generator.nextstep import run_next

    if str(case) != "-" and not case.is_file():
        raise RegiekitError(f"casus {case} bestaat niet")
    return run_next(case, _case_options(regions, rules), output_format=output_format,
                    stream=sys.stdout)


@main.command(name="test")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PAD]...")
@click.option("-k", "names", multiple=True, metavar="NAAM",
              help="Alleen casussen waarvan de id of bestandsnaam NAAM bevat (herhaalbaar).")
@_format_option(_FORMATS)
@_COLOR
@_QUIET
@_REGIONS
@_RULES
@_exits
def case_test(paths: tuple[Path, ...], names: tuple[str, ...], output_format: str | None,
              color: bool | None, quiet: bool, regions: Path | None, rules: Path | None) -> int:
    """Draai casussen met verwachte_bevindingen als regressietests.

    Zonder PAD: de map met casussen ('cases' in regiekit.toml, anders casussen/).
    """
    from generator import casetests, settings

    config = _config()
    case_options = _case_options(regions, rules)
    outcomes = casetests.run_case_tests(settings.case_paths(paths, config, "test"), case_options,
                                        names)
    options = _report_options("test", strict=False, disable=(), enable=(), color=color,
                              quiet=quiet, rules=case_options.rules_file)
    chosen = settings.output_format(output_format, config, _FORMATS)
    if chosen != "text":
        return _report(casetests.as_result(outcomes), chosen, options)
    casetests.report_text(outcomes, sys.stdout, color=options.color, quiet=quiet)
    return 0 if all(outcome.passed for outcome in outcomes) else 1


@main.command()
@click.argument("region_names", nargs=-1, metavar="[REGIO]...")
@click.option("--inzet", "deployments", multiple=True,
              type=click.Path(path_type=Path, dir_okay=False), metavar="BESTAND",
              help="Bestand met feitelijke inzet (YAML of CSV); bij één regio, herhaalbaar.")
@_findings_options(_FORMATS)
@click.option("--overzicht", "overview", is_flag=True,
              help="Per zorgloket het patroon naast het minimale patroon (alleen bij text).")
@_REGIONS
@_option("--rules", type=click.Path(path_type=Path), metavar="BESTAND",
         help="Regelcatalogus van capaciteit [standaard: rules/capaciteit.yaml als die bestaat, "
              "anders de meegeleverde].")
@_exits
def capaciteit(region_names: tuple[str, ...], deployments: tuple[Path, ...],
               output_format: str | None, strict: bool, disable: tuple[str, ...],
               enable: tuple[str, ...], color: bool | None, quiet: bool, overview: bool,
               regions: Path | None, rules: Path | None) -> int:
    """Toets zorgloketten: patroon tegen zorgvraag en budget, minimaal patroon, inzet."""
    from generator import settings
    from generator.capacity.run import CapacityArgs, check_regions

    config = _config()
    rules_file = settings.capacity_rules_file(rules)
    options = _report_options("capaciteit", strict=strict, disable=disable, enable=enable,
                              color=color, quiet=quiet, rules=rules_file,
                              rules_command="capaciteit")
    args = CapacityArgs(list(region_names), list(deployments),
                        regions_root=settings.regions_root(regions, config),
                        rules_file=rules_file)
    result, analysed = check_regions(args)
    chosen = settings.output_format(output_format, config, _FORMATS)
    if overview and chosen == "text":
        from generator.capacity.overview import write_overview

        for region in analysed:
            write_overview(region.desks, sys.stdout)
    return _report(result, chosen, options)


@main.command()
@click.argument("region_names", nargs=-1, metavar="[REGIO]...")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), metavar="MAP",
              help="Map voor de documenten ['out' uit regiekit.toml, anders out].")
@click.option("--check", is_flag=True,
              help="Niets schrijven; exitcode 1 als vastgelegde documenten verouderd zijn.")
@click.option("--case", "case", type=click.Path(path_type=Path, dir_okay=False),
              metavar="CASUS", help="Documenten voor één casus: casusoverzicht, ingevulde "
                                    "formulieren en verzoeken per mail.")
@_REGIONS
@_RULES
@_QUIET
@_exits
def build(region_names: tuple[str, ...], out: Path | None, check: bool, case: Path | None,
          regions: Path | None, rules: Path | None, quiet: bool) -> int:
    """Maak de Word-documenten: werkinstructie, checklists, formulieren, vergelijking en per
    zorgloket de onderbouwing capaciteit."""
    from generator import settings
    from generator.documents.build import BuildOptions, run_build

    config = _config()
    options = BuildOptions(regions=region_names, out=out or config.out or Path("out"),
                           check=check, case=case,
                           regions_root=settings.regions_root(regions, config),
                           rules_file=settings.rules_file(rules, config) if case else None,
                           command=_build_command(region_names, out, regions), quiet=quiet)
    return run_build(options, stream=sys.stdout, errors=sys.stderr)


def _build_command(region_names: tuple[str, ...], out: Path | None,
                   regions: Path | None) -> str:
    """The `regiekit build ...` that brings stale documents up to date, as the user ran it."""
    import shlex

    words = ["regiekit", "build", *region_names]
    if out is not None:
        words += ["--out", str(out)]
    if regions is not None:
        words += ["--regions", str(regions)]
    return shlex.join(words)


@main.command(name="wijzigingen")
@click.argument("region_names", nargs=-1, metavar="[REGIO|PAD]...")
@click.option("--van", "since", metavar="REV",
              help="Oude versie: git-revisie [standaard: de vorige commit die het bestand "
                   "wijzigde].")
@click.option("--tot", "until", metavar="REV",
              help="Nieuwe versie: git-revisie [standaard: de werkmap].")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]),
              default="text", show_default=True, help="Uitvoerformaat.")
@_REGIONS
@_exits
def changes(region_names: tuple[str, ...], since: str | None, until: str | None,
            output_format: str, regions: Path | None) -> int:
    """Wat er tussen twee versies van de afspraken is veranderd (git, of OUD NIEUW als paden)."""
    from generator import settings
    from generator.changes.command import ChangesOptions, run_changes
    from generator.regions import default_regions_root

    config = _config()
    named = regions or config.regions  # a folder named must exist; the default may not
    root = settings.regions_root(regions, config) if named else default_regions_root()
    options = ChangesOptions(region_names, since, until, output_format, root)
    return run_changes(options, stream=sys.stdout)


@main.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), default=".",
                metavar="[MAP]")
@click.option("--id", "region_id", metavar="ID",
              help="Id van de regio [standaard: de mapnaam, in kleine letters].")
@click.option("--naam", "name", metavar="NAAM", help="Naam van de regio [standaard: uit de id].")
@click.option("--pakket", "package", metavar="VEREISTE",
              help="Waar CI regiekit installeert, als pip-vereiste, bijvoorbeeld 'regiekit @ "
                   "git+https://git.example.org/regiekit.git@v0.1.0' [standaard: waar deze "
                   "regiekit vandaan komt, als een andere computer daar bij kan; anders de "
                   "repository-variabele REGIEKIT_PAKKET].")
@_exits
def init(folder: Path, region_id: str | None, name: str | None, package: str | None) -> int:
    """Zet een repository voor één regio op: regio.yaml, casussen, CI en pre-commit."""
    from generator.scaffold import create

    written = create(folder, region_id=region_id, name=name, package=package)
    for path in written:
        click.echo(f"geschreven: {path}")
    click.echo(f"regio-repository klaar in {folder}/; volgende stap: cd {folder} && "
               "regiekit validate")
    return 0


@main.command()
@click.argument("names", nargs=-1, metavar="[SOORT]...")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), metavar="MAP",
              help="Schrijf de schema's als bestanden in deze map in plaats van te tonen.")
@_exits
def schema(names: tuple[str, ...], out: Path | None) -> int:
    """Toon of schrijf een JSON Schema (regio, zorgloketten, inzet, casus, regels, protocol)."""
    from generator.schema_files import run_schema

    return run_schema(names, out, stream=sys.stdout)


@main.command(name="regels")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Uitvoerformaat.")
@_RULES
@_exits
def rules_list(output_format: str, rules: Path | None) -> int:
    """Alle regels en meldingscodes: titel, ernst, bron en of ze aan staan."""
    from generator import settings
    from generator.codes import TOOL_CODES, catalogue_codes, code_index, list_codes

    config = _config()
    catalogue = catalogue_codes(settings.rules_file(rules, config))
    codes = code_index(catalogue + TOOL_CODES)
    off = settings.disabled(config, (), (), codes)
    list_codes(list(codes.values()), off, config.source(), output_format, sys.stdout)
    return 0
