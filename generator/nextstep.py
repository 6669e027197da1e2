"""What comes next for a case: the core of `regiekit next`.

Per escalation route in use: the step that runs and its reply deadline (working days), the steps
that may follow, who may start them, who chooses, and which form they need (and whether the
case's form is complete). Also when the next case meeting is due. Only region names, step
numbers and dates are printed, never text from the case.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

from generator.casecheck import DEFAULT_OPTIONS, CheckOptions, check_document, region_model
from generator.checks import form_complete, reply_term
from generator.checks.base import CaseContext, Data
from generator.errors import UsageError
from generator.loader import load_yaml


@dataclass
class NextStep:
    """A step that may be taken next on one route."""

    ladder: str
    nummer: int
    naam: str
    wie_mag_starten: list[str]
    keuze_door: str | None = None
    formulier: str | None = None
    formulier_status: str | None = None
    vanaf: str | None = None


@dataclass
class RouteStatus:
    """Where one escalation route of the case stands."""

    ladder: str
    naam: str
    huidige_stap: int | None
    status: str
    reacties_uiterlijk: str | None = None
    volgende: list[NextStep] = field(default_factory=list)


@dataclass
class NextReport:
    casus: str
    peildatum: str
    routes: list[RouteStatus] = field(default_factory=list)
    overleggen: list[dict[str, str]] = field(default_factory=list)


_BLOCKING = ("SCHEMA-", "YAML-", "CASUS-GEEN-CASUS", "CASUS-REGIO", "CASUS-VERWIJZING")
"""Findings that stop `next`: it reads the case's ladders, steps and roles, so the case must be
well-formed and its references must resolve. Any other finding (a late reply, a missing form)
does not stop it."""


def plan_next(path: Path, options: CheckOptions = DEFAULT_OPTIONS) -> NextReport:
    """What comes next for the case in `path`; UsageError if it cannot be read as a valid case."""
    document = load_yaml(path)
    result = check_document(document, options)
    region_id = document.data.get("regio") if isinstance(document.data, dict) else None
    if result.unreadable or any(f.code.startswith(_BLOCKING) for f in result.findings):
        raise UsageError(f"{path}: casus is niet leesbaar, niet geldig of verwijst naar iets dat "
                         "de regio niet kent; draai eerst 'regiekit check' op dit bestand")
    region = region_model(options.regions_root, str(region_id))
    assert region is not None
    case = CaseContext(document.data, region)
    report = NextReport(str(document.data["casus"]), case.reference_date.isoformat())
    for ladder_id in _routes_in_use(case):
        report.routes.append(_route(case, ladder_id))
    report.overleggen = list(_meetings(case))
    return report


def _routes_in_use(case: CaseContext) -> list[str]:
    used = {event["ladder"] for event in case.data.get("escalaties") or ()}
    used |= {stuck["ladder"] for stuck in case.data.get("knelpunten") or ()
             if not stuck.get("opgelost")}
    return [ladder_id for ladder_id in case.region.ladders if ladder_id in used]


def _route(case: CaseContext, ladder_id: str) -> RouteStatus:
    ladder = case.region.ladders[ladder_id]
    events = case.escalations(ladder_id)
    if not events:
        first = case.first_step(ladder_id)
        status = RouteStatus(ladder_id, ladder["naam"], None, "knelpunt, nog niet opgeschaald")
        if first is not None:
            status.volgende.append(_next_step(case, ladder_id, first, None, None))
        return status
    last = events[-1]
    assert last.step is not None
    outcome = last.data.get("uitkomst", "lopend")
    if outcome == "oplossing":
        return RouteStatus(ladder_id, ladder["naam"], last.number, "afgerond met een oplossing")
    due = reply_term.deadline(case, last)
    status = RouteStatus(ladder_id, ladder["naam"], last.number,
                         "loopt" if outcome == "lopend" else "zonder resultaat",
                         due.isoformat() if due else None)
    chooser = (last.step.get("vervolg") or {}).get("besluit_door")
    for number in case.next_steps(ladder_id, last.step):
        step = case.region.step(ladder_id, number)
        assert step is not None
        status.volgende.append(_next_step(case, ladder_id, step, chooser, due))
    return status


def _next_step(case: CaseContext, ladder_id: str, step: Data, chooser: str | None,
               due: date | None) -> NextStep:
    region = case.region
    form_id = step.get("formulier")
    return NextStep(
        ladder_id, int(step["nummer"]), str(step["naam"]),
        [region.role_name(role) for role in step["initiatiefnemers"]],
        region.role_name(chooser) if chooser else None,
        str(region.forms[form_id]["naam"]) if form_id in region.forms else None,
        _form_status(case, form_id) if form_id in region.forms else None,
        _next_working_day(case, due).isoformat() if due else None,
    )


def _next_working_day(case: CaseContext, day: date) -> date:
    return case.region.calendar.add(day, 1)


def _form_status(case: CaseContext, form_id: str) -> str:
    filled = [entry for entry in case.data.get("formulieren") or ()
              if entry["formulier"] == form_id]
    if not filled:
        return "nog niet ingevuld"
    validator = form_complete._validator(case, form_id)
    return "volledig" if validator.validate(filled[-1]["velden"], normalize=False) else "onvolledig"


def _meetings(case: CaseContext) -> list[dict[str, str]]:
    due: list[dict[str, str]] = []
    for meeting_id, meeting in case.region.meetings.items():
        frequency = meeting["frequentie"]
        if frequency["soort"] != "interval":
            continue
        dates = [entry["datum"] for entry in case.data.get("overleggen") or ()
                 if entry["overleg"] == meeting_id] or [case.data.get("start")]
        latest = max((d for d in dates if d), default=None)
        if latest:
            when = date.fromisoformat(latest) + timedelta(days=int(frequency["dagen"]))
            due.append({"overleg": str(meeting["naam"]), "uiterlijk": when.isoformat()})
    return due


def render_text(report: NextReport, stream: TextIO) -> None:
    stream.write(f"casus {report.casus} (peildatum {report.peildatum})\n")
    if not report.routes and not report.overleggen:
        stream.write("geen lopende escalatie of overleg met een vaste termijn\n")
    for route in report.routes:
        current = f"stap {route.huidige_stap}" if route.huidige_stap else "nog geen stap"
        stream.write(f"- {route.naam} ({route.ladder}): {current}, {route.status}\n")
        if route.reacties_uiterlijk:
            stream.write(f"  reacties uiterlijk {route.reacties_uiterlijk}\n")
        for step in route.volgende:
            stream.write(_step_line(step))
    for meeting in report.overleggen:
        stream.write(f"- volgend {meeting['overleg']} uiterlijk {meeting['uiterlijk']}\n")


def _step_line(step: NextStep) -> str:
    parts = [f"  volgende: stap {step.nummer} {step.naam}",
             f"starten door: {', '.join(step.wie_mag_starten)}"]
    if step.keuze_door:
        parts.append(f"keuze door: {step.keuze_door}")
    if step.vanaf:
        parts.append(f"vanaf {step.vanaf} als er geen resultaat is")
    if step.formulier:
        parts.append(f"formulier: {step.formulier} ({step.formulier_status})")
    return "; ".join(parts) + "\n"


def run_next(path: Path, options: CheckOptions, *, output_format: str, stream: TextIO) -> int:
    report = plan_next(path, options)
    if output_format == "json":
        document: dict[str, Any] = asdict(report)
        json.dump(document, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    else:
        render_text(report, stream)
    return 0
