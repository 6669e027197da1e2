"""A pytest plugin: case files that state `verwachte_bevindingen` as pytest tests.

Installed with regiekit (entry point `pytest11`), but it only collects when asked, so it never
changes another project's test run:

    pytest --regiekit casussen/ --junitxml=uitslag.xml

or `regiekit = true` in the `[pytest]` (or `[tool.pytest.ini_options]`) settings. Each case file
with expectations is one test, named by its case id; a failure says which expected findings are
missing and which findings were not expected, exactly as `regiekit test` does, so pytest's
`-k`, `--junitxml` and CI integrations come for free. Regions and the rule catalogue are found
as every regiekit command finds them (`--regiekit-regions`, `--regiekit-rules`, else
regiekit.toml, else the layout).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from generator.casecheck import CheckOptions
    from generator.casetests import CaseTestOutcome
    from generator.loader import YamlDocument

SUFFIXES = (".yaml", ".yml")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("regiekit", "regiekit: casussen als tests")
    group.addoption("--regiekit", action="store_true", default=False,
                    help="Verzamel casusbestanden met verwachte_bevindingen als tests.")
    group.addoption("--regiekit-regions", metavar="MAP", default=None,
                    help="Map met regio's [standaard: zoals regiekit die vindt].")
    group.addoption("--regiekit-rules", metavar="BESTAND", default=None,
                    help="Regelcatalogus [standaard: zoals regiekit die vindt].")
    parser.addini("regiekit", type="bool", default=False,
                  help="Verzamel casusbestanden met verwachte_bevindingen als tests.")


def _enabled(config: pytest.Config) -> bool:
    return bool(config.getoption("--regiekit") or config.getini("regiekit"))


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix in SUFFIXES and _enabled(parent.config):
        return CaseFile.from_parent(parent, path=file_path)
    return None


def _options(config: pytest.Config) -> CheckOptions:
    """Where the regions and the rule catalogue are, found once per test session."""
    from generator import settings
    from generator.casecheck import CheckOptions
    from generator.config import load_config

    known = config.stash.get(_OPTIONS, None)
    if known is None:
        regiekit_config = load_config()
        regions, rules = (config.getoption(name) for name in ("--regiekit-regions",
                                                              "--regiekit-rules"))
        known = CheckOptions(
            regions_root=settings.regions_root(Path(regions) if regions else None,
                                               regiekit_config),
            rules_file=settings.rules_file(Path(rules) if rules else None, regiekit_config))
        config.stash[_OPTIONS] = known
    return known


_OPTIONS = pytest.StashKey["CheckOptions"]()


class CaseFile(pytest.File):
    """A YAML file; a test when it is a case that states its expected findings."""

    def collect(self) -> Iterator[pytest.Item]:
        from generator.casetests import is_case_test
        from generator.errors import YamlLoadError
        from generator.loader import load_yaml

        try:
            document = load_yaml(self.path)
        except YamlLoadError:
            return  # not a readable YAML file: not a case test (regiekit validate reports it)
        name = is_case_test(document)
        if name is not None:
            yield CaseItem.from_parent(self, name=name, document=document)


class CaseTestFailed(Exception):
    """A case's findings differ from its expectations."""

    def __init__(self, outcome: CaseTestOutcome) -> None:
        super().__init__(outcome.explain())
        self.outcome = outcome


class CaseItem(pytest.Item):
    """One case file run as `regiekit test` runs it."""

    def __init__(self, *, document: YamlDocument, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.document = document

    def runtest(self) -> None:
        from generator.casetests import run_document_test

        outcome = run_document_test(self.document, _options(self.config))
        if outcome is not None and not outcome.passed:
            raise CaseTestFailed(outcome)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str:
        if isinstance(excinfo.value, CaseTestFailed):
            return f"{self.name} ({self.path}): {excinfo.value.outcome.explain()}"
        return str(super().repr_failure(excinfo, style))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"casus {self.name}"
