"""Check kind `sjablonen`: parse every Word template before anyone builds with it.

Runs inside `regiekit validate`, so it reads templates with zipfile and the standard library's
ElementTree and never imports docxtpl, python-docx or lxml. The text of each paragraph is what
docxtpl sees after its own clean-up (Word splits `{{ x }}` over runs; joining a paragraph's
text undoes that), with the docxtpl tag prefixes `{%p`, `{%tr`, `{%tc`, `{%r`, `{{r` turned into
plain Jinja. Reported, with the template's path:

* SJABLOON-ONLEESBAAR: not a .docx (zip with word/document.xml) at all;
* SJABLOON-GRENS: the template exceeds a limit of generator.documents.limits (unpacked size,
  loop iterations, output, value size or time while filling it with the region's data);
* SJABLOON-SYNTAX: a Jinja syntax error, with the paragraph it is in;
* SJABLOON-VARIABELE: a variable the document model does not provide;
* SJABLOON-ONBEKEND (warning): a file in regions/<id>/templates/ that no document uses;
* SJABLOON-VULLEN: a region's own template fails on the region's real data (a misspelt field).
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.documents import limits
from generator.filesystem import Skipped, skipped_finding, walk
from generator.findings import Severity
from generator.loader import YamlDocument

if TYPE_CHECKING:  # imported lazily: generator.validation's registry imports this module
    from xml.etree.ElementTree import Element

    from generator.validation.problems import Problem

ID = "sjablonen"
KINDS = ("regio", "zorgloketten")

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
OVERRIDE_FOLDER = "templates"
VERIFIED_MANIFEST = TEMPLATE_DIR / "geverifieerd.json"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes)\.xml")
_DOCXTPL_PREFIX = re.compile(r"(\{[{%])(?:p|tr|tc|r)(?=\s)")

TEMPLATE_VARIABLES: dict[str, frozenset[str]] = {
    "werkinstructie.docx": frozenset({
        "region", "doc", "changes", "chapter", "appendix", "introduction", "definitions",
        "functions", "roles", "meetings", "assignments", "escalation", "tools", "commitments",
        "examples", "frameworks", "organisations", "forms", "sources", "assignment_diagrams",
        "shared"}),
    "checklist.docx": frozenset({"region", "doc", "introduction", "diagram", "fill_in",
                                 "sections", "source"}),
    "formulier.docx": frozenset({"region", "doc", "description", "fill_in", "sections",
                                 "footnote", "source"}),
    "verzoek.docx": frozenset({"region", "doc", "header", "message", "deadline",
                               "attachment_heading", "sections", "source"}),
    "vergelijking.docx": frozenset({"doc", "introduction", "functions", "features",
                                    "conditional", "aspects"}),
    "casusoverzicht.docx": frozenset({"region", "doc", "summary", "timeline_chart", "timeline",
                                      "deadlines", "findings", "next", "privacy"}),
    "onderbouwing-capaciteit.docx": frozenset({
        "region", "doc", "note", "summary", "demand", "demand_chart", "functions", "pattern",
        "providers", "costs", "cost_chart", "issues", "minimal", "comparison", "negotiation",
        "method", "sources"}),
}
"""The top-level names each template's context provides (tests keep this in step with the code)."""

CAPACITY_TEMPLATES = frozenset({"onderbouwing-capaciteit.docx"})
"""The templates built from `zorgloketten.yaml`; every other one from `regio.yaml`."""


def check(document: YamlDocument) -> Iterator[Problem]:
    """Per-document part: nothing; templates are checked once per run in `check_run`."""
    return iter(())


def check_run(documents: list[YamlDocument]) -> Iterator[tuple[YamlDocument, Problem]]:
    """The shipped templates once, then each region's own templates, deep-checked on its data."""
    if not documents:
        return
    for template in unverified_shipped_templates():
        yield from _as_findings(template, template_problems(template))
    for document in documents:
        for found in override_templates(Path(document.file).parent):
            path = found.path if isinstance(found, Skipped) else found
            if not _reads(document, path, documents):
                continue
            if isinstance(found, Skipped):
                yield _skipped(found)
            else:
                yield from _as_findings(found, template_problems(found, document))


def _reads(document: YamlDocument, template: Path, documents: list[YamlDocument]) -> bool:
    """Whether `template` in the region's folder is checked with `document`: the onderbouwing
    with the care desks, the others with regio.yaml (or, without one, with the care desks)."""
    from generator.regions import CAPACITY_FILE

    capacity = Path(document.file).name == CAPACITY_FILE
    if template.name in CAPACITY_TEMPLATES:
        return capacity
    if not capacity:
        return True
    folder = Path(document.file).parent
    return not any(Path(other.file).parent == folder and other is not document
                   for other in documents)


def shipped_templates() -> list[Path]:
    return sorted(TEMPLATE_DIR / name for name in TEMPLATE_VARIABLES)


def unverified_shipped_templates() -> list[Path]:
    """The shipped templates whose bytes differ from the ones make_templates.py verified.

    make_templates.py checks every template it writes with `template_problems` and records the
    SHA-256 of each verified file in geverifieerd.json. A shipped template with exactly those
    bytes has been parsed already; parsing it again would cost a third of every validate run
    (importing and running Jinja). A template edited in Word, or a missing or damaged manifest,
    is checked in full.
    """
    try:
        verified = json.loads(VERIFIED_MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        verified = {}
    return [template for template in shipped_templates()
            if not isinstance(verified, dict) or verified.get(template.name) != digest(template)]


def digest(template: Path) -> str | None:
    try:
        return hashlib.sha256(template.read_bytes()).hexdigest()
    except OSError:
        return None


def record_verified(templates: list[Path], manifest: Path) -> list[str]:
    """Check `templates`; if all pass, write their digests to `manifest`. Returns the problems."""
    problems = [f"{template.name}: {problem.message}"
                for template in templates for problem in template_problems(template)]
    if not problems:
        digests = {template.name: digest(template) for template in sorted(templates)}
        manifest.write_text(json.dumps(digests, indent=2, sort_keys=True) + "\n",
                            encoding="utf-8")
    return problems


def override_templates(region_folder: Path) -> Iterator[Path | Skipped]:
    """The region's own templates: the regular `*.docx` files of its templates folder, and
    what is skipped there (a FIFO or device is never opened: it would block)."""
    folder = region_folder / OVERRIDE_FOLDER
    if folder.is_dir():
        yield from walk(folder, (".docx",), skip_folder=lambda name: True)


def _skipped(skipped: Skipped) -> tuple[YamlDocument, Problem]:
    from generator.validation.problems import Problem

    finding = skipped_finding(skipped)
    return YamlDocument(str(skipped.path), None), Problem(
        (), finding.code, finding.message, severity=finding.severity)


def _as_findings(template: Path, problems: Iterable[Problem]
                 ) -> Iterator[tuple[YamlDocument, Problem]]:
    holder = YamlDocument(str(template), None)
    for problem in problems:
        yield holder, problem


def template_text(template: Path) -> str:
    """Paragraph texts of body, headers, footers and footnotes, one paragraph per line."""
    from xml.etree import ElementTree  # only for a template whose bytes are not the verified

    lines: list[str] = []
    with zipfile.ZipFile(template) as archive:
        names = sorted(n for n in archive.namelist() if _PARTS.fullmatch(n))
        if "word/document.xml" not in names:
            raise zipfile.BadZipFile("word/document.xml ontbreekt")
        for name in ["word/document.xml"] + [n for n in names if n != "word/document.xml"]:
            root = ElementTree.fromstring(archive.read(name))
            lines.extend(_paragraph_text(p) for p in root.iter(f"{_W}p"))
    return _DOCXTPL_PREFIX.sub(r"\1", "\n".join(lines))


def _paragraph_text(paragraph: Element) -> str:
    parts = []
    for element in paragraph.iter():
        if element.tag == f"{_W}t" and element.text:
            parts.append(element.text)
        elif element.tag == f"{_W}tab":
            parts.append("\t")
    return "".join(parts)


def template_problems(template: Path, region: YamlDocument | None = None) -> list[Problem]:
    """What is wrong with one template; with `region`, also rendered on that region's data."""
    from xml.etree.ElementTree import ParseError

    from jinja2 import TemplateSyntaxError, meta

    from generator.documents.environment import environment
    from generator.validation.problems import Problem

    name = template.name
    if name not in TEMPLATE_VARIABLES:
        return [Problem((), "SJABLOON-ONBEKEND", f"sjabloon {template}: geen document gebruikt "
                        f"'{name}' (bekend: {', '.join(sorted(TEMPLATE_VARIABLES))})",
                        severity=Severity.WARNING)]
    try:
        limits.check_archive(template)
        text = template_text(template)
    except limits.TemplateLimit as error:
        return [_limit_problem(template, error)]
    except (OSError, zipfile.BadZipFile, ParseError) as error:
        return [Problem((), "SJABLOON-ONLEESBAAR",
                        f"sjabloon {template} is geen leesbaar Word-document ({error})")]
    try:
        tree = environment().parse(text)
    except TemplateSyntaxError as error:
        line = text.splitlines()[error.lineno - 1] if error.lineno else ""
        return [Problem((), "SJABLOON-SYNTAX", f"sjabloon {template}, alinea {error.lineno}: "
                        f"{error.message} (in: {line.strip()[:80]})")]
    unknown = sorted(meta.find_undeclared_variables(tree) - TEMPLATE_VARIABLES[name])
    problems = [Problem((), "SJABLOON-VARIABELE",
                        f"sjabloon {template}: variabele '{variable}' bestaat niet in dit "
                        f"document (beschikbaar: {', '.join(sorted(TEMPLATE_VARIABLES[name]))})")
                for variable in unknown]
    if region is not None and not problems:
        problems.extend(_render_problems(template, text, region))
    return problems


def _render_problems(template: Path, text: str, region: YamlDocument) -> list[Problem]:
    """Render the template text with every context the region produces for it."""
    from jinja2 import TemplateError

    from generator.documents.environment import environment
    from generator.validation.problems import Problem

    compiled = environment().from_string(text)
    for context in sample_contexts(template.name, region):
        try:
            with limits.limits():
                compiled.render(context)
        except limits.TemplateLimit as error:
            return [_limit_problem(template, error)]
        except TemplateError as error:
            return [Problem((), "SJABLOON-VULLEN", f"sjabloon {template} werkt niet met de "
                            f"gegevens van deze regio: {error.message or error}")]
        except Exception as error:  # noqa: BLE001 - any misuse of a value is the template's
            return [Problem((), "SJABLOON-VULLEN", f"sjabloon {template} werkt niet met de "
                            f"gegevens van deze regio: {type(error).__name__}: {error}")]
    return []


def _limit_problem(template: Path, error: limits.TemplateLimit) -> Problem:
    from generator.validation.problems import Problem

    return Problem((), "SJABLOON-GRENS", limits.message(template, error))


def sample_contexts(name: str, document: YamlDocument) -> list[dict[str, Any]]:
    """The contexts a region's build gives this template (none when the data is unusable)."""
    from generator.documents.checklists import checklists
    from generator.documents.context import werkinstructie_context
    from generator.documents.forms import form_context
    from generator.model.region import build_region

    if name in CAPACITY_TEMPLATES:
        return _capacity_contexts(document)
    try:
        region = build_region(document)
        if name == "werkinstructie.docx":
            return [werkinstructie_context(region)]
        if name == "checklist.docx":
            return [c.context for c in checklists(region)]
        if name == "formulier.docx":
            return [form_context(region, form) for form in region.forms]
    except (KeyError, TypeError, ValueError, AttributeError):
        return []  # the schema check reports what is wrong with the region itself
    return []


def _capacity_contexts(document: YamlDocument) -> list[dict[str, Any]]:
    """The onderbouwing of every desk, when the care desks are valid (else none)."""
    from generator.capacity.analysis import DeskAnalysis
    from generator.capacity.run import load_capacity_region
    from generator.documents.capacity import capacity_context
    from generator.errors import RegiekitError

    try:
        municipality = load_capacity_region(Path(document.file))
    except RegiekitError:
        return []  # validate reports what is wrong with the agreement itself
    return [capacity_context(DeskAnalysis(municipality, desk)) for desk in municipality.desks]
